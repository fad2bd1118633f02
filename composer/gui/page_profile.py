"""Step 1: the reporting organisation (saved once as the profile and reused)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from composer.core import flow
from composer.core.draft import profile_of
from composer.core.model import OperatorKind
from composer.core.regions import match_region, region_by_name, regions
from composer.core.rules import reporting_rules
from composer.gui import i18n, wheel
from composer.gui.draft_model import DraftModel
from composer.gui.font_setting import ReportFonts
from composer.gui.page_base import ERROR_STYLE, StepPage
from composer.gui.page_forms import Choice

PROVINCE = "operator.province"


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

    _invalid_recipients = False

    def build(self) -> None:
        form = self.new_form()
        self.add_line(form, "operator.name", self.tr("单位名称"), self.tr("营业执照上的全称"))
        kinds: list[Choice] = [(None, self.tr("（请选择）"))] + [
            (k.value, i18n.pick(k.zh, k.en)) for k in OperatorKind]
        self.add_choice(form, "operator.kind", self.tr("单位类型"), kinds,
                        hint=self.tr("决定报告对象和时限：关键信息基础设施 1 小时；"
                                     "中央和国家机关 2 小时；其他 4 小时。"))
        self._add_province(form)
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

    def _add_province(self, form: QFormLayout) -> None:
        """所在省份, chosen from the rule data's regions (the recipient is named from it). A
        file's free text is matched (江苏 → 江苏省); text that names no region is shown as it
        stands, with a note asking the user to choose."""
        combo = QComboBox()
        wheel.guard(combo)
        combo.addItem(self.tr("（请选择）"), None)
        for region in regions():
            combo.addItem(i18n.pick(region.name, f"{region.en} ({region.name})"), region.name)
        combo.currentIndexChanged.connect(self._province_chosen)
        self.province = combo
        self._loaders.append(self._load_province)
        self._row(form, PROVINCE, self.tr("所在省份"), combo,
                  self.tr("其他网络运营者必填：报告送属地省级网信部门（兵团单位：兵团网信办）。"
                          "跨省经营的，选择事件发生地所在省份。"))
        self.province_note = QLabel()
        self.province_note.setObjectName(PROVINCE + "#unmatched")
        self.province_note.setWordWrap(True)
        self.province_note.setStyleSheet(ERROR_STYLE)
        self.province_note.hide()
        self.field_box(PROVINCE).addWidget(self.province_note)

    def _province_chosen(self, index: int) -> None:
        value = self.province.itemData(index)
        self.write(PROVINCE, value)
        if not self._loading and region_by_name(value) is not None:
            self.show_note(self.province_note, "", held=False)   # chosen from the list

    def _load_province(self) -> None:
        combo, value = self.province, self.model.draft.get(PROVINCE)
        if combo.count() > len(regions()) + 1:
            combo.removeItem(1)                    # the free text of the last draft shown
        region = match_region(value) if isinstance(value, str) else None
        note = ""
        if region is not None:
            index = combo.findData(region.name)
        elif value:
            combo.insertItem(1, self.tr("“%1”（请从列表中选择）").replace("%1", str(value)), value)
            index = 1
            note = self.tr("⚠ “%1”不是省级行政区的名称：请从列表中选择所在省份，报告对象（省级"
                           "网信部门）据此确定。").replace("%1", str(value))
        else:
            index = 0
        combo.setCurrentIndex(index)
        self.show_note(self.province_note, note, held=False)

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
        if not self.recipients.text().strip():
            return [], []       # nothing typed: no need to load the e-mail module (27 ms)
        from composer.render.email import parse_address_list  # not before the first window

        return parse_address_list(self.recipients.text())

    def _recipients_changed(self) -> None:
        _, invalid = self.recipient_addresses()
        self._invalid_recipients = bool(invalid)   # isComplete asks often: parsed once here
        text = (self.tr("不是有效的电子邮箱地址：") + "、".join(invalid)) if invalid else ""
        self.show_note(self.recipients_error, "⚠ " + text if text else "",
                       held=self.recipients.hasFocus())
        self.recipients.setAccessibleDescription(text)
        self.check_complete()

    def isComplete(self) -> bool:
        return super().isComplete() and not self._invalid_recipients

    def validatePage(self) -> bool:
        profile = profile_of(self.model.draft)
        if self.remember.isChecked() and profile:
            self.profileAccepted.emit(profile)
        valid, invalid = self.recipient_addresses()
        if not invalid:
            self.recipientsAccepted.emit(valid)
        return True
