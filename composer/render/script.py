"""The 12387 hotline phone script, and its printable 电话报告记录单 (script.txt, script.pdf).

Qt-free. What to say, in order, readable aloud in about two minutes: the unit and contact,
items 1–2 of Art. 7, figures said the way one says them on the phone (约一百二十万条), the level
and why, the deadline. The wording is the template ``templates/script.txt.j2``; in its output a
line starting with ``■`` is a section heading and one starting with ``【`` an instruction — neither
is read aloud; every other line is.

* :func:`build_script` → :class:`PhoneScript` (its text, and the read-aloud length).
* :func:`script_text` — script.txt: the script and the record sheet as plain text.
* :func:`script_pdf` — script.pdf: the script, then the record sheet on a page of its own.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from composer import __version__
from composer.core import spoken
from composer.core.classify import Classification
from composer.core.model import Report, ReportType
from composer.core.obligations import governing, in_china
from composer.core.rules import category, reporting_rules
from composer.render import fonts
from composer.render import pdf_layout as L
from composer.render.templating import render
from composer.render.wording import grading_remarks

READING_RATE = 220
"""Characters read aloud per minute assumed for the estimate (calm, clear telephone speech:
about 200–240 汉字 a minute)."""

RECORD_ROWS = ("通话时间", "拨打号码", "接听人姓名", "受理编号", "对方询问的问题及答复",
               "需要补报或补充的事项", "报告人")
"""The rows of the 电话报告记录单."""

_ITEMS_3_TO_8 = ("trend", "cause", "clues", "next_steps", "scene_preservation")


@dataclass(frozen=True, slots=True)
class PhoneScript:
    title: str              # the incident's title
    report_type: str        # 首报 / 续报 / 总结报告
    hotline: str            # the number to dial (rule data)
    body: str               # the rendered template: sections, said lines, instructions
    unit: str = ""          # the reporting unit (script.pdf's Author)

    @property
    def said_lines(self) -> list[str]:
        return [line for line in self.body.splitlines()
                if line.strip() and not line.startswith(("■", "【"))]

    @property
    def spoken_chars(self) -> int:
        return spoken_length("".join(self.said_lines))

    @property
    def minutes(self) -> float:
        return self.spoken_chars / READING_RATE


def spoken_length(text: str) -> int:
    """Syllables read aloud, roughly: each 汉字 and each digit one; each Latin word two."""
    hanzi = len(re.findall(r"[\u3400-\u9fff]", text))
    digits = len(re.findall(r"\d", text))
    words = len(re.findall(r"[A-Za-z]+", text))
    return hanzi + digits + 2 * words


def spoken_time(moment: datetime) -> str:
    """``十一月十八日十四时零五分`` (China time; the year is on the written report)."""
    t = in_china(moment)
    minute = "整" if t.minute == 0 else (
        ("零" if t.minute < 10 else "") + spoken.cardinal(t.minute) + "分")
    return (f"{spoken.cardinal(t.month)}月{spoken.cardinal(t.day)}日"
            f"{spoken.cardinal(t.hour)}时{minute}")


def _figures(report: Report) -> list[str]:
    """The graded facts, each as said on the phone."""
    f = report.impact_facts
    out = []
    if f.personal_info_leaked is not None:
        out.append(f"公民个人信息泄露{spoken.about(f.personal_info_leaked)}条")
    if f.people_services_affected is not None:
        out.append(f"水电气、交通、医疗等服务受影响{spoken.about(f.people_services_affected)}人")
    if f.direct_loss_yuan is not None:
        out.append(f"直接经济损失{spoken.about(f.direct_loss_yuan)}元")
    if f.cii_total_outage_hours is not None:
        out.append(f"关键信息基础设施整体中断{spoken.hours_text(f.cii_total_outage_hours)}")
    if f.cii_main_function_outage_hours is not None:
        out.append("关键信息基础设施主要功能中断"
                   + spoken.hours_text(f.cii_main_function_outage_hours))
    if f.portal_outage is not None:
        out.append(f"门户网站无法访问{spoken.hours_text(f.portal_outage.hours)}")
    if f.population is not None:
        region = "省级" if f.population.region.value == "province" else "地市级"
        out.append(f"受影响人口占{region}行政区人口的{spoken.percent_text(f.population.percent)}")
    d = f.defacement
    if d is not None:
        if d.homepage_hours is not None:
            out.append(f"有害信息在首页展示{spoken.hours_text(d.homepage_hours)}")
        if d.other_page_hours is not None:
            out.append(f"有害信息在其他页面展示{spoken.hours_text(d.other_page_hours)}")
        if d.reposts is not None:
            out.append(f"社交平台转发{spoken.about(d.reposts)}次")
        if d.views is not None:
            out.append(f"浏览或点击{spoken.about(d.views)}次")
    return out


def _deadline(report: Report, c: Classification) -> str:
    if not c.grading.reportable:
        return "本事件初步定为一般事件，不属于必须报告的情形，这是自愿报告。"
    due = governing(report.report_type, c.duties)
    if report.report_type is ReportType.FOLLOW_UP:
        return "续报没有固定时限：出现新的重要情况或调查取得阶段性进展时及时报告。"
    if report.report_type is ReportType.SUMMARY:
        days = spoken.cardinal(reporting_rules().summary_report_days)
        if due is None:
            return f"总结报告应在事件处置工作结束后{days}日内按原渠道报送。"
        return (f"总结报告应在事件处置工作结束后{days}日内，即{spoken_time(due.due)}前"
                "按原渠道报送。")
    if due is None or due.due is None:
        return ""
    to = "、".join(dict.fromkeys(o.to for o in c.duties.obligations
                                 if o.action == "report" and o.due == due.due))
    return f"按《办法》第四条，本事件应在{spoken_time(due.due)}前报告{to}。"


def build_script(report: Report, classification: Classification) -> PhoneScript:
    op, inc = report.operator, report.incident
    channels = reporting_rules().channels
    cat = category(inc.category)
    ransom = None
    if cat is not None and cat.ransom_items:
        r = inc.ransom
        ransom = {"amount": r.amount if r else None, "method": r.method if r else None,
                  "date": spoken_time(r.demanded_at) if r and r.demanded_at else None}
    g = classification.grading
    body = render(
        "script.txt.j2",
        unit=op.name.strip(), contact_name=op.contact.name.strip(),
        report_type=report.type_zh, phone=op.contact.phone.strip(),
        phone_spoken=spoken.digits(op.contact.phone), email=(op.contact.email or "").strip(),
        operator_kind=op.kind.zh, province=op.province, cac_office=op.cac_office,
        protection_department=op.protection_department, systems=_one_line(inc.systems),
        title=_one_line(inc.title), discovered_at=spoken_time(inc.discovered_at),
        occurred_at=spoken_time(inc.occurred_at) if inc.occurred_at else None,
        location=_one_line(inc.location), category=cat.zh if cat else inc.category,
        description=_one_line(inc.description), impact=_one_line(inc.impact),
        measures=_one_line(inc.measures), figures=_figures(report), ransom=ransom,
        level=g.level.zh, reasons=[spoken.spoken_figures(k.reason) for k in g.criteria],
        remarks=[spoken.spoken_figures(r) for r in grading_remarks(classification)],
        unconfirmed=classification.unconfirmed, deadline=_deadline(report, classification),
        items_pending=(report.report_type is ReportType.INITIAL
                       and any(not (getattr(inc, k) or "").strip() for k in _ITEMS_3_TO_8)),
        email_channel=channels.email, fax_channel=channels.fax)
    return PhoneScript(title=_one_line(inc.title) or "", report_type=report.type_zh,
                       hotline=channels.hotline, body=body, unit=" ".join(op.name.split()))


def _one_line(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    return " ".join(line.strip() for line in text.strip().splitlines() if line.strip())


def _header(script: PhoneScript) -> list[str]:
    return [f"12387 热线电话报告稿（{script.report_type}）：{script.title}",
            (f"拨打 {script.hotline}。朗读约 {script.spoken_chars} 字，按每分钟 {READING_RATE} 字"
             f"计约 {script.minutes:.1f} 分钟。按顺序说，一段说完再说下一段。")]


def script_text(script: PhoneScript) -> str:
    """script.txt: the header, the script, and the record sheet with blanks to fill in."""
    sheet = ["", "■ 电话报告记录单", ""]
    for row in RECORD_ROWS:
        value = script.hotline if row == "拨打号码" else ""
        sheet.append(f"{row}：{value}" + ("_" * 24 if not value else ""))
    return "\n".join([*_header(script), "", script.body.rstrip("\n"), *sheet]) + "\n"


def script_pdf(script: PhoneScript, *, generated_at: datetime) -> bytes:
    """script.pdf: A4, the script (headings bold, instructions in brackets), then the
    电话报告记录单 on its own page, ruled for handwriting. Equal inputs give equal bytes."""
    if generated_at.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware")
    fonts.register()
    m = fonts.paragraph_markup
    buf = io.BytesIO()
    doc = L.document(buf, title=f"12387 热线电话报告稿：{script.title}",
                     author=script.unit or "Composer", subject="电话报告稿与电话报告记录单",
                     creator=f"Composer {__version__}", lang="zh-CN")
    header = _header(script)
    story = [L.CJKParagraph("12387 热线电话报告稿", L.TITLE),
             L.CJKParagraph(m(f"{script.title}（{script.report_type}）"), L.SUBTITLE),
             L.CJKParagraph(m(header[1]), L.SMALL), Spacer(1, 6)]
    for line in script.body.splitlines():
        if not line.strip():
            continue
        if line.startswith("■"):
            story.append(L.CJKParagraph(m(line.lstrip("■ ")), L.HEADING))
        elif line.startswith("【"):
            story.append(L.CJKParagraph(m(line), L.SMALL))
        else:
            story.append(L.CJKParagraph(m(line), L.BODY))
    story += [PageBreak(), L.CJKParagraph("电话报告记录单", L.TITLE),
              L.CJKParagraph(m(f"{script.title}（{script.report_type}）"), L.SUBTITLE),
              _record_table(script)]
    doc.build(story, canvasmaker=L.numbered_canvas(generated_at))
    return buf.getvalue()


def _record_table(script: PhoneScript) -> Table:
    heights = {"对方询问的问题及答复": 200, "需要补报或补充的事项": 110}
    rows, row_heights = [], []
    for row in RECORD_ROWS:
        value = script.hotline if row == "拨打号码" else ""
        if row == "通话时间":
            gap = "&nbsp;" * 8             # room to write the figures by hand
            value = f"{gap}年{gap}月{gap}日{gap}时{gap}分（北京时间）"
        rows.append([L.CJKParagraph(row, L.CELL_LABEL), L.CJKParagraph(value, L.CELL)])
        row_heights.append(heights.get(row, 40))
    label_width = 7 * L.TABLE_SIZE + 12
    table = Table(rows, colWidths=[label_width, L.FRAME_WIDTH - label_width],
                  rowHeights=row_heights)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, L.TABLE_SIZE),   # else reportlab declares Helvetica
        ("GRID", (0, 0), (-1, -1), L.RULE_WIDTH, L.INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table
