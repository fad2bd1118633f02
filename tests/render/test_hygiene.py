"""One text hygiene for every output (control and bidi characters out of the printed text layer,
kept in the e-mail and the PDF title) and visible placeholders for characters no font has."""

from __future__ import annotations

import dataclasses
import io
import json
from email import message_from_bytes
from email.policy import default
from pathlib import Path

from pdf_cases import GENERATED_AT
from pypdf import PdfReader

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.core.model import Report
from composer.render import fonts, hygiene
from composer.render.checks import manifest_notes, report_warnings
from composer.render.package import build_package

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"
CONTROLS = "\x1b\x07\x08\x0b\x0c"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
MISSING = "\U0002A6A5\U0001F600ئۇيغۇرཀ"          # 𪚥, emoji, Uyghur, Tibetan


def _hostile() -> Report:
    r = load_report(EXAMPLE)
    inc = dataclasses.replace(
        r.incident, title=f"标题{CONTROLS}甲\u202e乙",
        impact=f"影响{CONTROLS}{BIDI}电话 010-12345678 结束",
        measures=f"措施{MISSING}完毕")
    return dataclasses.replace(r, incident=inc)


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_printable_removes_controls_and_bidi_only() -> None:
    text = f"a{CONTROLS}b{BIDI}c\n\td\u200d中"
    assert hygiene.printable(text) == "abc\n\td\u200d中"
    assert hygiene.findings(text)[:2] == ["U+001B ESCAPE", "U+0007 BELL"]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in hygiene.findings(text)
    assert hygiene.findings("普通文字\n") == []


def test_pdf_and_fax_text_layer_is_clean_email_and_title_keep_the_text() -> None:
    report = _hostile()
    files = build_package(report, generated_at=GENERATED_AT)
    for name in ("report.pdf", "fax/cover.pdf", "fax/fax.pdf"):
        text = _pdf_text(files[name])
        assert not any(ch in text for ch in CONTROLS + BIDI), name
    report_text = _pdf_text(files["report.pdf"])
    assert "影响电话010-12345678结束" in "".join(report_text.split())
    title = PdfReader(io.BytesIO(files["report.pdf"])).metadata.title
    assert CONTROLS in title and "\u202e" in title
    msg = message_from_bytes(files["message.eml"], policy=default)
    body = msg.get_body(("plain",)).get_content()
    assert f"影响{CONTROLS}{BIDI}电话" in body


def test_missing_characters_print_as_code_point_placeholders() -> None:
    report = _hostile()
    files = build_package(report, generated_at=GENERATED_AT, only="pdf")
    text = "".join(_pdf_text(files["report.pdf"]).split())
    for ch in MISSING:
        assert ch not in text
        assert fonts.placeholder(ch) in text, ch
    assert "〔U+2A6A5〕" in text and "〔U+1F600〕" in text
    manifest = json.loads(files["manifest.json"])
    (entry,) = manifest["unprintable"]
    assert entry["field"] == "incident.measures"
    assert entry["printed_as"][0] == "〔U+2A6A5〕"
    assert any("GRINNING FACE" in c for c in entry["characters"])
    removed = {e["field"]: e["characters"] for e in manifest["removed_from_print"]}
    assert set(removed) == {"incident.title", "incident.impact"}
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in removed["incident.impact"]


def test_warnings_name_the_field_and_the_character() -> None:
    warnings = [str(w) for w in report_warnings(_hostile(), GENERATED_AT)]
    assert any(w.startswith("incident.measures:") and "U+2A6A5" in w for w in warnings)
    assert any(w.startswith("incident.impact:") and "U+001B ESCAPE" in w
               and "U+202A" in w for w in warnings)
    assert manifest_notes(load_report(EXAMPLE)) == {"unprintable": [], "removed_from_print": [],
                                                    "email_sender_problem": None}
    assert classify(_hostile()) is not None
