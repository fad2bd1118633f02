"""One truth in every output (issue 18): each statement of the core's statement model appears,
in the same words and figures, in every output that carries it.

Every example (tests/data/examples and the shared copy), every valid file of the hostile corpus
(tests/data/fuzz) and a few variants that make every kind of statement (待研判, a settled 一般,
a late report, a correction naming what it corrects, unconfirmed numbers, a site remark, the
CII reading remark, a report before the Measures were in force, the fast path, a summary, long
texts) are rendered the way the package renders them; each output is read back as its reader
would — the PDF and the fax cover with pypdf, the e-mail with the ``email`` package (text and
HTML), the phone script and the web-form fields as text — and each statement carried by it must
be found there: its text, its spoken form on the phone, or the cut form the model itself
decides for an output short of room (the e-mail body, the fax cover, the phone script).
The app's header is checked in tests/gui/test_header_statements.py.
"""

from __future__ import annotations

import dataclasses
import html
import io
import json
import re
from datetime import datetime, timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pypdf
import pytest

from composer.core.classify import classify
from composer.core.draft import Draft, correction_draft
from composer.core.drill import PAGE_HEADER, PAGE_MARK
from composer.core.history import INTAKE, SentReport
from composer.core.incident_io import load_report, parse_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.statement import (
    COVER,
    EMAIL,
    FIELDS,
    MORE_IN_ATTACHMENT,
    MORE_IN_REPORT,
    MORE_IN_WRITING,
    PDF,
    SCRIPT,
    Statement,
    brief,
    statements,
)
from composer.core.validators import InvalidIncident
from composer.render.email import BODY_BRIEF, render_eml
from composer.render.fax_cover import COVER_BRIEF, render_cover_pdf
from composer.render.pdf import render_report_pdf
from composer.render.script import CUT_ON_THE_PHONE, CUTS, build_script, spoken_length
from composer.render.webform import all_fields_text, report_fields

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "data" / "examples"
SHARED_EXAMPLES = HERE.parents[1] / "shared" / "examples"
FUZZ = HERE / "data" / "fuzz"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=CHINA_TZ)
FOOTER = re.compile(r"第\s*\d+\s*页\s*共\s*\d+\s*页")


def _files() -> dict[str, Path]:
    out: dict[str, Path] = {}
    seen: set[bytes] = set()
    for folder in (EXAMPLES, SHARED_EXAMPLES, FUZZ):
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            data = path.read_bytes()
            if path.name == "expected.json" or data in seen:
                continue
            try:
                load_report(path)
            except InvalidIncident:
                continue                 # the hostile corpus: only its valid files render
            seen.add(data)
            out[f"{folder.name}/{path.name}"] = path
    return out


def _example(name: str, **top):
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    for key, value in top.items():
        node = data
        *parents, last = key.split("__")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return parse_report(data)


def _correction():
    """A correction as the app makes it: the sending it corrects and each changed field."""
    parent = Draft(data=json.loads((EXAMPLES / "cii-grid-outage.json").read_text("utf-8")))
    parent.id = 3
    sent = SentReport(ReportType.INITIAL, datetime(2026, 11, 19, 2, 50, tzinfo=CHINA_TZ),
                      "email", INTAKE, reference="12387-0042", draft_id=3)
    fix = correction_draft(parent, sent)
    fix.set("incident.location", "北京市丰台区调度大楼")
    fix.set("impact_facts.cii_total_outage_hours", 7.5)
    fix.set("correction_note", "更正中断时长；补充事件地点。")
    report = fix.report()
    assert report is not None and len(report.changes) == 2
    return report


def _summary_with_sendings(drill: bool = False):
    """A summary report as the app makes it: its incident's recorded sendings attached (the
    Art. 11 account) — on time, late, a correction, a follow-up, and a sending of the other
    kind (drill / real) that must not appear."""
    report = _example("cii-grid-outage.json", report_type="summary", drill=drill,
                      incident__handling_completed_at="2026-11-25T10:00:00+08:00",
                      incident__safeguards="部署了工控安全监测平台。",
                      incident__emergency_plan="按《电力监控系统网络安全事件应急预案》处置。",
                      incident__harm_mitigation="30 分钟内切换至备用调度系统。")
    due = report.incident.discovered_at + timedelta(hours=1)
    at = report.incident.discovered_at
    sendings = (
        SentReport(ReportType.INITIAL, at + timedelta(minutes=40), "email",
                   "protection_department", record_seq=1, due=due, drill=drill,
                   recipient_name="国家能源局"),
        SentReport(ReportType.INITIAL, at + timedelta(minutes=95), "other", "public_security",
                   record_seq=2, due=due, drill=drill),
        SentReport(ReportType.INITIAL, at + timedelta(hours=3), "hotline", INTAKE,
                   correction=True, corrects=1, record_seq=3, due=due, drill=drill),
        SentReport(ReportType.FOLLOW_UP, at + timedelta(days=1), "fax", INTAKE, record_seq=4,
                   drill=drill),
        SentReport(ReportType.INITIAL, at + timedelta(minutes=5), "email", INTAKE,
                   record_seq=5, due=due, drill=not drill))
    return dataclasses.replace(report, sendings=sendings)


LONG = "第一句说明事件的经过。" + "第二句很长" * 3000 + "。最后一句。"

VARIANTS = {
    "pending (no impact fact)": lambda: _example("phishing-general.json"),
    "settled general": lambda: _example("phishing-general.json", impact_assessed=True),
    "late, with a reason": lambda: _example("ransomware-retailer.json",
                                             incident__delay_reason="夜间值班人员未及时上报。"),
    "unconfirmed numbers": lambda: _example("ransomware-retailer.json",
                                             impact_facts={"people_services_affected": 150_000}),
    "confirmed by the unit": lambda: _example("ransomware-retailer.json", level_confirmed=(
        "relatively_major"), impact_facts={"people_services_affected": 150_000}),
    "site capped the level": lambda: _example("ransomware-retailer.json", impact_facts={
        "defacement": {"site": "key_news", "reposts": 100_000}}),
    "site not given": lambda: _example("ransomware-retailer.json", impact_facts={
        "defacement": {"reposts": 100_000}}),
    "CII figures of a non-CII operator": lambda: _example(
        "ransomware-retailer.json", impact_facts={"cii_total_outage_hours": 5.9999}),
    "before the Measures were in force": lambda: _example(
        "ransomware-retailer.json", incident__discovered_at="2025-10-20T09:00:00+08:00",
        incident__ransom={"amount": "3 BTC"}),
    "fast path, police, marks": lambda: _example(
        "ransomware-retailer.json", incident__location="杭州市<机房>&", incident__not_yet_known=[
            "ransom.method"], incident__suspected_crime=True,
        incident__police_report={"status": "reported", "at": "2026-11-18T15:00:00+08:00"}),
    "summary": lambda: _example("central-organ-leak.json", report_type="summary",
                                incident__handling_completed_at="2026-11-25T10:00:00+08:00",
                                incident__lessons="加强数据出境审计。"),
    "follow-up": lambda: _example("cii-grid-outage.json", report_type="follow_up",
                                  incident__trend="已恢复。", incident__cause="漏洞利用。"),
    "correction from the app": _correction,
    "correction from a file": lambda: _example(
        "ransomware-retailer.json", correction=True, correction_note="更正赎金金额。",
        corrects={"sent_at": "2026-11-18T17:24:00+08:00", "channel": "fax"}),
    "long texts": lambda: _example("ransomware-retailer.json", incident__description=LONG,
                                   incident__impact=LONG, incident__delay_reason=LONG,
                                   incident__measures=LONG[:19_000]),
    # drills (issue 24): the 演练 statement, the drill's own recipients, its headline
    "drill with its own recipients": lambda: _example(
        "ransomware-retailer.json", drill=True, drill_to=["drill-lead@example.com"],
        drill_fax="0571-88881234"),
    "drill without recipients, pending": lambda: _example("phishing-general.json", drill=True),
    "drill correction": lambda: _example(
        "cii-grid-outage.json", drill=True, correction=True, correction_note="更正中断时长。",
        corrects={"sent_at": "2026-11-19T02:50:00+08:00", "channel": "fax"}),
    # the Art. 11 account (issue 24): the table from the sending record, the unit's words
    "summary with its sendings": _summary_with_sendings,
    "drill summary with its sendings": lambda: _summary_with_sendings(drill=True),
    "summary, no sending recorded": lambda: dataclasses.replace(
        _example("central-organ-leak.json", report_type="summary",
                 incident__handling_completed_at="2026-11-25T10:00:00+08:00"), sendings=()),
    "drill summary, long texts": lambda: _example(
        "central-organ-leak.json", drill=True, report_type="summary",
        incident__handling_completed_at="2026-11-25T10:00:00+08:00",
        incident__description=LONG, incident__lessons=LONG[:19_000]),
}


def _squash(text: str) -> str:
    """The text without white space and page furniture (page numbers; a drill's mark and
    header line, printed on every page: tests/render/test_drill_package.py checks them)."""
    text = text.replace(PAGE_MARK + "\n" + PAGE_HEADER, "").replace(PAGE_HEADER, "")
    return re.sub(r"\s+", "", FOOTER.sub("", text))


def _pdf_text(data: bytes) -> str:
    return _squash("".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages))


def _email_texts(data: bytes) -> list[str]:
    msg = message_from_bytes(data, policy=default)
    text = msg.get_body(("plain",)).get_content()
    body = msg.get_body(("html",)).get_content()
    body = html.unescape(re.sub(r"<[^>]+>", "", body))
    return [_squash(msg["Subject"] + text), _squash(msg["Subject"] + body)]


def _outputs(report):
    c = classify(report)
    pdf = render_report_pdf(report, c, generated_at=WHEN)
    script = build_script(report, c)
    return {
        PDF: [_pdf_text(pdf)],
        EMAIL: _email_texts(render_eml(report, c, pdf, generated_at=WHEN)),
        COVER: [_pdf_text(render_cover_pdf(report, c, report_pages=3, generated_at=WHEN))],
        SCRIPT: [_squash("".join(script.said_lines))],
        FIELDS: [_squash(all_fields_text(report_fields(report, c)))],
    }


def _forms(s: Statement, carrier: str) -> list[str]:
    """The forms the model allows ``carrier`` to say ``s`` in (its text; the spoken form on
    the phone; the model's own cut form where the output has no room for a long text)."""
    if carrier == SCRIPT:
        if not (s.user or s.key in CUT_ON_THE_PHONE):
            return [s.said]
        return [s.said] + [brief(s.said, limit, MORE_IN_WRITING, spoken_length)
                           for cut in CUTS for limit in cut]
    if carrier == EMAIL:
        return [s.text, s.brief(BODY_BRIEF, MORE_IN_ATTACHMENT)]
    if carrier == COVER:     # one page: long notes and texts as their first sentences
        return [s.text, brief(s.text, COVER_BRIEF, MORE_IN_REPORT)]
    return [s.text]


def _check(report) -> int:
    said = statements(report, classify(report), generated_at=WHEN)
    outputs = _outputs(report)
    checked, missing = 0, []
    for s in said:
        for carrier, texts in outputs.items():
            if not s.carried_by(carrier):
                continue
            if carrier == PDF and s.cells:     # a table row: every cell, in the table
                checked += 1
                lost = [c for c in s.cells if _squash(c) not in texts[0]]
                if lost:
                    missing.append(f"{carrier}: {s.key} cells {lost!r}")
                continue
            forms = [_squash(f) for f in _forms(s, carrier)]
            if carrier == SCRIPT and s.key.startswith("reason.") and "另有" in texts[0]:
                forms.append("另有")     # at the shortest cut, reasons beyond the first counted
            for text in texts:
                checked += 1
                if not any(f and f in text for f in forms):
                    missing.append(f"{carrier}: {s.key} {s.text[:60]!r}")
    assert not missing, "\n".join(missing)
    return checked


@pytest.mark.parametrize("name", sorted(_files()))
def test_every_file_says_the_same_in_every_output(name: str) -> None:
    assert _check(load_report(_files()[name])) > 40


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_kind_of_statement_says_the_same_in_every_output(variant: str) -> None:
    assert _check(VARIANTS[variant]()) > 40


def test_the_inputs_are_the_ones_asked_for() -> None:
    names = _files()
    assert {n for n in names if n.startswith("examples/")} == {
        "examples/" + p.name for p in EXAMPLES.glob("*-*.json")}
    assert {"fuzz/valid-at-bounds.json", "fuzz/valid-latest-discovery.json"} <= set(names)


def test_a_statement_an_output_drops_or_rewords_is_caught(monkeypatch) -> None:
    """The check can fail: a fax cover that words the deadline its own way is found out."""
    from composer.render import fax_cover

    real = fax_cover.cover_rows

    def reworded(*args, **kw):
        return [(label, value.replace("前报送", "之前报告")) for label, value in real(*args, **kw)]

    report = _example("ransomware-retailer.json")
    _check(report)
    monkeypatch.setattr(fax_cover, "cover_rows", reworded)
    with pytest.raises(AssertionError, match="cover: deadline"):
        _check(report)


def test_the_variants_make_every_kind_of_statement() -> None:
    keys: set[str] = set()
    for make in VARIANTS.values():
        report = make()
        keys |= {s.key.split(".")[0] for s in statements(report, classify(report),
                                                         generated_at=WHEN + timedelta(days=1))}
    for kind in ("type", "title", "recipients", "deadline", "late", "delay_reason",
                 "timeliness", "corrects", "change", "correction_note", "in_force", "level",
                 "reason", "remark", "unverified", "confirmed_by_unit", "pending", "assessed",
                 "nature", "cii_reading", "contact", "heading", "item1", "item2", "item3",
                 "fast_path", "police", "summary", "drill", "art11"):
        assert kind in keys, kind
    art11 = {s.key.rsplit(".", 1)[0] if s.key.split(".")[1] in ("row", "duty") else s.key
             for make in VARIANTS.values()
             for s in statements(make(), classify(make())) if s.key.startswith("art11.")}
    assert art11 == {"art11.unknown", "art11.none", "art11.lead", "art11.row", "art11.count",
                     "art11.duty", "art11.safeguards", "art11.emergency_plan",
                     "art11.harm_mitigation"}
    assert dataclasses.is_dataclass(Statement)


def test_the_art11_table_comes_from_the_record_only() -> None:
    """The rows are the recorded sendings of the report's own kind (a drill's never in a real
    account, nor a real one in a drill's), with figures computed from the record."""
    for drill in (False, True):
        report = _summary_with_sendings(drill)
        said = statements(report, classify(report), generated_at=WHEN)
        rows = [s.cells for s in said.prefixed("art11.row.")]
        assert [r[0] for r in rows] == ["首报", "首报", "首报（更正）", "续报"]
        assert [r[4] for r in rows] == ["按时", "迟报 35 分钟", "原报告按时", "—"]
        assert rows[2][2] == "以原报告为准" and rows[3][2] == "无固定时限"
        assert said.text("art11.count") == "以上共 4 次报送；有时限的 2 次中，按时 1 次，迟报 1 次。"
        duties = [s.text for s in said.prefixed("art11.duty.")]
        assert len(duties) == 2 and duties[0].endswith("按时。") and "迟报 35 分钟" in duties[1]
