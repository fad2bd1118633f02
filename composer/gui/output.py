"""The main window's output actions: package, open folder, print, export, record sending.

:class:`OutputActions` works for the main window, which it reaches through
:class:`OutputWindow` (the storage, the draft model, the wizard, the autosaver, saving,
warnings, the status line, loading a draft): nothing else of the window. It builds the
window's sending parts once: the current package (:mod:`composer.gui.current_package`), the
channel actions (:mod:`composer.gui.sending`, to which it is the :class:`SendingHost`) and
recording (:mod:`composer.gui.recording`); every package is written by
:func:`composer.gui.packaging.write`. File dialogs are opened window-modal with ``open()`` and
returned, so tests and the smoke test can use and close them like a user.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QStatusBar, QWidget

from composer.core import flow
from composer.core.draft import Draft, correction_draft
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.records import sha256_bytes
from composer.gui import packaging
from composer.gui.autosave import SAVE_ERRORS
from composer.gui.current_package import CurrentPackage
from composer.gui.operations import Operation, ProgressFn, package_progress, run_operation
from composer.gui.packaging import EMAIL_RECIPIENTS, package_dir_name
from composer.gui.recording import Recording
from composer.gui.sending import Sending

if TYPE_CHECKING:   # printing (QtPrintSupport) is imported when first used, not at start-up
    from PySide6.QtWidgets import QFileDialog

    from composer.core.storage import Storage
    from composer.gui.autosave import Autosaver
    from composer.gui.draft_model import DraftModel
    from composer.gui.printing import PrintPreview
    from composer.gui.submission_dialog import SubmissionDialog, SubmissionInput
    from composer.gui.wizard import ReportWizard
    from composer.render.package import PackageResult

LAST_FOLDER = "last_folder"            # storage setting: the folder last chosen for output


def documents_dir() -> str:
    """The user's documents folder (home if the platform has none) — never the cwd."""
    found = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


class OutputWindow(Protocol):
    """What :class:`OutputActions` asks of the main window it works for."""

    @property
    def storage(self) -> Storage: ...
    @property
    def model(self) -> DraftModel: ...
    @property
    def autosaver(self) -> Autosaver: ...
    @property
    def wizard(self) -> ReportWizard: ...     # rebuilt on a language change: asked each time
    def statusBar(self) -> QStatusBar: ...
    def save_now(self, orderly: bool = False) -> bool: ...
    def warn(self, title: str, text: str) -> object: ...
    def say_error(self, exc: BaseException, path: str | Path | None = None) -> str: ...
    def show_submission(self) -> None: ...
    def load_draft(self, draft: Draft, step: int | None = None) -> None: ...
    def start_derived(self, draft_id: int, report_type: ReportType) -> None: ...


class OutputActions(QObject):
    """The actions of the preview page and the sent bar (see the module docstring), for the
    window ``window``; ``owner`` (the same window, as a widget) owns their dialogs. Built
    once, in the window's ``__init__``: they outlive UI rebuilds. No signals."""

    def __init__(self, owner: QWidget, window: OutputWindow) -> None:
        super().__init__(owner)
        self.owner = owner
        self.window = window
        self.storage = window.storage
        self.model = window.model
        self.last_package: Path | None = None
        self.print_preview: PrintPreview | None = None
        self.current_package = CurrentPackage(owner, self.storage, self.model, window.warn,
                                              window.save_now)
        self.sending = Sending(owner, self.storage, self.model, self.current_package, self)
        self.recording = Recording(owner, self.storage, self.model, self.current_package,
                                   warn=window.warn, save_now=window.save_now,
                                   recorded=self.sending_recorded,
                                   start_folder=self.start_folder)

    # --- what Sending asks of the window (composer.gui.sending.SendingHost) --------------------

    def save_now(self, orderly: bool = False) -> bool:
        return self.window.save_now(orderly)

    def warn(self, title: str, text: str) -> object:
        return self.window.warn(title, text)

    def show_status(self, text: str) -> None:
        self.window.statusBar().showMessage(text)

    def sending_recorded(self) -> None:
        """A sending was recorded: the header, the bar and the channel cards follow."""
        self.window.show_submission()
        self.sending.update_sent()
        self.show_status(self.tr("已记录报送"))

    # --- folders ---------------------------------------------------------------------------

    def start_folder(self) -> str:
        """Where file dialogs start: the last folder used, else the user's documents."""
        last = self.storage.load_setting(LAST_FOLDER)
        if isinstance(last, str) and Path(last).is_dir():
            return last
        return documents_dir()

    def remember_folder(self, folder: str | Path) -> None:
        """Keep the folder for the next dialog (through the autosaver: a failing database
        shows the autosave banner and the write is retried)."""
        text = str(folder)
        self.window.autosaver.call(LAST_FOLDER,
                                   lambda: self.storage.save_setting(LAST_FOLDER, text))

    def choose_package_folder(self) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog  # loaded when first opened

        dialog = QFileDialog(self.owner, self.tr("选择保存材料包的文件夹"),
                             self.start_folder())
        dialog.setObjectName("package-folder-dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("选择"))

        def chosen(folder: str) -> None:
            if folder:
                self.remember_folder(folder)
                self.generate_package(Path(folder))
        dialog.fileSelected.connect(chosen)
        dialog.open()
        return dialog

    def email_recipients(self) -> list[str]:
        """The organisation's configured extra recipients of the e-mail draft."""
        value = self.storage.load_setting(EMAIL_RECIPIENTS, [])
        return [str(a) for a in value] if isinstance(value, list) else []

    def package_recipients(self) -> list[str]:
        """The e-mail draft's extra To addresses: the organisation's 同时发送给 — never for a
        drill (演练), which goes only to its own recipients (composer.core.drill)."""
        return [] if self.model.draft.drill else self.email_recipients()

    # --- the package -----------------------------------------------------------------------

    def generate_package(self, parent_dir: Path) -> Operation | None:
        """Write the package into a new sub-folder of ``parent_dir`` (off the GUI thread)."""
        self.save_now()
        draft = self.model.draft
        report = draft.report()
        if report is None or draft.id is None:
            self.warn(self.tr("无法生成"), self.tr("报告还有问题。"))
            return None
        now = datetime.now(CHINA_TZ).replace(microsecond=0)
        out_dir = packaging.new_package_dir(Path(parent_dir), draft, now)
        draft_id = draft.id
        settings = packaging.unit_settings(self.storage, drill=draft.drill)

        def work(progress: ProgressFn) -> PackageResult:
            return packaging.write(report, out_dir, settings=settings, generated_at=now,
                                   progress=package_progress(progress))

        def success(result: PackageResult) -> None:
            files = [Path(f) for f in result.files]
            manifest = next((f for f in files if f.name == "manifest.json"), None)
            digest = (sha256_bytes(manifest.read_bytes())
                      if manifest is not None and manifest.exists() else None)
            self.storage.record_package(draft_id, out_dir, files, digest, now)
            self.last_package = out_dir
            self.window.wizard.preview_page.set_generated(out_dir)
            self.show_status(self.tr("材料包已生成：") + str(out_dir))

        def failure(exc: Exception) -> None:
            self.warn(self.tr("生成材料包失败"), self.window.say_error(exc, out_dir)
                      if isinstance(exc, OSError) else str(exc))

        return run_operation(self.owner, self.tr("正在生成材料包…"), work,
                             on_success=success, on_failure=failure, progress=True)

    def open_package_folder(self) -> bool:
        """Open the last package's folder in the file manager; say what failed and how to fix
        it (with the path) when that cannot work. False when there is no folder to open."""
        folder = self.last_package
        if folder is None:
            return False
        if not folder.is_dir():
            self.warn(self.tr("无法打开文件夹"),
                      self.tr("文件夹不存在（可能已被移动或删除）：") + "\n" + str(folder))
            return False
        from composer import desktop
        from composer.gui.desktop_open import open_path

        open_path(self.owner, folder, desktop.FOLDER, self.warn)   # says what failed, the fix
        return True

    # --- printing --------------------------------------------------------------------------

    def print_document(self, kind: str) -> None:
        """Print preview of the report, or of the fax set (cover + report), from the current
        package's files (report.pdf, fax/fax.pdf), generating one first when there is none:
        what is printed is byte for byte what a recorded sending keeps."""
        self.sending.print_document(kind)

    def print_pdf(self, pdf: bytes, title: str) -> PrintPreview:
        """Open the print preview (composer/gui/printing.py); it owns its printer and stays
        referenced by the window until it closes (then it is deleted, printer included)."""
        old = self.print_preview
        if old is not None:
            old.close()
        from composer.gui.printing import PrintPreview

        dialog = PrintPreview(pdf, title, self.owner)
        self.print_preview = dialog

        def closed(_: int) -> None:
            if self.print_preview is dialog:
                self.print_preview = None
            dialog.deleteLater()
        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    # --- export, sending -------------------------------------------------------------------

    def export_file(self) -> QFileDialog | None:
        report = self.model.draft.report()
        if report is None:
            self.warn(self.tr("无法导出"), self.tr("报告还有问题，请先按提示修改。"))
            return None
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self.owner, self.tr("导出事件文件"),
                             str(Path(self.start_folder()) / "incident.json"),
                             self.tr("事件文件 (*.json)"))
        dialog.setObjectName("export-dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")

        def chosen(name: str) -> None:
            from composer.core.incident_io import save_report
            try:
                save_report(report, name)
            except OSError as exc:
                self.warn(self.tr("无法保存"), self.window.say_error(exc, name))
                return
            self.remember_folder(Path(name).parent)
        dialog.fileSelected.connect(chosen)
        dialog.open()
        return dialog

    def record_submission(self, retry: SubmissionInput | None = None, reason: str = ""
                          ) -> SubmissionDialog | None:
        """Ask when, how and to whom the report was sent, and keep that record (evidence,
        Art. 10–11); see :class:`composer.gui.recording.Recording`."""
        return self.recording.record_submission(retry, reason)

    def start_follow_up(self) -> None:
        """A 续报 from the sent report (new facts), the chain kept."""
        if self.model.draft.id is not None:
            self.window.start_derived(self.model.draft.id, ReportType.FOLLOW_UP)

    def start_correction(self) -> None:
        """A 更正 of the sent report: the same report type, its facts to correct."""
        parent = self.model.draft
        if parent.id is None:
            return
        self.save_now()
        from composer.core.correction import corrected_sending  # names what it corrects

        child = correction_draft(parent, corrected_sending(self.storage.history(parent.id),
                                                           parent.id))
        try:
            self.storage.save_draft(child)
        except SAVE_ERRORS as exc:
            self.warn(self.tr("无法开始更正"), str(exc).splitlines()[0] if str(exc) else
                      type(exc).__name__)
            return
        self.window.load_draft(child, step=int(flow.Step.BASIC))
        self.show_status(
            self.tr("已开始更正 #%1：改正有误的内容后重新报送。").replace("%1", str(parent.id)))


__all__ = ["EMAIL_RECIPIENTS", "LAST_FOLDER", "OutputActions", "OutputWindow", "documents_dir",
           "package_dir_name"]
