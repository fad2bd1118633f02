"""The always-visible header: level and the live countdown's colour states (in words too)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from gui_helpers import EXAMPLES

from composer.core.draft import Draft
from composer.gui.draft_model import DraftModel
from composer.gui.header import STYLES, DeadlineHeader

DUE = datetime.fromisoformat("2026-11-18T18:05:00+08:00")  # discovered 14:05 + 4 h


def make(qtbot, now):
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    clock = {"now": now}
    header = DeadlineHeader(DraftModel(Draft(data=data)), clock=lambda: clock["now"])
    qtbot.addWidget(header)
    return header, clock


def test_states_ok_amber_red(qtbot):
    header, clock = make(qtbot, DUE - timedelta(hours=3))
    assert header.state == "ok"
    assert header.countdown.text() == "剩余 3:00:00"
    assert "较大" in header.level.text() and "首报" in header.level.text()
    assert "浙江省网信办" in header.deadline.text() and "2026-11-18 18:05" in header.deadline.text()
    clock["now"] = DUE - timedelta(minutes=50)  # < 25 % of 4 h
    header.tick()
    assert header.state == "amber" and header.countdown.text() == "⚠ 即将到期，剩余 0:50:00"
    assert STYLES["amber"] in header.styleSheet()
    clock["now"] = DUE + timedelta(minutes=12, seconds=3)
    header.tick()
    assert header.state == "red" and header.countdown.text() == "✖ 已超时 0:12:03"
    assert STYLES["red"] in header.styleSheet()
    assert header.countdown.accessibleName() == header.countdown.text()


def test_timer_ticks_every_second(qtbot):
    header, clock = make(qtbot, DUE - timedelta(minutes=61))
    assert header.timer.interval() == 1000 and header.timer.isActive()
    assert header.state == "ok"
    clock["now"] = DUE - timedelta(minutes=59)
    qtbot.waitUntil(lambda: header.state == "amber", timeout=2500)


def test_general_incident_has_no_deadline(qtbot):
    data = json.loads((EXAMPLES / "phishing-general.json").read_text(encoding="utf-8"))
    data["impact_assessed"] = True      # 其余影响均不涉及: settled 一般
    header = DeadlineHeader(DraftModel(Draft(data=data)))
    qtbot.addWidget(header)
    assert header.state == "none" and header.countdown.text() == ""
    assert "一般事件" in header.deadline.text() and "自愿报告" in header.deadline.text()


def test_pending_level_is_not_general_on_any_page(qtbot):
    """Nothing known of the impact: 待研判 and the deadline if it turns out reportable — on
    every page (issue 18: opening the empty impact page used to turn it into 一般)."""
    data = json.loads((EXAMPLES / "phishing-general.json").read_text(encoding="utf-8"))
    header = DeadlineHeader(DraftModel(Draft(data=data)),
                            clock=lambda: datetime.fromisoformat("2026-11-21T10:30:00+08:00"))
    qtbot.addWidget(header)
    for step in range(7):
        header.model.set_step(step)
        assert "待研判" in header.level.text() and "一般" not in header.level.text(), step
        assert "如为较大以上事件" in header.deadline.text() and header.countdown.text()
    header.model.set("impact_assessed", True)
    assert "一般" in header.level.text() and "一般事件" in header.deadline.text()


def test_follows_draft_changes(qtbot):
    header, _ = make(qtbot, DUE - timedelta(hours=3))
    header.model.set("impact_facts.personal_info_leaked", 20_000_000)
    assert "重大" in header.level.text()
    header.model.set("operator.name", None)
    assert "填写中" in header.level.text() and header.state == "none"


def test_a_future_discovery_time_puts_the_time_in_question(qtbot):
    header, clock = make(qtbot, DUE - timedelta(hours=3))
    header.model.set("incident.discovered_at", "2099-11-18T14:05:00+08:00")
    assert header.state == "question" and "时间存疑" in header.countdown.text()
    assert "剩余" not in header.countdown.text() and "2099-11-18 14:05" in header.deadline.text()
    clock["now"] = datetime.fromisoformat("2099-11-18T14:06:00+08:00")  # the time comes
    header.tick()
    assert header.state != "question"
