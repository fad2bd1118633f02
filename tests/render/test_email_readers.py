"""message.eml headers as two independent readers decode them: GMime (through notmuch, the
library under mu, notmuch and several desktop clients) and Python's parser — on every example
and on hostile names. A name must never add a recipient or lose words."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from readers import gmime_read

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.core.model import Report
from composer.render.email import (
    attachment_names,
    display_name,
    render_eml,
    sender_problem,
    subject_line,
)
from composer.render.mime_headers import decode_word, encoded_words

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=timezone(timedelta(hours=8)))
EVIL_WORD = "=?utf-8?b?ZXZpbEBhdHRhY2tlci5leGFtcGxlLCB4?="   # "evil@attacker.example, x"
HOSTILE_NAMES = [
    EVIL_WORD,
    f"张三 {EVIL_WORD}",
    '"Boss" <boss@evil.example>, x',
    "A, B; C <d@e.f>",
    "x\\\"y (z) [w]",
    "张" * 150,
    "A中文名称单位" * 12,
    "AB" + "中文" * 10,                   # no base64 cut at whole characters: Q encoding
    "李·四",                              # 2-byte character
    "😀 Li",
    "=?utf-8?q?evil=40attacker.example?=",
]


def _examples() -> list[Report]:
    return [load_report(p) for p in sorted(EXAMPLES.glob("*.json")) if p.name != "expected.json"]


def _hostile() -> list[Report]:
    base = load_report(EXAMPLES / "ransomware-retailer.json")
    out = []
    for name in HOSTILE_NAMES:
        op = dataclasses.replace(base.operator, name=name,
                                 contact=dataclasses.replace(base.operator.contact, name=name))
        out.append(dataclasses.replace(base, operator=op))
    return out


CASES = _examples() + _hostile()


def _eml(report: Report) -> bytes:
    return render_eml(report, classify(report), b"%PDF-1.4\n%%EOF\n", generated_at=WHEN,
                      extra_recipients=["soc@example.cn"])


def _words(raw: bytes, header: str) -> list[str]:
    """The encoded words of ``header`` in the raw message."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    (value,) = re.findall(rf"^{header}:([^\r\n]*(?:\r\n [^\r\n]*)*)", head, re.MULTILINE)
    return re.findall(r"=\?utf-8\?[bq]\?[^?]*\?=", value)


def test_cases_cover_examples_and_hostile_names() -> None:
    assert len(_examples()) >= 4 and len(CASES) == len(_examples()) + len(HOSTILE_NAMES)


@pytest.mark.parametrize("report", CASES, ids=lambda r: r.operator.name[:12])
def test_python_parser_reads_exactly_what_was_meant(report: Report) -> None:
    raw = _eml(report)
    msg = message_from_bytes(raw, policy=default)
    assert not msg.defects
    assert msg["Subject"] == subject_line(report, classify(report))
    for header in ("From", "Reply-To"):
        # Python keeps the folding space between the encoded words of a display name (RFC
        # 2047 §6.2 drops it, as GMime does below): a space where one word ends, nothing else
        words = _words(raw, header)
        assert "".join(decode_word(w) for w in words) == display_name(report)
        assert [(a.display_name, a.addr_spec) for a in msg[header].addresses] == [
            (" ".join(decode_word(w) for w in words), report.operator.contact.email)]
    assert [a.addr_spec for a in msg["To"].addresses] == ["12387@cert.org.cn", "soc@example.cn"]
    assert len(msg.get_all("To")) == 1 and msg.get_all("Cc") is None
    assert msg.get_all("Bcc") is None
    (att,) = msg.iter_attachments()
    name, fallback = attachment_names(report, WHEN)
    assert att.get_filename() == name
    assert att["Content-Type"].params["name"] == fallback and fallback.isascii()
    for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        assert len(line) <= 78, line


def test_gmime_reads_exactly_what_was_meant() -> None:
    decoded = gmime_read([_eml(r) for r in CASES])
    if decoded is None:
        pytest.skip("notmuch (GMime) not installed; .ci/run installs it")
    for report, got in zip(CASES, decoded, strict=True):
        who = report.operator.name[:20]
        assert got["headers"]["Subject"] == subject_line(report, classify(report)), who
        assert got["senders"] == [(display_name(report), report.operator.contact.email)], who
        assert got["recipients"] == [("", "12387@cert.org.cn"), ("", "soc@example.cn")], who
        assert got["filenames"] == [attachment_names(report, WHEN)[0]], who
        assert "attacker" not in got["headers"].get("To", "")


def test_both_encodings_are_exercised() -> None:
    heads = [_eml(r).split(b"\r\n\r\n", 1)[0] for r in CASES]
    assert any(b"Subject: =?utf-8?q?" in h for h in heads)
    assert any(b"Subject: =?utf-8?b?" in h for h in heads)


def test_every_encoded_word_decodes_on_its_own() -> None:
    for report in CASES:
        head = _eml(report).split(b"\r\n\r\n", 1)[0].decode("ascii")
        for word in re.findall(r"=\?utf-8\?b\?([A-Za-z0-9+/=]*)\?=", head):
            assert len(word) <= 75 - 12
            # padding only in the last word of a header (GMime joins words before decoding)
        for header in re.findall(r"^(?:Subject|From|Reply-To):[^\r\n]*(?:\r\n [^\r\n]*)*", head, re.MULTILINE):
            words = re.findall(r"=\?utf-8\?b\?([A-Za-z0-9+/=]*)\?=", header)
            # every line read, not only the first
            assert len(re.findall(r"=\?utf-8\?[bq]\?", header)) >= header.count("\r\n")
            assert all("=" not in w for w in words[:-1]), header


def test_q_encoding_when_base64_cannot_cut_whole_characters() -> None:
    words = encoded_words("A" + "中" * 40, 60)
    assert all(w.startswith("=?utf-8?q?") for w in words) and len(words) > 1
    assert all(len(w) <= 60 for w in words[:1]) and all(len(w) <= 75 for w in words)


def test_display_name_keeps_the_whole_unit_name() -> None:
    """Issue 21: the unit's name is never dropped for a byte cap (it was, from 11 Chinese
    characters on); a long name takes several encoded words."""
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    assert display_name(report) == "刘洋（华东优选零售有限公司）"
    for unit in (UNIT_25, "华" * 200):
        long_unit = dataclasses.replace(report, operator=dataclasses.replace(
            report.operator, name=unit))
        assert display_name(long_unit) == f"刘洋（{unit}）"
        words = _words(_eml(long_unit), "From")
        assert len(words) >= 2 and "".join(decode_word(w) for w in words) == f"刘洋（{unit}）"
    for r in CASES:
        assert "=?" not in display_name(r)


UNIT_25 = "示例数据服务有限公司华东优选零售集团杭州分公司信息"   # 25 characters


@pytest.mark.parametrize("unit", [UNIT_25, "华东" * 100], ids=["25 characters", "200 characters"])
def test_mu_and_notmuch_show_the_whole_unit_in_from(unit: str, tmp_path: Path) -> None:
    base = load_report(EXAMPLES / "ransomware-retailer.json")
    report = dataclasses.replace(base, operator=dataclasses.replace(base.operator, name=unit))
    raw = _eml(report)
    expected = f"刘洋（{unit}）"
    decoded = gmime_read([raw])
    if decoded is not None:
        assert decoded[0]["senders"] == [(expected, "liuyang@example.cn")]
        assert decoded[0]["headers"]["From"] == f"{expected} <liuyang@example.cn>"
    if shutil.which("mu") is None:
        pytest.skip("mu (maildir-utils) not installed; .ci/run installs it")
    path = tmp_path / "message.eml"
    path.write_bytes(raw)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    shown = subprocess.run(["mu", "view", str(path)], capture_output=True, env=env,
                           check=True).stdout.decode("utf-8")
    assert f"From: {expected} <liuyang@example.cn>" in shown.splitlines()
    if decoded is None:
        pytest.skip("notmuch (GMime) not installed; .ci/run installs it")


def test_unusable_contact_address_is_reported_not_silently_dropped() -> None:
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    assert sender_problem(report) is None
    bad = dataclasses.replace(report, operator=dataclasses.replace(
        report.operator, contact=dataclasses.replace(report.operator.contact,
                                                     email="刘洋@例子.中国")))
    assert "From" in (sender_problem(bad) or "")
    msg = message_from_bytes(_eml(bad), policy=default)
    assert msg["From"] is None and msg["Reply-To"] is None
    from composer.render.checks import manifest_notes, report_warnings

    assert manifest_notes(bad)["email_sender_problem"] == sender_problem(bad)
    assert any(w.path == "operator.contact.email" for w in report_warnings(bad))
