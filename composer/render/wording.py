"""Wording shared by every output (PDF report, e-mail, fax cover): one place for each text.

Qt-free and light (no reportlab, no PDFium): the e-mail and the fax cover import it without
pulling in the PDF machinery. :func:`art7_items` is the item checklist of the e-mail; it is built
from the same headings and parts the PDF prints (:data:`ITEM_HEADINGS`, :func:`item2_parts` …),
so the two cannot disagree.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from composer.core import art7
from composer.core.classify import Classification
from composer.core.hygiene import clean
from composer.core.model import Report, ReportType
from composer.core.obligations import in_china
from composer.core.rules import category

TO_BE_SUPPLEMENTED = "待补报"

ITEM_HEADINGS = (
    "一、报告单位及受影响设施、系统、平台的基本情况",
    "二、事件发现或发生的时间、地点、类型，已造成的影响和危害，已采取的应对措施及效果",
    "三、事件可能的发展态势及可能造成的进一步影响和危害",
    "四、事件原因的初步分析",
    "五、进一步调查分析所需的线索（可能的攻击者信息、攻击路径、利用的漏洞等）",
    "六、拟进一步采取的应对措施及请求支持事项",
    "七、事件现场保护情况",
    "八、其他应当报告的事项",
)
"""Headings of the eight items of Art. 7 (paraphrased), in the order of REGULATION.md."""

SUMMARY_HEADING = "九、事件处置总结（《办法》第八条）"

RANSOM_LABELS = art7.RANSOM_LABELS
"""Art. 7's own words for the ransomware parts of item 2 (defined once, in core/art7.py)."""

SUMMARY_LABELS = ("责任处理情况", "整改落实情况", "经验教训")
"""The Art. 8 parts of the summary (cause, measures and harm are items 2 and 4)."""



def fmt_time(moment: datetime) -> str:
    """China Standard Time, to the minute: ``2026-11-18 18:05``."""
    return in_china(moment).strftime("%Y-%m-%d %H:%M")


def beijing_time(moment: datetime) -> str:
    """``2026-11-18 14:05（北京时间）``: to the minute, in +08:00."""
    return fmt_time(moment) + "（北京时间）"


def header_text(text: str, limit: int = 200) -> str:
    """One line of header-safe text: invisible characters are left out (the text hygiene of
    :mod:`composer.core.hygiene`, never a visible space: 示例\u200b数据 stays 示例数据), line
    breaks and tabs become single spaces."""
    out = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                  for c in clean(text))
    out = " ".join(out.split())
    return out if len(out) <= limit else out[: limit - 1] + "…"


def level_text(classification: Classification) -> str:
    g = classification.grading
    return g.level.zh + ("（待核实）" if classification.unconfirmed else "")


def grading_remarks(classification: Classification) -> list[str]:
    """The 「说明：…」 lines beside the level — a site that capped the level (or kept a
    criterion from applying), a site not given that could raise it — as the PDF, the e-mail,
    the fax cover and the phone script print them."""
    return ["说明：" + note for note in classification.grading.notes_zh]


def report_title(report: Report) -> str:
    """``网络安全事件报告（首报）``."""
    return f"网络安全事件报告（{report.report_type.zh}）" + ("（更正）" if report.correction else "")


def subject_line(report: Report, classification: Classification) -> str:
    """``【网络安全事件报告·首报】华东优选零售有限公司 较大 2026-11-18`` (date of discovery)."""
    day = in_china(report.incident.discovered_at).strftime("%Y-%m-%d")
    unit = header_text(report.operator.name, 80)
    return header_text(f"【网络安全事件报告·{report.type_zh}】{unit} "
                       f"{level_text(classification)} {day}", 200)


def is_ransomware(report: Report) -> bool:
    cat = category(report.incident.category)
    return cat is not None and cat.ransom_items


def category_text(category_id: str | None) -> str | None:
    if category_id is None or not category_id.strip():
        return None
    cat = category(category_id)
    return cat.zh if cat is not None else category_id


def _known(report: Report, key: str, value: str | None, mark: bool) -> str | None:
    """The value, or 「暂不掌握，将及时补报」 when the unit marked the part not yet known."""
    if mark and art7.marked_unknown(report, key):
        return art7.NOT_YET_KNOWN_TEXT
    return value


# label of a part of items 1–2 -> its key in incident.not_yet_known (core/art7.py)
_PART_KEYS = {"受影响的设施、系统、平台": "systems", "事件地点": "location", "事件类型": "category",
              "已造成的影响和危害": "impact", "已采取的应对措施及效果": "measures",
              RANSOM_LABELS[0]: "ransom.amount", RANSOM_LABELS[1]: "ransom.method",
              RANSOM_LABELS[2]: "ransom.demanded_at"}


def item1_parts(report: Report, mark: bool = True) -> list[tuple[str, str | None]]:
    """Item 1 as the PDF prints it: (label, text) of each part (with ``mark``, a part marked
    暂不掌握 reads so)."""
    op, inc = report.operator, report.incident
    parts: list[tuple[str, str | None]] = [("报告单位", op.name), ("单位类型", op.kind.zh)]
    for label, value in (("统一社会信用代码", op.credit_code), ("所在省份", op.province),
                         ("保护工作部门", op.protection_department),
                         ("本部门网信工作机构", op.cac_office)):
        if value is not None and value.strip():
            parts.append((label, value))
    parts.append(("受影响的设施、系统、平台", _known(report, "systems", inc.systems, mark)))
    return parts


def item2_parts(report: Report, mark: bool = True) -> list[tuple[str, str | None]]:
    """Item 2 as the PDF prints it (ransom parts for ransomware, the end of handling for a
    summary report)."""
    inc = report.incident
    parts: list[tuple[str, str | None]] = [
        ("事件名称", inc.title),
        ("发现时间", beijing_time(inc.discovered_at)),
        ("发生时间", beijing_time(inc.occurred_at) if inc.occurred_at else None),
        ("事件地点", _known(report, "location", inc.location, mark)),
        ("事件类型", _known(report, "category", category_text(inc.category), mark)),
        ("事件经过", inc.description),
        ("已造成的影响和危害", _known(report, "impact", inc.impact, mark)),
        ("已采取的应对措施及效果", _known(report, "measures", inc.measures, mark)),
    ]
    if is_ransomware(report):
        ransom = inc.ransom
        values = (ransom.amount if ransom else None, ransom.method if ransom else None,
                  beijing_time(ransom.demanded_at) if ransom and ransom.demanded_at else None)
        parts += [(label, _known(report, _PART_KEYS[label], value, mark))
                  for label, value in zip(RANSOM_LABELS, values, strict=True)]
    if report.report_type is ReportType.SUMMARY:
        parts.append(("事件处置结束时间", beijing_time(inc.handling_completed_at)
                      if inc.handling_completed_at else None))
    return parts


def item6_parts(report: Report) -> list[tuple[str, str | None]]:
    inc = report.incident
    return [("拟采取的应对措施", inc.next_steps), ("请求支持事项", inc.support_requested)]


def item8_text(report: Report) -> str:
    inc = report.incident
    return "\n".join(t for t in (inc.other or "", "".join(art7.crime_statements(report)))
                     if t.strip())


def summary_parts(report: Report) -> list[tuple[str, str | None]]:
    inc = report.incident
    return list(zip(SUMMARY_LABELS, (inc.accountability, inc.remediation, inc.lessons),
                    strict=True))


@dataclass(frozen=True, slots=True)
class Art7Item:
    number: int
    zh: str
    filled: tuple[str, ...]      # labels of the parts that are given
    missing: tuple[str, ...]     # labels of the parts that are not
    optional: bool = False
    not_yet_known: tuple[str, ...] = ()   # labels the unit marked 暂不掌握 (Art. 7 ¶2)

    @property
    def status(self) -> str:
        if not self.missing and self.not_yet_known:
            return "已填写；" + "、".join(self.not_yet_known) + "暂不掌握，将及时补报"
        if not self.missing:
            return "已填写"
        if not self.filled:
            return "未填写（可选）" if self.optional else "未填写"
        return "部分填写，缺：" + "、".join(self.missing)


def _given(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _heading(text: str) -> str:
    return text.split("、", 1)[1]


def art7_items(report: Report) -> list[Art7Item]:
    """The eight items of Art. 7 (and, for a summary report, item 九 of Art. 8) with the
    headings and parts of the PDF, and whether the report gives each part."""
    inc = report.incident
    parts: list[tuple[int, str, list[tuple[str, object]], bool]] = [
        (1, ITEM_HEADINGS[0], list(item1_parts(report, mark=False)), False),
        (2, ITEM_HEADINGS[1], list(item2_parts(report, mark=False)), False),
        (3, ITEM_HEADINGS[2], [("发展态势", inc.trend)], False),
        (4, ITEM_HEADINGS[3], [("原因分析", inc.cause)], False),
        (5, ITEM_HEADINGS[4], [("线索", inc.clues)], False),
        (6, ITEM_HEADINGS[5], [("拟采取的应对措施", inc.next_steps)], False),
        (7, ITEM_HEADINGS[6], [("现场保护情况", inc.scene_preservation)], False),
        (8, ITEM_HEADINGS[7], [("其他事项", item8_text(report))], True),
    ]
    if report.report_type is ReportType.SUMMARY:
        parts.append((9, SUMMARY_HEADING, list(summary_parts(report)), False))

    def unknown(label: str, n: int) -> bool:
        return n <= 2 and label in _PART_KEYS and art7.marked_unknown(report, _PART_KEYS[label])

    return [Art7Item(n, _heading(zh), tuple(label for label, v in fields if _given(v)),
                     tuple(label for label, v in fields
                           if not _given(v) and not unknown(label, n)), optional,
                     tuple(label for label, v in fields if unknown(label, n)))
            for n, zh, fields, optional in parts]
