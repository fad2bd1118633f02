"""The 12387 hotline phone script, and its printable 电话报告记录单 (script.txt, script.pdf).

Qt-free. What to say, in order: the unit and contact, items 1–2 of Art. 7, the level and why,
the deadline — each a statement of :mod:`composer.core.statement` in its spoken form (figures
and times in words: 约一百二十万人, 十一月十八日十四时零五分), so the phone says what the PDF
prints. The wording around them is the template ``templates/script.txt.j2``; in its output a
line starting with ``■`` is a section heading and one starting with ``【`` an instruction —
neither is read aloud; every other line is.

**Bound.** Read aloud at :data:`READING_RATE` characters a minute the script takes at most
:data:`MAX_MINUTES` minutes, for any valid input: items 1–2 and the level are always there, each
part of them; a long text of the unit's is said as its first sentences with 「……详见书面报告」,
cut shorter (:data:`CUTS`) until the whole fits; then the reasons beyond the first are summed
up as 「另有 N 项定级依据，详见书面报告」 and, last, the 「说明：」 lines as 「另有 N 条说明，详见书面
报告」.

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
from composer.core.drill import PREFIX, addressees
from composer.core.model import Report
from composer.core.spoken import spoken_time
from composer.core.statement import (
    MORE_IN_WRITING,
    SCRIPT,
    Statement,
    Statements,
    brief,
    statements,
)
from composer.render import fonts
from composer.render import pdf_layout as L
from composer.render.templating import render

__all__ = ["CUTS", "CUT_ON_THE_PHONE", "MAX_MINUTES", "READING_RATE", "PhoneScript", "build_script", "script_pdf",
           "script_text", "spoken_length", "spoken_time"]

READING_RATE = 220
"""Characters read aloud per minute assumed for the estimate (calm, clear telephone speech:
about 200–240 汉字 a minute)."""
MAX_MINUTES = 5
"""The longest the script takes read aloud, whatever the input (README: the phone script)."""

CUTS = ((60, 120), (40, 60), (24, 30), (12, 16))
"""(one-line texts, long texts): syllables of a text of the unit's said before
「……详见书面报告」, tried in order until the script fits :data:`MAX_MINUTES`."""

RECORD_ROWS = ("通话时间", "拨打号码", "接听人姓名", "受理编号", "对方询问的问题及答复",
               "需要补报或补充的事项", "报告人")
"""The rows of the 电话报告记录单."""

_ONE_LINE = ("item1.", "item2.title", "item2.ransom.amount", "item2.ransom.method")
CUT_ON_THE_PHONE = ("item2.figures",)      # the reasons say the figures that graded the level
_ENDS = "。！？；："


@dataclass(frozen=True, slots=True)
class PhoneScript:
    title: str              # the incident's title
    report_type: str        # 首报 / 续报 / 总结报告
    hotline: str            # the number to dial (rule data; "" for a drill: nobody is called)
    body: str               # the rendered template: sections, said lines, instructions
    unit: str = ""          # the reporting unit (script.pdf's Author)
    drill: bool = False     # rehearsal: read to whoever plays the intake, never dialled

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


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(tuple(_ENDS)) or (text.endswith("）") and text[-2:-1] in _ENDS) \
        else text + "。"


def _say(s: Statement, cut: tuple[int, int]) -> str:
    """A statement as said (:attr:`Statement.said`); a long text of the unit's, or the list
    of figures, cut to its first sentences (one-line texts to ``cut[0]`` syllables, the rest
    to ``cut[1]``) with 「……详见书面报告」."""
    if not (s.user or s.key in CUT_ON_THE_PHONE):
        return s.said
    limit = cut[0] if s.key.startswith(_ONE_LINE) else cut[1]
    return brief(s.said, limit, MORE_IN_WRITING, spoken_length)


def _lines(parts: list[Statement], cut: tuple[int, int]) -> list[str]:
    return [_sentence(f"{s.label}：{_say(s, cut)}" if s.label else _say(s, cut))
            for s in parts]


_NOTES = ("remark.", "cii_reading")     # the 「说明：」 lines beside the level


def _render(report: Report, said: Statements, cut: tuple[int, int], all_reasons: bool,
            all_notes: bool = True) -> str:
    op = report.operator
    one = cut[0]
    grading = [s for s in said.grading_lines if s.carried_by(SCRIPT)]
    reasons = [s for s in grading if s.key.startswith("reason.")]
    more = notes = 0
    if not all_reasons and len(reasons) > 1:
        more = len(reasons) - 1
        grading = [s for s in grading if not s.key.startswith("reason.") or s is reasons[0]]
    if not all_notes:
        notes = sum(1 for s in grading if s.key.startswith(_NOTES))
        grading = [s for s in grading if not s.key.startswith(_NOTES)]
    item1 = list(said.item(1, SCRIPT))
    item2 = [s for s in said.item(2, SCRIPT) if s not in grading and s.key != "level"
             and s.key not in ("fast_path",) and not s.key.startswith("reason.")]
    timing = [s for s in (said.get(k) for k in ("deadline", "timeliness", "in_force",
                                                 "fast_path"))
              if s is not None and s.carried_by(SCRIPT)]
    correction = [s for s in said.correction_lines if s.carried_by(SCRIPT)]
    unit = said.get("item1.name")
    drill = said.get("drill")
    return render(
        "script.txt.j2",
        unit=_say(unit, (one, one)) if unit else "", report_type=said.text("type"),
        contact_name=Statement("contact.name", op.contact.name.strip(), user=True).brief(
            one, MORE_IN_WRITING, spoken_length),
        phone=op.contact.phone.strip(), phone_spoken=spoken.digits(op.contact.phone),
        email=(op.contact.email or "").strip(),
        correction=_lines(correction, cut), item1=_lines(item1, cut),
        item2=_lines(item2, cut), level=said.level.text,
        grading=[s.said for s in grading],
        more_reasons=more, more_notes=notes, timing=[s.said for s in timing],
        drill=drill.said if drill is not None and drill.carried_by(SCRIPT) else "",
        written_to=addressees(report).written_to)


def build_script(report: Report, classification: Classification, *,
                 said: Statements | None = None) -> PhoneScript:
    """The phone script, no longer than :data:`MAX_MINUTES` read aloud."""
    said = said or statements(report, classification)
    limit = MAX_MINUTES * READING_RATE
    body = ""
    for all_reasons, all_notes in ((True, True), (False, True), (False, False)):
        for cut in CUTS:
            body = _render(report, said, cut, all_reasons, all_notes)
            if spoken_length("".join(_said(body))) <= limit:
                return _script(report, said, body)
    return _script(report, said, body)


def _said(body: str) -> list[str]:
    return [line for line in body.splitlines()
            if line.strip() and not line.startswith(("■", "【"))]


def _script(report: Report, said: Statements, body: str) -> PhoneScript:
    return PhoneScript(title=_one_line(report.incident.title) or "",
                       report_type=said.text("type"),
                       hotline=addressees(report).hotline or "", body=body,
                       unit=" ".join(report.operator.name.split()), drill=report.drill)


def _one_line(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    return " ".join(line.strip() for line in text.strip().splitlines() if line.strip())


SCRIPT_TITLE = "12387 热线电话报告稿"
DRILL_DIAL = "演练：请勿拨打 12387，向扮演受理方的演练人员朗读。"


def _title(script: PhoneScript) -> str:
    return (PREFIX if script.drill else "") + SCRIPT_TITLE


def _header(script: PhoneScript) -> list[str]:
    dial = DRILL_DIAL if script.drill else f"拨打 {script.hotline}。"
    return [f"{_title(script)}（{script.report_type}）：{script.title}",
            (f"{dial}朗读约 {script.spoken_chars} 字，按每分钟 {READING_RATE} 字"
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
    doc = L.document(buf, title=f"{_title(script)}：{script.title}",
                     author=script.unit or "Composer", subject="电话报告稿与电话报告记录单",
                     creator=f"Composer {__version__}", lang="zh-CN", drill=script.drill)
    header = _header(script)
    story = [L.CJKParagraph(_title(script), L.TITLE),
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
    story += [PageBreak(), L.CJKParagraph((PREFIX if script.drill else "") + "电话报告记录单",
                                          L.TITLE),
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
