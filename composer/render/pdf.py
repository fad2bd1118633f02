"""The report PDF: a Chinese incident report laid out like an official document (GB/T 9704).

Qt-free. :func:`render_report_pdf` turns a :class:`~composer.core.model.Report` and its
:class:`~composer.core.classify.Classification` into PDF bytes: a title naming the report type,
a header table (recipients, reporting unit, contact, times, level and its basis, deadline), the
eight items of Art. 7 of the Measures in order (an empty item reads "待补报"), and a signature and
seal block. Every user text goes through :func:`composer.render.fonts.paragraph_markup`
(escaping and per-character font fallback). Equal inputs and ``generated_at`` give equal bytes.
Layout details (page, styles, line breaking, page numbers) live in
:mod:`composer.render.pdf_layout`.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from composer import __version__
from composer.core import art7
from composer.core.classify import Classification
from composer.core.grading import UNVERIFIED_NOTICE
from composer.core.model import Report, ReportType
from composer.core.obligations import Obligation, in_china, lateness
from composer.core.rules import category, reporting_rules
from composer.render import fonts
from composer.render import pdf_layout as L

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

CONFIRMED_BY_UNIT = "（定级所依据的部分数值尚待正式文本核实，本单位已对照《网络安全事件分级指南》原文确认。）"
SUMMARY_HEADING = "九、事件处置总结（《办法》第八条）"
SUMMARY_LEAD = "事件原因分析、应对处置措施及造成的危害见第二、四项。"

ART7_PARA2 = ("根据《国家网络安全事件报告管理办法》第七条第二款，事件原因、影响、态势等暂时无法判定，"
              "本单位先行报告第一、二项内容，其余事项将及时补报。")
VOLUNTARY = ("经定级为一般事件，不属于《国家网络安全事件报告管理办法》第四条规定的必须报告情形，"
             "本报告为自愿报告。")

LATE_LEAD = "本报告晚于上述时限报送，迟报 "
NO_DELAY_REASON = "未说明"
_NUMERALS = "一二三四五六七八九十"
_BASIS_ZH = {"Measures art. 4": "《办法》第四条", "Measures art. 7": "《办法》第七条",
             "Measures art. 8": "《办法》第八条"}


def render_report_pdf(report: Report, classification: Classification, *,
                      generated_at: datetime) -> bytes:
    """The report as PDF bytes (A4, fonts embedded, "第 N 页 共 M 页" on every page).

    ``generated_at`` (timezone-aware) is printed on the report and becomes the PDF creation
    date; equal inputs give byte-identical output.
    """
    if generated_at.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware")
    fonts.register()
    inc = report.incident
    title = f"网络安全事件报告（{report.report_type.zh}）"
    level = classification.grading.level
    keywords = ["网络安全事件报告", report.report_type.zh, f"{level.zh}事件"]
    cat = category(inc.category)
    if cat is not None:
        keywords.append(cat.zh)
    one_line = " ".join(inc.title.split())
    buf = io.BytesIO()
    doc = L.document(
        buf, title=f"{title}：{one_line}", author=" ".join(report.operator.name.split()),
        subject=f"《国家网络安全事件报告管理办法》第七条事件报告 — {one_line}",
        creator=f"Composer {__version__}", keywords=keywords, lang="zh-CN")
    story = [L.CJKParagraph(title, L.TITLE),
             L.CJKParagraph(fonts.paragraph_markup(inc.title), L.SUBTITLE),
             _header_table(report, classification, generated_at)]
    if classification.unconfirmed:
        story.append(KeepTogether([L.CJKParagraph(
            f"提示：{UNVERIFIED_NOTICE}。本事件级别所依据的标准尚未与正式文本核实，"
            "报送前请核对《网络安全事件分级指南》原文并确认级别。", L.NOTE)]))
    story += _items(report)
    story.append(_signature_block(generated_at))
    doc.build(story, canvasmaker=L.numbered_canvas(generated_at))
    return buf.getvalue()


# --- small helpers ---------------------------------------------------------------------------


def beijing_time(moment: datetime) -> str:
    """``2026-11-18 14:05（北京时间）``: to the minute, in +08:00."""
    return in_china(moment).strftime("%Y-%m-%d %H:%M") + "（北京时间）"


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _paragraphs(text: str) -> list[str]:
    """User text split at line breaks into non-empty paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.strip() for line in lines if line.strip()]


def _text_flowables(text: str | None, label: str = "") -> list[Flowable]:
    """Body paragraphs for a user text (``待补报`` if empty), the first led by a bold label."""
    lead = f"<b>{label}</b>" if label else ""
    parts = _paragraphs(text) if text else []
    if not parts:
        return [L.CJKParagraph(lead + TO_BE_SUPPLEMENTED, L.BODY)]
    out: list[Flowable] = [L.CJKParagraph(lead + fonts.paragraph_markup(parts[0]), L.BODY)]
    out += [L.CJKParagraph(fonts.paragraph_markup(p), L.BODY) for p in parts[1:]]
    return out


def _sub_items(entries: list[tuple[str, str | None]]) -> list[Flowable]:
    """Numbered sub-items （一）label：text … (empty ones read 待补报)."""
    out: list[Flowable] = []
    for n, (label, text) in enumerate(entries):
        out += _text_flowables(text, f"（{_numeral(n + 1)}）{label}：")
    return out


def _numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    return ("" if n < 20 else _NUMERALS[n // 10 - 1]) + "十" + (
        _NUMERALS[n % 10 - 1] if n % 10 else "")


# --- header ----------------------------------------------------------------------------------


def _recipients(classification: Classification) -> str:
    channels = reporting_rules().channels
    to = [o.to for o in classification.duties.obligations if o.action == "report"]
    intake = (f"{channels.intake_zh}（电子邮箱 {channels.email}，传真 {channels.fax}）")
    return "；".join([*dict.fromkeys(to), intake])


def _deadline(report: Report, c: Classification) -> str | None:
    obligations = c.duties.obligations
    if report.report_type is ReportType.SUMMARY:
        summary = next((o for o in obligations if o.action == "summary" and o.due), None)
        if summary is not None:
            return _due_text(summary, [summary])
    first = c.duties.first_due
    if first is None:
        return None
    same = [o for o in obligations if o.due == first.due and o.action == first.action]
    text = _due_text(first, same)
    if report.report_type is ReportType.FOLLOW_UP:
        text = f"首报：{text}；续报：出现重要新情况或调查取得进展时及时报送"
    return text


def _due_text(first: Obligation, same: list[Obligation]) -> str:
    assert first.due is not None
    to = "、".join(dict.fromkeys(o.to for o in same))
    within = ""
    if first.within is not None:
        minutes = int(first.within.total_seconds() // 60)
        span = (f"{minutes // 1440} 日" if minutes % 1440 == 0 else
                f"{minutes // 60} 小时" if minutes % 60 == 0 else f"{minutes} 分钟")
        start = "处置结束后" if first.action == "summary" else "发现后"
        within = f"，{start} {span}内"
    basis = _BASIS_ZH.get(first.basis, first.basis)
    return f"{beijing_time(first.due)}前报送{to}（{basis}{within}）"


def _header_table(report: Report, c: Classification, generated_at: datetime) -> Table:
    op, inc, g = report.operator, report.incident, c.grading
    m = fonts.paragraph_markup
    unit = f"{m(op.name)}（{op.kind.zh}）"
    if not _blank(op.credit_code):
        unit += f"<br/>统一社会信用代码：{m(op.credit_code or '')}"
    contact = f"{m(op.contact.name)}<br/>电话：{m(op.contact.phone)}"
    if not _blank(op.contact.email):
        contact += f"<br/>电子邮箱：{m(op.contact.email or '')}"
    level = f"<b>{g.level.zh}</b>"
    if g.criteria:
        level += "<br/>依据：" + "；".join(m(k.reason) for k in g.criteria)
    for note in g.notes_zh:  # a site that capped the level, or a site not given
        level += "<br/>说明：" + m(note)
    if c.unconfirmed:
        level += f"<br/><b>【{UNVERIFIED_NOTICE}】</b>"
    elif g.needs_confirmation:
        level += "<br/>" + CONFIRMED_BY_UNIT
    rows: list[tuple[str, str]] = [
        ("主送", m(_recipients(c))),
        ("报告单位", unit),
        ("联系人", contact),
        ("发现时间", beijing_time(inc.discovered_at)),
        ("发生时间", beijing_time(inc.occurred_at) if inc.occurred_at else TO_BE_SUPPLEMENTED),
    ]
    if report.report_type is ReportType.SUMMARY:
        rows.append(("处置结束时间", beijing_time(inc.handling_completed_at)
                     if inc.handling_completed_at else TO_BE_SUPPLEMENTED))
    rows.append(("事件级别", level))
    deadline = _deadline(report, c)
    late = lateness(report, c.duties, generated_at) if g.reportable else None
    if not g.reportable:
        rows.append(("报告性质", f"<b>{VOLUNTARY}</b>"))
    elif deadline is not None:
        rows.append(("报告时限", m(deadline) + (
            f"<br/><b>{LATE_LEAD}{late.zh}（时限已过）</b>" if late else "")))
    if late is not None:  # say so, with the unit's reason (迟报原因)
        rows.append(("迟报原因", m(inc.delay_reason) if not _blank(inc.delay_reason)
                     else NO_DELAY_REASON))
    rows.append(("生成时间", beijing_time(generated_at)))
    label_width = 6 * L.TABLE_SIZE + 12
    data = [[L.CJKParagraph(label, L.CELL_LABEL), L.CJKParagraph(value, L.CELL)]
            for label, value in rows]
    table = Table(data, colWidths=[label_width, L.FRAME_WIDTH - label_width],
                  splitInRow=1, spaceAfter=L.BODY_LEADING / 2)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, L.TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), L.RULE_WIDTH, L.INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


# --- the eight items of Art. 7 -----------------------------------------------------------------


def _is_ransomware(report: Report) -> bool:
    cat = category(report.incident.category)
    return cat is not None and cat.ransom_items


def _category_text(category_id: str | None) -> str | None:
    if _blank(category_id):
        return None
    cat = category(category_id)
    return cat.zh if cat is not None else category_id


def _known(report: Report, key: str, value: str | None) -> str | None:
    """The value, or 「暂不掌握，将及时补报」 when the unit marked the part not yet known."""
    if art7.marked_unknown(report, key):
        return art7.NOT_YET_KNOWN_TEXT
    return value


def _items(report: Report) -> list[Flowable]:
    op, inc = report.operator, report.incident
    item1: list[tuple[str, str | None]] = [("报告单位", op.name), ("单位类型", op.kind.zh)]
    for label, value in (("统一社会信用代码", op.credit_code), ("所在省份", op.province),
                         ("保护工作部门", op.protection_department),
                         ("本部门网信工作机构", op.cac_office)):
        if not _blank(value):
            item1.append((label, value))
    item1.append(("受影响的设施、系统、平台", _known(report, "systems", inc.systems)))

    item2: list[tuple[str, str | None]] = [
        ("事件名称", inc.title),
        ("发现时间", beijing_time(inc.discovered_at)),
        ("发生时间", beijing_time(inc.occurred_at) if inc.occurred_at else None),
        ("事件地点", _known(report, "location", inc.location)),
        ("事件类型", _known(report, "category", _category_text(inc.category))),
        ("事件经过", inc.description),
        ("已造成的影响和危害", _known(report, "impact", inc.impact)),
        ("已采取的应对措施及效果", _known(report, "measures", inc.measures)),
    ]
    if _is_ransomware(report):
        ransom = inc.ransom
        item2 += [
            ("勒索赎金金额", _known(report, "ransom.amount", ransom.amount if ransom else None)),
            ("赎金支付方式", _known(report, "ransom.method", ransom.method if ransom else None)),
            ("勒索索要时间", _known(report, "ransom.demanded_at", beijing_time(ransom.demanded_at)
                                   if ransom and ransom.demanded_at else None)),
        ]
    if report.report_type is ReportType.SUMMARY:
        item2.append(("事件处置结束时间", beijing_time(inc.handling_completed_at)
                      if inc.handling_completed_at else None))

    item6 = [(label, text) for label, text in (("拟采取的应对措施", inc.next_steps),
                                               ("请求支持事项", inc.support_requested))
             if not _blank(text)]
    item8_text = "\n".join(t for t in (inc.other or "", "".join(art7.crime_statements(report)))
                           if t.strip())
    later: list[list[Flowable]] = [
        _text_flowables(inc.trend),
        _text_flowables(inc.cause),
        _text_flowables(inc.clues),
        _sub_items(item6) if item6 else _text_flowables(None),
        _text_flowables(inc.scene_preservation),
        _text_flowables(item8_text),
    ]

    story: list[Flowable] = [L.CJKParagraph(ITEM_HEADINGS[0], L.HEADING), *_sub_items(item1),
                             L.CJKParagraph(ITEM_HEADINGS[1], L.HEADING), *_sub_items(item2)]
    if art7.reports_first_two_items(report):  # Art. 7 ¶2, only when items 1–2 are there
        story.append(KeepTogether([L.CJKParagraph(ART7_PARA2, L.NOTE)]))
    for heading, body in zip(ITEM_HEADINGS[2:], later, strict=True):
        story += [L.CJKParagraph(heading, L.HEADING), *body]
    if report.report_type is ReportType.SUMMARY:
        story += [L.CJKParagraph(SUMMARY_HEADING, L.HEADING), L.CJKParagraph(SUMMARY_LEAD, L.BODY),
                  *_sub_items([("责任处理情况", inc.accountability),
                               ("整改落实情况", inc.remediation),
                               ("经验教训", inc.lessons)])]
    return story


# --- signature and seal ------------------------------------------------------------------------


def _signature_block(generated_at: datetime) -> Flowable:
    """报告单位（盖章）, 负责人签字 and 日期 with ruled blanks, kept on one page."""
    date_cells = ["", "年", "", "月", "", "日"]
    unit = 1.2 * L.BODY_SIZE
    date = Table([date_cells], colWidths=[3 * unit, unit, 2 * unit, unit, 2 * unit, unit])
    date.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, L.BODY_SIZE),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        *[("LINEBELOW", (c, 0), (c, 0), L.RULE_WIDTH, L.INK) for c in (0, 2, 4)],
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    rows = [["报告单位（盖章）：", ""], ["负责人签字：", ""], ["日期：", date]]
    label_width = 9 * L.BODY_SIZE + 6
    table = Table(rows, colWidths=[label_width, 10 * unit], rowHeights=[56, 44, 44],
                  hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, L.BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("BOTTOMPADDING", (0, 0), (0, -1), 6),
        ("LINEBELOW", (1, 0), (1, 1), L.RULE_WIDTH, L.INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    note = L.CJKParagraph(
        f"本报告由 Composer {__version__} 于 {beijing_time(generated_at)}生成。", L.SMALL)
    return KeepTogether([Spacer(1, L.BODY_LEADING / 2), table, Spacer(1, L.BODY_LEADING / 2), note])
