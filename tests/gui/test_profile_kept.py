"""保存为本单位资料: moving on from step 1 saves the unit as this workstation's profile — but
another unit's file, opened to read or check, does not replace it unless the user ticks the box."""

from __future__ import annotations

from gui_helpers import EXAMPLES, click, click_next, field, type_into
from PySide6.QtWidgets import QCheckBox, QLineEdit

from composer.core.flow import Step

OWN = {"name": "本单位信息中心", "kind": "other", "province": "北京市",
       "contact": {"name": "张三", "phone": "010-66668888"}}
OTHER_UNIT = EXAMPLES / "ransomware-retailer.json"


def _remember(window) -> QCheckBox:
    return window.findChild(QCheckBox, "remember-profile")


def _leave_step_one(qtbot, window) -> None:
    window.wizard.go_to(int(Step.PROFILE))
    click_next(qtbot, window.wizard)


def test_another_units_file_does_not_replace_the_profile(qtbot, window, storage) -> None:
    storage.save_profile(OWN)
    assert window.open_file(OTHER_UNIT)
    assert window.model.draft.get("operator.name") != OWN["name"]
    assert not _remember(window).isChecked()
    _leave_step_one(qtbot, window)
    assert storage.load_profile() == OWN
    # the user may still ask for it: ticked, moving on saves the file's unit
    window.wizard.go_to(int(Step.PROFILE))
    click(qtbot, _remember(window))
    click_next(qtbot, window.wizard)
    assert storage.load_profile()["name"] == window.model.draft.get("operator.name")


def test_the_units_own_report_keeps_the_profile_current(qtbot, window, storage) -> None:
    storage.save_profile(OWN)
    window.new_report()
    assert _remember(window).isChecked()
    field(window, "operator.contact.phone", QLineEdit).selectAll()   # typing replaces it
    type_into(window, "operator.contact.phone", "010-66669999")
    click_next(qtbot, window.wizard)
    assert storage.load_profile()["contact"]["phone"] == "010-66669999"


def test_with_no_profile_saved_the_first_file_opened_becomes_it(qtbot, window, storage) -> None:
    assert storage.load_profile() is None
    assert window.open_file(OTHER_UNIT)
    assert _remember(window).isChecked()
    _leave_step_one(qtbot, window)
    assert storage.load_profile()["name"] == window.model.draft.get("operator.name")
