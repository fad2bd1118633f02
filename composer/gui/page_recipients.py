"""Step 5: recipients and deadlines; the choice of the fast path (art. 7 ¶2)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QWidget

from composer.core import flow
from composer.core.obligations import Obligation
from composer.core.rules import reporting_rules
from composer.core.validators import Problem
from composer.gui import i18n
from composer.gui.draft_model import DraftModel
from composer.gui.guide_links import GuideLinks
from composer.gui.page_base import StepPage


def action_text(action: str) -> str:
    zh = {"report": "报告", "supplement": "补报第（三）至（八）项", "follow_up": "续报",
          "summary": "总结报告", "police_report": "向公安机关报案"}
    en = {"report": "Report", "supplement": "Supplement items 3–8", "follow_up": "Follow-up",
          "summary": "Summary report", "police_report": "Report the crime to the police"}
    return i18n.pick(zh.get(action, action), en.get(action, action))


_ARTICLE_ZH = {"4": "四", "7": "七", "8": "八"}


def basis_text(basis: str) -> str:
    """"Measures art. 4" → 《办法》第四条 in Chinese."""
    if i18n.language() != "zh":
        return basis
    number = basis.rsplit(" ", 1)[-1]
    if basis.startswith("Measures art.") and number in _ARTICLE_ZH:
        return f"《办法》第{_ARTICLE_ZH[number]}条"
    return basis


def due_text(o: Obligation) -> str:
    if o.due is None and o.action == "summary":
        return i18n.pick("处置结束后起算", "from the end of handling")
    if o.due is None:
        return i18n.pick("及时", "promptly")
    return o.due.strftime("%Y-%m-%d %H:%M")


def within_text(o: Obligation) -> str:
    if o.within is None:
        return ""
    minutes = int(o.within.total_seconds() // 60)
    if minutes % 1440 == 0:
        return i18n.pick(f"{minutes // 1440} 日", f"{minutes // 1440} days")
    if minutes % 60 == 0:
        return i18n.pick(f"{minutes // 60} 小时", f"{minutes // 60} h")
    return i18n.pick(f"{minutes} 分钟", f"{minutes} min")


class RecipientsPage(StepPage):
    """Who receives the report, by when, through which channels; full report or fast path."""

    step = flow.Step.RECIPIENTS

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("报告对象与时限"))
        self.setSubTitle(self.tr("截止时间 = 发现时间 + 时限（北京时间）。最早的一项决定顶部倒计时。"))

    def build(self) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget  # first visit

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("obligations")
        self.table.setAccessibleName(self.tr("报告义务"))
        self.table.setHorizontalHeaderLabels([self.tr("事项"), self.tr("报送对象"),
                                              self.tr("截止时间"), self.tr("时限"),
                                              self.tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.body.addWidget(self.table)
        # the law's text beside the deadlines (Art. 4) and the fast path (Art. 7 ¶2)
        self.deadline_guide = GuideLinks("deadline-guide")
        self.body.addWidget(self.deadline_guide)   # parented first: never a window of its own
        self.deadline_guide.set_links([(self.tr("报告时限"), "art-4")])
        self.escalations = QLabel()
        self.escalations.setObjectName("escalations")
        self.escalations.setWordWrap(True)
        self.body.addWidget(self.escalations)
        ch = reporting_rules().channels
        channels = QLabel(self.tr("官方报告渠道：") + "\n" + "\n".join([
            self.tr("热线电话：") + ch.hotline, self.tr("网站：") + ch.website,
            self.tr("电子邮箱：") + ch.email, self.tr("传真：") + ch.fax,
            self.tr("微信小程序：") + ch.wechat_mini_program,
            self.tr("微信公众号：") + ch.wechat_account]))
        channels.setObjectName("channels")
        channels.setWordWrap(True)
        channels.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(channels)
        self.full = QRadioButton(self.tr("完整报告：继续填写处置与分析（第三至八项）"))
        self.full.setObjectName("full-path")
        self.fast = QRadioButton(self.tr("快速报告：先报第一、二项，其余内容稍后及时补报"
                                         "（《办法》第七条第二款）"))
        self.fast.setObjectName("fast-path")
        self.add_input(self.full)
        self.add_input(self.fast)
        group = QButtonGroup(self)
        group.addButton(self.full)
        group.addButton(self.fast)
        self.full.setChecked(True)
        self.fast.toggled.connect(self._fast_toggled)
        self.body.addWidget(self.full)
        self.body.addWidget(self.fast)
        self.fast_guide = GuideLinks("fast-path-guide")
        self.body.addWidget(self.fast_guide)
        self.fast_guide.set_links([(self.tr("先行报告第一、二项"), "art-7-p2")])
        self.notes = QLabel()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.body.addWidget(self.notes)
        self.body.addStretch(1)

    def _fast_toggled(self, on: bool) -> None:
        if not self._loading:
            self.model.set_fast_path(on)

    def refresh(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        draft = self.model.draft
        self._loading, was = True, self._loading
        try:
            self.fast.setEnabled(flow.fast_path_allowed(draft))
            (self.fast if flow.uses_fast_path(draft) else self.full).setChecked(True)
        finally:
            self._loading = was
        c = draft.classification()
        self.table.setRowCount(0)
        if c is None:
            return
        d = c.duties
        self.table.setRowCount(len(d.obligations))
        for row, o in enumerate(d.obligations):
            cells = [action_text(o.action), i18n.pick(o.to, f"{o.to} ({o.to_en})"), due_text(o),
                     within_text(o), i18n.pick(o.note_zh, o.note_en) or basis_text(o.basis)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        lines = []
        if d.escalations:
            lines.append(self.tr("接报部门的上报时限（供参考，非本单位义务）："))
            lines += [f"• {e.by} → {e.to}：{within_text_minutes(e.within)}"
                      for e in d.escalations]
        lines += ["• " + n for n in (d.notes_en if i18n.language() == "en" else d.notes_zh)]
        self.escalations.setText("\n".join(lines))
        self.notes.setText(self.tr("选择快速报告时，报告中将注明其余事项将及时补报。")
                           if flow.uses_fast_path(draft) else "")

    def summary_text(self, problems: list[Problem]) -> str:
        gaps = flow.fast_path_gaps(self.model.draft)
        if gaps:
            names = "、".join(i18n.pick(p.zh, p.en) for p in gaps)
            return self.tr("快速报告须具备第一、二项的全部内容：请返回“事件基本情况”填写以下各项，"
                           "或勾选“暂不掌握”：") + names
        return super().summary_text(problems)


def within_text_minutes(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % 60 == 0:
        return i18n.pick(f"{minutes // 60} 小时内", f"within {minutes // 60} h")
    return i18n.pick(f"{minutes} 分钟内", f"within {minutes} min")
