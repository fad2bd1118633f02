"""The wizard's flow as pure functions: which step comes next, and whether a step is complete.

No Qt here: the QWizard's ``nextId()`` asks :func:`next_step` and each page's ``isComplete()``
asks :func:`is_complete`. Completeness comes from the one validator
(:func:`composer.core.incident_io.parse_report`) through the draft's problems, filtered to the
fields a step owns.

Steps: organisation profile → basic facts → impact facts → grading result → recipients &
deadlines → handling & analysis → preview & output. The fast path (Measures art. 7 ¶2: report
items 1–2 now, supplement the rest promptly) skips handling & analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum

from composer.core import art7, rules
from composer.core.draft import Draft
from composer.core.model import ReportType
from composer.core.validators import Problem


class Step(IntEnum):
    PROFILE = 0
    BASIC = 1
    IMPACT = 2
    GRADING = 3
    RECIPIENTS = 4
    HANDLING = 5
    PREVIEW = 6


ORDER = (Step.PROFILE, Step.BASIC, Step.IMPACT, Step.GRADING, Step.RECIPIENTS, Step.HANDLING,
         Step.PREVIEW)

# Field paths each step owns (a problem at or under one of them belongs to that step).
STEP_FIELDS: dict[Step, tuple[str, ...]] = {
    Step.PROFILE: ("operator",),
    Step.BASIC: ("incident.title", "incident.discovered_at", "incident.occurred_at",
                 "incident.category", "incident.systems", "incident.location",
                 "incident.description", "incident.impact", "incident.measures",
                 "incident.ransom", "incident.suspected_crime", "incident.handling_completed_at",
                 "incident.not_yet_known", "incident.police_report", "report_type"),
    Step.IMPACT: ("impact_facts", "impact_assessed"),
    Step.GRADING: (),
    Step.RECIPIENTS: (),
    Step.HANDLING: ("incident.trend", "incident.cause", "incident.clues", "incident.next_steps",
                    "incident.support_requested", "incident.scene_preservation",
                    "incident.other", "incident.accountability", "incident.remediation",
                    "incident.lessons", "incident.safeguards", "incident.emergency_plan",
                    "incident.harm_mitigation"),
    Step.PREVIEW: (),
}


def operator_runs_cii(draft: Draft) -> bool | None:
    """Whether the operator runs critical information infrastructure (None: kind not chosen).
    Kind cii, or a central/state organ naming a protection department (Model.runs_cii)."""
    kind = draft.get("operator.kind")
    if kind == "cii":
        return True
    if kind == "central_state_organ":
        return bool(str(draft.get("operator.protection_department") or "").strip())
    if kind == "other":
        return False
    return None


CII_FACT_PATHS = ("impact_facts.cii_total_outage_hours",
                  "impact_facts.cii_main_function_outage_hours")


def asks_cii_facts(draft: Draft) -> bool:
    """CII outage questions are for CII operators; a figure already given stays visible so it
    can be seen and cleared (it counts in the grading)."""
    return operator_runs_cii(draft) is not False or any(
        draft.get(p) is not None for p in CII_FACT_PATHS)


# Operator fields naming a receiving body, and the kinds that need them (Art. 4); a field
# that holds a value is shown whatever the kind, so nothing hidden reaches the report.
RECIPIENT_FIELDS: dict[str, tuple[str, ...]] = {
    "operator.province": ("other",),
    "operator.protection_department": ("cii", "central_state_organ"),
    "operator.cac_office": ("central_state_organ",),
}


def shows_recipient_field(path: str, draft: Draft) -> bool:
    value = draft.get(path)
    return draft.get("operator.kind") in RECIPIENT_FIELDS[path] or (
        value is not None and str(value).strip() != "")


def fast_path_allowed(draft: Draft) -> bool:
    """Items 1–2 first is for the initial and follow-up reports; a summary needs the analysis."""
    return draft.report_type is not ReportType.SUMMARY


def uses_fast_path(draft: Draft) -> bool:
    return draft.fast_path and fast_path_allowed(draft)


def next_step(step: Step | int, draft: Draft) -> Step | None:
    """The step after ``step`` (None: the last step)."""
    step = Step(step)
    if step is Step.RECIPIENTS:
        return Step.PREVIEW if uses_fast_path(draft) else Step.HANDLING
    if step is Step.PREVIEW:
        return None
    return ORDER[ORDER.index(step) + 1]


def path_of(draft: Draft, upto: Step | int | None = None) -> list[Step]:
    """The steps the user walks through for this draft, from the first (up to ``upto``)."""
    steps: list[Step] = []
    step: Step | None = Step.PROFILE
    while step is not None:
        steps.append(step)
        if upto is not None and step == upto:
            break
        step = next_step(step, draft)
    return steps


def shows_ransom_items(draft: Draft) -> bool:
    """Ransom amount, method and date (art. 7 item 2) apply to ransomware only."""
    category = rules.category(draft.get("incident.category"))
    return bool(category and category.ransom_items)


def shows_handling_completed(draft: Draft) -> bool:
    return draft.report_type is ReportType.SUMMARY or bool(
        draft.get("incident.handling_completed_at"))


SUMMARY_FIELDS = ("incident.accountability", "incident.remediation", "incident.lessons")
ART11_FIELDS = ("incident.safeguards", "incident.emergency_plan", "incident.harm_mitigation")
"""The unit's own Art. 11 statements, asked with the summary (README "Incident file
extensions")."""


def shows_summary_items(draft: Draft) -> bool:
    """Accountability, remediation and lessons (Art. 8) belong to the summary report."""
    return draft.report_type is ReportType.SUMMARY or any(
        draft.get(p) for p in SUMMARY_FIELDS + ART11_FIELDS)


def _owned(path: str, owners: tuple[str, ...]) -> bool:
    return any(path == o or path.startswith(o + ".") for o in owners)


def step_problems(step: Step | int, draft: Draft,
                  problems: list[Problem] | None = None) -> list[Problem]:
    """The validator's problems that the user must fix on ``step``.

    Problems of no particular field (``$``, ``format``) belong to the last step.
    """
    step = Step(step)
    problems = draft.problems() if problems is None else problems
    if step is Step.PREVIEW:
        return problems
    owners = STEP_FIELDS[step]
    return [p for p in problems if _owned(p.path, owners)]


def needs_level_confirmation(draft: Draft) -> bool:
    """The grading rests on unverified numbers and the user has not confirmed this level."""
    c = draft.classification()
    if c is None or not c.grading.needs_confirmation:
        return False
    return draft.confirmed_level != c.grading.level.value


def fast_path_gaps(draft: Draft) -> tuple[art7.Part, ...]:
    """On the fast path (Art. 7 ¶2), the parts of items 1–2 neither filled in nor marked
    暂不掌握: the report cannot go out with items 1–2 only until they are there."""
    report = draft.report()
    if report is None or not uses_fast_path(draft):
        return ()
    return art7.missing_parts(report)


def is_complete(step: Step | int, draft: Draft) -> bool:
    """Whether the user may leave ``step`` forward."""
    step = Step(step)
    if step in (Step.GRADING, Step.RECIPIENTS, Step.PREVIEW):
        # Everything before must hold: the grading needs a valid report.
        if draft.report() is None:
            return False
        if step is Step.RECIPIENTS and fast_path_gaps(draft):
            return False
        return not (step is Step.GRADING and needs_level_confirmation(draft))
    return not step_problems(step, draft)


def first_incomplete(draft: Draft) -> Step:
    """Where to resume: the first step on the draft's path that is not complete."""
    for step in path_of(draft):
        if not is_complete(step, draft):
            return step
    return Step.PREVIEW


# --- deadline urgency (the countdown in the header) -------------------------------------------


@dataclass(frozen=True, slots=True)
class Urgency:
    state: str               # "ok" | "amber" | "red"
    remaining: timedelta     # negative once passed


AMBER_FRACTION = 0.25
AMBER_MINUTES = 30


def urgency(now: datetime, due: datetime, within: timedelta | None) -> Urgency:
    """Amber when less than 25 % of the time limit or less than 30 min is left; red once due."""
    remaining = due - now
    if remaining <= timedelta(0):
        return Urgency("red", remaining)
    amber = remaining < timedelta(minutes=AMBER_MINUTES) or (
        within is not None and remaining < within * AMBER_FRACTION)
    return Urgency("amber" if amber else "ok", remaining)


def format_remaining(remaining: timedelta, days_unit: str = "天") -> str:
    """``H:MM:SS`` without sign, days prefixed as ``N 天`` (or ``N <days_unit>``)."""
    seconds = abs(int(remaining.total_seconds()))
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{hours:d}:{minutes:02d}:{seconds:02d}"
    return f"{days} {days_unit} {text}" if days else text
