"""Which of the operator's report obligations its recorded sendings have met — each by a
sending to its own recipient.

Qt-free. Art. 4 names whom each operator reports to: a CII operator its protection department
*and* the public security organ, a central/state organ its own cyberspace body, any other
operator its provincial CAC office. A sending meets an obligation only when it reached that
recipient (:class:`composer.core.history.SentReport` ``recipient``); a sending to the CAC's
12387 intake counts only for a recipient the rule data marks ``intake_counts`` (the provincial
CAC office) — never for a protection department or the police. A drill never counts.
:func:`duty_states` says it per obligation, :func:`still_owed` says what the unit still owes
in words, for the header, 后续事项 and the calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from composer.core.classify import Classification
from composer.core.history import INTAKE, SentReport
from composer.core.model import ReportType
from composer.core.obligations import Obligation, span_en, span_zh
from composer.core.rules import reporting_rules
from composer.core.statement_base import fmt_time


@dataclass(frozen=True, slots=True)
class DutyState:
    """One report obligation and the first sending that met it (None: still owed)."""

    obligation: Obligation
    sending: SentReport | None

    @property
    def met(self) -> bool:
        return self.sending is not None

    @property
    def late_by(self) -> timedelta | None:
        """How late the sending that met it was, to the minute (None: on time or not met)."""
        o, s = self.obligation, self.sending
        if s is None or o.due is None:
            return None
        by = (s.sent_at.replace(second=0, microsecond=0)
              - o.due.replace(second=0, microsecond=0))
        return by if by > timedelta(0) else None

    @property
    def zh(self) -> str:
        o, s = self.obligation, self.sending
        if s is None:
            due = f"（截止 {fmt_time(o.due)}）" if o.due is not None else ""
            return f"✖ 向{o.to}报告：尚未报送{due}"
        late = self.late_by
        return (f"✔ 向{o.to}报告：{fmt_time(s.sent_at)} 已报送（{_channel(s.channel, 'zh')}，"
                + (f"迟报 {span_zh(late)}）" if late else "按时）"))

    @property
    def en(self) -> str:
        o, s = self.obligation, self.sending
        if s is None:
            due = f" (due {fmt_time(o.due)})" if o.due is not None else ""
            return f"✖ Report to {o.to}: not sent yet{due}"
        late = self.late_by
        return (f"✔ Report to {o.to}: sent {fmt_time(s.sent_at)} "
                f"({_channel(s.channel, 'en')}, "
                + (f"{span_en(late)} late)" if late else "on time)"))


def _channel(channel: str, lang: str) -> str:
    from composer.core.submissions import channel as known

    c = known(channel)
    if c is None:
        return channel
    return c.zh if lang == "zh" else c.en


def counts(sending: SentReport) -> bool:
    """A sending that can meet a report obligation: the first report (or its correction),
    never a drill."""
    return sending.report_type is ReportType.INITIAL and not sending.drill


def duty_states(classification: Classification,
                history: Sequence[SentReport]) -> tuple[DutyState, ...]:
    """Each report obligation of the first report (Art. 4) with the first sending that met it
    — a sending to its own recipient. Nothing while the level is 待研判 or below 较大."""
    out = []
    sendings = sorted((s for s in history if counts(s)), key=lambda s: s.sent_at)
    for o in classification.duties.obligations:
        if o.action != "report":
            continue
        met = next((s for s in sendings if o.met_by(s.recipient)), None)
        out.append(DutyState(obligation=o, sending=met))
    return tuple(out)


def still_owed(states: Sequence[DutyState],
               history: Sequence[SentReport]) -> tuple[str, str] | None:
    """What the unit still owes in words (zh, en) — above all when it sent to the 12387
    intake, which does not reach these recipients. None when nothing is owed."""
    open_ = [st.obligation for st in states if not st.met]
    if not open_:
        return None
    to = "、".join(dict.fromkeys(o.to for o in open_))
    to_en = ", ".join(dict.fromkeys(o.to for o in open_))
    intake = [s for s in history if counts(s) and s.recipient == INTAKE]
    if intake:
        hotline = reporting_rules().channels.hotline
        return ((f"已向 {hotline} 受理平台报送，但这不代替向{to}报告（《办法》第四条）："
                f"本单位仍须向{to}报告。"),
                (f"Sent to the {hotline} intake, which does not stand in for reporting to "
                f"{to_en} (Measures Art. 4): the unit still has to report to {to_en}."))
    return (f"本单位仍须向{to}报告（《办法》第四条）。",
            f"The unit still has to report to {to_en} (Measures Art. 4).")


def police_open(classification: Classification) -> Obligation | None:
    """The 报案 to the police, while it is open (a suspected crime, no report to the police
    stated)."""
    return next((o for o in classification.duties.obligations if o.action == "police_report"),
                None)


__all__ = ["DutyState", "counts", "duty_states", "police_open", "still_owed"]
