"""Copy-ready fields for the web form, the mini-program and the WeChat account.

Qt-free. :func:`report_fields` gives each item of Art. 7 as plain text (no markup, no HTML, no
escaping), in the Measures' item order, for the channels where the user types or pastes the
report into a form (12387.cert.org.cn, the 12387 mini-program, the CNCERT account). The GUI's
复制 buttons and :func:`all_fields_text` (全部复制) copy exactly these texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from composer.core.classify import Classification
from composer.core.grading import UNVERIFIED_NOTICE
from composer.core.model import Report, ReportType
from composer.core.obligations import in_china
from composer.core.rules import category

TO_BE_SUPPLEMENTED = "待补报"

ITEM_TITLES = (
    "一、涉事单位名称及涉事系统或设施基本情况",
    "二、事件发现或发生的时间、地点、类型、级别，已造成的影响和危害，已采取的措施及效果",
    "三、事态发展趋势及可能造成的进一步影响和危害",
    "四、事件原因初步分析意见",
    "五、溯源调查工作线索（可能的攻击者信息、攻击路径、存在的漏洞等）",
    "六、拟进一步采取的应对措施以及请求支援事项",
    "七、事件现场保护情况",
    "八、其他应当报告的情况",
)
"""The eight items of Art. 7 in the Measures' order and (shortened) wording."""

SUMMARY_TITLE = "九、事件处置总结（《办法》第八条）"
SUSPECTED_CRIME = "事件涉嫌违法犯罪，本单位依法向公安机关报案。"


@dataclass(frozen=True, slots=True)
class Field:
    key: str        # "item1" … "item8", "summary"
    title: str      # the item's heading
    text: str       # plain text, lines separated by "\n"


def time_text(moment: datetime) -> str:
    return in_china(moment).strftime("%Y-%m-%d %H:%M") + "（北京时间）"


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _lines(entries: list[tuple[str, str | None]], *, keep_empty: bool = True) -> str:
    out = []
    for label, value in entries:
        if _blank(value):
            if keep_empty:
                out.append(f"{label}：{TO_BE_SUPPLEMENTED}")
            continue
        assert value is not None
        text = "\n".join(line.strip() for line in value.strip().splitlines() if line.strip())
        out.append(f"{label}：{text}")
    return "\n".join(out)


def _text(value: str | None) -> str:
    if _blank(value):
        return TO_BE_SUPPLEMENTED
    assert value is not None
    return "\n".join(line.strip() for line in value.strip().splitlines() if line.strip())


def level_text(classification: Classification) -> str:
    g = classification.grading
    text = f"{g.level.zh}事件"
    if g.criteria:
        text += "（依据：" + "；".join(k.reason for k in g.criteria) + "）"
    if classification.unconfirmed:
        text += f"【{UNVERIFIED_NOTICE}】"
    return text


def report_fields(report: Report, classification: Classification) -> list[Field]:
    """Art. 7 items 1–8 (and the Art. 8 summary for a summary report) as plain text."""
    op, inc = report.operator, report.incident
    contact = f"{op.contact.name}，电话 {op.contact.phone}"
    if not _blank(op.contact.email):
        contact += f"，电子邮箱 {op.contact.email}"
    item1 = _lines([("涉事单位", op.name), ("单位类型", op.kind.zh),
                    ("统一社会信用代码", op.credit_code), ("所在省份", op.province),
                    ("保护工作部门", op.protection_department),
                    ("本部门网信工作机构", op.cac_office)], keep_empty=False)
    item1 += "\n" + _lines([("联系人", contact), ("涉事系统或设施", inc.systems)])
    cat = category(inc.category)
    entries: list[tuple[str, str | None]] = [
        ("事件名称", inc.title),
        ("发现时间", time_text(inc.discovered_at)),
        ("发生时间", time_text(inc.occurred_at) if inc.occurred_at else None),
        ("地点", inc.location),
        ("类型", cat.zh if cat is not None else inc.category),
        ("级别", level_text(classification)),
        ("事件经过", inc.description),
        ("已造成的影响和危害", inc.impact),
        ("已采取的措施及效果", inc.measures),
    ]
    if cat is not None and cat.ransom_items:
        ransom = inc.ransom
        entries += [("要求支付赎金的金额", ransom.amount if ransom else None),
                    ("支付方式", ransom.method if ransom else None),
                    ("日期", time_text(ransom.demanded_at)
                     if ransom and ransom.demanded_at else None)]
    if report.report_type is ReportType.SUMMARY:
        entries.append(("处置结束时间", time_text(inc.handling_completed_at)
                        if inc.handling_completed_at else None))
    item6 = _lines([("拟进一步采取的应对措施", inc.next_steps),
                    ("请求支援事项", inc.support_requested)], keep_empty=False)
    item8 = "\n".join(t.strip() for t in (inc.other or "", SUSPECTED_CRIME
                                          if inc.suspected_crime else "") if t.strip())
    texts = [item1, _lines(entries), _text(inc.trend), _text(inc.cause), _text(inc.clues),
             item6 or TO_BE_SUPPLEMENTED, _text(inc.scene_preservation), _text(item8)]
    fields = [Field(f"item{n}", title, text)
              for n, (title, text) in enumerate(zip(ITEM_TITLES, texts, strict=True), start=1)]
    if report.report_type is ReportType.SUMMARY:
        fields.append(Field("summary", SUMMARY_TITLE, _lines([
            ("责任处理情况", inc.accountability), ("整改落实情况", inc.remediation),
            ("经验教训", inc.lessons)])))
    return fields


def all_fields_text(fields: list[Field]) -> str:
    """全部复制: every field, its heading on a line of its own, a blank line between."""
    return "\n\n".join(f"{f.title}\n{f.text}" for f in fields) + "\n"
