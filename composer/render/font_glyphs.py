"""What a TrueType face draws, read from the font file itself at C speed: the character → glyph
map (cmap formats 4 and 12), the widths, the horizontal metrics and the glyph positions — the
fields of reportlab's ``TTFontFace`` that decide which glyph a character prints as and where.

:mod:`composer.render.font_cache` never stores these (issue 20: a cache file with swapped
glyphs and a recomputed checksum once changed printed digits); it reads them here, from the
very bytes the face then embeds, in every process. reportlab's own parser does the same work
one value at a time in Python (≈ 50 ms a CJK face); here the tables are read as machine arrays
(≈ 5 ms). :func:`read` follows reportlab's ``TTFontFile.extractInfo`` step by step — which cmap
subtable it picks, the arithmetic of each format, the widths of glyphs past
``numberOfHMetrics``, the U+0020/U+00A0 alias — and the cache only serves a face whose
fields computed here were equal, in value and order, to reportlab's parse of the same bytes
(:func:`same_as_parsed`); any other font is parsed by reportlab every time.
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, repeat
from operator import add, sub
from typing import Any

GLYPH_FIELDS = ("charToGlyph", "charWidths", "defaultWidth", "glyphToChar", "hmetrics",
                "glyphPos")
"""The face's fields this module computes (nothing a cache file says is used for them)."""
CHARS_MAX = 0x110000
"""Characters a cmap may map (Unicode's code space); a table claiming more is not read here."""


@dataclass(frozen=True, slots=True)
class Glyphs:
    """The fields of :data:`GLYPH_FIELDS`: the maps eager, what only subsetting and shaping
    read (``glyph_to_char``, ``hmetrics``, ``glyph_pos``) computed on demand."""

    char_to_glyph: dict[int, int]
    char_widths: dict[int, Any]
    default_width: Any
    alias: tuple[int, int | None] | None
    """The space reportlab aliased after reading the cmap (U+00A0 or U+0020) and the glyph the
    cmap itself gave it (None: none), which its glyph → characters map keeps."""
    _advances: array[int]
    _lsbs: array[int]
    _last: Any
    _loca: array[int]
    _short_loca: bool

    def glyph_to_char(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        alias, original = self.alias if self.alias is not None else (-1, None)
        for char, glyph in self.char_to_glyph.items():
            if char == alias:
                if original is None:
                    continue
                glyph = original
            found.setdefault(glyph, []).append(char)
        return found

    def hmetrics(self) -> list[tuple[Any, int]]:
        """(advance, left side bearing) a glyph: reportlab repeats the last advance *scaled*."""
        pairs = self._advances
        found: list[tuple[Any, int]] = list(zip(pairs[0::2].tolist(), pairs[1::2].tolist(), strict=False))
        found += zip([self._last] * len(self._lsbs), self._lsbs.tolist(), strict=True)
        return found

    def glyph_pos(self) -> list[int]:
        if self._short_loca:
            return [p << 1 for p in self._loca]
        return self._loca.tolist()

    def fields(self) -> dict[str, Any]:
        return {"charToGlyph": self.char_to_glyph, "charWidths": self.char_widths,
                "defaultWidth": self.default_width, "glyphToChar": self.glyph_to_char(),
                "hmetrics": self.hmetrics(), "glyphPos": self.glyph_pos()}


def _ushorts(data: bytes, offset: int, count: int) -> array[int]:
    values = array("H", data[offset:offset + 2 * count])
    if len(values) != count:
        raise ValueError("table cut short")
    if sys.byteorder == "little":
        values.byteswap()
    return values


def _ulongs(data: bytes, offset: int, count: int) -> array[int]:
    values = array("I", data[offset:offset + 4 * count])
    if values.itemsize != 4 or len(values) != count:
        raise ValueError("table cut short")
    if sys.byteorder == "little":
        values.byteswap()
    return values


def read(data: bytes, tables: dict[str, tuple[int, int]],
         scale: Callable[[int], Any] | None) -> Glyphs | None:
    """The glyph fields of the face whose tables (tag → (offset, length)) are in ``data``, with
    reportlab's ``scale`` of font units (None: 1000 units an em, which reportlab leaves as they
    are); None where this module does not read the font as
    reportlab does (another cmap format, a cut table …): then the cache is not used."""
    try:
        head, hhea, maxp = tables["head"][0], tables["hhea"][0], tables["maxp"][0]
        (loca_format,) = struct.unpack_from(">h", data, head + 50)
        (metrics,) = struct.unpack_from(">H", data, hhea + 34)
        (glyphs,) = struct.unpack_from(">H", data, maxp + 4)
        mapped = _mapped(data, tables["cmap"])
        if mapped is None or not 0 < metrics <= glyphs:
            return None
        char_to_glyph, by_glyph = dict(mapped[0]), mapped[1]   # a copy: aliased below
        pairs = _ushorts(data, tables["hmtx"][0], 2 * metrics)
        lsbs = _ushorts(data, tables["hmtx"][0] + 4 * metrics, glyphs - metrics)
        if loca_format not in (0, 1):
            return None
        loca = (_ushorts if loca_format == 0 else _ulongs)(data, tables["loca"][0], glyphs + 1)
    except (KeyError, ValueError, struct.error):
        return None
    scaled = pairs[0::2].tolist() if scale is None else list(map(scale, pairs[0::2]))
    last = scaled[-1]
    widths = scaled + [last] * (glyphs - metrics)
    if by_glyph and char_to_glyph[by_glyph[-1]] >= glyphs:
        by_glyph = [c for c in by_glyph if char_to_glyph[c] < glyphs]
    char_widths = dict(zip(by_glyph, map(widths.__getitem__,
                                         map(char_to_glyph.__getitem__, by_glyph)), strict=True))
    alias: tuple[int, int | None] | None = None
    for space, other in ((0x20, 0xA0), (0xA0, 0x20)):
        if space in char_to_glyph:
            if space not in char_widths:
                return None                   # reportlab fails here (a KeyError)
            alias = (other, char_to_glyph.get(other))
            char_to_glyph[other] = char_to_glyph[space]
            char_widths[other] = char_widths[space]
            break
    return Glyphs(char_to_glyph, char_widths, scaled[0], alias, pairs, lsbs, last, loca,
                  loca_format == 0)


_MAPPED: dict[bytes, tuple[dict[int, int], list[int]]] = {}
"""The map of the cmap table read last in this process, by the table's bytes (the regular and
bold faces of one family share theirs, and are loaded one after the other): read once, copied
for each face. Only the last is kept (a CJK map is ≈ 3 MB). Never written anywhere."""
_MAPPED_MAX = 1


def _mapped(data: bytes, cmap: tuple[int, int]) -> tuple[dict[int, int], list[int]] | None:
    """The character → glyph map of the cmap table at ``cmap`` (offset, length) and its
    characters in glyph order (reportlab walks the glyphs in order, each glyph's characters in
    cmap order), or None where :func:`_cmap` cannot read it. Do not change what it returns."""
    table = data[cmap[0]:cmap[0] + cmap[1]]
    hit = _MAPPED.get(table)
    if hit is None:
        char_to_glyph = _cmap(table, 0)
        if char_to_glyph is None:
            return None
        hit = (char_to_glyph, sorted(char_to_glyph, key=char_to_glyph.__getitem__))
        if len(_MAPPED) >= _MAPPED_MAX:
            _MAPPED.clear()
        _MAPPED[table] = hit
    return hit


def _cmap(data: bytes, cmap: int) -> dict[int, int] | None:
    """reportlab's choice of subtable and its character → glyph map, for formats 4 and 12."""
    version, count = struct.unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:
        count, version = version, count
    chosen, enc = None, 0
    for n in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * n)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0
                                                                  and encoding != 5):
            enc, chosen = 1, offset
        elif platform == 1 and encoding == 0 and enc != 1:
            enc, chosen = 2, offset
    if chosen is None:
        return None
    at = cmap + chosen
    (fmt,) = struct.unpack_from(">H", data, at)
    if fmt == 12:
        (groups,) = struct.unpack_from(">I", data, at + 12)
        return _format12(_ulongs(data, at + 16, 3 * groups))
    if fmt == 4:
        return _format4(data, at)
    return None


def _format12(groups: array[int]) -> dict[int, int] | None:
    starts, ends, firsts = groups[0::3], groups[1::3], groups[2::3]
    stops = list(map(add, ends, repeat(1, len(ends))))
    sizes = list(map(sub, stops, starts))                  # negative: an empty group
    if sum(size for size in sizes if size > 0) > CHARS_MAX:
        return None
    # group by group, a later group overriding an earlier one, as reportlab reads them
    return dict(zip(chain.from_iterable(map(range, starts, stops)),
                    chain.from_iterable(map(range, firsts, map(add, firsts, sizes))),
                    strict=True))


def _format4(data: bytes, at: int) -> dict[int, int] | None:
    (length,) = struct.unpack_from(">H", data, at + 2)
    limit = at + length
    (double,) = struct.unpack_from(">H", data, at + 6)
    segments = int(double / 2.0)
    ends = _ushorts(data, at + 14, segments)
    starts = _ushorts(data, at + 16 + 2 * segments, segments)
    deltas = array("h", _ushorts(data, at + 16 + 4 * segments, segments).tobytes())
    range_start = at + 16 + 6 * segments
    ranges = _ushorts(data, range_start, segments)
    found: dict[int, int] = {}
    for n in range(segments):
        start, end, delta, offset = starts[n], ends[n], deltas[n], ranges[n]
        if end < start:
            continue
        codes = range(start, end + 1)
        if offset == 0:
            if start + delta >= 0 and end + delta <= 0xFFFF:
                found.update(zip(codes, range(start + delta, end + delta + 1), strict=True))
            else:
                found.update((c, (c + delta) & 0xFFFF) for c in codes)
            continue
        first = range_start + 2 * n + offset
        usable = max(0, min(len(codes), (limit - first + 1) // 2))   # reportlab: 0 past limit
        raw = _ushorts(data, first, usable) if usable else array("H")
        found.update(zip(codes, ((g + delta) & 0xFFFF if g else 0 for g in raw), strict=False))
        found.update((c, 0) for c in codes[usable:])
    return found


def same_as_parsed(glyphs: Glyphs, face: Any) -> bool:
    """Whether every field computed here equals reportlab's parse ``face`` of the same bytes,
    in value, type and (dicts) order — the condition for caching that face at all."""
    for name, value in glyphs.fields().items():
        real: Any = getattr(face, name, None)
        if type(real) is not type(value) or real != value:
            return False
        if isinstance(real, dict) and list(real) != list(value):
            return False
        if name == "hmetrics" and any(type(a) is not type(b) for pair_a, pair_b
                                      in zip(real, value, strict=False)
                                      for a, b in zip(pair_a, pair_b, strict=False)):
            return False
    return all(type(a) is type(b) for a, b in zip(face.charWidths.values(),
                                                  glyphs.char_widths.values(), strict=False))
