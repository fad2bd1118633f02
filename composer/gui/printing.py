"""Printing the report, the fax set or the phone script, never on the GUI thread.

:class:`PrintPreview` shows the pages at screen resolution, rasterised on the render worker
as they come into view (:mod:`composer.gui.print_view`): a 200-page report opens at once.
打印… asks Qt's print dialog for the printer, then the pages are rasterised at the printer's
resolution (capped at :data:`composer.gui.preview.MAX_PRINT_DPI`, well above fax fine mode,
204×196 dpi) and painted on it on the render worker, page by page, with progress and 取消.
Pages are printed on A4 at 1:1 (the PDF carries its own margins).

The :class:`QPrinter` lives as long as its dialog *and* any print job still running (the job
holds it), so nothing ever paints with a dead printer (the crash of issue 9).

A cancelled job reaches no printer queue: Qt's print engines cannot abort a job half painted
(``QPrinter.abort()`` answers False on Linux, and ending the painter submits what was
painted), so a cancelled job is dropped — the CUPS engine is told to forget its printer (its
own engine property: it then deletes its spool file instead of sending it), and the partial
file of a print-to-file is removed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrintEngine, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.classify import Classification
from composer.core.model import Report
from composer.core.obligations import CHINA_TZ
from composer.gui.operations import Operation, ProgressFn, run_operation
from composer.gui.preview import paint_pdf
from composer.gui.print_view import LazyPagesView

PRINT_KINDS = ("report", "fax")


def a4_printer(title: str) -> QPrinter:
    """A high-resolution printer set to A4 portrait, the whole sheet addressable."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF pages already have their margins: print them 1:1
    return printer


def _drop_job(printer: QPrinter) -> None:
    """Make the painter's end() submit nothing (see the module docstring)."""
    if printer.abort():                      # Windows, macOS
        return
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        engine = printer.printEngine()
        engine.setProperty(QPrintEngine.PrintEnginePropertyKey.PPK_PrinterName, "")


def print_job(printer: QPrinter, pdf: bytes, pages: list[int] | None, progress: ProgressFn,
              cancelled: Callable[[], bool]) -> int:
    """Paint ``pages`` of ``pdf`` on ``printer`` (on a worker); a cancelled job is dropped.
    Returns the pages printed (0 when cancelled)."""
    stopped = False

    def stop() -> bool:
        nonlocal stopped
        if cancelled() and not stopped:
            stopped = True
            _drop_job(printer)
        return stopped

    total = len(pages) if pages is not None else None
    painted = paint_pdf(printer, pdf, pages, cancelled=stop, progress=lambda done, of: progress(
        done, of, QCoreApplication.translate("Printing", "正在打印：第 %1 页，共 %2 页")
        .replace("%1", str(done)).replace("%2", str(total or of))))
    if stopped:
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            with contextlib.suppress(OSError):
                Path(printer.outputFileName()).unlink()
        return 0
    return painted


class PrintPreview(QDialog):
    """The print preview of one PDF (``pdf``); owns its printer (``printer``, made on first
    use). ``printed_pages``: pages of the last finished print job.

    Signals: printed(int pages) when a job has gone to the printer (0: cancelled).
    """

    printed = Signal(int)
    pages: LazyPagesView

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("print-preview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.title = title
        self.printed_pages = 0
        self.total = 0
        self._printer: QPrinter | None = None
        self.job: Operation | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.print_button = self._button("print-preview-print", self.tr("打印…"),
                                         self.choose_printer)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setEnabled(False)          # until the pages are counted
        zoom_in = self._button("print-preview-zoom-in", self.tr("放大"),
                               lambda: self.pages.set_zoom(1))
        zoom_out = self._button("print-preview-zoom-out", self.tr("缩小"),
                                lambda: self.pages.set_zoom(-1))
        self.where = QLabel(self.tr("正在计算页数…"))
        self.where.setObjectName("print-preview-where")
        self.status = QLabel()
        self.status.setObjectName("print-preview-status")
        self.status.setWordWrap(True)
        for widget in (self.print_button, zoom_in, zoom_out, self.where):
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        layout.addLayout(bar)
        self.pages = LazyPagesView(pdf)
        self.pages.viewChanged.connect(self._show_where)
        layout.addWidget(self.pages, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 720)
        pdf_bytes = pdf

        def count() -> list[tuple[float, float]]:
            from composer.gui.preview import page_sizes

            return page_sizes(pdf_bytes)
        run_operation(self, None, count, on_success=self._counted,
                      on_failure=lambda exc: self.where.setText(self.tr("无法显示：") + str(exc)))

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @property
    def printer(self) -> QPrinter:
        """A4, high resolution; asks the system for its default printer when first used."""
        if self._printer is None:
            self._printer = a4_printer(self.title)
        return self._printer

    def set_printer(self, printer: QPrinter) -> None:
        """Print on ``printer`` instead (e.g. a PDF file target); the dialog keeps it alive."""
        self._printer = printer

    def _counted(self, sizes: list[tuple[float, float]]) -> None:
        self.total = len(sizes)
        self.pages.set_sizes(sizes)
        self._show_where(1, self.total)
        self.print_button.setEnabled(self.total > 0)

    def _show_where(self, first: int, total: int) -> None:
        self.where.setText(self.tr("第 %1 页，共 %2 页").replace("%1", str(first)).replace(
            "%2", str(total)))

    # --- printing --------------------------------------------------------------------------

    def choose_printer(self) -> QPrintDialog:
        """Qt's print dialog (window-modal, returned so tests can answer it); on 打印 the job
        starts in the background."""
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("print-dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setMinMax(1, max(1, self.total))
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        QDialog.open(dialog)            # PySide's QPrintDialog.open wants a slot to call
        return dialog

    def print_to(self, printer: QPrinter) -> Operation:
        """Print on ``printer`` (its page range honoured) off the GUI thread."""
        pages = None
        if (printer.printRange() == QPrinter.PrintRange.PageRange
                and printer.fromPage() > 0):
            last = min(printer.toPage() or self.total, self.total)
            pages = list(range(printer.fromPage() - 1, last))
        pdf = self.pdf
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("正在打印…"))

        def work(progress: ProgressFn, cancelled: Callable[[], bool]) -> int:
            return print_job(printer, pdf, pages, progress, cancelled)  # holds the printer

        self.job = run_operation(self, self.tr("正在打印…"), work, on_success=self._printed,
                                 on_failure=self._print_failed, progress=True,
                                 cancellable=True)
        return self.job

    def _printed(self, pages: int) -> None:
        self.job = None
        self.print_button.setEnabled(True)
        self.printed_pages = pages
        if pages:
            self.status.setText(self.tr("已打印 %1 页。").replace("%1", str(pages)))
        else:
            self.status.setText(self.tr("已取消打印，没有发送到打印机。"))
        self.printed.emit(pages)

    def _print_failed(self, exc: Exception) -> None:
        self.job = None
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("无法打印：") + str(exc))

    def done(self, result: int) -> None:
        """Closing stops what still runs: page rasterising, and a print job (dropped)."""
        self.pages.close_view()
        if self.job is not None:
            self.job.cancel()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.pages.close_view()
        if self.job is not None:
            self.job.cancel()
        super().closeEvent(event)


def print_pdf_to_file(pdf: bytes, path: str, title: str = "") -> int:
    """Print ``pdf`` through a QPrinter into a PDF file (what a PDF printer receives).
    Returns the number of pages painted."""
    printer = a4_printer(title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    return paint_pdf(printer, pdf)


def document_pdf(kind: str, report: Report, classification: Classification,
                 report_pdf: bytes | None) -> bytes:
    """The bytes to print: the report PDF, or the fax set (cover + report) — off the GUI
    thread (safe: Qt-free rendering)."""
    from composer.gui.page_preview import render_pdf
    from composer.render.fax import fax_set

    pdf = report_pdf if report_pdf is not None else render_pdf(report, classification)
    if kind == "report":
        return pdf
    return fax_set(report, classification, pdf,
                   generated_at=datetime.now(CHINA_TZ).replace(microsecond=0))[1]
