"""The drill's mark on every page of every PDF (report, fax cover, script): a header line and a
light diagonal 演练. Qt-free (reportlab).

Drawn when a page begins, under everything the page then carries, so the mark never covers a
character. The diagonal is pale grey (:data:`MARK_GREY`): printed it is a watermark, and at the
fax threshold (:data:`composer.render.fax_pages.THRESHOLD`) it turns white, so a faxed page is
as legible as a real one; the header line is black, in type no smaller than the report's
smallest (12 pt), and stays in the fax. Words: :mod:`composer.core.drill`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, overload

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from composer.core.drill import PAGE_HEADER, PAGE_MARK

HEADER_PT = 12.0
HEADER_FROM_TOP = 15 * mm      # baseline of the header line, from the page's top edge
MARK_PT = 170.0
MARK_GREY = 0.88               # 224 of 255: above the fax threshold (160), so never faxed black


def draw_drill_mark(canvas: Canvas, width: float, height: float) -> None:
    """The header line and the diagonal mark on the current page of ``canvas``."""
    from composer.render import fonts

    fonts.register()
    canvas.saveState()
    canvas.setFillGray(MARK_GREY)
    canvas.setFont(fonts.SANS_BOLD, MARK_PT)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.drawCentredString(0, -MARK_PT * 0.35, PAGE_MARK)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.setFont(fonts.SANS_BOLD, HEADER_PT)
    canvas.drawCentredString(width / 2, height - HEADER_FROM_TOP, PAGE_HEADER)
    canvas.restoreState()


PageHook = Callable[[Canvas, Any], None]
"""A reportlab ``onPage`` callback: the canvas and the document."""


@overload
def page_hook(drill: bool, width: float, height: float, then: PageHook) -> PageHook: ...
@overload
def page_hook(drill: bool, width: float, height: float,
              then: None = None) -> PageHook | None: ...
def page_hook(drill: bool, width: float, height: float,
              then: PageHook | None = None) -> PageHook | None:
    """A reportlab ``onPage`` callback: the drill's mark first (when ``drill``), then ``then``.
    None when there is nothing to draw."""
    if not drill:
        return then

    def on_page(canvas: Canvas, doc: Any) -> None:
        draw_drill_mark(canvas, width, height)
        if then is not None:
            then(canvas, doc)

    return on_page


__all__ = ["HEADER_FROM_TOP", "HEADER_PT", "MARK_GREY", "MARK_PT", "PageHook", "draw_drill_mark",
           "page_hook"]
