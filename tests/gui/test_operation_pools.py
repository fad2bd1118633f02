"""Two pools: I/O work never waits for a render (nor a render for it); cancellable work stops
when asked — by the popup's 取消 or by the code that started it."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from composer.gui import operations


def test_io_work_runs_while_the_render_worker_is_busy(qtbot):
    release = threading.Event()
    rendered, io_done = [], []
    blocker = operations.run_operation(None, None, lambda: release.wait(30),
                                       on_success=rendered.append, on_failure=rendered.append)
    try:
        operations.run_io(None, lambda: "fonts found", on_success=io_done.append,
                          on_failure=io_done.append)
        qtbot.waitUntil(lambda: io_done == ["fonts found"], timeout=10000)
        assert not rendered and not blocker.done     # the render is still running
    finally:
        release.set()
    qtbot.waitUntil(lambda: rendered == [True], timeout=10000)


def _counting(started: threading.Event):
    """Pages "printed" one by one until cancelled (-1: never cancelled within 30 s)."""
    def work(progress, cancelled) -> int:
        started.set()
        for n in range(3000):
            if cancelled():
                return n
            progress(n, 3000, f"第 {n} 页")
            time.sleep(0.01)
        return -1
    return work


def test_cancel_stops_the_work_which_returns_what_it_has(qtbot):
    started, results = threading.Event(), []
    op = operations.run_operation(None, None, _counting(started), on_success=results.append,
                                  on_failure=results.append, progress=True, cancellable=True)
    assert started.wait(10)
    op.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert op.cancelled and results[0] >= 0


def test_the_popup_has_a_cancel_button_that_stops_the_work(qtbot):
    started, results = threading.Event(), []
    owner = QPushButton()
    qtbot.addWidget(owner)
    owner.show()
    operations.run_operation(owner, "正在打印…", _counting(started), on_success=results.append,
                             on_failure=results.append, progress=True, cancellable=True)
    assert started.wait(10)

    def popup() -> QProgressDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.isVisible()), None)
    qtbot.waitUntil(lambda: popup() is not None, timeout=10000)
    assert "第" in popup().labelText()
    button = popup().findChild(QPushButton, "operation-cancel")
    assert button is not None and button.text() == "取消"
    button.click()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results[0] >= 0
    qtbot.waitUntil(lambda: popup() is None)
