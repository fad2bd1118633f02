"""One text hygiene for every output: what of the typed text may reach a page, a header or a
copy-paste, decided once.

Qt-free. :func:`clean_report` is applied once to the whole :class:`~composer.core.model.Report`
before any output is made (the package builder, the CLI's ``render``/``script``/``calendar``, the
app's draft — :meth:`composer.core.draft.Draft.report`): the PDF (its text *and* its metadata),
the fax, the e-mail (headers and bodies), the phone script, the web-form fields and the calendar
all get the same cleaned text. It

* removes control characters (ESC, BEL, BS, VT, FF, …, DEL and C1 controls; tab and line
  breaks are kept),
* removes bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: an RLO reverses
  13800138000 into 00083100831 on screen and in every copy) and every other invisible format
  character (Unicode category Cf: ZWSP, ZWNJ/ZWJ, LRM/RLM/ALM, word joiner, BOM, soft hyphen,
  tag characters …), variation selectors, the combining grapheme joiner and the Hangul fillers,
* turns the line and paragraph separators (U+2028, U+2029) and NEL (U+0085) into line breaks,

and says, per field, what it did (:class:`Finding`), so the CLI, manifest.json and the app can
warn once per field. Characters that are visible but that no bundled font has are *not* this
module's business: the PDF prints them as 〔U+XXXX〕 placeholders (``composer.render.fonts``).
Cleaning is idempotent: a clean report comes back unchanged (the same object).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import NamedTuple, TypeVar

from composer.core.model import Report

BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
"""LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI."""

LINE_BREAKS = frozenset("\u2028\u2029\x85")
"""Line separator, paragraph separator and NEL: written as ``\\n``."""

_INVISIBLE_PRINTABLE = frozenset(
    [chr(c) for c in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0),   # variation selectors
                      0x180B, 0x180C, 0x180D, 0x180F,                      # Mongolian FVS
                      0x034F,                                              # grapheme joiner
                      0x115F, 0x1160, 0x3164, 0xFFA0)])                   # Hangul fillers
"""Invisible characters Python counts as printable (category Mn or Lo)."""

_CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION",
                  "\x0c": "FORM FEED", "\x1b": "ESCAPE", "\x7f": "DELETE",
                  "\x85": "NEXT LINE (NEL)"}

# Text made only of these needs no look at each character: printable ASCII with tab and line
# breaks, Latin, Greek/Cyrillic, general punctuation without U+2028–U+202F and U+2060–U+206F,
# CJK symbols, kana and ideographs, Hangul syllables, full-width forms (without U+FFA0).
_PLAIN = re.compile("[\t\n\r\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u052f\u2010-\u2027"
                    "\u2030-\u205f\u2070-\u2e7f\u2e80-\u312f\u3190-\u9fff\uac00-\ud7a3"
                    "\uff01-\uff9f\uffa1-\uffef]*")


@lru_cache(maxsize=4096)
def _action(ch: str) -> str | None:
    """What becomes of ``ch``: None (kept), ``""`` (removed) or ``"\\n"`` (a line break)."""
    if ch in "\t\n\r":
        return None
    if ch in LINE_BREAKS:
        return "\n"
    if ch in _INVISIBLE_PRINTABLE or unicodedata.category(ch) in ("Cc", "Cf"):
        return ""
    return None


def describe(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE``-style label (control characters have no Unicode name)."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "control character")
    return f"U+{ord(ch):04X} {name}"


@dataclass(frozen=True, slots=True)
class Finding:
    """What the hygiene did to one field: characters removed and line separators written as
    line breaks (each ``U+XXXX NAME``, distinct, in order of first occurrence)."""

    path: str                          # JSON path, e.g. ``incident.description``
    removed: tuple[str, ...] = ()
    line_breaks: tuple[str, ...] = ()

    def message(self) -> str:
        """One line for the CLI and the app (fits :data:`composer.core.validators.MESSAGE_SHOWN`),
        e.g. ``removed from every output: U+202E RIGHT-TO-LEFT OVERRIDE``. Many characters are
        named by code point only (manifest.json keeps every name)."""
        parts = []
        if self.removed:
            parts.append("removed from every output: " + _names(self.removed, 200))
        if self.line_breaks:
            parts.append("written as line breaks: " + _names(self.line_breaks, 60))
        return "; ".join(parts)


def _names(names: tuple[str, ...], room: int) -> str:
    """``names`` joined, or their code points alone when that is too long for ``room``."""
    text = ", ".join(names)
    if len(text) <= room:
        return text
    codes = [name.split(" ", 1)[0] for name in names]
    shown: list[str] = []
    for i, code in enumerate(codes):
        if len(", ".join([*shown, code])) > room - 16:
            return ", ".join(shown) + f" and {len(codes) - i} more"
        shown.append(code)
    return ", ".join(shown)


def clean_text(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """``(clean text, removed, turned into line breaks)`` for one text."""
    if _PLAIN.fullmatch(text):
        return text, (), ()
    out: list[str] = []
    removed: dict[str, None] = {}
    breaks: dict[str, None] = {}
    for ch in text:
        action = _action(ch)
        if action is None:
            out.append(ch)
        elif action:
            out.append(action)
            breaks[describe(ch)] = None
        else:
            removed[describe(ch)] = None
    return "".join(out), tuple(removed), tuple(breaks)


def clean(text: str) -> str:
    """``text`` cleaned (:func:`clean_text` without the findings)."""
    return clean_text(text)[0]


class CleanReport(NamedTuple):
    """A report with clean text, and one :class:`Finding` per field that was changed."""

    report: Report
    findings: tuple[Finding, ...]


_T = TypeVar("_T")


def _clean_node(node: _T, path: str, findings: list[Finding]) -> _T:
    changes: dict[str, object] = {}
    for f in dataclasses.fields(node):  # type: ignore[arg-type]
        value = getattr(node, f.name)
        where = f"{path}.{f.name}" if path else f.name
        if isinstance(value, Enum):
            continue
        if isinstance(value, str):
            text, removed, breaks = clean_text(value)
            if text != value:
                changes[f.name] = text
                findings.append(Finding(where, removed, breaks))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            cleaned = _clean_node(value, where, findings)
            if cleaned is not value:
                changes[f.name] = cleaned
    return dataclasses.replace(node, **changes) if changes else node  # type: ignore[type-var]


def clean_report(report: Report) -> CleanReport:
    """Every text of ``report`` cleaned, with what was done, field by field (in field order).
    Enumerations, numbers and times are left alone; a clean report is returned as it is."""
    findings: list[Finding] = []
    return CleanReport(_clean_node(report, "", findings), tuple(findings))
