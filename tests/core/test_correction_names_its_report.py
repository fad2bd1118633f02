"""Issue 18, point 3: a 更正 names the report it corrects and what changed, and takes the
timeliness of that report — a correction of an on-time report is never 迟报."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from core_helpers import example, incident

from composer.core.classify import classify
from composer.core.correction import changes, corrected_sending
from composer.core.draft import (
    Draft,
    correction_draft,
    derived_draft,
    draft_from_json,
    draft_to_json,
)
from composer.core.history import INTAKE, SentReport
from composer.core.incident_io import dumps_report, loads_report, parse_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ, lateness
from composer.core.statement import statements
from composer.core.validators import InvalidIncident

DUE = datetime(2026, 11, 18, 18, 5, tzinfo=CHINA_TZ)            # ransomware example: 14:05 + 4 h
ON_TIME = datetime(2026, 11, 18, 17, 24, tzinfo=CHINA_TZ)
LATER = DUE + timedelta(hours=3)


def _correction(**top):
    data = example("ransomware-retailer.json")
    data.update(correction=True, **top)
    return parse_report(data)


def test_a_correction_of_an_on_time_report_is_never_late():
    report = _correction(corrects={"sent_at": ON_TIME.isoformat(), "channel": "email",
                                   "reference": "A-17"})
    c = classify(report)
    assert lateness(report, c.duties, LATER) is None     # its own time does not count
    said = statements(report, c, generated_at=LATER)
    assert said.get("late") is None and said.get("delay_reason") is None and not said.late
    assert said.text("timeliness") == ("本报告为更正报告，时效以原报告为准：原报告于2026-11-18 17:24"
                                       "（北京时间）报送，在时限内。")
    assert said.text("corrects") == ("本报告更正2026-11-18 17:24（北京时间）经电子邮件 "
                                     "12387@cert.org.cn报送的首报（受理编号：A-17）。")
    assert said.headline == ("更正报告",)


def test_a_correction_of_a_late_report_states_that_lateness_and_asks_why():
    report = _correction(corrects={"sent_at": (DUE + timedelta(minutes=5)).isoformat()})
    said = statements(report, classify(report), generated_at=LATER)
    assert "迟报 5 分钟" in said.text("timeliness") and said.text("delay_reason") == "未说明"
    assert said.late


def test_a_correction_that_does_not_say_when_the_original_went_is_not_called_late():
    report = _correction()                      # an older file: correction only
    said = statements(report, classify(report), generated_at=LATER)
    assert said.get("late") is None and said.get("delay_reason") is None
    assert said.text("corrects") == "本报告更正此前报送的首报。"
    assert said.text("timeliness") == "本报告为更正报告，时效以原报告为准。"


def test_correction_note_and_corrects_round_trip():
    report = _correction(corrects={"sent_at": ON_TIME.isoformat(), "channel": "传真（机要）"},
                         correction_note="更正事件地点。")
    again = loads_report(dumps_report(report))
    assert again == report and again.corrects.channel == "传真（机要）"
    assert statements(again, classify(again)).text("correction_note") == "更正事件地点。"
    assert "corrects" not in json.loads(dumps_report(parse_report(example(
        "ransomware-retailer.json"))))       # old files: unchanged


@pytest.mark.parametrize(("top", "path", "message"), [
    ({"corrects": {"sent_at": "2026-11-18 17:24"}, "correction": True}, "corrects.sent_at",
     "needs a"),
    ({"corrects": {"sent_at": ON_TIME.isoformat()}}, "corrects", "only applies to a correction"),
    ({"correction_note": "x"}, "correction_note", "only applies to a correction"),
    ({"corrects": {"channel": "a\nb"}, "correction": True}, "corrects.channel", "single line"),
    ({"corrects": {"via": "fax"}, "correction": True}, "corrects.via", "unknown key"),
    ({"corrects": "yesterday", "correction": True}, "corrects", "must be an object"),
    ({"impact_assessed": "yes"}, "impact_assessed", "must be true or false"),
    ({"correction_note": 5, "correction": True}, "correction_note", "must be a string"),
])
def test_bad_extension_keys_name_their_path(top, path, message):
    data = incident()
    data.update(top)
    with pytest.raises(InvalidIncident) as info:
        parse_report(data)
    assert [p.path for p in info.value.problems] == [path], info.value.problems
    assert message in info.value.problems[0].message


def test_the_app_names_the_sending_and_lists_each_changed_field():
    parent = Draft(data=example("ransomware-retailer.json"))
    parent.id = 7
    history = [SentReport(ReportType.INITIAL, ON_TIME, "email", INTAKE, reference="A-17",
                          draft_id=7),
               SentReport(ReportType.INITIAL, ON_TIME - timedelta(minutes=9), "fax", INTAKE,
                          draft_id=7, drill=True),            # a drill never counts
               SentReport(ReportType.INITIAL, ON_TIME + timedelta(minutes=3), "fax", INTAKE,
                          draft_id=7)]
    first = corrected_sending(history, 7)
    assert first is not None and first.channel == "email"
    fix = correction_draft(parent, first)
    fix.set("incident.location", "杭州市西湖区")
    fix.set("impact_facts.personal_info_leaked", 1_300_000)
    report = fix.report()
    assert [(c.label, c.old, c.new) for c in report.changes] == [
        ("事件地点", "", "杭州市西湖区"), ("个人信息泄露人数", "1,200,000", "1,300,000")]
    said = statements(report, classify(report), generated_at=LATER)
    assert [s.text for s in said.prefixed("change.")] == [
        "事件地点：（未填写） → 杭州市西湖区", "个人信息泄露人数：1,200,000 → 1,300,000"]
    assert said.get("late") is None and "在时限内" in said.text("timeliness")
    # stored and read back (the app's autosave): what it corrects stays with it
    fix.id = 8
    back = draft_from_json(json.loads(json.dumps(draft_to_json(fix))), id=8, parent_id=7)
    assert back.report().changes == report.changes
    # a follow-up of the correction is not one itself and carries none of it
    follow = derived_draft(back, ReportType.FOLLOW_UP).report()
    assert not follow.correction and follow.corrects is None and not follow.changes


def test_changes_compare_along_the_field_list():
    old = example("ransomware-retailer.json")
    new = json.loads(json.dumps(old))
    assert changes(old, new) == ()
    new["incident"]["category"] = "malware"
    new["incident"]["discovered_at"] = "2026-11-18T06:05:00+00:00"    # the same moment
    new["correction"] = True                                           # not a content change
    assert [(c.path, c.old, c.new) for c in changes(old, new)] == [
        ("incident.category", "勒索病毒事件（恶意程序）", "恶意程序事件")]
