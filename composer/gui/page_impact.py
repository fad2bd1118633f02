"""Step 3: the impact facts grading reads; each input explains its thresholds."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QWidget

from composer.core import flow
from composer.core.fields import Field as F
from composer.core.grading import threshold_lines
from composer.core.statement import header_statements
from composer.gui import i18n
from composer.gui.draft_model import DraftModel
from composer.gui.guide_links import attach_hint_links
from composer.gui.page_base import StepPage


def thresholds(fact: str) -> list[str]:
    """The threshold lines of a fact (rule data), in the UI language."""
    return threshold_lines(fact, lang=i18n.language())


class ImpactPage(StepPage):
    """Outages, affected population and people, leaked records, loss, defacement, judgements.

    Unknown facts stay empty (the grading lists those that could still raise the level). While
    the facts given reach no level above 一般 and one that could is empty, the level is 待研判
    (on this page as everywhere); the unit settles it by giving the facts (0 counts) or with
    the one choice 「其余影响均不涉及」 (``impact_assessed``), which the report then states.
    """

    step = flow.Step.IMPACT

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("影响事实"))
        self.setSubTitle(self.tr("按《网络安全事件分级指南》定级所需的事实。不知道的留空；"
                                 "“以上”含本数。"))

    def build(self) -> None:
        self.live = QLabel()
        self.live.setObjectName("live-level")
        self.live.setWordWrap(True)
        self.body.addWidget(self.live)
        hours = self.tr("小时，可填小数（0.5 = 30 分钟）")
        form = self.new_form(self.tr("中断与影响范围"))
        self.add_number(form, F.CII_TOTAL_OUTAGE_HOURS,
                        self.tr("关键信息基础设施整体中断（小时）"), whole=False,
                        hint=[hours, *thresholds("cii_total_outage_hours")])
        self.add_number(form, F.CII_MAIN_FUNCTION_OUTAGE_HOURS,
                        self.tr("关键信息基础设施主要功能中断（小时）"), whole=False,
                        hint=thresholds("cii_main_function_outage_hours"))
        sites = [(None, self.tr("（不涉及）")),
                 ("provincial_portal", self.tr("省级以上党政机关门户网站")),
                 ("prefectural_portal", self.tr("地市级党政机关门户网站")),
                 ("enterprise_portal", self.tr("地市级以上企事业单位门户网站")),
                 ("central_news", self.tr("中央重点新闻网站")),
                 ("key_news", self.tr("省级重点新闻网站")),
                 ("other", self.tr("其他网站（《指南》未列举，如县级门户网站）"))]
        self.add_choice(form, F.PORTAL_SITE, self.tr("无法访问的网站"), sites)
        self.add_number(form, F.PORTAL_HOURS, self.tr("无法访问时长（小时）"),
                        whole=False, hint=thresholds("portal_outage"))
        regions = [(None, self.tr("（不涉及）")), ("province", self.tr("省级行政区")),
                   ("prefecture", self.tr("地市级行政区"))]
        self.add_choice(form, F.POPULATION_REGION, self.tr("人口受影响的地区级别"),
                        regions)
        self.add_number(form, F.POPULATION_PERCENT, self.tr("受影响人口比例（%）"),
                        whole=False, hint=thresholds("population"))
        self.add_number(form, F.PEOPLE_SERVICES_AFFECTED,
                        self.tr("水电气油、交通、医疗等受影响人数"), whole=True,
                        hint=thresholds("people_services_affected"))
        self.add_number(form, F.PERSONAL_INFO_LEAKED, self.tr("个人信息泄露人数"),
                        whole=True, hint=thresholds("personal_info_leaked"))
        self.add_number(form, F.DIRECT_LOSS_YUAN, self.tr("直接经济损失（元）"), whole=True,
                        hint=thresholds("direct_loss_yuan"))
        form = self.new_form(self.tr("网页篡改、传播违法有害信息"))
        # grouped by the highest level whose site list names them (the group caps the level)
        dsites = [(None, self.tr("（不涉及）")),
                  ("provincial_portal", self.tr("特别重大所列：省级以上党政机关门户网站")),
                  ("central_news", self.tr("特别重大所列：中央重点新闻网站")),
                  ("super_large_platform", self.tr("特别重大所列：超大型网络平台")),
                  ("prefectural_portal", self.tr("重大所列：地市级党政机关门户网站")),
                  ("enterprise_portal", self.tr("重大所列：地市级以上企事业单位门户网站")),
                  ("key_news", self.tr("重大所列：省级重点新闻网站")),
                  ("large_platform", self.tr("重大所列：大型网络平台")),
                  ("other", self.tr("较大所列：其他门户网站、新闻网站或网络平台"))]
        self.add_choice(form, F.DEFACEMENT_SITE, self.tr("被篡改的网站"), dsites,
                        hint=[self.tr("网站所在的级别限定传播数据最高可定的级别；"
                                      "省级以上网信部门、公安机关的认定按认定结论。"),
                              *thresholds("defacement")])
        self.add_number(form, F.DEFACEMENT_HOMEPAGE_HOURS, self.tr("首页展示时长（小时）"),
                        whole=False)
        self.add_number(form, F.DEFACEMENT_OTHER_PAGE_HOURS, self.tr("其他页面展示时长（小时）"),
                        whole=False)
        self.add_number(form, F.DEFACEMENT_REPOSTS, self.tr("社交平台转发次数"), whole=True)
        self.add_number(form, F.DEFACEMENT_VIEWS, self.tr("浏览或点击次数"), whole=True)
        rulings = [(None, self.tr("（未认定）")),
                   ("especially_major", self.tr("特大范围")), ("major", self.tr("大范围")),
                   ("relatively_major", self.tr("较大范围"))]
        self.add_choice(form, F.DEFACEMENT_RULING,
                        self.tr("省级以上网信部门或公安机关认定的传播范围"), rulings)
        form = self.new_form(self.tr("研判（由您判断）"))
        none = (None, self.tr("（不适用或未知）"))
        # each level in the Guide's own words (情形第1–3项); the hint quotes the items in full
        self.add_choice(form, F.DATA_THREAT,
                        self.tr("数据泄露等对国家安全和社会稳定的威胁"),
                        [none, ("especially_serious", self.tr("特别严重威胁（特别重大）")),
                         ("serious", self.tr("严重威胁（重大）")),
                         ("relatively_serious", self.tr("较严重威胁（较大）"))],
                        hint=thresholds("data_threat"))
        self.add_choice(form, F.SYSTEM_LOSS, self.tr("重要网络和信息系统损失"),
                        [none, ("especially_serious",
                                self.tr("特别严重的系统损失（特别重大）")),
                         ("serious", self.tr("严重的系统损失（重大）")),
                         ("relatively_serious", self.tr("较大的系统损失（较大）"))],
                        hint=thresholds("system_loss"))
        self.add_choice(form, F.OTHER_THREAT, self.tr("其他威胁或影响"),
                        [none, ("especially_serious",
                                self.tr("特别严重威胁、特别严重影响（特别重大）")),
                         ("serious", self.tr("严重威胁、严重影响（重大）")),
                         ("relatively_serious", self.tr("较严重威胁、较严重影响（较大）"))],
                        hint=thresholds("other_threat"))
        form = self.new_form(self.tr("研判结论"))
        self.assessed = self.add_check(
            form, F.IMPACT_ASSESSED, self.tr("未填写的影响"), self.tr("其余影响均不涉及"))
        self.assessed.setToolTip(self.tr("勾选表示：除本页已填写的事实外，其余影响均不涉及。"
                                         "报告中将写明这一点。"))
        attach_hint_links(self)  # 法规原文 links under the threshold hints
        self.body.addStretch(1)

    def refresh(self) -> None:
        cii = flow.asks_cii_facts(self.model.draft)
        for path in flow.CII_FACT_PATHS:
            self.set_row_visible(path, cii)
        c = self.model.draft.classification()
        report = self.model.draft.report()
        if c is None or report is None:
            self.live.setText(self.tr("当前定级：请先修正下方标出的问题。"))
            return
        level = header_statements(report, c).level   # 待研判 until settled, as every output
        text = (self.tr("按目前填写的事实，定级为：") + "<b>"
                + html.escape(i18n.pick(level.text, level.en)) + "</b>")
        if not c.settled:
            text += "<br/>" + self.tr("尚未填写的事实可能达到较大以上。请填写（0 也算已知），"
                                      "或在本页末尾勾选“其余影响均不涉及”。")
        self.live.setText(text)
