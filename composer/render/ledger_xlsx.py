"""The 台账 as a spreadsheet (.xlsx, openpyxl): what an inspection asks to see.

Qt-free. Sheet 「报送台账」 has one row per report sent (:func:`composer.core.ledger.ledger_rows`)
under a frozen header row; times are real spreadsheet dates in Beijing time (the header says
北京时间; a spreadsheet has no time zones), minutes late a number, columns as wide as their
Chinese text needs (a CJK character counts two), long texts wrapped. Sheet 「年度汇总」 has the
year's figures (:func:`composer.core.ledger.ledger_summary`): incidents by level and by
category, reports on time and late — a drill's (演练) apart and only when drills are included —
and the sending record's check with its head hash, which ties the sheet to the record.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from composer import __version__
from composer.core.ledger import LedgerRow, LedgerSummary, ledger_summary
from composer.core.obligations import in_china
from composer.core.record_verify import Verification

DATE_FORMAT = "yyyy-mm-dd hh:mm"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", "n"), ("报告单位", "unit"), ("事件名称", "incident_title"),
    ("事件类型", "category"), ("事件级别", "level"), ("发现时间（北京时间）", "discovered_at"),
    ("报告类型", "report_type"), ("报送对象", "recipient"), ("报送渠道", "channel"),
    ("报送时限（北京时间）", "deadline"), ("时限依据", "deadline_note"),
    ("报送时间（北京时间）", "sent_at"), ("是否按时", "timeliness"),
    ("迟报分钟数", "minutes_late"), ("回执（受理编号等）", "receipt"), ("记录编号", "seq"),
    ("记录 SHA-256", "sha256"), ("事件信息来源", "source"))
"""(header, LedgerRow field) of the ledger sheet, in order."""
MAX_WIDTH = 48
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
DRILL_FILL = PatternFill("solid", fgColor="FFF0D9")


def text_width(text: str) -> int:
    """Columns a text needs in a spreadsheet: two for a wide (CJK) character, one otherwise;
    the longest line."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


def _value(row: LedgerRow, n: int, field: str) -> Any:
    if field == "n":
        return n
    value = getattr(row, field)
    if isinstance(value, datetime):
        return in_china(value).replace(tzinfo=None)     # Beijing time, as the header says
    if field == "minutes_late":
        return max(value, 0) if value is not None else None
    return value


def _fit(ws: Worksheet, widths: list[int]) -> None:
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(width, 6) + 2, MAX_WIDTH)


def _ledger_sheet(ws: Worksheet, rows: Sequence[LedgerRow]) -> None:
    ws.append([h for h, _ in COLUMNS])
    widths = [text_width(h) for h, _ in COLUMNS]
    for cell in ws[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, row in enumerate(rows, 1):
        values = [_value(row, n, f) for _, f in COLUMNS]
        ws.append(values)
        for c, value in enumerate(values):
            cell = ws.cell(row=n + 1, column=c + 1)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, datetime):
                cell.number_format = DATE_FORMAT
                widths[c] = max(widths[c], len(DATE_FORMAT))
            elif value is not None:
                widths[c] = max(widths[c], text_width(str(value)))
            if row.drill:
                cell.fill = DRILL_FILL
    _fit(ws, widths)
    ws.freeze_panes = "A2"                  # the header stays while scrolling
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    ws.print_title_rows = "1:1"             # and on every printed page
    _print_wide(ws)


def _print_wide(ws: Worksheet, pages: int = 2, landscape: bool = True) -> None:
    """Printed on A4 (landscape), the columns on ``pages`` pages' width (18 columns on one
    page would print too small to read)."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None          # every new worksheet has its page-setup properties
    setup.fitToPage = True
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0


def _block(ws: Worksheet, title: str, pairs: Sequence[tuple[str, Any]]) -> None:
    ws.append([])
    ws.append([title])
    ws.cell(row=ws.max_row, column=1).font = BOLD
    for label, value in pairs:
        ws.append([label, value])


def _figures(s: LedgerSummary, lead: str = "") -> list[tuple[str, Any]]:
    return [(lead + label, value) for label, value in (
        ("报送次数", s.reports), ("有报送时限的报送", s.timed), ("其中按时", s.on_time),
        ("其中迟报", s.late), ("续报（无固定时限）", s.follow_ups),
        ("更正（时效以原报告为准）", s.corrections), ("未记录时限", s.no_deadline))]


def _summary_sheet(ws: Worksheet, rows: Sequence[LedgerRow], *, year: int | None,
                   unit: str, generated_at: datetime,
                   verification: Verification | None) -> None:
    real = [r for r in rows if not r.drill]
    drills = [r for r in rows if r.drill]
    ws.append([f"{year} 年度网络安全事件报送台账汇总" if year is not None
               else "网络安全事件报送台账汇总（全部年份）"])
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.append(["报告单位", unit or "不详"])
    ws.append(["生成时间（北京时间）", in_china(generated_at).replace(tzinfo=None)])
    ws.cell(row=ws.max_row, column=2).number_format = DATE_FORMAT
    if verification is not None:
        ws.append(["记录链校验", (f"完整，共 {verification.checked} 条记录" if verification.ok
                                  else f"不完整：{len(verification.problems)} 个问题，请运行 "
                                       "composer log verify")])
        ws.append(["末条记录 SHA-256", verification.head])
    s = ledger_summary(real)
    _block(ws, "事件数（按级别：报送记录所载的最近级别）",
           [*s.by_level, ("合计", s.incidents)])
    _block(ws, "事件数（按类型）", [*s.by_category, ("合计", s.incidents)])
    _block(ws, "报送情况（按时以分钟计）", _figures(s))
    if drills:
        d = ledger_summary(drills)
        _block(ws, "演练（不计入本单位的报告）",
               [("演练次数", d.incidents), *_figures(d, "演练")])
    widths = [0, 0]
    for row in ws.iter_rows(min_row=2):     # the title may run across the empty cells
        for c, cell in enumerate(row[:2]):
            if cell.value is not None and not isinstance(cell.value, datetime):
                widths[c] = max(widths[c], text_width(str(cell.value)))
    widths[1] = max(widths[1], len(DATE_FORMAT))
    _fit(ws, [min(widths[0], 40), widths[1]])
    _print_wide(ws, pages=1, landscape=False)


def ledger_xlsx(rows: Sequence[LedgerRow], *, year: int | None, generated_at: datetime,
                unit: str = "", verification: Verification | None = None) -> bytes:
    """The 台账 workbook of ``rows`` (see the module docstring) as .xlsx bytes."""
    wb = Workbook()
    ledger = wb.active
    assert ledger is not None
    ledger.title = "报送台账"
    _ledger_sheet(ledger, rows)
    _summary_sheet(wb.create_sheet("年度汇总"), rows, year=year, unit=unit,
                   generated_at=generated_at, verification=verification)
    props = wb.properties
    props.title = "网络安全事件报送台账" + (f"（{year} 年度）" if year is not None else "")
    props.creator = unit or "Composer"
    props.description = f"Composer {__version__}"
    props.language = "zh-CN"
    moment = in_china(generated_at).replace(tzinfo=None)
    props.created = props.modified = moment
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


__all__ = ["COLUMNS", "DATE_FORMAT", "ledger_xlsx", "text_width"]
