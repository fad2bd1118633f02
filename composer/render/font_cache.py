"""A persistent cache of parsed TrueType fonts: ``load_font(name, path)`` instead of
``reportlab.pdfbase.ttfonts.TTFont(name, path)``.

reportlab parses a font's cmap, hmtx and loca tables in pure Python in every process: ~50 ms
for each bundled CJK face, ~0.2 s of a cold render. This module stores the parsed state of the
face (character and glyph maps, widths, metrics, table directory, names) in a file and, in the
next process, builds the same face from it without parsing. The font file's bytes are still
read (subsetting copies glyphs out of them).

* **Key** — SHA-256 of a format number, the reportlab and marshal versions, the subfont index,
  the file's size, its header and table directory (with each table's checksum), and the full
  bytes of every table the parse reads (name, head, hhea, OS/2, post, maxp, cmap, hmtx, loca).
  It is computed from the very bytes the face then uses, so a changed file is never served
  another file's state; the path and the modification time play no part.
* **Safe format** — ``marshal`` of plain data only (numbers, strings, bytes, lists, tuples,
  dicts; never pickle: loading a cache file cannot run code), behind a magic line and the
  SHA-256 of the payload. Every field is checked for type and shape on load, and the table
  directory against the file's own; a missing, truncated, corrupt or foreign file just means a
  real parse (and a rewritten cache file). The layout and its checks are
  :mod:`composer.render.font_state`.
* **Where** — ``<data dir>/cache/fonts`` (:func:`composer.core.paths.data_dir`), private (0700),
  files written atomically (:mod:`composer.core.atomic`). A folder that cannot be created or
  written means no cache, never an error.
* **Threads and processes** — one lock serialises loads in a process; processes sharing the
  folder at most write the same content twice (each rename is atomic).

A font the cache cannot describe exactly (a collection picked by name, an auto-generated
PostScript name, an attribute of unexpected type in another reportlab version) is simply
parsed every time; so is every font under a reportlab whose ``TTFont`` constructor differs
from the one this module rebuilds (:func:`_constructor_known`).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import struct
import sys
import threading
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts

from composer.core import paths
from composer.core.atomic import atomic_write_bytes
from composer.render import font_state as fs

__all__ = ["cache_dir", "load_font"]

log = logging.getLogger(__name__)

_MAGIC = b"composer-ttf-cache\n"
_PARSED_TABLES = (b"name", b"head", b"hhea", b"OS/2", b"post", b"maxp", b"cmap", b"hmtx", b"loca")
_KEEP = 32
"""Cache files kept (newest first) when a new one is written."""

_lock = threading.Lock()
stats = {"hits": 0, "misses": 0, "writes": 0}
"""Counters for tests and benchmarks (loads served from the cache, real parses, files written)."""


def cache_dir() -> Path:
    """Where the parsed fonts are kept: ``<data dir>/cache/fonts``."""
    return paths.data_dir() / "cache" / "fonts"


def load_font(name: str, path: str | os.PathLike[str], subfont_index: int = 0) -> ttfonts.TTFont:
    """``ttfonts.TTFont(name, str(path), subfontIndex=subfont_index)``, from the cache if it can.

    Raises what reportlab raises for a file it cannot use (``TTFError``, ``OSError`` …).
    """
    filename = str(path)
    try:
        with open(filename, "rb") as fh:
            data = fh.read()
    except OSError:
        return ttfonts.TTFont(name, filename, subfontIndex=subfont_index)  # reportlab's error
    with _lock:
        directory = _directory(data, subfont_index) if _constructor_known() else None
        key = _key(data, subfont_index, directory) if directory is not None else None
        if key is not None:
            stored = _read(key, directory)
            if stored is not None:
                try:
                    font = _font(name, _face(*stored, data, filename, subfont_index))
                except (TypeError, ValueError, KeyError):
                    font = None
                if font is not None:
                    stats["hits"] += 1
                    return font
        stats["misses"] += 1
        font = ttfonts.TTFont(name, _Named(data, filename), subfontIndex=subfont_index)
        if key is not None:
            _write(key, font.face, directory)
        return font


# --- key -----------------------------------------------------------------------------------------


class _Named:
    """The file's bytes as the file object reportlab reads (so it parses what we hashed)."""

    def __init__(self, data: bytes, name: str) -> None:
        self._data, self.name = data, name

    def read(self) -> bytes:
        return self._data


_Directory = tuple[int, list[tuple[str, int, int, int]]]


def _directory(data: bytes, index: int) -> _Directory | None:
    """Where font ``index``'s table directory ends, and (tag, checksum, offset, length) of each
    of its tables; None if the header cannot be read."""
    try:
        start = 0
        if data[:4] == b"ttcf":
            (count,) = struct.unpack_from(">I", data, 8)
            if not 0 <= index < count:
                return None
            (start,) = struct.unpack_from(">I", data, 12 + 4 * index)
        (tables,) = struct.unpack_from(">H", data, start + 4)
        entries = []
        for i in range(tables):
            tag, checksum, offset, length = struct.unpack_from(">4sIII", data, start + 12 + 16 * i)
            entries.append((tag.decode("latin-1"), checksum, offset, length))
        return start + 12 + 16 * tables, entries
    except struct.error:
        return None


def _key(data: bytes, index: int, directory: _Directory) -> str:
    end, entries = directory
    h = hashlib.sha256()
    h.update(repr((fs.FORMAT, reportlab.Version, marshal.version, sys.version_info[:2],
                   sys.byteorder, index, len(data))).encode("ascii"))
    h.update(data[:end])                    # header and table directory (with checksums)
    for tag, _, offset, length in entries:  # every table the parse reads, in full
        if tag.encode("latin-1") in _PARSED_TABLES:
            h.update(tag.encode("latin-1") + length.to_bytes(4, "big"))
            h.update(data[offset:offset + length])
    return h.hexdigest()


# --- storing -------------------------------------------------------------------------------------


def _write(key: str, face: ttfonts.TTFontFace, directory: _Directory) -> None:
    try:
        payload = fs.encode(face)
        if payload is None or fs.directory_of(payload["state"]) != directory[1]:
            return
        body = marshal.dumps(payload, 4)
    except (ValueError, TypeError):
        return
    blob = _MAGIC + hashlib.sha256(body).digest() + body
    folder = cache_dir()
    try:
        paths.private_dir(paths.data_dir())
        paths.private_dir(folder.parent)
        paths.private_dir(folder)
        atomic_write_bytes(folder / f"{key}.bin", blob)
        stats["writes"] += 1
        _prune(folder)
    except OSError as exc:
        log.debug("font cache not written (%s)", exc)


def _prune(folder: Path) -> None:
    try:
        entries = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[_KEEP:]:
            stale.unlink()
    except OSError:
        pass


# --- loading -------------------------------------------------------------------------------------


def _read(key: str, directory: _Directory) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    """The validated parsed state stored under ``key`` and its still-encoded lazy fields."""
    try:
        blob = (cache_dir() / f"{key}.bin").read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    if blob[:head] != _MAGIC or hashlib.sha256(blob[head + 32:]).digest() != blob[head:head + 32]:
        log.debug("font cache %s: damaged, parsing the font", key)
        return None
    try:
        decoded = fs.decode(marshal.loads(blob[head + 32:]))
    except (ValueError, TypeError, KeyError, EOFError, OverflowError, AttributeError):
        decoded = None
    if (decoded is None or not fs.valid_eager(decoded[0])
            or fs.directory_of(decoded[0]) != directory[1]):
        log.debug("font cache %s: unexpected content, parsing the font", key)
        return None
    return decoded


class _CachedFace(ttfonts.TTFontFace):
    """A face built from the cache: the lazy fields are decoded on first use (checked then too,
    and taken from a real parse of the same bytes should the stored ones be unusable)."""

    def __getattr__(self, name: str) -> Any:
        lazy = self.__dict__.get("_lazy_fields")
        if lazy is None or name not in lazy:
            raise AttributeError(name)
        value = fs.unpack_lazy(name, lazy[name], vars(self))
        if value is None:
            log.debug("font cache: %s of %s unusable, parsing the font", name, self.filename)
            value = getattr(ttfonts.TTFontFace(_Named(self._ttf_data, self.filename),
                                               subfontIndex=self._subfont_index), name)
        setattr(self, name, value)
        return value


def _scale(units_per_em: int) -> Any:
    """reportlab's ``_pdfScale`` for ``unitsPerEm`` (the same arithmetic as its parser)."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _face(state: dict[str, Any], lazy: dict[str, bytes], data: bytes, filename: str,
          subfont_index: int) -> ttfonts.TTFontFace:
    face = _CachedFace.__new__(_CachedFace)
    pdfmetrics.TypeFace.__init__(face, None)
    vars(face).update(state)
    face._ttf_data = data
    face.filename = filename
    face._pdfScale = _scale(state["unitsPerEm"])
    face._lazy_fields = lazy
    face._subfont_index = subfont_index
    return face


_TTFONT_INIT_NAMES = frozenset({
    "TTEncoding", "TTFontFace", "WeakKeyDictionary", "_asciiReadable", "any", "encoding", "face",
    "fontName", "rl_config", "shapable", "state", "ttfAsciiReadable", "unShapedFontGlob",
    "weakref"})
"""The names ``TTFont.__init__`` uses in the reportlab versions :func:`_font` follows."""


def _constructor_known() -> bool:
    """Whether :func:`_font` builds what this reportlab's ``TTFont.__init__`` builds: where the
    constructor uses other names (sets other attributes), fonts are parsed as before, no cache."""
    return frozenset(ttfonts.TTFont.__init__.__code__.co_names) == _TTFONT_INIT_NAMES


def _font(name: str, face: ttfonts.TTFontFace) -> ttfonts.TTFont:
    """What ``TTFont.__init__`` builds around a face (kept in step by the tests and by
    :func:`_constructor_known`)."""
    font = ttfonts.TTFont.__new__(ttfonts.TTFont)
    font.fontName = name
    font.face = face
    font.encoding = ttfonts.TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font
