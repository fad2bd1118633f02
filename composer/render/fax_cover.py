"""The fax cover sheet: what is being faxed, to whom, how urgent, on one A4 page.

Qt-free. :func:`cover_rows` and :func:`urgency_lines` lay out what the cover states — the
statements of :mod:`composer.core.statement` it carries (plain text);
:func:`render_cover_pdf` lays it out (:func:`draw_cover`, which takes any rows and lines) in
large high-contrast type (≥ 14 pt, no grey text), 25 mm margins, to the national intake's fax
number (from the rule data, never hard-coded) — a drill's to its own number or none, marked on
every page (:func:`composer.core.drill.addressees`, :mod:`composer.render.drill_mark`). Long
values wrap in their cells and the cover
runs onto further pages; nothing is shortened to fit a page.
The cover followed by the report, and the fax TIFF, are :mod:`composer.render.fax`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from composer import __version__
from composer.core.classify import Classification
from composer.core.drill import addressees, marked
from composer.core.model import Report
from composer.core.statement import (
    COVER,
    MORE_IN_REPORT,
    Statement,
    Statements,
    brief,
    statements,
)
from composer.core.statement_base import fmt_time
from composer.render.oneline import header_text

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable, Table

MARGIN = 25 * mm
BODY_PT, TITLE_PT, LEADING = 14, 30, 19.5   # ≥ 14 pt: a fax at 204×196 dpi keeps it crisp


# --- cover sheet ------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from composer.render import fonts

    fonts.register()
    body = ParagraphStyle("fax-body", fontName=fonts.SANS, fontSize=BODY_PT, leading=LEADING,
                          textColor=colors.black, wordWrap="CJK",
                          cjkJustify=0)   # ragged-right: never letter-spaced to fill a line
    return {
        "body": body,
        "label": ParagraphStyle("fax-label", parent=body, fontName=fonts.SANS_BOLD),
        "title": ParagraphStyle("fax-title", parent=body, fontName=fonts.SANS_BOLD,
                                fontSize=TITLE_PT, leading=TITLE_PT * 1.3, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("fax-subtitle", parent=body, fontName=fonts.SANS_BOLD,
                                   fontSize=20, leading=27, alignment=TA_CENTER),
        "urgent": ParagraphStyle("fax-urgent", parent=body, fontName=fonts.SANS_BOLD,
                                 fontSize=20, leading=27, alignment=TA_CENTER),
    }


def _cut(text: str, limit: int) -> str:
    return header_text(text, limit)


COVER_BRIEF = 180
"""Characters of a long text (the unit's delay reason, the notes beside the level) the cover
prints before 「……（详见报告）」 — its first sentences: the report follows the cover."""


def _said(report: Report, classification: Classification,
          generated_at: datetime | None) -> Statements:
    return statements(report, classification, generated_at=generated_at)


def _text(s: Statement) -> str:
    return brief(s.text, COVER_BRIEF, MORE_IN_REPORT)


def cover_rows(report: Report, classification: Classification, *, total_pages: int,
               generated_at: datetime, limit: int = 90,
               said: Statements | None = None) -> list[tuple[str, str]]:
    """The (label, value) lines of the cover sheet, plain text: the statements the cover
    carries (a long one as its first sentences, :data:`COVER_BRIEF`). ``limit`` would shorten
    the unit's name, the title and the contact (:func:`render_cover_pdf` passes
    :data:`NO_CUT`)."""
    said = said or _said(report, classification, generated_at)
    to = addressees(report)            # a drill: its own fax number or none, never the intake
    op, contact = report.operator, report.operator.contact
    rows = [("收件单位", to.unit)] + ([("收件传真", to.fax)] if to.fax else []) + [
        # beside the number, as fax covers have it: the receiving operator checks it first
        # (and a cover that flows onto a second page never leaves it there alone)
        ("页　　数", f"共 {total_pages} 页（含本封面）"),
        ("发件单位", _cut(op.name, limit)),
        ("联 系 人", _cut(contact.name, max(limit, 40))),
        ("联系电话", _cut(contact.phone, max(limit, 40))),
    ]
    if contact.email:
        # never cut (an address with "…" is useless): the line breaker wraps it
        rows.append(("电子邮箱", header_text(contact.email, 400)))
    level = [s for s in said.grading_lines if s.carried_by(COVER) and s.key != "nature"]
    rows += [
        ("发送时间", f"{fmt_time(generated_at)}（北京时间）"),
        ("事　　由", f"网络安全事件{said.text('type')}："
                    + _cut(report.incident.title, limit)),
        ("事件级别", "\n".join([said.level.text, *(_text(s) for s in level)])),
    ]
    deadline = said.get("deadline")
    if deadline is not None and deadline.carried_by(COVER):
        late = said.get("late")
        # first, right under the boxed headline: the deadline and, sent after it, the delay
        rows.insert(0, ("报告时限", "\n".join([deadline.text] + ([late.text] if late else []))))
    for key, label in (("nature", "报告性质"), ("timeliness", "报告时效"),
                       ("delay_reason", "迟报原因"), ("in_force", "说　　明")):
        s = said.get(key)
        if s is not None and s.carried_by(COVER):
            rows.append((label, _text(s)))
    correction = [s for s in said.correction_lines if s.carried_by(COVER)]
    if correction:
        rows.append(("更　　正", "\n".join(_text(s) for s in correction)))
    return rows


def urgency_lines(report: Report, classification: Classification,
                  generated_at: datetime | None = None,
                  said: Statements | None = None) -> tuple[str, ...]:
    """The boxed line: how urgent, or what kind of report (the model's headline: 紧急,
    紧急　迟报, 紧急　级别待研判, 一般事件　自愿报告, 续报, 事件处置总结报告, 更正报告). The deadline
    and, sent after it, the delay are the 报告时限 row right under it (:func:`cover_rows`)."""
    said = said or _said(report, classification, generated_at)
    return tuple(said.headline)


def cover_subject(report: Report) -> str:
    """The cover's and the fax set's PDF Subject: what is being faxed, to whom."""
    to = addressees(report)
    where = f"传真至{to.salutation} {to.fax}" if to.fax else f"{to.salutation}：未指定传真"
    return header_text(marked(report, f"网络安全事件{report.type_zh}：{report.incident.title}"
                                      f"（{where}）"), 200)


def render_cover_pdf(report: Report, classification: Classification, *, report_pages: int,
                     generated_at: datetime) -> bytes:
    """The A4 cover sheet; ``report_pages`` excludes the cover. Names and texts are never
    shortened to fit: the rows grow and the cover flows onto further pages, and the page count
    it prints (共 N 页（含本封面）) counts all of them."""
    if report_pages < 0:
        raise ValueError("report_pages must not be negative")
    contact = report.operator.contact
    footer = (f"如页数不全或字迹不清，请联系发件人：{header_text(contact.name, NO_CUT)}，"
              f"电话 {header_text(contact.phone, NO_CUT)}。")
    meta = {"title": marked(report, f"传真封面 {fmt_time(generated_at)}"),
            "author": header_text(report.operator.name, NO_CUT),
            "subject": cover_subject(report), "creator": f"Composer {__version__}"}
    said = _said(report, classification, generated_at)
    cover_pages, pdf = 1, b""
    for _ in range(4):   # the page count is printed on the cover: settle it (1 → n → n)
        rows = cover_rows(report, classification, total_pages=report_pages + cover_pages,
                          generated_at=generated_at, limit=NO_CUT, said=said)
        pdf, pages = draw_cover(rows, urgency_lines(report, classification, generated_at, said),
                                footer, generated_at=generated_at, meta=meta,
                                drill=report.drill)
        if pages == cover_pages:
            break
        cover_pages = pages
    return pdf


NO_CUT = 100_000
"""A ``header_text``/``cover_rows`` limit no valid input reaches: names are not shortened."""


def draw_cover(rows: Sequence[tuple[str, str]], urgent: Sequence[str], footer: str, *,
               generated_at: datetime, meta: dict[str, Any],
               drill: bool = False) -> tuple[bytes, int]:
    """``(PDF bytes, pages)`` of a cover: the title, the boxed ``urgent`` lines, a table of
    ``(label, value)`` ``rows`` (values may hold line breaks) and ``footer`` at the foot of
    every page. Any number of rows and lines of any length: every cell wraps within its column,
    a row taller than what is left of a page moves to the next one (or splits, when taller than
    a page), and the cover runs onto as many pages as it needs. ``drill``: every page carries
    the drill's mark (:mod:`composer.render.drill_mark`)."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from composer.render import fonts
    from composer.render.pdf_layout import CJKParagraph, fix_signature, pdf_date

    styles = _styles()
    page_w, page_h = A4
    width = page_w - 2 * MARGIN
    foot = CJKParagraph(fonts.paragraph_markup(footer), styles["body"])
    _, foot_h = foot.wrap(width, page_h)
    stamp = pdf_date(generated_at)
    pages = [0]

    def on_page(canvas: Canvas, doc: Any) -> None:
        if not pages[0]:
            canvas.setDateFormatter(lambda *_: stamp)
            fix_signature(canvas, generated_at)
        pages[0] += 1
        canvas.saveState()
        foot.drawOn(canvas, MARGIN, MARGIN)
        canvas.restoreState()

    bottom = MARGIN + foot_h + 8 * mm
    frame = Frame(MARGIN, bottom, width, page_h - MARGIN - bottom, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="cover")
    buf = io.BytesIO()
    from composer.render.drill_mark import page_hook

    hook = page_hook(drill, page_w, page_h, on_page)
    doc = BaseDocTemplate(buf, pagesize=A4, pageTemplates=[PageTemplate("cover", [frame],
                                                                       onPage=hook)],
                          leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, invariant=1, pageCompression=1,
                          initialFontName=fonts.SANS, lang="zh-CN", **meta)
    box = _ruled([[CJKParagraph("<br/>".join(fonts.paragraph_markup(line) for line in urgent),
                                styles["urgent"])]], [width], rule=2.5, pad=4 * mm,
                 inner=False)
    box.spaceBefore, box.spaceAfter = 6 * mm, 8 * mm
    story: list[Flowable] = [CJKParagraph(fonts.paragraph_markup(text), styles[style])
                             for text, style in (("传　真", "title"), ("网络安全事件报告", "subtitle"))]
    story += [box, _table(list(rows), styles, width)]
    doc.build(story)
    return buf.getvalue(), pages[0]


PIECE_LINES = 8
"""A long value is set in pieces of at most this many lines (one table row each, drawn as one
cell): rows move to the next page whole, so at most this much room is left at a page's foot,
and no row is ever taller than a page."""


def _pieces(para: Any, width: float) -> list[Any]:
    """``para`` split into paragraphs of at most :data:`PIECE_LINES` lines at ``width``."""
    limit = PIECE_LINES * para.style.leading + 1
    out = []
    while True:
        _, h = para.wrap(width, A4[1])
        parts = para.split(width, limit) if h > limit else []
        if len(parts) != 2:
            out.append(para)
            return out
        out.append(parts[0])
        para = parts[1]


def _ruled(fields: list[list[Any]], widths: list[float], *, rule: float, pad: float,
           inner: bool, valign: str = "MIDDLE") -> Table:
    """A table with one row per piece of each field (``fields``: the cells of a field, the
    last one the long value): ruled around each field and between columns (``inner``), never
    between the pieces of one field, whose lines follow on at the paragraph's leading."""
    from reportlab.platypus import TableStyle

    from composer.render import fonts

    data: list[list[Any]] = []
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, BODY_PT),   # else reportlab declares Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("VALIGN", (0, 0), (-1, -1), valign)]
    if inner and len(widths) > 1:
        style += [("LINEAFTER", (c, 0), (c, -1), rule, "black") for c in range(len(widths) - 1)]
    for cells in fields:
        first = len(data)
        pieces = _pieces(cells[-1], widths[-1] - 2 * pad)
        for k, piece in enumerate(pieces):
            data.append([*(cells[:-1] if k == 0 else [""] * (len(cells) - 1)), piece])
        last = len(data) - 1
        if first and inner:
            style.append(("LINEABOVE", (0, first), (-1, first), rule, "black"))
        if last > first:                 # one cell drawn in pieces: no gap between them
            style += [("VALIGN", (0, first), (-1, last), "TOP"),
                      ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                      ("TOPPADDING", (0, first + 1), (-1, last), 0)]
    from composer.render.boxed_table import BoxedTable

    table = BoxedTable(data, colWidths=widths, rule=rule)
    table.setStyle(TableStyle(style))
    return table


def _table(rows: list[tuple[str, str]], styles: dict[str, ParagraphStyle],
           width: float) -> Table:
    from composer.render import fonts
    from composer.render.pdf_layout import CJKParagraph

    label_w = 32 * mm
    fields = [[CJKParagraph(fonts.paragraph_markup(label), styles["label"]),
               CJKParagraph(fonts.paragraph_markup(value), styles["body"])]
              for label, value in rows]
    return _ruled(fields, [label_w, width - label_w], rule=1, pad=6, inner=True)
