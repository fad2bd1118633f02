"""A persistent cache of parsed TrueType fonts: ``load_font(name, path)`` instead of
``reportlab.pdfbase.ttfonts.TTFont(name, path)``.

reportlab parses a font's cmap, hmtx and loca tables in pure Python in every process: ~50 ms
for each bundled CJK face, ~0.2 s of a cold render. Those tables — what decides which glyph a
character prints as, its width, the metrics and outlines subsetting copies — are read here from
the font file itself at C speed (:mod:`composer.render.font_glyphs`, ≈ 5 ms a CJK face), in
every process: **no cache file can change a printed glyph**. The cache keeps only the rest of
the parsed face (names, table directory, scalar metrics), so the next process builds the same
``TTFont`` without reportlab's parse.

* **What is cached at all** — a face is written to the cache only if the glyph fields read by
  :mod:`composer.render.font_glyphs` equal reportlab's parse of the same bytes, value, type and
  order; any other font is parsed by reportlab every time.
* **Key** — SHA-256 of a format number, the reportlab and marshal versions, the subfont index,
  the file's size, its header and table directory (with each table's checksum), and the full
  bytes of every table the parse reads (name, head, hhea, OS/2, post, maxp, cmap, hmtx, loca).
  It is computed from the very bytes the face then uses; the path and the modification time
  play no part.
* **Safe format** — ``marshal`` of plain data only (numbers, strings, bytes, lists, tuples,
  dicts; never pickle: loading a cache file cannot run code), behind a magic line and the
  SHA-256 of the payload. A cache file is opened without blocking and read only if ``fstat``
  says it is a regular file of at most :data:`FILE_MAX` bytes (a FIFO, a device or a huge file
  is refused at once). Every field is checked for type and shape on load, the table directory,
  ``numGlyphs`` and ``unitsPerEm`` against the file's own; a missing, truncated, corrupt or
  foreign file just means a real parse (and a rewritten cache file). The layout and its checks
  are :mod:`composer.render.font_state`.
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
import stat
import struct
import sys
import threading
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts

from composer.core import paths
from composer.core.atomic import atomic_write_bytes
from composer.render import font_glyphs
from composer.render import font_state as fs

__all__ = ["cache_dir", "load_font"]

log = logging.getLogger(__name__)

_MAGIC = b"composer-ttf-cache\n"
_PARSED_TABLES = (b"name", b"head", b"hhea", b"OS/2", b"post", b"maxp", b"cmap", b"hmtx", b"loca")
_KEEP = 32
"""Cache files kept (newest first) when a new one is written."""
FILE_MAX = 256 * 1024
"""Bytes a cache file may have (one holds names, a table directory and a few numbers: ≈ 3 KB)."""

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
        if key is not None and directory is not None:
            state = _read(key, directory)
            glyphs = _glyphs(data, directory, state) if state is not None else None
            if state is not None and glyphs is not None:
                try:
                    font = _font(name, _face(state, glyphs, data, filename, subfont_index))
                except (TypeError, ValueError, KeyError):
                    font = None
                if font is not None:
                    stats["hits"] += 1
                    return font
        stats["misses"] += 1
        font = ttfonts.TTFont(name, _Named(data, filename), subfontIndex=subfont_index)
        if key is not None and directory is not None:
            _write(key, font.face, data, directory)
        return font


def _glyphs(data: bytes, directory: _Directory,
            state: dict[str, Any] | None) -> font_glyphs.Glyphs | None:
    """The glyph fields read from the font file (None: not readable here, or the stored
    ``numGlyphs``/``unitsPerEm`` are not the file's)."""
    tables = {tag: (offset, length) for tag, _, offset, length in directory[1]}
    try:
        (glyph_count,) = struct.unpack_from(">H", data, tables["maxp"][0] + 4)
        (units,) = struct.unpack_from(">H", data, tables["head"][0] + 18)
    except (KeyError, struct.error):
        return None
    if state is not None and (state["numGlyphs"], state["unitsPerEm"]) != (glyph_count, units):
        return None
    return font_glyphs.read(data, tables, None if units == 1000 else _scale(units))


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


def _write(key: str, face: ttfonts.TTFontFace, data: bytes, directory: _Directory) -> None:
    glyphs = _glyphs(data, directory, None)
    if glyphs is None or not font_glyphs.same_as_parsed(glyphs, face):
        return                    # read differently here than by reportlab: never cached
    try:
        payload = fs.encode(face)
        if payload is None or fs.directory_of(payload["state"]) != directory[1]:
            return
        body = marshal.dumps(payload, 4)
    except (ValueError, TypeError):
        return
    blob = _MAGIC + hashlib.sha256(body).digest() + body
    if len(blob) > FILE_MAX:
        return
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


def _read(key: str, directory: _Directory) -> dict[str, Any] | None:
    """The validated state stored under ``key`` (None: no usable file)."""
    blob = _read_file(cache_dir() / f"{key}.bin")
    if blob is None:
        return None
    head = len(_MAGIC)
    if blob[:head] != _MAGIC or hashlib.sha256(blob[head + 32:]).digest() != blob[head:head + 32]:
        log.debug("font cache %s: damaged, parsing the font", key)
        return None
    try:
        state = fs.decode(marshal.loads(blob[head + 32:]))
    except (ValueError, TypeError, KeyError, EOFError, OverflowError, AttributeError):
        state = None
    if state is None or fs.directory_of(state) != directory[1]:
        log.debug("font cache %s: unexpected content, parsing the font", key)
        return None
    return state


def _read_file(path: Path) -> bytes | None:
    """A regular file of at most :data:`FILE_MAX` bytes, read without ever blocking (a FIFO or
    a device at the path is refused by ``fstat`` before anything is read)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > FILE_MAX:
            return None
        blob = os.read(fd, FILE_MAX + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return blob if len(blob) <= FILE_MAX else None


class _CachedFace(ttfonts.TTFontFace):
    """A face built from the cache: what only subsetting or shaping reads (``glyphToChar``,
    ``hmetrics``, ``glyphPos``) is read from the font file when first used."""

    # set by _face(), as reportlab's own parser sets them on a TTFontFace
    _ttf_data: bytes
    _pdfScale: Callable[[float], float]
    _glyphs: font_glyphs.Glyphs
    _subfont_index: int

    def __getattr__(self, name: str) -> Any:
        glyphs = self.__dict__.get("_glyphs")
        if glyphs is None or name not in _LAZY:
            raise AttributeError(name)
        value = getattr(glyphs, _LAZY[name])()
        setattr(self, name, value)
        return value


_LAZY = {"glyphToChar": "glyph_to_char", "hmetrics": "hmetrics", "glyphPos": "glyph_pos"}


def _scale(units_per_em: int) -> Callable[[float], float]:
    """reportlab's ``_pdfScale`` for ``unitsPerEm`` (the same arithmetic as its parser)."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _face(state: dict[str, Any], glyphs: font_glyphs.Glyphs, data: bytes, filename: str,
          subfont_index: int) -> ttfonts.TTFontFace:
    face = _CachedFace.__new__(_CachedFace)
    pdfmetrics.TypeFace.__init__(face, None)
    vars(face).update(state)
    face.charToGlyph = glyphs.char_to_glyph
    face.charWidths = glyphs.char_widths
    face.defaultWidth = glyphs.default_width
    face._ttf_data = data
    face.filename = filename
    face._pdfScale = _scale(state["unitsPerEm"])
    face._glyphs = glyphs
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
    font._asciiReadable = rl_config.ttfAsciiReadable  # type: ignore[attr-defined]  # internal
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob or ())
    return font
