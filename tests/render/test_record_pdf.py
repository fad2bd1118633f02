"""The 报送记录 PDF: laid out from the records, columns as wide as their content needs (a fax
number or an address never split, issue 21), a correction shown as such, whom each sending
reached."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from composer.core.obligations import CHINA_TZ
from composer.core.storage import Storage
from composer.render import fonts
from composer.render import pdf_layout as L
from composer.render.record_pdf import _TOKEN, _width, fit_widths, record_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from record_scene import build_scene

WHEN = datetime(2026, 12, 5, 10, 0, tzinfo=CHINA_TZ)


def _lines(pdf: bytes) -> list[str]:
    import io

    return [line.strip() for page in PdfReader(io.BytesIO(pdf)).pages
            for line in page.extract_text().splitlines()]


def test_the_record_of_the_scene_reads_whole(tmp_path):
    store = Storage(build_scene(tmp_path / "data"))
    pdf = record_pdf(store, store.verify_records(), generated_at=WHEN)
    lines = _lines(pdf)
    text = "".join(lines)
    for unbroken in ("010-82992387", "12387@cert.org.cn", "<r1@example.cn>", "fax-report.png"):
        assert any(unbroken in line for line in lines), unbroken   # on one line, never split
    assert "事件：调度自动化系统整体中断" in text
    assert "#2 首报（更正）" in text and "更正 #1 的报送（记录 1，2026-11-18 15:00）" in text
    assert "保护工作部门（国家能源局）" in text and "直接报送" in text
    assert "记录链校验：完整，共 4 条记录" in text
    assert store.verify_records().head in text.replace(" ", "")
    store.close()


def test_columns_are_at_least_as_wide_as_their_longest_unbreakable_run():
    fonts.register()
    rows = [["记录", "接收方与渠道", "报送时间", "回执"],
            ["1", "12387 受理平台\n传真\n010-82992387", "2026-11-18 15:00",
             "受理编号 A-2026-000123\n接收人 王女士" * 3],
            ["12", "保护工作部门（国家能源局）\n直接报送", "2026-11-18 18:00", "—"]]
    widths = fit_widths(rows, L.FRAME_WIDTH)
    assert abs(sum(widths) - L.FRAME_WIDTH) < 0.01
    for col in range(4):
        longest = max((_width(t) for row in rows for t in _TOKEN.findall(row[col])), default=0)
        assert widths[col] >= longest, (col, widths[col], longest)
    assert widths[3] > widths[0]           # the text that wraps gets what is left
