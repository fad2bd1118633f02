"""The whole judgement on a report: its grading plus its duties, and the ``classify`` JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from composer.core.grading import (
    UNVERIFIED_NOTICE,
    UNVERIFIED_NOTICE_EN,
    Grading,
    MissingFact,
    grade,
)
from composer.core.model import Judgement, Report, ReportType
from composer.core.obligations import Duties, duties, governing, iso_duration
from composer.core.rules import FACT_PATHS

JUDGEMENT_FACTS = frozenset(path for path, values in FACT_PATHS.items()
                            if values == tuple(j.value for j in Judgement))
"""The facts that are the unit's judgement of a qualitative condition of the Guide."""


@dataclass(frozen=True, slots=True)
class Classification:
    grading: Grading
    duties: Duties
    level_confirmed: bool = False   # the unit confirmed exactly this level against the text
    # False: 待研判 — the known facts reach no level above 一般 while a fact that could reach
    # 较大 or above is unknown, and the unit has not stated that the rest does not apply
    settled: bool = True
    impact_assessed: bool = False   # the unit stated that the facts not given do not apply
    drill: bool = False             # a drill (演练): the grading is rehearsed, nothing is sent

    @property
    def unconfirmed(self) -> bool:
        """The level rests on unconfirmed numbers and nobody has confirmed it: say so."""
        return self.grading.needs_confirmation and not self.level_confirmed


def open_facts(grading: Grading) -> tuple[MissingFact, ...]:
    """The unknown facts that keep a level below 较大 from being settled: every fact (or site)
    not given whose criteria could reach 较大 or above — not the three judgements (data
    threat, system loss, other threat), where "not given" already means "not applicable"
    (CONTRACT.md)."""
    return tuple(m for m in grading.missing
                 if m.could_reach.reportable and m.fact not in JUDGEMENT_FACTS)


def is_settled(grading: Grading, impact_assessed: bool) -> bool:
    """The level is settled unless the known facts reach no level above 一般 while a fact
    that could reach 较大 or above is still unknown (0 counts as known) — and the unit has
    not stated that the facts it did not give do not apply (``impact_assessed``)."""
    return impact_assessed or grading.reportable or not open_facts(grading)


def classify(report: Report) -> Classification:
    grading = grade(report.impact_facts, cii=report.operator.runs_cii)
    settled = is_settled(grading, report.impact_assessed)
    return Classification(grading=grading, duties=duties(report, grading, settled=settled),
                          level_confirmed=report.level_confirmed is grading.level,
                          settled=settled, impact_assessed=report.impact_assessed,
                          drill=report.drill)


PENDING_ZH = "待研判"
"""The level's name while it is not settled (CONTRACT.md, Extensions 2026-12-05)."""


def classification_json(c: Classification,
                        report_type: ReportType = ReportType.INITIAL) -> dict[str, Any]:
    """The ``composer classify`` output of CONTRACT.md (extended with a few extra keys)."""
    g, d = c.grading, c.duties
    governing_due = governing(report_type, d)
    out: dict[str, Any] = {
        "level": g.level.value,
        # the level's name as every output prints it: 待研判 while unsettled (``level`` stays
        # the enumeration of CONTRACT.md: what the known facts reach)
        "level_zh": g.level.zh if c.settled else PENDING_ZH,
        "reportable": g.reportable,
        "criteria": [{"id": k.id, "level": k.level.value, "reason": k.reason,
                      "reason_en": k.reason_en, "status": k.status, "guide": k.guide}
                     for k in g.criteria],
        "obligations": [_obligation(o) for o in d.obligations],
        "escalations": [{"by": e.by, "to": e.to, "within": iso_duration(e.within),
                         "basis": e.basis} for e in d.escalations],
        # fact: a key of impact_facts, or "defacement.site" / "portal_outage.site" for a site
        # not given whose figures reach higher on a higher-tier site (question is then a
        # whole sentence); question_en is an extension
        "missing": [{"fact": m.fact, "question": m.zh, "question_en": m.en,
                     "could_reach": m.could_reach.value, **({"guide": m.guide} if m.guide else {})}
                    for m in g.missing],
        # Extensions (CONTRACT.md: extend, never break).
        "confirmed_level": g.confirmed_level.value,
        "needs_confirmation": g.needs_confirmation,
        "level_confirmed": c.level_confirmed,
        # the dated obligation this report type answers (a follow-up has none)
        "governing": _obligation(governing_due) if governing_due else None,
        "notes": list(d.notes_zh),
        # why a given fact did not grade as its figures suggest (e.g. a site the Guide omits)
        "remarks": [{"fact": r.fact, "remark": r.zh, "remark_en": r.en, "guide": r.guide}
                    for r in g.remarks],
        # Extensions (2026-12-05): false = 待研判 (the level stays "general" but is not
        # settled); "provisional" = the reports due if it proves relatively_major or above
        "settled": c.settled,
        "impact_assessed": c.impact_assessed,
        "provisional": [_obligation(o) for o in d.provisional],
    }
    if c.drill:   # Extensions (2026-12-05): present only for a drill
        out["drill"] = True
    if c.unconfirmed:
        out["notice"] = f"{UNVERIFIED_NOTICE}（{UNVERIFIED_NOTICE_EN}）"
    return out


def _obligation(o: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "action": o.action,
        "to": o.to,
        **({"recipient": o.recipient} if o.recipient else {}),
        "due": o.due.isoformat(timespec="seconds") if o.due else None,
        "within": iso_duration(o.within) if o.within else None,
        "basis": o.basis,
    }
    if o.note_zh:
        item["note"] = o.note_zh
    return item
