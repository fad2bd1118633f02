"""Value checks shared by the incident loader: problems with JSON paths, times with offsets,
credit codes, phone numbers, e-mail addresses, and the tree reader that collects problems."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from composer.core.model import Report

E = TypeVar("E", bound=Enum)

UNKNOWN_KEY = "unknown key (check the spelling)"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InvalidIncident(ValueError):
    """The input is not a valid incident; ``problems`` lists all that is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,30}([ ]*(转|ext\.?|x)[ ]*[0-9]{1,6})?$")
_EMAIL_RE = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")


def credit_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid unified social credit code (GB 32100-2015), or None."""
    if len(code) != 18:
        return f"must be 18 characters, got {len(code)}"
    bad = sorted({c for c in code if c not in _CREDIT_ALPHABET})
    if bad:
        return f"contains characters not allowed in a credit code: {''.join(bad)}"
    total = sum(_CREDIT_ALPHABET.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS))
    expected = _CREDIT_ALPHABET[(31 - total % 31) % 31]
    if code[17] != expected:
        return f"checksum character is {code[17]}, expected {expected}"
    return None


def parse_time(text: str) -> datetime:
    """ISO 8601 date-time that must carry a UTC offset. Raises ValueError with a reason."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO 8601 date-time: {text!r}") from None
    if len(text) <= 10:
        raise ValueError(f"needs a time of day and a UTC offset: {text!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"needs a UTC offset, e.g. {text}+08:00")
    return value


class Reader:
    """Walks the JSON tree, converting values and collecting problems under their paths."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(self, value: Any, path: str, allowed: tuple[str, ...]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(path, f"must be an object, got {kind_of(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.fail(join_path(path, key), UNKNOWN_KEY)
        return value

    def text(self, m: Mapping[str, Any], key: str, path: str, required: bool = False,
             why: str = "") -> str | None:
        p = join_path(path, key)
        value = m.get(key)
        if value is None:
            if required:
                self.fail(p, "is required" + (f" {why}" if why else ""))
            return None
        if not isinstance(value, str):
            self.fail(p, f"must be a string, got {kind_of(value)}")
            return None
        if "\x00" in value:
            self.fail(p, "contains a NUL character")
            return None
        if required and not value.strip():
            self.fail(p, "must not be empty" + (f" {why}" if why else ""))
            return None
        return value

    def time(self, m: Mapping[str, Any], key: str, path: str,
             required: bool = False, why: str = "") -> datetime | None:
        raw = self.text(m, key, path, required=required, why=why)
        if raw is None:
            return None
        try:
            return parse_time(raw)
        except ValueError as exc:
            self.fail(join_path(path, key), str(exc))
            return None

    def choice(self, m: Mapping[str, Any], key: str, path: str, enum: type[E],
               required: bool = False) -> E | None:
        p = join_path(path, key)
        value = m.get(key)
        if value is None:
            if required:
                self.fail(p, "is required: one of " + ", ".join(e.value for e in enum))
            return None
        try:
            return enum(value)
        except ValueError:
            self.fail(p, "must be one of " + ", ".join(e.value for e in enum))
            return None

    def number(self, m: Mapping[str, Any], key: str, path: str, whole: bool,
               maximum: float | None = None) -> Any:
        p = join_path(path, key)
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(p, f"must be a number, got {kind_of(value)}")
            return None
        if not math.isfinite(value):
            self.fail(p, "must be a finite number")
            return None
        if value < 0:
            self.fail(p, f"must not be negative, got {value}")
            return None
        if whole:
            if isinstance(value, float) and not value.is_integer():
                self.fail(p, f"must be a whole number, got {value}")
                return None
            value = int(value)
        if maximum is not None and value > maximum:
            self.fail(p, f"must be at most {maximum:g}, got {value}")
            return None
        return value


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def kind_of(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


def is_phone(text: str) -> bool:
    """A plausible phone number: digits with spaces, dashes, brackets, optional extension."""
    return bool(_PHONE_RE.match(text.strip()))


def is_email(text: str) -> bool:
    """A plausible single e-mail address (no display name, no list)."""
    return bool(_EMAIL_RE.match(text.strip()))


FUTURE_TOLERANCE = timedelta(minutes=5)   # clock skew between workstations


def timing_warnings(report: Report, now: datetime) -> list[Problem]:
    """Times in the future: not invalid (a file may be prepared ahead), but almost always a
    mistyped date — and a discovery time in the future would make every deadline look far off."""
    inc = report.incident
    times = (("incident.discovered_at", inc.discovered_at),
             ("incident.occurred_at", inc.occurred_at),
             ("incident.handling_completed_at", inc.handling_completed_at),
             ("incident.ransom.demanded_at", inc.ransom.demanded_at if inc.ransom else None))
    return [Problem(path, FUTURE_TIME) for path, moment in times
            if moment is not None and moment > now + FUTURE_TOLERANCE]


FUTURE_TIME = "is in the future (check the date)"
