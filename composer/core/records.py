"""The sending record that proves itself: an append-only hash chain, and the packages sent.

Qt-free; used through :class:`composer.core.storage.Storage`. Each recorded sending (记录已报送)
is one row of ``records``: the canonical JSON of the record (sorted keys, no spaces, UTF-8) and
its SHA-256. The record holds the SHA-256 of the record before it (``prev``; 64 zeros for the
first), so changing, removing or reordering a record breaks every link after it. What was sent is
copied into the data directory (``sent/<seq>-<manifest hash>/``, read-only): the package's files
and its manifest.json, whose SHA-256 is in the record, and a receipt file (a scanned fax
transmission report) if one was attached. :func:`verify` checks all of it.

The chain proves the records are unchanged *relative to each other and to the stored files*.
Someone with write access could rebuild the whole chain; the head hash printed on the exported
报送记录 (and the 受理编号 / Message-ID the receiving side holds) anchor it outside the database.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "composer-record/1"
GENESIS = "0" * 64
ARCHIVE_DIR = "sent"
MANIFEST = "manifest.json"

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
    seq: int
    sha256: str
    body: dict[str, Any]

    @property
    def prev(self) -> str:
        return str(self.body.get("prev", ""))


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


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


def all_records(db: sqlite3.Connection) -> list[Record]:
    rows = db.execute("SELECT seq, sha256, body FROM records ORDER BY seq").fetchall()
    out = []
    for seq, digest, body in rows:
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = {}
        out.append(Record(int(seq), str(digest), parsed if isinstance(parsed, dict) else {}))
    return out


# --- what was sent, kept exactly ---------------------------------------------------------------


def _read_only(root: Path) -> None:
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            os.chmod(Path(dirpath) / name, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.chmod(dirpath, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP
                 | stat.S_IROTH | stat.S_IXOTH)


def remove_archive(path: Path) -> None:
    """Remove an archive folder written by :func:`archive` (undo after a failed record)."""
    if not path.exists():
        return
    for dirpath, _dirs, _files in os.walk(path):
        os.chmod(dirpath, stat.S_IRWXU)
    shutil.rmtree(path, ignore_errors=True)


def package_manifest(package_dir: Path) -> tuple[dict[str, Any], str]:
    """The package's manifest and its SHA-256, after checking every listed file against it."""
    manifest_path = package_dir / MANIFEST
    try:
        data = manifest_path.read_bytes()
        manifest = json.loads(data)
    except OSError as exc:
        raise RecordError(f"{manifest_path}: cannot read: {exc.strerror or exc}") from None
    except ValueError:
        raise RecordError(f"{manifest_path}: not a Composer manifest") from None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list):
        raise RecordError(f"{manifest_path}: not a Composer manifest")
    for entry in files:
        rel = str(entry.get("path", ""))
        target = package_dir / rel
        if rel.startswith(("/", "\\")) or ".." in Path(rel).parts or not target.is_file():
            raise RecordError(f"{target}: listed in the manifest but missing")
        if sha256_file(target) != entry.get("sha256"):
            raise RecordError(f"{target}: changed since the package was generated")
    return manifest, sha256_bytes(data)


def archive(data_root: Path, seq: int, package_dir: Path | None,
            receipt_file: Path | None) -> tuple[Path | None, dict[str, Any] | None,
                                                dict[str, Any] | None]:
    """Copy the package (checked against its manifest) and the receipt file into
    ``data_root/sent/<seq>-<hash>/``, read-only. Returns (folder, package info, file info)."""
    if package_dir is None and receipt_file is None:
        return None, None, None
    manifest: dict[str, Any] | None = None
    manifest_sha = None
    if package_dir is not None:
        manifest, manifest_sha = package_manifest(package_dir)
    if receipt_file is not None and not receipt_file.is_file():
        raise RecordError(f"{receipt_file}: the receipt file cannot be read")
    name = f"{seq:05d}-{(manifest_sha or 'receipt')[:12]}"
    folder = data_root / ARCHIVE_DIR / name
    rel = f"{ARCHIVE_DIR}/{name}"
    package_info = file_info = None
    try:
        if folder.exists():
            remove_archive(folder)          # left by an earlier failed attempt at this seq
        folder.mkdir(parents=True)
        if package_dir is not None and manifest is not None:
            target = folder / "package"
            for entry in manifest["files"]:
                dest = target / entry["path"]
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(package_dir / entry["path"], dest)
            shutil.copyfile(package_dir / MANIFEST, target / MANIFEST)
            package_info = {"path": f"{rel}/package", "manifest_sha256": manifest_sha,
                            "generated_at": manifest.get("generated_at"),
                            "files": [{"path": e["path"], "sha256": e["sha256"]}
                                      for e in manifest["files"]]}
        if receipt_file is not None:
            dest = folder / "receipt" / receipt_file.name
            dest.parent.mkdir(parents=True)
            shutil.copyfile(receipt_file, dest)
            file_info = {"name": receipt_file.name, "path": f"{rel}/receipt/{receipt_file.name}",
                         "sha256": sha256_file(dest)}
        _read_only(folder)
    except OSError as exc:
        remove_archive(folder)
        raise RecordError(f"{folder}: cannot keep a copy of what was sent: "
                          f"{exc.strerror or exc}") from None
    return folder, package_info, file_info


# --- verification ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verification:
    checked: int
    problems: tuple[str, ...]
    first_broken: int | None        # seq of the first record that does not hold
    head: str                       # SHA-256 of the last record (GENESIS if none)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_package(data_root: Path, info: dict[str, Any]) -> str | None:
    folder = data_root / str(info.get("path", ""))
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return f"stored package {folder} is missing"
    if sha256_file(manifest) != info.get("manifest_sha256"):
        return f"stored manifest {manifest} was changed"
    for entry in info.get("files", []):
        target = folder / str(entry.get("path", ""))
        if not target.is_file():
            return f"stored file {target} is missing"
        if sha256_file(target) != entry.get("sha256"):
            return f"stored file {target} was changed"
    return None


def verify(db: sqlite3.Connection, data_root: Path) -> Verification:
    """Check every link, every record's hash, its submission row and every stored file."""
    problems: list[str] = []
    first: int | None = None
    prev = GENESIS
    rows = db.execute("SELECT seq, submission_id, body, sha256 FROM records "
                      "ORDER BY seq").fetchall()
    subs = {r[0]: r[1:] for r in db.execute(
        "SELECT id, channel, sent_at FROM submissions").fetchall()}
    for expected_seq, (seq, submission_id, body, digest) in enumerate(rows, start=1):
        issue = None
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        if seq != expected_seq:
            issue = f"record {expected_seq} is missing (found {seq} next)"
        elif sha256_bytes(body.encode("utf-8")) != digest or not isinstance(parsed, dict):
            issue = f"record {seq} was changed (its SHA-256 does not match)"
        elif parsed.get("seq") != seq or parsed.get("prev") != prev:
            issue = f"record {seq} does not follow record {seq - 1} (removed or reordered)"
        elif canonical(parsed) != body.encode("utf-8"):
            issue = f"record {seq} is not in canonical form"
        else:
            sub = subs.get(submission_id)
            if submission_id is not None and (
                    sub is None or sub[0] != parsed.get("channel")
                    or sub[1] != parsed.get("sent_at_utc")):
                issue = f"record {seq}: its sending (submission {submission_id}) was changed " \
                        "or removed"
            else:
                for key in ("package", "receipt_file"):
                    info = parsed.get(key)
                    if key == "receipt_file" and isinstance(info, dict):
                        target = data_root / str(info.get("path", ""))
                        if not target.is_file() or sha256_file(target) != info.get("sha256"):
                            issue = f"record {seq}: stored receipt {target} is missing or changed"
                    elif key == "package" and isinstance(info, dict):
                        problem = _check_package(data_root, info)
                        if problem:
                            issue = f"record {seq}: {problem}"
        if issue is not None:
            problems.append(issue)
            if first is None:
                first = seq if seq == expected_seq else expected_seq
        prev = digest
    recorded = {r[1] for r in rows if r[1] is not None}
    for sid in sorted(set(subs) - recorded):
        problems.append(f"submission {sid} has no record in the chain")
    return Verification(len(rows), tuple(problems), first, rows[-1][3] if rows else GENESIS)
