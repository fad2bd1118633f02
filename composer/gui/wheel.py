"""The mouse wheel never changes an answer by accident.

Scrolling a long page passes the pointer over combo boxes, spin boxes and date edits; Qt lets
each of them take the wheel and change its value unseen (issue 9: 被篡改的网站 turned from
（不涉及） into 其他网站). :class:`WheelGuard`, installed once on the application, makes them
take the wheel only when they have keyboard focus; otherwise the wheel goes to the scroll
area around them, so the page scrolls. They no longer take focus
from the wheel either (a click or Tab focuses them).
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


class WheelGuard(QObject):
    """Application event filter (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, GUARDED):
            assert isinstance(watched, QWidget)
            if not watched.hasFocus():
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


def install(app: QApplication) -> WheelGuard:
    """Install the guard once per application."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard
