"""Grading under the Guide: every criterion at, just below and just above its threshold."""

from __future__ import annotations

from typing import Any

import pytest
from core_helpers import incident

from composer.core.grading import UNVERIFIED_NOTICE, format_minutes, grade, threshold_lines
from composer.core.incident_io import parse_report
from composer.core.model import ImpactFacts, Level
from composer.core.rules import Check, Family, grading_rules

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


# The numbers of REGULATION.md, restated independently of the rule data so that a data typo fails.
REGULATION = [
    ({"cii_total_outage_hours": 6}, EM), ({"cii_total_outage_hours": 5.99}, M),
    ({"cii_total_outage_hours": 2}, M), ({"cii_total_outage_hours": 1.99}, RM),
    ({"cii_total_outage_hours": 10 / 60}, RM), ({"cii_total_outage_hours": 9 / 60}, G),
    ({"cii_main_function_outage_hours": 24}, EM), ({"cii_main_function_outage_hours": 23.9}, M),
    ({"cii_main_function_outage_hours": 6}, M), ({"cii_main_function_outage_hours": 0.5}, RM),
    ({"cii_main_function_outage_hours": 0.49}, G),
    ({"portal_outage": {"site": "provincial_portal", "hours": 24}}, EM),
    ({"portal_outage": {"site": "central_news", "hours": 24}}, EM),
    ({"portal_outage": {"site": "prefectural_portal", "hours": 30}}, M),
    ({"portal_outage": {"site": "provincial_portal", "hours": 6}}, M),
    ({"portal_outage": {"site": "prefectural_portal", "hours": 2}}, RM),
    ({"portal_outage": {"site": "key_news", "hours": 1.9}}, G),
    ({"population": {"region": "province", "percent": 50}}, EM),
    ({"population": {"region": "province", "percent": 49}}, RM),
    ({"population": {"region": "prefecture", "percent": 50}}, M),
    ({"population": {"region": "prefecture", "percent": 100}}, M),
    ({"population": {"region": "prefecture", "percent": 30}}, RM),
    ({"population": {"region": "prefecture", "percent": 29.9}}, G),
    ({"people_services_affected": 10_000_000}, EM), ({"people_services_affected": 9_999_999}, M),
    ({"people_services_affected": 1_000_000}, M), ({"people_services_affected": 100_000}, RM),
    ({"people_services_affected": 99_999}, G),
    ({"personal_info_leaked": 100_000_000}, EM), ({"personal_info_leaked": 10_000_000}, M),
    ({"personal_info_leaked": 1_000_000}, RM), ({"personal_info_leaked": 999_999}, G),
    ({"direct_loss_yuan": 100_000_000}, EM), ({"direct_loss_yuan": 20_000_000}, M),
    ({"direct_loss_yuan": 5_000_000}, RM), ({"direct_loss_yuan": 4_999_999}, G),
    ({"defacement": {"site": "central_news", "homepage_hours": 6}}, EM),
    ({"defacement": {"site": "other", "homepage_hours": 6}}, M),
    ({"defacement": {"site": "super_large_platform", "other_page_hours": 24}}, EM),
    ({"defacement": {"site": "provincial_portal", "reposts": 100_000}}, EM),
    ({"defacement": {"site": "provincial_portal", "views": 1_000_000}}, EM),
    ({"defacement": {"homepage_hours": 2}}, M), ({"defacement": {"other_page_hours": 12}}, M),
    ({"defacement": {"reposts": 10_000}}, M), ({"defacement": {"views": 100_000}}, M),
    ({"defacement": {"homepage_hours": 0.5}}, RM), ({"defacement": {"other_page_hours": 2}}, RM),
    ({"defacement": {"reposts": 1_000}}, RM), ({"defacement": {"views": 10_000}}, RM),
    ({"defacement": {"reposts": 999, "views": 9_999, "homepage_hours": 0.49}}, G),
    ({"defacement": {"authority_ruling": "especially_major"}}, EM),
    ({"defacement": {"authority_ruling": "relatively_major"}}, RM),
    ({"data_threat": "serious"}, M), ({"system_loss": "relatively_serious"}, RM),
    ({"other_threat": "especially_serious"}, EM),
    ({}, G),
]


@pytest.mark.parametrize(("data", "level"), REGULATION)
def test_regulation_numbers(data: dict[str, Any], level: Level) -> None:
    assert grade(facts(data)).level is level


def test_highest_criterion_wins_and_all_fired_are_listed_highest_first() -> None:
    g = grade(facts({"personal_info_leaked": 1_200_000, "cii_total_outage_hours": 7,
                     "direct_loss_yuan": 30_000_000}))
    assert g.level is EM
    assert [c.id for c in g.criteria] == ["cii_total_outage", "direct_loss", "personal_info_leak"]
    assert [c.level for c in g.criteria] == [EM, M, RM]


def test_reason_quotes_fact_and_threshold() -> None:
    g = grade(facts({"cii_total_outage_hours": 0.75}))
    assert g.criteria[0].reason == "关键信息基础设施整体中断运行 45 分钟（≥ 10 分钟）"
    assert g.criteria[0].reason_en == (
        "Critical information infrastructure totally out of operation for 45 min (≥ 10 min)")
    g = grade(facts({"personal_info_leaked": 1_200_000}))
    assert g.criteria[0].reason == "公民个人信息泄露 1,200,000 人（≥ 1,000,000 人）"
    assert g.criteria[0].reason_en == (
        "Personal information of 1,200,000 people leaked (≥ 1,000,000 people)")


def test_level_resting_on_draft_numbers_needs_confirmation() -> None:
    g = grade(facts({"direct_loss_yuan": 6_000_000}))  # 较大 only by a draft number
    assert g.level is RM and g.needs_confirmation and g.confirmed_level is G
    g = grade(facts({"direct_loss_yuan": 6_000_000, "personal_info_leaked": 1_000_000}))
    assert g.level is RM and not g.needs_confirmation
    g = grade(facts({"direct_loss_yuan": 25_000_000, "personal_info_leaked": 1_000_000}))
    assert g.level is M and g.needs_confirmation and g.confirmed_level is RM
    assert UNVERIFIED_NOTICE == "依据未核实，请对照原文"


def test_confirmed_test_preferred_as_reason_when_several_meet() -> None:
    g = grade(facts({"defacement": {"site": "central_news", "homepage_hours": 7,
                                    "other_page_hours": 30}}))
    assert g.level is EM and g.criteria[0].status == "confirmed"
    assert "首页" in g.criteria[0].reason and not g.needs_confirmation


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
    assert "〔仅见于征求意见稿〕" in lines[1] and "≥ 2 小时" in lines[1]
    assert "≥ 10 分钟" in lines[2] and "〔单一来源〕" in lines[2]
    assert len(threshold_lines("defacement")) == 3
    assert threshold_lines("population")[0] == (
        "特别重大：一个或多个省级行政区 ≥ 50% 人口的工作和生活受到影响")
    for family in grading_rules():
        lines = threshold_lines(family.fact)
        assert len(lines) == 3 and not any("{" in line for line in lines), family.fact
        lines = threshold_lines(family.fact, lang="en")
        assert len(lines) == 3 and not any("{" in line for line in lines), family.fact
    assert threshold_lines("nonexistent") == []
    en = threshold_lines("cii_total_outage_hours", lang="en")
    assert en[0] == "Especially major: Critical information infrastructure totally out of " \
                    "operation for ≥ 6 h"
    assert en[1].endswith("≥ 2 h [2023 draft only]")
    assert threshold_lines("population", lang="en")[2].startswith(
        "Relatively major: Work and life of ≥ 30% of the population")


@pytest.mark.parametrize(("minutes", "text"), [(10, "10 分钟"), (60, "1 小时"), (90, "1 小时 30 分钟"),
                                               (1440, "24 小时"), (0.5, "0.5 分钟")])
def test_format_minutes(minutes: float, text: str) -> None:
    assert format_minutes(minutes) == text
