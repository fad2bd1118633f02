"""Grading under the Guide: every criterion at, just below and just above its threshold."""

from __future__ import annotations

from typing import Any

import pytest
from core_helpers import incident

from composer.core.grading import UNVERIFIED_NOTICE, format_minutes, grade, threshold_lines
from composer.core.incident_io import parse_report
from composer.core.model import ImpactFacts, Level
from composer.core.rules import Check, Family, grading_rules, guide_citation, is_guide_anchor

EM, M, RM, G = (Level.ESPECIALLY_MAJOR, Level.MAJOR, Level.RELATIVELY_MAJOR, Level.GENERAL)


def facts(data: dict[str, Any]) -> ImpactFacts:
    return parse_report(incident(impact_facts=data)).impact_facts


def _set(tree: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        tree = tree.setdefault(part, {})
    tree[parts[-1]] = value


def _facts_for(test: Check, amount: float) -> dict[str, Any]:
    """Impact facts meeting ``test``'s conditions with the fact at ``amount`` (rule units)."""
    data: dict[str, Any] = {}
    for path, allowed in test.where:
        _set(data, path, allowed[-1])  # the narrowest choice the test accepts
    family = test.fact.split(".")[0]
    if family == "portal_outage":
        data.setdefault("portal_outage", {}).setdefault("site", "key_news")
    if family == "population":
        data.setdefault("population", {}).setdefault("region", "prefecture")
    value: Any = amount / 60 if test.unit == "duration" else amount
    if test.unit in ("people", "yuan", "times"):
        value = int(amount)
    _set(data, test.fact, value)
    return data


def _threshold_cases():
    for family in grading_rules():
        for criterion in family.criteria:
            for i, test in enumerate(criterion.tests):
                if test.minimum is not None:
                    yield pytest.param(family, criterion.level, test,
                                       id=f"{family.id}-{criterion.level.value}-{i}")


@pytest.mark.parametrize(("family", "level", "test"), list(_threshold_cases()))
def test_every_threshold_at_below_above(family: Family, level: Level, test: Check) -> None:
    step = 1 if test.unit in ("people", "yuan", "times") else 0.5 if test.unit == "duration" else 0.1
    at = grade(facts(_facts_for(test, test.minimum)))
    assert at.level is level, at
    assert any(c.id == family.id and c.level is level for c in at.criteria)
    above = grade(facts(_facts_for(test, test.minimum + step)))
    assert above.level is level
    below = grade(facts(_facts_for(test, test.minimum - step)))
    assert below.level.rank < level.rank, below


def _judgement_cases():
    for family in grading_rules():
        for criterion in family.criteria:
            for test in criterion.tests:
                if test.equals is not None:
                    yield pytest.param(test, criterion.level, id=f"{test.fact}={test.equals}")


@pytest.mark.parametrize(("test", "level"), list(_judgement_cases()))
def test_every_choice_criterion(test: Check, level: Level) -> None:
    data: dict[str, Any] = {}
    _set(data, test.fact, test.equals)
    assert grade(facts(data)).level is level


# Every threshold of GUIDE-2025.md, restated from the verbatim text independently of the rule
# data so that a data typo fails: (facts builder, value at the threshold, a step, level reached at
# the threshold, level just below it). Tested at, just below and just above each value.
H = 1.0          # hours
MIN = 1 / 60     # one minute in hours

def _cii_total(v): return {"cii_total_outage_hours": v}
def _cii_main(v): return {"cii_main_function_outage_hours": v}
def _portal(site): return lambda v: {"portal_outage": {"site": site, "hours": v}}
def _pop(region): return lambda v: {"population": {"region": region, "percent": v}}
def _services(v): return {"people_services_affected": v}
def _leak(v): return {"personal_info_leaked": v}
def _loss(v): return {"direct_loss_yuan": v}
def _def(site, key): return lambda v: {"defacement": {"site": site, key: v}}


GUIDE = [
    # 通常情况第1项: portal or key news site unreachable
    ("portal EM provincial 24h", _portal("provincial_portal"), 24, MIN, EM, M),
    ("portal EM central news 24h", _portal("central_news"), 24, MIN, EM, M),
    ("portal M prefectural 6h", _portal("prefectural_portal"), 6, MIN, M, RM),
    ("portal M enterprise 6h", _portal("enterprise_portal"), 6, MIN, M, RM),
    ("portal M key news 6h", _portal("key_news"), 6, MIN, M, RM),
    ("portal M provincial 6h", _portal("provincial_portal"), 6, MIN, M, RM),
    ("portal RM prefectural 2h", _portal("prefectural_portal"), 2, MIN, RM, G),
    ("portal RM enterprise 2h", _portal("enterprise_portal"), 2, MIN, RM, G),
    ("portal RM key news 2h", _portal("key_news"), 2, MIN, RM, G),
    ("portal RM central news 2h", _portal("central_news"), 2, MIN, RM, G),
    # 通常情况第2项: CII total / main functions
    ("cii total EM 6h", _cii_total, 6, MIN, EM, M),
    ("cii total M 1h", _cii_total, 1, MIN, M, RM),
    ("cii total RM 10min", _cii_total, 10 * MIN, MIN, RM, G),
    ("cii main EM 24h", _cii_main, 24, MIN, EM, M),
    ("cii main M 3h", _cii_main, 3, MIN, M, RM),
    ("cii main RM 30min", _cii_main, 30 * MIN, MIN, RM, G),
    # 通常情况第3项: population share, people whose services are affected
    ("population EM province 50%", _pop("province"), 50, 0.1, EM, RM),
    ("population M prefecture 50%", _pop("prefecture"), 50, 0.1, M, RM),
    ("population RM prefecture 30%", _pop("prefecture"), 30, 0.1, RM, G),
    ("population RM province 30%", _pop("province"), 30, 0.1, RM, G),
    ("services EM 10M", _services, 10_000_000, 1, EM, M),
    ("services M 1M", _services, 1_000_000, 1, M, RM),
    ("services RM 100k", _services, 100_000, 1, RM, G),
    # 通常情况第5项 and 第7项
    ("leak EM 100M", _leak, 100_000_000, 1, EM, M),
    ("leak M 10M", _leak, 10_000_000, 1, M, RM),
    ("leak RM 1M", _leak, 1_000_000, 1, RM, G),
    ("loss EM 100M", _loss, 100_000_000, 1, EM, M),
    ("loss M 20M", _loss, 20_000_000, 1, M, RM),
    ("loss RM 5M", _loss, 5_000_000, 1, RM, G),
    # 通常情况第6项: defacement, on a site of each level's list
    ("deface EM homepage 6h", _def("provincial_portal", "homepage_hours"), 6, MIN, EM, M),
    ("deface EM other page 24h", _def("central_news", "other_page_hours"), 24, MIN, EM, M),
    ("deface EM reposts 100k", _def("super_large_platform", "reposts"), 100_000, 1, EM, M),
    ("deface EM views 1M", _def("provincial_portal", "views"), 1_000_000, 1, EM, M),
    ("deface M homepage 2h", _def("prefectural_portal", "homepage_hours"), 2, MIN, M, RM),
    ("deface M other page 12h", _def("enterprise_portal", "other_page_hours"), 12, MIN, M, RM),
    ("deface M reposts 10k", _def("key_news", "reposts"), 10_000, 1, M, RM),
    ("deface M views 100k", _def("large_platform", "views"), 100_000, 1, M, RM),
    ("deface M on an EM site", _def("central_news", "homepage_hours"), 2, MIN, M, RM),
    ("deface RM homepage 30min", _def("other", "homepage_hours"), 30 * MIN, MIN, RM, G),
    ("deface RM other page 2h", _def("other", "other_page_hours"), 2, MIN, RM, G),
    ("deface RM reposts 1000", _def("other", "reposts"), 1_000, 1, RM, G),
    ("deface RM views 10k", _def("other", "views"), 10_000, 1, RM, G),
    ("deface RM on an M site", _def("large_platform", "reposts"), 1_000, 1, RM, G),
]


@pytest.mark.parametrize(("build", "value", "step", "at", "below"),
                         [pytest.param(*row[1:], id=row[0]) for row in GUIDE])
def test_guide_thresholds_at_below_above(build, value, step, at, below) -> None:
    whole = step == 1  # people, times, yuan are whole numbers
    assert grade(facts(build(value))).level is at
    above = value + step
    assert grade(facts(build(above))).level is at
    under = value - step
    assert grade(facts(build(int(under) if whole else under))).level is below


# The site's group caps what the spread figures give (README decisions); a ruling stands.
CAPS = [
    ({"defacement": {"site": "other", "homepage_hours": 6}}, RM),
    ({"defacement": {"site": "other", "reposts": 100_000, "views": 1_000_000}}, RM),
    ({"defacement": {"site": "other", "other_page_hours": 12}}, RM),
    ({"defacement": {"homepage_hours": 2}}, RM),                      # no site given: other
    ({"defacement": {"site": "prefectural_portal", "homepage_hours": 6}}, M),
    ({"defacement": {"site": "enterprise_portal", "other_page_hours": 24}}, M),
    ({"defacement": {"site": "key_news", "reposts": 100_000}}, M),
    ({"defacement": {"site": "large_platform", "views": 1_000_000}}, M),
    ({"defacement": {"site": "super_large_platform", "views": 1_000_000}}, EM),
    ({"defacement": {"site": "other", "authority_ruling": "especially_major"}}, EM),
    ({"defacement": {"site": "other", "authority_ruling": "major"}}, M),
    ({"defacement": {"site": "key_news", "authority_ruling": "relatively_major"}}, RM),
    ({"defacement": {"site": "other", "reposts": 999, "views": 9_999, "homepage_hours": 0.49,
                     "other_page_hours": 1.99}}, G),
    # portal outage: the sites of each list; a site the Guide does not name fires nothing
    ({"portal_outage": {"site": "prefectural_portal", "hours": 30}}, M),
    ({"portal_outage": {"site": "enterprise_portal", "hours": 30}}, M),
    ({"portal_outage": {"site": "key_news", "hours": 30}}, M),
    ({"portal_outage": {"site": "other", "hours": 1000}}, G),
    ({"population": {"region": "province", "percent": 49.9}}, RM),  # a province is ≥ a prefecture
    ({"population": {"region": "prefecture", "percent": 100}}, M),
    ({}, G),
]


@pytest.mark.parametrize(("data", "level"), CAPS)
def test_sites_cap_and_rulings_stand(data: dict[str, Any], level: Level) -> None:
    assert grade(facts(data)).level is level


@pytest.mark.parametrize(("fact", "value", "level", "anchor", "words"), [
    ("data_threat", "especially_serious", EM, "guide-1-c-2", "核心数据、重要数据、海量公民个人信息"),
    ("data_threat", "serious", M, "guide-2-c-2", "核心数据、重要数据、大量公民个人信息"),
    ("data_threat", "relatively_serious", RM, "guide-3-c-2", "重要数据、较大量公民个人信息"),
    ("system_loss", "especially_serious", EM, "guide-1-c-1", "系统大面积瘫痪，丧失业务处理能力"),
    ("system_loss", "serious", M, "guide-2-c-1", "长时间中断或局部瘫痪"),
    ("system_loss", "relatively_serious", RM, "guide-3-c-1", "明显影响系统效率"),
    ("other_threat", "especially_serious", EM, "guide-1-c-3", "构成特别严重威胁、造成特别严重影响"),
    ("other_threat", "serious", M, "guide-2-c-3", "构成严重威胁、造成严重影响"),
    ("other_threat", "relatively_serious", RM, "guide-3-c-3", "构成较严重威胁、造成较严重影响"),
])
def test_judgements_use_the_guides_words(fact, value, level, anchor, words) -> None:
    g = grade(facts({fact: value}))
    (c,) = g.criteria
    assert (g.level, c.guide) == (level, anchor)
    assert words in c.reason and c.reason.endswith(guide_citation(anchor))
    if level is RM:
        assert "核心数据" not in c.reason


def test_data_threat_lines_quote_both_items_of_each_level() -> None:
    em, m, rm = threshold_lines("data_threat")
    assert "核心数据、重要数据泄露或被窃取、篡改、假冒" in em
    assert "核心数据、重要数据泄露或被窃取、篡改、仿冒" in m       # 仿冒, as the text says
    assert "重要数据泄露或被窃取，对国家安全" in rm and "核心数据" not in rm


def test_citations_from_anchors() -> None:
    assert guide_citation("guide-2-u-2") == "《指南》二、通常情况第2项"
    assert guide_citation("guide-3-c-1") == "《指南》三、情形第1项"
    assert guide_citation("guide-1-u-6-4") == "《指南》一、通常情况第6项（4）"
    assert guide_citation("art-7-2") == "《办法》第七条第（二）项"
    assert guide_citation("art-14") == "《办法》第十四条"
    assert guide_citation("guide-note") == "《指南》注"
    assert guide_citation("guide-2-u-2", "en") == "Guide II, usual criteria item 2"
    with pytest.raises(ValueError):
        guide_citation("guide-4-u-1")


def test_every_test_has_a_guide_anchor_of_its_level() -> None:
    for family in grading_rules():
        for criterion in family.criteria:
            for t in criterion.tests:
                assert is_guide_anchor(t.guide), t
                assert t.guide.startswith(f"guide-{4 - criterion.level.rank}-"), t


def test_a_site_the_guide_does_not_name_says_why_nothing_fired() -> None:
    g = grade(facts({"portal_outage": {"site": "other", "hours": 30}}))
    assert g.level is G and not g.criteria
    (r,) = g.remarks
    assert r.fact == "portal_outage" and "不适用" in r.zh and "\n" not in r.zh
    g = grade(facts({"defacement": {"site": "other", "homepage_hours": 7}}))
    assert g.level is RM and "特别重大" in g.remarks[0].zh
    assert not grade(facts({"defacement": {"site": "central_news", "homepage_hours": 7}})).remarks


def test_non_cii_operator_is_not_asked_for_cii_outages() -> None:
    missing = {m.fact for m in grade(facts({}), cii=False).missing}
    assert "cii_total_outage_hours" not in missing and "data_threat" in missing
    assert "cii_main_function_outage_hours" in {m.fact for m in grade(facts({})).missing}
    # a figure given anyway still counts
    assert grade(facts({"cii_total_outage_hours": 1}), cii=False).level is M


def test_highest_criterion_wins_and_all_fired_are_listed_highest_first() -> None:
    g = grade(facts({"personal_info_leaked": 1_200_000, "cii_total_outage_hours": 7,
                     "direct_loss_yuan": 30_000_000}))
    assert g.level is EM
    assert [c.id for c in g.criteria] == ["cii_total_outage", "direct_loss", "personal_info_leak"]
    assert [c.level for c in g.criteria] == [EM, M, RM]


def test_reason_quotes_fact_threshold_and_place() -> None:
    g = grade(facts({"cii_total_outage_hours": 0.75}))
    assert g.criteria[0].reason == (
        "关键信息基础设施整体中断运行 45 分钟（≥ 10 分钟）——《指南》三、通常情况第2项")
    assert g.criteria[0].reason_en == (
        "Critical information infrastructure totally out of operation for 45 min (≥ 10 min) "
        "(Guide III, usual criteria item 2)")
    assert g.criteria[0].guide == "guide-3-u-2"
    g = grade(facts({"cii_total_outage_hours": 1.5}))   # 重大 from 1 h (the draft said 2 h)
    assert g.level is M and g.criteria[0].reason.startswith(
        "关键信息基础设施整体中断运行 1 小时 30 分钟（≥ 1 小时）——《指南》二、通常情况第2项")
    g = grade(facts({"personal_info_leaked": 1_200_000}))
    assert g.criteria[0].reason == (
        "公民个人信息泄露 1,200,000 人（≥ 1,000,000 人）——《指南》三、通常情况第5项")
    assert g.criteria[0].reason_en == (
        "Personal information of 1,200,000 people leaked (≥ 1,000,000 people) "
        "(Guide III, usual criteria item 5)")
    g = grade(facts({"defacement": {"site": "key_news", "reposts": 12_000}}))
    assert g.criteria[0].guide == "guide-2-u-6-2" and g.criteria[0].reason.endswith(
        "《指南》二、通常情况第6项（2）")


def test_level_resting_on_single_source_numbers_needs_confirmation() -> None:
    g = grade(facts({"people_services_affected": 150_000}))  # 较大 on one source only
    assert g.level is RM and g.needs_confirmation and g.confirmed_level is G
    g = grade(facts({"people_services_affected": 150_000, "personal_info_leaked": 1_000_000}))
    assert g.level is RM and not g.needs_confirmation
    g = grade(facts({"cii_total_outage_hours": 2, "personal_info_leaked": 1_000_000}))
    assert g.level is M and g.needs_confirmation and g.confirmed_level is RM
    g = grade(facts({"direct_loss_yuan": 6_000_000}))   # confirmed final text now
    assert g.level is RM and not g.needs_confirmation
    assert UNVERIFIED_NOTICE == "依据未核实，请对照原文"


def test_confirmed_test_preferred_as_reason_when_several_meet() -> None:
    g = grade(facts({"defacement": {"site": "central_news", "homepage_hours": 7,
                                    "other_page_hours": 30}}))
    assert g.level is EM and g.criteria[0].status == "confirmed"
    assert "主页" in g.criteria[0].reason and not g.needs_confirmation


def test_missing_lists_unknown_facts_that_could_raise_the_level() -> None:
    g = grade(facts({"personal_info_leaked": 12_000_000}))
    missing = {m.fact for m in g.missing}
    assert "personal_info_leaked" not in missing
    assert {"cii_total_outage_hours", "direct_loss_yuan", "data_threat"} <= missing
    assert all(m.could_reach.rank > g.level.rank for m in g.missing)
    assert not grade(facts({"cii_total_outage_hours": 6})).missing


def test_floating_point_minutes_meet_the_threshold() -> None:
    # 10 minutes typed as hours (1/6) must count as 10 minutes, not 9.999…
    assert grade(facts({"cii_total_outage_hours": 1 / 6})).level is RM
    assert grade(facts({"cii_total_outage_hours": 0.1667})).level is RM


def test_threshold_lines_explain_each_level() -> None:
    lines = threshold_lines("cii_total_outage_hours")
    assert lines[0].startswith("特别重大：") and "≥ 6 小时" in lines[0]
    assert "〔单一来源〕" in lines[1] and "≥ 1 小时" in lines[1]
    assert "≥ 10 分钟" in lines[2] and "〔" not in lines[2]
    assert "≥ 3 小时〔单一来源〕" in threshold_lines("cii_main_function_outage_hours")[1]
    assert len(threshold_lines("defacement")) == 3
    assert threshold_lines("population")[0] == (
        "特别重大：一个或多个省级行政区 ≥ 50% 人口的工作、生活受到影响")
    for family in grading_rules():
        lines = threshold_lines(family.fact)
        assert len(lines) == 3 and not any("{" in line for line in lines), family.fact
        lines = threshold_lines(family.fact, lang="en")
        assert len(lines) == 3 and not any("{" in line for line in lines), family.fact
    assert threshold_lines("nonexistent") == []
    en = threshold_lines("cii_total_outage_hours", lang="en")
    assert en[0] == "Especially major: Critical information infrastructure totally out of " \
                    "operation for ≥ 6 h"
    assert en[1].endswith("≥ 1 h [one source only]")
    assert threshold_lines("population", lang="en")[2].startswith(
        "Relatively major: Work and life of ≥ 30% of the population")


@pytest.mark.parametrize(("minutes", "text"), [(10, "10 分钟"), (60, "1 小时"), (90, "1 小时 30 分钟"),
                                               (1440, "24 小时"), (0.5, "0.5 分钟")])
def test_format_minutes(minutes: float, text: str) -> None:
    assert format_minutes(minutes) == text
