"""Art. 7 items 1–2 on the fast path, the police report statement, and their file extensions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from core_helpers import incident

from composer.core import art7
from composer.core.classify import classify
from composer.core.incident_io import dump_report, loads_report, parse_report
from composer.core.validators import InvalidIncident

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def ransomware(**incident_keys):
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["incident"].update(incident_keys)
    return parse_report(data)


def test_items_1_2_need_every_part_given_or_marked() -> None:
    r = ransomware()
    assert [p.key for p in art7.missing_parts(r)] == ["location"]
    assert not art7.reports_first_two_items(r)
    r = ransomware(not_yet_known=["location"])
    assert art7.items_1_2_complete(r) and art7.reports_first_two_items(r)
    assert art7.marked_unknown(r, "location")
    r = ransomware(location="杭州", ransom={"amount": "3 BTC"})
    assert [p.key for p in art7.missing_parts(r)] == ["ransom.method", "ransom.demanded_at"]
    r = ransomware(location="杭州", cause="弱口令")       # item 4 given: not "items 1–2 first"
    assert art7.items_1_2_complete(r) and not art7.reports_first_two_items(r)


def test_ransom_parts_only_for_ransomware() -> None:
    r = parse_report(incident(incident__category="network_attack", incident__systems="OA",
                              incident__location="北京", incident__impact="中断",
                              incident__measures="隔离"))
    assert art7.items_1_2_complete(r)


def test_old_files_with_only_suspected_crime_still_load() -> None:
    r = ransomware(suspected_crime=True)
    assert r.incident.police_report is None
    assert art7.crime_statements(r) == ("事件涉嫌违法犯罪。",)
    actions = [o.action for o in classify(r).duties.obligations]
    assert "police_report" in actions


@pytest.mark.parametrize(("police", "text"), [
    ({"status": "not_yet"}, "尚未向公安机关报案。"),
    ({"status": "reported", "at": "2026-11-18T07:10:00Z", "to": "杭州市公安局"},
     "已于 2026-11-18 15:10（北京时间）向杭州市公安局报案。"),
    ({"status": "reported", "at": "2026-11-18T15:10:00+08:00"},
     "已于 2026-11-18 15:10（北京时间）向公安机关报案。"),
])
def test_police_report_statement_is_exactly_what_was_said(police, text) -> None:
    r = ransomware(suspected_crime=True, police_report=police)
    assert art7.crime_statements(r) == ("事件涉嫌违法犯罪。", text)
    assert parse_report(dump_report(r)) == r
    actions = [o.action for o in classify(r).duties.obligations]
    assert ("police_report" in actions) is (police["status"] == "not_yet")


@pytest.mark.parametrize(("keys", "path"), [
    ({"police_report": {"status": "maybe"}}, "incident.police_report.status"),
    ({"police_report": {"status": "reported", "to": "x"}}, "incident.police_report.at"),
    ({"police_report": {"status": "not_yet", "at": "2026-11-18T15:10:00+08:00"}},
     "incident.police_report"),
    ({"police_report": {"status": "reported", "at": "2026-11-18T15:10:00+08:00", "by": "x"}},
     "incident.police_report.by"),
    ({"not_yet_known": ["location", "location"]}, "incident.not_yet_known[1]"),
    ({"not_yet_known": ["cause"]}, "incident.not_yet_known[0]"),
    ({"not_yet_known": "location"}, "incident.not_yet_known"),
    ({"delay_reason": 5}, "incident.delay_reason"),
])
def test_bad_extensions_name_the_field(keys, path) -> None:
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["incident"].update(keys)
    with pytest.raises(InvalidIncident) as info:
        parse_report(data)
    assert path in [p.path for p in info.value.problems]


def test_extensions_round_trip() -> None:
    r = ransomware(not_yet_known=["ransom.method", "location"], delay_reason="系统断电")
    assert r.incident.not_yet_known == ("location", "ransom.method")   # the Art. 7 order
    text = json.dumps(dump_report(r), ensure_ascii=False)
    assert loads_report(text) == r
