"""The 台账 (issue 24): one row per report sent, every value from the chained record — the
new records' incident facts and own deadlines, older records' kept package, else 不详 — a
drill's sendings only when asked for and marked, the year's figures, and nothing taken from
the editable drafts."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from ledger_scene import GRID, SHOP, build

from composer.core.ledger import UNKNOWN, ledger_rows, ledger_summary
from composer.core.obligations import CHINA_TZ
from composer.core.records import all_records
from composer.core.storage import Storage


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    try:
        yield build(tmp_path_factory.mktemp("ledger") / "data", mp)
    finally:
        mp.undo()


def _rows(scene, **kw):
    store = Storage(scene.database)
    try:
        return ledger_rows(store.records(), scene.database.parent, **kw)
    finally:
        store.close()


def test_one_row_per_real_sending_with_the_right_timeliness(scene) -> None:
    rows = _rows(scene)
    assert [r.report_type for r in rows] == ["首报", "首报", "首报", "首报", "更正（首报）", "续报",
                                             "总结报告"]
    assert not any(r.drill for r in rows)
    by_type = {(r.report_type, r.recipient): r for r in rows if r.unit == "北方电网调度中心"}
    pd = by_type[("首报", "保护工作部门（国家能源局）")]
    police = by_type[("首报", "公安机关")]
    assert (pd.timeliness, pd.minutes_late) == ("按时", -20)
    assert (police.timeliness, police.minutes_late) == ("迟报 35 分钟", 35) and police.late
    assert pd.deadline == police.deadline == datetime(2026, 11, 19, 3, 10, tzinfo=CHINA_TZ)
    assert pd.deadline_note == "《办法》第四条，发现后 1 小时内，报送国家能源局"
    assert police.deadline_note.endswith("报送公安机关")
    fix = by_type[("更正（首报）", "12387 受理平台")]
    assert fix.timeliness == "原报告按时" and fix.deadline_note.startswith("更正：时效以原报告为准")
    follow = by_type[("续报", "保护工作部门（国家能源局）")]
    assert follow.timeliness == "无固定时限" and follow.minutes_late is None
    summary = by_type[("总结报告", "保护工作部门（国家能源局）")]
    assert summary.deadline == datetime(2027, 1, 19, 18, 0, tzinfo=CHINA_TZ)
    assert summary.timeliness == "按时" and "处置结束后 30 日内" in summary.deadline_note
    for r in by_type.values():            # the incident's facts, from the record itself
        assert (r.incident_title, r.category, r.level, r.discovered_at, r.source) == (
            "调度自动化系统整体中断", "网络攻击事件", "特别重大", GRID, "记录")
    assert police.receipt == "受理编号 GA-2026-77；接收人 张警官"
    assert len(police.sha256) == 64 and police.seq == 2


def test_older_records_take_the_facts_from_the_kept_package_or_say_unknown(scene) -> None:
    shop = [r for r in _rows(scene) if r.incident == scene.shop]
    kept, fax = shop
    assert kept.source == "所存材料包" and kept.unit == "华东优选零售有限公司"
    assert (kept.category, kept.level, kept.discovered_at) == ("勒索病毒事件（恶意程序）", "较大",
                                                               SHOP)
    assert kept.incident_title == "会员系统遭勒索病毒攻击"
    assert (kept.timeliness, fax.timeliness) == ("按时", "迟报 1 小时")   # the older `due`
    assert fax.source == UNKNOWN and fax.unit == fax.category == fax.level == UNKNOWN
    assert fax.discovered_at is None
    assert fax.incident_title == "会员系统遭勒索病毒攻击"      # the record's own title


def test_a_drill_is_left_out_unless_asked_for_and_then_marked(scene) -> None:
    assert not [r for r in _rows(scene) if r.incident == scene.drill]
    drills = [r for r in _rows(scene, drills=True) if r.drill]
    assert len(drills) == 1 and drills[0].incident == scene.drill
    assert drills[0].report_type == "【演练】首报" and drills[0].timeliness == "迟报 1 小时"
    real = ledger_summary([r for r in _rows(scene, drills=True) if not r.drill])
    assert real == ledger_summary(_rows(scene))         # a drill changes no real figure


def test_the_year_is_the_year_sent_in_china(scene) -> None:
    assert [r.report_type for r in _rows(scene, year=2027)] == ["总结报告"]
    assert len(_rows(scene, year=2026)) == 6 and _rows(scene, year=2025) == []


def test_the_summary_counts_incidents_and_reports(scene) -> None:
    s = ledger_summary(_rows(scene))
    assert s.incidents == 2 and s.reports == 7
    assert dict(s.by_level) == {"特别重大": 1, "较大": 1}    # as last known (not the fax's 不详)
    assert dict(s.by_category) == {"网络攻击事件": 1, "勒索病毒事件（恶意程序）": 1}
    assert (s.timed, s.on_time, s.late) == (5, 3, 2)
    assert (s.follow_ups, s.corrections, s.no_deadline) == (1, 1, 0)


def test_nothing_comes_from_the_editable_drafts(scene, tmp_path) -> None:
    """A draft's title and facts changed behind Composer's back (SQL) change no row."""
    before = _rows(scene, drills=True)
    copy = tmp_path / "copy.sqlite3"
    src = sqlite3.connect(scene.database)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.execute("UPDATE drafts SET title='篡改', body=replace(body, '北方电网', '南方电网')")
    dst.commit()
    records = all_records(dst)
    dst.close()
    after = ledger_rows(records, scene.database.parent, drills=True)
    assert after == before
