"""Keep-with rules for the report's items: headings, body paragraphs and the signature block.

Qt-free (reportlab only). :class:`KeptFlow` lays out a sequence of headings (paragraphs marked
by :func:`mark_heading`), body flowables and a closing block (the signature and seal) and, when
it has to break a page, chooses the break so that, everywhere:

1. a heading never ends a page: it keeps at least two lines of what follows it (all of it,
   when that is shorter);
2. the last item — its heading, its body — stays on one page with the closing block whenever
   all of it fits on one page;
3. the last page carries at least two body lines before the closing block (unless the whole
   flow is on one page);

and otherwise puts as much on the page as it can (a paragraph is broken between lines; never
one line alone at a page's foot). reportlab's own ``keepWithNext``/``CondPageBreak`` see one
flowable ahead only, which is how the last heading came to stand alone at a page's foot with
its one-line body and the signature on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.rl_config import _FUZZ

KEEP_LINES = 2

REPEAT_HEAD = "_keep_repeat_head"
"""Attribute of a table row laid out as its own flowable: a callable giving a fresh flowable
of its table's column heads, put at the top of the next page when a break falls before it."""


def mark_heading(para: Paragraph) -> Paragraph:
    """``para`` marked as a heading for :class:`KeptFlow`."""
    para._keep_heading = True  # type: ignore[attr-defined]
    return para


def _leading(f: Flowable) -> float:
    """The line height of ``f``: only a paragraph is ever broken between lines (``_breaks``)."""
    assert isinstance(f, Paragraph)
    return float(f.style.leading)


def _is_heading(f: Flowable) -> bool:
    return bool(getattr(f, "_keep_heading", False))


class Stack(Flowable):
    """Flowables drawn one under the other, as a frame would place them (the gap between two is
    the larger of the first's space after and the second's space before; none above the
    first). Never split: :class:`KeptFlow` decides what goes on a page."""

    def __init__(self, flowables: Sequence[Flowable], closing: bool = False) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self.closing = closing
        self._width = 0.0

    def _layout(self, width: float) -> list[tuple[Flowable, float, float]]:
        """(flowable, gap above it, its height) of each flowable at ``width``."""
        out: list[tuple[Flowable, float, float]] = []
        prev = None
        for f in self.flowables:
            _, h = f.wrap(width, 1e9)
            gap = 0.0 if prev is None else max(prev.getSpaceAfter(), f.getSpaceBefore())
            out.append((f, gap, h))
            prev = f
        return out

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = availWidth
        self.width = availWidth
        self.height = sum(gap + h for _, gap, h in self._layout(availWidth))
        return self.width, self.height

    def getSpaceAfter(self) -> float:
        return self.flowables[-1].getSpaceAfter() if self.flowables else 0.0

    def getSpaceBefore(self) -> float:
        return self.flowables[0].getSpaceBefore() if self.flowables else 0.0

    def draw(self) -> None:
        y = self.height
        for f, gap, h in self._layout(self._width):
            y -= gap + h
            w = getattr(f, "width", self._width)
            align = getattr(f, "hAlign", "LEFT")
            x = {"RIGHT": self._width - w, "CENTER": (self._width - w) / 2,
                 "CENTRE": (self._width - w) / 2}.get(align, 0.0)
            f.drawOn(self.canv, x, y)


class _Measure:
    """Heights and line counts of the flow's pieces at one width, computed once each."""

    def __init__(self, width: float) -> None:
        self.width = width
        self._heights: dict[int, tuple[float, int]] = {}

    def size(self, f: Flowable) -> tuple[float, int]:
        """(height, body lines) of ``f``: a paragraph's lines, 0 for a heading or the closing
        block, and :data:`KEEP_LINES` for any other body flowable (a boxed note)."""
        key = id(f)
        hit = self._heights.get(key)
        if hit is None:
            _, h = f.wrap(self.width, 1e9)
            if _is_heading(f) or getattr(f, "closing", False):
                lines = 0
            elif isinstance(f, Paragraph):
                lines = len(f.blPara.lines)  # type: ignore[attr-defined]  # set by wrap()
            else:
                lines = KEEP_LINES
            hit = self._heights[key] = (h, lines)
        return hit


class KeptFlow(Stack):
    """``items`` (headings marked by :func:`mark_heading`, body flowables) followed by the
    ``closing`` block, broken across pages by the rules in this module's docstring."""

    def __init__(self, items: Sequence[Flowable], closing: Sequence[Flowable] = (), *,
                 page_height: float) -> None:
        kids = [Stack(f._content)  # type: ignore[attr-defined]  # the flowables it keeps
                if isinstance(f, KeepTogether) else f for f in items]
        closing_block = Stack(closing, closing=True) if closing else None
        super().__init__([*kids, closing_block] if closing_block is not None else kids)
        self.page_height = page_height
        self._closing_block = closing_block
        self._last_item_fits: dict[float, bool] = {}
        self._last_heading_at: int | None = None
        self._measure: _Measure | None = None

    def _rest(self, kids: list[Flowable]) -> KeptFlow:
        """What is left after a page break: ``kids`` (already as the flow holds them, so not
        converted again: a flow of thousands of paragraphs breaks hundreds of times), with the
        closing block and the answers about the last item carried on."""
        rest = KeptFlow.__new__(KeptFlow)
        Stack.__init__(rest, kids)
        rest.page_height = self.page_height
        rest._closing_block = self._closing_block
        rest._last_item_fits = self._last_item_fits
        rest._last_heading_at = None
        rest._measure = None
        return rest

    def _m(self, width: float) -> _Measure:
        if self._measure is None or abs(self._measure.width - width) > 1e-6:
            self._measure = _Measure(width)
        return self._measure

    def _gap(self, i: int) -> float:
        """Space above kid ``i`` when kid ``i - 1`` is on the same page."""
        return 0.0 if i == 0 else max(self.flowables[i - 1].getSpaceAfter(),
                                      self.flowables[i].getSpaceBefore())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = self.width = availWidth
        m, y = self._m(availWidth), 0.0
        for i, f in enumerate(self.flowables):
            y += self._gap(i) + m.size(f)[0]
            if y > availHeight + _FUZZ:
                self.height = availHeight + 1.0          # does not fit: the frame splits it
                return self.width, self.height
        self.height = y
        return self.width, self.height

    # --- choosing the break ------------------------------------------------------------------

    def _last_heading(self) -> int | None:
        if self._last_heading_at is None:
            self._last_heading_at = next((i for i in range(len(self.flowables) - 1, -1, -1)
                                          if _is_heading(self.flowables[i])), -1)
        return self._last_heading_at if self._last_heading_at >= 0 else None

    def _last_item_on_one_page(self, m: _Measure) -> bool:
        """Whether the last heading, everything after it and the closing block fit one page."""
        hit = self._last_item_fits.get(m.width)
        if hit is None:
            start, y = self._last_heading(), 0.0
            if start is not None:
                for i in range(start, len(self.flowables)):
                    y += (self._gap(i) if i > start else 0.0) + m.size(self.flowables[i])[0]
                    if y > self.page_height + _FUZZ:
                        break
            hit = start is not None and y <= self.page_height + _FUZZ
            self._last_item_fits[m.width] = hit
        return hit

    def _ok(self, m: _Measure, idx: int, lines: int, strict: bool) -> bool:
        """Whether breaking with kids ``[:idx]`` and the first ``lines`` lines of kid ``idx``
        on this page keeps the rules (``strict``: all of them; else rule 1 only)."""
        kids = self.flowables
        # rule 1: after the last heading on this page, two lines (or all the item has)
        after = lines
        for i in range(idx - 1, -1, -1):
            if _is_heading(kids[i]):
                if after < KEEP_LINES and after < self._item_lines(m, i):
                    return False
                break
            after += m.size(kids[i])[1]
            if after >= KEEP_LINES:
                break
        if not strict:
            return True
        # rule 2: the last item stays with the closing block when it fits one page
        final = self._last_heading()
        if final is not None and idx > final and self._last_item_on_one_page(m):
            return False
        # rule 3: when the rest is the last page, two body lines before the closing block
        rest_h, rest_lines = 0.0, 0
        if lines:
            n = m.size(kids[idx])[1]
            rest_h, rest_lines = (n - lines) * _leading(kids[idx]), n - lines
        start = idx + 1 if lines else idx
        for i in range(start, len(kids)):
            h, n = m.size(kids[i])
            rest_h += (self._gap(i) if i > start or lines else 0.0) + h
            if rest_h > self.page_height + _FUZZ:
                return True                       # not the last page: nothing to keep yet
            rest_lines += n
        return self._closing_block is None or rest_lines >= KEEP_LINES

    def _item_lines(self, m: _Measure, heading: int) -> int:
        """Body lines of the item under heading ``heading`` (counted up to KEEP_LINES)."""
        total = 0
        for f in self.flowables[heading + 1:]:
            if _is_heading(f) or getattr(f, "closing", False):
                break
            total += m.size(f)[1]
            if total >= KEEP_LINES:
                break
        return total

    def _candidates(self, m: _Measure, avail: float) -> list[tuple[int, int]]:
        """Possible breaks, most content first: (kid index, lines of it on this page)."""
        kids, y, k = self.flowables, 0.0, len(self.flowables)
        room_at: list[float] = []
        for i, f in enumerate(kids):
            room_at.append(avail - y - self._gap(i))
            y += self._gap(i) + m.size(f)[0]
            if y > avail + _FUZZ:
                k = i
                break
        out: list[tuple[int, int]] = []
        for idx in range(min(k, len(kids) - 1), -1, -1):
            f = kids[idx]
            if isinstance(f, Paragraph) and not _is_heading(f):
                n = m.size(f)[1]
                fit = n - 1 if idx < k else int((room_at[idx] + _FUZZ) // f.style.leading)
                out += [(idx, lines) for lines in range(min(fit, n - 1), 1, -1)]
            out.append((idx, 0))
        return out

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        m = self._m(availWidth)
        fresh = availHeight >= self.page_height - 1.0
        candidates = [c for c in self._candidates(m, availHeight) if c != (0, 0)]
        choice = next((c for c in candidates if self._ok(m, *c, strict=True)), None)
        if choice is None and not fresh:
            return []                            # all of it to the next page, then decide
        if choice is None:
            choice = next((c for c in candidates if self._ok(m, *c, strict=False)),
                          candidates[0] if candidates else None)
        if choice is None:
            return []
        idx, lines = choice
        kids = self.flowables
        first, rest = list(kids[:idx]), list(kids[idx:])
        if lines:
            para = kids[idx]
            parts = para.split(availWidth, lines * _leading(para) + _FUZZ)
            if len(parts) != 2:
                return []
            first.append(parts[0])
            rest = [parts[1], *kids[idx + 1:]]
        head = getattr(rest[0], REPEAT_HEAD, None) if rest and first else None
        if head is not None:        # a table runs onto the next page: its column heads again
            rest = [head(), *rest]
        return [Stack(first), self._rest(rest)]
