"""The organisation profile and the organisation's settings (JSON values by key).

A stored value that cannot be read is treated as absent and named once in
:attr:`Storage.problems` (shown at start); writing it again repairs the row.
"""

from __future__ import annotations

from typing import Any

from composer.core.store.base import StoreBase, json_text, now_text


class SettingsStore(StoreBase):
    """The profile and settings part of :class:`composer.core.storage.Storage`."""

    def save_profile(self, operator: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO profile (id, body, updated_at) VALUES (1, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET body=excluded.body, "
                       "updated_at=excluded.updated_at",
                       (json_text(operator), now_text()))

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
                       (key, json_text(value), now_text()))

    def load_setting(self, key: str, default: Any = None) -> Any:
        row = self._db.execute("SELECT body FROM settings WHERE key=?", (key,)).fetchone()
        if row is None:
            return default
        value = self._read_json(row[0], f"setting {key!r} (table settings)")
        return default if value is None else value


__all__ = ["SettingsStore"]
