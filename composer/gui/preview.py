"""PDF pages on screen and on paper, without QtPdf: pypdfium2 rasterises, Qt paints.

pypdfium2 is not thread-safe; the process-wide :data:`PDFIUM_LOCK` serialises it (rendering runs
off the GUI thread through :mod:`composer.gui.operations`, printing on the GUI thread, and a
package's fax pages may be rasterised on a worker at the same time).

Importing this module loads neither PDFium nor the render layer: they are imported by the
first call that needs them (on the preview's worker thread), so the first window is not kept
waiting for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from composer.render.pdfium_lock import PDFIUM_LOCK

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

__all__ = ["page_count", "paint_pdf", "rasterise"]

PREVIEW_DPI = 144
MAX_PRINT_DPI = 300


def page_count(pdf: bytes) -> int:
    """Pages of ``pdf`` (PDFium is loaded on first use)."""
    from composer.render.fax import page_count as count

    return count(pdf)


def rasterise(pdf: bytes, dpi: float = PREVIEW_DPI, pages: list[int] | None = None
              ) -> list[QImage]:
    """Pages as opaque RGB images painted on white (safe off the GUI thread)."""
    import pypdfium2 as pdfium

    out: list[QImage] = []
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
        try:
            indices = range(len(doc)) if pages is None else pages
            for i in indices:
                page = doc[i]
                bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
                pil = bitmap.to_pil().convert("RGB")
                data = pil.tobytes("raw", "RGB")
                raw = QImage(data, pil.width, pil.height, pil.width * 3,
                             QImage.Format.Format_RGB888)
                image = QImage(raw.size(), QImage.Format.Format_RGB32)
                image.fill(Qt.GlobalColor.white)
                painter = QPainter(image)
                painter.drawImage(0, 0, raw)
                painter.end()
                out.append(image)
                bitmap.close()
                page.close()
        finally:
            doc.close()
    return out


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Paint every page of ``pdf`` on ``printer`` at its resolution (capped). Returns pages."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    total = page_count(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for i in range(total):
            if i:
                printer.newPage()
            image = rasterise(pdf, dpi, [i])[0]
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(),
                           size.width(), size.height())
            painter.setViewport(target)
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
            painter.setWindow(QRect(0, 0, area.width(), area.height()))
    finally:
        painter.end()
    return total


class PagesView(QScrollArea):
    """The report's pages, one under another, scaled to the view's width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pages-view")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._images: list[QImage] = []
        inner = QWidget()
        inner.setStyleSheet("background: #808080;")
        self._layout = QVBoxLayout(inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(inner)
        self.labels: list[QLabel] = []

    def set_pages(self, images: list[QImage]) -> None:
        self._images = images
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()          # gone at once, even before the deferred delete runs
            label.deleteLater()
        self.labels = []
        for n, image in enumerate(images, 1):
            label = QLabel()
            label.setObjectName(f"page-{n}")
            label.setAccessibleName(f"{n} / {len(images)}")
            self._layout.addWidget(label)
            self.labels.append(label)
        self._scale()

    def set_message(self, text: str) -> None:
        self.set_pages([])
        label = QLabel(text)
        label.setStyleSheet("color: white; font-size: 12pt;")
        label.setWordWrap(True)
        self._layout.addWidget(label)
        self.labels.append(label)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        width = max(200, min(self.viewport().width() - 40, 900))
        for label, image in zip(self.labels, self._images):
            pix = QPixmap.fromImage(image).scaled(
                QSize(width, 100000), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pix)
