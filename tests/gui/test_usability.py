"""Using the app by wheel and keyboard: the wheel scrolls pages instead of changing answers."""

from __future__ import annotations

from gui_helpers import EXAMPLES
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateTimeEdit, QScrollArea

from composer.core.flow import Step


def _wheel(widget, steps: int = -3) -> None:
    """A real wheel turn over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _scroll_bar(widget):
    area = widget.parent()
    while not isinstance(area, QScrollArea):
        area = area.parent()
    return area.verticalScrollBar()


def test_wheel_over_an_unfocused_combo_scrolls_the_page(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.resize(1280, 720)
    window.wizard.go_to(int(Step.IMPACT))
    combo = window.findChild(QComboBox, "impact_facts.defacement.site")
    combo.ensurePolished()
    bar = _scroll_bar(combo)
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(combo.isVisible)
    assert window.model.draft.get("impact_facts.defacement.site") is None
    before = bar.value()
    _wheel(combo)
    assert combo.currentIndex() == 0 and window.model.draft.get(
        "impact_facts.defacement.site") is None
    assert bar.value() > before                     # the page scrolled instead
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not focus it


def test_wheel_changes_a_focused_combo_and_never_an_unfocused_date(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.wizard.go_to(int(Step.BASIC))
    edits = [e for e in window.findChildren(QDateTimeEdit) if e.isVisible()]
    assert edits
    field = edits[0]
    before = field.dateTime()
    _wheel(field, 2)
    assert field.dateTime() == before
    combo = window.findChild(QComboBox, "incident.category")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    index = combo.currentIndex()
    _wheel(combo, -1)
    assert combo.currentIndex() != index            # focused: the wheel is the user's choice
