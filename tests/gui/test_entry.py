"""Data entry that cannot silently change a value (issue 19): a date keeps every digit typed,
key by key, at any typing speed, in the widget and in the draft."""

from __future__ import annotations

import json

import pytest
from gui_helpers import EXAMPLES, click, settle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
)

from composer.core.flow import Step
from composer.core.validators import parse_time
from composer.gui.input_widgets import DateTimeField

HOUR, MINUTE = QDateTimeEdit.Section.HourSection, QDateTimeEdit.Section.MinuteSection
TYPED = ((HOUR, "19", 19), (MINUTE, "45", 45), (HOUR, "08", 8), (MINUTE, "08", 8))


def every_date_shown(tmp_path) -> str:
    """The ransomware example with every date field of the basic page in use."""
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    incident = data["incident"]
    incident["occurred_at"] = "2026-11-18T12:30:00+08:00"
    incident["handling_completed_at"] = "2026-11-18T18:10:00+08:00"
    incident["suspected_crime"] = True
    incident["police_report"] = {"status": "reported", "at": "2026-11-18T15:20:00+08:00"}
    path = tmp_path / "dates.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def date_fields(window) -> list[DateTimeField]:
    """Every date field of every page, in page order."""
    found = []
    for page in window.wizard.pages.values():
        page.ensure_built()
        found += [w for w, _ in page._fields.values() if isinstance(w, DateTimeField)]
    return found


def click_section(qtbot, edit: QDateTimeEdit, section: QDateTimeEdit.Section) -> None:
    """Click into ``section`` of the shown text, as a user aims at the hour or the minutes."""
    line = edit.lineEdit()
    text = line.text()
    index = {HOUR: text.index(" ") + 1, MINUTE: text.index(":") + 1}[section]
    x = next(x for x in range(line.width()) if line.cursorPositionAt(QPoint(x, 5)) == index + 1)
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    assert edit.currentSection() == section


def key(edit: QDateTimeEdit, digit: str) -> None:
    QTest.keyClick(edit, Qt.Key(ord(digit)), Qt.KeyboardModifier.NoModifier)


@pytest.mark.parametrize("slow", [False, True], ids=["fast", "slow"])
def test_every_date_field_keeps_two_digits_typed_key_by_key(qtbot, window, tmp_path, slow):
    assert window.open_file(every_date_shown(tmp_path))
    fields = date_fields(window)
    names = [f.objectName() for f in fields]
    assert names == ["incident.discovered_at", "incident.occurred_at",
                     "incident.handling_completed_at", "incident.police_report.at",
                     "incident.ransom.demanded_at"]
    window.wizard.go_to(int(Step.BASIC))
    assert window.wizard.currentId() == int(Step.BASIC)
    title = window.findChild(QLineEdit, "incident.title")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)    # the page put us there
    for field in fields:
        assert field.isVisible() and field.edit.isEnabled(), field.objectName()
        scroll = field.parentWidget()
        while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
            scroll = scroll.parentWidget()
        scroll.ensureWidgetVisible(field)
        for section, digits, number in TYPED:
            click_section(qtbot, field.edit, section)
            for digit in digits:
                key(field.edit, digit)
                if slow:    # what the window's timers do has its turn between the keys
                    settle()
                    window.autosaver.save()
                    window.header.tick()
            shown = field.edit.dateTime().time()
            stored = parse_time(window.model.draft.get(field.objectName())).time()
            got = shown.hour() if section == HOUR else shown.minute()
            assert got == number, (field.objectName(), digits, field.edit.text())
            assert (stored.hour if section == HOUR else stored.minute) == number, \
                (field.objectName(), digits, window.model.draft.get(field.objectName()))
            assert digits in field.edit.text()
        assert field.edit.text().endswith(" 08:08"), field.edit.text()


# --- nothing moves under the pointer ------------------------------------------------------------

def _example() -> dict:
    return json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))


def _basic_left_open() -> dict:
    """Items 1–2 empty (each 暂不掌握 box offered), a ransomware case (its fields shown)."""
    data = _example()
    incident = data["incident"]
    for key in ("systems", "impact", "measures", "ransom"):
        incident.pop(key)
    return data


def _late() -> dict:
    data = _example()     # made long after its deadline: the 迟报原因 row is asked
    data["incident"]["cause"] = "弱口令"
    return data


PAGES = [  # (page, the draft it is reached with)
    (Step.PROFILE, lambda: {"format": "composer-incident/1", "report_type": "initial",
                            "operator": {"kind": "other"}, "incident": {}}),
    (Step.BASIC, _basic_left_open),
    (Step.IMPACT, _example),
    (Step.HANDLING, _example),
    (Step.PREVIEW, _late),
]


def _text_inputs(page) -> list:
    """The page's text and date fields a user can click into, in the order shown."""
    out = []
    for widget, _ in page._fields.values():
        target = widget.edit if isinstance(widget, DateTimeField) else widget
        if isinstance(target, (QLineEdit, QPlainTextEdit, QDateTimeEdit)) \
                and target.isVisibleTo(page) and target.isEnabled():
            out.append(target)
    return out


def _center(widget) -> QPoint:
    return widget.mapToGlobal(widget.rect().center())


@pytest.mark.parametrize("step,make", PAGES, ids=[s.name for s, _ in PAGES])
def test_a_click_after_typing_lands_where_it_was_aimed(qtbot, window, step, make):
    from composer.core.draft import Draft

    window.load_draft(Draft(data=make()), step=int(step))
    assert window.wizard.currentId() == int(step)
    page = window.wizard.currentPage()
    scroll = page.findChild(QScrollArea)
    inputs = _text_inputs(page)
    assert len(inputs) >= (1 if step is Step.PREVIEW else 3), [i.objectName() for i in inputs]
    handle = window.windowHandle()
    previous = None
    for target in inputs:
        bar = scroll.verticalScrollBar()          # the user scrolls the field into the middle
        bar.setValue(target.mapTo(scroll.widget(), target.rect().center()).y()
                     - scroll.viewport().height() // 2)
        settle()
        aimed = _center(target)                    # where the user looks and aims
        if previous is not None:                   # ... while typing into the field before
            if isinstance(previous, QDateTimeEdit):
                click_section(qtbot, previous, HOUR)
                text = "19"
            else:
                text = "20x"                       # not a number, phone or e-mail: an error
            for ch in text:
                QTest.keyClick(previous, ch)
            settle()                               # layout requests are handled
            assert _center(target) == aimed, f"{target.objectName()} moved while typing " \
                                             f"into {previous.objectName()}"
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton,
                         pos=window.mapFromGlobal(aimed))
        focused = QApplication.focusWidget()
        assert focused is target or target.isAncestorOf(focused), \
            f"aimed at {target.objectName()}, landed on {focused.objectName()!r}"
        previous = target


# --- Tab order -----------------------------------------------------------------------------------

def _stops(page) -> list:
    """Tab from the page's first field until the focus leaves the page: every stop."""
    page.focus_first_field()
    stops = []
    for _ in range(80):
        focused = QApplication.focusWidget()
        if focused is None or not page.isAncestorOf(focused) or focused in stops:
            return stops    # on to the wizard's buttons, or round to the first field again
        stops.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never left the page: {[s.objectName() for s in stops[-5:]]}")


@pytest.mark.parametrize("step,make", PAGES, ids=[s.name for s, _ in PAGES])
def test_tab_stops_are_fields_and_a_date_is_one(qtbot, window, step, make):
    from composer.core.draft import Draft

    data = make()
    if step is Step.BASIC:
        data["incident"]["occurred_at"] = "2026-11-18T12:30:00+08:00"
    window.load_draft(Draft(data=data), step=int(step))
    page = window.wizard.currentPage()
    stops = _stops(page)
    assert stops
    for widget in stops:
        name = widget.objectName()
        owner = widget.parentWidget()
        assert (not isinstance(widget, QScrollArea) or name == "pages-view") \
            and name != "qt_scrollarea_viewport", f"an invisible stop: {widget!r}"
        assert widget.isVisible() and (name or (owner and owner.objectName())), \
            f"a stop with no name: {widget!r} in {owner!r}"
    dates = [w for w in stops if isinstance(w, QDateTimeEdit)]
    assert len(dates) == len(set(map(id, dates)))       # each date: one stop
    if step is Step.BASIC:
        assert {d.parentWidget().objectName() for d in dates} >= {
            "incident.discovered_at", "incident.occurred_at"}


# --- an unknown time ---------------------------------------------------------------------------

def test_an_unknown_time_shows_no_date_and_a_sent_one_looks_read_only(qtbot, window):
    from composer.core.draft import Draft

    window.load_draft(Draft(data=_example()), step=int(Step.BASIC))
    occurred = window.findChild(DateTimeField, "incident.occurred_at")
    assert not occurred.known.isChecked() and not occurred.edit.isEnabled()
    assert occurred.edit.text() == "未知"                      # not today's date, greyed
    click(qtbot, occurred.known)
    assert occurred.edit.isEnabled() and occurred.edit.text()[:2] == "20"
    typed = occurred.edit.text()
    assert window.model.draft.get("incident.occurred_at") is not None
    click(qtbot, occurred.known)                                 # unknown again
    assert occurred.edit.text() == "未知"
    assert window.model.draft.get("incident.occurred_at") is None
    click(qtbot, occurred.known)                                 # the time shown before
    assert occurred.edit.text() == typed
    click(qtbot, occurred.known)
    window.wizard.pages[Step.BASIC].set_read_only(True)          # as a sent report is shown
    assert occurred.edit.text() == "未知"
    assert not occurred.edit.isEnabled() and not occurred.known.isEnabled()
