"""What a save of a sent report may change: its wizard position, never its content.

A report with recorded submissions is a record (:meth:`composer.core.storage.Storage.save_draft`
enforces it); these helpers compare two stored draft bodies without the position and name the
parts that differ, for the error message.
"""

from __future__ import annotations

import json
from typing import Any

# What a save of a sent report may still change: where the wizard stands (the user pages
# through a sent report), nothing that is part of what was sent.
_POSITION_KEYS = ("step", "impact_seen")


def facts(body: str) -> dict[str, Any] | None:
    """The stored draft body without the wizard position (None if it cannot be read)."""
    try:
        obj = json.loads(body)
    except (ValueError, TypeError):
        return None
    if not isinstance(obj, dict):
        return None
    return {k: v for k, v in obj.items() if k not in _POSITION_KEYS}


def changed_parts(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """Top-level keys (of ``data``: its sections) that differ, for the error message."""
    if old is None:
        return ["(stored text unreadable)"]
    parts = [k for k in sorted(set(old) | set(new)) if k != "data" and old.get(k) != new.get(k)]
    old_data, new_data = old.get("data") or {}, new.get("data") or {}
    if isinstance(old_data, dict) and isinstance(new_data, dict):
        parts += [k for k in sorted(set(old_data) | set(new_data))
                  if old_data.get(k) != new_data.get(k)]
    elif old_data != new_data:
        parts.append("data")
    return parts


def differences(old: Any, new: Any, path: str = "") -> list[tuple[str, Any, Any]]:
    """Every leaf that differs between two drafts' ``data``, as (JSON path, old, new); a
    missing value is None. Lists compare whole."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[tuple[str, Any, Any]] = []
        for key in sorted(set(old) | set(new), key=str):
            sub = f"{path}.{key}" if path else str(key)
            out += differences(old.get(key), new.get(key), sub)
        return out
    if isinstance(old, dict) and new is None:
        return differences(old, {}, path)
    if isinstance(new, dict) and old is None:
        return differences({}, new, path)
    return [] if old == new else [(path, old, new)]


__all__ = ["changed_parts", "differences", "facts"]
