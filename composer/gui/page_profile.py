"""Step 1: the reporting organisation (saved once as the profile and reused)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from composer.core import flow
from composer.core.draft import profile_of
from composer.core.model import OperatorKind
from composer.core.rules import reporting_rules
from composer.gui import i18n
from composer.gui.font_setting import ReportFonts
from composer.gui.model import DraftModel
from composer.gui.page_base import StepPage


class ProfilePage(StepPage):
    """Organisation name, kind, receiving bodies and contact.

    Signals: profileAccepted(dict) when the user moves on with "remember" ticked;
    recipientsAccepted(list) with the organisation's extra e-mail recipients when moving on.
    """

    step = flow.Step.PROFILE
    profileAccepted = Signal(dict)
    recipientsAccepted = Signal(list)

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("报告单位"))
        self.setSubTitle(self.tr("《办法》第七条第（一）项：报告单位名称。保存后，下次报告自动填入。"))

    def build(self) -> None:
        form = self.new_form()
        self.add_line(form, "operator.name", self.tr("单位名称"), self.tr("营业执照上的全称"))
        kinds = [(None, self.tr("（请选择）"))] + [
            (k.value, i18n.pick(k.zh, k.en)) for k in OperatorKind]
        self.add_choice(form, "operator.kind", self.tr("单位类型"), kinds,
                        hint=self.tr("决定报告对象和时限：关键信息基础设施 1 小时；"
                                     "中央和国家机关 2 小时；其他 4 小时。"))
        self.add_line(form, "operator.province", self.tr("所在省份"), self.tr("例如：浙江省"),
                      hint=self.tr("其他网络运营者必填：报告送属地省级网信部门。"
                                   "跨省经营的，填写事件发生地所在省份。"))
        self.add_line(form, "operator.protection_department", self.tr("保护工作部门"),
                      hint=self.tr("关键信息基础设施运营者必填。中央和国家机关运营关键信息"
                                   "基础设施的也填写（两条报告途径均列出）。"))
        self.add_line(form, "operator.cac_office", self.tr("本部门网信工作机构"),
                      hint=self.tr("中央和国家机关及其直属单位必填。"))
        self.add_line(form, "operator.credit_code", self.tr("统一社会信用代码"),
                      self.tr("18 位，可不填"))
        contact = self.new_form(self.tr("联系人"))
        self.add_line(contact, "operator.contact.name", self.tr("联系人姓名"))
        self.add_line(contact, "operator.contact.phone", self.tr("联系电话"),
                      self.tr("例如 010-66668888"))
        self.add_line(contact, "operator.contact.email", self.tr("电子邮箱"), self.tr("可不填"))
        self._add_recipients()
        self.report_fonts = ReportFonts(self, self.new_form(self.tr("报告字体")))
        self.remember = QCheckBox(self.tr("保存为本单位资料，下次报告自动填入"))
        self.remember.setObjectName("remember-profile")
        self.remember.setChecked(True)
        self.body.addWidget(self.remember)
        self.body.addStretch(1)

    def refresh(self) -> None:
        """Only the receiving body the chosen kind needs (a field already filled stays)."""
        for path in flow.RECIPIENT_FIELDS:
            self.set_row_visible(path, flow.shows_recipient_field(path, self.model.draft))

    def _add_recipients(self) -> None:
        """The organisation's own extra recipients of the e-mail draft (a setting, not part of
        the incident): the draft always goes to the national intake, these are added."""
        form = self.new_form(self.tr("邮件草稿"))
        self.recipients = QLineEdit()
        self.recipients.setPlaceholderText(self.tr("可不填；多个地址用逗号分隔"))
        _, _, self.recipients_error = self.labelled_row(
            form, "email-recipients", self.tr("同时发送给"), self.recipients,
            self.tr("本单位配置的其他收件人（如行业主管部门、单位安全负责人）。"
                    "演练的邮件草稿不发往受理平台，也不发往这些地址，只发给演练收件邮箱。")
            if self.model.draft.drill else   # a drill (演练): never the intake, nor these
            self.tr("本单位配置的其他收件人（如行业主管部门、单位安全负责人）。"
                    "邮件草稿始终发往 %1。").replace("%1", reporting_rules().channels.email))
        self.recipients.textChanged.connect(self._recipients_changed)

    def set_recipients(self, addresses: list[str]) -> None:
        self.recipients.setText(", ".join(addresses))

    def recipient_addresses(self) -> tuple[list[str], list[str]]:
        """(valid addresses, invalid entries) as typed."""
        from composer.render.email import parse_address_list  # not before the first window

        return parse_address_list(self.recipients.text())

    def _recipients_changed(self) -> None:
        _, invalid = self.recipient_addresses()
        text = (self.tr("不是有效的电子邮箱地址：") + "、".join(invalid)) if invalid else ""
        self.recipients_error.setText("⚠ " + text if text else "")
        self.recipients_error.setVisible(bool(text))
        self.recipients.setAccessibleDescription(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return super().isComplete() and not (self.is_built and self.recipient_addresses()[1])

    def validatePage(self) -> bool:
        profile = profile_of(self.model.draft)
        if self.remember.isChecked() and profile:
            self.profileAccepted.emit(profile)
        valid, invalid = self.recipient_addresses()
        if not invalid:
            self.recipientsAccepted.emit(valid)
        return True
