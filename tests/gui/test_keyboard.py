"""Keyboard only: a whole report with key events, no tab traps, first field focused, no
mnemonic clash."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMenuBar,
    QRadioButton,
    QWidget,
)

from composer.core.flow import Step

MAX_TABS = 60


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def named(widget: QWidget | None) -> str:
    """The objectName of the field the focused widget belongs to (a date edit's inner
    editor belongs to its field)."""
    for _ in range(4):
        if widget is None:
            return ""
        if widget.objectName() and not widget.objectName().startswith("qt_"):
            return widget.objectName()
        widget = widget.parentWidget()
    return ""


def press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    target = focus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))


def type_keys(text: str) -> None:
    """Each character as a key press carrying the text (how a keyboard or IME delivers
    Chinese; QTest.keyClicks aborts on non-ASCII)."""
    for ch in text:
        press(Qt.Key.Key_unknown if not ch.isascii() else Qt.Key(ord(ch.upper())), text=ch)


def tab_to(name: str) -> int:
    """Tab until the field ``name`` has focus; failing after MAX_TABS presses is a tab trap
    (or an unreachable field)."""
    for n in range(MAX_TABS):
        if named(focus()) == name:
            return n
        QTest.keyClick(focus(), Qt.Key.Key_Tab)
    raise AssertionError(f"{name} not reached with {MAX_TABS} Tab presses "
                         f"(stuck at {named(focus())!r})")


def choose_by_keys(window, name: str, value: str) -> None:
    combo = window.findChild(QComboBox, name)
    tab_to(name)
    target = combo.findData(value)
    while combo.currentIndex() < target:
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value


def alt(window, letter: Qt.Key) -> None:
    """Alt+letter through the window system (so the shortcut map sees it, as for a user);
    a button answers its mnemonic with an animated click (about 100 ms)."""
    QTest.keyClick(window.windowHandle(), letter, Qt.KeyboardModifier.AltModifier)


def mnemonics(window) -> list[str]:
    """The Alt+letter keys visible at once: menu titles, shown buttons, buddy labels."""
    texts = [a.text() for a in window.findChild(QMenuBar).actions()]
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible()]
    texts += [lb.text() for lb in window.findChildren(QLabel) if lb.isVisible() and lb.buddy()]
    return [m.group(1).upper() for t in texts for m in [re.search(r"&([^&\s])", t)] if m]


def test_a_whole_report_by_keyboard_alone(qtbot, window, storage):
    window.activateWindow()
    wizard = window.wizard
    qtbot.waitUntil(lambda: named(QApplication.focusWidget()) == "operator.name")
    type_keys("华东优选零售有限公司")
    choose_by_keys(window, "operator.kind", "other")
    choose_by_keys(window, "operator.province", "浙江省")
    tab_to("operator.contact.name")
    type_keys("刘洋")
    tab_to("operator.contact.phone")
    type_keys("010-66668888")
    alt(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: wizard.currentId() == Step.BASIC)

    qtbot.waitUntil(lambda: named(QApplication.focusWidget()) == "incident.title")
    type_keys("会员系统遭勒索病毒攻击")
    choose_by_keys(window, "incident.category", "ransomware")
    tab_to("incident.description")
    type_keys("服务器文件被加密，出现勒索信。")
    tab_to("incident.ransom.amount")
    type_keys("3 BTC")
    alt(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: wizard.currentId() == Step.IMPACT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # the page's first field

    tab_to("impact_facts.personal_info_leaked")
    type_keys("1200000")
    assert focus().text() == "1,200,000"          # grouped while typed
    alt(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: wizard.currentId() == Step.GRADING)
    alt(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: wizard.currentId() == Step.RECIPIENTS)

    full = window.findChild(QRadioButton, "full-path")
    qtbot.waitUntil(lambda: focus() is full)      # the choice, not the table, comes first
    table = window.findChild(QWidget, "obligations")
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert focus() is not table                   # Tab leaves the table at once
    tab_to("full-path")
    QTest.keyClick(full, Qt.Key.Key_Down)
    assert window.findChild(QRadioButton, "fast-path").isChecked()
    QTest.keyClick(focus(), Qt.Key.Key_Up)
    assert full.isChecked()
    alt(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: wizard.currentId() == Step.HANDLING)

    qtbot.waitUntil(lambda: named(QApplication.focusWidget()) == "incident.trend")
    tab_to("incident.cause")
    type_keys("弱口令被利用。")
    alt(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: wizard.currentId() == Step.PREVIEW)
    assert window.model.draft.report() is not None
    preview = wizard.currentPage()
    qtbot.waitUntil(lambda: preview.pdf is not None, timeout=60000)  # its progress is modal
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    alt(window, Qt.Key.Key_D)                     # 完成(&D): saved, and it says so
    qtbot.waitUntil(lambda: any(w.objectName() == "finish-box" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    saved = storage.load_draft(window.model.draft.id)
    assert saved.title == "会员系统遭勒索病毒攻击"
    assert saved.get("impact_facts.personal_info_leaked") == 1_200_000
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "finish-box":
            w.close()


def test_no_mnemonic_clash_on_any_page(window):
    from gui_helpers import EXAMPLES

    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    for step in Step:
        window.wizard.go_to(int(step))
        if window.wizard.currentId() != int(step):
            continue
        keys = mnemonics(window)
        assert "F" in keys and len(keys) == len(set(keys)), (step, keys)
