"""The app's header says what the outputs say (issue 18): the report type, the level or
待研判 — the same on every page, settled only by the facts or 「其余影响均不涉及」 — the
deadline, and once sendings are recorded each report obligation by its own recipient."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import EXAMPLES, click_next
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from composer.core.classify import classify
from composer.core.draft import Draft
from composer.core.flow import Step
from composer.core.incident_io import load_report
from composer.core.obligations import CHINA_TZ
from composer.core.statement import HEADER, statements
from composer.core.validators import InvalidIncident
from composer.gui.draft_model import DraftModel
from composer.gui.header import DeadlineHeader

FUZZ = Path(__file__).resolve().parents[1] / "data" / "fuzz"


def _valid() -> list[Path]:
    out = []
    for path in sorted(EXAMPLES.glob("*-*.json")) + sorted(FUZZ.glob("*.json")):
        try:
            load_report(path)
        except InvalidIncident:
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("path", _valid(), ids=lambda p: p.name)
def test_header_carries_its_statements(qtbot, path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    header = DeadlineHeader(DraftModel(Draft(data=data)),     # after every discovery time
                            clock=lambda: datetime(2101, 2, 1, tzinfo=CHINA_TZ))
    qtbot.addWidget(header)
    report = load_report(path)
    said = statements(report, classify(report))
    shown = header.level.text() + header.deadline.text()
    carried = [s for s in said if s.carried_by(HEADER)]
    assert {s.key for s in carried} >= {"type", "level"}
    for s in carried:
        assert s.text in shown, s.key


def test_empty_impact_page_says_pending_until_the_unit_settles_it(qtbot, window):
    assert window.open_file(EXAMPLES / "phishing-general.json")
    wiz = window.wizard
    wiz.go_to(int(Step.IMPACT))
    page = wiz.pages[Step.IMPACT]
    assert wiz.currentId() == Step.IMPACT
    header = window.header
    assert "定级：待研判" in header.level.text() and "一般" not in header.level.text()
    assert "如为较大以上事件，应于2026-11-21 14:00（北京时间）前报送江苏省网信办" in \
        header.deadline.text()
    live = window.findChild(QLabel, "live-level").text()
    assert "待研判" in live and "其余影响均不涉及" in live
    box = window.findChild(QCheckBox, "impact_assessed")
    assert box is not None and box.text() == "其余影响均不涉及"
    from PySide6.QtWidgets import QScrollArea
    page.findChild(QScrollArea).ensureWidgetVisible(box)
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton,   # on its box, as a user clicks
                     pos=box.rect().topLeft() + QPoint(8, box.height() // 2))
    assert window.model.draft.get("impact_assessed") is True
    assert "定级：一般" in header.level.text() and "自愿报告" in header.deadline.text()
    click_next(qtbot, wiz)           # the grading page says the same
    assert "一般" in window.findChild(QLabel, "grading-level").text()
    assert page is wiz.pages[Step.IMPACT]


def test_cii_obligations_after_an_email_to_12387(qtbot, window, storage):
    """One e-mail to 12387 does not discharge the protection department's or the police's
    report: the header and 后续事项 show each obligation, and what the unit still owes."""
    assert window.open_file(EXAMPLES / "cii-grid-outage.json")
    draft_id = window.model.draft.id
    storage.record_submission(draft_id, "email",
                              datetime(2026, 11, 19, 2, 50, tzinfo=CHINA_TZ))
    window.show_submission()
    window.outputs.sending.update_sent()         # as recording a sending does (gui/sending.py)
    header = window.header
    lines = header.deadline.text().splitlines()
    assert lines[:2] == ["✖ 向国家能源局报告：尚未报送（截止 2026-11-19 03:10）",
                         "✖ 向公安机关报告：尚未报送（截止 2026-11-19 03:10）"]
    assert "不代替向国家能源局、公安机关报告" in lines[-1]
    assert header.state != "sent" and "已报送" not in header.countdown.text()
    window.wizard.go_to(int(Step.PREVIEW))
    cards = window.wizard.pages[Step.PREVIEW].channels
    cards.setCurrentIndex(cards.count() - 1)
    qtbot.waitUntil(lambda: cards.owed_text.isVisible())
    owed = cards.owed_text.text()
    assert "向国家能源局报告：尚未报送" in owed and "向公安机关报告：尚未报送" in owed
    assert "截止 2026-11-19 03:10（北京时间）" in owed
