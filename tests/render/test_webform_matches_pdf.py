"""The copy-ready fields (web form, mini-program, WeChat) say what the PDF says: the same item
headings, the same part labels, the same 暂不掌握 marks, the same Art. 4 police sentence."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path

import pypdf

from composer.core import art7
from composer.core.classify import classify
from composer.core.incident_io import loads_report
from composer.core.obligations import CHINA_TZ
from composer.core.statement import statements
from composer.render.pdf import render_report_pdf
from composer.render.webform import ITEM_TITLES, SUMMARY_TITLE, report_fields

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _report(name, **incident):
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    data["incident"].update(incident)
    report = loads_report(json.dumps(data).encode())
    return report, classify(report)


def _pdf_text(report, c) -> str:
    pdf = render_report_pdf(report, c, generated_at=datetime(2026, 11, 18, 15, 0,
                                                               tzinfo=CHINA_TZ))
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", text)


def test_titles_are_the_pdf_headings():
    from composer.render.pdf import ITEM_HEADINGS, SUMMARY_HEADING
    assert ITEM_TITLES == ITEM_HEADINGS
    assert SUMMARY_TITLE == SUMMARY_HEADING
    report, c = _report("ransomware-retailer.json")
    fields = report_fields(report, c)
    said = statements(report, c)
    assert [f.title for f in fields] == [said.text(f"heading.{n}") for n in range(1, 9)]
    printed = _pdf_text(report, c)
    for f in fields:   # and the PDF really prints each of them
        assert re.sub(r"\s+", "", f.title) in printed


def test_parts_use_the_pdf_labels():
    report, c = _report("ransomware-retailer.json", location=None,
                        not_yet_known=["location"], suspected_crime=True,
                        police_report={"status": "not_yet"})
    fields = report_fields(report, c)
    item2 = fields[1].text.splitlines()
    for part in statements(report, c).item(2, "fields"):
        assert part.line in item2, part.line
    for label in art7.RANSOM_LABELS:
        assert any(line.startswith(label + "：") for line in item2), label
    assert f"事件地点：{art7.NOT_YET_KNOWN_TEXT}" in item2
    # Art. 4: the unit's own words about the police, as the PDF prints them
    assert fields[7].text == statements(report, c).text("police")
    assert "尚未向公安机关报案" in fields[7].text
