"""JSON text read strictly, before any incident rule applies: the gate every input passes.

Qt-free. :func:`loads_json` refuses what the standard library would accept but an incident file
must never be — NaN/Infinity, a key given twice in one object (the later value would silently
win), text larger than :data:`~composer.core.validators.INPUT_MAX_BYTES`, nesting deeper than
:data:`~composer.core.validators.DEPTH_MAX`, unpaired surrogates, integers of thousands of
digits, UTF-16 — each as an :class:`~composer.core.validators.InvalidIncident` with the path
``$``. :mod:`composer.core.incident_io` then reads the tree as a report.
"""

from __future__ import annotations

import json
import re
from typing import Any

from composer.core.validators import (
    DEPTH_MAX,
    INPUT_MAX_BYTES,
    PROBLEMS_MAX,
    InvalidIncident,
    Problem,
    shown,
    structure_problems,
)


def loads_json(text: str | bytes) -> Any:
    """JSON text (UTF-8) parsed strictly: no NaN/Infinity, no key given twice in one object, at
    most :data:`INPUT_MAX_BYTES`, nested at most :data:`DEPTH_MAX` deep, no unpaired surrogate
    (``\\ud800``) anywhere. Raises :class:`InvalidIncident` otherwise."""
    if len(text) > INPUT_MAX_BYTES:
        raise InvalidIncident([Problem("$", f"is too large: more than {INPUT_MAX_BYTES:,} "
                                            "bytes (an incident file is far smaller)")])
    if isinstance(text, bytes):
        if text[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise InvalidIncident([Problem("$", "is UTF-16 text: save the file as UTF-8")])
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidIncident([Problem("$", f"not UTF-8 text ({exc.reason} at byte "
                                                f"{exc.start})")]) from None
    duplicates: list[str] = []

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in pairs:
            if key in obj:
                duplicates.append(key)
            obj[key] = value
        return obj

    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int,
                          object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise InvalidIncident([Problem(
            "$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]) from None
    except RecursionError:
        raise InvalidIncident([Problem(
            "$", f"nested more than {DEPTH_MAX} levels deep")]) from None
    except ValueError as exc:
        raise InvalidIncident([Problem("$", str(exc))]) from None
    if duplicates:  # the later value would silently win: a typo must not pass unnoticed
        raise InvalidIncident([Problem("$", f"key {shown(key)} appears twice in one object")
                               for key in list(dict.fromkeys(duplicates))[:PROBLEMS_MAX]])
    if _may_be_hostile(text):
        problems = structure_problems(data)
        if problems:
            raise InvalidIncident(problems)
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_be_hostile(text: str) -> bool:
    """Whether the parsed tree needs the structure walk: enough brackets to nest too deep, a
    surrogate escape, or (text given as str) a raw surrogate. A plain file skips the walk."""
    if text.count("{") + text.count("[") > DEPTH_MAX or _SURROGATE_ESCAPE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parse_int(digits: str) -> int | float:
    """Integers beyond any bound become floats (possibly inf): never a 4,300-digit int."""
    return int(digits) if len(digits) <= 20 else float(digits)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"not valid JSON: {name} is not allowed")
