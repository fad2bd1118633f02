"""Step 1: the reporting organisation (saved once as the profile and reused)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from composer.core import flow
from composer.core.draft import profile_of
from composer.core.model import OperatorKind
from composer.gui import i18n
from composer.gui.model import DraftModel
from composer.gui.page_base import StepPage


class ProfilePage(StepPage):
    """Organisation name, kind, receiving bodies and contact.

    Signals: profileAccepted(dict) when the user moves on with "remember" ticked.
    """

    step = flow.Step.PROFILE
    profileAccepted = Signal(dict)

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("报告单位"))
        self.setSubTitle(self.tr("《办法》第七条第（一）项：报告单位名称。保存后，下次报告自动填入。"))
        form = self.new_form()
        self.add_line(form, "operator.name", self.tr("单位名称"), self.tr("营业执照上的全称"))
        kinds = [(None, self.tr("（请选择）"))] + [
            (k.value, i18n.pick(k.zh, k.en)) for k in OperatorKind]
        self.add_choice(form, "operator.kind", self.tr("单位类型"), kinds,
                        hint=self.tr("决定报告对象和时限：关键信息基础设施 1 小时；"
                                     "中央和国家机关 2 小时；其他 4 小时。"))
        self.add_line(form, "operator.province", self.tr("所在省份"), self.tr("例如：浙江省"),
                      hint=self.tr("其他网络运营者必填：报告送属地省级网信部门。"))
        self.add_line(form, "operator.protection_department", self.tr("保护工作部门"),
                      hint=self.tr("关键信息基础设施运营者必填。"))
        self.add_line(form, "operator.cac_office", self.tr("本部门网信工作机构"),
                      hint=self.tr("中央和国家机关及其直属单位必填。"))
        self.add_line(form, "operator.credit_code", self.tr("统一社会信用代码"),
                      self.tr("18 位，可不填"))
        contact = self.new_form(self.tr("联系人"))
        self.add_line(contact, "operator.contact.name", self.tr("联系人姓名"))
        self.add_line(contact, "operator.contact.phone", self.tr("联系电话"),
                      self.tr("例如 010-66668888"))
        self.add_line(contact, "operator.contact.email", self.tr("电子邮箱"), self.tr("可不填"))
        self.remember = QCheckBox(self.tr("保存为本单位资料，下次报告自动填入"))
        self.remember.setObjectName("remember-profile")
        self.remember.setChecked(True)
        self.body.addWidget(self.remember)
        self.body.addStretch(1)

    def validatePage(self) -> bool:
        profile = profile_of(self.model.draft)
        if self.remember.isChecked() and profile:
            self.profileAccepted.emit(profile)
        return True
