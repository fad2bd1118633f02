"""Reports and drafts: save (one transaction, refused from a stale revision), load, list,
delete an unsent one, archive a sent one, and the chain of reports of one incident.

Every stored change raises the draft's ``revision``. A save carries the revision the draft was
loaded (or last saved) at; if the stored one is newer, another window or another Composer saved
it meanwhile, and the save raises :class:`DraftChangedElsewhere` — nothing is overwritten.

A sent report (one with recorded submissions) is a record: a save may move its wizard position
(``step``), nothing else (:class:`SentReportChanged`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from composer.core.draft import Draft, draft_from_json, draft_to_json
from composer.core.sent_guard import changed_parts, facts
from composer.core.store.base import (
    CorruptRow,
    DraftChangedElsewhere,
    SentReportChanged,
    SentReportError,
    StoreBase,
    json_text,
    now_text,
    plain_text,
    short,
)


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
    correction: bool = False           # a 更正 (its incident file says "correction": true)
    drill: bool = False                # a drill (演练, issue 24)


class DraftStore(StoreBase):
    """The drafts part of :class:`composer.core.storage.Storage`."""

    def save_draft(self, draft: Draft, *, orderly: bool = False) -> int:
        """Insert or update ``draft`` in one transaction; sets and returns ``draft.id`` and
        sets ``draft.revision`` to the stored revision.

        An unchanged draft is not rewritten (its ``updated_at`` stays). ``orderly``: the user
        saved (or left the report, or closed the app) — the draft is then not offered back
        after a crash; an autosave (``orderly=False``) marks it changed in this session.

        :class:`DraftChangedElsewhere` (nothing stored) when the stored revision is newer than
        ``draft.revision``: to keep this version anyway, set ``draft.revision`` to the stored
        one (the exception's ``stored``) and save again. :class:`SentReportChanged` (nothing
        stored) for a change of a sent report's content; its ``updated_at`` stays.
        """
        body = json_text(draft_to_json(draft))
        title = plain_text(draft.title)
        now = now_text()
        dirty = None if orderly else self._session
        with self._tx() as db:
            if draft.id is None:
                cur = db.execute(
                    "INSERT INTO drafts (parent_id, report_type, title, body, created_at, "
                    "updated_at, dirty_session, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                    (draft.parent_id, draft.report_type.value, title, body, now, now, dirty))
                draft.id = int(cur.lastrowid or 0)
                draft.revision = 1
                return draft.id
            row = db.execute("SELECT body, COALESCE(revision, 0) FROM drafts WHERE id=?",
                             (draft.id,)).fetchone()
            if row is None:    # deleted meanwhile (another window): store it again
                db.execute(
                    "INSERT INTO drafts (id, parent_id, report_type, title, body, created_at, "
                    "updated_at, dirty_session, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (draft.id, draft.parent_id, draft.report_type.value, title, body, now, now,
                     dirty, draft.revision + 1))
                draft.revision += 1
                return draft.id
            stored_body, stored_revision = row[0], int(row[1])
            if stored_body == body:
                if orderly:
                    db.execute("UPDATE drafts SET dirty_session=NULL WHERE id=?", (draft.id,))
                draft.revision = stored_revision
                return draft.id
            if db.execute("SELECT 1 FROM submissions WHERE draft_id=? LIMIT 1",
                          (draft.id,)).fetchone() is not None:
                self._save_sent_position(db, draft.id, stored_body, body, orderly)
                draft.revision = stored_revision + 1
                return draft.id
            if stored_revision != draft.revision:
                raise DraftChangedElsewhere(draft.id, draft.revision, stored_revision)
            db.execute("UPDATE drafts SET report_type=?, title=?, body=?, updated_at=?, "
                       "dirty_session=?, revision=? WHERE id=?",
                       (draft.report_type.value, title, body, now, dirty, stored_revision + 1,
                        draft.id))
            draft.revision = stored_revision + 1
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
        db.execute("UPDATE drafts SET body=?, revision=COALESCE(revision, 0) + 1"
                   + (", dirty_session=NULL" if orderly else "") + " WHERE id=?",
                   (body, draft_id))

    def load_draft(self, draft_id: int) -> Draft:
        """The stored draft (with its revision); ``KeyError`` if there is none,
        :class:`CorruptRow` if its stored text cannot be read."""
        row = self._db.execute("SELECT body, parent_id, COALESCE(revision, 0) FROM drafts "
                               "WHERE id=?", (draft_id,)).fetchone()
        if row is None:
            raise KeyError(draft_id)
        where = f"draft #{draft_id} (table drafts, id {draft_id})"
        try:
            obj = json.loads(row[0])
            if isinstance(obj, dict):
                draft = draft_from_json(obj, id=draft_id, parent_id=row[1])
                draft.revision = int(row[2])
                return draft
        except (ValueError, TypeError, AttributeError, RecursionError) as exc:
            raise CorruptRow(f"{where}: the stored text cannot be read ({short(exc)})"
                             ) from None
        raise CorruptRow(f"{where}: the stored text is not a JSON object")

    def stored_revision(self, draft_id: int) -> int | None:
        """The draft's stored revision (None if there is no such draft)."""
        row = self._db.execute("SELECT COALESCE(revision, 0) FROM drafts WHERE id=?",
                               (draft_id,)).fetchone()
        return int(row[0]) if row is not None else None

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
            db.execute("DELETE FROM editors WHERE draft_id=?", (draft_id,))
            db.execute("DELETE FROM drafts WHERE id=?", (draft_id,))

    def archive_draft(self, draft_id: int, archived: bool = True) -> None:
        """Put a report away (hidden from the list unless archived ones are shown), or back."""
        with self._tx() as db:
            db.execute("UPDATE drafts SET archived_at=? WHERE id=?",
                       (now_text() if archived else None, draft_id))

    def list_drafts(self, *, archived: bool = True) -> list[DraftSummary]:
        """All reports and drafts (without archived ones if ``archived`` is False), most
        recently changed first."""
        rows = self._db.execute(
            "SELECT d.id, d.parent_id, d.report_type, d.title, d.created_at, d.updated_at, "
            "(SELECT COUNT(*) FROM packages p WHERE p.draft_id=d.id), "
            "(SELECT MAX(s.sent_at) FROM submissions s WHERE s.draft_id=d.id), d.archived_at, "
            "CASE WHEN json_valid(d.body) THEN json_extract(d.body, '$.data.correction') END, "
            "CASE WHEN json_valid(d.body) THEN json_extract(d.body, '$.data.drill') END "
            "FROM drafts d " + ("" if archived else "WHERE d.archived_at IS NULL ")
            + "ORDER BY d.updated_at DESC, d.id DESC").fetchall()
        return [DraftSummary(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                             row[8], correction=row[9] == 1, drill=row[10] == 1)
                for row in rows]

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


__all__ = ["DraftStore", "DraftSummary"]
