"""Issue 18, point 4: each report obligation is met only by a sending to its own recipient;
12387 never discharges a CII operator's duty to its protection department and the police."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta

import pytest
from core_helpers import example

from composer.core.classify import classify
from composer.core.duty_status import duty_states, still_owed
from composer.core.history import INTAKE, SentReport
from composer.core.incident_io import parse_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.owed import owed
from composer.core.rules import RuleDataError, parse_reporting
from composer.resources import read_json

CII_DUE = datetime(2026, 11, 19, 3, 10, tzinfo=CHINA_TZ)    # cii example: 02:10 + 1 h


def _sent(recipient: str, minutes_before: int = 20, **kw) -> SentReport:
    return SentReport(ReportType.INITIAL, CII_DUE - timedelta(minutes=minutes_before), "email",
                      recipient, draft_id=1, **kw)


def _cii():
    report = parse_report(example("cii-grid-outage.json"))
    return report, classify(report)


def test_an_email_to_12387_does_not_discharge_a_cii_operators_duties():
    report, c = _cii()
    history = [_sent(INTAKE)]
    states = duty_states(c, history)
    assert [(s.obligation.recipient, s.met) for s in states] == [
        ("protection_department", False), ("public_security", False)]
    zh, en = still_owed(states, history)
    assert zh == ("已向 12387 受理平台报送，但这不代替向国家能源局、公安机关报告（《办法》第四条）："
                  "本单位仍须向国家能源局、公安机关报告。")
    assert "does not stand in" in en
    items = owed(report, c, set(), history)
    assert [o.kind for o in items][:2] == ["report:protection_department",
                                           "report:public_security"]
    assert items[0].due == CII_DUE and "12387" in items[0].zh


def test_each_recipient_is_met_only_by_its_own_sending():
    report, c = _cii()
    history = [_sent("protection_department", 30), _sent(INTAKE, 25),
               _sent("public_security", -5)]      # 5 minutes late
    states = duty_states(c, history)
    assert [s.met for s in states] == [True, True]
    assert states[0].zh == ("✔ 向国家能源局报告：2026-11-19 02:40 已报送（电子邮件 "
                            "12387@cert.org.cn，按时）")
    assert states[1].late_by == timedelta(minutes=5) and "迟报 5 分钟" in states[1].zh
    assert still_owed(states, history) is None
    assert not [o for o in owed(report, c, set(), history) if o.kind.startswith("report:")]


def test_a_drill_or_a_follow_up_never_meets_the_first_report():
    _, c = _cii()
    history = [_sent("protection_department", drill=True),
               SentReport(ReportType.FOLLOW_UP, CII_DUE, "fax", "public_security", draft_id=2)]
    assert [s.met for s in duty_states(c, history)] == [False, False]


def test_the_intake_reaches_the_provincial_cac_office():
    report = parse_report(example("ransomware-retailer.json"))
    c = classify(report)
    (state,) = duty_states(c, [SentReport(ReportType.INITIAL, datetime(
        2026, 11, 18, 17, 40, tzinfo=CHINA_TZ), "fax", INTAKE, draft_id=1)])
    assert state.met and state.late_by is None


def test_a_central_organ_needs_its_own_cyberspace_body():
    report = parse_report(example("central-organ-leak.json"))
    (state,) = duty_states(classify(report), [SentReport(
        ReportType.INITIAL, datetime(2026, 11, 20, 17, 0, tzinfo=CHINA_TZ), "email", INTAKE)])
    assert not state.met


def test_police_report_stays_owed_while_open():
    data = example("ransomware-retailer.json")
    data["incident"]["suspected_crime"] = True
    report = parse_report(data)
    c = classify(report)
    kinds = [o.kind for o in owed(report, c, {ReportType.INITIAL})]
    assert "police_report" in kinds
    data["incident"]["police_report"] = {"status": "reported",
                                         "at": "2026-11-18T16:00:00+08:00"}
    report = parse_report(data)
    assert "police_report" not in [o.kind for o in owed(report, classify(report),
                                                        {ReportType.INITIAL})]


def test_whether_12387_counts_is_rule_data_checked_by_the_loader():
    data = read_json("rules/reporting.json")
    recipients = {r["id"]: r for route in data["routes"] for r in route["recipients"]}
    assert recipients["provincial_cac"]["intake_counts"] is True
    assert all("intake_counts" not in r for i, r in recipients.items() if i != "provincial_cac")
    bad = copy.deepcopy(data)
    bad["routes"][0]["recipients"][0]["intake_counts"] = "yes"
    with pytest.raises(RuleDataError, match="intake_counts: must be true or false"):
        parse_reporting(bad)


def test_the_calendar_has_an_event_for_each_obligation_still_owed():
    import icalendar

    from composer.render.ics import calendar_ics

    data = example("cii-grid-outage.json")
    data["incident"]["suspected_crime"] = True
    report = parse_report(data)
    c = classify(report)
    items = owed(report, c, set(), [_sent(INTAKE)])
    cal = icalendar.Calendar.from_ical(calendar_ics(report, items, now=CII_DUE))
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any("向国家能源局报告：尚未报送" in s for s in summaries)
    assert any("向公安机关报告：尚未报送" in s for s in summaries)
    assert any("向公安机关报案" in s for s in summaries)
    assert len({str(e["UID"]) for e in cal.walk("VEVENT")}) == len(summaries)
