"""A reportlab table framed on every page it spans (the fax cover's ruled fields).

reportlab's ``BOX`` style leaves the cut open where a table is split across pages; a
:class:`BoxedTable` draws its own box around each part. Imported when a cover is drawn.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table


class BoxedTable(Table):
    """A table with a box of ``rule`` points around each part of a split."""

    _width: float    # set by Table.wrap
    _height: float

    def __init__(self, *args: Any, rule: float = 1.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rule = rule

    def onSplit(self, T: Table, byRow: int = 1) -> None:
        if isinstance(T, BoxedTable):
            T.rule = self.rule

    def draw(self) -> None:
        super().draw()
        self.canv.saveState()
        self.canv.setLineWidth(self.rule)
        self.canv.rect(0, 0, self._width, self._height, stroke=1, fill=0)
        self.canv.restoreState()


__all__ = ["BoxedTable"]
