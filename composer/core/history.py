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

from composer.core.model import INTAKE, SentReport

__all__ = ["INTAKE", "SentReport"]
