"""A report made after its deadline: the preview page asks for the reason (迟报原因)."""

from __future__ import annotations

from datetime import timedelta

from gui_helpers import EXAMPLES, settle, type_into
from PySide6.QtWidgets import QLabel

from composer.core.flow import Step


def test_late_report_asks_for_the_reason(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")  # due 2026-11-18 18:05
    wiz = window.wizard
    while wiz.currentId() != Step.PREVIEW:
        wiz.next()
    page = wiz.pages[Step.PREVIEW]
    notice = page.findChild(QLabel, "late-notice")
    assert notice.isVisible() and "已超过报告时限（2026-11-18 18:05）" in notice.text()
    assert "迟报原因填写在下面" in notice.text()
    field = page.findChild(object, "incident.delay_reason")
    assert field.isVisible()
    before = (notice.text(), notice.geometry(), field.mapToGlobal(field.rect().topLeft()))
    type_into(page, "incident.delay_reason", "夜间告警未被及时发现")
    assert window.model.draft.report().incident.delay_reason == "夜间告警未被及时发现"
    settle()        # layout requests are handled: the banner and the field did not move
    assert (notice.text(), notice.geometry(),
            field.mapToGlobal(field.rect().topLeft())) == before
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=30000)


def test_report_within_its_deadline_is_not_asked(qtbot, window):
    from composer.core.draft import new_draft
    draft = new_draft({"name": "某单位", "kind": "other", "province": "浙江省",
                       "contact": {"name": "刘洋", "phone": "010-66668888"}})
    draft.set("incident.title", "某事件")
    draft.set("impact_facts.personal_info_leaked", 2_000_000)
    window.load_draft(draft, step=int(Step.PREVIEW))
    page = window.wizard.pages[Step.PREVIEW]
    page.refresh()
    assert not page.findChild(QLabel, "late-notice").isVisibleTo(page)
    assert not page.findChild(object, "incident.delay_reason").isVisibleTo(page)
    # the same page, an hour after a 4-hour deadline: asked
    page.now = lambda: draft.report().incident.discovered_at + timedelta(hours=5)
    page.refresh()
    assert page.findChild(QLabel, "late-notice").isVisibleTo(page)
    assert page.findChild(object, "incident.delay_reason").isVisibleTo(page)
