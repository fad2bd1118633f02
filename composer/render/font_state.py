"""The parsed state of a reportlab TrueType face, less what it draws with, as plain data and
back (for :mod:`composer.render.font_cache`).

:func:`encode` turns a parsed ``TTFontFace`` into dicts, lists, ints, floats, strings and bytes
that ``marshal`` can store — everything but the fields of
:data:`composer.render.font_glyphs.GLYPH_FIELDS` (the character → glyph map, the widths, the
metrics and glyph positions), which are never stored: they are read from the font file in
every process (a cache file cannot change which glyph a character prints as, or its width).
What is stored is the rest: names (as (kind, bytes, text)), the table directory, the scalar
metrics (ascent, descent, bounding box …). :func:`decode` turns stored data back, checking
every field's type and shape, and gives None for anything a real parse could not have
produced. ``encode`` refuses (None) a face it cannot store exactly.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import ttfonts

from composer.render.font_glyphs import GLYPH_FIELDS

FORMAT = 3
"""Bump when the stored layout changes (old files then simply miss)."""
NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
NOT_STORED = frozenset({"_ttf_data", "_pdfScale", "filename", *NAME_FIELDS, *GLYPH_FIELDS})
"""The file's bytes, a lambda and the path are supplied when the face is built, the glyph
fields read from the file; the names are stored apart."""


def encode(face: ttfonts.TTFontFace) -> dict[str, Any] | None:
    """The face's parsed state as plain data, or None if it cannot be stored exactly."""
    state = {k: v for k, v in vars(face).items() if k not in NOT_STORED}
    names = {}
    for field in NAME_FIELDS:
        value = getattr(face, field, None)
        if isinstance(value, ttfonts.TTFNameBytes):
            names[field] = ("n", bytes(value), value.ustr)
        elif type(value) is bytes:
            names[field] = ("b", value, "")
        elif type(value) is str:
            names[field] = ("s", b"", value)
        else:
            return None
    if bytes(face.name).startswith(b"_RL_"):      # auto-generated name (time-dependent)
        return None
    if not valid(state):
        return None
    return {"format": FORMAT, "names": names, "state": state}


def decode(payload: Any) -> dict[str, Any] | None:
    """The stored state with its names, or None if it is not what :func:`encode` writes."""
    if type(payload) is not dict or payload.get("format") != FORMAT:
        return None
    state, names = payload.get("state"), payload.get("names")
    if type(state) is not dict or type(names) is not dict or set(payload) != {
            "format", "names", "state"}:
        return None
    if any(field in state for field in NOT_STORED) or not valid(state):
        return None
    for field in NAME_FIELDS:
        entry = names.get(field)
        if type(entry) is not tuple or len(entry) != 3:
            return None
        kind, raw, text = entry
        if type(raw) is not bytes or type(text) is not str:
            return None
        value: bytes | str
        if kind == "n":
            value = ttfonts.TTFNameBytes(raw, "utf8")
            if value != raw or value.ustr != text:
                return None
        elif kind == "b":
            value = raw
        elif kind == "s":
            value = text
        else:
            return None
        state[field] = value
    return state


def directory_of(state: dict[str, Any]) -> list[tuple[str, int, int, int]] | None:
    tables = state.get("tables")
    if type(tables) is not list:
        return None
    try:
        return [(t["tag"], t["checksum"], t["offset"], t["length"]) for t in tables]
    except (TypeError, KeyError):
        return None


_NUMBER = (int, float)
_SCALARS = (int, float, bool, str, bytes, type(None))


def _all(values: Any, *kinds: type) -> bool:
    """Every value is of exactly one of ``kinds`` (C-speed: a set of the types)."""
    return set(map(type, values)) <= set(kinds)


def valid(s: dict[str, Any]) -> bool:
    """Every stored field has the type and shape a real parse gives."""
    try:
        table, tables = s["table"], s["tables"]
        if not (type(s["numGlyphs"]) is int and s["numGlyphs"] > 0
                and type(s["unitsPerEm"]) is int and s["unitsPerEm"] > 0):
            return False
        checks = [
            type(tables) is list and _all(tables, dict) and type(table) is dict
            and all(set(t) == {"tag", "checksum", "offset", "length"} and type(t["tag"]) is str
                    and _all((t["checksum"], t["offset"], t["length"]), int) for t in tables)
            and table == {t["tag"]: t for t in tables},
            type(s["bbox"]) is list and len(s["bbox"]) == 4 and _all(s["bbox"], *_NUMBER),
            all(type(s[k]) in _NUMBER for k in ("ascent", "descent", "capHeight", "italicAngle",
                                                  "stemV", "flags")),
        ]
        for k, v in s.items():
            if k in NAME_FIELDS or k in ("table", "tables", "bbox"):
                continue
            if type(v) is tuple or type(v) is list:
                checks.append(len(v) <= 64 and _all(v, *_SCALARS))
            elif type(v) is dict:
                checks.append(not v)
            else:
                checks.append(type(v) in _SCALARS)
        return all(checks)
    except (KeyError, TypeError, AttributeError):
        return False
