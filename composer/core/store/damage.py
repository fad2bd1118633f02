"""A damaged database file: find it, keep a copy, read what can still be read, start afresh.

Qt-free. At start the app asks :func:`check` (SQLite's ``quick_check``, read-only). If the file
is damaged, :func:`keep_copy` puts a copy beside it at once (``composer.sqlite3.damaged-<time>``,
never overwritten), :func:`salvage_drafts` lists the drafts that can still be read (row by row:
one damaged page loses only the rows on it), and :func:`start_afresh` builds a new database from
every row that can still be read — drafts, the profile, settings, sendings, the records — and
puts it in place of the damaged one (whose copy stays). Records copied verbatim keep their
hashes; ``composer log verify`` then says whether the chain survived whole.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from composer.core.record_verify import open_read_only

TABLES = ("drafts", "profile", "settings", "submissions", "records", "packages")
"""What :func:`start_afresh` copies (sessions and editing claims start anew)."""
MAX_SKIPPED = 20000
"""Row numbers tried past a damaged stretch before giving the rest of a table up."""


@dataclass(frozen=True, slots=True)
class Damage:
    problems: tuple[str, ...]       # SQLite's own words, at most a few lines


@dataclass(frozen=True, slots=True)
class Salvaged:
    id: int
    report_type: str
    title: str
    updated_at: str


def check(path: Path) -> Damage | None:
    """None if SQLite finds the file sound (or there is no file yet); else what is wrong."""
    if not path.exists():
        return None
    try:
        db = open_read_only(path)
    except sqlite3.DatabaseError as exc:
        return Damage((str(exc),))
    except sqlite3.Error:
        return None          # not damage (busy, cannot open): the ordinary open will say
    try:
        rows = [line for r in db.execute("PRAGMA quick_check(5)").fetchall()
                 for line in str(r[0]).splitlines() if line.strip()]
    except sqlite3.DatabaseError as exc:
        return Damage((str(exc),))
    finally:
        db.close()
    return None if rows == ["ok"] else Damage(tuple(r for r in rows if not r.startswith("***")))


def keep_copy(path: Path, *, now: datetime | None = None) -> Path:
    """Copy the damaged file (and a journal left beside it) to ``<name>.damaged-<time>``;
    returns the copy's path. Never overwrites an earlier copy."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    shutil.copyfile(path, target)
    os.chmod(target, 0o600)
    for suffix in ("-journal", "-wal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            shutil.copyfile(side, target.with_name(target.name + suffix))
    return target


def _rows(db: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    """Every row of ``table`` that can be read, by row number, skipping damaged stretches."""
    last = -(1 << 62)
    skipped = 0
    while skipped < MAX_SKIPPED:
        try:
            row = db.execute(f"SELECT rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid "
                             "LIMIT 1", (last,)).fetchone()
        except sqlite3.DatabaseError:
            last += 1
            skipped += 1
            continue
        if row is None:
            return
        skipped = 0
        last = row[0]
        yield tuple(row)


def salvage_drafts(path: Path) -> list[Salvaged]:
    """The drafts whose rows can still be read, with a body that is a JSON object."""
    try:
        db = open_read_only(path)
    except sqlite3.Error:
        return []
    out: list[Salvaged] = []
    try:
        cols = [str(r[1]) for r in db.execute("PRAGMA table_info(drafts)")]
        for row in _rows(db, "drafts"):
            values = dict(zip(["rowid", *cols], row, strict=False))
            try:
                body = json.loads(values.get("body") or "")
            except (TypeError, ValueError, RecursionError):
                continue
            if isinstance(body, dict):
                out.append(Salvaged(int(values["id"]), str(values.get("report_type") or ""),
                                    str(values.get("title") or ""),
                                    str(values.get("updated_at") or "")))
    except sqlite3.Error:
        pass
    finally:
        db.close()
    return out


def start_afresh(path: Path) -> dict[str, int]:
    """Replace the damaged database by a new one holding every row that can still be read
    (keep a copy first: :func:`keep_copy`). Returns the rows copied, by table."""
    from composer.core.storage import Storage

    fresh = path.with_name(path.name + ".fresh")
    for leftover in (fresh, fresh.with_name(fresh.name + "-journal")):
        if leftover.exists():
            leftover.unlink()
    Storage(fresh).close()           # the schema, made by the one place that makes it
    copied: dict[str, int] = {}
    try:
        source = open_read_only(path)
    except sqlite3.Error:
        source = None
    target = sqlite3.connect(fresh, isolation_level=None)
    try:
        target.execute("PRAGMA mmap_size=0")
        target.execute("BEGIN")
        for table in TABLES if source is not None else ():
            assert source is not None
            try:
                cols = [str(r[1]) for r in source.execute(f"PRAGMA table_info({table})")]
                have = {str(r[1]) for r in target.execute(f"PRAGMA table_info({table})")}
            except sqlite3.Error:
                continue
            keep = [c for c in cols if c in have]
            if not keep:
                continue
            marks = ", ".join("?" * len(keep))
            count = 0
            for row in _rows(source, table):
                values = dict(zip(["rowid", *cols], row, strict=False))
                try:
                    target.execute(f"INSERT INTO {table} ({', '.join(keep)}) VALUES ({marks})",
                                   [values[c] for c in keep])
                    count += 1
                except sqlite3.Error:
                    continue        # a row the new schema refuses (e.g. a NULL in NOT NULL)
            copied[table] = count
        target.execute("COMMIT")
    finally:
        target.close()
        if source is not None:
            source.close()
    for suffix in ("-journal", "-wal", "-shm"):       # they belong to the damaged file
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.unlink()
    os.replace(fresh, path)
    return copied


__all__ = ["Damage", "Salvaged", "check", "keep_copy", "salvage_drafts", "start_afresh"]
