"""Step 4: the grading result — level, reasons, missing facts, confirmation if unverified."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QWidget

from composer.core import flow
from composer.core.classify import Classification
from composer.core.grading import STATUS_EN, STATUS_ZH, UNVERIFIED_NOTICE, UNVERIFIED_NOTICE_EN
from composer.core.statement import header_statements
from composer.core.validators import Problem
from composer.gui import i18n
from composer.gui.draft_model import DraftModel
from composer.gui.guide_links import GuideLinks, link_citations
from composer.gui.page_base import StepPage

LEVEL_STYLE = "font-size: 20pt; font-weight: bold;"


def _label(object_name: str, style: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    if style:
        label.setStyleSheet(style)
    return label


class GradingPage(StepPage):
    """Shows the computed level and why; asks to confirm a level resting on unverified numbers."""

    step = flow.Step.GRADING

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("定级结果"))
        self.setSubTitle(self.tr("按《网络安全事件分级指南》：取各项标准所达到的最高级别。"))

    def build(self) -> None:
        self.level = _label("grading-level", LEVEL_STYLE)
        self.level.setAccessibleName(self.tr("事件级别"))
        self.reportable = _label("grading-reportable")
        self.reasons = _label("grading-reasons")
        self.reasons.setAccessibleName(self.tr("定级依据"))
        self.missing = _label("grading-missing")
        self.missing.setAccessibleName(self.tr("可能提高定级的未知事实"))
        self.notice = _label("grading-notice",
                             "background: #fff4ce; border: 1px solid #c19c00; padding: 6px;")
        self.confirm = QCheckBox()
        self.confirm.setObjectName("confirm-level")
        self.add_input(self.confirm)
        self.confirm.toggled.connect(self._confirm_toggled)
        for w in (self.level, self.reportable, self.reasons, self.missing, self.notice,
                  self.confirm):
            self.body.addWidget(w)
        # links to the law's text (composer/gui/guide_links.py), under the reasons and the notice
        self.guide_links = GuideLinks("grading-guide-links")
        self.notice_guide = GuideLinks("grading-notice-guide")
        self.body.insertWidget(self.body.indexOf(self.reasons) + 1, self.guide_links)
        self.body.insertWidget(self.body.indexOf(self.notice) + 1, self.notice_guide)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        self.body.addWidget(line)
        self.body.addStretch(1)

    def _confirm_toggled(self, on: bool) -> None:
        if self._loading:
            return
        c = self.model.draft.classification()
        self.model.set_confirmed_level(c.grading.level.value if (on and c) else None)

    def refresh(self) -> None:
        c = self.model.draft.classification()
        self._loading, was = True, self._loading
        try:
            self._show(c)
            self._show_guide_links(c)
        finally:
            self._loading = was

    def _show(self, c: Classification | None) -> None:
        if c is None:
            self.level.setText(self.tr("无法定级：前面的步骤还有问题。"))
            for w in (self.reportable, self.reasons, self.missing, self.notice, self.confirm):
                w.hide()
            return
        g = c.grading
        report = self.model.draft.report()
        level = header_statements(report, c).level if report is not None else None
        self.level.setText(self.tr("事件级别：") + (i18n.pick(level.text, level.en) if level
                                                   else i18n.pick(g.level.zh, g.level.en)))
        if not c.settled:   # 待研判: never 一般 while a fact that could reach 较大 is unknown
            self.reportable.setText(self.tr(
                "级别待研判：已填写的事实未达到较大以上标准，但下列事实尚未填写，可能达到较大以上。"
                "如为较大以上事件，须按《办法》第四条在时限内报告。请返回“影响事实”填写，"
                "或勾选“其余影响均不涉及”。"))
        else:
            self.reportable.setText(
                self.tr("较大及以上事件，须按《办法》第四条在时限内报告。") if g.reportable else
                self.tr("一般事件：不属于《办法》第四条必须报告的情形；如有需要仍可自愿报告。"))
        self.reportable.show()
        if g.criteria:
            lines = [self.tr("定级依据：")]
            for k in g.criteria:
                mark = "" if k.status == "confirmed" else i18n.pick(
                    f"〔{STATUS_ZH[k.status]}〕", f" [{STATUS_EN[k.status]}]")
                lines.append(f"• {i18n.pick(k.level.zh, k.level.en)}"
                             f"{i18n.pick('：', ': ')}{i18n.pick(k.reason, k.reason_en)}{mark}")
        else:
            lines = [self.tr("没有达到较大及以上级别的标准。")]
        lines += ["ⓘ " + i18n.pick(r.zh, r.en) for r in g.remarks]
        self.reasons.setText("\n".join(lines))
        self.reasons.show()
        if g.missing:
            lines = [self.tr("以下事实尚未填写，可能提高定级（可返回“影响事实”补充）：")]
            lines += [f"• {i18n.pick(m.zh, m.en)}" + ("" if m.sentence else " → " + self.tr(
                "最高可达") + i18n.pick(m.could_reach.zh, m.could_reach.en)) for m in g.missing]
            self.missing.setText("\n".join(lines))
            self.missing.show()
        else:
            self.missing.hide()
        if g.needs_confirmation:
            floor = i18n.pick(g.confirmed_level.zh, g.confirmed_level.en)
            self.notice.setText("⚠ " + i18n.pick(UNVERIFIED_NOTICE, UNVERIFIED_NOTICE_EN) + "\n"
                                + self.tr("该级别所依据的数值仅见于一份逐字转载的正式文本，尚无"
                                          "第二来源印证。请对照《网络安全事件分级指南》原文核对后"
                                          "确认。") + "\n"
                                + self.tr("仅按已核实的标准，定级为“%1”。").replace("%1", floor))
            self.confirm.setText(self.tr("我已对照原文核对，确认定级为“%1”").replace(
                "%1", i18n.pick(g.level.zh, g.level.en)))
            self.confirm.setAccessibleName(self.confirm.text())
            self.confirm.setChecked(self.model.draft.confirmed_level == g.level.value)
            self.notice.show()
            self.confirm.show()
        else:
            self.notice.hide()
            self.confirm.hide()

    def _show_guide_links(self, c: Classification | None) -> None:
        """Beside the criteria that fired, and the notice of an unverified level: the places of
        the Guide they rest on, one click from the original text."""
        criteria = c.grading.criteria if c is not None else ()
        # each reason's citation (——《指南》二、通常情况第2项) becomes a link; a citation not
        # found in its reason is offered in a row of its own
        remarks = c.grading.remarks if c is not None else ()
        linked = link_citations(self.reasons, [getattr(k, "guide", "") for k in criteria]
                                + [r.guide for r in remarks])
        # a site not given: its question cites the item whose sites would raise the level
        link_citations(self.missing, [m.guide for m in c.grading.missing if m.guide]
                       if c is not None else [])
        self.guide_links.set_links(
            [(i18n.pick(k.level.zh, k.level.en), getattr(k, "guide", "")) for k in criteria
             if getattr(k, "guide", "") not in linked],
            lead=self.tr("定级依据原文"))
        unverified = [k for k in criteria if k.status != "confirmed"
                      and k.level.rank > c.grading.confirmed_level.rank] \
            if c is not None and c.grading.needs_confirmation else []
        self.notice_guide.set_links(
            [(i18n.pick(k.level.zh, k.level.en), getattr(k, "guide", "")) for k in unverified],
            lead=self.tr("请对照原文"))

    def summary_text(self, problems: list[Problem]) -> str:
        if flow.needs_level_confirmation(self.model.draft):
            return self.tr("请确认定级后继续。")
        return ""
