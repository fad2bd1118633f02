"""A time read back from storage, a record or a draft: timezone-aware, or nothing.

Every stored time is written as ISO 8601 with its offset; what comes back is trusted only that
way (a missing, unreadable or naive value is None, never a guess at the time zone).
"""

from __future__ import annotations

from datetime import datetime


def aware_time(value: object) -> datetime | None:
    """``value`` as a timezone-aware time when it is ISO 8601 text with an offset, else None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None


__all__ = ["aware_time"]
