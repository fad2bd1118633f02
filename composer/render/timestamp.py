"""The generation time of a package, given on demand for byte-identical output.

``composer render --generated-at 2026-11-18T15:30:00+08:00`` names it; without the option the
``SOURCE_DATE_EPOCH`` environment variable (seconds since 1970, the reproducible-builds
convention) does; without either it is now. The time is printed on the report (to the minute,
Beijing time) and becomes every date inside the files, so the same input and the same time give
the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime

from composer.core.obligations import in_china
from composer.core.validators import TIME_END, TIME_MIN, parse_time


class BadGenerationTime(ValueError):
    """The option or the environment variable does not name a usable time (one-line reason)."""


def _bounded(moment: datetime, what: str) -> datetime:
    if not TIME_MIN <= moment < TIME_END:     # the bounds of every time in an incident
        raise BadGenerationTime(f"{what}: must be between 2000-01-01 and 2100-12-31, got "
                                f"{moment.isoformat()}")
    return moment


def generation_time(option: str | None = None,
                    environ: Mapping[str, str] | None = None) -> datetime | None:
    """The time ``--generated-at`` or ``SOURCE_DATE_EPOCH`` names (option first), or None
    (meaning now). Raises :class:`BadGenerationTime`."""
    if option is not None:
        try:
            moment = parse_time(option.strip())
        except ValueError as exc:
            raise BadGenerationTime(f"--generated-at: {exc}") from None
        return in_china(_bounded(moment.replace(microsecond=0), "--generated-at"))
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch is None or not epoch.strip():
        return None
    text = epoch.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        raise BadGenerationTime(f"SOURCE_DATE_EPOCH: must be whole seconds since 1970-01-01 "
                                f"UTC, got {text[:40]!r}")
    seconds = int(text)
    if not TIME_MIN.timestamp() <= seconds < TIME_END.timestamp():   # before datetime sees it
        raise BadGenerationTime(f"SOURCE_DATE_EPOCH: must be between 2000-01-01 and "
                                f"2100-12-31 ({int(TIME_MIN.timestamp())} to "
                                f"{int(TIME_END.timestamp()) - 1} seconds), got {text}")
    return in_china(datetime.fromtimestamp(seconds, UTC))
