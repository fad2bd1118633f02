"""What has been sent of an incident, as the statements and the obligations read it.

Qt-free and storage-free: :class:`SentReport` is the one shape in which the sending record
(:mod:`composer.core.records`, through the storage) hands its sendings to the core — the
statement model (a correction names the report it corrects and takes its timeliness), the
obligations (each is met only by a sending to its own recipient) and what is still owed.

A sending names whom it reached: ``recipient`` is the ``id`` of one of the reporting route's
recipients in ``resources/rules/reporting.json`` (``protection_department``,
``public_security``, ``cac_office``, ``provincial_cac``) or :data:`INTAKE`, the CAC's 12387
intake reached through any of its six channels. Sendings recorded before recipients were
recorded read as :data:`INTAKE` (every channel recorded then was one of the intake's).

``due`` is the deadline the record says the sending answered (the recipient's own Art. 4
deadline, the 30-day limit of a summary; older records: the report type's earliest deadline;
None for a follow-up), ``recipient_name`` the recipient's name for the unit as recorded.

The dataclass lives in :mod:`composer.core.model` (a report made by the app carries its
incident's sendings, for the Art. 11 account of a summary report); this module is where the
core reads it from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from composer.core.model import INTAKE, SentReport


def fingerprint(sendings: Sequence[SentReport] | None) -> str | None:
    """SHA-256 of what a report states of its incident's sendings (the Art. 11 account of a
    summary), or None for a report that carries none. A package made before another sending
    was recorded states an older account: its fingerprint no longer matches."""
    if sendings is None:
        return None
    rows = [[s.record_seq, s.report_type.value, s.correction, s.corrects, s.drill,
             s.sent_at.isoformat(), s.channel, s.recipient, s.recipient_name, s.reference,
             s.due.isoformat() if s.due is not None else None] for s in sendings]
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


__all__ = ["INTAKE", "SentReport", "fingerprint"]
