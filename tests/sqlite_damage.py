"""Damage a live SQLite database the way a failing disk does, for the tests of what the app does
then (core storage, autosave, recording a sending)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import BinaryIO


def bump_change_counter(fh: BinaryIO) -> None:
    """Raise the file change counter (header bytes 24–27), as a write by another connection
    does: with the rollback journal an open connection trusts its page cache otherwise."""
    fh.seek(24)
    count = int.from_bytes(fh.read(4), "big")
    fh.seek(24)
    fh.write(((count + 1) % (1 << 32)).to_bytes(4, "big"))


def damage_table_page(path: Path, table: str) -> None:
    """Overwrite the root b-tree page of ``table`` with garbage, behind open connections' backs."""
    db = sqlite3.connect(path)
    page = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
    db.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xde\xad" * (page // 2))
        bump_change_counter(fh)
