"""The main window: header with countdown, the wizard, autosave, the draft open in it (menus:
:mod:`composer.gui.menus`; output actions: :mod:`composer.gui.output`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from composer.core import flow
from composer.core.draft import Draft, derived_draft, keeps_profile, new_draft
from composer.core.drill import PREFIX as DRILL_PREFIX
from composer.core.model import ReportType
from composer.core.storage import CorruptRow, Storage
from composer.gui import font_setting, geometry, i18n, menus
from composer.gui.autosave import AUTOSAVE_MS, Autosaver
from composer.gui.draft_model import DraftModel
from composer.gui.drill_banner import DrillBanner
from composer.gui.editing import EditorGuard
from composer.gui.header import DeadlineHeader
from composer.gui.output import EMAIL_RECIPIENTS, OutputActions, package_dir_name
from composer.gui.report_list import ReportList
from composer.gui.sentbar import SentBar, type_text
from composer.gui.steps import StepIndicator
from composer.gui.wizard import ReportWizard

DROPPED_SHOWN = 30
"""Unrecognised keys named in the notice after opening a file (the rest are counted)."""

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from composer.gui.guide_view import GuideWindow
    from composer.gui.record_exports import RecordExports
    from composer.gui.reports_dialog import ReportsDialog


class MainWindow(QMainWindow):
    """Holds one draft at a time (``model``); everything it shows is rebuilt on a language
    change. Storage is passed in (tests give a temporary one). Its output actions (package,
    print, export, record sending) are ``outputs`` (:class:`OutputActions`).

    Signals: none of its own; pages signal it.
    """

    def __init__(self, storage: Storage, draft: Draft | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.storage = storage
        self.model = DraftModel(draft or new_draft(storage.load_profile()), self)
        self._exports: RecordExports | None = None
        self.autosaver = Autosaver(self, storage, self.model)  # failures: a banner, retries
        if draft is None:
            self.autosaver.mark_pristine()                     # stored on the first edit
        self.model.replaced.connect(self.show_submission)
        self.model.changed.connect(self._update_title)
        self.outputs = OutputActions(self, self)               # composer/gui/output.py
        self.reports = ReportList(self, self)                  # composer/gui/report_list.py
        self.editor_guard = EditorGuard(self, storage, self.model, self._window_name,
                                        self.open_draft)       # one draft, one editor
        self.editor_guard.holderChanged.connect(self.show_submission)
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
        self.sent_bar.followUpRequested.connect(self.outputs.start_follow_up)
        self.sent_bar.correctionRequested.connect(self.outputs.start_correction)
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
        profile = self.wizard.profile_page
        profile.ensure_built()   # the first page; the others on first visit
        # another unit's file, opened to read or check, does not become this unit's profile
        profile.remember.setChecked(keeps_profile(self.storage.load_profile(),
                                                  self.model.draft))
        profile.profileAccepted.connect(lambda operator: self.autosaver.call(
            "profile", lambda: self.storage.save_profile(operator)))
        profile.set_recipients(self.outputs.email_recipients())
        profile.recipientsAccepted.connect(lambda addresses: self.autosaver.call(
            EMAIL_RECIPIENTS, lambda: self.storage.save_setting(EMAIL_RECIPIENTS, addresses)))
        profile.report_fonts.set_choice(font_setting.load_choice(self.storage))
        profile.report_fonts.choiceChanged.connect(
            lambda data: self.autosaver.call(
                "report_fonts", lambda: font_setting.save_choice(self.storage, data)))
        preview, outputs = self.wizard.preview_page, self.outputs
        preview.generateRequested.connect(outputs.choose_package_folder)
        preview.printRequested.connect(outputs.print_document)
        preview.exportRequested.connect(outputs.export_file)
        preview.openFolderRequested.connect(outputs.open_package_folder)
        preview.submissionRequested.connect(outputs.record_submission)
        self.wizard.currentIdChanged.connect(self._step_changed)
        self.wizard.finishedReport.connect(self.finish_report)
        menus.build_menus(self)
        outputs.sending.connect_preview(preview)  # channel cards, what is owed
        self.show_submission()
        self.wizard.go_to(self.model.draft.step)
        self.statusBar().showMessage(self.tr("草稿自动保存"))

    def export_log(self) -> object:
        """报送记录 → 导出报送记录 (composer/gui/sending.py)."""
        return self.outputs.sending.export_log()

    def export_ledger(self) -> object:
        """报送记录 → 导出台账 (composer/gui/record_exports.py)."""
        return self.record_exports().export_ledger()

    def drill_report(self) -> object:
        """报送记录 → 演练报告 (composer/gui/record_exports.py)."""
        return self.record_exports().drill_report()

    def show_guide(self, anchor: str | None = None) -> GuideWindow:
        """The 法规原文 window (composer/gui/guide_view.py), at ``anchor`` if given."""
        from composer.gui.guide_view import open_guide
        return open_guide(anchor, self)

    def set_language(self, lang: str) -> None:
        if lang == i18n.language():
            return
        self.save_now()
        app = QApplication.instance()
        assert isinstance(app, QApplication)    # a window exists only in the GUI app
        i18n.install(app, lang)
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
        self.outputs.last_package = None
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
            self.warn(self.tr("无法打开草稿"), self.say_error(exc, self.storage.path))
            return None
        except (CorruptRow, KeyError) as exc:
            self.warn(self.tr("无法打开草稿"), f"{self.storage.path}\n{exc}")
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
        from composer.core.input_file import UnreadableInput, read_input
        from composer.core.strict_json import loads_json
        from composer.core.validators import INPUT_MAX_BYTES, InvalidIncident

        try:
            data = loads_json(read_input(path, INPUT_MAX_BYTES + 1))
        except UnreadableInput as exc:
            self.warn(self.tr("无法打开文件"), f"{path}\n{exc}")
            return False
        except OSError as exc:
            self.warn(self.tr("无法打开文件"), self.say_error(exc, path))
            return False
        except InvalidIncident as exc:
            self.warn(self.tr("无法打开文件"), f"{path}\n{exc}")
            return False
        if not isinstance(data, dict):
            self.warn(self.tr("无法打开文件"), self.tr("不是事件文件。"))
            return False
        draft = Draft(data=data)
        dropped = draft.drop_unknown_keys()
        self.load_draft(draft, step=int(flow.first_incomplete(draft)))
        if dropped:
            self.warn(self.tr("文件中有无法识别的字段"),
                       self.tr("以下字段无法识别（可能是拼写错误），没有载入；原文件未改动：")
                       + "\n" + "\n".join(dropped[:DROPPED_SHOWN])
                       + ("\n" + self.tr("……另有 %1 个").replace(
                           "%1", f"{len(dropped) - DROPPED_SHOWN:,}")
                          if len(dropped) > DROPPED_SHOWN else ""))
        return True

    def choose_file(self) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog  # dialogs are loaded when first opened

        dialog = QFileDialog(self, self.tr("打开事件文件"), self.outputs.start_folder(),
                             self.tr("事件文件 (*.json)"))
        dialog.setObjectName("open-file-dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

        def chosen(name: str) -> None:
            if name and self.open_file(name):
                self.outputs.remember_folder(Path(name).parent)
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
        untitled = self.tr("（未命名）")
        name = f"#{draft.id}「{draft.title or untitled}」"
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
        """文件 → 报告列表 (composer/gui/report_list.py)."""
        return self.reports.show()

    def record_exports(self) -> RecordExports:
        """The 报送记录 menu's 台账 and 演练报告 (made on first use: not at start-up)."""
        from composer.gui.record_exports import RecordExports

        if self._exports is None:
            self._exports = RecordExports(self, self.storage, self.outputs)
        return self._exports

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

    def show_submission(self) -> None:
        """The header shows the first recorded sending of this report (what the deadline
        judges) instead of a countdown; a sent report is a record: read-only, with the way
        to a 续报 or a 更正 (composer/gui/sentbar.py)."""
        draft = self.model.draft
        subs = self.storage.submissions(draft.id) if draft.id is not None else []
        first = subs[0] if subs else None
        self.header.set_submission(first)
        # each report obligation met only by a sending to its own recipient (duty_status)
        family = draft.id if draft.id is not None else draft.parent_id
        history = self.storage.history(family) if family is not None else []
        self.header.set_history(history if draft.id is not None else [])
        draft.sendings = tuple(history)     # a summary's Art. 11 account (statement_art11)
        held = self.editor_guard.held_by is not None
        self.model.read_only = first is not None or held
        self.sent_bar.set_submission(first, type_text(draft.report_type))
        for page in self.wizard.pages.values():
            page.set_read_only(first is not None or held)

    def warn(self, title: str, text: str) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.open()
        return box


__all__ = ["AUTOSAVE_MS", "EMAIL_RECIPIENTS", "MainWindow", "package_dir_name"]
