"""Drafts, reports, the organisation profile and generated packages, in SQLite.

One database file in the user data directory (:func:`composer.core.paths.database_path`).
Every save is one transaction; the database runs in WAL mode with ``synchronous=FULL`` so a
crash (or a killed process) never leaves it corrupt: the last committed save survives.

Crash recovery: :meth:`Storage.begin_session` records a session; :meth:`Storage.end_session`
marks a clean shutdown. A session without that marker ended uncleanly, and the unsent drafts
changed during it since their last orderly save are offered back (:meth:`Storage.begin_session`
returns them, once). An autosave marks a draft as changed in this session
(``drafts.dirty_session``); an orderly save (``save_draft(..., orderly=True)``: the user saved,
switched to another report, or closed the app) and a clean shutdown clear the mark.

Private by default: the data directory is made 0700 and the database (and SQLite's -wal and
-shm files, which SQLite creates with the database file's mode) 0600, whatever the umask.

Damaged rows do not stop the app: a profile or setting whose stored JSON cannot be read is
treated as absent and named in :attr:`Storage.problems`; a draft that cannot be read raises
:class:`CorruptRow` naming its row.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.core import paths, records
from composer.core.draft import Draft, draft_from_json, draft_to_json
from composer.core.records import Receipt, Record, Verification
from composer.core.sent_guard import changed_parts, facts

if TYPE_CHECKING:
    from composer.core.history import SentReport
    from composer.core.submissions import Submission

SCHEMA_VERSION = 1
# Columns added after version 1, all optional (NULL): older Composers ignore them, so the
# schema version stays 1. Added on open when missing.
_ADDED_COLUMNS = (
    ("drafts", "archived_at", "TEXT"),        # a sent report put away (never deleted)
    ("drafts", "dirty_session", "INTEGER"),   # session of the last autosave not yet followed
                                              # by an orderly save; NULL when orderly
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES drafts(id),
    report_type TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id),
    channel TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    state TEXT NOT NULL DEFAULT 'running'   -- running | clean | recovered
);
CREATE TABLE IF NOT EXISTS packages (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id),
    generated_at TEXT NOT NULL,
    out_dir TEXT NOT NULL,
    manifest_sha256 TEXT,
    files TEXT NOT NULL
);
"""


def _other_process_alive(pid: int) -> bool:
    """Whether ``pid`` is another process that is still running (POSIX; elsewhere: unknown,
    so False — on Windows signal 0 would mean CTRL_C_EVENT)."""
    if pid == os.getpid() or sys.platform == "win32":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class CorruptRow(ValueError):
    """A stored row whose JSON cannot be read (the message names the row)."""


class SentReportError(ValueError):
    """A report with recorded submissions cannot be deleted (it can be archived)."""


class SentReportChanged(SentReportError):
    """A save would change the facts of a report with recorded submissions (a record): the
    message names what would change. Facts change through a 续报 or a 更正 from it."""


def _json_text(value: Any) -> str:
    """JSON for a TEXT column. Lone surrogates (which SQLite cannot store as UTF-8) are kept as
    JSON escapes instead of making every save fail."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=True)
    return text


def _plain_text(value: str) -> str:
    return value.encode("utf-8", "replace").decode("utf-8")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class DraftSummary:
    id: int
    parent_id: int | None
    report_type: str
    title: str
    created_at: str
    updated_at: str
    packages: int
    submitted_at: str | None = None    # the latest recorded submission, if any
    archived_at: str | None = None     # a sent report put away (hidden from the list)
    drill: bool = False                # a drill (演练, issue 24)


@dataclass(frozen=True, slots=True)
class PackageRecord:
    id: int
    draft_id: int
    generated_at: str
    out_dir: str
    manifest_sha256: str | None
    files: tuple[str, ...]


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


class Storage:
    """The user's database. Use from one thread (the GUI thread)."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else paths.database_path()
        self.problems: list[str] = []   # damaged rows found while reading (shown at start)
        paths.private_dir(self.path.parent)
        if not self.path.exists():     # SQLite gives -wal/-shm the database file's mode
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, paths.PRIVATE_FILE_MODE))
        for suffix in ("", "-wal", "-shm", "-journal"):
            paths.private_file(self.path.with_name(self.path.name + suffix))
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=5000")
        found = self._db.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            self._db.close()
            raise sqlite3.DatabaseError(
                f"{self.path} was written by a newer Composer (schema {found}, this version "
                f"reads {SCHEMA_VERSION}); it is left untouched")
        with self._tx():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            for table, column, kind in _ADDED_COLUMNS:
                have = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
                if column not in have:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            records.create(self._db)
            self._backfill_records()
        self._session: int | None = None
        self.is_open = True

    # --- transactions ----------------------------------------------------------------------

    class _Tx:
        def __init__(self, db: sqlite3.Connection):
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                     tb: object) -> None:
            self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")

    def _tx(self) -> Storage._Tx:
        return Storage._Tx(self._db)

    def close(self) -> None:
        self._db.close()
        self.is_open = False

    # --- drafts ----------------------------------------------------------------------------

    def save_draft(self, draft: Draft, *, orderly: bool = False) -> int:
        """Insert or update ``draft`` in one transaction; sets and returns ``draft.id``.

        An unchanged draft is not rewritten (its ``updated_at`` stays). ``orderly``: the user
        saved (or left the report, or closed the app) — the draft is then not offered back
        after a crash; an autosave (``orderly=False``) marks it changed in this session.

        A sent report (one with recorded submissions) is a record: a save may move its wizard
        position (``step``), nothing else — anything more raises :class:`SentReportChanged`
        and stores nothing. Its ``updated_at`` stays (the list shows when it last changed).
        """
        body = _json_text(draft_to_json(draft))
        title = _plain_text(draft.title)
        now = _now()
        dirty = None if orderly else self._session
        with self._tx() as db:
            if draft.id is None:
                cur = db.execute(
                    "INSERT INTO drafts (parent_id, report_type, title, body, created_at, "
                    "updated_at, dirty_session) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (draft.parent_id, draft.report_type.value, title, body, now, now, dirty))
                draft.id = int(cur.lastrowid or 0)
            else:
                row = db.execute("SELECT body FROM drafts WHERE id=?", (draft.id,)).fetchone()
                if row is not None and row[0] == body:
                    if orderly:
                        db.execute("UPDATE drafts SET dirty_session=NULL WHERE id=?",
                                   (draft.id,))
                    return draft.id
                if row is not None and db.execute(
                        "SELECT 1 FROM submissions WHERE draft_id=? LIMIT 1",
                        (draft.id,)).fetchone() is not None:
                    self._save_sent_position(db, draft.id, row[0], body, orderly)
                    return draft.id
                if row is None:    # deleted meanwhile (another window): store it again
                    db.execute(
                        "INSERT INTO drafts (id, parent_id, report_type, title, body, "
                        "created_at, updated_at, dirty_session) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (draft.id, draft.parent_id, draft.report_type.value, title, body, now,
                         now, dirty))
                else:
                    db.execute("UPDATE drafts SET report_type=?, title=?, body=?, updated_at=?, "
                               "dirty_session=? WHERE id=?",
                               (draft.report_type.value, title, body, now, dirty, draft.id))
        return draft.id

    @staticmethod
    def _save_sent_position(db: sqlite3.Connection, draft_id: int, stored: str, body: str,
                            orderly: bool) -> None:
        """Save a sent report whose stored text differs from ``body``: only the wizard
        position may differ (see :meth:`save_draft`)."""
        new = facts(body)
        assert new is not None
        old = facts(stored)
        if old != new:
            raise SentReportChanged(
                f"report #{draft_id} was sent and is kept as a record; its content cannot "
                f"change (changed: {', '.join(changed_parts(old, new)) or 'content'}). "
                "Start a follow-up (续报) or a correction (更正) from it instead")
        db.execute("UPDATE drafts SET body=?" + (", dirty_session=NULL" if orderly else "")
                   + " WHERE id=?", (body, draft_id))

    def load_draft(self, draft_id: int) -> Draft:
        """The stored draft; ``KeyError`` if there is none, :class:`CorruptRow` if its stored
        text cannot be read."""
        row = self._db.execute("SELECT body, parent_id FROM drafts WHERE id=?",
                               (draft_id,)).fetchone()
        if row is None:
            raise KeyError(draft_id)
        where = f"draft #{draft_id} (table drafts, id {draft_id})"
        try:
            obj = json.loads(row[0])
            if isinstance(obj, dict):
                return draft_from_json(obj, id=draft_id, parent_id=row[1])
        except (ValueError, TypeError, AttributeError) as exc:
            raise CorruptRow(f"{where}: the stored text cannot be read ({_short(exc)})"
                             ) from None
        raise CorruptRow(f"{where}: the stored text is not a JSON object")

    def delete_draft(self, draft_id: int) -> None:
        """Delete an unsent draft and its package records (the package folders stay on disk).
        A report with recorded submissions is never deleted: :class:`SentReportError`."""
        with self._tx() as db:
            sent = db.execute("SELECT COUNT(*) FROM submissions WHERE draft_id=?",
                              (draft_id,)).fetchone()[0]
            if sent:
                raise SentReportError(f"report #{draft_id} was sent; it can be archived, "
                                      "not deleted")
            db.execute("UPDATE drafts SET parent_id=NULL WHERE parent_id=?", (draft_id,))
            db.execute("DELETE FROM packages WHERE draft_id=?", (draft_id,))
            db.execute("DELETE FROM drafts WHERE id=?", (draft_id,))

    def archive_draft(self, draft_id: int, archived: bool = True) -> None:
        """Put a report away (hidden from the list unless archived ones are shown), or back."""
        with self._tx() as db:
            db.execute("UPDATE drafts SET archived_at=? WHERE id=?",
                       (_now() if archived else None, draft_id))

    def list_drafts(self, *, archived: bool = True) -> list[DraftSummary]:
        """All reports and drafts (without archived ones if ``archived`` is False), most
        recently changed first."""
        rows = self._db.execute(
            "SELECT d.id, d.parent_id, d.report_type, d.title, d.created_at, d.updated_at, "
            "(SELECT COUNT(*) FROM packages p WHERE p.draft_id=d.id), "
            "(SELECT MAX(s.sent_at) FROM submissions s WHERE s.draft_id=d.id), d.archived_at, "
            "CASE WHEN json_valid(d.body) THEN json_extract(d.body, '$.data.drill') IS 1 "
            "ELSE 0 END FROM drafts d " + ("" if archived else "WHERE d.archived_at IS NULL ")
            + "ORDER BY d.updated_at DESC, d.id DESC").fetchall()
        return [replace(DraftSummary(*row[:9]), drill=bool(row[9])) for row in rows]

    def chain(self, draft_id: int) -> list[int]:
        """Ids from the first report to ``draft_id`` (initial → 续报 → … → this)."""
        ids: list[int] = []
        current: int | None = draft_id
        while current is not None and current not in ids:
            ids.append(current)
            row = self._db.execute("SELECT parent_id FROM drafts WHERE id=?",
                                   (current,)).fetchone()
            current = row[0] if row else None
        return ids[::-1]

    # --- organisation profile --------------------------------------------------------------

    def save_profile(self, operator: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO profile (id, body, updated_at) VALUES (1, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET body=excluded.body, "
                       "updated_at=excluded.updated_at",
                       (_json_text(operator), _now()))

    def load_profile(self) -> dict[str, Any] | None:
        """The saved organisation profile; None if there is none or it cannot be read (then
        :attr:`problems` says so, once)."""
        row = self._db.execute("SELECT body FROM profile WHERE id=1").fetchone()
        if row is None:
            return None
        value = self._read_json(row[0], "organisation profile (table profile, id 1)")
        if value is not None and not isinstance(value, dict):
            self._problem("organisation profile (table profile, id 1): not a JSON object")
            return None
        return value

    def save_setting(self, key: str, value: Any) -> None:
        """An organisation setting (JSON value), e.g. ``email_recipients``."""
        with self._tx() as db:
            db.execute("INSERT INTO settings (key, body, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET body=excluded.body, "
                       "updated_at=excluded.updated_at",
                       (key, _json_text(value), _now()))

    def load_setting(self, key: str, default: Any = None) -> Any:
        row = self._db.execute("SELECT body FROM settings WHERE key=?", (key,)).fetchone()
        if row is None:
            return default
        value = self._read_json(row[0], f"setting {key!r} (table settings)")
        return default if value is None else value

    def _read_json(self, text: str, what: str) -> Any:
        try:
            return json.loads(text)
        except (ValueError, TypeError) as exc:
            self._problem(f"{what}: the stored text cannot be read ({_short(exc)})")
            return None

    def _problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    # --- what was sent, when, by which channel -----------------------------------------------

    @property
    def data_root(self) -> Path:
        """The folder of the database: kept copies of what was sent live under it."""
        return self.path.parent

    def record_submission(self, draft_id: int, channel: str, sent_at: datetime,
                          note: str = "", *, sent_by: str = "",
                          receipt: Receipt | None = None, package_dir: Path | None = None,
                          due: datetime | None = None) -> Submission:
        """Record a sending, append it to the hash chain and keep a read-only copy of the
        package sent (``package_dir``, checked against its manifest) and of the receipt file.

        :class:`composer.core.records.RecordError` (nothing recorded) if a file cannot be read
        or no longer matches its manifest.
        """
        if sent_at.tzinfo is None:
            raise ValueError("sent_at needs a UTC offset")
        receipt = receipt or Receipt()
        sent_utc = sent_at.astimezone(UTC).isoformat()
        row = self._db.execute("SELECT report_type, title FROM drafts WHERE id=?",
                               (draft_id,)).fetchone()
        folder: Path | None = None
        try:
            with self._tx() as db:
                seq = records.head(db)[0] + 1
                folder, package, receipt_file = records.archive(
                    self.data_root, seq, package_dir, receipt.file)
                now = _now()
                cur = db.execute(
                    "INSERT INTO submissions (draft_id, channel, sent_at, note, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?)", (draft_id, channel, sent_utc, note, now))
                sid = int(cur.lastrowid or 0)
                records.append(db, {
                    "recorded_at": now, "submission_id": sid, "draft_id": draft_id,
                    "chain": self.chain(draft_id), "report_type": row[0] if row else "",
                    "title": row[1] if row else "", "channel": channel,
                    "sent_at": sent_at.isoformat(), "sent_at_utc": sent_utc,
                    "sent_by": sent_by, "note": note,
                    "receipt": {"reference": receipt.reference, "person": receipt.person,
                                "message_id": receipt.message_id},
                    "receipt_file": receipt_file, "package": package,
                    "due": due.isoformat() if due is not None else None}, sid)
        except BaseException:
            if folder is not None:
                records.remove_archive(folder)
            raise
        from composer.core.submissions import Submission

        return Submission(sid, draft_id, channel, sent_at, note)

    def _backfill_records(self) -> None:
        """Sendings recorded before the hash chain existed join it, oldest first, marked
        ``legacy`` (nothing was kept of what they sent). Runs inside the opening transaction."""
        rows = self._db.execute(
            "SELECT s.id, s.draft_id, s.channel, s.sent_at, s.note, s.recorded_at, "
            "d.report_type, d.title FROM submissions s LEFT JOIN drafts d ON d.id = s.draft_id "
            "WHERE s.id NOT IN (SELECT submission_id FROM records "
            "WHERE submission_id IS NOT NULL) ORDER BY s.recorded_at, s.id").fetchall()
        for sid, draft_id, channel, sent_at, note, recorded_at, rtype, title in rows:
            records.append(self._db, {
                "recorded_at": recorded_at, "submission_id": sid, "draft_id": draft_id,
                "chain": self.chain(draft_id), "report_type": rtype or "", "title": title or "",
                "channel": channel, "sent_at": sent_at, "sent_at_utc": sent_at, "sent_by": "",
                "note": note, "receipt": {"reference": "", "person": "", "message_id": ""},
                "receipt_file": None, "package": None, "due": None, "legacy": True}, sid)

    def submissions(self, draft_id: int) -> list[Submission]:
        """Recorded submissions of a report, earliest first."""
        from composer.core.submissions import Submission  # not needed before one is sent

        rows = self._db.execute(
            "SELECT id, draft_id, channel, sent_at, note FROM submissions WHERE draft_id=? "
            "ORDER BY sent_at, id", (draft_id,)).fetchall()
        return [Submission(r[0], r[1], r[2], datetime.fromisoformat(r[3]), r[4]) for r in rows]

    def records(self) -> list[Record]:
        """The sending record, first to last (the hash chain)."""
        return records.all_records(self._db)

    def family(self, draft_id: int) -> list[int]:
        """Every report of the incident ``draft_id`` belongs to: its first report and all
        reports started from it (续报, 更正, 总结报告), oldest id first."""
        root = self.chain(draft_id)[0]
        ids = [root]
        for current in ids:
            ids += [int(r[0]) for r in self._db.execute(
                "SELECT id FROM drafts WHERE parent_id=? ORDER BY id", (current,))
                if int(r[0]) not in ids]
        return sorted(ids)

    def history(self, draft_id: int) -> list[SentReport]:
        """The recorded sendings of every report of this incident, earliest first, as the
        core reads them (:class:`composer.core.history.SentReport`). A record without a
        recipient (recorded before recipients were) reached the 12387 intake."""
        from composer.core.history import INTAKE, SentReport
        from composer.core.model import ReportType

        family = self.family(draft_id)
        by_submission = {rec.body.get("submission_id"): rec for rec in self.records()}
        out: list[SentReport] = []
        marks = ",".join("?" * len(family))
        rows = self._db.execute(
            "SELECT s.id, s.draft_id, s.channel, s.sent_at, d.report_type, d.body "
            f"FROM submissions s JOIN drafts d ON d.id = s.draft_id WHERE s.draft_id IN ({marks}) "
            "ORDER BY s.sent_at, s.id", family).fetchall()
        for sid, did, channel, sent_at, rtype, body in rows:
            rec = by_submission.get(sid)
            receipt = rec.body.get("receipt") if rec is not None else None
            try:
                data = json.loads(body).get("data") or {}
                correction = bool(data.get("correction")) if isinstance(data, dict) else False
                kind = ReportType(rtype)
                moment = datetime.fromisoformat(sent_at)
            except (ValueError, TypeError, AttributeError):
                continue        # an unreadable row is reported by log verify, not guessed at
            reference = ""
            if isinstance(receipt, dict):
                reference = str(receipt.get("reference") or receipt.get("message_id") or "")
            out.append(SentReport(
                report_type=kind, sent_at=moment, channel=str(channel),
                recipient=str((rec.body.get("recipient") if rec is not None else None)
                              or INTAKE),
                correction=correction, reference=reference,
                record_seq=rec.seq if rec is not None else None, draft_id=int(did)))
        return out

    def kept_package(self, draft_id: int) -> Path | None:
        """The read-only copy of the package sent with this report's first recorded sending
        that kept one (None if none did): exactly what was sent, for showing a sent report."""
        for rec in self.records():
            package = rec.body.get("package")
            if rec.body.get("draft_id") == draft_id and isinstance(package, dict):
                return self.data_root / str(package["path"])
        return None

    def verify_records(self) -> Verification:
        return records.verify(self._db, self.data_root)

    # --- sessions and crash recovery -------------------------------------------------------

    def begin_session(self) -> list[DraftSummary]:
        """Start a session; return the drafts changed during earlier sessions that crashed.

        Each crashed session is offered once: it is marked ``recovered`` here. Offered are the
        unsent drafts autosaved in a crashed session and not saved in an orderly way since.
        """
        with self._tx() as db:
            running = db.execute("SELECT id, started_at, pid FROM sessions "
                                 "WHERE state='running'").fetchall()
            # Another Composer still running on this database is not a crash.
            crashed = [row for row in running if not _other_process_alive(row[2])]
            db.executemany("UPDATE sessions SET state='recovered' WHERE id=?",
                           [(row[0],) for row in crashed])
            cur = db.execute("INSERT INTO sessions (pid, started_at) VALUES (?, ?)",
                             (os.getpid(), _now()))
            self._session = int(cur.lastrowid or 0)
            ids = {row[0] for row in crashed}
        if not ids:
            return []
        try:
            dirty = {row[0] for row in self._db.execute(
                "SELECT id, dirty_session FROM drafts WHERE dirty_session IS NOT NULL")
                if row[1] in ids}
            return [d for d in self.list_drafts()
                    if d.id in dirty and d.submitted_at is None and d.archived_at is None]
        except sqlite3.DatabaseError as exc:   # a damaged drafts table: start anyway, say so
            self._problem(f"drafts to recover (table drafts): cannot be read ({_short(exc)})")
            return []

    def end_session(self) -> None:
        """Mark a clean shutdown."""
        if self._session is None:
            return
        try:   # tidy only: a clean session's marks are never looked at
            with self._tx() as db:
                db.execute("UPDATE drafts SET dirty_session=NULL WHERE dirty_session=?",
                           (self._session,))
        except sqlite3.DatabaseError:
            pass
        with self._tx() as db:
            db.execute("UPDATE sessions SET state='clean', ended_at=? WHERE id=?",
                       (_now(), self._session))
        self._session = None

    # --- packages --------------------------------------------------------------------------

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
        return [PackageRecord(r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5])))
                for r in rows]
