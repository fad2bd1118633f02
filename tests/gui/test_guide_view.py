"""The 法规原文 window: opened from the menu and from links, at an item, highlighted; find."""

from __future__ import annotations

import json

import pytest
from gui_helpers import EXAMPLES, click, click_next, commit_text, field, settle, type_into
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from composer.core.flow import Step
from composer.core.guide import load_guide
from composer.gui import guide_view
from composer.gui.guide_links import GuideLinks, attach_hint_links, link_citations
from composer.gui.guide_view import GuideWindow


@pytest.fixture
def guide_window(qtbot, window):
    """The guide window opened from the main window's help menu."""
    action = window.findChild(type(window.menuBar().actions()[0]), "action-guide")
    assert action is not None
    action.trigger()
    w = guide_view._window
    assert isinstance(w, GuideWindow) and w.isVisible()
    qtbot.waitExposed(w)
    yield w
    w.close()


def plain(w: GuideWindow) -> str:
    """The document's text as written (toPlainText() turns no-break spaces into spaces)."""
    return w.text.document().toRawText().replace("\u2029", "\n")


def settled(qtbot, w: GuideWindow, anchor: str) -> None:
    qtbot.waitUntil(lambda: w.block_in_view(anchor), timeout=60000)
    settle()                      # what is already posted (a late scroll) is handled too
    assert w.block_in_view(anchor)


def test_help_menu_opens_one_reused_window(qtbot, window, guide_window):
    action = window.findChild(type(window.menuBar().actions()[0]), "action-guide")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert action.text() == "法规原文(&R)"
    guide_window.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.wizard, Qt.Key.Key_F1)  # F1 from anywhere in the main window
    assert guide_window.isVisible()
    menus = [a.text() for a in window.menuBar().actions()]
    assert "帮助(&H)" in menus
    guide_window.close()
    assert not guide_window.isVisible()
    action.trigger()
    assert guide_view._window is guide_window and guide_window.isVisible()
    assert window.show_guide("art-4") is guide_window
    assert guide_window.current_anchor == "art-4"
    assert not guide_window.isModal()
    assert not guide_window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)


def test_whole_text_is_shown_verbatim(guide_window):
    text = plain(guide_window)
    guide = load_guide()
    for item in guide.items:
        for para in item.paragraphs():
            assert para in text, item.anchor
    assert "非官方翻译" not in text  # Chinese UI: the text alone
    assert text.count("\n") + 1 == guide_window.text.document().blockCount()


def test_show_anchor_scrolls_to_and_highlights_the_item(qtbot, guide_window):
    assert guide_window.show_anchor("guide-2-u-2")
    assert guide_window.highlighted_text() == \
        "2.关键信息基础设施整体中断运行1小时以上或主要功能中断运行3小时以上。"
    settled(qtbot, guide_window, "guide-2-u-2")
    location = guide_window.findChild(QLabel, "guide-location")
    assert location.isVisible()
    assert location.text() == "已定位并以黄色标出：《指南》二、通常情况第2项（二、重大网络安全事件）"
    assert guide_window.show_anchor("art-7")  # an article with its items and paragraphs
    lines = guide_window.highlighted_text().split("\n")
    assert lines[0].startswith("第七条") and lines[1].startswith("（一）")
    assert lines[-1].startswith("网络安全事件报告后出现新的重要情况") and len(lines) == 11
    settled(qtbot, guide_window, "art-7")
    assert not guide_window.block_in_view("guide-2-u-2")
    assert location.text() == "已定位并以黄色标出：《办法》第七条"
    assert not guide_window.status.isVisible()


def test_unknown_anchor_says_so(guide_window):
    guide_window.show_anchor("art-7")
    assert not guide_window.show_anchor("guide-9-u-1")
    assert guide_window.status.isVisible() and "guide-9-u-1" in guide_window.status.text()
    assert guide_window.current_anchor == "art-7"  # the previous item stays highlighted


def test_find_bar(qtbot, guide_window):
    w = guide_window
    find = w.findChild(QLineEdit, "guide-find")
    count = w.findChild(QLabel, "guide-find-count")
    assert not w.find_bar.isVisible()
    qtbot.keyClick(w.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.find_bar.isVisible()
    qtbot.waitUntil(find.hasFocus)
    commit_text(find, "关键信息基础设施整体中断")
    assert count.text() == "第 1/3 处"
    assert w.current_match_text() == "关键信息基础设施整体中断"
    qtbot.keyClick(find, Qt.Key.Key_Return)
    assert count.text() == "第 2/3 处"
    qtbot.keyClick(find, Qt.Key.Key_F3)
    assert count.text() == "第 3/3 处"
    qtbot.mouseClick(w.findChild(QToolButton, "guide-find-next"), Qt.MouseButton.LeftButton)
    assert count.text() == "第 1/3 处"  # wraps
    qtbot.keyClick(find, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert count.text() == "第 3/3 处"
    qtbot.mouseClick(w.findChild(QToolButton, "guide-find-prev"), Qt.MouseButton.LeftButton)
    assert count.text() == "第 2/3 处"
    # the current match is in view
    rect = w.text.cursorRect()
    assert w.text.viewport().rect().contains(rect.center())
    find.clear()
    qtbot.keyClicks(find, "12387")
    assert count.text() == "第 1/1 处" and w.current_match_text() == "12387"
    assert not w.findChild(QToolButton, "guide-find-next").isEnabled()
    find.clear()
    qtbot.keyClicks(find, "ransom")  # English summaries are not shown in the Chinese UI
    assert count.text() == "无匹配" and w.matches == []
    w.text.setFocus()  # Esc closes the bar with the focus in the text as well
    qtbot.waitUntil(w.text.hasFocus)
    qtbot.keyClick(w.text, Qt.Key.Key_Escape)
    assert not w.find_bar.isVisible()
    assert count.text() == "" and w.matches == []


def test_find_starts_at_the_highlighted_item(guide_window):
    w = guide_window
    w.show_anchor("guide-3")
    w.open_find()
    commit_text(w.find_edit, "关键信息基础设施整体中断")
    assert w.find_count.text() == "第 3/3 处"


def test_english_ui_shows_chinese_with_labelled_summaries(qtbot, window):
    window.set_language("en")
    w = window.show_guide("guide-2-u-2")
    qtbot.waitExposed(w)
    try:
        note = w.findChild(QLabel, "guide-translation-note")
        assert "unofficial" in note.text() and "Chinese text is the only authoritative" in note.text()
        text = plain(w)
        assert "2.关键信息基础设施整体中断运行1小时以上或主要功能中断运行3小时以上。" in text
        assert text.count("Unofficial translation: ") == len(load_guide().items)
        assert ("Unofficial translation: Critical information infrastructure is down as a "
                "whole for 1 hour or more") in text
        assert w.windowTitle().startswith("Original legal text")
        assert w.highlighted_text().split("\n")[1].startswith("Unofficial translation: ")
        w.open_find()
        qtbot.keyClicks(w.find_edit, "RANSOM")
        assert w.find_count.text() == "1 of 2"  # ransomware, ransom payment (Art. 7(2))
        assert w.current_match_text() == "ransom"
    finally:
        w.close()
        window.set_language("zh")


def test_language_switch_rebuilds_an_open_window(qtbot, window):
    w = window.show_guide("art-4")
    window.set_language("en")
    try:
        qtbot.waitUntil(lambda: "Unofficial translation" in w.text.toPlainText(), timeout=3000)
        assert w.current_anchor == "art-4" and w.highlighted_text().startswith("第四条")
    finally:
        window.set_language("zh")
    qtbot.waitUntil(lambda: "Unofficial translation" not in w.text.toPlainText(), timeout=3000)
    w.close()


def test_links_open_the_guide_at_their_item(qtbot, window):
    links = GuideLinks("test-links", window)
    links.set_links([("重大", "guide-2-u-2"), ("较大", ["guide-3-u-2", "no-such-item"]),
                     ("无", None)])
    assert links.anchors() == ["guide-2-u-2", "guide-3-u-2"]
    assert "《指南》二、通常情况第2项" in links.text() and "no-such-item" not in links.text()
    assert links.isVisibleTo(window)
    links.show()
    qtbot.waitExposed(links)
    # keyboard: Tab focuses the first link, Enter follows it
    links.setFocus()
    qtbot.keyClick(links, Qt.Key.Key_Tab)
    qtbot.keyClick(links, Qt.Key.Key_Return)
    w = guide_view._window
    qtbot.waitUntil(lambda: w is not None and w.isVisible() and w.current_anchor is not None)
    assert w.current_anchor == "guide-2-u-2"
    w.close()
    links.set_links([("x", None)])
    assert not links.isVisibleTo(window) and links.anchors() == []


def test_hint_links_are_attached_under_threshold_hints(qtbot, window):
    page = QWidget(window)
    layout = QVBoxLayout(page)
    for name in ("impact_facts.cii_total_outage_hours#hint", "impact_facts.other#hint",
                 "operator.name#hint"):
        box = QWidget()
        v = QVBoxLayout(box)
        v.addWidget(QLineEdit())
        hint = QLabel("≥ …")
        hint.setObjectName(name)
        v.addWidget(hint)
        layout.addWidget(box)
    made = attach_hint_links(page, anchors_for={"cii_total_outage_hours":
                                                ["guide-1-u-2", "guide-2-u-2"]}.get)
    assert [m.objectName() for m in made] == ["impact_facts.cii_total_outage_hours#guide"]
    box = made[0].parentWidget()
    assert box.layout().indexOf(made[0]) == 2  # right under the hint
    assert made[0].anchors() == ["guide-1-u-2", "guide-2-u-2"]



def open_cii_outage(window, tmp_path, hours: str):
    """A CII operator whose system was down as a whole for ``hours`` (typed on the impact
    page), walked to the grading page with the Next button."""
    data = json.loads((EXAMPLES / "cii-grid-outage.json").read_text(encoding="utf-8"))
    data["impact_facts"] = {}
    path = tmp_path / "cii.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    window.wizard.go_to(Step.IMPACT)
    assert window.wizard.currentId() == Step.IMPACT
    type_into(window, "impact_facts.cii_total_outage_hours", hours)


def test_grading_page_links_each_fired_criterion_to_the_guide(qtbot, window, tmp_path):
    open_cii_outage(window, tmp_path, "1.5")  # 90 minutes: 重大 by the final text
    click_next(qtbot, window.wizard)
    assert window.wizard.currentId() == Step.GRADING
    # the reason's own citation is the link, beside the criterion
    reasons = field(window, "grading-reasons", QLabel)
    assert reasons.textFormat() == Qt.TextFormat.RichText
    assert ('• 重大：关键信息基础设施整体中断运行 1 小时 30 分钟（≥ 1 小时）——'
            '<a href="guide-2-u-2">《指南》二、通常情况第2项</a>') in reasons.text()
    links = field(window, "grading-guide-links", QLabel)  # only for a citation not in a reason
    assert not links.isVisible() and links.anchors() == []
    # the level rests on a single-source number: the notice links to the original as well
    notice = field(window, "grading-notice-guide", QLabel)
    assert notice.isVisible() and notice.anchors() == ["guide-2-u-2"]
    assert notice.text().startswith("请对照原文：")
    # follow the link with the keyboard, as a user without a mouse would
    reasons.setFocus()
    qtbot.keyClick(reasons, Qt.Key.Key_Tab)
    qtbot.keyClick(reasons, Qt.Key.Key_Return)
    w = guide_view._window
    qtbot.waitUntil(lambda: w is not None and w.isVisible())
    assert w.current_anchor == "guide-2-u-2"
    assert w.highlighted_text() == \
        "2.关键信息基础设施整体中断运行1小时以上或主要功能中断运行3小时以上。"
    settled(qtbot, w, "guide-2-u-2")
    w.close()
    # a lower figure: another criterion, another item
    click(qtbot, window.wizard.button(QWizard.WizardButton.BackButton))
    field(window, "impact_facts.cii_total_outage_hours", QLineEdit).clear()
    type_into(window, "impact_facts.cii_total_outage_hours", "0.2")
    click_next(qtbot, window.wizard)
    assert '<a href="guide-3-u-2">《指南》三、通常情况第2项</a>' in reasons.text()
    assert "guide-2-u-2" not in reasons.text() and not notice.isVisible()
    # nothing fired: no links
    click(qtbot, window.wizard.button(QWizard.WizardButton.BackButton))
    field(window, "impact_facts.cii_total_outage_hours", QLineEdit).clear()
    click_next(qtbot, window.wizard)
    assert reasons.textFormat() == Qt.TextFormat.PlainText
    assert reasons.text() == "没有达到较大及以上级别的标准。"


def test_impact_hints_link_to_the_guide(qtbot, window, tmp_path):
    open_cii_outage(window, tmp_path, "1.5")
    page = window.wizard.currentPage()
    hints = [h for h in page.findChildren(QLabel) if h.objectName().endswith("#hint")]
    guided = {g.objectName(): g for g in page.findChildren(GuideLinks)}
    for hint in hints:
        name = hint.objectName().replace("#hint", "#guide")
        if "≥" in hint.text() or "：" in hint.text():  # a threshold hint
            assert name in guided, name
    link = guided["impact_facts.cii_total_outage_hours#guide"]
    assert link.isVisible()
    assert link.anchors() == ["guide-1-u-2", "guide-2-u-2", "guide-3-u-2"]
    assert guided["impact_facts.personal_info_leaked#guide"].anchors() == \
        ["guide-1-u-5", "guide-2-u-5", "guide-3-u-5"]
    w = link.open(link.anchors()[1])
    assert w.current_anchor == "guide-2-u-2"
    w.close()


def test_english_grading_links(qtbot, window, tmp_path):
    window.set_language("en")
    try:
        open_cii_outage(window, tmp_path, "1.5")
        click_next(qtbot, window.wizard)
        reasons = field(window, "grading-reasons", QLabel)
        assert '(<a href="guide-2-u-2">Guide II, usual criteria item 2</a>)' in reasons.text()
        notice = field(window, "grading-notice-guide", QLabel)
        assert notice.text().startswith("Check against the original text: Major: ")
        guided = window.findChild(GuideLinks, "impact_facts.cii_total_outage_hours#guide")
        assert ">Guide I, usual criteria item 2</a>, <a" in guided.text()
        w = notice.open("guide-2-u-2")
        assert "Unofficial translation: Critical information infrastructure is down as a " \
               "whole for 1 hour or more" in w.highlighted_text()
        w.close()
    finally:
        window.set_language("zh")


def test_link_citations_longest_first_and_escaped(qtbot, window):
    label = QLabel(window)
    label.setText("• 较大：首页 3 <小时> ——《指南》二、通常情况第6项（1）\n• 另：——《指南》二、通常情况第6项")
    found = link_citations(label, ["guide-2-u-6", "guide-2-u-6-1", "art-99"])
    assert found == {"guide-2-u-6", "guide-2-u-6-1"}
    assert label.text() == (
        '• 较大：首页 3 &lt;小时&gt; ——<a href="guide-2-u-6-1">《指南》二、通常情况第6项（1）</a>'
        '<br>• 另：——<a href="guide-2-u-6">《指南》二、通常情况第6项</a>')
    assert link_citations(label, ["guide-2-u-6"]) == {"guide-2-u-6", "guide-2-u-6-1"}  # kept
    label.linkActivated.emit("guide-2-u-6-1")
    w = guide_view._window
    assert w.current_anchor == "guide-2-u-6-1"
    w.close()
    label.setText("没有引用")
    assert link_citations(label, ["guide-2-u-6"]) == set()
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_jump_to_an_article_or_section(qtbot, guide_window):
    w = guide_window
    goto = w.findChild(QComboBox, "guide-goto")
    names = [goto.itemText(i) for i in range(goto.count())]
    assert len(names) == 2 + 14 + 4 + 1  # titles, articles, sections, the note
    assert names[3] == "第三条 国家网信部门负责统筹协调全国…"
    assert "二、重大网络安全事件" in names
    w.show_anchor("guide-2-u-6-3")  # the box names where the item is
    assert goto.currentText() == "二、重大网络安全事件"
    w.show_anchor("art-3")
    goto.setFocus()
    qtbot.keyClick(goto, Qt.Key.Key_Down)  # as a user picks the next entry
    assert w.current_anchor == "art-4" and w.highlighted_text().startswith("第四条")
    settled(qtbot, w, "art-4")


def test_recipients_page_links_the_deadlines_and_the_fast_path(qtbot, window):
    """报告对象与时限: Art. 4 beside the deadlines, Art. 7 ¶2 beside the fast-path choice."""
    page = window.wizard.pages[Step.RECIPIENTS]
    page.ensure_built()
    deadline = page.findChild(GuideLinks, "deadline-guide")
    fast = page.findChild(GuideLinks, "fast-path-guide")
    assert deadline.anchors() == ["art-4"] and fast.anchors() == ["art-7-p2"]
    assert "报告时限" in deadline.text() and "第四条" in deadline.text()
    assert "先行报告第一、二项" in fast.text()
    layout = page.body
    assert layout.indexOf(deadline) == layout.indexOf(page.table) + 1
    assert layout.indexOf(fast) == layout.indexOf(page.fast) + 1
    deadline.linkActivated.emit("art-4")
    w = guide_view._window
    qtbot.waitUntil(lambda: w is not None and w.isVisible() and w.current_anchor == "art-4")
    fast.linkActivated.emit("art-7-p2")
    qtbot.waitUntil(lambda: guide_view._window.current_anchor == "art-7-p2")
    guide_view._window.close()


def test_fits_the_screen_with_its_find_bar_and_closes_with_esc_or_ctrl_w(qtbot, guide_window):
    w = guide_window
    free = w.screen().availableGeometry()
    assert free.contains(w.frameGeometry()) or free.contains(w.geometry())
    assert w.height() <= int(free.height() * 0.94) and w.width() <= int(free.width() * 0.94)
    w.open_find()
    qtbot.waitUntil(w.find_bar.isVisible)
    bar = w.find_bar.geometry()
    assert w.rect().contains(bar) and w.find_edit.hasFocus()   # on screen, not below it
    qtbot.keyClick(w.find_edit, Qt.Key.Key_Escape)               # first Esc: the find bar
    assert not w.find_bar.isVisible() and w.isVisible()
    qtbot.keyClick(w.text, Qt.Key.Key_Escape)                    # then the window
    assert not w.isVisible()
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w.text, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not w.isVisible()
