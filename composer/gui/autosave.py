"""Autosave: a change is on disk within 1.5 s (AUTOSAVE_MS), and a failure is shown.

:class:`Autosaver` owns the timers. A save that fails (disk full, a damaged database page, a
read-only or vanished data folder) never loses the draft: it stays in memory, a red banner
under the header says why at once and stays until a save succeeds, the save is retried every
RETRY_MS, and the banner offers to save the report elsewhere as an incident file (which
打开事件文件 reads back). Saves of the organisation profile and settings go through
:meth:`Autosaver.call` and are retried the same way.

A new, untouched report is not stored: the first edit creates the draft (so starting the app
and closing it again leaves no empty （未命名） draft behind).

Damaged rows the storage skipped at start (``Storage.problems``) are shown in a notice the user
can dismiss.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.atomic import atomic_write_bytes
from composer.core.draft import Draft
from composer.core.obligations import CHINA_TZ
from composer.core.storage import DraftChangedElsewhere, SentReportError, Storage
from composer.gui.draft_model import DraftModel

if TYPE_CHECKING:   # dialogs are loaded when first opened, not with the first window
    from PySide6.QtWidgets import QDialog, QFileDialog

# The timer fires 1.2 s after the first unsaved change, so that the commit (fsync, and the
# event loop on a loaded machine) still ends within the promised 1.5 s: bench/kill_cycles.py
# measured lost edits up to 1.57 s old with a 1.5 s timer at load 9 on 2 cores.
AUTOSAVE_MS = 1200
RETRY_MS = 5000
BANNER_STYLE = ("QFrame#autosave-banner { background: #fde7e9; border: 1px solid #b00020; }"
                " QLabel { color: #7a0016; }")
NOTICE_STYLE = ("QFrame#storage-notice { background: #fff4ce; border: 1px solid #8a6d00; }"
                " QLabel { color: #4d3d00; }")

# What a failing save raises: SQLite (full, I/O error, malformed, read-only), the OS, and text
# SQLite cannot store.
SAVE_ERRORS = (sqlite3.Error, OSError, UnicodeError)
# And what the storage refuses: a change of a sent report (a record) that reached the model by
# some path around the read-only pages — shown like a failure, the edit kept in memory.
AUTOSAVE_ERRORS = (*SAVE_ERRORS, SentReportError)


def _edits(draft: Draft) -> tuple[str, bool, str | None]:
    return (json.dumps(draft.data, sort_keys=True, ensure_ascii=True), draft.fast_path,
            draft.confirmed_level)


def _reason(exc: BaseException, path: Path | None = None) -> str:
    """The failure in the user's language (composer.core.os_errors), without its final stop
    (the banner's sentence goes on); a refusal of the storage keeps its own words."""
    if isinstance(exc, SAVE_ERRORS):
        from composer.core.os_errors import describe_error
        from composer.gui import i18n

        return describe_error(exc, path, i18n.language()).rstrip("。.")
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


class Autosaver(QObject):
    """Saves ``model.draft`` into ``storage`` for ``window``.

    Signals: failed(str) with the reason when a save fails (also on each failed retry);
    recovered() when a save succeeds after failures.
    """

    failed = Signal(str)
    recovered = Signal()

    def __init__(self, window: QMainWindow, storage: Storage, model: DraftModel):
        super().__init__(window)
        self.window = window
        self.storage = storage
        self.model = model
        self.error: str | None = None           # the reason of the last failed save
        self.notices: list[str] = list(storage.problems)
        self._pristine: tuple[str, bool, str | None] | None = None
        self._pristine_of: Draft | None = None
        self._pending: dict[str, Callable[[], None]] = {}
        self.conflict: QDialog | None = None      # the open "changed elsewhere" dialog
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.save)
        model.changed.connect(self.schedule)
        model.replaced.connect(self._forget_pristine)

    # --- saving -----------------------------------------------------------------------------

    def mark_pristine(self, draft: Draft | None = None) -> None:
        """``draft`` (default: the one in the model; else one about to be put in) is a fresh,
        untouched report: store it only once edited."""
        self._pristine_of = draft if draft is not None else self.model.draft
        self._pristine = _edits(self._pristine_of)

    def _forget_pristine(self) -> None:
        if self.model.draft is not self._pristine_of:
            self._pristine, self._pristine_of = None, None

    def schedule(self) -> None:
        """Save at most AUTOSAVE_MS after the first unsaved change: not restarted by further
        changes, so continuous typing is still saved every AUTOSAVE_MS."""
        if not self.timer.isActive():
            self.timer.start()

    def needs_saving(self) -> bool:
        draft = self.model.draft
        if self.model.held_elsewhere:      # another window edits it (composer/gui/editing.py)
            return False
        return (draft.id is not None or self._pristine is None or draft is not self._pristine_of
                or _edits(draft) != self._pristine)

    def save(self, orderly: bool = False) -> bool:
        """Save now (``orderly``: the user saved, left the report or closed the app). Returns
        whether everything is stored; on failure the banner shows and a retry is scheduled."""
        self.timer.stop()
        if not self.storage.is_open:      # shutting down
            return self.error is None
        try:
            for key, action in list(self._pending.items()):
                action()
                del self._pending[key]
            if self.needs_saving():
                self.storage.save_draft(self.model.draft, orderly=orderly)
        except DraftChangedElsewhere as exc:
            self._conflict(exc)
            return False
        except AUTOSAVE_ERRORS as exc:
            self._failed(_reason(exc, self.storage.path))
            return False
        if self.error is not None:
            self.error = None
            self.retry.stop()
            self._refresh_banners()
            self.recovered.emit()
        self.window.statusBar().showMessage(   # Beijing time, as every time the app shows
            self.tr("已自动保存 %1（北京时间）").replace(
                "%1", datetime.now(CHINA_TZ).strftime("%H:%M:%S")))
        return True

    def call(self, key: str, action: Callable[[], None]) -> None:
        """Run a storage write (profile, a setting); on failure keep it and retry with the
        draft. ``key`` names it, so only the latest write of the same thing is retried."""
        self._pending[key] = action
        self.save()

    def _conflict(self, exc: DraftChangedElsewhere) -> None:
        """Another window saved this draft since it was opened here: nothing was stored. The
        banner says so (no automatic retry: it would fail the same way) and a dialog shows
        both versions' differences; this window keeps its text whatever the answer."""
        self.error = str(exc)
        self.retry.stop()
        self._refresh_banners()
        self.failed.emit(self.error)
        try:
            theirs = self.storage.load_draft(exc.draft_id)
        except (KeyError, ValueError, *SAVE_ERRORS):
            return
        from composer.gui.conflict_dialog import ConflictDialog

        if isinstance(self.conflict, ConflictDialog):   # open already: show the latest text
            self.conflict.show_versions(theirs, self.model.draft)
            return
        dialog = ConflictDialog(theirs, self.model.draft, self.window)
        self.conflict = dialog

        def answered(_: int) -> None:
            self.conflict = None
            if dialog.result_value == "mine" and self.model.draft.id == exc.draft_id:
                self.model.draft.revision = exc.stored
                self.save()
            elif dialog.result_value == "export":
                self.choose_export()
            dialog.deleteLater()
        dialog.finished.connect(answered)
        dialog.open()

    def _failed(self, reason: str) -> None:
        self.error = reason
        if not self.retry.isActive():
            self.retry.start()
        self._refresh_banners()
        # the status bar says what the banner says: never 「已自动保存」 while saving fails
        self.window.statusBar().showMessage(self.tr("草稿无法保存（见窗口下方的红色提示）"))
        self.failed.emit(reason)

    # --- saving elsewhere -------------------------------------------------------------------

    def export_to(self, path: str | Path) -> bool:
        """Write the draft as an incident file (complete or not) to ``path``."""
        data = self.model.draft.data
        try:
            text = json.dumps(data, ensure_ascii=False, indent=2)
            raw = text.encode("utf-8")
        except UnicodeEncodeError:
            raw = json.dumps(data, ensure_ascii=True, indent=2).encode("ascii")
        try:
            atomic_write_bytes(Path(path), raw + b"\n")
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            from composer.core.os_errors import describe_error
            from composer.gui import i18n

            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法保存"),
                              describe_error(exc, path, i18n.language()),
                              QMessageBox.StandardButton.Ok, self.window)
            box.open()
            return False
        self.window.statusBar().showMessage(self.tr("报告已另存为：") + str(path))
        return True

    def choose_export(self) -> QFileDialog:
        """A save dialog for :meth:`export_to`, starting in the user's documents folder."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"incident-{datetime.now():%Y%m%d-%H%M%S}.json"
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self.window, self.tr("另存报告"), str(Path(folder) / name),
                             self.tr("事件文件 (*.json)"))
        dialog.setObjectName("autosave-export-dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.fileSelected.connect(self.export_to)
        dialog.open()
        return dialog

    def confirm_close(self) -> bool:
        """Before the window closes: save; if that fails, ask (save elsewhere / quit / stay)."""
        if self.save(orderly=True):
            return True
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("草稿无法保存"),
                          self.tr("最近的修改没有保存到草稿数据库：%1\n"
                                  "退出后这些修改将丢失。请先另存报告。").replace(
                              "%1", self.error or ""), QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("autosave-close-box")
        export = box.addButton(self.tr("另存报告…"), QMessageBox.ButtonRole.AcceptRole)
        quit_ = box.addButton(self.tr("仍然退出"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is export:
            self.choose_export()
        return box.clickedButton() is quit_

    # --- what the user sees -----------------------------------------------------------------

    def make_banner(self) -> QWidget:
        """The banner area under the header (built again on a language change)."""
        area = QWidget()
        area.setObjectName("autosave-area")
        layout = QVBoxLayout(area)
        layout.setContentsMargins(8, 4, 8, 0)
        layout.setSpacing(4)
        layout.addWidget(self._failure_banner())
        if self.notices:
            layout.addWidget(self._notice())
        return area

    def _failure_banner(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("autosave-banner")
        frame.setStyleSheet(BANNER_STYLE)
        row = QHBoxLayout(frame)
        text = QLabel()
        text.setObjectName("autosave-banner-text")
        text.setWordWrap(True)
        row.addWidget(text, 1)
        export = QPushButton(self.tr("另存报告…"))
        export.setObjectName("autosave-export")
        export.clicked.connect(self.choose_export)
        retry = QPushButton(self.tr("立即重试"))
        retry.setObjectName("autosave-retry")
        retry.clicked.connect(lambda: self.save())
        row.addWidget(export)
        row.addWidget(retry)
        self._show_failure(frame)
        return frame

    def _notice(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("storage-notice")
        frame.setStyleSheet(NOTICE_STYLE)
        row = QHBoxLayout(frame)
        text = QLabel(self.tr("草稿数据库中有无法读取的记录，已跳过，其余数据正常：")
                      + "\n" + "\n".join(self.notices))
        text.setObjectName("storage-notice-text")
        text.setWordWrap(True)
        row.addWidget(text, 1)
        close = QPushButton(self.tr("知道了"))
        close.setObjectName("storage-notice-close")
        close.clicked.connect(frame.hide)
        close.clicked.connect(self.notices.clear)
        row.addWidget(close)
        return frame

    def _refresh_banners(self) -> None:
        for frame in self.window.findChildren(QFrame, "autosave-banner"):
            self._show_failure(frame)

    def _show_failure(self, frame: QFrame) -> None:
        label = frame.findChild(QLabel, "autosave-banner-text")
        assert label is not None          # made with the banner (make_banner)
        if self.error is None:
            frame.hide()
        else:
            label.setText(self.tr("⚠ 草稿无法保存：%1。您的修改仍保留在本窗口中；程序每 %2 秒"
                                  "自动重试。为防丢失，请另存一份报告。")
                          .replace("%1", self.error).replace("%2", str(RETRY_MS // 1000)))
            frame.show()


__all__ = ["AUTOSAVE_MS", "RETRY_MS", "SAVE_ERRORS", "Autosaver"]
