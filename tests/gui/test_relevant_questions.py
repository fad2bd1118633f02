"""Only relevant questions (issue 8 item 5): receiving bodies by operator kind, CII outage facts
for CII operators only, and 待研判 in the header until the impact page has been seen."""

from __future__ import annotations

from gui_helpers import choose, click_next, field, type_into
from PySide6.QtWidgets import QLabel

from composer.core.flow import Step


def visible(window, path: str) -> bool:
    return field(window, path).isVisible()


def test_receiving_body_fields_follow_the_operator_kind(window):
    for path in ("operator.province", "operator.protection_department", "operator.cac_office"):
        assert not visible(window, path), path          # no kind chosen: no body asked
    choose(window, "operator.kind", "other")
    assert visible(window, "operator.province")
    assert not visible(window, "operator.protection_department")
    assert not visible(window, "operator.cac_office")
    choose(window, "operator.kind", "cii")
    assert visible(window, "operator.protection_department")
    assert not visible(window, "operator.province") and not visible(window, "operator.cac_office")
    choose(window, "operator.kind", "central_state_organ")
    assert visible(window, "operator.cac_office")
    assert visible(window, "operator.protection_department")  # a CII organ: both routes
    type_into(window, "operator.cac_office", "某部网信办")
    choose(window, "operator.kind", "other")
    assert visible(window, "operator.cac_office")  # typed: stays visible, nothing hidden


def _to_impact(qtbot, window, kind: str, body: tuple[str, str]) -> None:
    wiz = window.wizard
    type_into(window, "operator.name", "某单位")
    choose(window, "operator.kind", kind)
    type_into(window, body[0], body[1])
    type_into(window, "operator.contact.name", "刘洋")
    type_into(window, "operator.contact.phone", "010-66668888")
    click_next(qtbot, wiz)
    type_into(window, "incident.title", "某事件")
    header = window.header
    # valid report, impact page not seen yet: never 一般
    assert "待研判" in header.level.text() and "一般" not in header.level.text()
    assert "如为较大以上事件" in header.deadline.text() and header.countdown.text()
    click_next(qtbot, wiz)
    assert wiz.currentId() == Step.IMPACT
    # issue 18: looking at the empty impact page settles nothing
    assert "待研判" in header.level.text() and "一般" not in header.level.text()


def test_non_cii_operator_is_not_asked_cii_facts(qtbot, window):
    _to_impact(qtbot, window, "other", ("operator.province", "浙江省"))
    assert not visible(window, "impact_facts.cii_total_outage_hours")
    assert not visible(window, "impact_facts.cii_main_function_outage_hours")
    assert visible(window, "impact_facts.personal_info_leaked")
    click_next(qtbot, window.wizard)
    missing = field(window, "grading-missing", QLabel).text()
    assert "关键信息基础设施" not in missing and "直接经济损失" in missing
    # back on the basic page the header keeps the same rule: still 待研判
    window.wizard.back()
    window.wizard.back()
    assert "待研判" in window.header.level.text()


def test_cii_operator_is_asked_cii_facts(qtbot, window):
    _to_impact(qtbot, window, "cii", ("operator.protection_department", "国家能源局"))
    assert visible(window, "impact_facts.cii_total_outage_hours")
    type_into(window, "impact_facts.cii_total_outage_hours", "1.5")
    assert "重大" in field(window, "live-level", QLabel).text()   # ≥ 1 h is 重大
