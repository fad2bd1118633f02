"""Slow work off the GUI thread, through one small helper.

:func:`run_operation` runs ``work()`` on the global QThreadPool and calls ``on_success(result)``
or ``on_failure(exception)`` back on the GUI thread. A progress popup appears only if the work
lasts longer than :data:`PROGRESS_DELAY_MS` (so quick work does not flash a dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 600


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread.

    Signals: succeeded(object), failed(object).
    """

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 (reported to the user through on_failure)
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


def _worker_pool() -> QThreadPool:
    """One worker thread: reportlab and PDFium are not thread-safe, so background renders
    (preview, package, print) run one after another, never side by side."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() != 1:
        pool.setMaxThreadCount(1)
    return pool


class Operation(QObject):
    """One piece of background work. Signals: finished() after either callback ran."""

    finished = Signal()
    _running: ClassVar[set[Operation]] = set()  # keeps running operations alive

    def __init__(self, parent: QWidget | None, label: str, work: Callable[[], Any],
                 on_success: Callable[[Any], None], on_failure: Callable[[Exception], None]):
        super().__init__(parent)
        self._label = label
        self._on_success = on_success
        self._on_failure = on_failure
        self._parent_widget = parent
        self._progress: QProgressDialog | None = None
        self.done = False
        self._relay = _Relay()
        self._relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)
        self._task = _Task(work, self._relay)

    def start(self) -> Operation:
        Operation._running.add(self)
        self._timer.start(PROGRESS_DELAY_MS)
        _worker_pool().start(self._task)
        return self

    def _show_progress(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self._label, "", 0, 0, self._parent_widget)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAccessibleName(self._label)
        dialog.show()
        self._progress = dialog

    def _finish(self) -> None:
        self.done = True
        self._timer.stop()
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        Operation._running.discard(self)

    def _succeeded(self, result: Any) -> None:
        self._finish()
        try:
            self._on_success(result)
        finally:
            self.finished.emit()

    def _failed(self, exc: Exception) -> None:
        self._finish()
        try:
            self._on_failure(exc)
        finally:
            self.finished.emit()


def run_operation(parent: QWidget | None, label: str, work: Callable[[], Any], *,
                  on_success: Callable[[Any], None],
                  on_failure: Callable[[Exception], None]) -> Operation:
    """Run ``work`` in the background; see the module docstring."""
    return Operation(parent, label, work, on_success, on_failure).start()
