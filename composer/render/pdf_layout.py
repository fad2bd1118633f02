"""Page geometry, styles and line breaking for the report PDF (GB/T 9704-like, fax-safe).

Qt-free (reportlab only). :mod:`composer.render.pdf` decides *what* the report says; this module
decides how it sits on the page:

* A4 with the official-document margins of GB/T 9704 (37/35/28/26 mm), 28 characters a line and
  22 lines a page for body text, black on white only, no rule thinner than 1 pt and no text
  smaller than 12 pt (the PDF is also faxed at 204×196 dpi).
* :class:`CJKParagraph` — a ``Paragraph`` whose CJK line breaking follows the Chinese rules
  (避头尾): no line starts with closing punctuation (，。、；：？！）」』” …), no line ends with
  opening punctuation (（「『“ …), Latin words and numbers are not cut unless longer than half a
  line. reportlab's own CJK wrap hangs at most one such character into the margin (which also
  crosses table rules), and its single-fragment path ignores full-width ，；：？！ altogether.
  A line left short by these rules is justified to the right edge (character spacing).
* :func:`numbered_canvas` — a canvas class that writes "第 N 页 共 M 页" on every page once the
  total is known, and a fixed creation date so the output is reproducible.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_START, CANNOT_END_LINE
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

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

# --- line breaking -------------------------------------------------------------------------

CLOSING = frozenset(
    "，。、；：？！）」』”’》〉】〕］｝〗〙｠…‥・·％‰℃°,.;:?!)]}%"
    + ALL_CANNOT_START
)
"""Characters that may not start a line."""
OPENING = frozenset("（「『“‘《〈【〔［｛〖〘｟([{" + CANNOT_END_LINE[0])
"""Characters that may not end a line."""


def _is_word(ch: str) -> bool:
    """Part of a Latin/digit run that should not be cut (CJK and spaces break anywhere)."""
    return len(ch) == 1 and ord(ch) < 0x2E80 and not ch.isspace()


def _can_break(chars: Sequence[str], b: int, words: bool) -> bool:
    """Whether a line may end before ``chars[b]``."""
    before, after = chars[b - 1], chars[b]
    if (len(after) == 1 and after in CLOSING) or (len(before) == 1 and before in OPENING):
        return False
    return not (words and _is_word(before) and _is_word(after))


def _break_at(chars: Sequence[Any], start: int, overflow: int, max_width: float) -> int:
    """Where to end the line ``chars[start:...]`` when ``chars[overflow]`` does not fit."""
    carried = 0.0
    for b in range(overflow, start, -1):         # keep words whole within half a line
        if _can_break(chars, b, words=True):
            return b
        carried += chars[b - 1].width
        if carried > max_width / 2:
            break
    for b in range(overflow, start, -1):         # else only the punctuation rules
        if _can_break(chars, b, words=False):
            return b
    return overflow


def kinsoku_split(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool,
                  justify: bool = True) -> Any:
    """Break paragraph fragments into CJK lines (reportlab ``kind=1`` ParaLines); with
    ``justify`` (a left-aligned paragraph), lines left short are spread to the full width."""
    chars: list[Any] = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        if text:
            chars.extend(cjkU(t, f, "utf8") for t in text)
        else:
            chars.append(cjkU("", f, "utf8"))
    lines: list[Any] = []

    def width() -> float:
        return max_widths[min(len(lines), len(max_widths) - 1)]

    n, start, i, used, max_w = len(chars), 0, 0, 0.0, width()
    while i < n:
        u = chars[i]
        if hasattr(u.frag, "lineBreak"):
            lines.append(makeCJKParaLine(chars[start:i + 1], max_w, used, max_w - used, True,
                                         calc_bounds))
            i = start = i + 1
            used, max_w = 0.0, width()
            continue
        if used + u.width <= max_w + _FUZZ or i == start:
            used += u.width
            i += 1
            continue
        b = _break_at(chars, start, i, max_w)
        line_width = sum(c.width for c in chars[start:b])
        line = makeCJKParaLine(chars[start:b], max_w, line_width, max_w - line_width,
                               False, calc_bounds)
        lines.append(_justified(line, chars[start:b], max_w - line_width, max_w)
                     if justify else line)
        while b < n and len(chars[b]) == 1 and chars[b].isspace():
            b += 1                                   # a wrapped space is not drawn
        i = start = b
        used, max_w = 0.0, width()
    if start < n:
        lines.append(makeCJKParaLine(chars[start:], max_w, used, max_w - used, False,
                                     calc_bounds))
    return ParaLines(kind=1, lines=lines)


MAX_CHAR_SPACE_EM = 0.25
"""The most space a justified line adds between two characters, in ems of its font size."""

JUSTIFY_CALLBACK = "composer_cjk_justify"
"""Name of the canvas callback that sets the character spacing of a justified line."""


def _set_char_space(canvas: Canvas, kind: str, label: str | None) -> None:
    canvas._curr_tx_info["tx"].setCharSpace(float(label or 0))


def _justified(line: Any, chars: Sequence[Any], extra: float, max_w: float) -> Any:
    """``line`` (not the last of its paragraph) spread to the full width: when a character
    was carried to the next line (a line may not start with ，。）… nor end with （“…) or a
    short word was kept whole, the space left at the right edge is shared between the
    characters (character spacing, as CJK text is justified), so every full line ends at the
    right edge. A line with more room left than a quarter of it, or than a quarter em between
    each two characters, stays ragged (a line broken before a long address or number would
    otherwise be spaced out letter by letter)."""
    gaps = len(chars) - 1
    if extra <= _FUZZ or gaps < 1 or extra > max_w / 4 or not line.words:
        return line
    if extra / gaps > MAX_CHAR_SPACE_EM * float(getattr(line.words[0], "fontSize", 0) or 0):
        return line
    marks = []
    for label in (f"{extra / gaps:.4f}", "0"):
        mark = line.words[0].clone()
        mark.text = ""
        mark.cbDefn = ABag(kind="onDraw", name=JUSTIFY_CALLBACK, label=label)
        mark._cjk_justify = True
        marks.append(mark)
    # set before the text, reset before the last character (else the spacing added after it
    # would reach past the right edge)
    *body, last = line.words
    text = last.text.decode("utf8") if isinstance(last.text, bytes) else last.text
    if getattr(last, "cbDefn", None) is not None or not text:
        return line
    head, tail = last.clone(), last.clone()
    head.text, tail.text = text[:-1], text[-1]
    line.words = [marks[0], *body, *([head] if head.text else []), marks[1], tail]
    return line


def _split_frags(bl_para: Any, start: int, stop: int) -> list[Any]:
    """The fragments of lines ``start:stop`` (to build the two halves of a split paragraph),
    without the justification marks (the rest is broken again)."""
    return [w for line in bl_para.lines[start:stop] for w in line.words
            if not getattr(w, "_cjk_justify", False)]


class CJKParagraph(Paragraph):
    """A Paragraph with Chinese line-breaking rules (use with ``wordWrap='CJK'`` styles).

    Splitting across pages keeps the lines already broken for the rest of the paragraph, so a
    paragraph running over hundreds of pages is broken once, not once per page; and a
    paragraph measured again at the same widths (the keep-with rules of
    :mod:`composer.render.pdf_keep` try several page breaks) reuses its lines.
    """

    _widths: tuple[float, ...] = ()
    _rest: tuple[float, list[Any]] | None = None   # (line width, lines) inherited from a split
    _broken: tuple[tuple[float, ...], list[Any]] | None = None   # (widths, lines) last broken

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if not self.frags:
            return super().breakLinesCJK(maxWidths)
        self._widths = tuple(maxWidths)
        if self._rest is not None and all(abs(w - self._rest[0]) < 1e-6 for w in maxWidths):
            return ParaLines(kind=1, lines=list(self._rest[1]))
        style = self.style
        if self._broken is not None and self._broken[0] == self._widths:
            return ParaLines(kind=1, lines=list(self._broken[1]))
        calc_bounds = getattr(self, "autoLeading", getattr(style, "autoLeading", "")) not in (
            "", "off")
        broken = kinsoku_split(self.frags, maxWidths, calc_bounds,
                               justify=style.alignment in (TA_LEFT, TA_JUSTIFY)
                               and bool(getattr(style, "cjkJustify", 1)))
        self._broken = (self._widths, list(broken.lines))
        return broken

    def draw(self) -> None:
        self.canv.setNamedCB(JUSTIFY_CALLBACK, _set_char_space)
        super().draw()

    def _get_split_blParaFunc(self) -> Any:
        # reportlab's version appends a space to each line's last fragment, in place: that
        # would print spaces inside Chinese text when the rest is broken again.
        return _split_frags

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and self._widths and getattr(self, "blPara", None) is not None:
            first, rest = parts
            s = len(first.blPara.lines)
            if s >= len(self._widths) - 1:      # the rest was broken at the last width
                rest._rest = (self._widths[-1], self.blPara.lines[s:])
        return parts


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
    canvas._doc.signature = hashlib.md5(b"composer " + pdf_date(created).encode("ascii"),
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
            self._startPage()

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

