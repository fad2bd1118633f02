"""The hotline phone script, the copy-ready form fields and the calendar of what is owed."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from composer.core import spoken
from composer.core.classify import classify
from composer.core.incident_io import loads_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.owed import due_key, owed
from composer.core.rules import category, reporting_rules
from composer.core.statement_items import RANSOM_CLAUSE
from composer.render.ics import calendar_ics
from composer.render.script import READING_RATE, build_script, script_pdf, script_text, spoken_time
from composer.render.webform import ITEM_TITLES, all_fields_text, report_fields

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
NAMES = sorted(p.name for p in EXAMPLES.glob("*.json") if p.name != "expected.json")


def _report(name, **incident):
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    data["incident"].update(incident)
    report = loads_report(json.dumps(data).encode())
    return report, classify(report)


def _said(script):
    return "\n".join(script.said_lines)


@pytest.mark.parametrize("name", NAMES)
def test_the_script_says_every_item_1_2_fact(name):
    report, c = _report(name)
    said = _said(build_script(report, c))
    op, inc, f = report.operator, report.incident, report.impact_facts
    level = c.grading.level.zh if c.settled else "待研判"
    facts = [op.name, op.contact.name, spoken.digits(op.contact.phone), op.kind.zh, inc.title,
             spoken_time(inc.discovered_at), category(inc.category).zh, f"事件级别：{level}"]
    facts += [v for v in (op.province, op.protection_department, op.cac_office, inc.systems,
                          inc.location, inc.description, inc.impact, inc.measures) if v]
    if inc.ransom:
        facts += [inc.ransom.amount, inc.ransom.method, spoken_time(inc.ransom.demanded_at)]
    if f.personal_info_leaked:     # people, as the rule data counts them (issue 18: not 条)
        facts.append(spoken.about(f.personal_info_leaked) + "人")
    if f.people_services_affected:
        facts.append(spoken.about(f.people_services_affected) + "人")
    if f.direct_loss_yuan:
        facts.append(spoken.about(f.direct_loss_yuan) + "元")
    if f.cii_total_outage_hours:
        facts.append(spoken.hours_text(f.cii_total_outage_hours))
    for fact in facts:
        assert fact in said, fact
    due = c.duties.first_due
    if c.grading.reportable:
        assert spoken_time(due.due) in said
    # the unit and contact come first, then item 1, then item 2
    assert said.index(op.contact.name) < said.index(op.kind.zh) < said.index(inc.title)


def test_the_ransomware_figures_are_said_as_on_the_phone():
    report, c = _report("ransomware-retailer.json")
    said = _said(build_script(report, c))
    assert "个人信息泄露人数约一百二十万人" in said and "约八十万元" in said
    assert "万条" not in said
    assert "1,200,000" not in said


@pytest.mark.parametrize("name", NAMES)
def test_the_script_reads_in_about_two_minutes(name):
    script = build_script(*_report(name))
    assert 100 < script.spoken_chars <= READING_RATE * 2.5
    assert f"{script.spoken_chars} 字" in script_text(script)


def test_only_official_numbers_appear():
    report, c = _report("ransomware-retailer.json")
    text = script_text(build_script(report, c))
    ch = reporting_rules().channels
    assert ch.hotline in text and ch.email in text and ch.fax in text
    numbers = set(__import__("re").findall(r"\d{3,}-?\d+", text))
    allowed = {"12387", "010-82992387", "010-66668888", "12387@cert"}
    assert numbers <= allowed | {"66668888"}, numbers - allowed


def test_script_pdf_has_the_script_and_the_record_sheet():
    report, c = _report("ransomware-retailer.json")
    when = datetime(2026, 11, 18, 15, 0, tzinfo=CHINA_TZ)
    pdf = script_pdf(build_script(report, c), generated_at=when)
    assert pdf == script_pdf(build_script(report, c), generated_at=when)
    reader = PdfReader(io.BytesIO(pdf))
    last = reader.pages[-1].extract_text()
    for row in ("电话报告记录单", "通话时间", "拨打号码", "接听人姓名", "受理编号", "对方询问的问题"):
        assert row in last
    assert "约一百二十万人" in "".join(p.extract_text() for p in reader.pages).replace("\n", "")


def test_fields_follow_the_measures_and_carry_no_markup():
    report, c = _report("ransomware-retailer.json", location="杭州市<机房>&")
    fields = report_fields(report, c)
    # the law's words; item 2 of a ransomware report with its ransom clause
    assert [f.title for f in fields] == [ITEM_TITLES[0], ITEM_TITLES[1] + RANSOM_CLAUSE,
                                         *ITEM_TITLES[2:]]
    item2 = fields[1].text
    assert "杭州市<机房>&" in item2 and "&lt;" not in item2 and "<b>" not in item2
    for needle in ("2026-11-18 14:05", "勒索病毒", "事件级别：较大", "3 BTC", "比特币转账至指定钱包"):
        assert needle in item2
    assert "华东优选零售有限公司" in fields[0].text and "刘洋" in fields[0].text
    assert fields[2].text == "待补报"
    everything = all_fields_text(fields)
    for f in fields:
        assert f"{f.title}\n{f.text}" in everything


def test_what_is_owed_after_an_initial_report():
    report, c = _report("ransomware-retailer.json")
    assert owed(report, c, set()) == []
    items = owed(report, c, {ReportType.INITIAL})
    assert [o.kind for o in items] == ["summary", "supplement", "follow_up"]
    assert all(o.due is None for o in items)
    report, c = _report("ransomware-retailer.json",
                        handling_completed_at="2026-11-25T10:00:00+08:00",
                        trend="x", cause="x", clues="x", next_steps="x",
                        scene_preservation="x")
    items = owed(report, c, {ReportType.INITIAL})
    assert [o.kind for o in items] == ["summary", "follow_up"]
    assert items[0].due == datetime(2026, 12, 25, 10, 0, tzinfo=CHINA_TZ)
    assert owed(report, c, {ReportType.INITIAL, ReportType.SUMMARY}) == []


def test_reports_sort_by_what_is_due_next():
    unsent, c1 = _report("cii-grid-outage.json")
    sent, c2 = _report("ransomware-retailer.json",
                       handling_completed_at="2026-11-25T10:00:00+08:00")
    keys = [due_key(sent, c2, {ReportType.INITIAL}, True), due_key(unsent, c1, set(), False),
            due_key(*_report("phishing-general.json"), {ReportType.INITIAL}, True)]
    assert sorted(keys) == [keys[1], keys[0], keys[2]]


def test_the_calendar_parses_and_its_times_are_right_in_china_time():
    report, c = _report("ransomware-retailer.json",
                        handling_completed_at="2026-11-25T02:00:00+00:00")   # 10:00 in China
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    data = calendar_ics(report, owed(report, c, {ReportType.INITIAL}), now=now)
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 3
    summary = next(e for e in events if "总结报告" in str(e["SUMMARY"]))
    end = summary.decoded("DTEND")
    assert end.utcoffset() == timedelta(hours=8)
    assert end == datetime(2026, 12, 25, 10, 0, tzinfo=CHINA_TZ)
    assert end.strftime("%H:%M") == "10:00"
    triggers = [a.decoded("TRIGGER") for a in summary.walk("VALARM")]
    assert timedelta(days=-1) in triggers
    reminder = next(e for e in events if "续报" in str(e["SUMMARY"]))
    start = reminder.decoded("DTSTART")
    assert start.utcoffset() == timedelta(hours=8) and (start.day, start.hour) == (26, 9)
    assert "无固定时限" in str(reminder["DESCRIPTION"])
    assert len(list(cal.walk("VTIMEZONE"))) == 1
    assert len({str(e["UID"]) for e in events}) == 3


def test_calendar_alarms_fire_at_their_offsets_before_the_deadline_itself():
    """The event runs the last half hour before the deadline; its reminders count back from
    the deadline (DTEND), not from DTSTART (a "2 hours before" that fired 2.5 h before)."""
    report, c = _report("ransomware-retailer.json",
                        handling_completed_at="2026-11-25T02:00:00+00:00")
    data = calendar_ics(report, owed(report, c, {ReportType.INITIAL}),
                        now=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    cal = icalendar.Calendar.from_ical(data)
    summary = next(e for e in cal.walk("VEVENT") if "总结报告" in str(e["SUMMARY"]))
    due = summary.decoded("DTEND")
    assert summary.decoded("DTSTART") < due
    fired = sorted(a.trigger for a in icalendar.Alarms(summary).times)
    assert fired == [due - timedelta(days=7), due - timedelta(days=1), due - timedelta(hours=2)]
    assert b"TRIGGER;RELATED=END:-PT2H" in data
