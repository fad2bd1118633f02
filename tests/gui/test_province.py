"""所在省份 is chosen from the list of regions; an old file's free text is matched or shown for
the user to choose, and the recipient is named from the list everywhere."""

from __future__ import annotations

import json

from gui_helpers import EXAMPLES, choose
from PySide6.QtWidgets import QComboBox, QLabel

from composer.core.draft import Draft
from composer.core.flow import Step
from composer.core.regions import regions


def _draft(province: str) -> Draft:
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["operator"]["province"] = province
    return Draft(data=data)


def _recipient(window) -> str:
    window.wizard.go_to(int(Step.RECIPIENTS))
    return window.findChild(object, "obligations").item(0, 1).text()


def test_the_province_is_a_choice_of_the_32_regions(window):
    combo = window.findChild(QComboBox, "operator.province")
    assert combo.count() == 1 + 32 and combo.itemData(0) is None
    assert [combo.itemData(i) for i in range(1, combo.count())] == [r.name for r in regions()]
    assert combo.findText("新疆生产建设兵团") > 0


def test_old_free_text_is_matched_and_names_the_recipient(qtbot, window):
    window.load_draft(_draft("江苏"), step=int(Step.PROFILE))
    combo = window.findChild(QComboBox, "operator.province")
    assert combo.currentData() == "江苏省"
    assert not window.findChild(QLabel, "operator.province#unmatched").isVisible()
    assert window.model.draft.get("operator.province") == "江苏"   # loading changes nothing
    assert _recipient(window) == "江苏省网信办"
    assert "江苏省网信办" in window.header.deadline.text()


def test_unmatched_text_is_shown_for_the_user_to_choose(qtbot, window):
    window.load_draft(_draft("苏南地区"), step=int(Step.PROFILE))
    combo = window.findChild(QComboBox, "operator.province")
    note = window.findChild(QLabel, "operator.province#unmatched")
    assert combo.currentData() == "苏南地区" and "苏南地区" in combo.currentText()
    assert note.isVisible() and "请从列表中选择" in note.text()
    choose(window, "operator.province", "新疆生产建设兵团")
    assert window.model.draft.get("operator.province") == "新疆生产建设兵团"
    assert not note.isVisible()
    assert _recipient(window) == "新疆生产建设兵团网信办"        # the corps' own office
