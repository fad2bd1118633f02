"""Page geometry, styles and canvas of the report PDF (GB/T 9704-like, fax-safe).

Qt-free (reportlab only). :mod:`composer.render.pdf` decides *what* the report says; this module
decides how it sits on the page:

* A4 with the official-document margins of GB/T 9704 (37/35/28/26 mm), 28 characters a line and
  22 lines a page for body text, black on white only, no rule thinner than 1 pt and no text
  smaller than 12 pt (the PDF is also faxed at 204×196 dpi).
* :class:`~composer.render.cjk_lines.CJKParagraph` (re-exported here) — a ``Paragraph`` with
  the Chinese line-breaking rules (避头尾) and justified lines: :mod:`composer.render.cjk_lines`.
* :func:`numbered_canvas` — a canvas class that writes "第 N 页 共 M 页" on every page once the
  total is known, and a fixed creation date so the output is reproducible.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
)

from composer.render.cjk_lines import CJKParagraph as CJKParagraph  # re-exported
from composer.render.fonts import SANS, SANS_BOLD, paragraph_markup

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT          # 156 mm ≈ 442 pt
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM        # 225 mm ≈ 638 pt

BODY_SIZE = 15.75          # 3号 (16 pt) narrowed so that exactly 28 characters fill a line
BODY_LEADING = 28.9        # 22 lines on the 225 mm type area
TABLE_SIZE = 14.0
TABLE_LEADING = 21.0
TITLE_SIZE = 22.0          # 2号
FOOTER_SIZE = 14.0
RULE_WIDTH = 1.0           # no hairlines: ≥ 2 px at fax resolution
INK = colors.black

# --- styles --------------------------------------------------------------------------------


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": SANS, "fontSize": BODY_SIZE, "leading": BODY_LEADING,
                            "textColor": INK, "wordWrap": "CJK", "alignment": TA_LEFT,
                            "allowWidows": 1, "allowOrphans": 0}
    base.update(kw)
    return ParagraphStyle(name, **base)


TITLE = _style("title", fontName=SANS_BOLD, fontSize=TITLE_SIZE, leading=34,
               alignment=TA_CENTER, spaceAfter=6)
SUBTITLE = _style("subtitle", alignment=TA_CENTER, spaceAfter=BODY_LEADING / 2)
HEADING = _style("heading", fontName=SANS_BOLD, firstLineIndent=2 * BODY_SIZE,
                 spaceBefore=BODY_LEADING / 3, keepWithNext=1)
BODY = _style("body", firstLineIndent=2 * BODY_SIZE)
NOTE = _style("note", fontName=SANS_BOLD, borderWidth=1.5, borderColor=INK, borderPadding=6,
              leftIndent=6, rightIndent=6, spaceBefore=12, spaceAfter=12)
"""A boxed notice; the indents keep the box inside the type area."""
# Table cells are set ragged-right, as official forms are (``cjkJustify``: no character
# spacing to fill a line; body paragraphs are justified).
CELL_LABEL = _style("cell-label", fontName=SANS_BOLD, fontSize=TABLE_SIZE,
                    leading=TABLE_LEADING, cjkJustify=0)
CELL = _style("cell", fontSize=TABLE_SIZE, leading=TABLE_LEADING, cjkJustify=0)
SMALL = _style("small", fontSize=12, leading=18)


HEADING_FREE = ParagraphStyle("heading-free", parent=HEADING, keepWithNext=0)


@dataclass(frozen=True)
class ReportStyles:
    """The report's paragraph styles in one typeface (:mod:`composer.render.typefaces`):
    GB/T 9704 roles — Song title, FangSong-style body and cells, 黑体 headings."""

    typeface: Any
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell_label: ParagraphStyle
    cell: ParagraphStyle

    def markup(self, text: str) -> str:
        """User text as markup for a body-font paragraph (fallback to the sans, placeholders)."""
        return paragraph_markup(text, face=self.typeface.body)


def report_styles(typeface: Any) -> ReportStyles:
    """Styles for ``typeface`` (a :class:`composer.render.typefaces.Typeface`)."""
    body_font, label_font = typeface.body, typeface.body_bold
    return ReportStyles(
        typeface=typeface,
        title=ParagraphStyle("r-title", parent=TITLE, fontName=typeface.title),
        subtitle=ParagraphStyle("r-subtitle", parent=SUBTITLE, fontName=body_font),
        heading=ParagraphStyle("r-heading", parent=HEADING_FREE, fontName=typeface.heading),
        body=ParagraphStyle("r-body", parent=BODY, fontName=body_font),
        note=ParagraphStyle("r-note", parent=NOTE, fontName=typeface.heading),
        cell_label=ParagraphStyle("r-cell-label", parent=CELL_LABEL, fontName=label_font),
        cell=ParagraphStyle("r-cell", parent=CELL, fontName=body_font),
    )
"""A heading that :func:`heading` keeps with the first lines only (not the whole paragraph)."""


def heading(text: str, first_lines: int = 2, style: ParagraphStyle | None = None,
            width: float = FRAME_WIDTH) -> list[Flowable]:
    """A heading of the report's items: :class:`composer.render.pdf_keep.KeptFlow` keeps it
    with the first ``first_lines`` (:data:`~composer.render.pdf_keep.KEEP_LINES`) lines of what
    follows (the paragraph itself may run on: no half-empty pages)."""
    from composer.render.pdf_keep import mark_heading

    return [mark_heading(CJKParagraph(text, style or HEADING_FREE))]


def document(out: Any, drill: bool = False, **info: Any) -> BaseDocTemplate:
    """An A4 document with one unpadded frame on the GB/T 9704 type area.

    ``info`` goes to reportlab as document metadata (title, author, subject, creator,
    keywords); output is invariant (no timestamp or random id of its own). ``drill``: every
    page carries the drill's mark (:mod:`composer.render.drill_mark`).
    """
    from composer.render.drill_mark import page_hook

    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH,
                  PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    hook = page_hook(drill, PAGE_WIDTH, PAGE_HEIGHT)
    template = (PageTemplate("page", [frame]) if hook is None
                else PageTemplate("page", [frame], onPage=hook))
    return BaseDocTemplate(out, pagesize=A4, pageTemplates=[template],
                           leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                           topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1,
                           initialFontName=SANS,
                           **info)


# --- canvas: page numbers and reproducible dates ---------------------------------------------


def pdf_date(moment: datetime) -> str:
    """A PDF date string, e.g. ``D:20261118140500+08'00'``."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hh, mm_ = divmod(abs(minutes), 60)
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hh:02d}'{mm_:02d}'"


def fix_signature(canvas: Canvas, created: datetime) -> None:
    """Seed the document /ID with ``created`` instead of reportlab's own timestamp (which
    follows the SOURCE_DATE_EPOCH of the environment even when a time was given explicitly)."""
    canvas._doc.signature = hashlib.md5(  # type: ignore[attr-defined]  # reportlab internalb"composer " + pdf_date(created).encode("ascii"),
                                        usedforsecurity=False)


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


def numbered_canvas(created: datetime) -> type[Canvas]:
    """A canvas class (for ``doc.build(canvasmaker=...)``) that numbers pages "第 N 页 共 M 页".

    Pages are kept until ``save()``, when the total is known; the creation and modification
    dates are ``created`` (so equal inputs give equal bytes).
    """
    stamp = pdf_date(created)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or SANS
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.setDateFormatter(lambda *_: stamp)
            fix_signature(self, created)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab internal

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFillColor(INK)
                self.setFont(SANS, FOOTER_SIZE)
                self.drawCentredString(PAGE_WIDTH / 2, MARGIN_BOTTOM - 14 * mm,
                                       page_label(number, total))
                super().showPage()
            super().save()

    return NumberedCanvas

