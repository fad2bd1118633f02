"""The report PDF: a Chinese incident report laid out like an official document (GB/T 9704).

Qt-free. :func:`render_report_pdf` turns a :class:`~composer.core.model.Report` and its
:class:`~composer.core.classify.Classification` into PDF bytes: a title naming the report type,
a header table (recipients, reporting unit, contact, times, level and its basis, deadline), the
eight items of Art. 7 of the Measures in order (an empty item reads "待补报"), and a signature and
seal block. The report's text is already clean (:func:`composer.core.hygiene.clean_report`,
applied by every caller's funnel); every user text goes through
:func:`composer.render.fonts.paragraph_markup` (escaping, per-character font fallback,
〔U+XXXX〕 placeholders) in the report's typeface (:mod:`composer.render.typefaces`: bundled
serif by default, or the unit's workstation fonts). Shared wording (headings, item parts,
checklist) lives in :mod:`composer.render.wording`. Equal inputs and ``generated_at`` give equal bytes. Layout
details (page, styles, line breaking, keeping headings and the signature with their lines, page
numbers) live in :mod:`composer.render.pdf_layout`.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from composer import __version__
from composer.core import art7
from composer.core.classify import Classification
from composer.core.grading import UNVERIFIED_NOTICE
from composer.core.model import Report, ReportType
from composer.core.obligations import Obligation, lateness
from composer.core.rules import category, reporting_rules
from composer.render import fonts
from composer.render import pdf_layout as L
from composer.render.pdf_keep import KeptFlow
from composer.render.typefaces import Typeface, bundled
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
    report_title,
    summary_parts,
)

__all__ = ["ITEM_HEADINGS", "SUMMARY_HEADING", "TO_BE_SUPPLEMENTED", "render_report_pdf"]

CONFIRMED_BY_UNIT = "（定级所依据的部分数值尚待正式文本核实，本单位已对照《网络安全事件分级指南》原文确认。）"
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
                      generated_at: datetime, typeface: Typeface | None = None) -> bytes:
    """The report as PDF bytes (A4, fonts embedded, "第 N 页 共 M 页" on every page).

    ``generated_at`` (timezone-aware) is printed on the report and becomes the PDF creation
    date; equal inputs give byte-identical output. ``typeface`` (see
    :func:`composer.render.typefaces.typeface`) defaults to the bundled serif.
    """
    if generated_at.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware")
    fonts.register()
    st = L.report_styles(typeface or bundled())
    inc = report.incident
    title = report_title(report)
    level = classification.grading.level
    keywords = ["网络安全事件报告", report.type_zh, f"{level.zh}事件"]
    cat = category(inc.category)
    if cat is not None:
        keywords.append(cat.zh)
    # the report's text is clean (composer.core.hygiene, applied before any output); the
    # metadata gets it on one line
    one_line = re.sub(r"[ \t]*[\r\n\u2028\u2029\x85]+[ \t]*", " ", inc.title).strip()
    buf = io.BytesIO()
    doc = L.document(
        buf, title=f"{title}：{one_line}", author=" ".join(report.operator.name.split()),
        subject=f"《国家网络安全事件报告管理办法》第七条事件报告 — {one_line}（{generated_by(generated_at)}）",
        creator=f"Composer {__version__}", keywords=keywords, lang="zh-CN")
    story = [L.CJKParagraph(title, st.title),
             L.CJKParagraph(st.markup(inc.title), st.subtitle),
             _header_table(st, report, classification, generated_at)]
    if classification.unconfirmed:
        story.append(KeepTogether([L.CJKParagraph(
            f"提示：{UNVERIFIED_NOTICE}。本事件级别所依据的标准尚未与正式文本核实，"
            "报送前请核对《网络安全事件分级指南》原文并确认级别。", st.note)]))
    # the items and the signature, broken across pages by the keep-with rules (pdf_keep)
    story.append(KeptFlow(_items(st, report), _signature_block(st), page_height=L.FRAME_HEIGHT))
    doc.build(story, canvasmaker=L.numbered_canvas(generated_at))
    return buf.getvalue()


# --- small helpers ---------------------------------------------------------------------------


def generated_by(generated_at: datetime) -> str:
    """``本报告由 Composer 0.1.0 于 … 生成``: PDF metadata only — the page that goes to the
    regulator does not advertise the tool."""
    return f"本报告由 Composer {__version__} 于 {beijing_time(generated_at)}生成"


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _paragraphs(text: str) -> list[str]:
    """User text split at line breaks into non-empty paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.strip() for line in lines if line.strip()]


def _text_flowables(st: L.ReportStyles, text: str | None, label: str = "") -> list[Flowable]:
    """Body paragraphs for a user text (``待补报`` if empty), the first led by a bold label."""
    lead = f"<b>{label}</b>" if label else ""
    parts = _paragraphs(text) if text else []
    if not parts:
        return [L.CJKParagraph(lead + TO_BE_SUPPLEMENTED, st.body)]
    out: list[Flowable] = [L.CJKParagraph(lead + st.markup(parts[0]), st.body)]
    out += [L.CJKParagraph(st.markup(p), st.body) for p in parts[1:]]
    return out


def _sub_items(st: L.ReportStyles, entries: list[tuple[str, str | None]]) -> list[Flowable]:
    """Numbered sub-items （一）label：text … (empty ones read 待补报)."""
    out: list[Flowable] = []
    for n, (label, text) in enumerate(entries):
        out += _text_flowables(st, text, f"（{_numeral(n + 1)}）{label}：")
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


def _header_table(st: L.ReportStyles, report: Report, c: Classification,
                  generated_at: datetime) -> Table:
    op, inc, g = report.operator, report.incident, c.grading
    m = st.markup
    unit = f"{m(op.name)}（{op.kind.zh}）"
    if not _blank(op.credit_code):
        unit += f"<br/>统一社会信用代码：{m(op.credit_code or '')}"
    contact = f"{m(op.contact.name)}<br/>电话：{m(op.contact.phone)}"
    if not _blank(op.contact.email):
        contact += f"<br/>电子邮箱：{m(op.contact.email or '')}"
    level = f"<b>{g.level.zh}</b>"
    if g.criteria:
        level += "<br/>依据：" + "；".join(m(k.reason) for k in g.criteria)
    for remark in grading_remarks(c):  # a site that capped the level, or a site not given
        level += "<br/>" + m(remark)
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
    data = [[L.CJKParagraph(label, st.cell_label), L.CJKParagraph(value, st.cell)]
            for label, value in rows]
    # Rows move to the next page whole (a row split across pages loses its rule and leaves an
    # empty stub); only a row taller than a page may be split.
    tallest = max(max(cell.wrap(w - 12, L.PAGE_HEIGHT)[1] for cell, w in
                      zip(row, (label_width, L.FRAME_WIDTH - label_width), strict=True))
                  for row in data) + 10
    table = Table(data, colWidths=[label_width, L.FRAME_WIDTH - label_width],
                  splitInRow=1 if tallest > L.FRAME_HEIGHT else 0,
                  spaceAfter=L.BODY_LEADING / 2)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.typeface.body, L.TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), L.RULE_WIDTH, L.INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


# --- the eight items of Art. 7 -----------------------------------------------------------------


def _items(st: L.ReportStyles, report: Report) -> list[Flowable]:
    inc = report.incident
    item1, item2 = item1_parts(report), item2_parts(report)
    item6 = [(label, text) for label, text in item6_parts(report) if not _blank(text)]
    item8 = item8_text(report)
    later: list[list[Flowable]] = [
        _text_flowables(st, inc.trend),
        _text_flowables(st, inc.cause),
        _text_flowables(st, inc.clues),
        _sub_items(st, item6) if item6 else _text_flowables(st, None),
        _text_flowables(st, inc.scene_preservation),
        _text_flowables(st, item8),
    ]
    story: list[Flowable] = [*L.heading(ITEM_HEADINGS[0], style=st.heading),
                             *_sub_items(st, item1),
                             *L.heading(ITEM_HEADINGS[1], style=st.heading),
                             *_sub_items(st, item2)]
    if art7.reports_first_two_items(report):  # Art. 7 ¶2, only when items 1–2 are there
        story.append(KeepTogether([L.CJKParagraph(ART7_PARA2, st.note)]))
    for heading, body in zip(ITEM_HEADINGS[2:], later, strict=True):
        story += [*L.heading(heading, style=st.heading), *body]
    if report.report_type is ReportType.SUMMARY:
        story += [*L.heading(SUMMARY_HEADING, style=st.heading),
                  L.CJKParagraph(SUMMARY_LEAD, st.body), *_sub_items(st, summary_parts(report))]
    return story


# --- signature and seal ------------------------------------------------------------------------


def _signature_block(st: L.ReportStyles) -> list[Flowable]:
    """报告单位（盖章）, 负责人签字 and 日期 with ruled blanks (kept on one page with the
    last lines before them by :class:`~composer.render.pdf_keep.KeptFlow`)."""
    date_cells = ["", "年", "", "月", "", "日"]
    unit = 1.2 * L.BODY_SIZE
    date = Table([date_cells], colWidths=[3 * unit, unit, 2 * unit, unit, 2 * unit, unit])
    date.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.typeface.body, L.BODY_SIZE),
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
        ("FONT", (0, 0), (-1, -1), st.typeface.body, L.BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("BOTTOMPADDING", (0, 0), (0, -1), 6),
        ("LINEBELOW", (1, 0), (1, 1), L.RULE_WIDTH, L.INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, L.BODY_LEADING / 2), table]
