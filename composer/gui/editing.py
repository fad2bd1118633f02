"""One draft, one editor: the window claims the draft it edits; a draft another window holds
opens read-only, with a notice naming that window, and can be taken over once it is gone.

:class:`EditorGuard` claims the model's draft in the storage (:meth:`Storage.claim_draft`:
session, process, host, window) whenever a stored draft is put in the window, and gives the
claim up when another draft replaces it. If another live Composer holds the draft, the guard
sets :attr:`DraftModel.held_elsewhere` (the autosaver then stores nothing of it, and the pages
are read-only) and shows its bar: which window holds it, since when. Every few seconds it looks
again; once that window is gone (its process ended, or it closed the draft) the bar offers
「接管编辑」, which claims the draft and reopens it as stored — with the other window's last
save.

Signals: holderChanged() when the draft becomes held elsewhere or free.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from composer.core.obligations import CHINA_TZ
from composer.core.storage import Editor, Storage
from composer.core.store.sessions import host_name
from composer.gui.draft_model import DraftModel

CHECK_MS = 2000
STYLE = ("QFrame#editor-bar { background: #fff4ce; border: 1px solid #8a6d00; }"
         " QLabel { color: #4d3d00; }")


class EditorGuard(QObject):
    """See the module docstring. ``describe()`` names this window for others (its title);
    ``reopen(draft_id)`` loads the stored draft into the window (after a take-over)."""

    holderChanged = Signal()

    def __init__(self, owner: QWidget, storage: Storage, model: DraftModel,
                 describe: Callable[[], str], reopen: Callable[[int], None]):
        super().__init__(owner)
        self.storage = storage
        self.model = model
        self._describe = describe
        self._reopen = reopen
        self.held_by: Editor | None = None
        self._claimed: int | None = None
        self._current: int | None = None      # the draft id last seen in the model
        self._bar: QFrame | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        model.replaced.connect(self.check)

    def check(self) -> None:
        """A draft newly in the window is claimed (a claim whose window is gone is replaced);
        a draft shown read-only is looked at again: is its holder still there?"""
        draft_id = self.model.draft.id
        if draft_id != self._current:
            if self._claimed is not None:
                self._release(self._claimed)
            self._current = draft_id
            self.held_by = None
        if draft_id is None:
            self._set_holder(None)
            return
        try:
            if self.held_by is not None:              # read-only: offer, never take, over
                other = self.storage.editor_of(draft_id)
                if other is None or other.session != self.held_by.session:
                    other = replace(self.held_by, alive=False)   # it let go or was replaced
                self._set_holder(other)
                return
            if self._claimed == draft_id:
                self._set_holder(None)
                return
            other = self.storage.claim_draft(draft_id, self._describe())
        except sqlite3.Error:
            return                   # a failing database: the autosave banner says so
        if other is None:
            self._claimed = draft_id
        self._set_holder(other)

    def _release(self, draft_id: int) -> None:
        self._claimed = None
        with contextlib.suppress(sqlite3.Error):
            self.storage.release_draft(draft_id)

    def release(self) -> None:
        """Give up the claim (the window closes)."""
        if self._claimed is not None:
            self._release(self._claimed)

    def take_over(self) -> None:
        """Claim the draft from a window that is gone, and reopen it as stored."""
        draft_id = self.model.draft.id
        if draft_id is None:
            return
        if self.held_by is not None and self.held_by.alive:
            return                   # the other window is still there: nothing to take over
        try:
            self.storage.claim_draft(draft_id, self._describe(), take_over=True)
        except sqlite3.Error:
            return
        self._claimed = draft_id
        self._set_holder(None)
        self._reopen(draft_id)

    def _set_holder(self, holder: Editor | None) -> None:
        changed = (holder is None) != (self.held_by is None) or (
            holder is not None and self.held_by is not None
            and (holder.session, holder.alive) != (self.held_by.session, self.held_by.alive))
        self.held_by = holder
        self.model.held_elsewhere = holder is not None
        self._show()
        if changed:
            self.holderChanged.emit()

    # --- the bar --------------------------------------------------------------------------------

    def make_bar(self) -> QFrame:
        """The notice under the header (built again on a language change)."""
        bar = QFrame()
        bar.setObjectName("editor-bar")
        bar.setStyleSheet(STYLE)
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 4, 10, 4)
        text = QLabel()
        text.setObjectName("editor-bar-text")
        text.setWordWrap(True)
        row.addWidget(text, 1)
        button = QPushButton(self.tr("接管编辑"))
        button.setObjectName("editor-take-over")
        button.clicked.connect(self.take_over)
        row.addWidget(button)
        self._bar = bar
        self._show()
        return bar

    def notice(self) -> str:
        """The bar's text ("" when the draft is not held elsewhere)."""
        h = self.held_by
        if h is None:
            return ""
        try:
            since = datetime.fromisoformat(h.since).astimezone(CHINA_TZ).strftime(
                "%Y-%m-%d %H:%M")
        except ValueError:
            since = h.since
        where = self.tr("进程 %1").replace("%1", str(h.pid))
        if h.host and h.host != host_name():
            where += self.tr("，计算机 %1").replace("%1", h.host)
        text = (self.tr("此报告正在另一个窗口中编辑：“%1”（%2，%3 起）。为免互相覆盖，本窗口只读。")
                .replace("%1", h.window or self.tr("未命名窗口")).replace("%2", where)
                .replace("%3", since))
        if not h.alive:
            text += self.tr("该窗口已不再编辑此报告（已关闭或已退出），可以接管编辑。")
        return text

    def _show(self) -> None:
        bar = self._bar
        if bar is None:
            return
        try:
            bar.isVisible()
        except RuntimeError:         # deleted with a rebuilt UI
            self._bar = None
            return
        bar.setVisible(self.held_by is not None)
        label = bar.findChild(QLabel, "editor-bar-text")
        button = bar.findChild(QPushButton, "editor-take-over")
        if label is not None:
            label.setText(self.notice())
        if button is not None:
            button.setEnabled(self.held_by is not None and not self.held_by.alive)


__all__ = ["CHECK_MS", "EditorGuard"]
