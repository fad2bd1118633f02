"""What a report states under each item of Art. 7 (and the Art. 8 summary): the headings in
the law's own words, each part with its value or 待补报 / 暂不掌握，将及时补报, the impact
figures in the rule data's units, the ransom parts, what the unit says about the police, and
the fast-path sentence of Art. 7 ¶2.

Qt-free; part of :mod:`composer.core.statement`.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from composer.core import art7
from composer.core.fields import LABEL_ZH, Field, fact, leaves_under
from composer.core.grading import fact_value, format_given
from composer.core.model import Report, ReportType
from composer.core.rules import category, grading_rules
from composer.core.spoken import spoken_figures, spoken_time
from composer.core.statement_base import (
    EMAIL,
    FIELDS,
    PDF,
    REPORT_OUTPUTS,
    SCRIPT,
    TO_BE_SUPPLEMENTED,
    Statement,
    beijing_time,
    carriers,
)

_NUMERALS = "一二三四五六七八九"
SUMMARY_HEADING = "九、事件处置总结（《办法》第八条）"
SUMMARY_LEAD = "事件原因分析、应对处置措施及造成的危害见第二、四项。"
ART7_PARA2 = ("根据《国家网络安全事件报告管理办法》第七条第二款，事件原因、影响、态势等暂时无法判定，"
              "本单位先行报告第一、二项内容，其余事项将及时补报。")
SUMMARY_LABELS = ("责任处理情况", "整改落实情况", "经验教训")
"""The Art. 8 parts of the summary (cause, measures and harm are items 2 and 4)."""
RANSOM_CLAUSE = "；对勒索软件攻击事件，还应当包括要求支付赎金的金额、方式、日期等"


@cache
def item_headings() -> tuple[str, ...]:
    """The eight items of Art. 7 in the law's own words (from the bundled verbatim text,
    GUIDE-2025.md), numbered 一、… 八、 — item 2 without its ransomware clause (which
    :func:`heading` adds for a ransomware report)."""
    from composer.core.guide import load_guide

    guide = load_guide()
    out = []
    for n in range(1, 9):
        text = "".join(guide.item(f"art-7-{n}").zh).rstrip("；。")
        if n == 2:
            text = text.split(RANSOM_CLAUSE)[0]
        out.append(f"{_NUMERALS[n - 1]}、{text}")
    return tuple(out)


def heading(report: Report, n: int) -> str:
    """Item ``n``'s heading for this report (1–8; 9: the Art. 8 summary)."""
    if n == 9:
        return SUMMARY_HEADING
    text = item_headings()[n - 1]
    if n == 2 and art7.is_ransomware(report):
        text += RANSOM_CLAUSE
    return text


def _part(key: str, item: int, label: str, value: str | None, *, mark: str | None = None,
          report: Report | None = None, spoken: str = "", user: bool = True,
          where: frozenset[str] = REPORT_OUTPUTS) -> Statement:
    """A part: its value, 暂不掌握，将及时补报 when marked so (``mark``: its not_yet_known
    key), or 待补报."""
    if value is not None and value.strip():
        return Statement(key, value.strip(), label=label, item=item, spoken=spoken, user=user,
                         carriers=where)
    if mark is not None and report is not None and art7.marked_unknown(report, mark):
        return Statement(key, art7.NOT_YET_KNOWN_TEXT, label=label, item=item, empty=True,
                         carriers=where)
    return Statement(key, TO_BE_SUPPLEMENTED, label=label, item=item, empty=True,
                     carriers=where)


def _time(moment: datetime | None) -> tuple[str | None, str]:
    return (beijing_time(moment), spoken_time(moment)) if moment is not None else (None, "")


def category_text(category_id: str | None) -> str | None:
    if category_id is None or not category_id.strip():
        return None
    cat = category(category_id)
    return cat.zh if cat is not None else category_id


def _unit_of(path: str) -> str | None:
    """The unit the rule data compares a fact path with (people, yuan, times, duration…)."""
    for family in grading_rules():
        for criterion in family.criteria:
            for test in criterion.tests:
                if test.fact == path and test.unit is not None:
                    return test.unit
    return None


def figures(report: Report) -> tuple[str, str] | None:
    """The impact facts the unit gave, each with its label and its figure in the rule data's
    unit, as written and as said (``个人信息泄露人数 1,200,000 人`` /
    ``个人信息泄露人数约一百二十万人``); None when no figure is given."""
    parts = []
    for path in leaves_under(Field.IMPACT_FACTS.value):
        unit = _unit_of(path)
        value = fact_value(report.impact_facts, path)
        if unit is None or value is None:
            continue
        text = f"{LABEL_ZH[fact(path)]} {format_given(unit, value)}"
        population = report.impact_facts.population
        if fact(path) is Field.POPULATION_PERCENT and population is not None:
            text += f"（{population.region.zh}）"
        parts.append(text)
    if not parts:
        return None
    written = "；".join(parts)
    return written, spoken_figures(written)


def item_statements(report: Report, level: list[Statement]) -> list[Statement]:
    """Items 1–8 (and 9 for a summary report) in order, each part a statement; ``level`` (the
    level statements) is placed in item 2, where the law lists 级别."""
    op, inc = report.operator, report.incident
    out = [Statement(f"heading.{n}", heading(report, n), item=n,
                     carriers=carriers(PDF, EMAIL, FIELDS)) for n in range(1, 10)
           if n < 9 or report.report_type is ReportType.SUMMARY]
    email = (op.contact.email or "").strip()
    contact = f"{op.contact.name.strip()}，电话：{op.contact.phone.strip()}" + (
        f"，电子邮箱：{email}" if email else "")
    out += [Statement("contact", contact, label="联系人", carriers=carriers(PDF, EMAIL, FIELDS)),
            _part("item1.name", 1, "报告单位", op.name),
            _part("item1.kind", 1, "单位类型", op.kind.zh, user=False)]
    for key, label, value in (("credit_code", "统一社会信用代码", op.credit_code),
                              ("province", "所在省份", op.province),
                              ("protection_department", "保护工作部门", op.protection_department),
                              ("cac_office", "本部门网信工作机构", op.cac_office)):
        if value is not None and value.strip():
            out.append(_part(f"item1.{key}", 1, label, value))
    out.append(_part("item1.systems", 1, "受影响的设施、系统、平台", inc.systems,
                     mark="systems", report=report))
    discovered, discovered_said = _time(inc.discovered_at)
    occurred, occurred_said = _time(inc.occurred_at)
    out += [_part("item2.title", 2, "事件名称", inc.title),
            _part("item2.discovered_at", 2, "发现时间", discovered, spoken=discovered_said,
                  user=False)]
    if occurred is not None:   # Art. 7: the time of discovery *or* occurrence — not owed
        out.append(_part("item2.occurred_at", 2, "发生时间", occurred, spoken=occurred_said,
                         user=False))
    out += [_part("item2.location", 2, "事件地点", inc.location, mark="location",
                  report=report),
            _part("item2.category", 2, "事件类型", category_text(inc.category),
                  mark="category", report=report, user=False)]
    out += level
    out += [_part("item2.description", 2, "事件经过", inc.description),
            _part("item2.impact", 2, "已造成的影响和危害", inc.impact, mark="impact",
                  report=report)]
    figs = figures(report)
    if figs is not None:
        out.append(Statement("item2.figures", figs[0], label="影响事实", spoken=figs[1],
                             item=2, carriers=REPORT_OUTPUTS))
    out.append(_part("item2.measures", 2, "已采取的应对措施及效果", inc.measures,
                     mark="measures", report=report))
    if art7.is_ransomware(report):
        r = inc.ransom
        demanded, demanded_said = _time(r.demanded_at if r else None)
        for (key, mark), label, value, said in zip(
                (("amount", "ransom.amount"), ("method", "ransom.method"),
                 ("demanded_at", "ransom.demanded_at")), art7.RANSOM_LABELS,
                (r.amount if r else None, r.method if r else None, demanded),
                ("", "", demanded_said), strict=True):
            out.append(_part(f"item2.ransom.{key}", 2, label, value, mark=mark, report=report,
                             spoken=said, user=key != "demanded_at"))
    if report.report_type is ReportType.SUMMARY:
        handled, handled_said = _time(inc.handling_completed_at)
        out.append(_part("item2.handling_completed_at", 2, "事件处置结束时间", handled,
                         spoken=handled_said, user=False))
    if art7.reports_first_two_items(report):  # Art. 7 ¶2, only when items 1–2 are there
        out.append(Statement("fast_path", ART7_PARA2, item=2,
                             carriers=carriers(PDF, EMAIL, SCRIPT, FIELDS)))
    written = carriers(PDF, EMAIL, FIELDS)   # items 3–9: not on the phone (Art. 7 ¶2)
    out += [_part("item3", 3, "", inc.trend, where=written),
            _part("item4", 4, "", inc.cause, where=written),
            _part("item5", 5, "", inc.clues, where=written)]
    six = [(k, label, v) for k, label, v in (("next_steps", "拟采取的应对措施", inc.next_steps),
                                             ("support_requested", "请求支援事项",
                                              inc.support_requested))
           if v is not None and v.strip()]
    out += ([_part(f"item6.{k}", 6, label, v, where=written) for k, label, v in six] if six
            else [_part("item6", 6, "", None, where=written)])
    out.append(_part("item7", 7, "", inc.scene_preservation, where=written))
    police = art7.crime_statements(report)
    if inc.other is not None and inc.other.strip():
        out.append(_part("item8.other", 8, "", inc.other, where=written))
    if police:
        out.append(Statement("police", "".join(police), item=8, carriers=written))
    if not police and not (inc.other or "").strip():
        out.append(_part("item8", 8, "", None, where=written))
    if report.report_type is ReportType.SUMMARY:
        out.append(Statement("summary.lead", SUMMARY_LEAD, item=9,
                             carriers=carriers(PDF, EMAIL)))
        for key, label, value in zip(("accountability", "remediation", "lessons"),
                                     SUMMARY_LABELS,
                                     (inc.accountability, inc.remediation, inc.lessons),
                                     strict=True):
            out.append(_part(f"summary.{key}", 9, label, value, where=written))
    return out


__all__ = ["ART7_PARA2", "RANSOM_CLAUSE", "SUMMARY_HEADING", "SUMMARY_LABELS", "SUMMARY_LEAD",
           "category_text", "figures", "heading", "item_headings", "item_statements"]
