"""The report PDF: a Chinese incident report laid out like an official document (GB/T 9704).

Qt-free. :func:`render_report_pdf` turns a :class:`~composer.core.model.Report` and its
:class:`~composer.core.classify.Classification` into PDF bytes: a title naming the report type,
a header table (recipients, reporting unit, contact, times, level and its basis, deadline), the
eight items of Art. 7 of the Measures in order (an empty item reads "待补报"), and a signature and
seal block. The report's text is already clean (:func:`composer.core.hygiene.clean_report`,
applied by every caller's funnel); every user text goes through
:func:`composer.render.fonts.paragraph_markup` (escaping, per-character font fallback,
〔U+XXXX〕 placeholders) in the report's typeface (:mod:`composer.render.typefaces`: bundled
serif by default, or the unit's workstation fonts). What the report says — every heading,
label, value and sentence — is :func:`composer.core.statement.statements`; this module only
lays it out. Equal inputs and ``generated_at`` give equal bytes. Layout
details (page, styles, line breaking, keeping headings and the signature with their lines, page
numbers) live in :mod:`composer.render.pdf_layout`.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from composer import __version__
from composer.core.classify import Classification
from composer.core.grading import UNVERIFIED_NOTICE
from composer.core.model import Report
from composer.core.rules import category
from composer.core.statement import Statement, Statements, statements
from composer.core.statement_base import TO_BE_SUPPLEMENTED, beijing_time
from composer.core.statement_items import ART7_PARA2, SUMMARY_HEADING, item_headings
from composer.core.statement_level import CONFIRMED_BY_UNIT, VOLUNTARY
from composer.render import fonts
from composer.render import pdf_layout as L
from composer.render.pdf_art11 import art11_flowables
from composer.render.pdf_keep import KeptFlow
from composer.render.typefaces import Typeface, bundled

__all__ = ["ART7_PARA2", "CONFIRMED_BY_UNIT", "ITEM_HEADINGS", "SUMMARY_HEADING",
           "TO_BE_SUPPLEMENTED", "VOLUNTARY", "render_report_pdf"]

ITEM_HEADINGS = item_headings()
"""The eight items of Art. 7 in the law's words (composer.core.statement_items)."""

_NUMERALS = "一二三四五六七八九十"
# said beside the level in the header table (the level itself is also a part of item 2)
_BESIDE_LEVEL = ("reason.", "remark.", "unverified", "confirmed_by_unit", "pending",
                 "assessed", "nature", "cii_reading")


def render_report_pdf(report: Report, classification: Classification, *,
                      generated_at: datetime, typeface: Typeface | None = None) -> bytes:
    """The report as PDF bytes (A4, fonts embedded, "第 N 页 共 M 页" on every page).

    ``generated_at`` (timezone-aware) is printed on the report and becomes the PDF creation
    date; equal inputs give byte-identical output. ``typeface`` (see
    :func:`composer.render.typefaces.typeface`) defaults to the bundled serif.
    """
    if generated_at.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware")
    fonts.register()
    st = L.report_styles(typeface or bundled())
    said = statements(report, classification, generated_at=generated_at)
    inc = report.incident
    title = said.text("title")
    keywords = ["网络安全事件报告", report.type_zh, f"{said.level.text}事件"]
    cat = category(inc.category)
    if cat is not None:
        keywords.append(cat.zh)
    # the report's text is clean (composer.core.hygiene, applied before any output); the
    # metadata gets it on one line
    one_line = re.sub(r"[ \t]*[\r\n\u2028\u2029\x85]+[ \t]*", " ", inc.title).strip()
    buf = io.BytesIO()
    doc = L.document(
        buf, title=f"{title}：{one_line}", author=" ".join(report.operator.name.split()),
        subject=f"《国家网络安全事件报告管理办法》第七条事件报告 — {one_line}（{generated_by(generated_at)}）",
        creator=f"Composer {__version__}", keywords=keywords, lang="zh-CN",
        drill=report.drill)
    story: list[Flowable] = [L.CJKParagraph(title, st.title),
                             L.CJKParagraph(st.markup(inc.title), st.subtitle)]
    drill = said.get("drill")
    if drill is not None:     # a drill: said under the title, boxed, before anything else
        story.append(KeepTogether([L.CJKParagraph(f"{drill.label}：{st.markup(drill.text)}",
                                                  st.note)]))
    story.append(_header_table(st, said, generated_at))
    if said.get("unverified") is not None:
        story.append(KeepTogether([L.CJKParagraph(
            f"提示：{UNVERIFIED_NOTICE}。本事件级别所依据的标准尚未与正式文本核实，"
            "报送前请核对《网络安全事件分级指南》原文并确认级别。", st.note)]))
    # the items and the signature, broken across pages by the keep-with rules (pdf_keep)
    story.append(KeptFlow(_items(st, said), _signature_block(st), page_height=L.FRAME_HEIGHT))
    doc.build(story, canvasmaker=L.numbered_canvas(generated_at))
    return buf.getvalue()


# --- small helpers ---------------------------------------------------------------------------


def generated_by(generated_at: datetime) -> str:
    """``本报告由 Composer 0.1.0 于 … 生成``: PDF metadata only — the page that goes to the
    regulator does not advertise the tool."""
    return f"本报告由 Composer {__version__} 于 {beijing_time(generated_at)}生成"


def _paragraphs(text: str) -> list[str]:
    """User text split at line breaks into non-empty paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.strip() for line in lines if line.strip()]


def _text_flowables(st: L.ReportStyles, text: str, label: str = "") -> list[Flowable]:
    """Body paragraphs for a statement's text, the first led by a bold label."""
    lead = f"<b>{label}</b>" if label else ""
    parts = _paragraphs(text) or [TO_BE_SUPPLEMENTED]
    out: list[Flowable] = [L.CJKParagraph(lead + st.markup(parts[0]), st.body)]
    out += [L.CJKParagraph(st.markup(p), st.body) for p in parts[1:]]
    return out


def _sub_items(st: L.ReportStyles, parts: list[Statement]) -> list[Flowable]:
    """Numbered sub-items （一）label：text …"""
    out: list[Flowable] = []
    for n, s in enumerate(parts):
        out += _text_flowables(st, s.text, f"（{_numeral(n + 1)}）{s.label}：")
    return out


def _numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    return ("" if n < 20 else _NUMERALS[n // 10 - 1]) + "十" + (
        _NUMERALS[n % 10 - 1] if n % 10 else "")


# --- header ----------------------------------------------------------------------------------


def _cell(st: L.ReportStyles, *parts: Statement | None, sep: str = "<br/>") -> str:
    return sep.join(st.markup(s.text) for s in parts if s is not None)


def _header_table(st: L.ReportStyles, said: Statements, generated_at: datetime) -> Table:
    m = st.markup
    get = said.get
    unit = f"{m(said.text('item1.name'))}（{m(said.text('item1.kind'))}）"
    if get("item1.credit_code") is not None:
        unit += f"<br/>统一社会信用代码：{m(said.text('item1.credit_code'))}"
    level = f"<b>{m(said.level.text)}</b>"
    beside = [s for s in said.grading_lines if s.key != "nature"]
    reasons = [s for s in beside if s.key.startswith("reason.")]
    if reasons:
        level += "<br/>依据：" + "；".join(m(s.text) for s in reasons)
    for s in beside:
        if s.key.startswith("reason."):
            continue
        text = m(s.text)
        level += "<br/>" + (f"<b>【{text}】</b>" if s.key == "unverified" else text)
    rows: list[tuple[str, str]] = [
        ("主送", _cell(st, get("recipients"))),
        ("报告单位", unit),
        ("联系人", _cell(st, get("contact"))),
        ("发现时间", _cell(st, get("item2.discovered_at"))),
    ]
    if get("item2.occurred_at") is not None:   # discovery *or* occurrence (Art. 7)
        rows.append(("发生时间", _cell(st, get("item2.occurred_at"))))
    if get("item2.handling_completed_at") is not None:
        rows.append(("处置结束时间", _cell(st, get("item2.handling_completed_at"))))
    rows.append(("事件级别", level))
    if get("nature") is not None:
        rows.append(("报告性质", f"<b>{_cell(st, get('nature'))}</b>"))
    deadline = get("deadline")
    if deadline is not None:
        late = get("late")
        rows.append(("报告时限", m(deadline.text) + (
            f"<br/><b>{m(late.text)}</b>" if late is not None else "")))
    if get("timeliness") is not None:
        rows.append(("报告时效", _cell(st, get("timeliness"))))
    if get("delay_reason") is not None:  # made late: the unit's reason (迟报原因)
        rows.append(("迟报原因", _cell(st, get("delay_reason"))))
    corrections = said.correction_lines
    if corrections:
        rows.append(("更正", "<br/>".join(m(s.line if s.key != "corrects" else s.text)
                                         for s in corrections)))
    if get("in_force") is not None:
        rows.append(("说明", _cell(st, get("in_force"))))
    rows.append(("生成时间", beijing_time(generated_at)))
    label_width = 6 * L.TABLE_SIZE + 12
    data = [[L.CJKParagraph(label, st.cell_label), L.CJKParagraph(value, st.cell)]
            for label, value in rows]
    # Rows move to the next page whole (a row split across pages loses its rule and leaves an
    # empty stub); only a row taller than a page may be split.
    tallest = max(max(cell.wrap(w - 12, L.PAGE_HEIGHT)[1] for cell, w in
                      zip(row, (label_width, L.FRAME_WIDTH - label_width), strict=True))
                  for row in data) + 10
    table = Table(data, colWidths=[label_width, L.FRAME_WIDTH - label_width],
                  splitInRow=1 if tallest > L.FRAME_HEIGHT else 0,
                  spaceAfter=L.BODY_LEADING / 2)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.typeface.body, L.TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), L.RULE_WIDTH, L.INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


# --- the eight items of Art. 7 -----------------------------------------------------------------


def _items(st: L.ReportStyles, said: Statements) -> list[Flowable]:
    story: list[Flowable] = []
    for n in said.items:
        story += L.heading(said.text(f"heading.{n}"), style=st.heading)
        if n == 10:        # the Art. 11 account of a summary report: its table of sendings
            story += art11_flowables(st, said)
            continue
        parts = [s for s in said.item(n, "pdf") if not s.key.startswith(_BESIDE_LEVEL)
                 and s.key != "fast_path"]
        if n == 9 and said.get("summary.lead") is not None:
            story.append(L.CJKParagraph(said.text("summary.lead"), st.body))
            parts = [s for s in parts if s.key != "summary.lead"]
        if any(s.label for s in parts):
            story += _sub_items(st, parts)
        else:
            for s in parts:
                story += _text_flowables(st, s.text)
        if n == 2 and said.get("fast_path") is not None:   # Art. 7 ¶2
            story.append(KeepTogether([L.CJKParagraph(said.text("fast_path"), st.note)]))
    return story


# --- signature and seal ------------------------------------------------------------------------


def _signature_block(st: L.ReportStyles) -> list[Flowable]:
    """报告单位（盖章）, 负责人签字 and 日期 with ruled blanks (kept on one page with the
    last lines before them by :class:`~composer.render.pdf_keep.KeptFlow`)."""
    date_cells = ["", "年", "", "月", "", "日"]
    unit = 1.2 * L.BODY_SIZE
    date = Table([date_cells], colWidths=[3 * unit, unit, 2 * unit, unit, 2 * unit, unit])
    date.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.typeface.body, L.BODY_SIZE),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        *[("LINEBELOW", (c, 0), (c, 0), L.RULE_WIDTH, L.INK) for c in (0, 2, 4)],
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    rows: list[list[Any]] = [["报告单位（盖章）：", ""], ["负责人签字：", ""], ["日期：", date]]
    label_width = 9 * L.BODY_SIZE + 6
    table = Table(rows, colWidths=[label_width, 10 * unit], rowHeights=[56, 44, 44],
                  hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.typeface.body, L.BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("BOTTOMPADDING", (0, 0), (0, -1), 6),
        ("LINEBELOW", (1, 0), (1, 1), L.RULE_WIDTH, L.INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, L.BODY_LEADING / 2), table]
