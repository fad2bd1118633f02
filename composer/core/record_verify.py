"""Checking the sending record: every link, every field, every kept file, and the anchor.

Qt-free. :func:`verify` is what ``composer log verify`` runs (and the app before it exports the
报送记录). It reads only — through :func:`open_read_only` the CLI opens the database with
SQLite's ``mode=ro`` and changes nothing on disk — and it never raises on damaged data: a row
that cannot be read is a broken record, named.

What a passing check proves, and what it cannot, is said in README.md ("The sending record").
Each problem starts with the record (``record 3: …``) or the row (``submission 7 …``) it is
about; ``first_broken`` is the lowest record number with a problem.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.core import records
from composer.core.record_archive import ARCHIVE_DIR, MANIFEST, STAGING_PREFIX, safe_relative
from composer.core.records import GENESIS, Record, canonical, sha256_bytes, sha256_file

SUBMISSION_COLUMNS = ("id", "draft_id", "channel", "sent_at", "note", "recorded_at",
                      "recipient", "corrects")
"""The submissions row, compared field by field with its record (absent columns read NULL)."""

ROW_FIELDS = (("draft_id", "draft_id"), ("channel", "channel"), ("sent_at", "sent_at_utc"),
              ("note", "note"), ("recorded_at", "recorded_at"), ("recipient", "recipient"),
              ("corrects", "corrects"))
"""(column, record key) pairs that must agree."""


@dataclass(frozen=True, slots=True)
class Verification:
    checked: int
    problems: tuple[str, ...]
    first_broken: int | None        # seq of the first record that does not hold
    head: str                       # SHA-256 of the last record (GENESIS if none)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class RecordLog:
    """The records and the unit's profile of a database read once (read-only), in the shape
    the 报送记录 PDF reads (as from the storage)."""

    chain: tuple[Record, ...]
    profile: dict[str, Any] | None

    def records(self) -> list[Record]:
        return list(self.chain)

    def load_profile(self) -> dict[str, Any] | None:
        return self.profile


def read_log(db: sqlite3.Connection) -> RecordLog:
    """Everything readable of the records and the profile (damaged parts read as absent)."""
    try:
        chain = tuple(records.all_records(db))
    except sqlite3.Error:
        chain = ()
    profile = None
    try:
        row = db.execute("SELECT body FROM profile WHERE id=1").fetchone()
        parsed = json.loads(row[0]) if row is not None and isinstance(row[0], str) else None
        profile = parsed if isinstance(parsed, dict) else None
    except (sqlite3.Error, ValueError, RecursionError):
        profile = None
    return RecordLog(chain, profile)


def open_read_only(path: Path) -> sqlite3.Connection:
    """The database opened with SQLite's ``mode=ro``: no write, no journal, no chmod — the file
    stays byte for byte as it was. :class:`sqlite3.Error` if it cannot be opened."""
    path = Path(path).absolute()
    mode = "?mode=ro"
    if _wal_without_log(path):
        # A database an older Composer left in WAL mode, its log folded in: read it as the
        # immutable file it is (mode=ro alone would create the -wal and -shm files).
        mode += "&immutable=1"
    uri = "file:" + urllib.parse.quote(str(path)) + mode
    db = sqlite3.connect(uri, uri=True, isolation_level=None)
    db.execute("PRAGMA mmap_size=0")
    db.execute("PRAGMA query_only=1")
    db.execute("PRAGMA busy_timeout=5000")
    db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()   # not a database: raise now
    return db


def _wal_without_log(path: Path) -> bool:
    """The file's header says WAL mode (bytes 18–19 are 2) and there is no -wal file."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    wal = path.with_name(path.name + "-wal")
    return header[18:20] == b"\x02\x02" and not wal.exists()


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}


def _submissions(db: sqlite3.Connection) -> dict[Any, tuple[Any, ...]]:
    have = _columns(db, "submissions")
    if not have:
        return {}
    cols = ", ".join(c if c in have else "NULL" for c in SUBMISSION_COLUMNS)
    return {row[0]: tuple(row) for row in db.execute(f"SELECT {cols} FROM submissions")}


def _inside(data_root: Path, rel: Any) -> Path | None:
    """``data_root/rel`` if ``rel`` is a plain relative path under ``sent/`` that stays inside
    the data folder (symbolic links included); else None."""
    if not safe_relative(rel) or not str(rel).startswith(ARCHIVE_DIR + "/"):
        return None
    target = data_root / str(rel)
    try:
        root = data_root.resolve()
        if not target.resolve().is_relative_to(root):
            return None
    except (OSError, RuntimeError):
        return None
    return target


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _walk_files(folder: Path) -> tuple[set[str], list[str]]:
    """Relative paths of the regular files under ``folder``, and of anything else found."""
    files: set[str] = set()
    odd: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        base = Path(dirpath)
        for name in dirnames:
            if (base / name).is_symlink():
                odd.append((base / name).relative_to(folder).as_posix())
        for name in filenames:
            rel = (base / name).relative_to(folder).as_posix()
            if _regular(base / name):
                files.add(rel)
            else:
                odd.append(rel)
    return files, odd


def _check_package(data_root: Path, info: Any) -> str | None:
    if not isinstance(info, dict):
        return "its kept package entry is damaged"
    folder = _inside(data_root, info.get("path"))
    if folder is None:
        return f"kept package path {info.get('path')!r} is outside the data folder's sent/"
    manifest = folder / MANIFEST
    if not _regular(manifest):
        return f"kept package {folder} is missing"
    if sha256_file(manifest) != info.get("manifest_sha256"):
        return f"kept manifest {manifest} was changed"
    listed = info.get("files")
    if not isinstance(listed, list):
        return "its kept package entry is damaged"
    names = {MANIFEST}
    for entry in listed:
        rel = entry.get("path") if isinstance(entry, dict) else None
        if not safe_relative(rel):
            return f"kept package lists an unsafe path {rel!r}"
        target = folder / str(rel)
        names.add(str(rel))
        if not _regular(target):
            return f"kept file {target} is missing"
        if sha256_file(target) != entry.get("sha256"):
            return f"kept file {target} was changed"
    found, odd = _walk_files(folder)
    extra = sorted((found - names) | set(odd))
    if extra:
        return f"kept package {folder} holds files that were not sent: {', '.join(extra[:5])}"
    return None


def _check_receipt(data_root: Path, info: Any) -> str | None:
    if not isinstance(info, dict):
        return "its receipt file entry is damaged"
    target = _inside(data_root, info.get("path"))
    if target is None:
        return f"receipt path {info.get('path')!r} is outside the data folder's sent/"
    if not _regular(target) or sha256_file(target) != info.get("sha256"):
        return f"kept receipt {target} is missing or changed"
    found, odd = _walk_files(target.parent)
    extra = sorted((found - {target.name}) | set(odd))
    if extra:
        return f"receipt folder {target.parent} holds other files: {', '.join(extra[:5])}"
    return None


def _check_folder(data_root: Path, body: dict[str, Any]) -> str | None:
    """The record's folder under sent/ holds only what the record names (package/, receipt/)."""
    expected: dict[str, set[str]] = {}
    for key, part in (("package", "package"), ("receipt_file", "receipt")):
        info = body.get(key)
        rel = info.get("path") if isinstance(info, dict) else None
        if isinstance(rel, str) and rel.count("/") >= 2:
            expected.setdefault("/".join(rel.split("/")[:2]), set()).add(part)
    for folder_rel, wanted in expected.items():
        folder = _inside(data_root, folder_rel)
        if folder is None or not folder.is_dir():
            continue
        extra = sorted(set(os.listdir(folder)) - wanted)
        if extra:
            return f"kept folder {folder} holds files that were not sent: {', '.join(extra[:5])}"
    return None


def _check_draft(db: sqlite3.Connection, body: dict[str, Any]) -> str | None:
    """The sent report still holds what was sent (its facts' SHA-256 and its title); only
    records that carry ``draft_sha256`` (made by this version on) are checked."""
    expected = body.get("draft_sha256")
    if expected is None:
        return None
    from composer.core.sent_guard import facts

    row = db.execute("SELECT body, title FROM drafts WHERE id=?",
                     (body.get("draft_id"),)).fetchone()
    if row is None:
        return f"report #{body.get('draft_id')} it records is missing"
    stored = facts(row[0]) if isinstance(row[0], str) else None
    if stored is None or sha256_bytes(records.canonical_ascii(stored)) != expected:
        return f"report #{body.get('draft_id')} was changed after it was sent"
    if row[1] != body.get("title"):
        return f"the title of report #{body.get('draft_id')} was changed after it was sent"
    return None


def _check_record(db: sqlite3.Connection, data_root: Path, row: tuple[Any, ...], prev: str,
                  subs: dict[Any, tuple[Any, ...]]) -> str | None:
    seq, submission_id, body, digest = row
    if not isinstance(body, str) or not isinstance(digest, str):
        return "its stored row is damaged"
    parsed = records.parse_body(body)
    if sha256_bytes(body.encode("utf-8", "surrogatepass")) != digest or not parsed:
        return "was changed (its SHA-256 does not match)"
    if parsed.get("seq") != seq or parsed.get("prev") != prev:
        return f"does not follow record {seq - 1} (removed or reordered)"
    if canonical(parsed) != body.encode("utf-8"):
        return "is not in canonical form"
    if submission_id is None or parsed.get("submission_id") != submission_id:
        return "its link to its sending row was changed"
    sub = subs.get(submission_id)
    if sub is None:
        return f"its sending row (submission {submission_id}) was removed"
    row_values = dict(zip(SUBMISSION_COLUMNS, sub, strict=True))
    changed = [col for col, key in ROW_FIELDS if row_values[col] != parsed.get(key)]
    if changed:
        return (f"its sending row (submission {submission_id}) was changed: "
                f"{', '.join(changed)}")
    for key, check in (("package", _check_package), ("receipt_file", _check_receipt)):
        if parsed.get(key) is not None:
            problem = check(data_root, parsed[key])
            if problem:
                return problem
    return _check_folder(data_root, parsed) or _check_draft(db, parsed)


def _named(seq: int, issue: str) -> str:
    """``record 3 was changed …`` / ``record 3: its sending row …``."""
    verb = issue.startswith(("was ", "does ", "is ", "cannot "))
    return f"record {seq}{' ' if verb else ': '}{issue}"


def _check_anchor(database: Path | None, rows: list[Record], problems: list[str]
                  ) -> int | None:
    """Problems of the anchor; the first record it shows missing (or None)."""
    if database is None:
        return None
    try:
        anchor = records.read_anchor(database)
    except ValueError as exc:
        problems.append(f"record anchor: {exc}")
        return None
    count = len(rows)
    if anchor is None:
        if any(r.body.get("anchored") is True for r in rows):
            problems.append(f"record anchor {records.anchor_path(database)} is missing "
                            "(it names the last record; the records after it may be gone)")
        return None
    if anchor.seq > count:
        problems.append(f"record {count + 1} is missing: the anchor names record {anchor.seq} "
                        f"(SHA-256 {anchor.sha256[:16]}…) but the chain ends at record {count}")
        return count + 1
    if anchor.seq >= 1 and rows[anchor.seq - 1].sha256 != anchor.sha256:
        problems.append(f"record {anchor.seq} is not the record the anchor names (SHA-256 "
                        f"{anchor.sha256[:16]}…): the chain was rewritten")
        return anchor.seq
    return None


def _orphan_folders(data_root: Path, rows: list[Record], problems: list[str]) -> None:
    """Folders under sent/ that no record names (e.g. left when a record was removed)."""
    archive = data_root / ARCHIVE_DIR
    if not archive.is_dir():
        return
    named = set()
    for r in rows:
        for key in ("package", "receipt_file"):
            info = r.body.get(key)
            rel = info.get("path") if isinstance(info, dict) else None
            if isinstance(rel, str) and rel.startswith(ARCHIVE_DIR + "/"):
                named.add(rel.split("/")[1])
    for entry in sorted(os.listdir(archive)):
        if entry.startswith(STAGING_PREFIX) or entry in named:
            continue
        seq = entry.split("-", 1)[0]
        problems.append(f"record {int(seq) if seq.isdigit() else '?'}: kept copy "
                        f"{archive / entry} belongs to no record in the chain")


def verify(db: sqlite3.Connection, data_root: Path, database: Path | None = None
           ) -> Verification:
    """Check every link, every record's hash, its sending row, every kept file, the sent
    report, the rows without a record, and the anchor beside ``database`` (see the module
    docstring). Never raises for damaged data."""
    problems: list[str] = []
    broken: list[int] = []
    try:
        rows = db.execute("SELECT seq, submission_id, body, sha256 FROM records "
                          "ORDER BY seq").fetchall()
    except sqlite3.Error as exc:
        rows = []
        problems.append(f"record 1 cannot be read: the records table is missing or damaged "
                        f"({exc})")
        broken.append(1)
    try:
        subs = _submissions(db)
    except sqlite3.Error as exc:
        subs = {}
        problems.append(f"submissions: the table cannot be read ({exc})")
    chain: list[Record] = []
    prev = GENESIS
    expected = 1
    for row in rows:
        seq = row[0]
        if not isinstance(seq, int):
            problems.append(f"record {expected} cannot be read: its stored row is damaged "
                            f"(number {seq!r})")
            broken.append(expected)
            continue
        if seq != expected:
            problems.append(f"record {expected} is missing (found record {seq} next)")
            broken.append(expected)
        try:
            issue = _check_record(db, data_root, tuple(row), prev, subs)
        except Exception as exc:  # noqa: BLE001 (a damaged row is named, never raised)
            issue = f"cannot be checked: its stored data is damaged ({type(exc).__name__})"
        if issue is not None:
            problems.append(_named(seq, issue))
            broken.append(seq)
        digest = row[3] if isinstance(row[3], str) else ""
        chain.append(Record(seq, digest, records.parse_body(row[2])))
        prev = digest
        expected = seq + 1
    recorded = {r[1] for r in rows}
    for sid in sorted((s for s in subs if s not in recorded), key=lambda s: (str(type(s)), s)):
        sub = dict(zip(SUBMISSION_COLUMNS, subs[sid], strict=True))
        problems.append(f"submission {sid} (report #{sub['draft_id']}, {sub['channel']}, "
                        f"{sub['sent_at']}) has no record in the chain")
    missing = _check_anchor(database, chain, problems)
    if missing is not None:
        broken.append(missing)
    _orphan_folders(data_root, chain, problems)
    head = chain[-1].sha256 if chain else GENESIS
    return Verification(len(rows), tuple(problems), min(broken) if broken else None, head)


__all__ = ["RecordLog", "Verification", "open_read_only", "read_log", "verify"]
