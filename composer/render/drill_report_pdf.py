"""The drill report (演练报告): how fast each drill went, against the deadline the real
incident would have had.

Qt-free. :func:`drill_report_pdf` lays out :func:`composer.core.drill_timings.read_drills`:
per drill, the minutes from discovery to its grading, to its first package and to each
recorded sending, each against the first report's Art. 4 limit on the unit's route (named:
1 小时 / 2 小时 / 4 小时 and to whom), and the first sending in one line — the figure to
improve. Every page carries the drill's mark (the header line and the diagonal 演练 of every
drill output, :mod:`composer.render.drill_mark`). A figure that is not known says why.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from reportlab.platypus import Spacer

from composer import __version__
from composer.core.drill_timings import DrillTiming, Mark
from composer.core.obligations import in_china, span_zh
from composer.render import fonts
from composer.render import pdf_layout as L
from composer.render.record_pdf import SMALL_CELL, ruled_table

TITLE = "演练报告"
INTRO = ("本报告统计本单位每次网络安全事件应急演练的用时：从演练设定的发现时间起，到定级（级别首次"
         "确定）、生成首个报送材料包和每次记录的报送，各用了多少分钟，并与真实事件应适用的首报时限"
         "（《办法》第四条，按本单位的报告路径：1 小时、2 小时或 4 小时）对照。演练的报送不计入本单位"
         "的报告。未记录的数值注明原因，不作推算。")


def _time(moment: datetime | None) -> str:
    return in_china(moment).strftime("%Y-%m-%d %H:%M") if moment is not None else "—"


def _minutes(mark: Mark) -> str:
    if mark.minutes is None:
        return "—"
    hours = f"（{span_zh(timedelta(minutes=mark.minutes))}）" if abs(mark.minutes) >= 60 else ""
    return f"{mark.minutes} 分钟{hours}"


def headline(d: DrillTiming) -> str:
    """The figure to improve: the first report's first sending against the limit."""
    limit = f"对照时限 {d.within}" if d.within else "时限不详"
    first = d.first_sending
    if first is None or first.minutes is None:
        return f"首报：尚无记录的报送（{limit}）。"
    return f"首报首次报送：发现后 {_minutes(first)}，{first.verdict or '时限不详'}（{limit}）。"


def _drill(d: DrillTiming, m: Any) -> list[Any]:
    story: list[Any] = [L.CJKParagraph(m(f"演练：{d.title}"), L.HEADING)]
    facts = [["项目", "内容"], ["报告单位", d.unit], ["发现时间（北京时间）", _time(d.discovered_at)],
             ["对照时限", d.limit], ["时限截止（北京时间）", _time(d.due)]]
    story.append(ruled_table(facts, L.FRAME_WIDTH))
    rows = [["环节", "时间（北京时间）", "距发现", "对照时限"]]
    rows += [[mark.what, _time(mark.at), _minutes(mark), mark.verdict or "—"] for mark in d.marks]
    story.append(ruled_table(rows, L.FRAME_WIDTH))
    story.append(L.CJKParagraph(f"<b>{m(headline(d))}</b>", SMALL_CELL))
    story.append(Spacer(1, 10))
    return story


def drill_report_pdf(drills: Sequence[DrillTiming], *, generated_at: datetime,
                     unit: str = "") -> bytes:
    """The drill report of ``drills`` (every page marked 演练)."""
    fonts.register()
    m = fonts.paragraph_markup
    buf = io.BytesIO()
    doc = L.document(buf, title=TITLE, author=unit or "Composer", subject="网络安全事件应急演练用时统计",
                     creator=f"Composer {__version__}", lang="zh-CN", drill=True)
    story: list[Any] = [
        L.CJKParagraph(TITLE, L.TITLE),
        L.CJKParagraph(f"生成时间：{_time(generated_at)}（北京时间）", L.SUBTITLE),
        L.CJKParagraph(INTRO, L.SMALL), Spacer(1, 8)]
    if not drills:
        story.append(L.CJKParagraph("尚无演练。", L.BODY))
    for d in drills:
        story += _drill(d, m)
    doc.build(story, canvasmaker=L.numbered_canvas(generated_at))
    return buf.getvalue()


__all__ = ["INTRO", "TITLE", "drill_report_pdf", "headline"]
