"""The input widgets and value helpers the wizard pages share: the China-time date field, the
on-screen name of a draft field, and numbers as typed (grouped digits, full-width digits)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from composer.core.obligations import CHINA_TZ
from composer.core.problem_text import field_label
from composer.core.validators import parse_time
from composer.gui import i18n, wheel

SHOWN_FORMAT = "yyyy-M-d H:m"


def action_button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button named ``name`` (its objectName, which the smoke test presses) that runs
    ``slot``; a screen reader hears ``text`` without its trailing ellipsis."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    button.clicked.connect(slot)
    return button  # reads "yyyy-MM-dd HH:mm" and its partly typed forms


class DateEdit(QDateTimeEdit):
    """A date and time that is one Tab stop: Tab and Shift+Tab leave it (Qt's own edit walks
    its five sections with Tab). Inside it a click selects the section under the pointer (so
    typing 1 9 there gives 19), ← / → move to the previous / next section while a section is
    selected, and the separator keys (- space :) move on as in Qt."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lineEdit().installEventFilter(self)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier)):
            forward = (event.key() == Qt.Key.Key_Tab
                       and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            QAbstractSpinBox.focusNextPrevChild(self, forward)   # the widget's, not a section's
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(event.key()))
        if (step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.lineEdit().hasSelectedText()):
            index = self.currentSectionIndex() + step
            if 0 <= index < self.sectionCount():
                self.setCurrentSectionIndex(index)
                self.setSelectedSection(self.currentSection())
                return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease and self.isEnabled()
                and not self.isReadOnly() and not self.lineEdit().hasSelectedText()):
            self.setSelectedSection(self.currentSection())   # the press placed the cursor
        return False


class DateTimeField(QWidget):
    """A China-time date and minute, optionally "unknown" (a checkbox enables it). An unknown
    time shows ``unknown_text`` in the greyed edit, never a date (a sent report's unknown
    发生时间 must not look like a time that can be changed); ticking 已知 brings back the time
    shown before, else now."""

    def __init__(self, optional: bool, known_text: str, parent: QWidget | None = None,
                 unknown_text: str = ""):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known: QCheckBox | None = None
        if optional:
            self.known = QCheckBox(known_text)
            layout.addWidget(self.known)
        self.edit = DateEdit()
        wheel.guard(self.edit)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self._before: QDateTime | None = None   # the time shown before 已知 was unticked
        if self.known is not None:
            self.edit.setSpecialValueText(unknown_text or "—")   # shown at the minimum
            self.known.toggled.connect(self._known_toggled)      # before the page's write
            self.edit.setEnabled(False)
            self.edit.setDateTime(self.edit.minimumDateTime())
        self.setFocusProxy(self.known or self.edit)
        self.text = self.edit.findChild(QLineEdit)   # what is typed, before the edit commits

    def is_unknown_shown(self) -> bool:
        return self.edit.dateTime() == self.edit.minimumDateTime()

    def _known_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on and self.is_unknown_shown():
            self.edit.setDateTime(self._before or _qt_moment(datetime.now(CHINA_TZ)))
        elif not on and not self.is_unknown_shown():
            self._before = self.edit.dateTime()
            self.edit.setDateTime(self.edit.minimumDateTime())

    def value(self) -> str | None:
        """The moment shown — also while a section is still being typed ("2026-11-1" before
        the second digit of the day): what the user sees is what the draft holds, so an
        autosave (or a kill -9 right after it) never keeps a different time."""
        if self.known is not None and not self.known.isChecked():
            return None
        shown = self.shown()
        d, t = (shown.date(), shown.time()) if shown is not None else (self.edit.date(),
                                                                       self.edit.time())
        moment = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=CHINA_TZ)
        return moment.isoformat()

    def shown(self) -> QDateTime | None:
        """The text in the edit read as a date and time, or None while it is not one."""
        if self.text is None:
            return None
        parsed = QDateTime.fromString(self.text.text().strip(), SHOWN_FORMAT)
        return parsed if parsed.isValid() else None

    def set_value(self, text: Any) -> None:
        moment = None
        if isinstance(text, str):
            try:  # the loader's own check: a time near year 1 or 9999 cannot be converted
                moment = parse_time(text).astimezone(CHINA_TZ)
            except ValueError:  # not a usable time: the inline problem says why
                moment = None
        self._before = None
        if self.known is not None:
            self.known.setChecked(moment is not None)
            if moment is None:
                self.edit.setDateTime(self.edit.minimumDateTime())   # "unknown", not a date
                return
        self.edit.setDateTime(_qt_moment(moment or datetime.now(CHINA_TZ)))


def _qt_moment(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute))


def field_name(root: QWidget, path: str) -> str:
    """The label the user sees for the draft field ``path`` — never a JSON path: the field
    widget's (translated) accessible name, else the nearest enclosing or first contained
    field's, else the core's Chinese label or the words of the path."""
    probe = path
    while probe:
        widget = root.findChild(QWidget, probe)
        if widget is not None and widget.accessibleName():
            return widget.accessibleName()
        probe = probe.rpartition(".")[0]
    for widget in root.findChildren(QWidget):
        if widget.objectName().startswith(path + ".") and widget.accessibleName():
            return widget.accessibleName()
    if i18n.language() == "zh" and field_label(path) != path:
        return field_label(path)
    return path.rsplit(".", 1)[-1].replace("_", " ").capitalize()


_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]*)?")


def group_digits(text: str, cursor: int) -> tuple[str, int]:
    """Thousands separators for a plain number as it is typed ("1234567" → "1,234,567"),
    and where the cursor goes (after the same digit). Anything else is left as typed."""
    bare = text.replace(",", "")
    if not _PLAIN_NUMBER.fullmatch(bare):
        return text, cursor
    whole, dot, fraction = bare.partition(".")
    if len(whole.lstrip("-")) > 1 and whole.lstrip("-").startswith("0"):
        return text, cursor  # leading zeros: not a number to group (yet)
    sign = "-" if whole.startswith("-") else ""
    grouped = sign + f"{int(whole.lstrip('-')):,}" + dot + fraction
    significant = sum(1 for ch in text[:cursor] if ch != ",")
    position = 0
    for position, _ in enumerate(grouped, 1):
        if sum(1 for ch in grouped[:position] if ch != ",") >= significant:
            break
    else:
        position = len(grouped)
    return grouped, (position if significant else 0)


def group_in_place(edit: QLineEdit, text: str) -> None:
    grouped, cursor = group_digits(text, edit.cursorPosition())
    if grouped != text:
        edit.setText(grouped)
        edit.setCursorPosition(cursor)


def parse_number(text: str, whole: bool) -> Any:
    """A number typed by a user (commas and full-width digits allowed); raw text if not one.

    Raw text goes into the draft so the one validator reports it ("must be a number").
    """
    cleaned = text.strip().translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))  # noqa: RUF001 (full-width digits are what it reads)
    cleaned = cleaned.replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return text
    if whole and value.is_integer():
        return int(value)
    if not whole and value.is_integer() and "." not in cleaned:
        return int(value)
    return value
