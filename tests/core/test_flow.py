"""The wizard's flow as a pure function: every branch, completeness, urgency."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from composer.core import flow
from composer.core.draft import Draft, new_draft
from composer.core.flow import Step

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"

TZ = timezone(timedelta(hours=8))


def example(name: str) -> Draft:
    return Draft(data=json.loads((EXAMPLES / name).read_text(encoding="utf-8")))


def test_full_path_order():
    d = example("phishing-general.json")
    assert flow.path_of(d) == list(flow.ORDER)


def test_fast_path_skips_handling():
    d = example("ransomware-retailer.json")
    d.fast_path = True
    assert flow.next_step(Step.RECIPIENTS, d) is Step.PREVIEW
    assert Step.HANDLING not in flow.path_of(d)


def test_fast_path_not_for_summary():
    d = example("ransomware-retailer.json")
    d.fast_path = True
    d.data["report_type"] = "summary"
    assert not flow.fast_path_allowed(d)
    assert flow.next_step(Step.RECIPIENTS, d) is Step.HANDLING


@pytest.mark.parametrize("step, expected", [
    (Step.PROFILE, Step.BASIC), (Step.BASIC, Step.IMPACT), (Step.IMPACT, Step.GRADING),
    (Step.GRADING, Step.RECIPIENTS), (Step.RECIPIENTS, Step.HANDLING),
    (Step.HANDLING, Step.PREVIEW), (Step.PREVIEW, None)])
def test_next_step_each(step, expected):
    assert flow.next_step(step, new_draft()) == expected


def test_path_of_upto():
    assert flow.path_of(new_draft(), Step.IMPACT) == [Step.PROFILE, Step.BASIC, Step.IMPACT]


def test_ransom_items_only_for_ransomware():
    assert flow.shows_ransom_items(example("ransomware-retailer.json"))
    assert not flow.shows_ransom_items(example("phishing-general.json"))
    assert not flow.shows_ransom_items(new_draft())


def test_step_problems_partition():
    d = new_draft()
    d.set("operator.name", "某公司")
    d.set("impact_facts.population.percent", 120)
    d.set("incident.handling_completed_at", "yesterday")
    assert {p.path for p in flow.step_problems(Step.PROFILE, d)} == {
        "operator.kind", "operator.contact"}
    assert [p.path for p in flow.step_problems(Step.BASIC, d)] == [
        "incident.title", "incident.handling_completed_at"]
    assert [p.path for p in flow.step_problems(Step.IMPACT, d)] == [
        "impact_facts.population.region", "impact_facts.population.percent"]
    assert flow.step_problems(Step.HANDLING, d) == []
    assert len(flow.step_problems(Step.PREVIEW, d)) == len(d.problems())


def test_completeness_walk():
    d = new_draft()
    assert not flow.is_complete(Step.PROFILE, d)
    assert flow.first_incomplete(d) is Step.PROFILE
    d.data["operator"] = {"name": "某公司", "kind": "other", "province": "浙江省",
                          "contact": {"name": "张三", "phone": "13800138000"}}
    assert flow.is_complete(Step.PROFILE, d)
    assert not flow.is_complete(Step.BASIC, d)
    assert not flow.is_complete(Step.GRADING, d)  # needs a valid report
    d.set("incident.title", "测试事件")
    assert flow.is_complete(Step.BASIC, d) and flow.is_complete(Step.IMPACT, d)
    assert flow.is_complete(Step.GRADING, d)  # general: nothing to confirm
    assert flow.first_incomplete(d) is Step.PREVIEW


def test_grading_needs_confirmation_of_unverified_level():
    d = example("ransomware-retailer.json")
    d.set("impact_facts.personal_info_leaked", None)
    d.set("impact_facts.people_services_affected", 150_000)  # 较大 on one source only
    c = d.classification()
    assert c.grading.level.value == "relatively_major" and c.grading.needs_confirmation
    assert flow.needs_level_confirmation(d)
    assert not flow.is_complete(Step.GRADING, d)
    d.confirmed_level = "relatively_major"
    assert flow.is_complete(Step.GRADING, d)
    d.set("impact_facts.defacement", {"site": "key_news", "other_page_hours": 13})
    # now 重大 (12 h on other pages: one source only): confirm again
    assert not flow.is_complete(Step.GRADING, d)


def test_confirmed_example_needs_no_confirmation():
    d = example("ransomware-retailer.json")  # 1.2 M leaked: confirmed 较大
    assert not flow.needs_level_confirmation(d)


def test_summary_shows_handling_completed():
    d = example("ransomware-retailer.json")
    assert not flow.shows_handling_completed(d)
    d.data["report_type"] = "summary"
    assert flow.shows_handling_completed(d)


DUE = datetime(2026, 11, 20, 13, 30, tzinfo=TZ)
FOUR_H = timedelta(hours=4)


@pytest.mark.parametrize("left, state", [
    (timedelta(hours=3), "ok"),
    (timedelta(hours=1, minutes=1), "ok"),
    (timedelta(minutes=59), "amber"),            # < 25 % of 4 h
    (timedelta(minutes=29), "amber"),
    (timedelta(seconds=1), "amber"),
    (timedelta(0), "red"),
    (-timedelta(minutes=5), "red"),
])
def test_urgency_four_hours(left, state):
    assert flow.urgency(DUE - left, DUE, FOUR_H).state == state


def test_urgency_one_hour_limit_uses_30_minutes():
    one = timedelta(hours=1)
    assert flow.urgency(DUE - timedelta(minutes=31), DUE, one).state == "ok"
    assert flow.urgency(DUE - timedelta(minutes=29), DUE, one).state == "amber"


def test_format_remaining():
    assert flow.format_remaining(timedelta(hours=3, minutes=4, seconds=5)) == "3:04:05"
    assert flow.format_remaining(-timedelta(minutes=1)) == "0:01:00"
    assert flow.format_remaining(timedelta(days=29, seconds=1)) == "29 天 0:00:01"
    assert flow.format_remaining(timedelta(days=2), "d") == "2 d 0:00:00"


def test_governing_obligation_by_report_type():
    from composer.core.model import ReportType
    from composer.core.obligations import governing

    d = example("ransomware-retailer.json")
    duties = d.classification().duties
    assert governing(ReportType.INITIAL, duties) is duties.first_due
    assert governing(ReportType.FOLLOW_UP, duties) is None
    assert governing(ReportType.SUMMARY, duties) is None  # handling end unknown
    d.data["report_type"] = "summary"
    d.set("incident.handling_completed_at", "2026-11-20T18:00:00+08:00")
    summary = governing(ReportType.SUMMARY, d.classification().duties)
    assert summary.action == "summary" and summary.due.isoformat() == "2026-12-20T18:00:00+08:00"


def test_summary_items_show_for_summary_reports_or_when_filled():
    from composer.core.draft import Draft

    assert not flow.shows_summary_items(Draft(data={"report_type": "initial"}))
    assert flow.shows_summary_items(Draft(data={"report_type": "summary"}))
    assert flow.shows_summary_items(Draft(data={"incident": {"lessons": "x"}}))


def test_operator_kind_decides_the_relevant_questions():
    d = new_draft()
    assert flow.operator_runs_cii(d) is None and flow.asks_cii_facts(d)
    assert not any(flow.shows_recipient_field(p, d) for p in flow.RECIPIENT_FIELDS)
    d.set("operator.kind", "other")
    assert flow.operator_runs_cii(d) is False and not flow.asks_cii_facts(d)
    assert flow.shows_recipient_field("operator.province", d)
    assert not flow.shows_recipient_field("operator.cac_office", d)
    d.set("impact_facts.cii_total_outage_hours", 2)   # given anyway: shown, so it can be cleared
    assert flow.asks_cii_facts(d)
    d.set("operator.kind", "central_state_organ")
    assert flow.operator_runs_cii(d) is False
    d.set("operator.protection_department", "某保护工作部门")
    assert flow.operator_runs_cii(d) is True


def test_level_is_pending_on_every_page_until_settled():
    """Issue 18 (replaces "pending until the impact page was seen"): looking at an empty
    impact page settles nothing; facts or the unit's statement do."""
    from composer.core.draft import draft_from_json, draft_to_json
    d = example("phishing-general.json")
    for step in Step:
        d.enter_step(step)
        assert d.classification().settled is False, step
    back = draft_from_json({**draft_to_json(d), "impact_seen": True})   # an older stored draft
    assert back.classification().settled is False
    d.set("impact_facts.direct_loss_yuan", 5_000_000)                 # reaches 较大
    assert d.classification().settled
    d.set("impact_facts.direct_loss_yuan", None)
    d.set("impact_assessed", True)                                    # 其余影响均不涉及
    assert d.classification().settled and not d.classification().grading.reportable
