"""The pages of the print preview: every page of the PDF as a placeholder of its size; only the
pages in view (and those next to them) are rasterised — at screen resolution, on the render
worker, a few at a time — and the pixels of pages far from view are let go. A 200-page report
opens at once and holds a dozen page images, never 200; the GUI thread only places pixmaps.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from composer.gui.operations import Operation, run_operation

BATCH = 2
"""Pages rasterised by one operation: small, so the newest scroll position is served soon."""
KEEP = 4
"""Pages on each side of the view whose pixels are kept."""
ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0)


class LazyPagesView(QScrollArea):
    """Signals: viewChanged(int first page shown, 1-based; int pages), pageDrawn(int index)."""

    viewChanged = Signal(int, int)
    pageDrawn = Signal(int)

    def __init__(self, pdf: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("print-pages")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # PgUp/PgDn through the pages
        self.pdf = pdf
        self.sizes: list[tuple[float, float]] = []
        self.labels: list[QLabel] = []
        self.images: dict[int, QImage] = {}
        self.zoom = ZOOMS.index(1.0)
        self._inflight: Operation | None = None
        self._closed = False
        inner = QWidget()
        inner.setStyleSheet("background: #808080;")
        self._layout = QVBoxLayout(inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._layout.setSpacing(12)
        self.setWidget(inner)
        self._pump_timer = QTimer(self)          # coalesces scroll and resize events
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        self.verticalScrollBar().valueChanged.connect(lambda _: self._pump_timer.start())
        # the placeholders laid out (or re-laid after a zoom): what is in view is known now
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._pump_timer.start())

    # --- pages -----------------------------------------------------------------------------

    def set_sizes(self, sizes: list[tuple[float, float]]) -> None:
        """One placeholder per page (its size in points), labelled until drawn."""
        self.sizes = sizes
        for n in range(1, len(sizes) + 1):
            label = QLabel(self.tr("第 %1 页").replace("%1", str(n)))
            label.setObjectName(f"print-page-{n}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: white; color: #9a9a9a;")
            self._layout.addWidget(label)
            self.labels.append(label)
        self._place()

    def page_width(self) -> int:
        """Device pixels across a page at the current zoom (what pages are rasterised at)."""
        fit = max(200, min(self.viewport().width() - 40, 900))
        return round(fit * ZOOMS[self.zoom] * self.devicePixelRatioF())

    def _place(self) -> None:
        ratio = self.devicePixelRatioF()
        width = self.page_width()
        for label, (w, h) in zip(self.labels, self.sizes, strict=True):
            label.setFixedSize(QSize(round(width / ratio), round(width * h / w / ratio)))
        stale = [i for i, image in self.images.items() if image.width() != width]
        for i in stale:           # drawn at another width: drawn again when in view
            del self.images[i]
        self._pump_timer.start()

    def set_zoom(self, step: int) -> None:
        zoom = max(0, min(len(ZOOMS) - 1, self.zoom + step))
        if zoom != self.zoom:
            first = self.first_shown()
            self.zoom = zoom
            self._place()
            if self.labels:
                self.ensureWidgetVisible(self.labels[first], 0, 0)

    def first_shown(self) -> int:
        """Index of the first page in view."""
        top = self.verticalScrollBar().value()
        return next((i for i, label in enumerate(self.labels)
                     if label.y() + label.height() > top), 0)

    def in_view(self) -> list[int]:
        """The pages in view and one on each side, nearest first."""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        shown = [i for i, label in enumerate(self.labels)
                 if label.y() < bottom and label.y() + label.height() > top]
        if not shown:
            return []
        return shown + [i for i in (shown[-1] + 1, shown[0] - 1) if 0 <= i < len(self.labels)]

    @property
    def drawn(self) -> int:
        """How many pages hold pixels now."""
        return len(self.images)

    # --- rasterising -----------------------------------------------------------------------

    def _pump(self) -> None:
        """Ask the render worker for the next pages in view that are not drawn yet."""
        if self._closed or not self.labels:
            return
        shown = self.in_view()
        if shown:
            self.viewChanged.emit(shown[0] + 1, len(self.labels))
        self._forget_far(shown)
        if self._inflight is not None:
            return                      # its landing pumps again
        width = self.page_width()
        missing = [i for i in shown if i not in self.images][:BATCH]
        if not missing:
            return
        pdf = self.pdf

        def work() -> tuple[int, list[int], list[QImage] | None]:
            from composer.gui.preview import rasterise

            return width, missing, rasterise(pdf, pages=missing, width=width,
                                             stop=lambda: self._closed)

        self._inflight = run_operation(self, None, work, on_success=self._landed,
                                       on_failure=self._failed)

    def _landed(self, result: tuple[int, list[int], list[QImage] | None]) -> None:
        self._inflight = None
        width, indices, images = result
        if images is not None and width == self.page_width():
            ratio = self.devicePixelRatioF()
            for i, image in zip(indices, images, strict=True):
                self.images[i] = image
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                self.labels[i].setPixmap(pixmap)
                self.pageDrawn.emit(i)
        self._pump()

    def _failed(self, exc: Exception) -> None:
        self._inflight = None
        for label in self.labels:
            if label.pixmap().isNull():
                label.setText(self.tr("无法显示：") + str(exc))

    def _forget_far(self, shown: list[int]) -> None:
        if not shown:
            return
        low, high = min(shown) - KEEP, max(shown) + KEEP
        for i in [i for i in self.images if not low <= i <= high]:
            del self.images[i]
            self.labels[i].setPixmap(QPixmap())
            self.labels[i].setText(self.tr("第 %1 页").replace("%1", str(i + 1)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._pump_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.labels:
            self._place()

    def close_view(self) -> None:
        """The dialog closes: a rasterisation in flight stops at its next page."""
        self._closed = True
