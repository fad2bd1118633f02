"""The draft being edited, shared by the wizard's pages, the header and autosave."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from composer.core.draft import Draft


class DraftModel(QObject):
    """Wraps the one :class:`~composer.core.draft.Draft` being edited.

    Signals:
        changed(): after any change of the draft (a field, the fast path, the confirmed level).
        replaced(): after :meth:`replace` put another draft in (open, new, recover).
    """

    changed = Signal()
    replaced = Signal()

    def __init__(self, draft: Draft, parent: QObject | None = None):
        super().__init__(parent)
        self.draft = draft
        self.read_only = False  # a sent report is a record: no edit reaches it
        self.held_elsewhere = False  # another window edits this draft: nothing of it is saved
        self.changed.connect(self._note_settled)

    def _note_settled(self) -> None:
        """A drill remembers when its level was first settled (its timings, issue 24); a
        sent report is a record and is not touched."""
        if not self.read_only:
            self.draft.note_settled()

    def set(self, path: str, value: Any) -> None:
        if self.read_only:
            return
        if self.draft.set(path, value):
            self.changed.emit()

    def set_fast_path(self, on: bool) -> None:
        if self.read_only:
            return
        if self.draft.fast_path != on:
            self.draft.fast_path = on
            self.changed.emit()

    def set_confirmed_level(self, level: str | None) -> None:
        if self.read_only:
            return
        if self.draft.confirmed_level != level:
            self.draft.confirmed_level = level
            self.changed.emit()

    def set_step(self, step: int) -> None:
        """The wizard shows ``step`` (stored with the draft; the window saves it). Not a change
        of what the report says, so no ``changed``: every page, the header and the preview
        re-check the whole draft on ``changed`` (for a 200-page report, on each 下一步)."""
        if self.draft.step != step:
            self.draft.enter_step(step)

    def replace(self, draft: Draft) -> None:
        self.draft = draft
        self.read_only = False
        self.held_elsewhere = False
        self.replaced.emit()
        self.changed.emit()
