"""Table cells and the fax cover are set ragged-right: a line broken before a long address is
never spaced out letter by letter to fill the cell (issue 21's re-justification is for body
paragraphs, and even there at most a quarter em between characters)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.render.fax_cover import render_cover_pdf
from composer.render.pdf import render_report_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
WHEN = datetime(2026, 11, 18, 17, 30, tzinfo=timezone(timedelta(hours=8)))

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) not installed")


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_contact_cell_and_cover_footer_are_not_letter_spaced(tmp_path: Path) -> None:
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    c = classify(report)
    text = _text(render_report_pdf(report, c, generated_at=WHEN), tmp_path)
    # the e-mail address moves to the next line; the line before it keeps its spacing
    assert "刘洋，电话：010-66668888，电子邮箱：" in text
    cover = _text(render_cover_pdf(report, c, report_pages=3, generated_at=WHEN), tmp_path)
    assert "如页数不全或字迹不清，请联系发件人：刘洋，电话" in cover
