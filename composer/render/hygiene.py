"""One text hygiene for every output: what may reach a printed page and what may not.

Qt-free, no reportlab. :func:`printable` is the text a PDF's text layer (report, fax cover,
anything drawn through :func:`composer.render.fonts.paragraph_markup`) gets: control characters
(ESC, BEL, BS, VT, FF, …, DEL and C1 controls, keeping line breaks and tabs) and bidi
embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) are removed — a right-to-left
override would reverse a phone number on paper and in every copy-paste. The e-mail bodies and the
PDF's document title keep the text as typed (the user's own record); :func:`findings` names what
was removed so the app and the CLI can warn, field by field.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
"""LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI."""

_KEEP = frozenset("\n\r\t")


def removed_char(ch: str) -> bool:
    """Whether :func:`printable` drops ``ch``."""
    if ch in _KEEP:
        return False
    return ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc"


def printable(text: str) -> str:
    """``text`` without control characters and bidi controls (line breaks and tabs kept)."""
    if text.isprintable():
        return text
    return "".join(ch for ch in text if not removed_char(ch))


def describe(ch: str) -> str:
    """``U+001B ESCAPE``-style label (control characters have no Unicode name)."""
    name = unicodedata.name(ch, "")
    if not name:
        name = _CONTROL_NAMES.get(ch, "control character")
    return f"U+{ord(ch):04X} {name}"


_CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION",
                  "\x0c": "FORM FEED", "\x1b": "ESCAPE", "\x7f": "DELETE"}


def findings(text: str) -> list[str]:
    """Each distinct character :func:`printable` removes from ``text``, described, in order."""
    if text.isprintable():
        return []
    seen: dict[str, str] = {}
    for ch in text:
        if ch not in seen and removed_char(ch):
            seen[ch] = describe(ch)
    return list(seen.values())
