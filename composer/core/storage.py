"""Drafts, reports, the organisation profile, what was sent and generated, in SQLite.

:class:`Storage` is the user's database; its parts live in :mod:`composer.core.store`, one
concern each: opening it (``base``: schema, rollback journal, no memory-mapped I/O, errors),
drafts (``drafts``: revisions refuse a stale save), sending (``sending``: the hash-chained
record and the packages), the profile and settings (``settings``), sessions, crash recovery and
editing claims (``sessions``).

Damaged rows do not stop the app: a profile or setting whose stored JSON cannot be read is
treated as absent and named in :attr:`Storage.problems`; a draft that cannot be read raises
:class:`CorruptRow` naming its row. A damaged *file* (a page SQLite cannot read) is found by
:func:`composer.core.store.damage.check` at start.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from composer.core import paths
from composer.core.store.base import (
    SCHEMA_VERSION,
    CorruptRow,
    DraftChangedElsewhere,
    SentReportChanged,
    SentReportError,
    connect,
    make_private,
    prepare,
)
from composer.core.store.drafts import DraftSummary
from composer.core.store.sending import PackageRecord, SendingStore
from composer.core.store.sessions import Editor, SessionStore
from composer.core.store.settings import SettingsStore


class Storage(SessionStore, SendingStore, SettingsStore):
    """The user's database. Use from one thread (the GUI thread)."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else paths.database_path()
        self.problems = []
        self._session = None
        make_private(self.path)
        self._db = connect(self.path)
        try:
            prepare(self._db, self.path)
        except BaseException:
            self._db.close()
            raise
        self.is_open = True

    def close(self) -> None:
        self._db.close()
        self.is_open = False


__all__ = ["SCHEMA_VERSION", "CorruptRow", "DraftChangedElsewhere", "DraftSummary", "Editor",
           "PackageRecord", "SentReportChanged", "SentReportError", "Storage", "sqlite3"]
