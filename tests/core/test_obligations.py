"""Who must be told by when: time limits, recipients, timezones, year boundaries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from core_helpers import incident

from composer.core.classify import classification_json, classify
from composer.core.incident_io import parse_report
from composer.core.obligations import iso_duration


def judged(**overrides):
    return classify(parse_report(incident(**overrides)))


REPORTABLE = {"personal_info_leaked": 1_000_000}


def reports(c):
    return [o for o in c.duties.obligations if o.action == "report"]


@pytest.mark.parametrize(("kind", "extra", "limit", "to"), [
    ("cii", {"operator__protection_department": "国家能源局"}, 1, ["国家能源局", "公安机关"]),
    ("central_state_organ", {"operator__cac_office": "某部网信办"}, 2, ["某部网信办"]),
    ("other", {}, 4, ["浙江省网信办"]),
])
def test_time_limit_and_recipients_by_operator_kind(kind, extra, limit, to) -> None:
    c = judged(operator__kind=kind, impact_facts=REPORTABLE, **extra)
    rs = reports(c)
    assert [o.to for o in rs] == to
    assert all(o.within == timedelta(hours=limit) for o in rs)
    assert c.duties.first_due.due.isoformat() == f"2026-11-20T{9 + limit:02d}:30:00+08:00"


@pytest.mark.parametrize(("discovered", "kind", "due"), [
    # any offset in, +08:00 out
    ("2026-11-20T01:30:00+00:00", "other", "2026-11-20T13:30:00+08:00"),
    ("2026-11-19T20:30:00-05:00", "other", "2026-11-20T13:30:00+08:00"),
    # year boundary, in China time and from another zone
    ("2026-12-31T22:30:00+08:00", "other", "2027-01-01T02:30:00+08:00"),
    ("2026-12-31T23:30:00+08:00", "cii", "2027-01-01T00:30:00+08:00"),
    ("2026-12-31T20:00:00-05:00", "other", "2027-01-01T13:00:00+08:00"),
    ("2026-12-31T14:00:00+00:00", "other", "2027-01-01T02:00:00+08:00"),
    # leap day
    ("2028-02-28T22:00:00+08:00", "other", "2028-02-29T02:00:00+08:00"),
])
def test_due_is_discovery_plus_limit_in_china_time(discovered, kind, due) -> None:
    c = judged(operator__kind=kind, operator__protection_department="保护部门",
               incident__discovered_at=discovered, impact_facts=REPORTABLE)
    first = c.duties.first_due
    assert first.due.isoformat() == due
    assert first.due.utcoffset() == timedelta(hours=8)
    out = classification_json(c)
    assert out["obligations"][0]["due"] == due


def test_below_relatively_major_is_not_mandatory_but_says_so() -> None:
    c = judged(impact_assessed=True)    # settled: the unit says the rest does not apply
    assert not c.grading.reportable and c.settled
    assert c.duties.first_due is None and not c.duties.provisional
    assert not [o for o in c.duties.obligations if o.action == "report"]
    assert any("自愿报告" in n for n in c.duties.notes_zh)


def test_unknown_impact_is_pending_with_the_route_if_reportable() -> None:
    """Issue 18: nothing reaches 较大 and a fact that could is unknown: 待研判 — no duty yet,
    never "voluntary", and the reports due if it proves 较大 or above."""
    c = judged()
    assert not c.settled and not c.grading.reportable
    assert not any("自愿报告" in n for n in c.duties.notes_zh)
    assert any(n.startswith("级别待研判") for n in c.duties.notes_zh)
    (due,) = c.duties.provisional
    assert (due.to, due.within) == ("浙江省网信办", timedelta(hours=4))
    out = classification_json(c)
    assert out["settled"] is False and out["level"] == "general"
    assert out["level_zh"] == "待研判"          # never 一般 while unsettled
    assert out["provisional"][0]["to"] == "浙江省网信办" and out["obligations"] == []


@pytest.mark.parametrize(("facts", "settled"), [
    ({}, False),
    ({"personal_info_leaked": 999_999}, False),            # the rest still unknown
    ({"personal_info_leaked": 1_000_000}, True),           # reaches 较大
])
def test_settled_when_a_fact_reaches_or_the_unit_says_so(facts, settled) -> None:
    assert judged(impact_facts=facts).settled is settled
    assert judged(impact_facts=facts, impact_assessed=True).settled


def test_zero_counts_as_known() -> None:
    every = {"portal_outage": {"site": "other", "hours": 0},
             "population": {"region": "prefecture", "percent": 0},
             "people_services_affected": 0, "personal_info_leaked": 0, "direct_loss_yuan": 0,
             "defacement": {"site": "other", "homepage_hours": 0, "other_page_hours": 0,
                            "reposts": 0, "views": 0}}
    c = judged(impact_facts=every)
    # every fact given (0 is known); a judgement not given means "not applicable"
    assert [m.fact for m in c.grading.missing] == ["data_threat", "system_loss", "other_threat"]
    assert c.settled and not c.grading.reportable
    del every["direct_loss_yuan"]
    assert not judged(impact_facts=every).settled


def test_suspected_crime_adds_police_report_even_when_general() -> None:
    c = judged(incident__suspected_crime=True)
    assert [o.action for o in c.duties.obligations] == ["police_report"]
    assert c.duties.obligations[0].to == "公安机关"


def test_summary_report_due_30_calendar_days_after_handling() -> None:
    c = judged(impact_facts=REPORTABLE,
               incident__handling_completed_at="2026-12-15T10:00:00+08:00")
    summary = next(o for o in c.duties.obligations if o.action == "summary")
    assert summary.due.isoformat() == "2027-01-14T10:00:00+08:00"
    assert summary.within == timedelta(days=30)
    c = judged(impact_facts=REPORTABLE,
               incident__discovered_at="2028-02-10T10:00:00+08:00",
               incident__handling_completed_at="2028-02-15T09:00:00+00:00")
    summary = next(o for o in c.duties.obligations if o.action == "summary")
    assert summary.due.isoformat() == "2028-03-16T17:00:00+08:00"


def test_summary_without_handling_time_is_undated_and_listed_last() -> None:
    c = judged(impact_facts=REPORTABLE)
    actions = [o.action for o in c.duties.obligations]
    assert actions[0] == "report"
    assert {"supplement", "follow_up", "summary"} <= set(actions)
    assert all(o.due is None for o in c.duties.obligations[1:])


def test_supplement_only_when_items_3_to_8_are_missing() -> None:
    full = {f"incident__{k}": "已填写" for k in
            ("trend", "cause", "clues", "next_steps", "scene_preservation")}
    c = judged(impact_facts=REPORTABLE, **full)
    assert "supplement" not in [o.action for o in c.duties.obligations]
    c = judged(impact_facts=REPORTABLE, **{**full, "incident__cause": "  "})
    assert "supplement" in [o.action for o in c.duties.obligations]


def test_cii_of_central_organ_lists_both_routes_earliest_first() -> None:
    c = judged(operator__kind="central_state_organ", operator__cac_office="某部网信办",
               operator__protection_department="某部", impact_facts=REPORTABLE)
    rs = reports(c)
    assert [o.to for o in rs] == ["某部", "公安机关", "某部网信办"]
    assert c.duties.first_due.within == timedelta(hours=1)
    assert "最早" in rs[0].note_zh


def test_escalations_only_for_major_and_above() -> None:
    assert judged(impact_facts=REPORTABLE).duties.escalations == ()
    c = judged(impact_facts={"personal_info_leaked": 10_000_000})
    (e,) = c.duties.escalations
    assert e.by == "属地省级网信部门" and e.within == timedelta(hours=1)
    c = judged(operator__kind="cii", operator__protection_department="国家能源局",
               impact_facts={"cii_total_outage_hours": 6})
    assert c.duties.escalations[0].within == timedelta(minutes=30)


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(hours=4), "PT4H"), (timedelta(minutes=30), "PT30M"), (timedelta(days=30), "P30D"),
    (timedelta(minutes=90), "PT1H30M"), (timedelta(0), "PT0S")])
def test_iso_duration(delta, text) -> None:
    assert iso_duration(delta) == text


def test_unverified_level_shows_notice_in_json() -> None:
    out = classification_json(judged(impact_facts={"people_services_affected": 100_000}))
    assert out["level"] == "relatively_major" and out["needs_confirmation"] is True
    assert out["notice"].startswith("依据未核实，请对照原文")
    assert out["criteria"][0]["status"] == "single_source"
    assert out["criteria"][0]["guide"] == "guide-3-u-3"


def test_a_level_the_unit_confirmed_drops_the_notice() -> None:
    c = judged(impact_facts={"people_services_affected": 100_000},
               level_confirmed="relatively_major")
    out = classification_json(c)
    assert out["needs_confirmation"] is True and out["level_confirmed"] is True
    assert "notice" not in out and not c.unconfirmed
    # confirming another level than the one graded does not count
    c = judged(impact_facts={"people_services_affected": 100_000}, level_confirmed="major")
    assert c.unconfirmed and "notice" in classification_json(c)


def test_classify_json_names_the_guides_place_and_remarks() -> None:
    out = classification_json(judged(impact_facts={
        "cii_total_outage_hours": 1, "portal_outage": {"site": "other", "hours": 30}}))
    assert out["level"] == "major"
    assert out["criteria"][0]["guide"] == "guide-2-u-2"
    assert out["criteria"][0]["reason"].endswith("《指南》二、通常情况第2项")
    (remark,) = out["remarks"]
    assert remark["fact"] == "portal_outage" and "不适用" in remark["remark"]


def test_provisional_deadline_while_the_level_is_pending() -> None:
    from composer.core.obligations import provisional_first_due
    report = parse_report(incident(impact_facts={}))
    first = provisional_first_due(report)
    assert first is not None and first.due == report.incident.discovered_at + timedelta(hours=4)


def test_classify_lists_cii_facts_as_missing_only_for_cii_operators() -> None:
    other = classification_json(judged(impact_facts={}))
    assert not [m for m in other["missing"] if m["fact"].startswith("cii_")]
    cii = classification_json(judged(operator__kind="cii",
                                     operator__protection_department="国家能源局",
                                     impact_facts={}))
    assert {"cii_total_outage_hours", "cii_main_function_outage_hours"} <= {
        m["fact"] for m in cii["missing"]}
