"""Value checks shared by the incident loader: problems with JSON paths, times with offsets,
credit codes, phone numbers, e-mail addresses, and the tree reader that collects problems."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from composer.core.addresses import is_address
from composer.core.hygiene import clean

if TYPE_CHECKING:
    from composer.core.model import Report

E = TypeVar("E", bound=Enum)

UNKNOWN_KEY = "unknown key (check the spelling)"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        """One terminal-safe line: control characters escaped, path and message bounded."""
        return f"{printable(self.path, PATH_SHOWN)}: {printable(self.message, MESSAGE_SHOWN)}"


class InvalidIncident(ValueError):
    """The input is not a valid incident; ``problems`` lists all that is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(problem_lines(problems, 20)))


def problem_lines(problems: list[Problem], limit: int = 100) -> list[str]:
    """One safe ``path: message`` line per problem, the first ``limit`` and a count of the rest."""
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"$: … and {len(problems) - limit:,} more problems")
    return lines


# --- bounds: what the regulation can mean (README "Input limits" says why) -------------------
HOURS_MAX = 87_600                        # 10 years of 365 days, in hours
PEOPLE_MAX = 10_000_000_000               # above the world's population (≈ 8.2 billion)
COUNT_MAX = 1_000_000_000_000             # reposts and page views: counts, not people
YUAN_MAX = 10_000_000_000_000             # 10 trillion yuan (≈ 8 % of China's yearly GDP)
NUMBER_MAX = 1_000_000_000_000_000        # any other number: still exact as a float
_NUMBER_BOUNDS: dict[str, tuple[int, str]] = {
    "hours": (HOURS_MAX, "10 years"),
    "yuan": (YUAN_MAX, "10 trillion yuan"),
    "people": (PEOPLE_MAX, "more than the world's population"),
    "count": (COUNT_MAX, "one trillion"),
}
_PEOPLE_KEYS = frozenset({"people_services_affected", "personal_info_leaked"})
_COUNT_KEYS = frozenset({"reposts", "views"})

_CHINA = timezone(timedelta(hours=8))
TIME_MIN = datetime(2000, 1, 1, tzinfo=_CHINA)          # inclusive, China time
TIME_END = datetime(2101, 1, 1, tzinfo=_CHINA)          # exclusive: up to 2100-12-31 24:00
OFFSET_MAX = timedelta(hours=14)                         # the widest UTC offset in use

LINE_MAX = 200          # names, title, province, departments, ransom amount and method, police_report.to
PHONE_MAX = 64
EMAIL_MAX = 254         # RFC 5321's limit for a forward path
TIME_TEXT_MAX = 64      # an ISO 8601 date-time with fractions and offset is ≤ 32
TEXT_MAX = 20_000       # each long text (description, measures, …): ~13 printed pages
LINES_MAX = 200         # lines of each long text: each starts a printed paragraph (README "Input limits")
_LINE_KEYS = frozenset({"name", "title", "province", "protection_department", "cac_office",
                        "credit_code", "category", "amount", "method", "format",
                        "report_type", "to"})
_KEY_LIMITS = {"phone": PHONE_MAX, "email": EMAIL_MAX}

INPUT_MAX_BYTES = 8 * 1024 * 1024   # a file holding every text at its limit is < 3 MiB
DEPTH_MAX = 16                      # composer-incident/1 nests 4 deep
PROBLEMS_MAX = 100                  # problems reported from one input (the rest are counted)
PATH_SHOWN = 120                    # characters of a JSON path shown in an error line
MESSAGE_SHOWN = 300
ECHO_SHOWN = 40                     # characters of the input echoed in a message

_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,30}([ ]*(转|ext\.?|x)[ ]*[0-9]{1,6})?$")


def credit_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid unified social credit code (GB 32100-2015), or None."""
    if len(code) != 18:
        return f"must be 18 characters, got {len(code)}"
    bad = sorted({c for c in code if c not in _CREDIT_ALPHABET})
    if bad:
        return f"contains characters not allowed in a credit code: {''.join(bad)}"
    total = sum(_CREDIT_ALPHABET.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    expected = _CREDIT_ALPHABET[(31 - total % 31) % 31]
    if code[17] != expected:
        return f"checksum character is {code[17]}, expected {expected}"
    return None


def shown(text: str, limit: int = ECHO_SHOWN) -> str:
    """Input text quoted for an error message: escaped like ``repr`` (control characters, line
    breaks and unpaired surrogates become ``\\x1b``-style escapes) and cut to ``limit``."""
    return repr(text[:limit]) + ("…" if len(text) > limit else "")


def printable(text: str, limit: int) -> str:
    """``text`` with every non-printable character escaped, cut to about ``limit``."""
    if len(text) > limit:
        text = text[:limit] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown_number(value: float) -> str:
    """A number for an error message, never thousands of digits."""
    if isinstance(value, float):
        return f"{value:.6g}" if math.isfinite(value) else "a number too large to represent"
    if abs(value) < 10**16:
        return str(value)
    return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"


def text_problem(text: str, single_line: bool) -> str | None:
    """Why ``text`` cannot be stored and printed, or None: an unpaired surrogate (not a
    character at all: it breaks UTF-8 output, the PDF and every autosave), a control
    character (ESC would reach a terminal), or a line break in a one-line field."""
    if text.isprintable():
        return None
    for i, c in enumerate(text):
        if c.isprintable() or c == " ":
            continue
        code = ord(c)
        if 0xD800 <= code <= 0xDFFF:
            return f"contains an unpaired surrogate (U+{code:04X}) at character {i + 1}"
        if c in "\n\r\u2028\u2029\x85":
            if single_line:
                return f"must be a single line (line break at character {i + 1})"
            continue
        if c == "\x00":
            return "contains a NUL character"
        if c == "\t" or unicodedata.category(c) != "Cc":
            continue   # tabs; format characters (ZWJ, bidi marks) are the fonts' concern
        return f"contains a control character (U+{code:04X}) at character {i + 1}"
    return None


def line_count(text: str) -> int:
    """Lines of ``text`` as the PDF prints them (CR LF, CR, LF, U+2028, U+2029 and NEL each end
    a line), counted at C speed."""
    return (1 + text.count("\n") + text.count("\r") - text.count("\r\n") + text.count("\u2028")
            + text.count("\u2029") + text.count("\x85"))


def parse_time(text: str) -> datetime:
    """ISO 8601 date-time that must carry a UTC offset, between 2000-01-01 and 2100-12-31
    (China time) with an offset of at most ±14:00. Raises ValueError with a reason."""
    if len(text) > TIME_TEXT_MAX:
        raise ValueError(f"not an ISO 8601 date-time: {shown(text)}")
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO 8601 date-time: {shown(text)}") from None
    if len(text) <= 10:
        raise ValueError(f"needs a time of day and a UTC offset: {shown(text)}")
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(f"needs a UTC offset, e.g. {text}+08:00")
    if abs(offset) > OFFSET_MAX:
        raise ValueError("UTC offset must be between -14:00 and +14:00")
    if not TIME_MIN <= value < TIME_END:
        raise ValueError("must be between 2000-01-01 and 2100-12-31")
    return value


def number_bound(key: str) -> tuple[int, str]:
    """The largest value a number field may hold, and why (by the field's name)."""
    if key == "hours" or key.endswith("_hours"):
        return _NUMBER_BOUNDS["hours"]
    if key.endswith("_yuan"):
        return _NUMBER_BOUNDS["yuan"]
    if key in _PEOPLE_KEYS:
        return _NUMBER_BOUNDS["people"]
    if key in _COUNT_KEYS:
        return _NUMBER_BOUNDS["count"]
    return NUMBER_MAX, ""


def text_limit(key: str) -> tuple[int, bool]:
    """(maximum length in characters, single line?) of a text field, by its name."""
    if key in _KEY_LIMITS:
        return _KEY_LIMITS[key], True
    if key in _LINE_KEYS:
        return LINE_MAX, True
    return TEXT_MAX, False


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
        limit, single_line = text_limit(key)
        if len(value) > limit:
            self.fail(p, f"is too long: {len(value):,} characters, at most {limit:,}")
            return None
        why_bad = text_problem(value, single_line)
        if why_bad:
            self.fail(p, why_bad)
            return None
        lines = 1 if single_line else line_count(value)
        if lines > LINES_MAX:
            self.fail(p, f"has too many lines: {lines:,}, at most {LINES_MAX:,} (join short "
                         "lines; every line break starts a printed line)")
            return None
        if required and not clean(value).strip():   # invisible characters leave it empty
            self.fail(p, "must not be empty" + (f" {why}" if why else "") + (
                " (it holds only invisible characters)" if value.strip() else ""))
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
        # Bounded first: a huge integer must never reach float(), a huge float never int().
        bound, why = (maximum, "") if maximum is not None else number_bound(key)
        if isinstance(value, float) and math.isnan(value):
            self.fail(p, "must be a finite number")
            return None
        if value < 0:
            self.fail(p, f"must not be negative, got {shown_number(value)}")
            return None
        if value > bound:
            self.fail(p, f"must be at most {bound:,}" + (f" ({why})" if why else "")
                      + f", got {shown_number(value)}")
            return None
        if whole:
            if isinstance(value, float) and not value.is_integer():
                self.fail(p, f"must be a whole number, got {shown_number(value)}")
                return None
            value = int(value)
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
    """One plain e-mail address (no display name, no list, no encoded word): see
    :mod:`composer.core.addresses`, the one definition the renderer uses too."""
    return is_address(text)


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


def structure_problems(data: Any) -> list[Problem]:
    """Problems of a parsed JSON tree as a whole, found without recursion: nesting deeper than
    :data:`DEPTH_MAX`, and keys or strings holding an unpaired surrogate (anywhere, even under
    an unknown key: the app keeps what it opens and must be able to save it again)."""
    problems: list[Problem] = []
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack and len(problems) < PROBLEMS_MAX:
        node, path, depth = stack.pop()
        if isinstance(node, str):
            if not _has_surrogate(node):
                continue
            problems.append(Problem(path or "$", text_problem(node, False) or ""))
            continue
        if isinstance(node, dict):
            items: list[tuple[str, Any]] = [(join_path(path, str(k)), v) for k, v in node.items()]
            problems += [Problem(join_path(path, str(k)), "key contains an unpaired surrogate")
                         for k in node if _has_surrogate(str(k))]
        elif isinstance(node, list):
            items = [(f"{path}[{i}]", v) for i, v in enumerate(node)]
        else:
            continue
        if depth >= DEPTH_MAX:
            problems.append(Problem(path or "$", f"nested more than {DEPTH_MAX} levels deep"))
            continue
        stack.extend((v, p, depth + 1) for p, v in reversed(items))
    return problems[:PROBLEMS_MAX]


def _has_surrogate(text: str) -> bool:
    if text.isprintable():
        return False
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)
