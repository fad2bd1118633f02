"""The mouse wheel never changes an answer by accident.

Scrolling a long page passes the pointer over combo boxes, spin boxes and date edits; Qt lets
each of them take the wheel and change its value unseen (issue 9: 被篡改的网站 turned from
（不涉及） into 其他网站). :func:`guard` makes such a widget take the wheel only when it has
keyboard focus; otherwise the wheel goes to the scroll area around it, so the page scrolls. It
no longer takes focus from the wheel either (a click or Tab focuses it).

The guard is an event filter on each guarded widget, not on the application: an application
filter written in Python sees every event of every widget, and handing Qt's private widget
classes (a scroll area's scroll-bar container, say) to Python makes shiboken resolve every
lazily created type of every Qt module — measured at 27 ms and 186 enum classes before the
first window (issue 14). Every widget of ours that keeps a value under the wheel is passed to
:func:`guard` where it is made; ``tests/gui/test_usability.py`` checks that none is missed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)  # QDateTimeEdit, QSpinBox… are QAbstractSpinBoxes
GUARD_PROPERTY = "composerWheelGuard"
"""Dynamic property set on every guarded widget (what the tests look for)."""


class WheelGuard(QObject):
    """Event filter of the guarded widgets (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            _scroll_instead(watched, event)  # type: ignore[arg-type]
            return True
        return False


def _scroll_instead(widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the nearest scroll area around ``widget`` (the page)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        event.ignore()  # unaccepted: Qt hands a real wheel event on to the parents
        return
    viewport = area.viewport()
    position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
    forwarded = QWheelEvent(position, event.globalPosition(), event.pixelDelta(),
                            event.angleDelta(), event.buttons(), event.modifiers(),
                            event.phase(), event.inverted(), event.source())
    QApplication.sendEvent(viewport, forwarded)
    event.accept()


_guard: WheelGuard | None = None


def guard(widget: QComboBox | QAbstractSpinBox) -> None:
    """Let ``widget`` take the wheel only while it has focus, and never focus it by the wheel
    (idempotent)."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(QApplication.instance())
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_guard)   # installing twice keeps one filter
    widget.setProperty(GUARD_PROPERTY, True)
