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
from composer.render.wording import (
    ITEM_HEADINGS,
    SUMMARY_HEADING,
    TO_BE_SUPPLEMENTED,
    beijing_time,
    grading_remarks,
    item1_parts,
    item2_parts,
    item6_parts,
    item8_text,
    summary_parts,
)

ITEM_TITLES = ITEM_HEADINGS
"""The eight items of Art. 7: the PDF's own headings (render/wording.py), so what is pasted
into the web form and what is printed say the same."""

SUMMARY_TITLE = SUMMARY_HEADING


@dataclass(frozen=True, slots=True)
class Field:
    key: str        # "item1" … "item8", "summary"
    title: str      # the item's heading
    text: str       # plain text, lines separated by "\n"


def time_text(moment: datetime) -> str:
    return beijing_time(moment)


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
    """Art. 7 items 1–8 (and the Art. 8 summary for a summary report) as plain text: the
    parts and labels the PDF prints (render/wording.py), plus the contact in item 1 and the
    level in item 2 (the PDF's header table carries those)."""
    op, inc = report.operator, report.incident
    contact = f"{op.contact.name}，电话 {op.contact.phone}"
    if not _blank(op.contact.email):
        contact += f"，电子邮箱 {op.contact.email}"
    item1 = item1_parts(report)
    item1.insert(len(item1) - 1, ("联系人", contact))   # before the affected systems
    item2 = item2_parts(report)
    at = next(i for i, (label, _) in enumerate(item2) if label == "事件类型") + 1
    item2.insert(at, ("事件级别", "\n".join([level_text(classification),
                                           *grading_remarks(classification)])))
    item6 = _lines(item6_parts(report), keep_empty=False)
    texts = [_lines(item1), _lines(item2), _text(inc.trend), _text(inc.cause),
             _text(inc.clues), item6 or TO_BE_SUPPLEMENTED, _text(inc.scene_preservation),
             _text(item8_text(report))]
    fields = [Field(f"item{n}", title, text)
              for n, (title, text) in enumerate(zip(ITEM_TITLES, texts, strict=True), start=1)]
    if report.report_type is ReportType.SUMMARY:
        fields.append(Field("summary", SUMMARY_TITLE, _lines(summary_parts(report))))
    return fields


def all_fields_text(fields: list[Field]) -> str:
    """全部复制: every field, its heading on a line of its own, a blank line between."""
    return "\n\n".join(f"{f.title}\n{f.text}" for f in fields) + "\n"
