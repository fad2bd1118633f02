"""The fax cover sheet: what is being faxed, to whom, how urgent, on one A4 page.

Qt-free. :func:`cover_rows` and :func:`urgency_lines` say what the cover states (plain text);
:func:`render_cover_pdf` lays it out in large high-contrast type (≥ 14 pt, no grey), 25 mm
margins, to the national intake's fax number (from the rule data, never hard-coded).
The cover followed by the report, and the fax TIFF, are :mod:`composer.render.fax`.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from composer import __version__
from composer.core.classify import Classification
from composer.core.model import Report
from composer.core.rules import reporting_rules
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
    from reportlab.platypus import Table

MARGIN = 25 * mm
BODY_PT, TITLE_PT, LEADING = 15, 30, 21


# --- cover sheet ------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib.styles import ParagraphStyle

    from composer.render import fonts

    fonts.register()
    body = ParagraphStyle("fax-body", fontName=fonts.SANS, fontSize=BODY_PT, leading=LEADING,
                          textColor="black", wordWrap="CJK")
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


COVER_BRIEF = 80
"""Characters of a long text (the unit's delay reason, the notes beside the level) the cover
prints before 「……（详见报告）」 — its first sentences: the report follows the cover, and the
cover is one page."""


def _said(report: Report, classification: Classification,
          generated_at: datetime | None) -> Statements:
    return statements(report, classification, generated_at=generated_at)


def _text(s: Statement) -> str:
    return brief(s.text, COVER_BRIEF, MORE_IN_REPORT)


def cover_rows(report: Report, classification: Classification, *, total_pages: int,
               generated_at: datetime, limit: int = 90,
               said: Statements | None = None) -> list[tuple[str, str]]:
    """The (label, value) lines of the cover sheet, plain text. ``limit`` shortens the unit's
    name, the title and the contact (to fit the page); the statements are never cut."""
    said = said or _said(report, classification, generated_at)
    ch = reporting_rules().channels
    op, contact = report.operator, report.operator.contact
    rows = [
        ("收件单位", f"{ch.intake_zh}（{ch.hotline} 受理）"),
        ("收件传真", ch.fax),
        ("发件单位", _cut(op.name, limit)),
        ("联 系 人", _cut(contact.name, 40)),
        ("联系电话", _cut(contact.phone, 40)),
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
    for key, label in (("nature", "报告性质"), ("timeliness", "报告时效"),
                       ("delay_reason", "迟报原因"), ("in_force", "说　　明")):
        s = said.get(key)
        if s is not None and s.carried_by(COVER):
            rows.append((label, _text(s)))
    correction = [s for s in said.correction_lines if s.carried_by(COVER)]
    if correction:
        rows.append(("更　　正", "\n".join(_text(s) for s in correction)))
    rows.append(("页　　数", f"共 {total_pages} 页（含本封面）"))
    return rows


def urgency_lines(report: Report, classification: Classification,
                  generated_at: datetime | None = None,
                  said: Statements | None = None) -> tuple[str, ...]:
    """The boxed lines: how urgent or what kind of report (the model's headline), the
    deadline this report answers and, sent after it, that it is late."""
    said = said or _said(report, classification, generated_at)
    lines = list(said.headline)
    deadline = said.get("deadline")
    if deadline is not None and deadline.carried_by(COVER):
        lines.append(f"{deadline.label}：{deadline.text}")
    late = said.get("late")
    if late is not None:
        lines.append(late.text)
    return tuple(lines)


def cover_subject(report: Report) -> str:
    """The cover's and the fax set's PDF Subject: what is being faxed, to whom."""
    ch = reporting_rules().channels
    return header_text(f"网络安全事件{report.type_zh}：{report.incident.title}"
                       f"（传真至{ch.intake_zh} {ch.fax}）", 200)


def render_cover_pdf(report: Report, classification: Classification, *, report_pages: int,
                     generated_at: datetime) -> bytes:
    """The one-page A4 cover sheet; ``report_pages`` excludes the cover."""
    from reportlab.pdfgen.canvas import Canvas

    from composer.render import fonts
    from composer.render.pdf_layout import CJKParagraph, fix_signature, pdf_date

    if report_pages < 0:
        raise ValueError("report_pages must not be negative")
    styles = _styles()
    said = _said(report, classification, generated_at)
    total = report_pages + 1
    page_w, page_h = A4
    width = page_w - 2 * MARGIN
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1, initialFontName=fonts.SANS)
    stamp = pdf_date(generated_at)
    c.setDateFormatter(lambda *_: stamp)
    fix_signature(c, generated_at)
    c.setTitle(f"传真封面 {fmt_time(generated_at)}")
    c.setAuthor(header_text(report.operator.name, 120))
    c.setSubject(cover_subject(report))
    c.setCreator(f"Composer {__version__}")
    c.setStrokeColor("black")
    c.setFillColor("black")

    y = page_h - MARGIN
    for text, style in (("传　真", "title"), ("网络安全事件报告", "subtitle")):
        para = CJKParagraph(fonts.paragraph_markup(text), styles[style])
        _, h = para.wrap(width, page_h)
        y -= h
        para.drawOn(c, MARGIN, y)
    y -= 6 * mm

    urgent = CJKParagraph("<br/>".join(fonts.paragraph_markup(line)
                                       for line in urgency_lines(report, classification,
                                                                 generated_at, said)),
                          styles["urgent"])
    _, h = urgent.wrap(width - 8 * mm, page_h)
    box_h = h + 6 * mm
    y -= box_h
    c.setLineWidth(2.5)
    c.rect(MARGIN, y, width, box_h, stroke=1, fill=0)
    urgent.drawOn(c, MARGIN + 4 * mm, y + 3 * mm)
    y -= 8 * mm

    footer = CJKParagraph(fonts.paragraph_markup(
        f"如页数不全或字迹不清，请联系发件人：{_cut(report.operator.contact.name, 40)}，"
        f"电话 {_cut(report.operator.contact.phone, 40)}。"), styles["body"])
    _, footer_h = footer.wrap(width, page_h)
    room = y - MARGIN - footer_h - 8 * mm
    for limit in (90, 60, 40, 24):   # shorten long names/titles until the table fits the page
        table = _table(cover_rows(report, classification, total_pages=total,
                                  generated_at=generated_at, limit=limit, said=said),
                       styles, width)
        _, table_h = table.wrap(width, page_h)
        if table_h <= room:
            break
    table.drawOn(c, MARGIN, y - table_h)
    footer.drawOn(c, MARGIN, MARGIN)
    c.showPage()
    c.save()
    return buf.getvalue()


def _table(rows: list[tuple[str, str]], styles: dict[str, ParagraphStyle],
           width: float) -> Table:
    from reportlab.platypus import Table, TableStyle

    from composer.render import fonts
    from composer.render.pdf_layout import CJKParagraph

    label_w = 32 * mm
    data = [[CJKParagraph(fonts.paragraph_markup(label), styles["label"]),
             CJKParagraph(fonts.paragraph_markup(value), styles["body"])] for label, value in rows]
    table = Table(data, colWidths=[label_w, width - label_w])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, BODY_PT),   # else reportlab declares Helvetica
        ("GRID", (0, 0), (-1, -1), 1, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table
