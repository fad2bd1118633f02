"""PDF pages on screen and on paper, without QtPdf: pypdfium2 rasterises, Qt paints.

pypdfium2 is not thread-safe; the process-wide :data:`PDFIUM_LOCK` serialises it (rendering and
printing run off the GUI thread through :mod:`composer.gui.operations`, and a package's fax
pages may be rasterised on a worker at the same time).

Importing this module loads neither PDFium nor the render layer: they are imported by the
first call that needs them (on the preview's worker thread), so the first window is not kept
waiting for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from composer.render.pdfium_lock import PDFIUM_LOCK

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtPrintSupport import QPrinter

__all__ = ["page_count", "page_sizes", "paint_pdf", "rasterise"]

PREVIEW_DPI = 144
MAX_PRINT_DPI = 300


def page_count(pdf: bytes) -> int:
    """Pages of ``pdf`` (PDFium is loaded on first use)."""
    from composer.render.fax import page_count as count

    return count(pdf)


def rasterise(pdf: bytes, dpi: float = PREVIEW_DPI, pages: list[int] | None = None, *,
              width: int | None = None, stop: Callable[[], bool] | None = None
              ) -> list[QImage] | None:
    """Pages as opaque RGB images on white (safe off the GUI thread).

    ``width``: pixels across each page instead of ``dpi`` (the preview asks for what it shows,
    so the GUI thread need not scale). ``stop``: asked between pages; when it answers True the
    work is abandoned and None returned (a newer preview is wanted).
    """
    import pypdfium2 as pdfium

    out: list[QImage] = []
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
        try:
            indices = range(len(doc)) if pages is None else pages
            for i in indices:
                if stop is not None and stop():
                    return None
                page = doc[i]
                try:
                    scale = width / page.get_width() if width else dpi / 72
                    # RGBx straight from PDFium, copied into a Qt-owned image: no Pillow here
                    bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255),
                                         rev_byteorder=True, prefer_bgrx=True)
                    try:
                        out.append(QImage(bitmap.buffer, bitmap.width, bitmap.height,
                                          bitmap.stride, QImage.Format.Format_RGBX8888
                                          ).convertToFormat(QImage.Format.Format_RGB32))
                    finally:
                        bitmap.close()
                finally:
                    page.close()
        finally:
            doc.close()
    return out


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of every page of ``pdf``, in points (safe off the GUI thread)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
        try:
            return [doc.get_page_size(i) for i in range(len(doc))]
        finally:
            doc.close()


PRINT_STRIP = 256
"""Rows of a page image painted by one call. Qt's PDF engine (also behind CUPS) compresses
an image inside drawImage while holding Python's GIL — 0.12–0.22 s for a whole 300-dpi page,
which stalled the window while printing on the worker; a strip is ≈ 20 ms. Each strip
overlaps the next by one row, so no seam can show between them."""


def paint_pdf(printer: QPrinter, pdf: bytes, pages: list[int] | None = None, *,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Paint the ``pages`` (default: every page) of ``pdf`` on ``printer`` at its resolution
    (capped at :data:`MAX_PRINT_DPI`), one page rasterised at a time and painted in strips
    (:data:`PRINT_STRIP`); safe off the GUI thread (QPainter may paint on a QPrinter in any
    one thread). ``progress(done, total)`` after each page; when ``cancelled()`` answers True
    the painting stops (printing.py drops the job) and the pages painted so far are returned.
    Returns the pages painted."""
    import pypdfium2 as pdfium

    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
    try:
        indices = list(range(len(doc))) if pages is None else pages
        if not indices or not painter.begin(printer):
            return 0
        done = 0
        try:
            for n, i in enumerate(indices):
                if cancelled is not None and cancelled():
                    printer.abort()
                    break
                if n:
                    printer.newPage()
                with PDFIUM_LOCK:
                    page = doc[i]
                    bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255),
                                         rev_byteorder=True, prefer_bgrx=True)
                try:   # the pixels PDFium drew, painted as they are (no copy, no conversion)
                    _paint_page(painter, QImage(bitmap.buffer, bitmap.width, bitmap.height,
                                                bitmap.stride, QImage.Format.Format_RGBX8888))
                finally:
                    with PDFIUM_LOCK:
                        bitmap.close()
                        page.close()
                done = n + 1
                if progress is not None:
                    progress(done, len(indices))
            else:
                if cancelled is not None and cancelled():  # the last moment: before end()
                    printer.abort()
        finally:
            painter.end()
        return done
    finally:
        with PDFIUM_LOCK:
            doc.close()


def _paint_page(painter: QPainter, image: QImage) -> None:
    """One page image on the whole sheet, 1:1 (aspect kept, centred across), in strips."""
    area = painter.viewport()
    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(),
                   size.width(), size.height())
    painter.setViewport(target)
    painter.setWindow(image.rect())
    width, height = image.width(), image.height()
    for top in range(0, height, PRINT_STRIP):
        rows = min(PRINT_STRIP + 1, height - top)
        painter.drawImage(QPoint(0, top), image, QRect(0, top, width, rows))
    painter.setViewport(area)
    painter.setWindow(QRect(0, 0, area.width(), area.height()))


class PagesView(QScrollArea):
    """The report's pages, one under another, scaled to the view's width.

    :meth:`page_width` is the width (in device pixels) pages should be rasterised at to be
    shown unscaled; images of another width are shown at that width (Qt scales the pages in
    view as it paints them). Only the pages in view and next to it hold a pixmap: turning 30
    page images into pixmaps (and again on every resize) cost the GUI thread 0.1 s.

    Signals: widthChanged() when the view's page width moved away from the images' width by
    more than a tenth (a new rasterisation would look sharper).
    """

    widthChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pages-view")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._images: list[QImage] = []
        self._shown: set[int] = set()      # the pages holding a pixmap now
        inner = QWidget()
        inner.setStyleSheet("background: #808080;")
        self._layout = QVBoxLayout(inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(inner)
        self.labels: list[QLabel] = []
        self._message: QLabel | None = None
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(lambda _: self._show_in_view())
        bar.rangeChanged.connect(lambda *_: self._show_in_view())

    def _width(self) -> int:
        return max(200, min(self.viewport().width() - 40, 900))

    def page_width(self) -> int:
        return round(self._width() * self.devicePixelRatioF())

    def has_pages(self) -> bool:
        return bool(self._images)

    def set_pages(self, images: list[QImage], note: str = "") -> None:
        """Show ``images`` (and ``note`` under them); the page labels are reused when the count
        is unchanged (no flicker, the scroll position stays)."""
        self._images = images
        self._clear_message()
        if len(self.labels) != len(images):
            for label in self.labels:
                self._layout.removeWidget(label)
                label.hide()          # gone at once, even before the deferred delete runs
                label.deleteLater()
            self.labels = []
            for n in range(1, len(images) + 1):
                label = QLabel()
                label.setObjectName(f"page-{n}")
                label.setAccessibleName(f"{n} / {len(images)}")
                label.setStyleSheet("background: white;")
                self._layout.addWidget(label)
                self.labels.append(label)
        if note:
            self._add_message(note)
        self._scale()

    def set_message(self, text: str) -> None:
        self.set_pages([])
        self._add_message(text)

    def _add_message(self, text: str) -> None:
        label = QLabel(text)
        label.setStyleSheet("color: white; font-size: 12pt;")
        label.setWordWrap(True)
        label.setObjectName("pages-message")
        self._layout.addWidget(label)
        self._message = label

    def _clear_message(self) -> None:
        if self._message is not None:
            self._layout.removeWidget(self._message)
            self._message.hide()
            self._message.setParent(None)   # out of the widget tree at once (findChild)
            self._message.deleteLater()
            self._message = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()
        if self._images and abs(self._images[0].width() - self.page_width()) > \
                self.page_width() / 10:
            self.widthChanged.emit()

    def _scale(self) -> None:
        """Each page's place, ``_width()`` wide; the pixmaps of the pages in view."""
        width = self._width()
        for label, image in zip(self.labels, self._images, strict=True):
            label.setFixedSize(width, round(width * image.height() / max(1, image.width())))
        self._shown.clear()               # made again at this width
        self._show_in_view()

    def _in_view(self) -> range:
        """The pages in view and one on each side — from the pages' own heights, so it is
        right before the layout has placed them."""
        if not self.labels:
            return range(0)
        margins, spacing = self._layout.contentsMargins(), self._layout.spacing()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        y, first, last = margins.top(), None, 0
        for i, label in enumerate(self.labels):
            height = label.minimumHeight()
            if y + height >= top and y <= bottom:
                first = i if first is None else first
                last = i
            y += height + spacing
        if first is None:
            return range(0)
        return range(max(0, first - 1), min(len(self.labels), last + 2))

    def _show_in_view(self) -> None:
        wanted = set(self._in_view())
        width = self._width()
        for i in sorted(self._shown - wanted):
            self.labels[i].setPixmap(QPixmap())
        for i in sorted(wanted - self._shown):
            image = self._images[i]
            pix = QPixmap.fromImage(image)
            pix.setDevicePixelRatio(image.width() / width)
            self.labels[i].setPixmap(pix)
        self._shown = wanted
