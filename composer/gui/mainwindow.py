"""The main window: header with countdown, the wizard, menus, autosave and output actions."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from composer.core import flow
from composer.core.draft import Draft, derived_draft, new_draft
from composer.core.incident_io import dumps_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.storage import DraftSummary, Storage
from composer.gui import i18n
from composer.gui.dialogs import RecoveryDialog, ReportsDialog, SubmissionDialog
from composer.gui.header import DeadlineHeader
from composer.gui.model import DraftModel
from composer.gui.operations import package_progress, run_operation
from composer.gui.preview import paint_pdf
from composer.gui.wizard import ReportWizard

AUTOSAVE_MS = 1500
EMAIL_RECIPIENTS = "email_recipients"  # storage setting: extra To addresses of the e-mail draft


def package_dir_name(draft: Draft, now: datetime) -> str:
    """A folder name for one package: time, report type, title (safe on every filesystem)."""
    title = re.sub(r'[\\/:*?"<>|\s]+', "_", draft.title).strip("._")[:40] or "report"
    return f"{now:%Y%m%d-%H%M%S}-{draft.report_type.value}-{title}"


class MainWindow(QMainWindow):
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
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit)
        lang_menu = bar.addMenu(self.tr("语言(&G)") if i18n.language() == "zh" else "&Language")
        for code, name in (("zh", "简体中文"), ("en", "English")):
            action = self._action(lang_menu, name, lambda _=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(i18n.language() == code)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

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

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("打开事件文件"), "",
                                              self.tr("事件文件 (*.json)"))
        if name:
            self.open_file(name)

    def show_reports(self) -> ReportsDialog:
        self.save_now()
        dialog = ReportsDialog(self.storage.list_drafts(), self)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        event.accept()

    # --- output -----------------------------------------------------------------------------

    def choose_package_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存材料包的文件夹"))
        if folder:
            self.generate_package(Path(folder))

    def email_recipients(self) -> list[str]:
        """The organisation's configured extra recipients of the e-mail draft."""
        value = self.storage.load_setting(EMAIL_RECIPIENTS, [])
        return [str(a) for a in value] if isinstance(value, list) else []

    def generate_package(self, parent_dir: Path):  # type: ignore[no-untyped-def]
        """Write the package into a new sub-folder of ``parent_dir`` (off the GUI thread)."""
        from composer.render.package import write_package

        self.save_now()
        draft = self.model.draft
        report = draft.report()
        if report is None or draft.id is None:
            self._warn(self.tr("无法生成"), self.tr("报告还有问题。"))
            return None
        now = datetime.now(CHINA_TZ).replace(microsecond=0)
        out_dir = Path(parent_dir) / package_dir_name(draft, now)
        source = dumps_report(report).encode("utf-8")
        draft_id = draft.id
        extra = tuple(self.email_recipients())

        def work(progress):  # type: ignore[no-untyped-def]
            return write_package(report, out_dir, source=source, generated_at=now,
                                 extra_recipients=extra, progress=package_progress(progress))

        def success(result) -> None:  # type: ignore[no-untyped-def]
            files = [Path(f) for f in result.files]
            manifest = next((f for f in files if f.name == "manifest.json"), None)
            digest = (hashlib.sha256(manifest.read_bytes()).hexdigest()
                      if manifest is not None and manifest.exists() else None)
            self.storage.record_package(draft_id, out_dir, files, digest, now)
            self.last_package = out_dir
            self.wizard.pages[flow.Step.PREVIEW].set_generated(out_dir)
            self.statusBar().showMessage(self.tr("材料包已生成：") + str(out_dir))

        def failure(exc: Exception) -> None:
            self._warn(self.tr("生成材料包失败"), str(exc))

        return run_operation(self, self.tr("正在生成材料包…"), work, on_success=success,
                             on_failure=failure, progress=True)

    def open_package_folder(self) -> None:
        if self.last_package is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_package)))

    def print_document(self, kind: str) -> None:
        """Print preview of the report, or of the fax set (cover + report)."""
        report = self.model.draft.report()
        preview = self.wizard.pages[flow.Step.PREVIEW]
        if report is None:
            return
        if kind == "report" and preview.pdf is not None:
            self._print_pdf(preview.pdf, self.tr("打印报告"))
            return

        def work() -> bytes:
            from composer.core.classify import classify
            from composer.gui.page_preview import render_pdf
            from composer.render.fax import fax_set

            classification = classify(report)
            pdf = preview.pdf if preview.pdf is not None else render_pdf(report, classification)
            if kind == "report":
                return pdf
            return fax_set(report, classification, pdf,
                           generated_at=datetime.now(CHINA_TZ).replace(microsecond=0))[1]

        run_operation(self, self.tr("正在准备打印…"), work,
                      on_success=lambda pdf: self._print_pdf(
                          pdf, self.tr("打印传真件") if kind == "fax" else self.tr("打印报告")),
                      on_failure=lambda exc: self._warn(self.tr("无法打印"), str(exc)))

    def _print_pdf(self, pdf: bytes, title: str) -> QPrintPreviewDialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(lambda p: paint_pdf(p, pdf))
        dialog.open()
        return dialog

    def export_file(self) -> None:
        report = self.model.draft.report()
        if report is None:
            self._warn(self.tr("无法导出"), self.tr("报告还有问题，请先按提示修改。"))
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出事件文件"),
                                              "incident.json", self.tr("事件文件 (*.json)"))
        if name:
            from composer.core.incident_io import save_report
            try:
                save_report(report, name)
            except OSError as exc:
                self._warn(self.tr("无法保存"), str(exc))

    def record_submission(self) -> SubmissionDialog | None:
        """Ask when and how the report was sent, and keep that record (evidence, Art. 10–11)."""
        self.save_now()
        draft_id = self.model.draft.id
        if draft_id is None:
            return None
        dialog = SubmissionDialog(datetime.now(CHINA_TZ), self)

        def done(_: int) -> None:
            value = dialog.result_value
            if value is None:
                return
            self.storage.record_submission(draft_id, value.channel, value.sent_at, value.note)
            self._show_submission()
            self.statusBar().showMessage(self.tr("已记录报送"))

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _show_submission(self) -> None:
        """The header shows the first recorded sending of this report (what the deadline
        judges) instead of a countdown."""
        draft_id = self.model.draft.id
        subs = self.storage.submissions(draft_id) if draft_id is not None else []
        self.header.set_submission(subs[0] if subs else None)

    def _warn(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.open()
        return box


__all__ = ["EMAIL_RECIPIENTS", "MainWindow", "package_dir_name"]
