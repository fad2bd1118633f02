"""Chinese line breaking for reportlab paragraphs (避头尾) and the justification of its lines.

Qt-free (reportlab only). :class:`CJKParagraph` is a ``Paragraph`` whose CJK line breaking
follows the Chinese rules: no line starts with closing punctuation (，。、；：？！）」』” …), no
line ends with opening punctuation (（「『“ …), Latin words and numbers are not cut unless longer
than half a line. reportlab's own CJK wrap hangs at most one such character into the margin
(which also crosses table rules), and its single-fragment path ignores full-width ，；：？！
altogether. A line left short by these rules is justified to the right edge with character
spacing (at most :data:`MAX_CHAR_SPACE_EM` between two characters; table cells, whose style sets
``cjkJustify=0``, stay ragged-right). Page geometry and styles are
:mod:`composer.render.pdf_layout`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.textsplit import ALL_CANNOT_START, CANNOT_END_LINE
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # not in the stubs
    ParaLines,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

CLOSING = frozenset(
    "，。、；：？！）」』”’》〉】〕］｝〗〙｠…‥・·％‰℃°,.;:?!)]}%"  # noqa: RUF001 (full-width marks on purpose)
    + ALL_CANNOT_START
)
"""Characters that may not start a line."""
OPENING = frozenset("（「『“‘《〈【〔［｛〖〘｟([{" + CANNOT_END_LINE[0])  # noqa: RUF001 (full-width marks on purpose)
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


def _break_at(chars: Sequence[str], widths: Sequence[float], start: int, overflow: int,
              max_width: float) -> int:
    """Where to end the line ``chars[start:...]`` when ``chars[overflow]`` does not fit."""
    carried = 0.0
    for b in range(overflow, start, -1):         # keep words whole within half a line
        if _can_break(chars, b, words=True):
            return b
        carried += widths[b - 1]
        if carried > max_width / 2:
            break
    for b in range(overflow, start, -1):         # else only the punctuation rules
        if _can_break(chars, b, words=False):
            return b
    return overflow


class _Run(str):
    """Characters of one fragment on one line, with that fragment (``frag``): what
    ``makeCJKParaLine`` reads of reportlab's one-character ``cjkU``. It takes the line's
    fragments and metrics from each item's ``frag`` and joins the items' text, so a run of a
    fragment gives the very line its characters one by one would, measured once instead of
    once per character."""

    frag: Any


class _Chars:
    """A paragraph's characters, their widths and fragments, each character measured once per
    fragment (``stringWidth`` of the character, as reportlab's ``cjkU`` measures it)."""

    def __init__(self, frags: Sequence[Any]) -> None:
        self.text: list[str] = []          # one character each ("" for an empty fragment)
        self.widths: list[float] = []
        self.frag: list[Any] = []          # the fragment of each character
        self.run_end: list[int] = []       # where the fragment's characters end
        self.breaks: set[int] = set()      # characters of a line-break fragment (<br/>)
        for f in frags:
            text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
            chars = list(text) if text else [""]
            at = len(self.text)
            if hasattr(f, "cbDefn"):
                widths = [getattr(f.cbDefn, "width", 0)] * len(chars)
            else:
                size = {ch: stringWidth(ch, f.fontName, f.fontSize) for ch in set(chars)}
                widths = [size[ch] for ch in chars]
            self.text += chars
            self.widths += widths
            self.frag += [f] * len(chars)
            if hasattr(f, "cbDefn") or hasattr(f, "lineBreak"):
                # every character is a word of its own (reportlab's sameFrag says so)
                self.run_end += range(at + 1, at + len(chars) + 1)
            else:
                self.run_end += [at + len(chars)] * len(chars)
            if hasattr(f, "lineBreak"):
                self.breaks.update(range(at, at + len(chars)))

    def line(self, start: int, stop: int, max_w: float, used: float, line_break: bool,
             calc_bounds: bool) -> Any:
        """``makeCJKParaLine`` of characters ``start:stop``, given by fragment runs."""
        runs: list[_Run] = []
        i = start
        while i < stop:
            j = min(self.run_end[i], stop)
            run = _Run("".join(self.text[i:j]))
            run.frag = self.frag[i]
            runs.append(run)
            i = j
        return makeCJKParaLine(runs, max_w, used, max_w - used, line_break, calc_bounds)


def kinsoku_split(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool,
                  justify: bool = True) -> Any:
    """Break paragraph fragments into CJK lines (reportlab ``kind=1`` ParaLines); with
    ``justify`` (a left-aligned paragraph), lines left short are spread to the full width."""
    para = _Chars(frags)
    chars, widths, breaks = para.text, para.widths, para.breaks
    lines: list[Any] = []

    def width() -> float:
        return max_widths[min(len(lines), len(max_widths) - 1)]

    n, start, i, used, max_w = len(chars), 0, 0, 0.0, width()
    while i < n:
        if i in breaks:
            lines.append(para.line(start, i + 1, max_w, used, True, calc_bounds))
            i = start = i + 1
            used, max_w = 0.0, width()
            continue
        w = widths[i]
        if used + w <= max_w + _FUZZ or i == start:
            used += w
            i += 1
            continue
        b = _break_at(chars, widths, start, i, max_w)
        line_width = sum(widths[start:b])
        line = para.line(start, b, max_w, line_width, False, calc_bounds)
        lines.append(_justified(line, b - start, max_w - line_width, max_w)
                     if justify else line)
        while b < n and len(chars[b]) == 1 and chars[b].isspace():
            b += 1                                   # a wrapped space is not drawn
        i = start = b
        used, max_w = 0.0, width()
    if start < n:
        lines.append(para.line(start, n, max_w, used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


MAX_CHAR_SPACE_EM = 0.25
"""The most space a justified line adds between two characters, in ems of its font size."""

JUSTIFY_CALLBACK = "composer_cjk_justify"
"""Name of the canvas callback that sets the character spacing of a justified line."""


def _set_char_space(canvas: Canvas, kind: str | None, label: str | None) -> None:
    canvas._curr_tx_info["tx"].setCharSpace(float(label or 0))  # type: ignore[attr-defined]


def _justified(line: Any, count: int, extra: float, max_w: float) -> Any:
    """``line`` (not the last of its paragraph) spread to the full width: when a character
    was carried to the next line (a line may not start with ，。）… nor end with （“…) or a
    short word was kept whole, the space left at the right edge is shared between the
    characters (character spacing, as CJK text is justified), so every full line ends at the
    right edge. A line with more room left than a quarter of it, or than a quarter em between
    each two characters, stays ragged (a line broken before a long address or number would
    otherwise be spaced out letter by letter)."""
    gaps = count - 1
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

    blPara: ParaLines   # set by wrap(), as on every Paragraph
    _widths: tuple[float, ...] = ()
    _rest: tuple[float, list[Any]] | None = None   # (line width, lines) inherited from a split
    _broken: tuple[tuple[float, ...], list[Any]] | None = None   # (widths, lines) last broken

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
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
                               and bool(getattr(style, "cjkJustify", True)))
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
            assert isinstance(first, CJKParagraph) and isinstance(rest, CJKParagraph)  # our class
            s = len(first.blPara.lines)
            if s >= len(self._widths) - 1:      # the rest was broken at the last width
                rest._rest = (self._widths[-1], self.blPara.lines[s:])
        return parts
