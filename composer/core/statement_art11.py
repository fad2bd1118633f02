"""What a summary report states under 「十、依法报告及处置情况（《办法》第十一条）」.

Qt-free; part of :mod:`composer.core.statement`. Art. 11 lets the authorities treat a unit
leniently when it had reasonable protective measures, handled the incident under its emergency
plan, effectively reduced the harm and reported on time. The section holds:

* the reports of this incident, one row each (``art11.row.N``: type, recipient and channel,
  deadline, time sent, on time or how late) — from the sending record only
  (:attr:`composer.core.model.Report.sendings`), figures the user cannot type; a drill's
  sendings never appear in a real incident's account, nor real ones in a drill's;
* a count of the rows on time and late (``art11.count``) and, for each report obligation of
  Art. 4, whether a sending to its own recipient met it and when (``art11.duty.N``);
* the unit's own statements, each only when given: the protective measures in place before
  the incident, the handling under the emergency plan, what reduced the harm.

Where the sendings are not known (``composer render`` of a file whose incident the data
folder's record does not hold) the section says that the table comes from the sending record
and is not given here (``art11.unknown``): never a table made up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from composer.core.classify import Classification
from composer.core.duty_status import DutyState, duty_states
from composer.core.model import Report, ReportType, SentReport
from composer.core.obligations import minutes_late, span_zh
from composer.core.statement_base import (
    EMAIL,
    FIELDS,
    PDF,
    Statement,
    carriers,
    fmt_time,
)
from composer.core.submissions import channel_short, recipient_label

HEADING = "十、依法报告及处置情况（《办法》第十一条）"
COLUMNS = ("报告", "报送对象与渠道", "时限", "报送时间", "是否按时")
LEAD = "本事件的报送情况取自本单位的报送记录（按报送时间先后，时间均为北京时间）："
UNKNOWN = ("本事件的报送情况（报告类型、报送对象、时限、报送时间、是否按时）依据本单位的报送记录生成；"
           "本报告生成时未取得本事件的报送记录，故未列出。")
NONE_RECORDED = "本单位的报送记录中尚无本事件的报送。"
UNIT_PARTS = (("safeguards", "事发前已采取的防护措施"),
              ("emergency_plan", "按应急预案处置情况"),
              ("harm_mitigation", "有效减轻危害的情况"))
"""The unit's own Art. 11 statements: (incident field, label)."""
ON_TIME = "按时"
NO_LIMIT = "无固定时限"
AS_ORIGINAL = "以原报告为准"
NOT_RECORDED = "未记录时限"

_WRITTEN = carriers(PDF, EMAIL, FIELDS)


def _late_text(minutes: int) -> str:
    return ON_TIME if minutes <= 0 else "迟报 " + span_zh(timedelta(minutes=minutes))


def _verdict(s: SentReport) -> str:
    """按时 / 迟报 … against the recorded deadline ("" when it has none)."""
    return _late_text(minutes_late(s.sent_at, s.due)) if s.due is not None else ""


def row_cells(s: SentReport, by_seq: dict[int, SentReport]) -> tuple[str, str, str, str, str]:
    """(report, recipient and channel, deadline, time sent, on time) of one sending."""
    kind = s.report_type.zh + ("（更正）" if s.correction else "")
    name = recipient_label(s.recipient)
    if s.recipient_name and s.recipient_name != name:
        name += f"（{s.recipient_name}）"
    if s.correction:         # a correction's timeliness is that of the report it corrects
        deadline = AS_ORIGINAL
        original = by_seq.get(s.corrects) if s.corrects is not None else None
        verdict = (f"原报告{_verdict(original)}" if original is not None and _verdict(original)
                   else "")
    elif s.report_type is ReportType.FOLLOW_UP:
        deadline, verdict = NO_LIMIT, ""
    elif s.due is None:
        deadline, verdict = NOT_RECORDED, ""
    else:
        deadline, verdict = fmt_time(s.due), _verdict(s)
    return (kind, f"{name}\n{channel_short(s.channel)}", deadline, fmt_time(s.sent_at),
            verdict or "—")


def _row(n: int, s: SentReport, by_seq: dict[int, SentReport]) -> Statement:
    kind, to, deadline, sent, verdict = row_cells(s, by_seq)
    name, channel = to.split("\n")
    text = f"{kind}：{sent}经{channel}报送{name}；时限：{deadline}" + (
        f"；{verdict}。" if verdict != "—" else "。")
    return Statement(f"art11.row.{n}", text, item=10, cells=(kind, to, deadline, sent, verdict),
                     carriers=_WRITTEN)


def _count(rows: Sequence[SentReport]) -> Statement:
    timed = [s for s in rows if not s.correction and s.due is not None
             and s.report_type is not ReportType.FOLLOW_UP]
    late = sum(1 for s in timed if minutes_late(s.sent_at, s.due or s.sent_at) > 0)
    text = f"以上共 {len(rows)} 次报送"
    if timed:
        text += f"；有时限的 {len(timed)} 次中，按时 {len(timed) - late} 次，迟报 {late} 次"
    return Statement("art11.count", text + "。", item=10, carriers=_WRITTEN)


def _duty(n: int, st: DutyState) -> Statement:
    o, s = st.obligation, st.sending
    due = f"，时限 {fmt_time(o.due)}" if o.due is not None else ""
    head = f"向{o.to}报告（《办法》第四条{due}）："
    if s is None:
        body = "报送记录中未见向其报送。"
    else:
        late = st.late_by
        body = f"{fmt_time(s.sent_at)}已报送，" + (f"迟报 {span_zh(late)}。" if late else "按时。")
    return Statement(f"art11.duty.{n}", head + body, item=10, carriers=_WRITTEN)


def art11_statements(report: Report, c: Classification) -> list[Statement]:
    """The Art. 11 section of a summary report (nothing for another report type)."""
    if report.report_type is not ReportType.SUMMARY:
        return []
    out = [Statement("heading.10", HEADING, item=10, carriers=_WRITTEN)]
    if report.sendings is None:
        out.append(Statement("art11.unknown", UNKNOWN, item=10, carriers=_WRITTEN))
    else:
        mine = sorted((s for s in report.sendings if s.drill == report.drill),
                      key=lambda s: (s.sent_at, s.record_seq or 0))
        if not mine:
            out.append(Statement("art11.none", NONE_RECORDED, item=10, carriers=_WRITTEN))
        else:
            by_seq = {s.record_seq: s for s in mine if s.record_seq is not None}
            out.append(Statement("art11.lead", LEAD, item=10, carriers=_WRITTEN))
            out += [_row(n, s, by_seq) for n, s in enumerate(mine)]
            out.append(_count(mine))
            # a drill's account rehearses the real one: its own sendings count for it
            counted = [replace(s, drill=False) for s in mine] if report.drill else mine
            if c.settled and c.grading.reportable:
                out += [_duty(n, st) for n, st in enumerate(duty_states(c, counted))]
    inc = report.incident
    for key, label in UNIT_PARTS:
        value = getattr(inc, key)
        if value is not None and value.strip():
            out.append(Statement(f"art11.{key}", value.strip(), label=label, item=10,
                                 user=True, carriers=_WRITTEN))
    return out


__all__ = ["AS_ORIGINAL", "COLUMNS", "HEADING", "LEAD", "NONE_RECORDED", "NOT_RECORDED",
           "NO_LIMIT", "ON_TIME", "UNIT_PARTS", "UNKNOWN", "art11_statements", "row_cells"]
