"""Drill mode in the app (issue 24 point 1): 文件 → 新建演练 through the real menu gives a
drill — a banner under the header on every page, 【演练】 in the window title, 〔演练·首报〕 in
the header — whose own recipients are typed in the banner and stored in the draft; the channel
cards never copy or open the intake's address; follow-ups stay drills; the reports list marks
them; the time its level was first settled is kept with the draft."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

from gui_helpers import EXAMPLES, type_into
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from composer.core.flow import Step
from composer.core.model import ReportType
from composer.gui.output import EMAIL_RECIPIENTS

BANNER = "演练模式：本报告为演练材料，不会报送受理平台"


def _menu_entry(qtbot, window, name: str) -> None:
    """Open 文件 in the menu bar and click the entry, as a user does."""
    bar = window.menuBar()
    menu = next(a.menu() for a in bar.actions() if a.menu() is not None
                and a.menu().objectName() == "menu-file")
    action = next(a for a in menu.actions() if a.objectName() == name)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(
        menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def _banner(window) -> QWidget:
    banner = window.findChild(QWidget, "drill-banner")
    assert banner is not None
    return banner


def _type_ascii(qtbot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    for ch in text:
        qtbot.keyClick(widget, ch)


def _drill_file(tmp_path: Path, name: str = "ransomware-retailer.json", **top) -> Path:
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    data.update(drill=True, **top)
    path = tmp_path / f"drill-{name}"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_new_drill_through_the_menu_gives_banner_and_title(qtbot, window) -> None:
    assert not _banner(window).isVisible() and not window.windowTitle().startswith("【演练】")
    _menu_entry(qtbot, window, "action-new-drill")
    draft = window.model.draft
    assert draft.drill and draft.data["drill"] is True
    banner = _banner(window)
    qtbot.waitUntil(banner.isVisible)
    assert banner.findChild(QLabel, "drill-banner-text").text() == BANNER
    assert "never sent to the intake" in banner.findChild(QLabel, "drill-banner-en").text()
    assert window.windowTitle() == "【演练】新报告"
    assert window.header.level.text().startswith("〔演练·首报〕")
    profile = "\n".join(w.text() for w in window.wizard.pages[Step.PROFILE].findChildren(QLabel))
    assert "演练的邮件草稿不发往受理平台" in profile and "始终发往" not in profile
    for step in (Step.BASIC, Step.IMPACT, Step.PREVIEW, Step.PROFILE):   # every page
        window.wizard.go_to(int(step))
        assert banner.isVisible(), step
        assert banner.geometry().top() >= window.header.geometry().bottom()  # under it
    window.wizard.go_to(int(Step.BASIC))
    type_into(window, "incident.title", "演练：会员系统勒索")
    assert window.windowTitle() == "【演练】演练：会员系统勒索"
    _menu_entry(qtbot, window, "action-new-report")           # a real report again
    assert not window.model.draft.drill and not _banner(window).isVisible()
    assert window.windowTitle() == "新报告"


def test_drill_recipients_are_typed_in_the_banner_and_checked(qtbot, window, storage) -> None:
    window.new_drill()
    banner = _banner(window)
    to = banner.findChild(QLineEdit, "drill-to")
    fax = banner.findChild(QLineEdit, "drill-fax")
    problems = banner.findChild(QLabel, "drill-problems")
    _type_ascii(qtbot, to, "lead@example.com, 12387@cert.org.cn")
    assert window.model.draft.data["drill_to"] == ["lead@example.com", "12387@cert.org.cn"]
    assert problems.isVisible()
    assert problems.text().startswith("演练收件邮箱第 2 个：是受理平台的地址")
    _type_ascii(qtbot, fax, "010-82992387")
    assert "演练传真：是受理平台的传真号码" in problems.text()
    to.clear()
    _type_ascii(qtbot, to, "lead@example.com;soc@example.org")
    fax.clear()
    _type_ascii(qtbot, fax, "0571-88881234")
    assert window.model.draft.data["drill_to"] == ["lead@example.com", "soc@example.org"]
    assert window.model.draft.data["drill_fax"] == "0571-88881234"
    assert not problems.isVisible()
    assert window.save_now()
    stored = storage.load_draft(window.model.draft.id)
    assert stored.data["drill_to"] == ["lead@example.com", "soc@example.org"]
    window.open_draft(stored.id)                              # shown again when reopened
    banner = _banner(window)
    assert banner.findChild(QLineEdit, "drill-to").text() == "lead@example.com, soc@example.org"
    assert banner.findChild(QLineEdit, "drill-fax").text() == "0571-88881234"


def test_the_cards_of_a_drill_never_copy_or_open_the_intake(qtbot, window, storage,
                                                             tmp_path) -> None:
    storage.save_setting(EMAIL_RECIPIENTS, ["boss@example.com"])   # 同时发送给: not for drills
    assert window.open_file(_drill_file(tmp_path, drill_to=["lead@example.com"]))
    window.wizard.go_to(int(Step.PREVIEW))
    page = window.wizard.pages[Step.PREVIEW]
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=30000)
    cards = page.channels
    tabs = [cards.tabText(i) for i in range(cards.count())]
    assert "12387 热线（演练）" in tabs
    texts = "\n".join(w.text() for w in cards.findChildren(QLabel))
    assert "12387@cert.org.cn" not in texts and "010-82992387" not in texts
    assert cards.findChild(QLabel, "email-to").text() == "演练收件邮箱：lead@example.com"
    assert cards.findChild(QLabel, "fax-to").text().startswith("演练传真：未填写")
    assert cards.findChild(QLabel, "hotline-drill").text().startswith("演练：请勿拨打 12387")
    assert cards.script.toPlainText().startswith("■ 演练")
    assert "这是演练。" in cards.script.toPlainText()
    assert "12387@cert.org.cn" not in cards.script.toPlainText()
    clipboard = QGuiApplication.clipboard()
    cards.setCurrentIndex(1)
    copy = cards.findChild(QPushButton, "email-copy-address")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "lead@example.com"
    assert not cards.findChild(QPushButton, "fax-copy-number").isEnabled()   # no number
    assert window.outputs.package_recipients() == []
    made: list[Path] = []
    window.outputs.current_package.generate(window.model.draft.report(), made.append, "…", "…")
    qtbot.waitUntil(lambda: bool(made), timeout=60000)
    msg = email.message_from_bytes((made[0] / "message.eml").read_bytes(),
                                   policy=email.policy.default)
    assert [a.addr_spec for a in msg["To"].addresses] == ["lead@example.com"]
    assert msg["Subject"].startswith("【演练】")
    assert json.loads((made[0] / "manifest.json").read_text("utf-8"))["drill"] is True
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")   # a real report keeps it
    assert window.outputs.package_recipients() == ["boss@example.com"]


def test_follow_ups_and_corrections_of_a_drill_stay_drills(qtbot, window, storage,
                                                           tmp_path) -> None:
    assert window.open_file(_drill_file(tmp_path))
    assert window.model.draft.settled_at is not None       # graded when it was opened
    assert window.save_now()
    drill_id = window.model.draft.id
    assert storage.load_draft(drill_id).settled_at == window.model.draft.settled_at
    window.start_derived(drill_id, ReportType.FOLLOW_UP)
    assert window.model.draft.drill and window.model.draft.parent_id == drill_id
    assert _banner(window).isVisible() and window.windowTitle().startswith("【演练】")
    window.open_draft(drill_id)
    window.outputs.start_correction()
    assert window.model.draft.drill and window.model.draft.data.get("correction") is True
    assert _banner(window).isVisible()
    dialog = window.show_reports()
    types = {dialog.table.item(r, 0).text().split()[0]: dialog.table.item(r, 1).text()
             for r in range(dialog.table.rowCount())}
    assert types[f"#{drill_id}"] == "【演练】首报"
    assert all(t.startswith("【演练】") for t in types.values())
    dialog.close()
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.save_now()
    dialog = window.show_reports()
    real = f"#{window.model.draft.id}"
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).text().split()[0] == real)
    assert dialog.table.item(row, 1).text() == "首报"
    dialog.close()


def test_the_settled_time_is_noted_when_the_user_settles_the_level(qtbot, window,
                                                                   storage) -> None:
    example = json.loads((EXAMPLES / "phishing-general.json").read_text("utf-8"))
    storage.save_profile(example["operator"])
    window.new_drill()
    window.wizard.go_to(int(Step.BASIC))
    type_into(window, "incident.title", "演练：钓鱼邮件")
    draft = window.model.draft
    assert draft.report() is not None and not draft.classification().settled   # 待研判
    assert draft.settled_at is None
    window.model.set("impact_assessed", True)                # 其余影响均不涉及 settles it
    assert draft.classification().settled and draft.settled_at is not None
    noted = draft.settled_at
    window.model.set("incident.location", "杭州")             # noted once, not moved
    assert draft.settled_at == noted and noted.utcoffset().total_seconds() == 8 * 3600
    assert window.save_now()
    assert storage.load_draft(draft.id).settled_at == noted
