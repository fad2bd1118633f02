"""The sending record that proves itself: an append-only hash chain, anchored outside the
database.

Qt-free; written through :class:`composer.core.storage.Storage`, checked by
:mod:`composer.core.record_verify`. Each recorded sending (记录已报送) is one row of ``records``:
the canonical JSON of the record (sorted keys, no spaces, UTF-8) and its SHA-256. The record
holds the SHA-256 of the record before it (``prev``; 64 zeros for the first), so changing,
removing or reordering a record breaks every link after it. What was sent is kept in the data
directory (:mod:`composer.core.record_archive`). After each record is committed, its number and
hash are written to the *anchor*, a small file beside the database (``<database>.records-head``):
removing the last records (or the whole table) leaves the anchor naming a record that is gone.

Nothing is ever added to the chain except by :meth:`Storage.record_submission`: opening a
database never chains anything.

A record body is a JSON object; readers use ``.get`` with a default for every key, so a key
added later (e.g. ``drill``) is simply absent from older records, and their hashes still hold.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "composer-record/1"
ANCHOR_FORMAT = "composer-record-anchor/1"
GENESIS = "0" * 64

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS records (
        seq INTEGER PRIMARY KEY,
        submission_id INTEGER,
        body TEXT NOT NULL,
        sha256 TEXT NOT NULL
    )""",
    """CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
    BEGIN SELECT RAISE(ABORT, 'the sending record is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
    BEGIN SELECT RAISE(ABORT, 'the sending record is append-only'); END""",
)
"""New tables only (no ALTER): an existing database keeps working and gains the chain."""


class RecordError(Exception):
    """A user-facing reason a sending cannot be recorded (which file, what is wrong)."""


@dataclass(frozen=True, slots=True)
class Receipt:
    reference: str = ""          # 受理编号
    person: str = ""             # the person spoken to / who took the report
    message_id: str = ""         # the e-mail's Message-ID
    file: Path | None = None     # e.g. a scanned fax transmission report, copied in


@dataclass(frozen=True, slots=True)
class Record:
    """One record as stored. ``body`` is empty when the stored text is not a JSON object
    (verification names such a record)."""

    seq: int
    sha256: str
    body: dict[str, Any]

    @property
    def prev(self) -> str:
        return str(self.body.get("prev", ""))

    def text(self, key: str) -> str:
        """A text field of the body ("" when absent or not text)."""
        value = self.body.get(key)
        return value if isinstance(value, str) else ""

    def number(self, key: str) -> int | None:
        value = self.body.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def canonical_ascii(value: Any) -> bytes:
    """Canonical JSON that any value encodes to (lone surrogates escaped): for hashing."""
    return json.dumps(value, ensure_ascii=True, sort_keys=True,
                      separators=(",", ":")).encode("ascii")


# hashlib (OpenSSL) is loaded by the first hash, not with the database at start-up (issue 14)


def sha256_bytes(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def create(db: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        db.execute(statement)


def head(db: sqlite3.Connection) -> tuple[int, str]:
    """(last seq, its SHA-256), or (0, GENESIS) for an empty chain."""
    row = db.execute("SELECT seq, sha256 FROM records ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def append(db: sqlite3.Connection, body: dict[str, Any], submission_id: int | None) -> Record:
    """Append ``body`` (given ``seq`` and ``prev`` here) inside the caller's transaction."""
    seq, prev = head(db)
    full = {**body, "format": FORMAT, "seq": seq + 1, "prev": prev}
    data = canonical(full)
    digest = sha256_bytes(data)
    db.execute("INSERT INTO records (seq, submission_id, body, sha256) VALUES (?, ?, ?, ?)",
               (seq + 1, submission_id, data.decode("utf-8"), digest))
    return Record(seq + 1, digest, full)


def parse_body(body: Any) -> dict[str, Any]:
    """The record's JSON object, or {} for anything else (never raises)."""
    if not isinstance(body, str):
        return {}
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def all_records(db: sqlite3.Connection) -> list[Record]:
    """Every record, first to last; a damaged body reads as {} (see :class:`Record`)."""
    rows = db.execute("SELECT seq, sha256, body FROM records ORDER BY seq").fetchall()
    out = []
    for seq, digest, body in rows:
        if isinstance(seq, int):
            out.append(Record(seq, str(digest), parse_body(body)))
    return out


# --- the anchor: the head, kept outside the database ------------------------------------------


def anchor_path(database: Path) -> Path:
    return database.with_name(database.name + ".records-head")


@dataclass(frozen=True, slots=True)
class Anchor:
    seq: int
    sha256: str


def read_anchor(database: Path) -> Anchor | None:
    """The anchor beside ``database``; None if there is none. :class:`ValueError` if the file
    is there but is not an anchor (or cannot be read)."""
    path = anchor_path(database)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"{path}: not a record anchor (not a regular file)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(4096)
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError):
        obj = None
    if (not isinstance(obj, dict) or obj.get("format") != ANCHOR_FORMAT
            or not isinstance(obj.get("seq"), int) or not isinstance(obj.get("sha256"), str)):
        raise ValueError(f"{path}: not a record anchor")
    return Anchor(int(obj["seq"]), str(obj["sha256"]))


def write_anchor(database: Path, seq: int, sha256: str) -> None:
    """Write the anchor atomically, unless it already names a later record (another Composer
    recorded meanwhile). A failure is left to the next recording: an anchor that lags behind
    the chain proves less, never something false."""
    from composer.core import paths
    from composer.core.atomic import atomic_write_bytes

    try:
        current = read_anchor(database)
    except ValueError:
        current = None
    if current is not None and current.seq > seq:
        return
    data = json.dumps({"format": ANCHOR_FORMAT, "seq": seq, "sha256": sha256},
                      sort_keys=True).encode("ascii") + b"\n"
    path = anchor_path(database)
    try:
        atomic_write_bytes(path, data)
        paths.private_file(path)
    except OSError:
        pass


__all__ = ["GENESIS", "Anchor", "Receipt", "Record", "RecordError", "all_records", "anchor_path",
           "append", "canonical", "canonical_ascii", "create", "head", "parse_body",
           "read_anchor", "sha256_bytes", "sha256_file", "write_anchor"]
