"""Who must be told, by when: the operator's obligations and the receiving bodies' escalations.

Due times are ``discovered_at`` plus the limit, always expressed in China Standard Time
(+08:00, Asia/Shanghai; China has had no daylight saving since 1991, so a fixed offset is exact
and needs no tz database on the workstation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from composer.core.grading import CII_FACTS, Grading
from composer.core.model import Level, OperatorKind, Report, ReportType
from composer.core.regions import match_region
from composer.core.rules import Recipient, ReportingRules, Route, reporting_rules

CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")

ART4 = "Measures art. 4"
IN_FORCE = datetime(2025, 11, 1, tzinfo=timezone(timedelta(hours=8)))
"""Art. 14: the Measures apply from 2025-11-01 (China time)."""

SECTOR_NOTE_ZH = "本行业领域有专门规定的，还应当按照行业主管监管部门要求报告（《办法》第四条）。"
SECTOR_NOTE_EN = ("Where the sector has rules of its own, the unit must also report as its sector "
                  "regulator requires (Measures Art. 4).")
IN_FORCE_NOTE_ZH = ("本事件发现于2025年11月1日之前；《国家网络安全事件报告管理办法》自2025年11月1日起"
                    "施行（第十四条）。")
IN_FORCE_NOTE_EN = ("The incident was discovered before 2025-11-01; the Measures apply from "
                    "1 November 2025 (Art. 14).")
PENDING_NOTE_ZH = ("级别待研判：已掌握的事实未达到较大以上网络安全事件的标准，影响尚在核实；"
                   "如为较大以上事件，须按《办法》第四条在时限内报告。")
PENDING_NOTE_EN = ("Level not yet settled: the known facts reach no level above general while "
                   "the impact is still being established; if it proves relatively major or "
                   "above, it must be reported within the Art. 4 time limit.")
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
    recipient: str = ""          # the route recipient's id (rule data; "" for duties to all)
    role_zh: str = ""            # what the recipient is (保护工作部门…), when ``to`` names it
    intake_counts: bool = False  # a sending to the 12387 intake reaches this recipient too

    def met_by(self, recipient: str) -> bool:
        """Whether a sending to ``recipient`` (a recipient id, or
        :data:`composer.core.history.INTAKE`) reaches this obligation's own recipient."""
        if not self.recipient:
            return False
        return recipient == self.recipient or (self.intake_counts and recipient == "intake")


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
    # the first reports due if an unsettled (待研判) incident proves 较大 or above
    provisional: tuple[Obligation, ...] = ()

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
                       within=within, basis=route.basis, note_zh=note_zh, note_en=note_en,
                       recipient=r.id, intake_counts=r.intake_counts, role_zh=r.zh)
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


def duties(report: Report, grading: Grading, rules: ReportingRules | None = None, *,
           settled: bool = True) -> Duties:
    """The operator's duties. ``settled`` False: the level is 待研判 (the known facts reach
    no level above 一般 while a fact that could reach 较大 is unknown) — nothing is owed yet,
    and :attr:`Duties.provisional` holds the reports due if it proves 较大 or above."""
    rules = reporting_rules() if rules is None else rules
    inc = report.incident
    obligations: list[Obligation] = []
    notes_zh: list[str] = []
    notes_en: list[str] = []
    provisional: tuple[Obligation, ...] = ()
    if not settled:
        provisional = tuple(sorted(_initial_reports(report, rules),
                                   key=lambda o: o.due or datetime.max.replace(tzinfo=CHINA_TZ)))
        notes_zh.append(PENDING_NOTE_ZH)
        notes_en.append(PENDING_NOTE_EN)
    elif grading.reportable:
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
    cii_level = max((k.level for k in grading.criteria if k.fact in CII_FACTS),
                    key=lambda lv: lv.rank, default=None)
    if cii_level is not None and not report.operator.runs_cii:
        zh, en = cii_reading(cii_level)
        notes_zh.append(zh)
        notes_en.append(en)
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
    notes_zh.append(SECTOR_NOTE_ZH)
    notes_en.append(SECTOR_NOTE_EN)
    if in_china(inc.discovered_at) < IN_FORCE:
        notes_zh.append(IN_FORCE_NOTE_ZH)
        notes_en.append(IN_FORCE_NOTE_EN)
    far_future = datetime.max.replace(tzinfo=CHINA_TZ)
    obligations.sort(key=lambda o: o.due or far_future)  # stable: undated keep their order
    escalations = tuple(
        EscalationDuty(by=e.by, to=e.to, within=timedelta(minutes=e.within_minutes),
                       basis=e.basis)
        for e in rules.escalations
        if e.operator_kind is report.operator.kind and grading.level in e.levels
    ) if grading.level in (Level.ESPECIALLY_MAJOR, Level.MAJOR) else ()
    return Duties(obligations=tuple(obligations), escalations=escalations,
                  notes_zh=tuple(notes_zh), notes_en=tuple(notes_en), provisional=provisional)


def cii_reading(level: Level) -> tuple[str, str]:
    """The remark for a unit not registered as a CII operator whose CII outage figures reach
    ``level``: Art. 4's 「涉及关键信息基础设施的」 reads either way (zh, en)."""
    within = timedelta(minutes=reporting_rules().route(OperatorKind.CII).within_minutes)
    zh = (f"本单位未登记为关键信息基础设施运营者，但所填关键信息基础设施中断数据达到{level.zh}"
          f"标准。《办法》第四条“涉及关键信息基础设施的”可有两种理解：按运营者类型（本单位按现列"
          f"对象和时限报告），或按事件涉及关键信息基础设施（应于发现后 {span_zh(within)}内向保护"
          "工作部门、公安机关报告）。请核实；如涉及关键信息基础设施，按后者报告。")
    en = ("The unit is not registered as a CII operator, but its CII outage figures reach "
          f"{level.en.lower()}. Art. 4's \"involving critical information infrastructure\" "
          "reads two ways: by the operator's kind (the route listed here) or by the incident "
          "involving CII (report to the protection department and the police within "
          f"{span_en(within)} of discovery). Check; if CII is involved, follow the latter.")
    return zh, en


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
    def due(self) -> datetime:
        """The dated deadline that was missed (a Lateness is made only against one)."""
        assert self.obligation.due is not None
        return self.obligation.due

    @property
    def zh(self) -> str:
        return span_zh(self.by)

    @property
    def en(self) -> str:
        return span_en(self.by)


def lateness(report: Report, duties: Duties, at: datetime) -> Lateness | None:
    """How late a report made at ``at`` is against the deadline its type answers (None: not
    late, or no dated deadline). Counted to the minute, like every shown time.

    A correction (更正) takes the timeliness of the report it corrects: it is measured at the
    corrected report's sending time (``report.corrects.sent_at``), never at its own — and
    without that time nothing is said to be late."""
    if report.correction:
        corrected = report.corrects.sent_at if report.corrects is not None else None
        if corrected is None:
            return None
        at = corrected
    due = governing(report.report_type, duties)
    if due is None or due.due is None:
        return None
    by = at.replace(second=0, microsecond=0) - due.due.replace(second=0, microsecond=0)
    return Lateness(obligation=due, by=by) if by > timedelta(0) else None


def minutes_late(sent_at: datetime, due: datetime) -> int:
    """Whole minutes ``sent_at`` is after ``due``, both taken to the minute (≤ 0: on time) —
    the one rule of every timeliness shown (the report's 迟报, the header, the 台账, the Art. 11
    account of a summary report)."""
    by = sent_at.replace(second=0, microsecond=0) - due.replace(second=0, microsecond=0)
    return int(by.total_seconds() // 60)


def _span(delta: timedelta, units: tuple[str, str, str]) -> str:
    """Days, hours and minutes of ``delta`` in ``units`` (to the minute, zero parts left out,
    minutes said when nothing else is)."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} {units[0]}" if days else "", f"{hours} {units[1]}" if hours else "",
             f"{minutes} {units[2]}" if minutes or not (days or hours) else ""]
    return " ".join(p for p in parts if p)


def span_zh(delta: timedelta) -> str:
    """``1 天 2 小时 5 分钟``."""
    return _span(delta, ("天", "小时", "分钟"))


def span_en(delta: timedelta) -> str:
    """``1 d 2 h 5 min``."""
    return _span(delta, ("d", "h", "min"))
