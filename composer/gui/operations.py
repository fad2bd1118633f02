"""Slow work off the GUI thread, through one small helper.

:func:`run_operation` runs ``work()`` on the global QThreadPool and calls ``on_success(result)``
or ``on_failure(exception)`` back on the GUI thread. A progress popup appears only if the work
lasts longer than :data:`PROGRESS_DELAY_MS` (so quick work does not flash a dialog); with
``progress=True`` the work is called as ``work(progress)`` and reports real progress through
``progress(done, total, text)`` (from its own thread), which the popup shows as a bar and a
line of text. With ``label=None`` there is no popup at all (quiet background work, such as the
preview following the user's typing).

The widget passed as ``parent`` owns the result, not the operation: the page that started a
render may be rebuilt (language switch, another report opened) while the work still runs. The
operation then finishes quietly: its popup goes with the widget, neither callback is called
(they would show the result on a deleted widget), and it no longer counts as running.
:func:`running_count` and :func:`wait_for_all` see every operation still running.

Two pools (``pool=``): :data:`RENDER` (the default) has ONE thread — reportlab and PDFium are
not thread-safe, so renders (preview, package, print) run one after another; :data:`IO` has
threads of its own for work that waits on the disk or another program (the workstation font
search, the 运行环境检查 checks, copying a package into the archive, asking which program opens
a file), so such work never keeps a render waiting, nor a render it.

``cancellable=True`` (with ``progress=True``): the work is called as ``work(progress,
cancelled)``; ``cancelled()`` answers True once the user pressed 取消 in the popup or
:meth:`Operation.cancel` was called — the work then stops early and returns what it has.

Background work ends with the window: :func:`stop_all` (the app calls it when its event loop
has ended, before waiting for the pools) makes every ``cancelled()`` answer True and every
``progress(...)`` raise :class:`Stopped`, so a long render (a 200-page fax drawn page by page)
stops at its next page instead of keeping the quitting app alive; its result is dropped.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

PROGRESS_DELAY_MS = 600

ProgressFn = Callable[[int, int, str], None]
"""``progress(done, total, text)``: ``total`` 0 means "busy, amount unknown"."""

_stopping = threading.Event()


class Stopped(Exception):
    """Raised by ``progress(...)`` once :func:`stop_all` was called: the work ends there (the
    app is quitting; the result would have no window to go to)."""


def stop_all() -> None:
    """The app is quitting: every running work stops at its next progress report or
    cancellation check (see the module docstring)."""
    _stopping.set()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread.

    Signals: succeeded(object), failed(object), progressed(int, int, str).
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


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


class Pool(Enum):
    """Where an operation runs (see the module docstring)."""

    RENDER = "render"
    IO = "io"


RENDER, IO = Pool.RENDER, Pool.IO
IO_THREADS = 2
_io_pool: QThreadPool | None = None


SWITCH_INTERVAL_S = 0.001
"""How often a worker running Python hands the interpreter lock over (Python's default: 5 ms).
The GUI thread needs the lock for every Python slot and event filter it runs while it lays
out and paints; with 5 ms per hand-over, a window rebuilt while the preview renders 200 pages
waited ≈ 0.9 s with ≈ 0.1 s of its own work (bench/bench_stall.py)."""


def _worker_pool() -> QThreadPool:
    """One worker thread: reportlab and PDFium are not thread-safe, so background renders
    (preview, package, print) run one after another, never side by side."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() != 1:
        pool.setMaxThreadCount(1)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
    return pool


def io_pool() -> QThreadPool:
    """The I/O pool (created on first use): disk and other programs, never rendering."""
    global _io_pool
    if _io_pool is None:
        _io_pool = QThreadPool(QCoreApplication.instance())
        _io_pool.setObjectName("composer-io")
        _io_pool.setMaxThreadCount(IO_THREADS)
    return _io_pool


def _pool(pool: Pool) -> QThreadPool:
    return io_pool() if pool is Pool.IO else _worker_pool()


def wait_for_pools(timeout_ms: int = 30000) -> bool:
    """Block until no worker of either pool runs (at exit; tests)."""
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    return (_io_pool is None or _io_pool.waitForDone(timeout_ms)) and done


class Operation(QObject):
    """One piece of background work. Signals: finished() after either callback ran (or, when
    the owning widget was deleted meanwhile, after the result was dropped)."""

    finished = Signal()
    _running: ClassVar[set[Operation]] = set()  # keeps running operations alive

    def __init__(self, parent: QWidget | None, label: str | None, work: Callable[..., Any],
                 on_success: Callable[[Any], None], on_failure: Callable[[Exception], None],
                 progress: bool = False, pool: Pool = Pool.RENDER, cancellable: bool = False):
        # Not a child of ``parent`` (it may die before the work ends) but of the application,
        # and deleted with deleteLater() once its result is delivered: a Python-owned
        # operation was freed inside its own queued slot, when the slot's bound method let go
        # of the last reference, and PySide crashed in ~QObject (SIGSEGV in
        # Sbk_GetPyOverride, seen in the crash smoke test about one run in ten).
        super().__init__(QCoreApplication.instance())
        self._label = label
        self._on_success = on_success
        self._on_failure = on_failure
        self._parent_widget = parent
        self._pool = pool
        self._cancel = threading.Event()
        self._cancellable = cancellable
        self._progress: QProgressDialog | None = None
        self.done = False
        self.last_progress: tuple[int, int, str] | None = None
        self._relay = _Relay(self)     # goes with the operation, never on its own
        self._relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)
        if progress or cancellable:
            relay = self._relay

            def report(done: int, total: int, text: str = "") -> None:
                if _stopping.is_set():
                    raise Stopped
                relay.progressed.emit(done, total, text)
            if cancellable:
                def asked() -> bool:
                    return self._cancel.is_set() or _stopping.is_set()
                self._task = _Task(lambda: work(report, asked), relay)
            else:
                self._task = _Task(lambda: work(report), relay)
        else:
            self._task = _Task(work, self._relay)

    def start(self) -> Operation:
        Operation._running.add(self)
        if self._label is not None:
            self._timer.start(PROGRESS_DELAY_MS)
        _pool(self._pool).start(self._task)
        return self

    def cancel(self) -> None:
        """Ask a cancellable work to stop (it sees ``cancelled()`` answer True)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set() or _stopping.is_set()

    def _owner_gone(self) -> bool:
        return self._parent_widget is not None and not isValid(self._parent_widget)

    def _show_progress(self) -> None:
        if self.done or self._label is None or self._owner_gone():
            return
        dialog = QProgressDialog(self._label, "", 0, 0, self._parent_widget)
        if self._cancellable:
            button = QPushButton(QCoreApplication.translate("Operations", "取消"))
            button.setObjectName("operation-cancel")
            dialog.setCancelButton(button)
            dialog.canceled.connect(self.cancel)
            dialog.setAutoReset(False)      # stays until the work has stopped
            dialog.setAutoClose(False)
        else:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAccessibleName(self._label)
        self._progress = dialog
        if self.last_progress is not None:
            self._progressed(*self.last_progress)
        dialog.show()

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.last_progress = (done, total, text)
        dialog = self._progress
        if dialog is None or not isValid(dialog):   # deleted with its owner
            return
        if text:                        # first: setValue may handle newer reports meanwhile
            dialog.setLabelText(text)
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
        else:
            dialog.setRange(0, 0)       # busy, amount unknown

    def _finish(self) -> None:
        self.done = True
        self._timer.stop()
        if self._progress is not None:
            if isValid(self._progress):
                self._progress.close()
                self._progress.deleteLater()
            self._progress = None
        Operation._running.discard(self)

    def _succeeded(self, result: Any) -> None:
        self._deliver(self._on_success, result)

    def _failed(self, exc: Exception) -> None:
        self._deliver(self._on_failure, exc)

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        self._finish()
        try:
            if not self._owner_gone():
                callback(value)
        finally:
            self.finished.emit()
            self.deleteLater()         # after this slot has returned, by the event loop


def running_count() -> int:
    """How many operations have not finished yet (their result not yet delivered or dropped)."""
    return len(Operation._running)


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Process events until every operation has finished; ``False`` if some still run after
    ``timeout_ms`` (for tests and the crash smoke test)."""
    deadline = QDeadlineTimer(timeout_ms)
    while Operation._running and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        wait_for_pools(10)
    return not Operation._running


def run_operation(parent: QWidget | None, label: str | None, work: Callable[..., Any], *,
                  on_success: Callable[[Any], None],
                  on_failure: Callable[[Exception], None],
                  progress: bool = False, pool: Pool = Pool.RENDER,
                  cancellable: bool = False) -> Operation:
    """Run ``work`` in the background on ``pool``; see the module docstring."""
    return Operation(parent, label, work, on_success, on_failure, progress, pool,
                     cancellable).start()


def run_io(parent: QWidget | None, work: Callable[[], Any], *,
           on_success: Callable[[Any], None], on_failure: Callable[[Exception], None],
           label: str | None = None) -> Operation:
    """:func:`run_operation` on the :data:`IO` pool: disk work and other programs (copying a
    package into the archive, a font search, a check that runs ``ldd``), never rendering."""
    return run_operation(parent, label, work, on_success=on_success, on_failure=on_failure,
                         pool=Pool.IO)


def package_progress(report: ProgressFn) -> Callable[[str, int, int], None]:
    """A :data:`composer.render.package.Progress` callback that reports each stage of building
    a package, in the UI language, through ``report`` (called on the building thread)."""
    translate = QCoreApplication.translate

    def stage(name: str, done: int, total: int) -> None:
        if name == "fax" and total:
            text = translate("Operations", "正在生成传真件：第 %1 页，共 %2 页").replace(
                "%1", str(done)).replace("%2", str(total))
        elif name == "pdf":
            text = translate("Operations", "正在生成 PDF 报告…")
        elif name == "eml":
            text = translate("Operations", "正在生成电子邮件草稿…")
        elif name == "fax":
            text = translate("Operations", "正在生成传真件…")
        else:
            text = translate("Operations", "正在写入文件…")
        report(done, total, text)
    return stage
