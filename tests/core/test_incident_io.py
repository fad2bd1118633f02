"""Strict loading of composer-incident/1: every problem at once, with its JSON path."""

from __future__ import annotations

import json
from datetime import UTC, timedelta

import pytest
from core_helpers import DELETE, EXAMPLES, example, incident

from composer.core.incident_io import (
    InvalidIncident,
    credit_code_problem,
    dump_report,
    dumps_report,
    load_report,
    loads_report,
    parse_report,
    save_report,
)
from composer.core.model import Level, OperatorKind, ReportType


def problems(data) -> dict[str, str]:
    with pytest.raises(InvalidIncident) as info:
        parse_report(data)
    return {p.path: p.message for p in info.value.problems}


def _with_check(base17: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(base17, weights, strict=True))
    return base17 + alphabet[(31 - total % 31) % 31]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*-*.json")))
def test_examples_load_and_round_trip(name: str) -> None:
    report = load_report(EXAMPLES / name)
    again = loads_report(dumps_report(report))
    assert again == report
    assert dump_report(again) == dump_report(report)


def test_round_trip_keeps_every_field(tmp_path) -> None:
    data = incident(
        report_type="summary",
        operator__credit_code=_with_check("91330100MA2XXXXX0"),
        incident__occurred_at="2026-11-20T08:00:00+08:00",
        incident__handling_completed_at="2026-11-22T18:00:00+08:00",
        incident__category="ransomware",
        incident__ransom={"amount": "3 BTC", "method": "比特币", "demanded_at": "2026-11-20T09:00:00+00:00"},
        incident__suspected_crime=True,
        **{f"incident__{k}": f"{k} 文本" for k in (
            "systems", "location", "description", "impact", "measures", "trend", "cause", "clues",
            "next_steps", "support_requested", "scene_preservation", "other", "accountability",
            "remediation", "lessons")},
        impact_facts={
            "cii_total_outage_hours": 0.5, "cii_main_function_outage_hours": 1,
            "portal_outage": {"site": "key_news", "hours": 3},
            "population": {"region": "province", "percent": 12.5},
            "people_services_affected": 10, "personal_info_leaked": 20, "direct_loss_yuan": 30,
            "defacement": {"site": "central_news", "homepage_hours": 1, "other_page_hours": 2,
                           "reposts": 3, "views": 4, "authority_ruling": "major"},
            "data_threat": "serious", "system_loss": "relatively_serious",
            "other_threat": "especially_serious"})
    report = parse_report(data)
    assert dump_report(report) == data
    path = tmp_path / "x.json"
    save_report(report, path)
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert load_report(path) == report
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]  # no temp file left behind


def test_level_confirmed_extension_round_trips_and_is_checked() -> None:
    report = parse_report(incident(level_confirmed="major"))
    assert report.level_confirmed is Level.MAJOR
    assert dump_report(report)["level_confirmed"] == "major"
    assert "level_confirmed" not in dump_report(parse_report(incident()))
    assert problems(incident(level_confirmed="huge")) == {
        "level_confirmed": "must be one of especially_major, major, relatively_major, general"}


def test_unknown_keys_are_errors_everywhere() -> None:
    found = problems(incident(extra=1, operator__nmae="x", incident__titel="y",
                              impact_facts={"direct_loss": 5}))
    assert found == {
        "extra": "unknown key (check the spelling)",
        "operator.nmae": "unknown key (check the spelling)",
        "incident.titel": "unknown key (check the spelling)",
        "impact_facts.direct_loss": "unknown key (check the spelling)",
    }


def test_all_problems_reported_at_once() -> None:
    found = problems(incident(
        format="composer-incident/2", operator__kind="company", operator__contact={"name": ""},
        incident__discovered_at="2026-11-20T09:30:00", incident__title=DELETE,
        impact_facts={"direct_loss_yuan": -1, "personal_info_leaked": 1.5,
                      "population": {"region": "city", "percent": 120}}))
    assert set(found) == {
        "format", "operator.kind", "operator.contact.name", "operator.contact.phone",
        "incident.title", "incident.discovered_at", "impact_facts.direct_loss_yuan",
        "impact_facts.personal_info_leaked", "impact_facts.population.region",
        "impact_facts.population.percent"}
    assert found["operator.kind"] == "must be one of cii, central_state_organ, other"
    assert "UTC offset" in found["incident.discovered_at"]
    assert "negative" in found["impact_facts.direct_loss_yuan"]
    assert "whole number" in found["impact_facts.personal_info_leaked"]
    assert "at most 100" in found["impact_facts.population.percent"]


@pytest.mark.parametrize(("kind", "field"), [("other", "operator.province"),
                                             ("cii", "operator.protection_department"),
                                             ("central_state_organ", "operator.cac_office")])
def test_recipient_required_per_operator_kind(kind: str, field: str) -> None:
    found = problems(incident(operator__kind=kind, operator__province=DELETE))
    assert field in found and "is required" in found[field]


def test_types_are_checked() -> None:
    found = problems(incident(operator__name=5, incident__suspected_crime="yes",
                              impact_facts={"cii_total_outage_hours": True,
                                            "data_threat": "huge", "portal_outage": [1]}))
    assert found["operator.name"] == "must be a string, got a number"
    assert found["incident.suspected_crime"] == "must be true or false, got a string"
    assert found["impact_facts.cii_total_outage_hours"] == "must be a number, got a boolean"
    assert found["impact_facts.data_threat"].startswith("must be one of especially_serious")
    assert found["impact_facts.portal_outage"] == "must be an object, got an array"


def test_times_need_an_offset_and_any_offset_is_kept() -> None:
    assert "UTC offset" in problems(incident(incident__discovered_at="2026-11-20"))[
        "incident.discovered_at"]
    assert "ISO 8601" in problems(incident(incident__discovered_at="yesterday"))[
        "incident.discovered_at"]
    report = parse_report(incident(incident__discovered_at="2026-11-20T01:30:00Z"))
    assert report.incident.discovered_at.utcoffset() == timedelta(0)


def test_time_order_is_checked() -> None:
    found = problems(incident(incident__occurred_at="2026-11-20T10:00:00+08:00",
                              incident__handling_completed_at="2026-11-19T10:00:00+08:00"))
    assert set(found) == {"incident.occurred_at", "incident.handling_completed_at"}


def test_summary_needs_handling_completed_at() -> None:
    found = problems(incident(report_type="summary"))
    assert "incident.handling_completed_at" in found


def test_ransom_only_for_ransomware_and_category_checked() -> None:
    found = problems(incident(incident__ransom={"amount": "1"}, incident__category="phishing"))
    assert found["incident.category"].startswith("must be one of malware, ransomware")
    found = problems(incident(incident__ransom={"amount": "1"}))
    assert found == {"incident.ransom": "only applies to category ransomware"}


def test_credit_code_checksum() -> None:
    good = _with_check("91110108MA01XXXX1")
    assert credit_code_problem(good) is None
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert "checksum" in credit_code_problem(bad)
    assert "18 characters" in credit_code_problem("123")
    assert "not allowed" in credit_code_problem("91110108MA01XXXXIO")
    found = problems(incident(operator__credit_code=bad))
    assert "checksum" in found["operator.credit_code"]
    # lower case is accepted and normalised
    assert parse_report(incident(operator__credit_code=good.lower())).operator.credit_code == good


def test_contact_phone_and_email_checked() -> None:
    found = problems(incident(operator__contact={"name": "张三", "phone": "call me",
                                                 "email": "not-an-address"}))
    assert set(found) == {"operator.contact.phone", "operator.contact.email"}
    ok = parse_report(incident(operator__contact={"name": "张三", "phone": "+86 10 6666-8888 转 123"}))
    assert ok.operator.contact.email is None


def test_bad_json_and_encoding_and_non_object() -> None:
    with pytest.raises(InvalidIncident) as info:
        loads_report(b'{"format": ')
    assert info.value.problems[0].path == "$"
    assert "line 1" in info.value.problems[0].message
    with pytest.raises(InvalidIncident) as info:
        loads_report(b"\xff\xfe")
    assert "UTF-8" in info.value.problems[0].message
    with pytest.raises(InvalidIncident) as info:
        loads_report("[1, 2]")
    assert info.value.problems[0].message == "must be a JSON object, got an array"
    with pytest.raises(InvalidIncident) as info:
        loads_report('{"format": NaN}')
    assert "NaN" in info.value.problems[0].message


def test_defaults() -> None:
    report = parse_report(incident(report_type=DELETE, impact_facts=DELETE))
    assert report.report_type is ReportType.INITIAL
    assert report.operator.kind is OperatorKind.OTHER
    assert report.incident.suspected_crime is False


def test_example_expectations_file_is_consistent() -> None:
    expected = example("expected.json")
    assert set(expected) == {p.name for p in EXAMPLES.glob("*-*.json")}


def test_times_in_the_future_are_warnings_not_errors() -> None:
    from datetime import datetime, timedelta

    from composer.core.validators import FUTURE_TIME, timing_warnings

    report = parse_report(incident(incident__discovered_at="2027-11-20T09:30:00+08:00",
                                   incident__occurred_at="2027-11-20T09:00:00+08:00"))
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    found = timing_warnings(report, now)
    assert [(p.path, p.message) for p in found] == [
        ("incident.discovered_at", FUTURE_TIME), ("incident.occurred_at", FUTURE_TIME)]
    # a few minutes ahead (another workstation's clock) is not flagged
    soon = parse_report(incident(incident__discovered_at=(now + timedelta(minutes=4)).isoformat()))
    assert timing_warnings(soon, now) == []


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite() -> None:
    text = json.dumps(incident(), ensure_ascii=False)
    text = text.replace('"title": "测试事件"', '"title": "测试事件", "title": "另一个"')
    with pytest.raises(InvalidIncident) as info:
        loads_report(text)
    assert [str(p) for p in info.value.problems] == ["$: key 'title' appears twice in one object"]
