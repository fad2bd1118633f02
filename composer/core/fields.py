"""Every field path of a ``composer-incident/1`` document, declared once.

:class:`Field` is the one typed list of the paths a draft, a page, the validator, the
statement model and the wording use (``"operator.contact.phone"``, ``"impact_facts.population
.percent"`` …): a ``str`` enum, so a member *is* its path (``draft.get(Field.INCIDENT_TITLE)``)
and mypy follows it from page to output. The loader's allowed keys come from it
(:func:`keys_under`), the labels hang off it (:data:`LABEL_ZH`), and a test walks the code and
fails on a dotted field path that is not declared here.
"""

from __future__ import annotations

from enum import Enum


class Field(str, Enum):
    """A field path (dotted, as in the file and in the draft's dictionary)."""

    # top level
    FORMAT = "format"
    REPORT_TYPE = "report_type"
    OPERATOR = "operator"
    INCIDENT = "incident"
    IMPACT_FACTS = "impact_facts"
    LEVEL_CONFIRMED = "level_confirmed"
    CORRECTION = "correction"
    # Extensions (2026-12-05), CONTRACT.md
    IMPACT_ASSESSED = "impact_assessed"
    CORRECTS = "corrects"
    CORRECTS_SENT_AT = "corrects.sent_at"
    CORRECTS_CHANNEL = "corrects.channel"
    CORRECTS_REFERENCE = "corrects.reference"
    CORRECTION_NOTE = "correction_note"
    DRILL = "drill"
    # the drill's own recipients (README "Incident file extensions"): only with "drill": true
    DRILL_TO = "drill_to"
    DRILL_FAX = "drill_fax"
    # operator
    OPERATOR_NAME = "operator.name"
    OPERATOR_KIND = "operator.kind"
    OPERATOR_PROVINCE = "operator.province"
    OPERATOR_PROTECTION_DEPARTMENT = "operator.protection_department"
    OPERATOR_CAC_OFFICE = "operator.cac_office"
    OPERATOR_CREDIT_CODE = "operator.credit_code"
    CONTACT = "operator.contact"
    CONTACT_NAME = "operator.contact.name"
    CONTACT_PHONE = "operator.contact.phone"
    CONTACT_EMAIL = "operator.contact.email"
    # incident
    INCIDENT_TITLE = "incident.title"
    DISCOVERED_AT = "incident.discovered_at"
    OCCURRED_AT = "incident.occurred_at"
    CATEGORY = "incident.category"
    SYSTEMS = "incident.systems"
    LOCATION = "incident.location"
    DESCRIPTION = "incident.description"
    IMPACT = "incident.impact"
    MEASURES = "incident.measures"
    TREND = "incident.trend"
    CAUSE = "incident.cause"
    CLUES = "incident.clues"
    NEXT_STEPS = "incident.next_steps"
    SUPPORT_REQUESTED = "incident.support_requested"
    SCENE_PRESERVATION = "incident.scene_preservation"
    OTHER = "incident.other"
    RANSOM = "incident.ransom"
    RANSOM_AMOUNT = "incident.ransom.amount"
    RANSOM_METHOD = "incident.ransom.method"
    RANSOM_DEMANDED_AT = "incident.ransom.demanded_at"
    SUSPECTED_CRIME = "incident.suspected_crime"
    HANDLING_COMPLETED_AT = "incident.handling_completed_at"
    ACCOUNTABILITY = "incident.accountability"
    REMEDIATION = "incident.remediation"
    LESSONS = "incident.lessons"
    # the unit's Art. 11 statements in a summary report (README "Incident file extensions")
    SAFEGUARDS = "incident.safeguards"
    EMERGENCY_PLAN = "incident.emergency_plan"
    HARM_MITIGATION = "incident.harm_mitigation"
    NOT_YET_KNOWN = "incident.not_yet_known"
    POLICE_REPORT = "incident.police_report"
    POLICE_STATUS = "incident.police_report.status"
    POLICE_AT = "incident.police_report.at"
    POLICE_TO = "incident.police_report.to"
    DELAY_REASON = "incident.delay_reason"
    # impact facts
    CII_TOTAL_OUTAGE_HOURS = "impact_facts.cii_total_outage_hours"
    CII_MAIN_FUNCTION_OUTAGE_HOURS = "impact_facts.cii_main_function_outage_hours"
    PORTAL_OUTAGE = "impact_facts.portal_outage"
    PORTAL_SITE = "impact_facts.portal_outage.site"
    PORTAL_HOURS = "impact_facts.portal_outage.hours"
    POPULATION = "impact_facts.population"
    POPULATION_REGION = "impact_facts.population.region"
    POPULATION_PERCENT = "impact_facts.population.percent"
    PEOPLE_SERVICES_AFFECTED = "impact_facts.people_services_affected"
    PERSONAL_INFO_LEAKED = "impact_facts.personal_info_leaked"
    DIRECT_LOSS_YUAN = "impact_facts.direct_loss_yuan"
    DEFACEMENT = "impact_facts.defacement"
    DEFACEMENT_SITE = "impact_facts.defacement.site"
    DEFACEMENT_HOMEPAGE_HOURS = "impact_facts.defacement.homepage_hours"
    DEFACEMENT_OTHER_PAGE_HOURS = "impact_facts.defacement.other_page_hours"
    DEFACEMENT_REPOSTS = "impact_facts.defacement.reposts"
    DEFACEMENT_VIEWS = "impact_facts.defacement.views"
    DEFACEMENT_RULING = "impact_facts.defacement.authority_ruling"
    DATA_THREAT = "impact_facts.data_threat"
    SYSTEM_LOSS = "impact_facts.system_loss"
    OTHER_THREAT = "impact_facts.other_threat"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def key(self) -> str:
        """The last part of the path: the key in its object."""
        return self.value.rsplit(".", 1)[-1]

    @property
    def parent(self) -> str:
        """The path of the object holding it ("" for a top-level key)."""
        return self.value.rpartition(".")[0]

    def under(self, root: str) -> str:
        """The path relative to ``root`` (``Field.PORTAL_SITE.under("impact_facts")`` is
        ``"portal_outage.site"``, the form the rule data uses)."""
        prefix = root + "."
        if not self.value.startswith(prefix):
            raise ValueError(f"{self.value} is not under {root}")
        return self.value[len(prefix):]


PATHS = frozenset(f.value for f in Field)


def keys_under(parent: str) -> tuple[str, ...]:
    """The keys an object at ``parent`` may hold, in declaration order ("" = top level)."""
    return tuple(f.key for f in Field if f.parent == parent)


def field(path: str) -> Field | None:
    """The declared field at ``path``, or None."""
    try:
        return Field(path)
    except ValueError:
        return None


def fact(relative: str) -> Field:
    """The field of an ``impact_facts`` path as the rule data writes it (``"population.region"``)."""
    return Field("impact_facts." + relative)


def leaves_under(root: str) -> tuple[str, ...]:
    """Every path under ``root`` that holds a value (not an object), relative to it:
    ``leaves_under("impact_facts")`` are the rule data's fact paths."""
    prefix = root + "."
    inner = {f.parent for f in Field}
    return tuple(f.under(root) for f in Field
                 if f.value.startswith(prefix) and f.value not in inner)


LABEL_ZH: dict[Field, str] = {
    Field.REPORT_TYPE: "报告类型",
    Field.OPERATOR: "单位信息",
    Field.OPERATOR_NAME: "单位名称",
    Field.OPERATOR_KIND: "单位类型",
    Field.OPERATOR_PROVINCE: "所在省份",
    Field.OPERATOR_PROTECTION_DEPARTMENT: "保护工作部门",
    Field.OPERATOR_CAC_OFFICE: "本部门网信工作机构",
    Field.OPERATOR_CREDIT_CODE: "统一社会信用代码",
    Field.CONTACT: "联系人",
    Field.CONTACT_NAME: "联系人姓名",
    Field.CONTACT_PHONE: "联系电话",
    Field.CONTACT_EMAIL: "电子邮箱",
    Field.INCIDENT: "事件信息",
    Field.IMPACT_FACTS: "影响事实",
    Field.INCIDENT_TITLE: "事件名称",
    Field.DISCOVERED_AT: "发现时间",
    Field.OCCURRED_AT: "发生时间",
    Field.CATEGORY: "事件类型",
    Field.HANDLING_COMPLETED_AT: "处置结束时间",
    Field.RANSOM: "勒索信息",
    Field.RANSOM_AMOUNT: "赎金金额",
    Field.RANSOM_METHOD: "支付方式",
    Field.RANSOM_DEMANDED_AT: "索要日期",
    Field.SYSTEMS: "涉及的设施、系统、平台",
    Field.LOCATION: "发生地点",
    Field.DESCRIPTION: "事件经过",
    Field.IMPACT: "已造成的影响和危害",
    Field.MEASURES: "已采取的应对措施及效果",
    Field.TREND: "事态发展趋势",
    Field.CAUSE: "初步原因分析",
    Field.CLUES: "调查线索",
    Field.NEXT_STEPS: "拟采取的下一步措施",
    Field.SUPPORT_REQUESTED: "需要的支持",
    Field.SCENE_PRESERVATION: "现场保护情况",
    Field.OTHER: "其他应报告的情况",
    Field.ACCOUNTABILITY: "责任处理情况",
    Field.REMEDIATION: "整改落实情况",
    Field.LESSONS: "经验教训",
    Field.SAFEGUARDS: "事发前已采取的防护措施",
    Field.EMERGENCY_PLAN: "按应急预案处置情况",
    Field.HARM_MITIGATION: "有效减轻危害的情况",
    Field.NOT_YET_KNOWN: "暂不掌握的内容",
    Field.SUSPECTED_CRIME: "涉嫌违法犯罪",
    Field.POLICE_REPORT: "向公安机关报案",
    Field.POLICE_STATUS: "向公安机关报案",
    Field.POLICE_AT: "报案时间",
    Field.POLICE_TO: "报案机关",
    Field.DELAY_REASON: "迟报原因",
    Field.LEVEL_CONFIRMED: "确认的级别",
    Field.CORRECTION: "更正",
    Field.IMPACT_ASSESSED: "其余影响均不涉及",
    Field.CORRECTS: "所更正的报告",
    Field.CORRECTS_SENT_AT: "原报告报送时间",
    Field.CORRECTS_CHANNEL: "原报告报送渠道",
    Field.CORRECTS_REFERENCE: "原报告受理编号",
    Field.CORRECTION_NOTE: "更正说明",
    Field.DRILL: "演练",
    Field.DRILL_TO: "演练收件邮箱",
    Field.DRILL_FAX: "演练传真号码",
    Field.CII_TOTAL_OUTAGE_HOURS: "关键信息基础设施整体中断时长",
    Field.CII_MAIN_FUNCTION_OUTAGE_HOURS: "关键信息基础设施主要功能中断时长",
    Field.PORTAL_OUTAGE: "网站不能访问",
    Field.PORTAL_SITE: "网站类型",
    Field.PORTAL_HOURS: "无法访问时长",
    Field.POPULATION: "受影响人口",
    Field.POPULATION_REGION: "地区级别",
    Field.POPULATION_PERCENT: "受影响人口比例",
    Field.PEOPLE_SERVICES_AFFECTED: "水电气油、交通、医疗等受影响人数",
    Field.PERSONAL_INFO_LEAKED: "个人信息泄露人数",
    Field.DIRECT_LOSS_YUAN: "直接经济损失",
    Field.DEFACEMENT: "网页篡改",
    Field.DEFACEMENT_SITE: "被篡改的网站",
    Field.DEFACEMENT_HOMEPAGE_HOURS: "首页展示时长",
    Field.DEFACEMENT_OTHER_PAGE_HOURS: "其他页面展示时长",
    Field.DEFACEMENT_REPOSTS: "社交平台转发次数",
    Field.DEFACEMENT_VIEWS: "浏览或点击次数",
    Field.DEFACEMENT_RULING: "认定的传播范围",
    Field.DATA_THREAT: "数据泄露等对国家安全和社会稳定的威胁",
    Field.SYSTEM_LOSS: "重要网络和信息系统损失",
    Field.OTHER_THREAT: "其他威胁或影响",
}
"""The label of each field where a person reads it (inputs, problem messages, what changed
in a correction). The report's own part labels (Art. 7's words) are the statement model's."""


def label(path: str) -> str:
    """The Chinese label of a field path (the path itself when it has none)."""
    f = field(path)
    return LABEL_ZH.get(f, path) if f is not None else path


__all__ = [
    "LABEL_ZH",
    "PATHS",
    "Field",
    "fact",
    "field",
    "keys_under",
    "label",
    "leaves_under",
]
