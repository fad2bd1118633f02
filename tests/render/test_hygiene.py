"""One text hygiene for every output (issue 21): control, bidi and invisible format characters
are left out of the PDF (text and metadata), the fax, the e-mail (headers and bodies), the phone
script, the form fields and the calendar alike, U+2028/U+2029 are line breaks, and one warning
per field names what was removed; characters no font has print as 〔U+XXXX〕 placeholders."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import icalendar
from pdf_cases import GENERATED_AT
from pypdf import PdfReader

from composer.core.classify import classify
from composer.core.draft import Draft
from composer.core.hygiene import clean_report
from composer.core.incident_io import load_report
from composer.core.model import Report, ReportType
from composer.core.owed import owed
from composer.render import fonts
from composer.render.checks import manifest_notes, report_warnings
from composer.render.ics import calendar_ics
from composer.render.package import build_package
from composer.render.webform import report_fields

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"
CONTROLS = "\x1b\x07\x08\x0b\x0c"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\ufeff\u2060\u00ad\ufe0f\U000e0041\U000e007f"
MISSING = "\U0002A6A5\U0001F600ئۇيغۇرཀ"          # 𪚥, emoji, Uyghur, Tibetan
EVERYTHING = CONTROLS + BIDI + INVISIBLE


def _hostile() -> Report:
    r = load_report(EXAMPLE)
    op = dataclasses.replace(r.operator, name="示例\u200b数据\u200b服务\u200b有限公司",
                             contact=dataclasses.replace(r.operator.contact,
                                                         name="刘\u200d洋\u202e"))
    inc = dataclasses.replace(
        r.incident, title=f"标题{CONTROLS}甲\u202e乙\ufeff",
        impact=f"影响{CONTROLS}{BIDI}电话 13800138000 结束",
        description=f"第一段\u2028第二段\u2029第三段{INVISIBLE}完",
        measures=f"措施{MISSING}完毕")
    return dataclasses.replace(r, operator=op, incident=inc)


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _metadata(pdf: bytes) -> str:
    return " ".join(str(v) for v in PdfReader(io.BytesIO(pdf)).metadata.values())


def _clean(text: str) -> bool:
    return not any(ch in text for ch in EVERYTHING + "\u2028\u2029")


def test_every_output_of_the_package_is_clean() -> None:
    files = build_package(_hostile(), generated_at=GENERATED_AT, only="pdf,eml,fax,script")
    for name in ("report.pdf", "fax/cover.pdf", "fax/fax.pdf", "script.pdf"):
        assert _clean(_pdf_text(files[name])), name
        assert _clean(_metadata(files[name])), name          # /Title, /Author, /Subject …
    report_text = "".join(_pdf_text(files["report.pdf"]).split())
    assert "影响电话13800138000结束" in report_text
    assert "标题甲乙" in _metadata(files["report.pdf"])
    assert "示例数据服务有限公司" in _metadata(files["fax/fax.pdf"])
    msg = message_from_bytes(files["message.eml"], policy=default)
    for header in ("Subject", "From", "Reply-To"):
        assert _clean(str(msg[header])), header
    assert "示例数据服务有限公司" in str(msg["Subject"])     # not 「示例 数据 服务 有限公司」
    assert msg["From"].addresses[0].display_name.replace(" ", "") == "刘洋（示例数据服务有限公司）"
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            assert _clean(part.get_content()), part.get_content_type()
    body = msg.get_body(("plain",)).get_content()
    assert "影响电话 13800138000 结束" in body
    script = files["script.txt"].decode("utf-8")
    assert _clean(script) and "示例数据服务有限公司" in script


def test_line_separators_are_line_breaks_and_soft_hyphens_vanish() -> None:
    files = build_package(_hostile(), generated_at=GENERATED_AT, only="pdf")
    text = _pdf_text(files["report.pdf"])
    assert "〔U+2028〕" not in text and "〔U+2029〕" not in text and "〔U+00AD〕" not in text
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.endswith("第一段") for line in lines)
    assert any(line == "第二段" for line in lines)
    assert any(line.startswith("第三段") and line.endswith("完") for line in lines)
    assert "-" not in "".join(line for line in lines if "第三段" in line)


def test_manifest_lists_what_was_removed_and_placeholders_stay() -> None:
    files = build_package(_hostile(), generated_at=GENERATED_AT, only="pdf")
    text = "".join(_pdf_text(files["report.pdf"]).split())
    for ch in MISSING:
        assert ch not in text
        assert fonts.placeholder(ch) in text, ch
    manifest = json.loads(files["manifest.json"])
    (entry,) = manifest["unprintable"]
    assert entry["field"] == "incident.measures" and entry["printed_as"][0] == "〔U+2A6A5〕"
    hygiene = {e["field"]: e for e in manifest["text_hygiene"]}
    assert set(hygiene) == {"operator.name", "operator.contact.name", "incident.title",
                            "incident.description", "incident.impact"}
    assert hygiene["operator.name"]["removed"] == ["U+200B ZERO WIDTH SPACE"]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in hygiene["incident.impact"]["removed"]
    assert hygiene["incident.description"]["line_breaks"] == ["U+2028 LINE SEPARATOR",
                                                              "U+2029 PARAGRAPH SEPARATOR"]
    assert "U+00AD SOFT HYPHEN" in hygiene["incident.description"]["removed"]
    assert "U+E0041 TAG LATIN CAPITAL LETTER A" in hygiene["incident.description"]["removed"]
    removed = {e["field"] for e in manifest["removed_from_print"]}
    assert removed == set(hygiene)
    assert manifest_notes(load_report(EXAMPLE)) == {
        "unprintable": [], "removed_from_print": [], "text_hygiene": [],
        "email_sender_problem": None}


def test_one_warning_per_field_naming_what_was_removed() -> None:
    warnings = [str(w) for w in report_warnings(_hostile(), GENERATED_AT)]
    assert any(w.startswith("incident.measures:") and "U+2A6A5" in w for w in warnings)
    impact = [w for w in warnings if w.startswith("incident.impact:")]
    assert len(impact) == 1
    assert "removed from every output" in impact[0]
    assert "U+001B" in impact[0] and "U+202E" in impact[0] and "U+2069" in impact[0]
    assert [w for w in warnings if w.startswith("operator.name:")] == [
        "operator.name: removed from every output: U+200B ZERO WIDTH SPACE"]
    assert [w for w in warnings if w.startswith("incident.description:")] == [
        ("incident.description: removed from every output: U+200B, U+200C, U+200D, U+200E, "
         "U+200F, U+FEFF, U+2060, U+00AD, U+FE0F, U+E0041, U+E007F; written as line breaks: "
         "U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR")]


def test_the_apps_draft_gives_every_output_the_clean_report() -> None:
    raw = json.loads(EXAMPLE.read_text("utf-8"))
    raw["operator"]["name"] = "示例\u200b数据服务有限公司"
    raw["incident"]["description"] = "电话\u202e13800138000\u2028第二行"
    draft = Draft(data=raw)
    report = draft.report()
    assert report is not None
    assert report.operator.name == "示例数据服务有限公司"
    assert report.incident.description == "电话13800138000\n第二行"
    assert raw["incident"]["description"] == "电话\u202e13800138000\u2028第二行"   # as typed
    assert [f.path for f in draft.text_findings()] == ["operator.name", "incident.description"]
    fields = report_fields(report, draft.classification())
    assert all(_clean(f.text) for f in fields)
    ics = calendar_ics(report, owed(report, classify(report), {ReportType.INITIAL}),
                       now=datetime(2026, 11, 25, tzinfo=UTC)).decode("utf-8")
    assert _clean(ics)
    assert clean_report(report).report is report                       # idempotent


def _composer(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "composer", *args], capture_output=True,
                          env=env, timeout=120, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


def test_cli_script_and_calendar_are_clean_and_warn(tmp_path: Path) -> None:
    raw = json.loads(EXAMPLE.read_text("utf-8"))
    raw["incident"]["description"] = "联系电话\u202e13800138000"
    raw["incident"]["title"] = "标题\u200b甲"
    src = tmp_path / "hostile.json"
    src.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    run = _composer("script", str(src))
    assert run.returncode == 0, run.stderr
    assert _clean(run.stdout) and "标题甲" in run.stdout
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 2
    assert any("incident.description" in w and "U+202E" in w for w in warnings)
    run = _composer("calendar", str(src), "--out", str(tmp_path / "owed.ics"))
    assert run.returncode == 0, run.stderr
    ics = (tmp_path / "owed.ics").read_text("utf-8")
    assert _clean(ics) and "标题甲" in ics.replace("\r\n ", "")
    assert icalendar.Calendar.from_ical(ics) is not None
    assert sum(line.startswith("warning: ") for line in run.stderr.splitlines()) == 2
