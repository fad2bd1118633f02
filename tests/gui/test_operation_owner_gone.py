"""Background work outliving the widget that started it (issue 9: every action safe to click).

The preview page is rebuilt on a language switch or when another report opens, while its
render may still be running. The result must then be dropped quietly: nothing shown on a dead
widget, nothing left counted as running, no warning or exception.
"""

from __future__ import annotations

import threading

import pytest
from gui_helpers import settle
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QWidget
from shiboken6 import isValid

from composer.gui import operations


def _delete(qtbot, widget: QWidget) -> None:
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not isValid(widget), timeout=2000)


@pytest.mark.parametrize("fails", [False, True], ids=["succeeds", "fails"])
@pytest.mark.parametrize("label", [None, "正在生成…"], ids=["quiet", "with-popup"])
def test_result_for_a_deleted_widget_is_dropped_quietly(qtbot, qtlog, monkeypatch, label, fails):
    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 20)
    owner = QWidget()
    owner.show()
    shown = QLabel(owner)
    started, release = threading.Event(), threading.Event()
    called = []

    def work():
        started.set()
        release.wait(10)
        if fails:
            raise RuntimeError("boom")
        return "result"

    def on_success(result):
        called.append(result)
        shown.setText(result)          # would raise on a deleted label

    def on_failure(exc):
        called.append(exc)
        shown.setText(str(exc))

    op = operations.run_operation(owner, label, work, on_success=on_success,
                                  on_failure=on_failure)
    assert started.wait(5)
    if label is not None:
        qtbot.waitUntil(lambda: op._progress is not None, timeout=2000)
    assert operations.running_count() == 1
    _delete(qtbot, owner)
    release.set()
    qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=5000)
    settle()                           # any queued late call has had its chance to run
    assert called == [] and op.done
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]
    assert [r.message for r in qtlog.records] == []


def test_running_count_and_wait_for_all(qtbot):
    release = threading.Event()
    results = []
    for n in range(3):
        operations.run_operation(None, None, lambda n=n: (release.wait(10), n)[1],
                                 on_success=results.append, on_failure=results.append)
    assert operations.running_count() == 3
    release.set()
    assert operations.wait_for_all(10000)
    assert operations.running_count() == 0 and sorted(results) == [0, 1, 2]


def test_owner_alive_still_gets_its_result(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    results = []
    op = operations.run_operation(owner, None, lambda: 7, on_success=results.append,
                                  on_failure=results.append)
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert results == [7] and operations.running_count() == 0
