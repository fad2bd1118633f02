"""Who must be told, by when: the operator's obligations and the receiving bodies' escalations.

Due times are ``discovered_at`` plus the limit, always expressed in China Standard Time
(+08:00, Asia/Shanghai; China has had no daylight saving since 1991, so a fixed offset is exact
and needs no tz database on the workstation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from composer.core.grading import Grading
from composer.core.model import Level, OperatorKind, Report, ReportType
from composer.core.regions import match_region
from composer.core.rules import Recipient, ReportingRules, Route, reporting_rules

CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")

ART4 = "Measures art. 4"
ART7 = "Measures art. 7"
ART8 = "Measures art. 8"


@dataclass(frozen=True, slots=True)
class Obligation:
    action: str                 # report | supplement | follow_up | summary | police_report
    to: str                     # the body, in Chinese
    to_en: str
    due: datetime | None        # in +08:00; None: "promptly" / when something happens
    within: timedelta | None
    basis: str
    note_zh: str = ""
    note_en: str = ""


@dataclass(frozen=True, slots=True)
class EscalationDuty:
    by: str
    to: str
    within: timedelta
    basis: str


@dataclass(frozen=True, slots=True)
class Duties:
    obligations: tuple[Obligation, ...]       # earliest due first, undated last
    escalations: tuple[EscalationDuty, ...]
    notes_zh: tuple[str, ...]
    notes_en: tuple[str, ...]

    @property
    def first_due(self) -> Obligation | None:
        """The dated obligation that governs the countdown."""
        dated = [o for o in self.obligations if o.due is not None]
        return dated[0] if dated else None


def in_china(moment: datetime) -> datetime:
    return moment.astimezone(CHINA_TZ)


def iso_duration(delta: timedelta) -> str:
    """ISO 8601 duration: P30D, PT4H, PT30M, PT1H30M."""
    seconds = int(delta.total_seconds())
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    out = "P" + (f"{days}D" if days else "")
    time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (
        f"{seconds}S" if seconds else "")
    if time:
        out += "T" + time
    return out if out != "P" else "PT0S"


def recipient_name(recipient: Recipient, report: Report) -> str:
    if recipient.fixed is not None:
        return recipient.fixed
    assert recipient.field is not None
    value = getattr(report.operator, recipient.field) or ""
    value = value.strip()
    if not value:
        return recipient.zh
    if recipient.field == "province":   # named from the list: 江苏 → 江苏省网信办
        region = match_region(value)
        value = region.name if region is not None else value
    return value + recipient.suffix


def _route_reports(route: Route, report: Report, note_zh: str = "",
                   note_en: str = "") -> list[Obligation]:
    within = timedelta(minutes=route.within_minutes)
    due = in_china(report.incident.discovered_at + within)
    return [Obligation(action="report", to=recipient_name(r, report), to_en=r.en, due=due,
                       within=within, basis=route.basis, note_zh=note_zh, note_en=note_en)
            for r in route.recipients]


_OPEN_POINT_ZH = ("办法未明确中央和国家机关所属关键信息基础设施事件适用 1 小时还是 2 小时时限，"
                  "两项均列出，以最早者计时。")
_OPEN_POINT_EN = ("The Measures do not say whether the 1-hour or the 2-hour route applies to a "
                  "CII incident of a central/state organ: both are listed, the earliest governs.")


def _initial_reports(report: Report, rules: ReportingRules) -> list[Obligation]:
    op = report.operator
    out = _route_reports(rules.route(op.kind), report)
    both = {OperatorKind.CII, OperatorKind.CENTRAL_STATE_ORGAN}
    if op.kind in both and op.cac_office and op.protection_department:
        other = (OperatorKind.CENTRAL_STATE_ORGAN if op.kind is OperatorKind.CII
                 else OperatorKind.CII)
        out += _route_reports(rules.route(other), report, _OPEN_POINT_ZH, _OPEN_POINT_EN)
    return out


_ITEMS_3_TO_8 = ("trend", "cause", "clues", "next_steps", "scene_preservation")


def duties(report: Report, grading: Grading, rules: ReportingRules | None = None) -> Duties:
    rules = reporting_rules() if rules is None else rules
    inc = report.incident
    obligations: list[Obligation] = []
    notes_zh: list[str] = []
    notes_en: list[str] = []
    if grading.reportable:
        first = _initial_reports(report, rules)
        obligations += first
        channel_zh = "、".join(dict.fromkeys(o.to for o in first))
        if report.report_type is ReportType.INITIAL and any(
                not (getattr(inc, k) or "").strip() for k in _ITEMS_3_TO_8):
            obligations.append(Obligation(
                action="supplement", to=channel_zh, to_en="the same recipients", due=None,
                within=None, basis=ART7,
                note_zh="原因、影响、态势等暂时无法判定的，可先报告第 1、2 项，其余内容及时补报。",
                note_en="If cause, impact or trend cannot yet be determined, items 1–2 may be "
                        "reported first and the rest supplemented promptly."))
        if report.report_type is not ReportType.SUMMARY:
            obligations.append(Obligation(
                action="follow_up", to=channel_zh, to_en="the same recipients", due=None,
                within=None, basis=ART7,
                note_zh="出现重要新情况或调查取得进展时及时续报。",
                note_en="Report again when important new facts emerge or the investigation "
                        "progresses."))
        days = timedelta(days=rules.summary_report_days)
        handled = inc.handling_completed_at
        obligations.append(Obligation(
            action="summary", to=channel_zh, to_en="the same channel as the original report",
            due=in_china(handled + days) if handled else None, within=days, basis=ART8,
            note_zh=f"事件处置结束后 {rules.summary_report_days} 日内，通过原报告渠道报送事件处置总结报告。",
            note_en=f"Within {rules.summary_report_days} days after handling ends, submit the "
                    "summary report through the original channel."))
    else:
        notes_zh.append("一般事件不属于《办法》第四条规定的必须报告情形；如有需要，仍可自愿报告。")
        notes_en.append("A general incident need not be reported under art. 4; a voluntary "
                        "report is still possible.")
    police = inc.police_report
    if police is not None and police.reported:
        notes_zh.append("已于 " + in_china(police.at).strftime("%Y-%m-%d %H:%M") if police.at
                        else "已")
        notes_zh[-1] += f" 向{police.to or '公安机关'}报案。"
        notes_en.append("The police were told"
                        + (f" on {in_china(police.at).strftime('%Y-%m-%d %H:%M')}"
                           if police.at else "") + (f" ({police.to})." if police.to else "."))
    elif inc.suspected_crime:
        obligations.append(Obligation(
            action="police_report", to="公安机关", to_en="the police", due=None, within=None,
            basis=ART4, note_zh="涉嫌违法犯罪的，应及时向公安机关报案。",
            note_en="A suspected crime must also be reported to the police promptly."))
    notes_zh.append("行业主管（监管）部门另有报告要求的，从其规定。")
    notes_en.append("Sector regulators may require reports of their own: follow them too.")
    far_future = datetime.max.replace(tzinfo=CHINA_TZ)
    obligations.sort(key=lambda o: o.due or far_future)  # stable: undated keep their order
    escalations = tuple(
        EscalationDuty(by=e.by, to=e.to, within=timedelta(minutes=e.within_minutes),
                       basis=e.basis)
        for e in rules.escalations
        if e.operator_kind is report.operator.kind and grading.level in e.levels
    ) if grading.level in (Level.ESPECIALLY_MAJOR, Level.MAJOR) else ()
    return Duties(obligations=tuple(obligations), escalations=escalations,
                  notes_zh=tuple(notes_zh), notes_en=tuple(notes_en))


def provisional_first_due(report: Report,
                          rules: ReportingRules | None = None) -> Obligation | None:
    """The report deadline that applies if the incident turns out 较大 or above — shown while
    the level is still 待研判 (the clock runs from discovery whatever the level)."""
    rules = reporting_rules() if rules is None else rules
    reports = [o for o in _initial_reports(report, rules) if o.due is not None]
    return min(reports, key=lambda o: o.due or datetime.max) if reports else None


def governing(report_type: ReportType, duties: Duties) -> Obligation | None:
    """The dated obligation the countdown follows for this kind of report.

    An initial report follows the earliest report deadline; a summary report its 30-day
    limit (None until the handling end is known); a follow-up has no fixed limit ("promptly").
    """
    if report_type is ReportType.SUMMARY:
        return next((o for o in duties.obligations if o.action == "summary" and o.due), None)
    if report_type is ReportType.FOLLOW_UP:
        return None
    return duties.first_due


# --- a report made after its deadline (迟报) ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class Lateness:
    """The report is made ``by`` after the deadline of ``obligation`` (the governing one)."""

    obligation: Obligation
    by: timedelta

    @property
    def zh(self) -> str:
        return span_zh(self.by)

    @property
    def en(self) -> str:
        return span_en(self.by)


def lateness(report: Report, duties: Duties, at: datetime) -> Lateness | None:
    """How late a report made at ``at`` is against the deadline its type answers (None: not
    late, or no dated deadline). Counted to the minute, like every shown time."""
    due = governing(report.report_type, duties)
    if due is None or due.due is None:
        return None
    by = at.replace(second=0, microsecond=0) - due.due.replace(second=0, microsecond=0)
    return Lateness(obligation=due, by=by) if by > timedelta(0) else None


def span_zh(delta: timedelta) -> str:
    """``1 天 2 小时 5 分钟`` (to the minute, zero parts left out)."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} 天" if days else "", f"{hours} 小时" if hours else "",
             f"{minutes} 分钟" if minutes or not (days or hours) else ""]
    return " ".join(p for p in parts if p)


def span_en(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} d" if days else "", f"{hours} h" if hours else "",
             f"{minutes} min" if minutes or not (days or hours) else ""]
    return " ".join(p for p in parts if p)
