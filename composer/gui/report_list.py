"""The stored reports: 文件 → 报告列表, and the drafts offered back after a crash.

:class:`ReportList` opens the reports list (:mod:`composer.gui.reports_dialog`) and the
recovery offer (:mod:`composer.gui.recovery_dialog`) and does what the user chose there — open
a report, start its 续报 or 总结, delete an unsent draft, archive a sent report — for the main
window, which it reaches through :class:`ReportListWindow`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from composer.core.model import ReportType
from composer.core.storage import DraftSummary, SentReportError

if TYPE_CHECKING:   # dialogs are loaded when first opened
    from composer.core.storage import Storage
    from composer.gui.draft_model import DraftModel
    from composer.gui.recovery_dialog import RecoveryDialog
    from composer.gui.reports_dialog import ReportsDialog


class ReportListWindow(Protocol):
    """What :class:`ReportList` asks of the main window."""

    @property
    def storage(self) -> Storage: ...
    @property
    def model(self) -> DraftModel: ...
    def save_now(self, orderly: bool = False) -> bool: ...
    def warn(self, title: str, text: str) -> object: ...
    def say_error(self, exc: BaseException, path: str | Path | None = None) -> str: ...
    def new_report(self) -> None: ...
    def open_draft(self, draft_id: int) -> None: ...
    def start_derived(self, draft_id: int, report_type: ReportType) -> None: ...


class ReportList(QObject):
    """The reports list and the recovery offer of ``window`` (``owner``, the same window as a
    widget, owns the dialogs). No signals."""

    def __init__(self, owner: QWidget, window: ReportListWindow) -> None:
        super().__init__(owner)
        self.owner = owner
        self.window = window

    def show(self) -> ReportsDialog:
        """文件 → 报告列表 (opened with ``open()`` and returned)."""
        window = self.window
        window.save_now()
        from composer.core.owed import order_reports
        from composer.gui.reports_dialog import ReportsDialog

        storage = window.storage
        dialog = ReportsDialog(order_reports(storage, storage.list_drafts()), self.owner,
                               sendings=storage.sent_reports())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_: int) -> None:
            choice = dialog.result_value
            if choice is None:
                return
            if choice.action == "open":
                window.open_draft(choice.draft_id)
            else:
                window.start_derived(choice.draft_id, ReportType(choice.action))

        def delete(draft_id: int) -> None:
            if self.delete(draft_id):
                dialog.removed(draft_id)

        def archive(draft_id: int, on: bool) -> None:
            if self.archive(draft_id, on):
                dialog.archived(draft_id, on)
        dialog.finished.connect(done)
        dialog.deleteRequested.connect(delete)
        dialog.archiveRequested.connect(archive)
        dialog.open()
        return dialog

    def delete(self, draft_id: int) -> bool:
        """Delete an unsent draft (the list asked for confirmation); the open one is left for a
        new blank report first. A sent report is refused (it can be archived)."""
        window = self.window
        if window.model.draft.id == draft_id:
            window.new_report()
        try:
            window.storage.delete_draft(draft_id)
        except SentReportError as exc:
            window.warn(self.tr("无法删除"), str(exc))
            return False
        except sqlite3.Error as exc:
            window.warn(self.tr("无法删除"), window.say_error(exc, window.storage.path))
            return False
        return True

    def archive(self, draft_id: int, archived: bool) -> bool:
        try:
            self.window.storage.archive_draft(draft_id, archived)
        except sqlite3.Error as exc:
            self.window.warn(self.tr("无法归档"),
                             self.window.say_error(exc, self.window.storage.path))
            return False
        return True

    def offer_recovery(self, drafts: list[DraftSummary]) -> RecoveryDialog | None:
        """The drafts a crash left unsaved-for, to open again (None when there are none)."""
        if not drafts:
            return None
        from composer.gui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(drafts, self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_: int) -> None:
            if dialog.result_value is not None:
                self.window.open_draft(dialog.result_value)
        dialog.finished.connect(done)
        dialog.open()
        return dialog


__all__ = ["ReportList", "ReportListWindow"]
