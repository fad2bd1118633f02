"""A site left unselected is asked for on the grading page when it could raise the level;
a site that caps the level says so there (issue 8 follow-up)."""

from __future__ import annotations

from gui_helpers import choose, click_next, field, type_into
from PySide6.QtWidgets import QLabel

from composer.core.flow import Step


def _to_grading(qtbot, window) -> None:
    wiz = window.wizard
    type_into(window, "operator.name", "某单位")
    choose(window, "operator.kind", "other")
    choose(window, "operator.province", "浙江省")
    type_into(window, "operator.contact.name", "刘洋")
    type_into(window, "operator.contact.phone", "010-66668888")
    click_next(qtbot, wiz)
    type_into(window, "incident.title", "门户网站被篡改")
    click_next(qtbot, wiz)
    assert wiz.currentId() == Step.IMPACT
    # figures, but no site chosen for either
    type_into(window, "impact_facts.portal_outage.hours", "3")
    type_into(window, "impact_facts.defacement.reposts", "200000")
    click_next(qtbot, wiz)
    assert wiz.currentId() == Step.GRADING


def test_unknown_sites_are_asked_for_on_the_grading_page(qtbot, window):
    _to_grading(qtbot, window)
    assert "较大" in field(window, "grading-level", QLabel).text()
    missing = field(window, "grading-missing", QLabel).text().replace("<br>", "\n").splitlines()
    (deface,) = [line for line in missing if "被篡改网站的类别未填写" in line]
    assert missing.index(deface) == 1             # first: it concerns figures already given
    # the citation opens the Guide at the item that lists the sites
    assert ('超大型网络平台等，可达特别重大（<a href="guide-1-u-6">《指南》一、通常情况第6项</a>）'
            in deface)
    assert "→" not in deface                    # the sentence already names the level
    # the portal outage of 3 h would be 较大 on a listed site, but the incident is 较大 already
    assert not [line for line in missing if "不能访问网站" in line]
    assert "网站级别限定定级" not in field(window, "grading-reasons", QLabel).text()


def test_a_capping_site_is_explained_on_the_grading_page(qtbot, window):
    _to_grading(qtbot, window)
    window.wizard.back()
    choose(window, "impact_facts.defacement.site", "prefectural_portal")
    click_next(qtbot, window.wizard)
    assert "重大" in field(window, "grading-level", QLabel).text()
    reasons = field(window, "grading-reasons", QLabel).text().replace("<br>", "\n")
    assert ("ⓘ 网站级别限定定级：传播数据达到特别重大的“特大范围”（<a href=\"guide-1-u-6-2\">"
            "《指南》一、通常情况第6项（2）</a>），但该网站不属该项所列网站，定级以重大为限。"
            ) in reasons.splitlines()
    assert "被篡改网站的类别未填写" not in field(window, "grading-missing", QLabel).text()
