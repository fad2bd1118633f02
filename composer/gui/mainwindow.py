"""The main window: header with countdown, the wizard, menus, autosave (output actions:
:mod:`composer.gui.output`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from composer.core import flow
from composer.core.draft import Draft, derived_draft, new_draft
from composer.core.model import ReportType
from composer.core.storage import DraftSummary, Storage
from composer.gui import i18n, sending
from composer.gui.dialogs import RecoveryDialog, ReportsDialog
from composer.gui.header import DeadlineHeader
from composer.gui.model import DraftModel
from composer.gui.output import EMAIL_RECIPIENTS, OutputActions, package_dir_name
from composer.gui.wizard import ReportWizard

AUTOSAVE_MS = 1500


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
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_now)
        self.model.changed.connect(self._schedule_autosave)
        self.model.replaced.connect(self._show_submission)
        self.resize(1100, 820)
        self.build_ui()

    # --- building (again on a language change) ----------------------------------------------

    def build_ui(self) -> None:
        self.setWindowTitle(self.tr("网络安全事件报告") + " — Composer")
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
        layout.addWidget(self.header)
        layout.addWidget(self.wizard, 1)
        self.setCentralWidget(central)
        central.show()  # at once, not on the next event-loop turn
        pages = self.wizard.pages
        pages[flow.Step.PROFILE].profileAccepted.connect(self.storage.save_profile)
        pages[flow.Step.PROFILE].set_recipients(self.email_recipients())
        pages[flow.Step.PROFILE].recipientsAccepted.connect(
            lambda addresses: self.storage.save_setting(EMAIL_RECIPIENTS, addresses))
        preview = pages[flow.Step.PREVIEW]
        preview.generateRequested.connect(self.choose_package_folder)
        preview.printRequested.connect(self.print_document)
        preview.exportRequested.connect(self.export_file)
        preview.openFolderRequested.connect(self.open_package_folder)
        preview.submissionRequested.connect(self.record_submission)
        self.wizard.currentIdChanged.connect(self._step_changed)
        self.wizard.finishedReport.connect(self.show_reports)
        self._build_menus()
        sending.connect_window(self)  # channel cards, what is owed
        self._show_submission()
        self.wizard.go_to(self.model.draft.step)
        self.statusBar().showMessage(self.tr("草稿自动保存"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self._action(file_menu, self.tr("新建报告(&N)"), self.new_report, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("报告列表(&L)…"), self.show_reports, "Ctrl+L")
        self._action(file_menu, self.tr("打开事件文件(&O)…"), self.choose_file,
                     QKeySequence.StandardKey.Open)
        self._action(file_menu, self.tr("立即保存(&S)"), self.save_now, QKeySequence.StandardKey.Save)
        self._action(file_menu, self.tr("导出报送记录(&E)…"), lambda: sending.export_log(self)
                     ).setObjectName("action-export-log")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit)
        lang_menu = bar.addMenu(self.tr("语言(&G)") if i18n.language() == "zh" else "&Language")
        for code, name in (("zh", "简体中文"), ("en", "English")):
            action = self._action(lang_menu, name, lambda _=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(i18n.language() == code)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("法规原文(&R)"), lambda: self.show_guide(),
                     QKeySequence.StandardKey.HelpContents).setObjectName("action-guide")
        self._action(help_menu, self.tr("运行环境检查(&D)…"), self.show_doctor).setObjectName(
            "actionDoctor")

    def _action(self, menu, text, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
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
        self.build_ui()

    # --- draft lifecycle --------------------------------------------------------------------

    def _step_changed(self, step: int) -> None:
        if step >= 0:
            self.model.set_step(step)
            self.save_now()

    def _schedule_autosave(self) -> None:
        """Save at most AUTOSAVE_MS after the first unsaved change: not restarted by further
        changes, so continuous typing is still saved every AUTOSAVE_MS."""
        if not self.autosave.isActive():
            self.autosave.start()

    def save_now(self) -> None:
        self.autosave.stop()
        if not self.storage.is_open:  # shutting down
            return
        self.storage.save_draft(self.model.draft)
        self.statusBar().showMessage(
            self.tr("已自动保存 %1").replace("%1", datetime.now().strftime("%H:%M:%S")))

    def load_draft(self, draft: Draft, step: int | None = None) -> None:
        self.save_now()
        if step is not None:
            draft.step = step
        self.model.replace(draft)
        self.last_package = None
        self.build_ui()
        for page in self.wizard.pages.values():
            page.touch_all()

    def new_report(self) -> None:
        self.load_draft(new_draft(self.storage.load_profile()), step=0)

    def open_draft(self, draft_id: int) -> None:
        self.load_draft(self.storage.load_draft(draft_id))

    def start_derived(self, draft_id: int, report_type: ReportType) -> None:
        parent = self.storage.load_draft(draft_id)
        child = derived_draft(parent, report_type)
        self.storage.save_draft(child)
        self.load_draft(child, step=int(flow.Step.BASIC))

    def open_file(self, path: str | Path) -> bool:
        """Load an incident file as a new draft (invalid files too: problems show inline)."""
        from composer.core.incident_io import loads_json
        from composer.core.validators import InvalidIncident

        try:
            data = loads_json(Path(path).read_bytes())
        except OSError as exc:
            self._warn(self.tr("无法打开文件"), f"{path}\n{exc.strerror or exc}")
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
                       + "\n" + "\n".join(dropped))
        return True

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("打开事件文件"), self.start_folder(),
                             self.tr("事件文件 (*.json)"))
        dialog.setObjectName("open-file-dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

        def chosen(name: str) -> None:
            if name and self.open_file(name):
                self.remember_folder(Path(name).parent)
        dialog.fileSelected.connect(chosen)
        dialog.open()
        return dialog

    def show_reports(self) -> ReportsDialog:
        self.save_now()
        from composer.core.owed import order_reports

        dialog = ReportsDialog(order_reports(self.storage, self.storage.list_drafts()), self)

        def done(_: int) -> None:
            choice = dialog.result_value
            if choice is None:
                return
            if choice.action == "open":
                self.open_draft(choice.draft_id)
            else:
                self.start_derived(choice.draft_id, ReportType(choice.action))
        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def offer_recovery(self, drafts: list[DraftSummary]) -> RecoveryDialog | None:
        if not drafts:
            return None
        dialog = RecoveryDialog(drafts, self)

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
        self.save_now()
        event.accept()

    def _warn(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.open()
        return box


__all__ = ["EMAIL_RECIPIENTS", "MainWindow", "package_dir_name"]
