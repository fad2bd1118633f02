"""Printing the report or the fax set through Qt's print preview.

The :class:`QPrinter` lives exactly as long as its preview dialog: :class:`PrintPreview` owns
it (a QPrinter is not a QObject, so nothing else would keep it alive while the non-modal
dialog still paints with it — the crash of issue 9). Pages are printed on A4 at 1:1 (the PDF
carries its own margins) and rasterised at the printer's resolution, capped at
:data:`composer.gui.preview.MAX_PRINT_DPI` — well above fax fine mode (204×196 dpi).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from composer.core.obligations import CHINA_TZ
from composer.gui.preview import paint_pdf

PRINT_KINDS = ("report", "fax")


def a4_printer(title: str) -> QPrinter:
    """A high-resolution printer set to A4 portrait, the whole sheet addressable."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF pages already have their margins: print them 1:1
    return printer


class PrintPreview(QPrintPreviewDialog):
    """Qt's print preview of one PDF; owns its printer (``self.printer``) and the bytes."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None):
        printer = a4_printer(title)
        super().__init__(printer, parent)
        self.printer = printer  # kept alive by the dialog, destroyed after it
        self.pdf = pdf
        self.printed_pages = 0
        self.setObjectName("print-preview")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        self.printed_pages = paint_pdf(printer, self.pdf)


def print_pdf_to_file(pdf: bytes, path: str, title: str = "") -> int:
    """Print ``pdf`` through a QPrinter into a PDF file (what a PDF printer receives).
    Returns the number of pages painted."""
    printer = a4_printer(title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    return paint_pdf(printer, pdf)


def document_pdf(kind: str, report, classification, report_pdf: bytes | None) -> bytes:
    """The bytes to print: the report PDF, or the fax set (cover + report) — off the GUI
    thread (safe: Qt-free rendering)."""
    from composer.gui.page_preview import render_pdf
    from composer.render.fax import fax_set

    pdf = report_pdf if report_pdf is not None else render_pdf(report, classification)
    if kind == "report":
        return pdf
    return fax_set(report, classification, pdf,
                   generated_at=datetime.now(CHINA_TZ).replace(microsecond=0))[1]
