"""What a sending's record says of its incident and of the deadline the sending answered.

Qt-free. The 台账 (:mod:`composer.core.ledger`) and the Art. 11 account of a summary report read
every value from the chained record, never from the editable drafts. So that the record holds
what they need, :func:`sent_facts` derives it from the report as stored at the moment of
recording (the same stored text whose SHA-256 the record keeps) and the storage adds it to the
record as two optional keys:

* ``incident`` — ``unit`` (the reporting unit), ``title``, ``category`` (id) and
  ``category_zh``, ``level`` (a level id, or ``"pending"`` while 待研判) and ``level_zh`` (as the
  report stated it), ``discovered_at`` (ISO 8601, China time);
* ``deadline`` — the deadline this sending answered, or null (a follow-up has no fixed limit;
  a settled 一般 incident none): ``at``, ``within`` (ISO 8601 duration), ``basis`` (e.g.
  ``Measures art. 4``), ``to`` (whom it was owed to) and ``provisional`` (true while 待研判:
  the deadline if it proves 较大 or above). For a first report it is the deadline of the
  recipient the sending reached (a CII operator's protection department and the police each
  have their own), else the report type's earliest; for a summary report the 30-day limit.

Records made before these keys existed lack them; their verification is unchanged (a record's
hash covers what it holds), and readers take what they need from the kept package or say 不详.
"""

from __future__ import annotations

import json
from typing import Any

from composer.core.obligations import Obligation, governing, in_china, iso_duration

PENDING = "pending"
"""The ``level`` of a record whose report was still 待研判."""


def _deadline(o: Obligation | None, provisional: bool) -> dict[str, Any] | None:
    if o is None or o.due is None:
        return None
    return {"at": in_china(o.due).isoformat(), "basis": o.basis, "to": o.to,
            "within": iso_duration(o.within) if o.within is not None else None,
            "provisional": provisional}


def sent_facts(body: str | None, recipient: str) -> dict[str, Any]:
    """``{"incident": …, "deadline": …}`` for the record of a sending of the stored draft
    ``body`` to ``recipient``; ``{}`` when the stored text is not a valid report (the readers
    then say 不详). Never raises for a damaged body."""
    from composer.core.draft import draft_from_json
    from composer.core.model import ReportType
    from composer.core.statement_items import category_text
    from composer.core.statement_level import level_text

    try:
        obj = json.loads(body) if isinstance(body, str) else None
    except (ValueError, RecursionError):
        return {}
    if not isinstance(obj, dict):
        return {}
    draft = draft_from_json(obj)
    report, c = draft.report(), draft.classification()
    if report is None or c is None:
        return {}
    inc = report.incident
    incident = {
        "unit": " ".join(report.operator.name.split()), "title": inc.title,
        "category": inc.category, "category_zh": category_text(inc.category),
        "level": c.grading.level.value if c.settled else PENDING,
        "level_zh": level_text(report, c)[0],
        "discovered_at": in_china(inc.discovered_at).isoformat()}
    duties = c.duties
    deadline: dict[str, Any] | None = None
    if report.report_type is ReportType.INITIAL:
        reports = [o for o in (duties.obligations or duties.provisional) if o.action == "report"]
        own = next((o for o in reports if o.met_by(recipient)), None)
        first = own or next((o for o in reports if o.due is not None), None)
        deadline = _deadline(first, provisional=not c.settled)
    elif report.report_type is ReportType.SUMMARY:
        deadline = _deadline(governing(ReportType.SUMMARY, duties), provisional=False)
    return {"incident": incident, "deadline": deadline}


__all__ = ["PENDING", "sent_facts"]
