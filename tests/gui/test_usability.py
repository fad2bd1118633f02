"""Using the app by wheel and keyboard: the wheel scrolls pages instead of changing answers."""

from __future__ import annotations

from gui_helpers import EXAMPLES
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateTimeEdit, QScrollArea, QWidget

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
    window.activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    index = combo.currentIndex()
    _wheel(combo, -1)
    assert combo.currentIndex() != index            # focused: the wheel is the user's choice


def test_a_sent_report_is_a_read_only_record_with_follow_up_and_correction(qtbot, window,
                                                                         storage):
    from datetime import datetime

    from gui_helpers import click, commit_text
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from composer.core.obligations import CHINA_TZ

    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    sent_id = window.model.draft.id
    level = window.header.level.text()
    storage.record_submission(sent_id, "fax", datetime(2026, 11, 18, 17, 40, tzinfo=CHINA_TZ))
    window.show_submission()
    assert window.model.read_only and window.sent_bar.isVisible()
    window.wizard.go_to(int(Step.BASIC))
    title = window.findChild(QLineEdit, "incident.title")
    assert title.isReadOnly()
    commit_text(title, "改")
    window.model.set("impact_facts.direct_loss_yuan", 900_000_000)   # any path: refused
    assert window.model.draft.title == "会员系统遭勒索病毒攻击"
    assert window.model.draft.get("impact_facts.direct_loss_yuan") == 800_000
    assert not window.findChild(QComboBox, "incident.category").isEnabled()
    assert window.header.level.text() == level and window.header.state == "sent"
    # reopened later (and after a language switch) it is still a record
    window.open_draft(sent_id)
    assert window.model.read_only and window.findChild(QLineEdit, "incident.title").isReadOnly()

    click(qtbot, window.findChild(QPushButton, "sent-correction"))
    correction = window.model.draft
    assert correction.id != sent_id and correction.parent_id == sent_id
    assert correction.report_type == window.storage.load_draft(sent_id).report_type
    assert not window.model.read_only and not window.sent_bar.isVisible()
    assert "〔首报（更正）〕" in window.header.level.text()
    assert not window.findChild(QLineEdit, "incident.title").isReadOnly()
    window.open_draft(sent_id)
    click(qtbot, window.findChild(QPushButton, "sent-follow-up"))
    assert window.model.draft.report_type.value == "follow_up"
    assert window.model.draft.parent_id == sent_id
    assert sent_id in storage.chain(window.model.draft.id)


def test_errors_name_the_field_label_never_a_json_path(qtbot, window):
    from PySide6.QtWidgets import QLabel, QLineEdit

    path = "impact_facts.defacement.other_page_hours"
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    for lang, label in (("zh", "其他页面展示时长（小时）"), ("en", None)):
        if lang == "en":
            window.set_language("en")
        window.wizard.go_to(int(Step.IMPACT))
        edit = window.findChild(QLineEdit, path)
        edit.setText("")
        qtbot.keyClicks(edit, "abc")
        summary = window.wizard.currentPage().findChild(QLabel, "step-summary")
        label = label or edit.accessibleName()
        assert label and "impact_facts" not in label
        assert summary.isVisible() and label in summary.text(), summary.text()
        assert "impact_facts" not in summary.text() and "_" not in summary.text()


def test_window_fits_small_screens_and_remembers_its_place(qtbot, storage):
    from PySide6.QtCore import QRect

    from composer.gui import geometry
    from composer.gui.mainwindow import MainWindow

    assert geometry.first_size(QRect(0, 0, 1280, 680)) == (1100, 639)
    assert geometry.first_size(QRect(0, 0, 1920, 1040)) == (1100, 820)
    first = MainWindow(storage)
    qtbot.addWidget(first)
    hint = first.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 680, hint   # 720 minus a panel
    first.show()
    first.resize(700, 500)    # the offscreen screen is 800×600
    first.move(40, 30)
    first.close()
    again = MainWindow(storage)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_qt_dialogs_are_chinese_and_start_in_documents_or_the_last_folder(qtbot, window,
                                                                          tmp_path):
    import os
    import re

    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    from composer.gui.output import documents_dir

    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    picker = window.outputs.choose_package_folder()
    texts = [lb.text() for lb in picker.findChildren(QLabel) if lb.text()]
    assert texts and not [t for t in texts if re.search(r"[A-Za-z]{3}", t)], texts
    assert picker.directory().absolutePath() == documents_dir() != os.getcwd()
    picker.reject()
    window.outputs.remember_folder(tmp_path)
    export = window.outputs.export_file()
    assert isinstance(export, QFileDialog)
    assert export.directory().absolutePath() == str(tmp_path)
    export.reject()
    window.outputs.last_package = tmp_path / "moved-away"
    assert not window.outputs.open_package_folder()
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "无法打开文件夹" in box.windowTitle() and str(tmp_path / "moved-away") in box.text()
    box.close()


def test_title_brackets_and_grouping(window):
    from PySide6.QtWidgets import QLineEdit

    from composer.gui.input_widgets import group_digits

    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    assert window.windowTitle() == "会员系统遭勒索病毒攻击"    # the system adds the app name
    assert "〔" in window.header.level.text()
    window.set_language("en")
    assert "〔" not in window.header.level.text() and "[" in window.header.level.text()
    window.set_language("zh")
    window.wizard.go_to(int(Step.IMPACT))
    loss = window.findChild(QLineEdit, "impact_facts.direct_loss_yuan")
    assert loss.text() == "800,000"
    assert group_digits("1234567", 7) == ("1,234,567", 9)
    assert group_digits("1,2345", 6) == ("12,345", 6)
    assert group_digits("3 BTC", 1) == ("3 BTC", 1)


def test_label_columns_line_up_on_the_profile_page(window):
    window.wizard.go_to(int(Step.PROFILE))
    page = window.wizard.currentPage()
    fields = [page.findChild(QWidget, n) for n in ("operator.name", "operator.contact.name",
                                                    "email-recipients")]
    lefts = {f.mapTo(page, f.rect().topLeft()).x() for f in fields}
    assert len(lefts) == 1, lefts                 # three forms, one label column


def test_every_value_under_the_wheel_is_guarded(qtbot, window):
    """The guard sits on each combo, spin and date box (not on the whole application, issue
    14): none of ours may be made without it, on any page or in the sending dialog."""
    from datetime import datetime

    from gui_helpers import build_pages
    from PySide6.QtWidgets import QAbstractSpinBox

    from composer.core.obligations import CHINA_TZ
    from composer.gui.submission_dialog import SubmissionDialog
    from composer.gui.wheel import GUARD_PROPERTY

    build_pages(window)
    dialog = SubmissionDialog(datetime.now(CHINA_TZ), window)
    qtbot.addWidget(dialog)
    boxes = [w for root in (window, dialog)
             for w in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox)]
    assert len(boxes) >= 10
    unguarded = [w.objectName() or type(w).__name__ for w in boxes
                 if not w.property(GUARD_PROPERTY)]
    assert unguarded == []
    assert all(w.focusPolicy() == Qt.FocusPolicy.StrongFocus for w in boxes)
