"""The whole judgement on a report: its grading plus its duties, and the ``classify`` JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from composer.core.grading import UNVERIFIED_NOTICE, UNVERIFIED_NOTICE_EN, Grading, grade
from composer.core.model import Report, ReportType
from composer.core.obligations import Duties, duties, governing, iso_duration


@dataclass(frozen=True, slots=True)
class Classification:
    grading: Grading
    duties: Duties
    level_confirmed: bool = False   # the unit confirmed exactly this level against the text

    @property
    def unconfirmed(self) -> bool:
        """The level rests on unconfirmed numbers and nobody has confirmed it: say so."""
        return self.grading.needs_confirmation and not self.level_confirmed


def classify(report: Report) -> Classification:
    grading = grade(report.impact_facts, cii=report.operator.runs_cii)
    return Classification(grading=grading, duties=duties(report, grading),
                          level_confirmed=report.level_confirmed is grading.level)


def classification_json(c: Classification,
                        report_type: ReportType = ReportType.INITIAL) -> dict[str, Any]:
    """The ``composer classify`` output of CONTRACT.md (extended with a few extra keys)."""
    g, d = c.grading, c.duties
    governing_due = governing(report_type, d)
    out: dict[str, Any] = {
        "level": g.level.value,
        "level_zh": g.level.zh,
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
    }
    if c.unconfirmed:
        out["notice"] = f"{UNVERIFIED_NOTICE}（{UNVERIFIED_NOTICE_EN}）"
    return out


def _obligation(o: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "action": o.action,
        "to": o.to,
        "due": o.due.isoformat(timespec="seconds") if o.due else None,
        "within": iso_duration(o.within) if o.within else None,
        "basis": o.basis,
    }
    if o.note_zh:
        item["note"] = o.note_zh
    return item
