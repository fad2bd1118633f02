"""What a report states about itself: its type and the report it corrects, its level (or
待研判) and why, the deadline it answers and whether it meets it, and the notes beside them.

Qt-free; part of :mod:`composer.core.statement`. Every sentence here is the one the outputs
print: the PDF's header table, the e-mail's sections, the fax cover's rows and box, the phone
script's level and deadline, the app's header.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from composer.core.classify import PENDING_ZH, Classification, open_facts
from composer.core.drill import HEADLINE as DRILL_HEADLINE
from composer.core.drill import addressees, drill_statement, marked
from composer.core.fields import label
from composer.core.grading import CII_FACTS, UNVERIFIED_NOTICE, UNVERIFIED_NOTICE_EN
from composer.core.model import Report, ReportType
from composer.core.obligations import (
    IN_FORCE,
    IN_FORCE_NOTE_EN,
    IN_FORCE_NOTE_ZH,
    Obligation,
    cii_reading,
    governing,
    in_china,
    lateness,
    span_en,
)
from composer.core.rules import reporting_rules
from composer.core.spoken import cardinal, spoken_figures, spoken_time
from composer.core.statement_base import (
    COVER,
    EMAIL,
    FIELDS,
    HEADER,
    NO_DELAY_REASON,
    PDF,
    SCRIPT,
    Statement,
    beijing_time,
    beijing_time_en,
    carriers,
)

PENDING = PENDING_ZH
PENDING_EN = "Not yet settled"
VOLUNTARY = ("经定级为一般事件，不属于《国家网络安全事件报告管理办法》第四条规定的必须报告情形，"
             "本报告为自愿报告。")
VOLUNTARY_EN = ("Graded general: not a case the Measures (Art. 4) require to be reported; this "
                "is a voluntary report.")
CONFIRMED_BY_UNIT = "（定级所依据的部分数值尚待正式文本核实，本单位已对照《网络安全事件分级指南》原文确认。）"
ASSESSED = "本单位已研判：除本报告所列事实外，其余影响均不涉及。"
ASSESSED_EN = "The unit has assessed the impact: nothing beyond the facts reported applies."
LATE_LEAD = "本报告晚于上述时限报送，迟报 "
IF_REPORTABLE = "如为较大以上事件，应于"

_BASIS_ZH = {"Measures art. 4": "《办法》第四条", "Measures art. 7": "《办法》第七条",
             "Measures art. 8": "《办法》第八条"}
_ALL_BUT_HEADER = carriers(PDF, EMAIL, COVER, SCRIPT, FIELDS)


def level_text(report: Report, c: Classification) -> tuple[str, str]:
    """The level as every output names it (zh, en): 待研判 while unsettled, else e.g.
    较大 — with （待核实） when it rests on unconfirmed numbers nobody has confirmed."""
    if not c.settled:
        return PENDING, PENDING_EN
    level = c.grading.level
    if c.unconfirmed:
        return level.zh + "（待核实）", level.en + " (to be verified)"
    return level.zh, level.en


def report_title(report: Report) -> str:
    """``网络安全事件报告（首报）``, ``网络安全事件报告（首报）（更正）`` (no middle dot: the
    bundled bold serif face has none); a drill's begins with 【演练】."""
    return marked(report, f"网络安全事件报告（{report.report_type.zh}）"
                  + ("（更正）" if report.correction else ""))


def type_statements(report: Report) -> list[Statement]:
    """The report type (首报, 首报（更正）…), the title, that it is a drill (演练), and for a
    更正 the report it corrects, what changed and the unit's note."""
    rtype = report.report_type
    out = [Statement("type", report.type_zh, label="报告类型",
                     en=rtype.en + (" (correction)" if report.correction else ""),
                     carriers=carriers(EMAIL, COVER, SCRIPT, HEADER)),
           Statement("title", report_title(report), carriers=carriers(PDF))]
    drill = drill_statement(report)
    if drill is not None:
        out.append(drill)
    if not report.correction:
        return out
    out.append(corrects_statement(report))
    for i, change in enumerate(report.changes):
        out.append(Statement(
            f"change.{i}", f"{change.label}：{change.old or '（未填写）'} → "
                           f"{change.new or '（未填写）'}",
            label="更正内容", user=True, carriers=carriers(PDF, EMAIL, FIELDS)))
    if report.correction_note:
        out.append(Statement("correction_note", report.correction_note, label="更正说明",
                             user=True, carriers=carriers(PDF, EMAIL, SCRIPT, FIELDS)))
    return out


def _channel_name(channel: str) -> tuple[str, str]:
    from composer.core.submissions import channel as known

    c = known(channel)
    return (c.zh, c.en) if c is not None else (channel, channel)


def corrects_statement(report: Report) -> Statement:
    """「本报告更正 … 经 … 报送的首报（受理编号 …）。」"""
    rtype = report.report_type
    c = report.corrects
    when = when_en = how = how_en = ref = ref_en = ""
    if c is not None:
        if c.sent_at is not None:
            when, when_en = beijing_time(c.sent_at), f" on {beijing_time_en(c.sent_at)}"
        if c.channel:
            name, name_en = _channel_name(c.channel)
            how, how_en = f"经{name}", f" by {name_en}"
        if c.reference:
            ref, ref_en = f"（受理编号：{c.reference}）", f" (reference {c.reference})"
    zh = (f"本报告更正{when}{how}报送的{rtype.zh}{ref}。" if when or how
          else f"本报告更正此前报送的{rtype.zh}{ref}。")
    en = f"This report corrects the {rtype.en.lower()} sent{when_en}{how_en}{ref_en}."
    # on the phone: when it was sent (channel and reference are in the written report)
    said = (f"本报告更正{spoken_time(c.sent_at)}报送的{rtype.zh}。"
            if c is not None and c.sent_at is not None else f"本报告更正此前报送的{rtype.zh}。")
    return Statement("corrects", zh, label="更正", en=en, spoken=said,
                     carriers=carriers(PDF, EMAIL, COVER, SCRIPT, FIELDS))


def level_statements(report: Report, c: Classification) -> list[Statement]:
    """The level and everything said beside it: the reasons, the 「说明：」 lines, the notice of
    unconfirmed numbers, the facts still being established (待研判), the unit's assessment,
    the voluntary nature of a settled 一般, the CII reading remark."""
    g = c.grading
    zh, en = level_text(report, c)
    out = [Statement("level", zh, label="事件级别", en=en, item=2)]
    for i, k in enumerate(g.criteria):
        out.append(Statement(f"reason.{i}", k.reason, label="定级依据", en=k.reason_en,
                             spoken=spoken_figures(k.reason), item=2,
                             carriers=carriers(PDF, EMAIL, SCRIPT, FIELDS)))
    notes_en = [r.en for r in g.remarks] + [m.en for m in g.missing if m.sentence]
    for i, (note, note_en) in enumerate(zip(g.notes_zh, notes_en, strict=True)):
        out.append(Statement(f"remark.{i}", "说明：" + note, en="Note: " + note_en,
                             spoken=spoken_figures("说明：" + note), item=2,
                             carriers=_ALL_BUT_HEADER))
    if c.unconfirmed:
        out.append(Statement("unverified", UNVERIFIED_NOTICE, en=UNVERIFIED_NOTICE_EN, item=2,
                             carriers=carriers(PDF, EMAIL, SCRIPT, FIELDS)))
    elif g.needs_confirmation:
        out.append(Statement("confirmed_by_unit", CONFIRMED_BY_UNIT, item=2,
                             carriers=carriers(PDF, EMAIL, SCRIPT, FIELDS)))
    if not c.settled:
        facts = [m for m in open_facts(g) if not m.sentence]
        out.append(Statement(
            "pending",
            "定级待研判：已掌握的事实未达到较大以上网络安全事件的标准，下列事实尚在核实，"
            "其中任一项可能达到较大以上：" + "；".join(_fact_label(m.fact) for m in facts) + "。",
            en="Level not yet settled: the known facts reach no level above general; still "
               "being established, any of which could reach relatively major or above: "
               + "; ".join(m.en for m in facts) + ".",
            item=2, carriers=_ALL_BUT_HEADER))
    if c.impact_assessed:
        out.append(Statement("assessed", ASSESSED, en=ASSESSED_EN, item=2,
                             carriers=_ALL_BUT_HEADER))
    if c.settled and not g.reportable:
        out.append(Statement("nature", VOLUNTARY, label="报告性质", en=VOLUNTARY_EN, item=2))
    cii_level = max((k.level for k in g.criteria if k.fact in CII_FACTS),
                    key=lambda lv: lv.rank, default=None)
    if cii_level is not None and not report.operator.runs_cii:
        reading_zh, reading_en = cii_reading(cii_level)
        out.append(Statement("cii_reading", "说明：" + reading_zh, en="Note: " + reading_en,
                             item=2, carriers=carriers(PDF, EMAIL, SCRIPT, FIELDS)))
    return out


def _fact_label(fact: str) -> str:
    """The short name of an impact fact (its field's label)."""
    return label("impact_facts." + fact)


# --- the deadline this report answers, and whether it meets it --------------------------------


def _span(within: timedelta) -> str:
    minutes = int(within.total_seconds() // 60)
    return (f"{minutes // 1440} 日" if minutes % 1440 == 0 else
            f"{minutes // 60} 小时" if minutes % 60 == 0 else f"{minutes} 分钟")


def _due_text(group: list[Obligation]) -> tuple[str, str]:
    """「2026-11-18 18:05（北京时间）前报送浙江省网信办（《办法》第四条，发现后 4 小时内）」."""
    first = group[0]
    assert first.due is not None
    to = "、".join(dict.fromkeys(o.to for o in group))
    basis = _BASIS_ZH.get(first.basis, first.basis)
    within = within_en = ""
    if first.within is not None:
        summary = first.action == "summary"
        within = f"，{'处置结束后' if summary else '发现后'} {_span(first.within)}内"
        within_en = (f", within {span_en(first.within)} of "
                     f"{'the end of handling' if summary else 'discovery'}")
    return (f"{beijing_time(first.due)}前报送{to}（{basis}{within}）",
            f"report to {to} by {beijing_time_en(first.due)} ({first.basis}{within_en})")


def _by_due(obligations: tuple[Obligation, ...]) -> list[list[Obligation]]:
    groups: dict[datetime, list[Obligation]] = {}
    for o in obligations:
        if o.action == "report" and o.due is not None:
            groups.setdefault(o.due, []).append(o)
    return [groups[due] for due in sorted(groups)]


SPOKEN_NAME = 20
"""A recipient whose name is longer than this is said on the phone by what it is
(保护工作部门, 本部门网信工作机构…: the rule data's words); the written report names it."""


def _said_name(o: Obligation) -> str:
    return o.to if len(o.to) <= SPOKEN_NAME or not o.role_zh else o.role_zh


def _spoken_due(group: list[Obligation], lead: str) -> str:
    first = group[0]
    assert first.due is not None
    to = "、".join(dict.fromkeys(_said_name(o) for o in group))
    return f"{lead}应在{spoken_time(first.due)}前报告{to}。"


def deadline_statement(report: Report, c: Classification) -> Statement | None:
    """The deadline this report answers, as every output states it (None: a settled 一般
    incident, which has none)."""
    d = c.duties
    rtype = report.report_type
    # a correction's cover says its timeliness (the corrected report's), not a target
    keep = (carriers(PDF, EMAIL, SCRIPT, HEADER) if report.correction
            else carriers(PDF, EMAIL, COVER, SCRIPT, HEADER))
    if not c.settled:
        groups = _by_due(d.provisional)
        if not groups:
            return None
        zh, en = _due_text(groups[0])
        return Statement("deadline", IF_REPORTABLE + zh, label="报告时限",
                         en="If it proves relatively major or above: " + en,
                         spoken=_spoken_due(groups[0], "如为较大以上事件，按《办法》第四条"),
                         carriers=keep)
    if not c.grading.reportable:
        return None
    if rtype is ReportType.SUMMARY:
        due = governing(rtype, d)
        days = reporting_rules().summary_report_days
        if due is None or due.due is None:
            return None
        zh, en = _due_text([due])
        return Statement("deadline", zh, label="报告时限", en=en[0].upper() + en[1:],
                         spoken=f"总结报告应在事件处置工作结束后{cardinal(days)}日内，即"
                                f"{spoken_time(due.due)}前按原渠道报送。", carriers=keep)
    groups = _by_due(d.obligations)
    if not groups:
        return None
    texts = [_due_text(g) for g in groups]
    zh = "；".join(t[0] for t in texts)
    en = "; ".join(t[1] for t in texts)
    if rtype is ReportType.FOLLOW_UP:
        return Statement("deadline", f"首报：{zh}；续报：无固定时限，出现重要新情况或调查取得进展时及时报送",
                         label="报告时限",
                         en=f"Initial report: {en}; follow-up: no fixed limit, promptly when "
                            "important new facts emerge or the investigation progresses",
                         spoken="续报没有固定时限：出现新的重要情况或调查取得阶段性进展时及时报告。",
                         carriers=keep)
    return Statement("deadline", zh, label="报告时限", en=en[0].upper() + en[1:],
                     spoken="".join(_spoken_due(g, "按《办法》第四条，本事件" if i == 0 else "另")
                                    for i, g in enumerate(groups)),
                     carriers=keep)


def timeliness_statements(report: Report, c: Classification,
                          generated_at: datetime | None) -> list[Statement]:
    """Whether the report meets its deadline: 迟报 and its reason for a report made after it;
    for a correction, the timeliness of the report it corrects (never its own)."""
    out: list[Statement] = []
    reportable = c.settled and c.grading.reportable
    late = (lateness(report, c.duties, generated_at or report.incident.discovered_at)
            if reportable and (generated_at is not None or report.correction) else None)
    if report.correction:
        sent = report.corrects.sent_at if report.corrects is not None else None
        zh = en = said = ""
        if sent is not None and reportable and governing(report.report_type, c.duties):
            verdict = f"迟报 {late.zh}。" if late else "在时限内。"
            zh = f"原报告于{beijing_time(sent)}报送，{verdict}"
            said = f"原报告于{spoken_time(sent)}报送，{verdict}"
            en = (f" The original was sent {beijing_time_en(sent)}, "
                  + (f"{late.en} late." if late else "within the time limit."))
        lead = "本报告为更正报告，时效以原报告为准"
        out.append(Statement("timeliness", lead + (f"：{zh}" if zh else "。"),
                             spoken=lead + (f"：{said}" if said else "。"),
                             label="报告时效",
                             en="A correction takes the timeliness of the report it corrects."
                                + en,
                             carriers=carriers(PDF, EMAIL, COVER, SCRIPT)))
    elif late is not None:
        out.append(Statement("late", f"{LATE_LEAD}{late.zh}（时限已过）",
                             en=f"This report is made after the time limit above: "
                                f"{late.en} late.",
                             carriers=carriers(PDF, EMAIL, COVER)))
    if late is not None:
        reason = (report.incident.delay_reason or "").strip()
        out.append(Statement("delay_reason", reason or NO_DELAY_REASON, label="迟报原因",
                             user=bool(reason), carriers=carriers(PDF, EMAIL, COVER)))
    if in_china(report.incident.discovered_at) < IN_FORCE:
        out.append(Statement("in_force", IN_FORCE_NOTE_ZH, en=IN_FORCE_NOTE_EN,
                             carriers=_ALL_BUT_HEADER))
    return out


def headline(report: Report, c: Classification, late: bool) -> tuple[str, ...]:
    """The fax cover's boxed first line: how urgent, or what kind of report this is (a drill:
    that it must not be sent)."""
    rtype = report.report_type
    if report.drill:
        return (DRILL_HEADLINE,)
    if report.correction:
        return ("更正报告",)
    if not c.settled:
        return ("紧急　级别待研判",)
    if not c.grading.reportable:
        return ("一般事件　自愿报告",)
    if rtype is ReportType.SUMMARY:
        return ("事件处置总结报告",)
    if rtype is ReportType.FOLLOW_UP:
        return ("续报",)
    return ("紧急　迟报",) if late else ("紧急",)


def recipients_statement(report: Report, c: Classification) -> Statement:
    """主送: the route's recipients (while 待研判: those if it proves 较大 or above) and the
    national intake; a drill's: its own recipients only (or that it has none)."""
    if report.drill:
        return Statement("recipients", addressees(report).written_to, label="主送",
                         carriers=carriers(PDF))
    ch = reporting_rules().channels
    intake = f"{ch.intake_zh}（电子邮箱 {ch.email}，传真 {ch.fax}）"
    to = list(dict.fromkeys(o.to for o in c.duties.obligations if o.action == "report"))
    parts = [*to, intake]
    if not c.settled:
        pending = list(dict.fromkeys(o.to for o in c.duties.provisional))
        if pending:
            parts.append("如为较大以上事件：" + "、".join(pending))
    return Statement("recipients", "；".join(parts), label="主送", carriers=carriers(PDF))


__all__ = ["ASSESSED", "CONFIRMED_BY_UNIT", "IF_REPORTABLE", "LATE_LEAD", "PENDING", "VOLUNTARY",
           "corrects_statement", "deadline_statement", "headline", "level_statements",
           "level_text", "recipients_statement", "report_title", "timeliness_statements", "type_statements"]

