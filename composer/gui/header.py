"""The always-visible header: report type, level, earliest deadline and a live countdown.

It only lays out what the core states (:func:`composer.core.statement.header_statements`: the
type, the level or 待研判 — the same rule on every page —, the deadline) and, once the incident
has recorded sendings, each report obligation separately (:mod:`composer.core.duty_status`: a
sending meets only its own recipient's; 12387 never stands in for a CII operator's protection
department and police).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from composer.core import flow
from composer.core.classify import Classification
from composer.core.drill import MARK as DRILL_MARK
from composer.core.duty_status import DutyState, duty_states, police_open, still_owed
from composer.core.history import SentReport
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ, Obligation, governing
from composer.core.statement import Statements, header_statements
from composer.core.stored_time import aware_time
from composer.core.validators import FUTURE_TOLERANCE
from composer.gui import i18n
from composer.gui.draft_model import DraftModel

if TYPE_CHECKING:
    from composer.core.submissions import Submission

STYLES = {
    "none": "background: #eeeeee; color: #222222;",
    "ok": "background: #e6f4ea; color: #0b5a1e;",
    "amber": "background: #fff4ce; color: #5c4300;",
    "red": "background: #fde7e9; color: #a4262c;",
    "sent": "background: #e8f0fe; color: #174ea6;",
    "question": "background: #fde7e9; color: #a4262c;",
}


def _moment(value: object) -> datetime | None:
    moment = aware_time(value)
    if moment is None:
        return None
    try:
        return moment.astimezone(CHINA_TZ)
    except (OverflowError, ValueError):   # year 9999 at −14:00: the validator reports it
        return None


class DeadlineHeader(QFrame):
    """Level and countdown to the earliest deadline, refreshed every second.

    ``state`` is "none" (nothing due), "ok", "amber" (< 25 % of the limit or < 30 min left),
    "red" (passed), "question" (the discovery time lies in the future: a typo, so no
    countdown can be trusted) or "sent" (the report was recorded as sent: when, how, on time
    or late);
    the text says it in words too, never by colour alone.
    ``clock`` is injectable for tests.
    """

    def __init__(self, model: DraftModel, clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deadline-header")
        self.model = model
        self.clock = clock or (lambda: datetime.now(CHINA_TZ))
        self.state = "none"
        self._classification: Classification | None = None
        self._said: Statements | None = None
        self._submission: Submission | None = None
        self._history: list[SentReport] = []
        self._discovered: datetime | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.level = QLabel()
        self.level.setObjectName("header-level")
        self.deadline = QLabel()
        self.deadline.setObjectName("header-deadline")
        self.deadline.setWordWrap(True)
        # two lines always: the header keeps its height (and the wizard its place) when the
        # text changes while a date is typed
        self.deadline.setMinimumHeight(2 * self.deadline.fontMetrics().lineSpacing())
        self.countdown = QLabel()
        self.countdown.setObjectName("header-countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = self.countdown.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.countdown.setFont(font)
        self.level.setFont(font)
        layout.addWidget(self.level)
        layout.addWidget(self.deadline, 1)
        layout.addWidget(self.countdown)
        self.setAccessibleName(self.tr("报告时限"))
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        model.changed.connect(self.recompute)
        self.recompute()

    def set_submission(self, submission: Submission | None) -> None:
        """The first recorded sending of this report (None: not sent yet)."""
        self._submission = submission
        self.tick()

    def set_history(self, history: list[SentReport]) -> None:
        """Every recorded sending of this incident (core/history.py): each report obligation
        is then shown met or still owed, by its own recipient."""
        self._history = list(history)
        self.tick()

    def recompute(self) -> None:
        draft = self.model.draft
        self._classification = c = draft.classification()
        report = draft.report()
        self._said = header_statements(report, c) if report is not None and c else None
        self._discovered = _moment(draft.get("incident.discovered_at"))
        rtype = draft.report_type
        fix = bool(draft.get("correction"))   # a 更正 (README: extensions)
        drill = f"{DRILL_MARK}·" if draft.drill else ""       # a drill (演练)
        kind = i18n.pick(f"〔{drill}{rtype.zh}{'（更正）' if fix else ''}〕",
                         f"[{'Drill · ' if drill else ''}{rtype.en}"
                         f"{', correction' if fix else ''}] ")
        if self._said is None:
            self.level.setText(kind + self.tr("定级：填写中"))
        else:   # the level as every output states it: 待研判 until settled, on every page
            level = self._said.level
            self.level.setText(kind + self.tr("定级：") + i18n.pick(level.text, level.en))
        self.tick()

    def _first_due(self) -> Obligation | None:
        """The dated obligation the countdown follows (while 待研判: the first report due if
        the incident proves 较大 or above)."""
        c = self._classification
        rtype = self.model.draft.report_type
        if c is None:
            return None
        if not c.settled:
            return (c.duties.provisional[0]
                    if rtype is ReportType.INITIAL and c.duties.provisional else None)
        return governing(rtype, c.duties)

    def _duties(self) -> tuple[DutyState, ...]:
        """Each report obligation met or owed. A drill's are rehearsed: its own (drill)
        sendings meet them, shown as 演练; a real report's never count a drill's."""
        c = self._classification
        if c is None or not self._history or self.model.draft.report_type is not \
                ReportType.INITIAL:
            return ()
        return duty_states(c, self._drill_history() if self.model.draft.drill
                           else self._history)

    def _drill_history(self) -> list[SentReport]:
        from dataclasses import replace

        return [replace(s, drill=False) for s in self._history if s.drill]

    def _drill_mark(self) -> str:
        return i18n.pick(f"〔{DRILL_MARK}〕", "[Drill] ") if self.model.draft.drill else ""

    def _statement_text(self, key: str) -> str:
        s = self._said.get(key) if self._said is not None else None
        return i18n.pick(s.text, s.en or s.text) if s is not None else ""

    def _police_line(self) -> str:
        c = self._classification
        if c is None or police_open(c) is None:
            return ""
        return "• " + self.tr("向公安机关报案：涉嫌违法犯罪，应及时报案（尚未报案）")

    def tick(self) -> None:
        c = self._classification
        first = self._first_due()
        states = self._duties()
        if states:
            self._show_duties(states)
        elif self._submission is not None:
            self.state = "sent"
            from composer.core.submissions import describe  # once a sending is recorded

            self.deadline.setText(self._drill_mark()
                                  + describe(self._submission, first, i18n.language()))
            self.countdown.setText("✔ " + self.tr("已报送"))
        elif (self._discovered is not None
              and self._discovered > self.clock() + FUTURE_TOLERANCE):
            # a typo in the discovery date would show a comfortable countdown: say it is in
            # question instead (the basic page says the same under the field)
            self.state = "question"
            self.deadline.setText(
                self.tr("发现时间 %1 晚于当前时间，请核对：报告时限从实际发现时间起算，"
                        "可能已经很紧迫。").replace(
                    "%1", self._discovered.strftime("%Y-%m-%d %H:%M")))
            self.countdown.setText("⚠ " + self.tr("时间存疑"))
        elif first is None or first.due is None:
            self.state = "none"
            said = self._statement_text("deadline") or self._statement_text("nature")
            if c is None:
                said = self.tr("填写完报告单位和事件基本情况后显示报告时限")
            self.deadline.setText("\n".join(t for t in (said or self.tr("无限期事项"),
                                                         self._police_line()) if t))
            self.countdown.setText("")
        else:
            self.deadline.setText("\n".join(t for t in (self._statement_text("deadline"),
                                                         self._police_line()) if t))
            self._countdown(first)
        self._style()

    def _countdown(self, due: Obligation) -> None:
        assert due.due is not None
        u = flow.urgency(self.clock(), due.due, due.within)
        self.state = u.state
        left = flow.format_remaining(u.remaining, i18n.pick("天", "d"))
        if u.state == "red":
            self.countdown.setText("✖ " + self.tr("已超时 %1").replace("%1", left))
        elif u.state == "amber":
            self.countdown.setText("⚠ " + self.tr("即将到期，剩余 %1").replace("%1", left))
        else:
            self.countdown.setText(self.tr("剩余 %1").replace("%1", left))

    def _show_duties(self, states: tuple[DutyState, ...]) -> None:
        """Each report obligation on a line of its own, met or still owed; the countdown runs
        to the earliest one still owed."""
        mark = self._drill_mark()
        lines = [mark + i18n.pick(st.zh, st.en) for st in states]
        police = self._police_line()
        if police:
            lines.append(police)
        note = still_owed(states, self._drill_history() if mark else self._history)
        if note is not None:
            lines.append(i18n.pick(*note))
        self.deadline.setText("\n".join(lines))
        owed = [st.obligation for st in states if not st.met and st.obligation.due is not None]
        if not owed:
            self.state = "sent"
            self.countdown.setText("✔ " + self.tr("已报送"))
        else:
            self._countdown(min(owed, key=lambda o: o.due or datetime.max))

    def _style(self) -> None:
        self.setStyleSheet("#deadline-header {" + STYLES[self.state] + "} QLabel {"
                           + STYLES[self.state].split(";")[1] + ";}")
        self.countdown.setAccessibleName(self.countdown.text())
