"""Driving widgets as a user does: typing as an IME commits, clicking, choosing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
    QWizard,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def settle() -> None:
    """Let Qt handle what is already posted — layout requests, resizes, queued signals of
    background work that has ended, deferred deletes — and nothing a timer would post later:
    no wall-clock wait (a test that must see something happen waits for that event instead)."""
    for _ in range(5):            # handling an event may post the next (a layout, its parent)
        QCoreApplication.sendPostedEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def after_timers_due(qtbot, interval_ms: int) -> None:
    """Return once every timer started before this call with an interval of at most
    ``interval_ms`` has fired: Qt fires timers in the order they fall due, so a timer started
    now with twice that interval fires after all of them, however slow the machine is."""
    marker = QTimer()
    marker.setSingleShot(True)
    marker.setTimerType(Qt.TimerType.PreciseTimer)
    with qtbot.waitSignal(marker.timeout, timeout=max(60000, 4 * interval_ms)):
        marker.start(2 * interval_ms)
    settle()


def commit_text(widget: QWidget, text: str) -> None:
    """Type ``text`` the way an input method commits it (safe for Chinese, unlike keyClicks)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def build_pages(window: QWidget) -> None:
    """Build every wizard page now (they are built on first visit): for tests that reach a
    field directly instead of walking to its page as a user would."""
    for page in window.wizard.pages.values():
        page.ensure_built()


def field(window: QWidget, path: str, cls: type = QWidget) -> QWidget:
    found = window.findChild(cls, path)
    if found is None:
        build_pages(window)
        found = window.findChild(cls, path)
    assert found is not None, path
    return found


def type_into(window: QWidget, path: str, text: str) -> None:
    widget = field(window, path)
    assert isinstance(widget, (QLineEdit, QPlainTextEdit)), path
    commit_text(widget, text)


def choose(window: QWidget, path: str, value: str | None) -> None:
    combo = field(window, path, QComboBox)
    index = combo.findData(value)
    assert index >= 0, (path, value)
    combo.setFocus()
    combo.setCurrentIndex(index)


def click(qtbot, button) -> None:
    """Click a button; radio buttons and check boxes on their indicator (their clickable area
    is the indicator and text, not the whole stretched row)."""
    assert button.isEnabled(), button.text()
    if isinstance(button, (QCheckBox, QRadioButton)):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_next(qtbot, wizard: QWizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


WINDOW_CHILD = """\
import os, sys
sys.path.insert(0, os.environ["GUI_TESTS_DIR"])
from PySide6.QtCore import Qt, QTimer
from composer.gui.app import setup_application
from composer.core.storage import Storage
from composer.gui.mainwindow import MainWindow

app = setup_application()
storage = Storage()
storage.begin_session()
window = MainWindow(storage)
window.show()
"""
"""The start of a child program that runs the real app in its own process (a crash or kill
there fails the test instead of the run): the user's storage (from the environment's data
folder) and a shown main window; the test appends what the child does. The child needs
``GUI_TESTS_DIR`` (this folder) in its environment."""
