"""What is still owed for an incident once a report of it has been sent.

Qt-free. After an initial report (Art. 7–8):

* ``supplement`` — items 3–8 still empty are to be 补报 promptly (Art. 7 ¶2; no fixed limit in
  the final text);
* ``follow_up`` — a 续报 whenever important new circumstances arise or the investigation reaches
  a stage (Art. 7 last ¶; no fixed limit);
* ``summary`` — the summary report, due 30 days after handling ends (Art. 8), with its own
  countdown once the handling end is known;
* ``report:<recipient>`` — a report obligation of Art. 4 that no recorded sending to its own
  recipient has met (a sending to the 12387 intake does not reach a CII operator's protection
  department or the police: :mod:`composer.core.duty_status`), when the sending history is
  given;
* ``police_report`` — the 报案 to the police of a suspected crime, while it is open (Art. 4).

:func:`due_key` orders reports by what is due next (the reports list).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from composer.core.classify import Classification
from composer.core.duty_status import counts, duty_states, police_open
from composer.core.history import INTAKE, SentReport
from composer.core.model import Report, ReportType
from composer.core.obligations import CHINA_TZ, governing, in_china
from composer.core.rules import reporting_rules
from composer.core.storage import DraftSummary, Storage

ITEMS = (("trend", 3), ("cause", 4), ("clues", 5), ("next_steps", 6),
         ("scene_preservation", 7))
"""Fields of items 3–7 whose emptiness means the item is still owed (item 8 is optional)."""

_NUMERALS = "零一二三四五六七八"


@dataclass(frozen=True, slots=True)
class Owed:
    kind: str                  # supplement | follow_up | summary | report:<id> | police_report
    zh: str
    en: str
    due: datetime | None       # +08:00; None: promptly / when something happens
    basis: str                 # e.g. 《办法》第七条第二款
    basis_en: str

    def remaining(self, now: datetime) -> timedelta | None:
        return None if self.due is None else self.due - now


def missing_items(report: Report) -> list[int]:
    """Numbers of the items 3–7 of Art. 7 that are still empty."""
    inc = report.incident
    out = []
    for name, number in ITEMS:
        value = getattr(inc, name) or ""
        if name == "next_steps":
            value += inc.support_requested or ""
        if not value.strip():
            out.append(number)
    return out


def owed(report: Report, classification: Classification, sent: set[ReportType],
         history: Sequence[SentReport] = ()) -> list[Owed]:
    """What remains to be reported for this incident, dated first.

    ``sent``: the report types of the incident already sent (empty: nothing is owed *after* a
    report yet — the countdown to the first report governs instead). ``history``: the
    incident's recorded sendings; with it, each report obligation no sending to its own
    recipient has met is listed too (without it, the report in hand counts as sent to all).
    """
    sent = sent | {s.report_type for s in history if not s.drill}
    if not sent:
        return []
    out = _police(classification)
    if ReportType.SUMMARY in sent or not classification.grading.reportable:
        return out
    out += _unmet_reports(classification, history)
    days = reporting_rules().summary_report_days
    handled = report.incident.handling_completed_at
    summary_due = in_china(handled + timedelta(days=days)) if handled else None
    out.append(Owed(
        "summary",
        f"事件处置总结报告：处置结束后 {days} 日内按原渠道报送" + (
            "" if summary_due else "（处置结束时间未填，填写后开始计时）"),
        f"Summary report: within {days} days after handling ends, through the original "
        "channel" + ("" if summary_due else " (enter the handling end to start the countdown)"),
        summary_due, "《办法》第八条", "Measures art. 8"))
    items = missing_items(report)
    if items and ReportType.INITIAL in sent and report.report_type is not ReportType.SUMMARY:
        names = "、".join(f"第{_NUMERALS[n]}项" for n in items)
        out.append(Owed(
            "supplement", f"补报{names}：及时补报（无固定时限）",
            "Supplement items " + ", ".join(str(n) for n in items)
            + ": promptly (no fixed limit)", None, "《办法》第七条第二款", "Measures art. 7 ¶2"))
    out.append(Owed(
        "follow_up", "续报：出现新的重要情况或调查取得阶段性进展时及时报告（无固定时限）",
        "Follow-up: promptly when important new circumstances arise or the investigation "
        "progresses (no fixed limit)", None, "《办法》第七条第三款", "Measures art. 7 ¶3"))
    far = datetime.max.replace(tzinfo=CHINA_TZ)
    out.sort(key=lambda o: (o.due is None, o.due or far))
    return out


def _unmet_reports(classification: Classification,
                   history: Sequence[SentReport]) -> list[Owed]:
    """The report obligations no sending to their own recipient has met."""
    if not history:
        return []
    states = duty_states(classification, history)
    intake = any(counts(s) and s.recipient == INTAKE for s in history)
    hotline = reporting_rules().channels.hotline
    out = []
    for st in states:
        if st.met:
            continue
        o = st.obligation
        out.append(Owed(
            f"report:{o.recipient}", f"向{o.to}报告：尚未报送"
            + (f"（已向 {hotline} 受理平台报送，但这不代替向{o.to}报告）" if intake else ""),
            f"Report to {o.to}: not sent yet"
            + (f" (the sending to the {hotline} intake does not stand in for it)"
               if intake else ""),
            o.due, "《办法》第四条", "Measures art. 4"))
    return out


def _police(classification: Classification) -> list[Owed]:
    """The 报案 to the police while it is open: no fixed limit, "promptly" (Art. 4)."""
    o = police_open(classification)
    if o is None:
        return []
    return [Owed("police_report", "向公安机关报案：涉嫌违法犯罪，应及时报案（尚未报案）",
                 "Report the suspected crime to the police: promptly (not reported yet)",
                 None, "《办法》第四条", "Measures art. 4")]


def due_key(report: Report | None, classification: Classification | None,
            sent: set[ReportType], this_sent: bool) -> tuple[int, str]:
    """Sort key for the reports list: what is due next first.

    0: an unsent report with a dated deadline (earliest first; while 待研判, the one that applies
    if it proves 较大 or above); 1: a sent incident with a dated
    summary due; 2: undated duties still open (补报, 续报); 3: nothing owed.
    """
    if report is None or classification is None:
        return (2, "")
    if not this_sent:
        due = governing(report.report_type, classification.duties)
        if due is None and not classification.settled and classification.duties.provisional:
            due = classification.duties.provisional[0]    # 待研判: the deadline if 较大+
        if due is not None and due.due is not None:
            return (0, due.due.astimezone(UTC).isoformat())
    items = owed(report, classification, sent | ({report.report_type} if this_sent else set()))
    dated = [o.due for o in items if o.due is not None]
    if dated:
        return (1, min(dated).astimezone(UTC).isoformat())
    return (2, "") if items or not this_sent else (3, "")


def _types_by_root(storage: Storage, drafts: list[DraftSummary]
                   ) -> tuple[dict[int, int], dict[int, set[ReportType]]]:
    roots = {d.id: storage.chain(d.id)[0] for d in drafts}
    sent: dict[int, set[ReportType]] = {}
    for d in drafts:
        kinds = sent.setdefault(roots[d.id], set())
        if d.submitted_at and d.report_type in {t.value for t in ReportType}:
            kinds.add(ReportType(d.report_type))
    return roots, sent


def sent_types(storage: Storage, draft_id: int) -> set[ReportType]:
    """Report types of the incident (every report sharing ``draft_id``'s first report) that
    have a recorded sending."""
    roots, sent = _types_by_root(storage, storage.list_drafts())
    return sent.get(roots.get(draft_id, draft_id), set())


def order_reports(storage: Storage, drafts: list[DraftSummary]) -> list[DraftSummary]:
    """The reports list sorted by what is due next (:func:`due_key`); ties keep their order.
    Drills (演练) come after every real report, in the same order among themselves: a
    drill's deadline is never sorted among real ones."""
    from composer.core.classify import classify

    roots, sent = _types_by_root(storage, drafts)

    def key(d: DraftSummary) -> tuple[bool, int, str]:
        try:
            report = storage.load_draft(d.id).report()
        except (KeyError, ValueError):
            report = None
        c = classify(report) if report is not None else None
        return (d.drill, *due_key(report, c, sent.get(roots[d.id], set()),
                                  bool(d.submitted_at)))

    return sorted(drafts, key=key)
