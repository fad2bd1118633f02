"""A drill's sendings (issue 24): recorded in the same chain, marked 演练 whatever path records
them, never meeting an obligation of the unit; new records carry the incident's facts and the
sending's own deadline, and old records' verification is unchanged; a summary file finds its
recorded incident (``composer render``) only by the record's facts."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from composer.core.classify import classify
from composer.core.draft import Draft, derived_draft
from composer.core.duty_status import duty_states
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.owed import order_reports, owed
from composer.core.record_match import sendings_of
from composer.core.storage import Storage

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
GRID = datetime(2026, 11, 19, 2, 10, tzinfo=CHINA_TZ)


def _draft(name: str, **top) -> Draft:
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    data.update(top)
    return Draft(data=data)


def test_a_drills_sending_is_a_drill_whatever_path_records_it(tmp_path) -> None:
    store = Storage(tmp_path / "composer.sqlite3")
    drill = _draft("cii-grid-outage.json", drill=True)
    store.save_draft(drill)
    assert drill.id is not None
    # the storage API itself: no argument says "drill", and none can say "not a drill"
    store.record_submission(drill.id, "email", GRID + timedelta(minutes=20),
                            recipient="protection_department")
    # a follow-up whose file lost the mark is still a report of a drill
    follow = derived_draft(drill, ReportType.FOLLOW_UP)
    follow.data.pop("drill")
    store.save_draft(follow)
    assert follow.id is not None and not follow.drill
    store.record_submission(follow.id, "fax", GRID + timedelta(hours=2),
                            recipient="public_security")
    records = store.records()
    assert [r.body.get("drill") for r in records] == [True, True]
    history = store.history(drill.id)
    assert [s.drill for s in history] == [True, True]
    c = classify(drill.report())
    assert [st.met for st in duty_states(c, history)] == [False, False]   # none is met
    assert owed(drill.report(), c, set(), history) == []     # nothing sent: nothing "after"
    assert store.verify_records().ok
    store.close()


def test_new_records_carry_the_incidents_facts_and_own_deadline(tmp_path) -> None:
    store = Storage(tmp_path / "composer.sqlite3")
    grid = _draft("cii-grid-outage.json")
    store.save_draft(grid)
    assert grid.id is not None
    store.record_submission(grid.id, "other", GRID + timedelta(minutes=70),
                            recipient="public_security", due=GRID + timedelta(hours=1))
    (rec,) = store.records()
    assert rec.body["incident"] == {
        "unit": "北方电网调度中心", "title": "调度自动化系统整体中断", "category": "network_attack",
        "category_zh": "网络攻击事件", "level": "especially_major", "level_zh": "特别重大",
        "discovered_at": "2026-11-19T02:10:00+08:00"}
    assert rec.body["deadline"] == {
        "at": "2026-11-19T03:10:00+08:00", "within": "PT1H", "basis": "Measures art. 4",
        "to": "公安机关", "provisional": False}
    (sent,) = store.history(grid.id)
    assert sent.due == GRID + timedelta(hours=1) and sent.recipient == "public_security"
    assert store.verify_records().ok
    store.close()


def test_a_pending_reports_record_says_so(tmp_path) -> None:
    store = Storage(tmp_path / "composer.sqlite3")
    phish = _draft("phishing-general.json")
    store.save_draft(phish)
    assert phish.id is not None
    store.record_submission(phish.id, "email", datetime(2026, 11, 21, 11, 0, tzinfo=CHINA_TZ))
    (rec,) = store.records()
    assert rec.body["incident"]["level"] == "pending"
    assert rec.body["incident"]["level_zh"] == "待研判"
    assert rec.body["deadline"]["provisional"] is True
    store.close()


def test_an_unsent_drill_is_not_sorted_among_real_deadlines(tmp_path) -> None:
    store = Storage(tmp_path / "composer.sqlite3")
    drill = _draft("cii-grid-outage.json", drill=True)           # due 03:10: the earliest
    real = _draft("ransomware-retailer.json")                    # due 2026-11-18 18:05
    later = _draft("central-organ-leak.json")                    # due 2026-11-20 18:45
    for d in (drill, real, later):
        store.save_draft(d)
    ordered = order_reports(store, store.list_drafts())
    assert [d.id for d in ordered] == [real.id, later.id, drill.id]
    assert ordered[-1].drill
    store.close()


def test_a_summary_file_finds_its_recorded_incident(tmp_path) -> None:
    store = Storage(tmp_path / "composer.sqlite3")
    grid = _draft("cii-grid-outage.json")
    store.save_draft(grid)
    drill = _draft("cii-grid-outage.json", drill=True)
    store.save_draft(drill)
    assert grid.id is not None and drill.id is not None
    store.record_submission(grid.id, "email", GRID + timedelta(minutes=30),
                            recipient="protection_department")
    store.record_submission(drill.id, "email", GRID + timedelta(minutes=40))
    follow = derived_draft(grid, ReportType.FOLLOW_UP)
    follow.set("incident.title", "调度自动化系统整体中断（续）")     # the title may change
    store.save_draft(follow)
    assert follow.id is not None
    store.record_submission(follow.id, "fax", GRID + timedelta(days=1))
    records = store.records()
    summary = derived_draft(grid, ReportType.SUMMARY)
    summary.set("incident.handling_completed_at", "2026-11-25T10:00:00+08:00")
    report = summary.report()
    assert report is not None
    found = sendings_of(records, report)
    assert found is not None and [s.record_seq for s in found] == [1, 3]   # not the drill's
    drill_summary = derived_draft(drill, ReportType.SUMMARY)
    drill_summary.set("incident.handling_completed_at", "2026-11-25T10:00:00+08:00")
    assert [s.record_seq for s in sendings_of(records, drill_summary.report())] == [2]
    other = _draft("ransomware-retailer.json", report_type="summary")
    other.set("incident.handling_completed_at", "2026-11-25T10:00:00+08:00")
    assert sendings_of(records, other.report()) is None
    store.close()
