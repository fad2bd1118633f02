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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from composer.core.model import ReportType

INTAKE = "intake"
"""The CAC's unified intake (12387): hotline, website, mini-program, WeChat account, e-mail, fax."""


@dataclass(frozen=True, slots=True)
class SentReport:
    """One recorded sending of a report of this incident."""

    report_type: ReportType
    sent_at: datetime            # timezone-aware
    channel: str                 # a channel id of composer.core.submissions.channels()
    recipient: str = INTAKE      # a route recipient's id, or INTAKE
    correction: bool = False     # the report sent was a 更正
    reference: str = ""          # 受理编号 or the e-mail's Message-ID, when recorded
    record_seq: int | None = None    # the sending record's number, when chained
    draft_id: int | None = None
    drill: bool = False          # a drill (演练): never counts as the unit's report
    corrects: int | None = None  # a correction: the record seq of the sending it corrects

    def __post_init__(self) -> None:
        if self.sent_at.utcoffset() is None:
            raise ValueError("sent_at must be timezone-aware")
