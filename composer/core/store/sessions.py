"""Sessions, crash recovery, and which window edits which draft.

Crash recovery: :meth:`SessionStore.begin_session` records a session;
:meth:`SessionStore.end_session` marks a clean shutdown. A session without that marker ended
uncleanly, and the unsent drafts changed during it since their last orderly save are offered
back (``begin_session`` returns them, once). An autosave marks a draft as changed in this
session (``drafts.dirty_session``); an orderly save and a clean shutdown clear the mark.

One draft, one editor: a window that opens a draft for editing claims it
(:meth:`SessionStore.claim_draft`: the ``editors`` row names the session, process, host and
window). Another window — of this Composer or another one on the same data folder — finds the
claim (:meth:`SessionStore.editor_of`) and shows the draft read-only; once the claiming process
is gone (or its session ended) the claim is stale and can be taken over.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
from dataclasses import dataclass

from composer.core.store.base import now_text, short
from composer.core.store.drafts import DraftStore, DraftSummary


def other_process_alive(pid: int) -> bool:
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


def host_name() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


@dataclass(frozen=True, slots=True)
class Editor:
    """Who holds a draft open for editing."""

    draft_id: int
    session: int
    pid: int
    host: str
    window: str          # the window's description (title, when it opened)
    since: str           # UTC ISO time of the claim
    alive: bool          # the holder is still running (an unknown other host counts as alive)


class SessionStore(DraftStore):
    """Sessions and editing claims of :class:`composer.core.storage.Storage`."""

    def begin_session(self) -> list[DraftSummary]:
        """Start a session; return the drafts changed during earlier sessions that crashed.

        Each crashed session is offered once: it is marked ``recovered`` here. Offered are the
        unsent drafts autosaved in a crashed session and not saved in an orderly way since.
        """
        with self._tx() as db:
            running = db.execute("SELECT id, started_at, pid FROM sessions "
                                 "WHERE state='running'").fetchall()
            # Another Composer still running on this database is not a crash.
            crashed = [row for row in running if not other_process_alive(row[2])]
            db.executemany("UPDATE sessions SET state='recovered' WHERE id=?",
                           [(row[0],) for row in crashed])
            cur = db.execute("INSERT INTO sessions (pid, started_at) VALUES (?, ?)",
                             (os.getpid(), now_text()))
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
            self._problem(f"drafts to recover (table drafts): cannot be read ({short(exc)})")
            return []

    def end_session(self) -> None:
        """Mark a clean shutdown (and give up this session's editing claims)."""
        if self._session is None:
            return
        try:   # tidy only: a clean session's marks are never looked at
            with self._tx() as db:
                db.execute("UPDATE drafts SET dirty_session=NULL WHERE dirty_session=?",
                           (self._session,))
                db.execute("DELETE FROM editors WHERE session=?", (self._session,))
        except sqlite3.DatabaseError:
            pass
        with self._tx() as db:
            db.execute("UPDATE sessions SET state='clean', ended_at=? WHERE id=?",
                       (now_text(), self._session))
        self._session = None

    @property
    def session(self) -> int | None:
        return self._session

    # --- one draft, one editor ---------------------------------------------------------------

    def _editor(self, row: tuple[object, ...]) -> Editor:
        draft_id, session, pid, host, window, since = row
        state = self._db.execute("SELECT state FROM sessions WHERE id=?",
                                 (session,)).fetchone()
        ours = host == host_name()
        alive = (state is not None and state[0] == "running"
                 and (not ours or int(str(pid)) == os.getpid()
                      or other_process_alive(int(str(pid)))))
        return Editor(int(str(draft_id)), int(str(session)), int(str(pid)), str(host),
                      str(window), str(since), alive)

    def editor_of(self, draft_id: int) -> Editor | None:
        """Who else holds ``draft_id`` open for editing (None: nobody, or this session)."""
        row = self._db.execute("SELECT draft_id, session, pid, host, window, since FROM editors "
                               "WHERE draft_id=?", (draft_id,)).fetchone()
        if row is None or (self._session is not None and row[1] == self._session):
            return None
        return self._editor(tuple(row))

    def claim_draft(self, draft_id: int, window: str = "", *, take_over: bool = False
                    ) -> Editor | None:
        """Mark ``draft_id`` as edited by this session; returns None when it is ours now, or
        the other live editor that holds it (then nothing changes). A stale claim (its process
        gone or its session ended) is replaced; a live one only with ``take_over``."""
        if self._session is None:
            return None
        with self._tx() as db:
            row = db.execute("SELECT draft_id, session, pid, host, window, since FROM editors "
                             "WHERE draft_id=?", (draft_id,)).fetchone()
            if row is not None and row[1] != self._session:
                other = self._editor(tuple(row))
                if other.alive and not take_over:
                    return other
            db.execute("INSERT INTO editors (draft_id, session, pid, host, window, since) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(draft_id) DO UPDATE SET "
                       "session=excluded.session, pid=excluded.pid, host=excluded.host, "
                       "window=excluded.window, since=excluded.since",
                       (draft_id, self._session, os.getpid(), host_name(), window, now_text()))
        return None

    def release_draft(self, draft_id: int) -> None:
        """Give up this session's claim on ``draft_id`` (no-op if it is not ours)."""
        if self._session is None:
            return
        with self._tx() as db:
            db.execute("DELETE FROM editors WHERE draft_id=? AND session=?",
                       (draft_id, self._session))


__all__ = ["Editor", "SessionStore", "host_name", "other_process_alive"]
