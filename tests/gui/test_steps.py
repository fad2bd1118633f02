"""The step indicator shows the seven steps and where the user is; 完成 saves and says so."""

from __future__ import annotations

from gui_helpers import EXAMPLES, click
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWizard

from composer.core.flow import Step


def test_the_indicator_names_the_seven_steps_and_the_current_one(qtbot, window):
    steps = window.findChild(QLabel, "step-indicator")
    assert steps.isVisible()
    assert steps.accessibleName() == "第 1 步，共 7 步：报告单位"
    text = steps.text()
    for title in ("报告单位", "事件基本情况", "影响事实", "定级结果", "报告对象与时限", "处置与分析",
                  "预览与输出"):
        assert title in text
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    steps = window.findChild(QLabel, "step-indicator")      # the window was rebuilt
    window.wizard.go_to(int(Step.BASIC))
    assert steps.accessibleName() == "第 2 步，共 7 步：事件基本情况"
    assert "line-through" not in steps.text()
    window.model.set_fast_path(True)                          # 处置与分析 is skipped now
    skipped = steps.text().split("处置与分析")[0].rsplit("<span", 1)[1]
    assert "line-through" in skipped


def test_finish_saves_and_says_so_without_opening_the_reports_list(qtbot, window, storage):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    wizard = window.wizard
    wizard.go_to(int(Step.PREVIEW))
    assert wizard.currentId() == Step.PREVIEW
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible()
             and w.objectName() in ("finish-box", "reports-dialog")]
    assert [b.objectName() for b in boxes] == ["finish-box"]
    (box,) = boxes
    assert "已保存" in box.text() and "记录已报送" in box.text()
    assert storage.list_drafts()[0].title == "会员系统遭勒索病毒攻击"
    new = next(b for b in box.buttons() if b.text() == "新建报告")
    click(qtbot, new)
    assert window.model.draft.title == "" and window.wizard.currentId() == Step.PROFILE
    assert not box.isVisible() and isinstance(box, QMessageBox)
