"""The 更正 extension: a correction of a sent report keeps its type, says so in every output,
round-trips through the incident file and is refused when not a boolean."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from composer.core.classify import classify
from composer.core.draft import Draft, correction_draft, derived_draft
from composer.core.incident_io import dumps_report, loads_report, parse_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.validators import InvalidIncident
from composer.render.email import subject_line
from composer.render.fax import fax_set
from composer.render.pdf import render_report_pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"
WHEN = datetime(2026, 11, 18, 16, 0, tzinfo=CHINA_TZ)


def _sent() -> Draft:
    draft = Draft(data=json.loads(EXAMPLE.read_text(encoding="utf-8")))
    draft.id = 7
    return draft


def test_correction_keeps_type_and_chain_and_round_trips():
    fix = correction_draft(_sent())
    report = fix.report()
    assert report is not None and report.correction and report.report_type is ReportType.INITIAL
    assert fix.parent_id == 7 and report.type_zh == "首报（更正）"
    again = loads_report(dumps_report(report))
    assert again.correction and json.loads(dumps_report(report))["correction"] is True
    assert "correction" not in json.loads(dumps_report(_sent().report()))
    fix.id = 8
    follow = derived_draft(fix, ReportType.FOLLOW_UP)
    assert not follow.report().correction


def test_outputs_name_the_correction():
    import pypdf

    report = correction_draft(_sent()).report()
    c = classify(report)
    assert "首报（更正）" in subject_line(report, c)
    pdf = render_report_pdf(report, c, generated_at=WHEN)
    from io import BytesIO
    text = pypdf.PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "网络安全事件报告（首报）（更正）" in text
    cover = pypdf.PdfReader(BytesIO(fax_set(report, c, pdf, generated_at=WHEN)[1]))
    assert "首报（更正）" in cover.pages[0].extract_text()


def test_correction_must_be_a_boolean():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["correction"] = "yes"
    with pytest.raises(InvalidIncident) as exc:
        parse_report(data)
    assert any(p.path == "correction" for p in exc.value.problems)
