"""The bar over the wizard of a sent report: it is a record now, and what to do instead.

After 记录已报送 the report is read-only (:meth:`composer.gui.page_base.StepPage.set_read_only`
and :attr:`composer.gui.draft_model.DraftModel.read_only`): what was sent stays what the app shows.
New facts go into a 续报 started from it; wrong facts into a 更正 of the same report type;
both keep the chain to the sent report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from composer.core.obligations import CHINA_TZ
from composer.gui import i18n

if TYPE_CHECKING:
    from composer.core.model import ReportType
    from composer.core.submissions import Submission

STYLE = ("#sent-bar { background: #e8f0fe; border-bottom: 1px solid #aac4f5; }"
         " QLabel { color: #174ea6; }")


class SentBar(QFrame):
    """Hidden until the report has a recorded sending.

    Signals: followUpRequested(), correctionRequested().
    """

    followUpRequested = Signal()
    correctionRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sent-bar")
        self.setStyleSheet(STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        self.text = QLabel()
        self.text.setObjectName("sent-bar-text")
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.follow_up = QPushButton(self.tr("开始续报(&U)"))
        self.follow_up.setObjectName("sent-follow-up")
        self.follow_up.clicked.connect(self.followUpRequested.emit)
        self.correction = QPushButton(self.tr("开始更正(&C)"))
        self.correction.setObjectName("sent-correction")
        self.correction.clicked.connect(self.correctionRequested.emit)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.correction)
        self.hide()

    def set_submission(self, submission: Submission | None, report_type_text: str) -> None:
        if submission is None:
            self.hide()
            return
        when = submission.sent_at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        self.text.setText(
            self.tr("本报告已于 %1 报送，是报送记录，不能再修改。有新情况请开始续报；"
                    "内容有误请开始更正（同为%2，保留报告链）。")
            .replace("%1", when).replace("%2", report_type_text))
        self.show()


def type_text(report_type: ReportType) -> str:
    return i18n.pick(report_type.zh, report_type.en)
