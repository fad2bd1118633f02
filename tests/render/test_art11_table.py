"""The Art. 11 table of a summary report (issue 24) runs over pages like any ruled table: each
row moves to the next page whole, and every page it runs onto begins with its column heads."""

from __future__ import annotations

import dataclasses
import io
import sys
from datetime import datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

from composer.core.classify import classify
from composer.core.model import INTAKE, ReportType, SentReport
from composer.core.obligations import CHINA_TZ
from composer.render.pdf import render_report_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_statements_agree import _summary_with_sendings

HEADS = "报送对象与渠道"


def test_the_column_heads_open_every_page_the_table_runs_onto() -> None:
    report = _summary_with_sendings()
    at = report.incident.discovered_at
    many = tuple(SentReport(ReportType.FOLLOW_UP, at + timedelta(days=1, hours=i), "fax",
                            INTAKE, record_seq=10 + i) for i in range(40))
    report = dataclasses.replace(report, sendings=(*(report.sendings or ()), *many))
    pdf = render_report_pdf(report, classify(report),
                            generated_at=datetime(2026, 11, 26, 10, 0, tzinfo=CHINA_TZ))
    pages = ["".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    spanned = [i for i, text in enumerate(pages) if "续报12387受理平台" in text]
    assert len(spanned) >= 3, "the table should run over several pages"
    for i in spanned:
        assert HEADS in pages[i], f"page {i + 1} continues the table without its heads"
    rows = sum(text.count("续报12387受理平台") for text in pages)
    assert rows == 40 + 1            # every row once (the fixture has one follow-up too)
