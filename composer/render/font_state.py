"""The parsed state of a reportlab TrueType face as plain data, and back (for
:mod:`composer.render.font_cache`).

:func:`encode` turns a parsed ``TTFontFace`` into dicts, lists, ints, floats, strings and bytes
that ``marshal`` can store (names as (kind, bytes, text); the fields only subsetting or shaping
read — ``glyphToChar``, ``hmetrics``, ``glyphPos`` — packed apart, to be decoded when first
used); :func:`decode` and :func:`unpack_lazy` turn stored data back, checking every field's
type and shape with C-speed set operations, and give None for anything a real parse could not
have produced. ``encode`` refuses (None) a face it cannot store exactly.
"""

from __future__ import annotations

import itertools
import marshal
from array import array
from typing import Any

from reportlab.pdfbase import ttfonts

FORMAT = 2
"""Bump when the stored layout changes (old files then simply miss)."""
NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
NOT_STORED = frozenset({"_ttf_data", "_pdfScale", "filename", *NAME_FIELDS})
"""The file's bytes, a lambda and the path are supplied when the face is built; the names are
stored apart."""


EAGER_MAPS = ("charToGlyph", "charWidths")
LAZY = ("glyphToChar", "hmetrics", "glyphPos")
"""Fields only subsetting (hmetrics, glyphPos) or shaping (glyphToChar) reads: decoded when
first used, so a face that is only measured or looked up never pays for them."""


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
    if not valid_eager(state):
        return None
    lazy = {}
    for field in LAZY:
        blob = pack_lazy(field, state.pop(field, None), state["numGlyphs"])
        if blob is None:
            return None
        lazy[field] = blob
    return {"format": FORMAT, "names": names, "state": state, "lazy": lazy}


def decode(payload: Any) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    if type(payload) is not dict or payload.get("format") != FORMAT:
        return None
    state, names, lazy = payload["state"], payload["names"], payload["lazy"]
    if type(state) is not dict or type(names) is not dict or type(lazy) is not dict:
        return None
    if sorted(lazy) != sorted(LAZY) or not _all(lazy.values(), bytes):
        return None
    if any(field in state for field in (*LAZY, *NOT_STORED)):
        return None
    for field in NAME_FIELDS:
        kind, raw, text = names[field]
        if type(raw) is not bytes or type(text) is not str:
            return None
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
    return state, lazy


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


def valid_eager(s: dict[str, Any]) -> bool:
    """Every field but the lazy ones has the type and shape a real parse gives."""
    try:
        glyphs = s["numGlyphs"]
        c2g, widths = s["charToGlyph"], s["charWidths"]
        table, tables = s["table"], s["tables"]
        if not (type(glyphs) is int and glyphs > 0 and type(s["unitsPerEm"]) is int
                and s["unitsPerEm"] > 0):
            return False
        checks = [
            type(c2g) is dict and _all(c2g, int) and _all(c2g.values(), int)
            and (not c2g or 0 <= min(c2g.values()) <= max(c2g.values()) < glyphs),
            type(widths) is dict and _all(widths, int) and _all(widths.values(), *_NUMBER),
            type(tables) is list and _all(tables, dict) and type(table) is dict
            and all(type(t["tag"]) is str and _all((t["checksum"], t["offset"], t["length"]), int)
                    for t in tables)
            and table == {t["tag"]: t for t in tables},
            type(s["bbox"]) is list and len(s["bbox"]) == 4 and _all(s["bbox"], *_NUMBER),
            all(type(s[k]) in _NUMBER for k in ("ascent", "descent", "capHeight", "italicAngle",
                                                  "stemV", "flags", "defaultWidth")),
        ]
        for k, v in s.items():
            if k in NAME_FIELDS or k in LAZY or k in (*EAGER_MAPS, "table", "tables", "bbox"):
                continue
            if type(v) is tuple or type(v) is list:
                checks.append(_all(v, *_SCALARS))
            elif type(v) is dict:
                checks.append(not v)
            else:
                checks.append(type(v) in _SCALARS)
        return all(checks)
    except (KeyError, TypeError, AttributeError):
        return False


def pack_lazy(field: str, value: Any, glyphs: int) -> bytes | None:
    """A lazy field as bytes: glyphToChar marshalled; hmetrics (pairs of ushorts, as the parser
    reads them) and glyphPos as machine arrays, a typecode byte first — a tenth of the time of
    a list of tuples to load. None unless the value has the shape a parse gives (then what
    :func:`unpack_lazy` returns is equal to it: marshal and arrays of ints are exact)."""
    try:
        if field == "glyphToChar":
            if _glyph_to_char_ok(value):
                return marshal.dumps(value, 4)
        elif field == "hmetrics":
            if (type(value) is list and len(value) == glyphs and _all(value, tuple)
                    and set(map(len, value)) <= {2}):
                flat = list(itertools.chain.from_iterable(value))
                if _all(flat, int):
                    return b"H" + array("H", flat).tobytes()   # OverflowError: not ushorts
                if _all(flat, *_NUMBER):       # scaled (float) advances: fonts not in 1000
                    return b"m" + marshal.dumps(value, 4)  # units/em repeat the last one
        elif (field == "glyphPos" and type(value) is list and len(value) == glyphs + 1
              and _all(value, int)):
            for code in "HILQ":
                try:
                    return code.encode("ascii") + array(code, value).tobytes()
                except OverflowError:
                    continue
    except (ValueError, TypeError, OverflowError):
        pass
    return None


def _glyph_to_char_ok(value: Any) -> bool:
    return (type(value) is dict and _all(value, int) and _all(value.values(), list)
            and _all(itertools.chain.from_iterable(value.values()), int))


def unpack_lazy(field: str, blob: Any, s: dict[str, Any]) -> Any:
    """The value :func:`pack_lazy` packed, checked for type and shape; None if unusable."""
    glyphs = s["numGlyphs"]
    try:
        if type(blob) is not bytes:
            return None
        if field == "glyphToChar":
            value = marshal.loads(blob)
            return value if _glyph_to_char_ok(value) else None
        code, raw = blob[:1].decode("ascii"), blob[1:]
        if field == "hmetrics" and code == "H":
            pairs = array("H", raw)
            if len(pairs) != 2 * glyphs:
                return None
            return list(zip(pairs[0::2], pairs[1::2]))
        if field == "hmetrics" and code == "m":
            value = marshal.loads(raw)
            ok = (type(value) is list and len(value) == glyphs and _all(value, tuple)
                  and set(map(len, value)) <= {2}
                  and _all(itertools.chain.from_iterable(value), *_NUMBER))
            return value if ok else None
        if field == "glyphPos" and code in ("H", "I", "L", "Q"):
            positions = array(code, raw)
            glyf = s["table"].get("glyf")
            if len(positions) != glyphs + 1 or (glyf is not None
                                                and max(positions) > glyf["length"]):
                return None
            return positions.tolist()
    except (ValueError, TypeError, EOFError, UnicodeDecodeError):
        pass
    return None
