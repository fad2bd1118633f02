"""Which recorded incident an incident file is: for ``composer render`` of a summary report.

Qt-free. The Art. 11 account of a summary report (:mod:`composer.core.statement_art11`) lists
the incident's recorded sendings. The app knows them; ``composer render`` of a file knows them
only when the data folder's sending record holds the file's incident. :func:`recorded_sendings`
finds it from the records alone (never from the editable drafts): a record whose ``incident``
facts (:mod:`composer.core.record_facts`) name the same unit and the same discovery time (the
same instant), of the same kind (a drill only matches a drill; the title tells two such
incidents apart, or nothing is matched). All
records of that incident — every report started from the same first report — are its
sendings. Records made before the facts were kept cannot be matched: the report then says that
the table is filled from the sending record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from composer.core.model import Report, SentReport
from composer.core.records import Record
from composer.core.stored_time import aware_time


def _same_moment(text: object, moment: datetime) -> bool:
    other = aware_time(text)
    return other is not None and other == moment


def _root(rec: Record) -> int | None:
    chain = rec.body.get("chain")
    if isinstance(chain, list) and chain and isinstance(chain[0], int):
        return int(chain[0])
    return rec.number("draft_id")


def matches(rec: Record, report: Report) -> bool:
    """Whether ``rec`` names ``report``'s incident: the same unit and discovery time, of the
    same kind (drill or not). The title may have changed from one report to the next; it
    decides only between incidents that agree on all of these (:func:`sendings_of`)."""
    facts = rec.body.get("incident")
    if not isinstance(facts, dict):
        return False
    return (facts.get("unit") == " ".join(report.operator.name.split())
            and _same_moment(facts.get("discovered_at"), report.incident.discovered_at)
            and (rec.body.get("drill") is True) == report.drill)


def sendings_of(records: Sequence[Record], report: Report) -> tuple[SentReport, ...] | None:
    """The recorded sendings of ``report``'s incident, earliest first; None when no record
    names it, or when two recorded incidents would fit and the title does not tell them
    apart (never a guess)."""
    from composer.core.store.sending import sent_report

    found = [r for r in records if matches(r, report)]
    roots = {_root(r) for r in found} - {None}
    if len(roots) > 1:
        titled = {_root(r) for r in found if isinstance(r.body.get("incident"), dict)
                  and r.body["incident"].get("title") == report.incident.title} - {None}
        roots = titled if len(titled) == 1 else set()
    if not roots:
        return None
    out = [s for s in (sent_report(r) for r in records if _root(r) in roots) if s is not None]
    return tuple(sorted(out, key=lambda s: (s.sent_at, s.record_seq or 0)))


def recorded_sendings(database: Path, report: Report) -> tuple[SentReport, ...] | None:
    """:func:`sendings_of` the records of ``database`` (opened read-only); None when there is
    no database, it cannot be read, or it does not hold the incident."""
    import sqlite3

    from composer.core.record_verify import open_read_only, read_log

    if not database.is_file():
        return None
    try:
        db = open_read_only(database)
    except sqlite3.Error:
        return None
    try:
        return sendings_of(read_log(db).records(), report)
    finally:
        db.close()


__all__ = ["matches", "recorded_sendings", "sendings_of"]
