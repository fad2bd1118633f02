"""Step 6: handling and analysis (art. 7 items 3–8); skipped on the fast path."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from composer.core import flow
from composer.gui.draft_model import DraftModel
from composer.gui.page_base import StepPage


class HandlingPage(StepPage):
    """Trend, cause, leads, next steps, support, scene preservation, other; for a summary
    report also accountability, remediation and lessons learned (Art. 8) and the unit's own
    Art. 11 statements (protective measures before, the emergency plan, what reduced harm)."""

    step = flow.Step.HANDLING

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("处置与分析"))
        self.setSubTitle(self.tr("《办法》第七条第（三）至（八）项。暂时无法判定的可以留空，"
                                 "稍后续报补充。"))

    def build(self) -> None:
        form = self.new_form()
        self.add_text(form, "incident.trend", self.tr("事态发展趋势及可能造成的影响"))
        self.add_text(form, "incident.cause", self.tr("初步原因分析"))
        self.add_text(form, "incident.clues", self.tr("调查线索"),
                      self.tr("可能的攻击者信息、攻击路径、利用的漏洞等"))
        self.add_text(form, "incident.next_steps", self.tr("拟采取的下一步措施"))
        self.add_text(form, "incident.support_requested", self.tr("需要的支持"), lines=2)
        self.add_text(form, "incident.scene_preservation", self.tr("现场保护情况"), lines=2)
        self.add_text(form, "incident.other", self.tr("其他应报告的情况"), lines=2)
        self.summary_heading = QLabel("<b>" + self.tr("事件处置总结（《办法》第八条）") + "</b>")
        self.body.addWidget(self.summary_heading)
        summary = self.new_form()
        self.add_text(summary, "incident.accountability", self.tr("责任处理情况"), lines=2)
        self.add_text(summary, "incident.remediation", self.tr("整改落实情况"), lines=2)
        self.add_text(summary, "incident.lessons", self.tr("经验教训"), lines=2)
        # the unit's own Art. 11 statements (each printed only when given); the table of its
        # reports is filled from the sending record (composer/core/statement_art11.py)
        self.art11_heading = QLabel("<b>" + self.tr("依法报告及处置情况（《办法》第十一条）")
                                    + "</b>")
        self.art11_note = QLabel(self.tr("报告的报送情况（时限、报送时间、是否按时）由报送记录自动"
                                         "列出。以下各项可不填，填写的才写入总结报告。"))
        self.art11_note.setWordWrap(True)
        self.body.addWidget(self.art11_heading)
        self.body.addWidget(self.art11_note)
        art11 = self.new_form()
        self.add_text(art11, "incident.safeguards", self.tr("事发前已采取的防护措施"), lines=2)
        self.add_text(art11, "incident.emergency_plan", self.tr("按应急预案处置情况"),
                      self.tr("是否按应急预案处置，按哪一预案"), lines=2)
        self.add_text(art11, "incident.harm_mitigation", self.tr("有效减轻危害的情况"), lines=2)
        self.body.addStretch(1)

    def refresh(self) -> None:
        shown = flow.shows_summary_items(self.model.draft)
        self.summary_heading.setVisible(shown)
        self.art11_heading.setVisible(shown)
        self.art11_note.setVisible(shown)
        for path in flow.SUMMARY_FIELDS + flow.ART11_FIELDS:
            self.set_row_visible(path, shown)
