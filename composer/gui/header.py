"""The always-visible header: report type, level, earliest deadline and a live countdown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from composer.core import flow
from composer.core.classify import Classification
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ, governing, provisional_first_due
from composer.core.validators import FUTURE_TOLERANCE
from composer.gui import i18n
from composer.gui.model import DraftModel

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
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
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
        self._submission: Submission | None = None
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

    def recompute(self) -> None:
        self._classification = self.model.draft.classification()
        self._discovered = _moment(self.model.draft.get("incident.discovered_at"))
        rtype = self.model.draft.report_type
        fix = bool(self.model.draft.get("correction"))   # a 更正 (README: extensions)
        kind = i18n.pick(f"〔{rtype.zh}{'（更正）' if fix else ''}〕",
                         f"[{rtype.en}{', correction' if fix else ''}] ")
        c = self._classification
        if c is None:
            self.level.setText(kind + self.tr("定级：填写中"))
        elif self.model.draft.awaiting_impact:  # never 一般 before the facts were looked at
            self.level.setText(kind + self.tr("定级：待研判"))
        else:
            level = c.grading.level
            self.level.setText(kind + self.tr("定级：") + i18n.pick(level.zh, level.en))
        self.tick()

    def tick(self) -> None:
        c = self._classification
        rtype = self.model.draft.report_type
        first = governing(rtype, c.duties) if c is not None else None
        pending = c is not None and self.model.draft.awaiting_impact
        if pending and rtype is ReportType.INITIAL:
            report = self.model.draft.report()
            first = provisional_first_due(report) if report is not None else None
        if self._submission is not None:
            self.state = "sent"
            from composer.core.submissions import describe  # once a sending is recorded

            self.deadline.setText(describe(self._submission, first, i18n.language()))
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
            if c is not None and rtype is ReportType.FOLLOW_UP:
                self.deadline.setText(self.tr("续报：无固定时限，出现重要新情况时及时报送"))
            elif pending:
                self.deadline.setText(self.tr("待研判：填写影响事实后显示报告时限"))
            elif c is not None and not c.grading.reportable:
                self.deadline.setText(self.tr("一般事件：无强制报告时限"))
            elif c is None:
                self.deadline.setText(self.tr("填写完报告单位和事件基本情况后显示报告时限"))
            else:
                self.deadline.setText(self.tr("无限期事项"))
            self.countdown.setText("")
        else:
            u = flow.urgency(self.clock(), first.due, first.within)
            self.state = u.state
            left = flow.format_remaining(u.remaining, i18n.pick("天", "d"))
            self.deadline.setText(
                (self.tr("待研判；如为较大以上事件，最早截止：") if pending
                 else self.tr("最早截止：")) + first.to + "  "
                + first.due.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M"))
            if u.state == "red":
                self.countdown.setText("✖ " + self.tr("已超时 %1").replace("%1", left))
            elif u.state == "amber":
                self.countdown.setText("⚠ " + self.tr("即将到期，剩余 %1").replace("%1", left))
            else:
                self.countdown.setText(self.tr("剩余 %1").replace("%1", left))
        self.setStyleSheet("#deadline-header {" + STYLES[self.state] + "} QLabel {"
                           + STYLES[self.state].split(";")[1] + ";}")
        self.countdown.setAccessibleName(self.countdown.text())
