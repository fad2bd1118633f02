"""The main window: header with countdown, the wizard, menus, autosave (output actions:
:mod:`composer.gui.output`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from composer.core import flow
from composer.core.draft import Draft, derived_draft, new_draft
from composer.core.drill import PREFIX as DRILL_PREFIX
from composer.core.model import ReportType
from composer.core.storage import CorruptRow, DraftSummary, SentReportError, Storage
from composer.gui import font_setting, geometry, i18n
from composer.gui.autosave import AUTOSAVE_MS, Autosaver
from composer.gui.drill_banner import DrillBanner
from composer.gui.editing import EditorGuard
from composer.gui.header import DeadlineHeader
from composer.gui.model import DraftModel
from composer.gui.output import EMAIL_RECIPIENTS, OutputActions, package_dir_name
from composer.gui.sentbar import SentBar
from composer.gui.steps import StepIndicator
from composer.gui.wizard import ReportWizard

DROPPED_SHOWN = 30
"""Unrecognised keys named in the notice after opening a file (the rest are counted)."""

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from composer.gui.record_exports import RecordExports
    from composer.gui.recovery_dialog import RecoveryDialog
    from composer.gui.reports_dialog import ReportsDialog


class MainWindow(OutputActions, QMainWindow):
    """Holds one draft at a time (``model``); everything it shows is rebuilt on a language
    change. Storage is passed in (tests give a temporary one).

    Signals: none of its own; pages signal it.
    """

    def __init__(self, storage: Storage, draft: Draft | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.storage = storage
        self.model = DraftModel(draft or new_draft(storage.load_profile()), self)
        self.last_package: Path | None = None
        self._exports: RecordExports | None = None
        self.autosaver = Autosaver(self, storage, self.model)  # failures: a banner, retries
        if draft is None:
            self.autosaver.mark_pristine()                     # stored on the first edit
        self.model.replaced.connect(self._show_submission)
        self.model.changed.connect(self._update_title)
        self.build_sending()                                   # composer/gui/output.py
        self.editor_guard = EditorGuard(self, storage, self.model, self._window_name,
                                        self.open_draft)       # one draft, one editor
        self.editor_guard.holderChanged.connect(self._show_submission)
        geometry.restore(self, storage)
        self.build_ui()

    # --- building (again on a language change) ----------------------------------------------

    def build_ui(self) -> None:
        self._update_title()
        old = self.takeCentralWidget()
        if old is not None:
            old.hide()
            old.setParent(None)  # out of the widget tree at once (findChild, focus chain)
            old.deleteLater()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = DeadlineHeader(self.model)
        self.wizard = ReportWizard(self.model)
        self.sent_bar = SentBar()
        self.sent_bar.followUpRequested.connect(self.start_follow_up)
        self.sent_bar.correctionRequested.connect(self.start_correction)
        layout.addWidget(self.header)
        layout.addWidget(DrillBanner(self.model))   # shown while a drill (演练) is open
        layout.addWidget(self.sent_bar)
        layout.addWidget(self.editor_guard.make_bar())
        self.steps = StepIndicator(self.wizard, self.model)
        layout.addWidget(self.steps)
        layout.addWidget(self.wizard, 1)
        # under the wizard: a failed save, reported while the user types, never pushes the
        # page down under the pointer
        layout.addWidget(self.autosaver.make_banner())
        self.setCentralWidget(central)
        central.show()  # at once, not on the next event-loop turn
        pages = self.wizard.pages
        pages[flow.Step.PROFILE].ensure_built()   # the first page; the others on first visit
        pages[flow.Step.PROFILE].profileAccepted.connect(lambda operator: self.autosaver.call(
            "profile", lambda: self.storage.save_profile(operator)))
        pages[flow.Step.PROFILE].set_recipients(self.email_recipients())
        pages[flow.Step.PROFILE].recipientsAccepted.connect(lambda addresses: self.autosaver.call(
            EMAIL_RECIPIENTS, lambda: self.storage.save_setting(EMAIL_RECIPIENTS, addresses)))
        pages[flow.Step.PROFILE].report_fonts.set_choice(font_setting.load_choice(self.storage))
        pages[flow.Step.PROFILE].report_fonts.choiceChanged.connect(
            lambda data: self.autosaver.call(
                "report_fonts", lambda: font_setting.save_choice(self.storage, data)))
        preview = pages[flow.Step.PREVIEW]
        preview.generateRequested.connect(self.choose_package_folder)
        preview.printRequested.connect(self.print_document)
        preview.exportRequested.connect(self.export_file)
        preview.openFolderRequested.connect(self.open_package_folder)
        preview.submissionRequested.connect(self.record_submission)
        self.wizard.currentIdChanged.connect(self._step_changed)
        self.wizard.finishedReport.connect(self.finish_report)
        self._build_menus()
        self.sending.connect_preview(pages[flow.Step.PREVIEW])  # channel cards, what is owed
        self._show_submission()
        self.wizard.go_to(self.model.draft.step)
        self.statusBar().showMessage(self.tr("草稿自动保存"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for old in bar.actions():  # a rebuild (language change) replaces menus and actions
            if old.menu() is not None:
                old.menu().deleteLater()
        bar.clear()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.setObjectName("menu-file")
        self._action(file_menu, self.tr("新建报告(&N)"), self.new_report,
                     QKeySequence.StandardKey.New, name="action-new-report")
        self._action(file_menu, self.tr("新建演练(&D)"), self.new_drill, "Ctrl+Shift+N",
                     name="action-new-drill")
        self._action(file_menu, self.tr("报告列表(&L)…"), self.show_reports, "Ctrl+L",
                     name="action-reports")
        self._action(file_menu, self.tr("打开事件文件(&O)…"), self.choose_file,
                     QKeySequence.StandardKey.Open, name="action-open-file")
        self._action(file_menu, self.tr("立即保存(&S)"), lambda: self.save_now(orderly=True),
                     QKeySequence.StandardKey.Save, name="action-save")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit,
                     name="action-quit")
        records_menu = bar.addMenu(self.tr("报送记录(&R)"))
        records_menu.setObjectName("menu-records")
        self._action(records_menu, self.tr("导出报送记录(&E)…"), lambda: self.sending.export_log()
                     ).setObjectName("action-export-log")
        self._action(records_menu, self.tr("导出台账(&X)…"), lambda: self.record_exports()
                     .export_ledger(), name="action-export-ledger")
        self._action(records_menu, self.tr("演练报告(&D)…"), lambda: self.record_exports()
                     .drill_report(), name="action-drill-report")
        lang_menu = bar.addMenu(self.tr("语言(&G)") if i18n.language() == "zh" else "&Language")
        lang_menu.setObjectName("menu-language")
        for code, name in (("zh", "简体中文"), ("en", "English")):
            action = self._action(lang_menu, name, lambda _=False, c=code: self.set_language(c),
                                  name=f"action-language-{code}")
            action.setCheckable(True)
            action.setChecked(i18n.language() == code)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("法规原文(&R)"), lambda: self.show_guide(),
                     QKeySequence.StandardKey.HelpContents).setObjectName("action-guide")
        self._action(help_menu, self.tr("运行环境检查(&D)…"), self.show_doctor).setObjectName(
            "actionDoctor")

    def _action(self, menu, text, slot, shortcut=None, name=None) -> QAction:  # type: ignore[no-untyped-def]
        """A menu entry. ``name`` is its objectName, which the crash smoke test
        (tests/gui/smoke_registry.py) needs to exercise it."""
        action = QAction(text, menu)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_guide(self, anchor: str | None = None):  # type: ignore[no-untyped-def]
        """The 法规原文 window (composer/gui/guide_view.py), at ``anchor`` if given."""
        from composer.gui.guide_view import open_guide
        return open_guide(anchor, self)

    def set_language(self, lang: str) -> None:
        if lang == i18n.language():
            return
        self.save_now()
        i18n.install(QApplication.instance(), lang)  # type: ignore[arg-type]
        i18n.save_language(lang)
        QApplication.setApplicationDisplayName(
            QCoreApplication.translate("App", "网络安全事件报告"))
        self.build_ui()

    def _window_name(self) -> str:
        """How other windows name this one while it edits a draft (composer/gui/editing.py)."""
        return self.model.draft.title or self.tr("新报告")

    def _update_title(self) -> None:
        """The report's title; the window system adds the app's name (网络安全事件报告) once."""
        title = self.model.draft.title or self.tr("新报告")
        if self.model.draft.drill:       # a drill (演练) is never mistaken for a report
            title = DRILL_PREFIX + title
        if self.windowTitle() != title:
            self.setWindowTitle(title)

    # --- draft lifecycle --------------------------------------------------------------------

    def _step_changed(self, step: int) -> None:
        if step >= 0:
            self.model.set_step(step)
            self.save_now()

    def save_now(self, orderly: bool = False) -> bool:
        """Save the draft now (see :class:`Autosaver`); False if it could not be stored."""
        return self.autosaver.save(orderly)

    def load_draft(self, draft: Draft, step: int | None = None) -> None:
        self.save_now(orderly=True)
        if step is not None:
            draft.step = step
        self.model.replace(draft)
        self.last_package = None
        self.build_ui()
        for page in self.wizard.pages.values():
            page.touch_all()

    def new_report(self) -> None:
        draft = new_draft(self.storage.load_profile())
        self.autosaver.mark_pristine(draft)       # stored on its first edit
        self.load_draft(draft, step=0)

    def new_drill(self) -> None:
        """文件 → 新建演练: a drill (演练) — rehearsal material, never sent to the intake."""
        draft = new_draft(self.storage.load_profile(), drill=True)
        self.autosaver.mark_pristine(draft)       # stored on its first edit
        self.load_draft(draft, step=0)

    def _stored_draft(self, draft_id: int) -> Draft | None:
        try:
            return self.storage.load_draft(draft_id)
        except sqlite3.Error as exc:
            self._warn(self.tr("无法打开草稿"), self.say_error(exc, self.storage.path))
            return None
        except (CorruptRow, KeyError) as exc:
            self._warn(self.tr("无法打开草稿"), f"{self.storage.path}\n{exc}")
            return None

    def open_draft(self, draft_id: int) -> None:
        draft = self._stored_draft(draft_id)
        if draft is not None:
            self.load_draft(draft)

    def start_derived(self, draft_id: int, report_type: ReportType) -> None:
        parent = self._stored_draft(draft_id)
        if parent is not None:
            self.load_draft(derived_draft(parent, report_type), step=int(flow.Step.BASIC))
            self.save_now()  # the chain is stored at once

    def open_file(self, path: str | Path) -> bool:
        """Load an incident file as a new draft (invalid files too: problems show inline)."""
        from composer.core.incident_io import loads_json
        from composer.core.input_file import UnreadableInput, read_input
        from composer.core.validators import INPUT_MAX_BYTES, InvalidIncident

        try:
            data = loads_json(read_input(path, INPUT_MAX_BYTES + 1))
        except UnreadableInput as exc:
            self._warn(self.tr("无法打开文件"), f"{path}\n{exc}")
            return False
        except OSError as exc:
            self._warn(self.tr("无法打开文件"), self.say_error(exc, path))
            return False
        except InvalidIncident as exc:
            self._warn(self.tr("无法打开文件"), f"{path}\n{exc}")
            return False
        if not isinstance(data, dict):
            self._warn(self.tr("无法打开文件"), self.tr("不是事件文件。"))
            return False
        draft = Draft(data=data)
        dropped = draft.drop_unknown_keys()
        self.load_draft(draft, step=int(flow.first_incomplete(draft)))
        if dropped:
            self._warn(self.tr("文件中有无法识别的字段"),
                       self.tr("以下字段无法识别（可能是拼写错误），没有载入；原文件未改动：")
                       + "\n" + "\n".join(dropped[:DROPPED_SHOWN])
                       + ("\n" + self.tr("……另有 %1 个").replace(
                           "%1", f"{len(dropped) - DROPPED_SHOWN:,}")
                          if len(dropped) > DROPPED_SHOWN else ""))
        return True

    def choose_file(self) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog  # dialogs are loaded when first opened

        dialog = QFileDialog(self, self.tr("打开事件文件"), self.start_folder(),
                             self.tr("事件文件 (*.json)"))
        dialog.setObjectName("open-file-dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

        def chosen(name: str) -> None:
            if name and self.open_file(name):
                self.remember_folder(Path(name).parent)
        dialog.fileSelected.connect(chosen)
        dialog.open()
        return dialog

    def finish_report(self) -> QMessageBox | None:
        """完成: the report is saved (an orderly save) and the window says so — where to find it
        again, and whether its sending is still to be recorded; 新建报告 starts the next one.
        Nothing else opens. A save that fails is said by the autosave banner instead."""
        if not self.save_now(orderly=True):
            return None
        from PySide6.QtWidgets import QMessageBox

        draft = self.model.draft
        name = f"#{draft.id}「{draft.title or self.tr('（未命名）')}」"
        text = self.tr("报告 %1 已保存，可在“文件 → 报告列表”中再次打开。").replace("%1", name)
        if not self.model.read_only:
            text += "\n" + self.tr("报送后请在本页点击“记录已报送…”，留存报送记录（时间、渠道、"
                                   "受理编号）。")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("报告已保存"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("finish-box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        new = box.addButton(self.tr("新建报告"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)

        def answered(_: int) -> None:
            if box.clickedButton() is new:
                self.new_report()
        box.finished.connect(answered)
        self.statusBar().showMessage(self.tr("报告已保存：") + name)
        box.open()
        return box

    def show_reports(self) -> ReportsDialog:
        self.save_now()
        from composer.core.owed import order_reports
        from composer.gui.reports_dialog import ReportsDialog

        dialog = ReportsDialog(order_reports(self.storage, self.storage.list_drafts()), self,
                               sendings=self.storage.sent_reports())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_: int) -> None:
            choice = dialog.result_value
            if choice is None:
                return
            if choice.action == "open":
                self.open_draft(choice.draft_id)
            else:
                self.start_derived(choice.draft_id, ReportType(choice.action))
        dialog.finished.connect(done)
        dialog.deleteRequested.connect(lambda i: self.delete_report(i) and dialog.removed(i))
        dialog.archiveRequested.connect(
            lambda i, on: self.archive_report(i, on) and dialog.archived(i, on))
        dialog.open()
        return dialog

    def delete_report(self, draft_id: int) -> bool:
        """Delete an unsent draft (the list asked for confirmation); the open one is left for a
        new blank report first. A sent report is refused (it can be archived)."""
        if self.model.draft.id == draft_id:
            self.new_report()
        try:
            self.storage.delete_draft(draft_id)
        except SentReportError as exc:
            self._warn(self.tr("无法删除"), str(exc))
            return False
        except sqlite3.Error as exc:
            self._warn(self.tr("无法删除"), self.say_error(exc, self.storage.path))
            return False
        return True

    def archive_report(self, draft_id: int, archived: bool) -> bool:
        try:
            self.storage.archive_draft(draft_id, archived)
        except sqlite3.Error as exc:
            self._warn(self.tr("无法归档"), self.say_error(exc, self.storage.path))
            return False
        return True

    def record_exports(self) -> RecordExports:
        """The 报送记录 menu's 台账 and 演练报告 (made on first use: not at start-up)."""
        from composer.gui.record_exports import RecordExports

        if self._exports is None:
            self._exports = RecordExports(self, self.storage, self)
        return self._exports

    def offer_recovery(self, drafts: list[DraftSummary]) -> RecoveryDialog | None:
        if not drafts:
            return None
        from composer.gui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(drafts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_: int) -> None:
            if dialog.result_value is not None:
                self.open_draft(dialog.result_value)
        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def show_doctor(self) -> QDialog:
        """帮助 → 运行环境检查: the ``composer doctor`` report (for IT staff)."""
        from composer.gui.doctor_dialog import DoctorDialog

        dialog = DoctorDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        geometry.save(self, self.storage)
        if self.autosaver.confirm_close():
            self.editor_guard.release()
            event.accept()
        else:
            event.ignore()

    @staticmethod
    def say_error(exc: BaseException, path: str | Path | None = None) -> str:
        """An OS or database error as a sentence in the UI language, with the path
        (composer.core.os_errors.describe_error)."""
        from composer.core.os_errors import describe_error

        return describe_error(exc, path, i18n.language())

    def _warn(self, title: str, text: str) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.open()
        return box


__all__ = ["AUTOSAVE_MS", "EMAIL_RECIPIENTS", "MainWindow", "package_dir_name"]
