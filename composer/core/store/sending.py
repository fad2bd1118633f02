"""What was sent, when, by which channel, to whom: the sending record and the packages made.

:meth:`SendingStore.record_submission` writes one ``submissions`` row and appends its record to
the hash chain (:mod:`composer.core.records`) in one transaction, with the kept copy of what was
sent (:mod:`composer.core.record_archive`) renamed into place inside it; after the commit the
chain's anchor is written. Everything the app and the 报送记录 show of a sending is read from its
chained record (:meth:`SendingStore.records`, :meth:`SendingStore.submissions`,
:meth:`SendingStore.history`), never from the mutable tables; the row only has to agree with
its record (``composer log verify``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core import record_archive, records
from composer.core.record_archive import Staged
from composer.core.record_facts import sent_facts
from composer.core.record_verify import Verification, verify
from composer.core.records import Receipt, Record
from composer.core.sent_guard import facts
from composer.core.store.base import now_text, plain_text
from composer.core.store.drafts import DraftStore
from composer.core.stored_time import aware_time

if TYPE_CHECKING:
    from composer.core.history import SentReport
    from composer.core.submissions import Submission

INTAKE = "intake"      # composer.core.history.INTAKE (not imported: history loads the model)


@dataclass(frozen=True, slots=True)
class PackageRecord:
    id: int
    draft_id: int
    generated_at: str
    out_dir: str
    manifest_sha256: str | None
    files: tuple[str, ...]


def recorded_due(rec: Record) -> datetime | None:
    """The deadline the record says its sending answered: ``deadline.at`` (records made since
    issue 24: the recipient's own), else the older ``due`` (the report type's earliest)."""
    if "deadline" in rec.body:
        deadline = rec.body["deadline"]
        return aware_time(str(deadline.get("at") or "")) if isinstance(deadline, dict) else None
    return aware_time(rec.text("due"))


def sent_report(rec: Record, marked: Callable[[int, str], bool] | None = None
                ) -> SentReport | None:
    """The sending a record says, as the core reads it; None for a damaged record (``log
    verify`` names it, nothing is guessed). ``marked(draft_id, key)``: for an older record
    without the ``correction`` / ``drill`` mark, whether its report's file says so (without
    it: not marked)."""
    from composer.core.history import SentReport
    from composer.core.model import ReportType

    did = rec.number("draft_id")
    moment = aware_time(rec.text("sent_at"))
    try:
        kind = ReportType(rec.text("report_type"))
    except ValueError:
        return None
    if moment is None or did is None:
        return None
    correction = rec.body.get("correction")
    if not isinstance(correction, bool):
        correction = marked is not None and marked(did, "correction")
    drill = rec.body.get("drill") is True or (
        "anchored" not in rec.body and marked is not None and marked(did, "drill"))
    receipt = rec.body.get("receipt")
    reference = ""
    if isinstance(receipt, dict):
        reference = str(receipt.get("reference") or receipt.get("message_id") or "")
    return SentReport(
        report_type=kind, sent_at=moment, channel=rec.text("channel"),
        recipient=rec.text("recipient") or INTAKE, correction=correction,
        reference=reference, record_seq=rec.seq, draft_id=did,
        corrects=rec.number("corrects"), drill=drill, due=recorded_due(rec),
        recipient_name=rec.text("recipient_name"))


class SendingStore(DraftStore):
    """The sending part of :class:`composer.core.storage.Storage`."""

    def record_submission(self, draft_id: int, channel: str, sent_at: datetime,
                          note: str = "", *, sent_by: str = "",
                          receipt: Receipt | None = None, package_dir: Path | None = None,
                          due: datetime | None = None, recipient: str = INTAKE,
                          recipient_name: str = "", staged: Staged | None = None
                          ) -> Submission:
        """Record a sending to ``recipient`` (a route recipient's id or ``"intake"``; its
        name for this unit in ``recipient_name``, e.g. the protection department's), append
        it to the hash chain and keep a read-only copy of what was sent: ``staged``
        (:func:`composer.core.record_archive.stage`, made beforehand, e.g. off the GUI thread)
        or else ``package_dir`` (checked against its manifest) and the receipt file, copied
        now. A correction's record names the record of the sending it corrects.

        :class:`composer.core.records.RecordError` (nothing recorded, the staged copy removed)
        if a file cannot be read or no longer matches its manifest.
        """
        if sent_at.tzinfo is None or sent_at.utcoffset() is None:
            raise ValueError("sent_at needs a UTC offset")
        receipt = receipt or Receipt()
        if staged is None:
            staged = record_archive.stage(self.data_root, package_dir, receipt.file)
        sent_utc = sent_at.astimezone(UTC).isoformat()
        folder: Path | None = None
        try:
            with self._tx() as db:
                row = db.execute("SELECT report_type, title, body, parent_id FROM drafts "
                                 "WHERE id=?", (draft_id,)).fetchone()
                if row is None:
                    raise KeyError(draft_id)
                stored = facts(row[2])
                data = (stored or {}).get("data")
                correction = isinstance(data, dict) and data.get("correction") is True
                chain = self.chain(draft_id)
                # a drill's sending is a drill's, whatever the caller: any report of its
                # chain marked 演练 makes it one (a follow-up of a drill stays a drill)
                drill = (isinstance(data, dict) and data.get("drill") is True) or any(
                    self._marked(did, "drill") for did in chain)
                corrects = self._corrected_record(row[3], recipient) if correction else None
                seq = records.head(db)[0] + 1
                package = receipt_file = None
                if staged is not None:
                    folder, package, receipt_file = record_archive.place(
                        self.data_root, staged, seq)
                now = now_text()
                clean_note = plain_text(note)
                cur = db.execute(
                    "INSERT INTO submissions (draft_id, channel, sent_at, note, recorded_at, "
                    "recipient, corrects) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (draft_id, channel, sent_utc, clean_note, now, recipient, corrects))
                sid = int(cur.lastrowid or 0)
                root = db.execute("SELECT title FROM drafts WHERE id=?",
                                  (chain[0],)).fetchone()
                record = records.append(db, {
                    "recorded_at": now, "submission_id": sid, "draft_id": draft_id,
                    "chain": chain, "report_type": row[0], "title": row[1],
                    "incident_title": root[0] if root else row[1],
                    "correction": correction, "corrects": corrects,
                    "channel": channel, "recipient": recipient,
                    "recipient_name": plain_text(recipient_name),
                    "sent_at": sent_at.isoformat(), "sent_at_utc": sent_utc,
                    "sent_by": plain_text(sent_by), "note": clean_note,
                    "receipt": {"reference": plain_text(receipt.reference),
                                "person": plain_text(receipt.person),
                                "message_id": plain_text(receipt.message_id)},
                    "receipt_file": receipt_file, "package": package,
                    "due": due.isoformat() if due is not None else None,
                    "draft_sha256": records.sha256_bytes(records.canonical_ascii(stored)),
                    "anchored": True, **({"drill": True} if drill else {}),
                    **sent_facts(row[2], recipient)}, sid)
        except BaseException:
            if folder is not None:
                record_archive.remove_archive(folder)
            else:
                record_archive.discard(staged)
            raise
        records.write_anchor(self.path, record.seq, record.sha256)
        from composer.core.submissions import Submission

        return Submission(sid, draft_id, channel, sent_at, clean_note, recipient=recipient,
                          record_seq=record.seq)

    def _corrected_record(self, parent_id: int | None, recipient: str) -> int | None:
        """The record of the sending a correction corrects: the corrected report's first
        sending to the same recipient, else its first sending."""
        if parent_id is None:
            return None
        sent = [r for r in self.records() if r.body.get("draft_id") == parent_id]
        same = [r for r in sent if r.body.get("recipient", INTAKE) == recipient]
        chosen = (same or sent)[:1]
        return chosen[0].seq if chosen else None

    def records(self) -> list[Record]:
        """The sending record, first to last (the hash chain)."""
        return records.all_records(self._db)

    def submissions(self, draft_id: int) -> list[Submission]:
        """The recorded sendings of a report, earliest first, as their chained records say;
        then any sending row of it that has no record (an older database, or a row added
        around Composer — ``log verify`` names it), with ``record_seq`` None."""
        from composer.core.submissions import Submission

        out: list[Submission] = []
        chained: set[int] = set()
        for rec in self.records():
            if rec.body.get("draft_id") != draft_id:
                continue
            moment = aware_time(rec.text("sent_at"))
            sid = rec.number("submission_id")
            if moment is None or sid is None:
                continue
            chained.add(sid)
            out.append(Submission(sid, draft_id, rec.text("channel"), moment, rec.text("note"),
                                  recipient=rec.text("recipient") or INTAKE,
                                  record_seq=rec.seq))
        out.sort(key=lambda s: (s.sent_at, s.id))
        rows = self._db.execute("SELECT id, channel, sent_at, note, recipient FROM submissions "
                                "WHERE draft_id=? ORDER BY sent_at, id", (draft_id,)).fetchall()
        for sid, channel, sent_at, note, recipient in rows:
            moment = aware_time(sent_at)
            if sid not in chained and moment is not None:
                out.append(Submission(int(sid), draft_id, str(channel), moment, str(note),
                                      recipient=str(recipient or INTAKE)))
        return out

    def history(self, draft_id: int) -> list[SentReport]:
        """The recorded sendings of every report of this incident, earliest first, as the
        core reads them (:class:`composer.core.history.SentReport`), from the chained records
        only. A record without a recipient (recorded before recipients were) reached the
        12387 intake; one without the correction mark reads it from its report."""
        family = set(self.family(draft_id))
        return [s for s in self.sent_reports() if s.draft_id in family]

    def sent_reports(self) -> list[SentReport]:
        """Every recorded sending of every report (see :meth:`history`), earliest first."""
        out = [s for s in (sent_report(rec, self._marked) for rec in self.records())
               if s is not None]
        out.sort(key=lambda s: (s.sent_at, s.record_seq or 0))
        return out

    def _marked(self, draft_id: int, key: str) -> bool:
        """An older record holds no ``key`` (correction, drill): its report's file says."""
        row = self._db.execute("SELECT body FROM drafts WHERE id=?", (draft_id,)).fetchone()
        data = (facts(row[0]) or {}).get("data") if row and isinstance(row[0], str) else None
        return isinstance(data, dict) and data.get(key) is True

    def kept_package(self, draft_id: int) -> Path | None:
        """The read-only copy of the package sent with this report's first recorded sending
        that kept one (None if none did): exactly what was sent, for showing a sent report."""
        for rec in self.records():
            package = rec.body.get("package")
            if rec.body.get("draft_id") == draft_id and isinstance(package, dict):
                path = package.get("path")
                if record_archive.safe_relative(path):
                    return self.data_root / str(path)
        return None

    def verify_records(self) -> Verification:
        return verify(self._db, self.data_root, self.path)

    # --- packages generated (not necessarily sent) -----------------------------------------

    def record_package(self, draft_id: int, out_dir: Path, files: list[Path],
                       manifest_sha256: str | None, generated_at: datetime | None = None
                       ) -> int:
        when = (generated_at or datetime.now(UTC)).isoformat(timespec="seconds")
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO packages (draft_id, generated_at, out_dir, manifest_sha256, files) "
                "VALUES (?, ?, ?, ?, ?)",
                (draft_id, when, str(out_dir), manifest_sha256,
                 json.dumps([str(f) for f in files], ensure_ascii=False)))
            return int(cur.lastrowid or 0)

    def packages(self, draft_id: int) -> list[PackageRecord]:
        rows = self._db.execute(
            "SELECT id, draft_id, generated_at, out_dir, manifest_sha256, files FROM packages "
            "WHERE draft_id=? ORDER BY id", (draft_id,)).fetchall()
        out = []
        for r in rows:
            try:
                files = json.loads(r[5])
            except (TypeError, ValueError, RecursionError):
                continue
            if isinstance(files, list):
                out.append(PackageRecord(r[0], r[1], r[2], r[3], r[4],
                                         tuple(str(f) for f in files)))
        return out


__all__ = ["INTAKE", "PackageRecord", "SendingStore", "recorded_due", "sent_report"]
