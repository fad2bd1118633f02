"""Items 1 and 2 of Art. 7 and the fast path of Art. 7 ¶2 ("可先报告第一项、第二项内容").

A report may go out with items 1–2 only when each part of them is really there: filled in, or
explicitly marked by the user as not yet known (``incident.not_yet_known``, an extension of
composer-incident/1), which the report prints as 「暂不掌握，将及时补报」. Only then does it say
「本单位先行报告第一、二项内容」.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from composer.core.model import Report
from composer.core.rules import category

NOT_YET_KNOWN_TEXT = "暂不掌握，将及时补报"
NOT_YET_KNOWN_TEXT_EN = "Not yet known; will be supplemented promptly"


@dataclass(frozen=True, slots=True)
class Part:
    """One part of Art. 7 items 1–2 the user fills in (``key``: path under ``incident``)."""

    key: str
    item: int            # 1 or 2
    zh: str
    en: str
    ransom: bool = False  # only for ransomware


RANSOM_LABELS = ("赎金金额", "支付方式", "索要日期")
"""Art. 7's own words for the ransomware parts of item 2 (REGULATION.md): every label of
these parts (input form, problem messages, PDF, e-mail, copy-ready fields) uses them."""

# The parts a user can leave unknown. The unit's name, the discovery time and the level are
# always there (the file cannot be valid without them).
PARTS: tuple[Part, ...] = (
    Part("systems", 1, "受影响的设施、系统、平台", "affected facilities, systems, platforms"),
    Part("location", 2, "事件地点", "place"),
    Part("category", 2, "事件类型", "type"),
    Part("impact", 2, "已造成的影响和危害", "impact and harm so far"),
    Part("measures", 2, "已采取的应对措施及效果", "measures taken and their effect"),
    Part("ransom.amount", 2, RANSOM_LABELS[0], "ransom amount", ransom=True),
    Part("ransom.method", 2, RANSOM_LABELS[1], "payment method", ransom=True),
    Part("ransom.demanded_at", 2, RANSOM_LABELS[2], "date demanded", ransom=True),
)
KEYS = tuple(p.key for p in PARTS)


def _value(report: Report, key: str) -> Any:
    node: Any = report.incident
    for part in key.split("."):
        node = getattr(node, part, None)
        if node is None:
            return None
    return node


def given(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def is_ransomware(report: Report) -> bool:
    cat = category(report.incident.category)
    return cat is not None and cat.ransom_items


def parts_of(report: Report) -> tuple[Part, ...]:
    """The parts items 1–2 need for this report (the ransom parts for ransomware only)."""
    ransom = is_ransomware(report)
    return tuple(p for p in PARTS if ransom or not p.ransom)


def marked_unknown(report: Report, key: str) -> bool:
    """Marked 暂不掌握 and not filled in (a value typed later wins over the mark)."""
    return key in report.incident.not_yet_known and not given(_value(report, key))


def missing_parts(report: Report) -> tuple[Part, ...]:
    """Parts of items 1–2 that are neither filled in nor marked 暂不掌握."""
    return tuple(p for p in parts_of(report)
                 if not given(_value(report, p.key)) and p.key not in report.incident.not_yet_known)


def items_1_2_complete(report: Report) -> bool:
    return not missing_parts(report)


def later_items_empty(report: Report) -> bool:
    """Nothing the user wrote for items 3–8 (the statements on a suspected crime and the
    police report are not analysis still to come, so they do not count)."""
    inc = report.incident
    texts = (inc.trend, inc.cause, inc.clues, inc.next_steps, inc.support_requested,
             inc.scene_preservation, inc.other)
    return not any(given(t) for t in texts)


def reports_first_two_items(report: Report) -> bool:
    """The report may say 「本单位先行报告第一、二项内容」: an initial report whose items 3–8
    are all still open and whose items 1–2 are each filled in or marked 暂不掌握."""
    from composer.core.model import ReportType
    return (report.report_type is ReportType.INITIAL and later_items_empty(report)
            and items_1_2_complete(report))


# --- item 8: what the unit states about a suspected crime and the police ----------------------

def _beijing(moment: Any) -> str:
    from composer.core.obligations import in_china
    return in_china(moment).strftime("%Y-%m-%d %H:%M") + "（北京时间）"


def crime_statements(report: Report) -> tuple[str, ...]:
    """Exactly what the unit said: that a crime is suspected, and whether/when/to whom the
    police were told (``incident.police_report``); nothing it did not say."""
    inc = report.incident
    out: list[str] = []
    if inc.suspected_crime:
        out.append("事件涉嫌违法犯罪。")
    police = inc.police_report
    if police is not None:
        if not police.reported:
            out.append("尚未向公安机关报案。")
        else:
            to = police.to or "公安机关"
            out.append(f"已于 {_beijing(police.at)}向{to}报案。")
    return tuple(out)
