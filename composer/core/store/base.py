"""Opening the database: schema, pragmas, transactions, and the errors the storage raises.

One database file in the user data directory (:func:`composer.core.paths.database_path`).
Every save is one transaction. The database uses SQLite's rollback journal (``journal_mode=
DELETE``) with ``synchronous=FULL``, and no memory-mapped I/O at all (``mmap_size=0``; the
build's default is 0 too): WAL mode maps its ``-shm`` index into memory, and a write to that
mapping after the file was made immutable (``chattr +i``) kills the process with SIGBUS
instead of returning an error. With the rollback journal every failed write is an ordinary
:class:`sqlite3.OperationalError`, which the app shows in its banner. A killed process still
never leaves the database corrupt: the last committed save survives.

Private by default: the data directory is made 0700 and the database (and the journal, which
SQLite creates with the database file's mode) 0600, whatever the umask.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from composer.core import paths, records

SCHEMA_VERSION = 1
# Columns added after version 1, all optional (NULL): older Composers ignore them, so the
# schema version stays 1. Added on open when missing.
ADDED_COLUMNS = (
    ("drafts", "archived_at", "TEXT"),        # a sent report put away (never deleted)
    ("drafts", "dirty_session", "INTEGER"),   # session of the last autosave not yet followed
                                              # by an orderly save; NULL when orderly
    ("drafts", "revision", "INTEGER"),        # +1 on every stored change (NULL: 0)
    ("submissions", "recipient", "TEXT"),     # whom the sending reached (core/history.py)
    ("submissions", "corrects", "INTEGER"),   # a correction: the record seq it corrects
)

SCHEMA = """
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
CREATE TABLE IF NOT EXISTS editors (
    draft_id INTEGER PRIMARY KEY,
    session INTEGER NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    window TEXT NOT NULL DEFAULT '',
    since TEXT NOT NULL
);
"""

PRAGMAS = ("PRAGMA mmap_size=0", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
           "PRAGMA busy_timeout=5000")
"""Set on every connection, the read-only ones included (mmap_size: see the module text)."""


class CorruptRow(ValueError):
    """A stored row whose JSON cannot be read (the message names the row)."""


class SentReportError(ValueError):
    """A report with recorded submissions cannot be deleted (it can be archived)."""


class SentReportChanged(SentReportError):
    """A save would change the facts of a report with recorded submissions (a record): the
    message names what would change. Facts change through a 续报 or a 更正 from it."""


class DraftChangedElsewhere(ValueError):
    """A save made from a stale revision: the draft was saved by another window (or another
    Composer) since this one loaded it. Nothing was stored; ``stored`` is the revision found.
    The message names the draft and both revisions."""

    def __init__(self, draft_id: int, mine: int, stored: int):
        super().__init__(f"report #{draft_id} was changed elsewhere since it was opened here "
                         f"(revision {mine} here, {stored} stored); nothing was overwritten")
        self.draft_id = draft_id
        self.mine = mine
        self.stored = stored


def json_text(value: Any) -> str:
    """JSON for a TEXT column. Lone surrogates (which SQLite cannot store as UTF-8) are kept as
    JSON escapes instead of making every save fail."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=True)
    return text


def plain_text(value: str) -> str:
    return value.encode("utf-8", "replace").decode("utf-8")


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the pragmas; the journal mode is set by :func:`prepare`."""
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        db.execute(pragma)
    return db


def prepare(db: sqlite3.Connection, path: Path) -> None:
    """Journal mode, version check, and the schema (tables and added columns) in one
    transaction. Nothing else: no record is ever written on open."""
    # From WAL (older versions) to the rollback journal; stays WAL while another connection
    # (an older Composer still running) has the file open — the next start switches it.
    db.execute("PRAGMA journal_mode=DELETE")
    found = db.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"{path} was written by a newer Composer (schema {found}, this version "
            f"reads {SCHEMA_VERSION}); it is left untouched")
    with Tx(db):
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        for table, column, kind in ADDED_COLUMNS:
            have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        if found != SCHEMA_VERSION:
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        records.create(db)


def make_private(path: Path) -> None:
    """The data folder 0700; the database file (created empty if missing, so SQLite gives its
    journal the same mode) and any journal left 0600."""
    paths.private_dir(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, paths.PRIVATE_FILE_MODE))
    for suffix in ("", "-wal", "-shm", "-journal"):
        paths.private_file(path.with_name(path.name + suffix))


class Tx:
    """``with Tx(db):`` one ``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on an exception)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:
            # the original error says more than a failed rollback
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")


class StoreBase:
    """What every part of the storage shares: the connection and where problems are noted."""

    path: Path
    problems: list[str]     # damaged rows found while reading (shown at start)
    _db: sqlite3.Connection
    _session: int | None

    def _tx(self) -> Tx:
        return Tx(self._db)

    def _read_json(self, text: Any, what: str) -> Any:
        try:
            return json.loads(text)
        except (ValueError, TypeError, RecursionError) as exc:
            self._problem(f"{what}: the stored text cannot be read ({short(exc)})")
            return None

    def _problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    @property
    def data_root(self) -> Path:
        """The folder of the database: kept copies of what was sent live under it."""
        return self.path.parent
