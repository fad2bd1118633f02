"""Workstation font files for the report: the unit's choice, licence bits, discovery.

No reportlab and no Qt (the settings page imports it at start): :class:`FontChoice` is what the
unit picked (stored with the organisation's settings), :func:`embedding_problem` reads a font's
OS/2 ``fsType`` and says why it may not be embedded (restricted, no subsetting, bitmap only),
:func:`workstation_fonts` finds the usual official-document fonts (仿宋_GB2312, FangSong,
方正小标宋 …) where the system keeps fonts. :mod:`composer.render.typefaces` registers them.
"""

from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path


class FontRefused(ValueError):
    """A workstation font that cannot be used (one-line reason naming the file)."""


@dataclass(frozen=True, slots=True)
class FontChoice:
    """The unit's choice of workstation fonts (file paths; None = bundled serif)."""

    body: str | None = None       # e.g. C:\\Windows\\Fonts\\simfang.ttf (仿宋)
    title: str | None = None      # e.g. a 方正小标宋 file

    def to_json(self) -> dict[str, str | None]:
        return {"body": self.body, "title": self.title}

    @classmethod
    def from_json(cls, data: object) -> FontChoice:
        if not isinstance(data, dict):
            return cls()
        body, title = data.get("body"), data.get("title")
        return cls(body if isinstance(body, str) and body else None,
                   title if isinstance(title, str) and title else None)


_FS_RESTRICTED, _FS_NO_SUBSET, _FS_BITMAP = 0x0002, 0x0100, 0x0200


def fs_type(path: str | os.PathLike[str], index: int = 0) -> int:
    """The OS/2 ``fsType`` of a TrueType/OpenType font (member ``index`` of a collection)."""
    data = Path(path).read_bytes()
    offset = 0
    if data[:4] == b"ttcf":
        (count,) = struct.unpack_from(">I", data, 8)
        if index >= count:
            raise FontRefused(f"{path}: the collection has no font {index}")
        (offset,) = struct.unpack_from(">I", data, 12 + 4 * index)
    (tables,) = struct.unpack_from(">H", data, offset + 4)
    for i in range(tables):
        tag, _, table_offset, _ = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        if tag == b"OS/2":
            (value,) = struct.unpack_from(">H", data, table_offset + 8)
            return int(value)
    return 0            # no OS/2 table: nothing restricts it


def embedding_problem(path: str | os.PathLike[str]) -> str | None:
    """Why the font at ``path`` may not be embedded in a PDF, or None."""
    try:
        value = fs_type(path)
    except (OSError, struct.error) as exc:
        return f"{path}: cannot read the font ({exc})"
    if value & _FS_RESTRICTED and not value & 0x000C:
        return f"{path}: its licence forbids embedding (OS/2 fsType {value:#06x}: restricted)"
    if value & _FS_NO_SUBSET:
        return f"{path}: its licence forbids subsetting (OS/2 fsType {value:#06x})"
    if value & _FS_BITMAP:
        return f"{path}: its licence allows bitmap embedding only (OS/2 fsType {value:#06x})"
    return None


# Workstation fonts worth offering, by role: (file name, role, label).
KNOWN_FILES = (
    ("simfang.ttf", "body", "仿宋 FangSong"),
    ("仿宋_GB2312.ttf", "body", "仿宋_GB2312"),
    ("FangSong_GB2312.ttf", "body", "仿宋_GB2312"),
    ("fzfsjw.ttf", "body", "方正仿宋简体"),
    ("STFANGSO.TTF", "body", "华文仿宋"),
    ("FZXBSJW.TTF", "title", "方正小标宋简体"),
    ("方正小标宋简体.ttf", "title", "方正小标宋简体"),
    ("FZXiaoBiaoSong-B05S.ttf", "title", "方正小标宋简体"),
    ("simsun.ttc", "title", "宋体 SimSun"),
)


def font_dirs() -> list[Path]:
    """Where a workstation keeps its fonts (Windows, macOS, Linux)."""
    dirs = []
    if sys.platform.startswith("win"):
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]
    extra = os.environ.get("COMPOSER_FONT_DIRS")
    if extra:
        dirs = [Path(p) for p in extra.split(os.pathsep) if p] + dirs
    return dirs


@dataclass(frozen=True, slots=True)
class Candidate:
    path: str
    role: str                 # "body" or "title"
    label: str
    problem: str | None       # why it cannot be embedded, or None


def workstation_fonts(dirs: list[Path] | None = None) -> list[Candidate]:
    """Known official-document fonts installed here, each with its embedding verdict."""
    wanted = {name.lower(): (role, label) for name, role, label in KNOWN_FILES}
    found: list[Candidate] = []
    for base in dirs if dirs is not None else font_dirs():
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            hit = wanted.get(path.name.lower())
            if hit is not None and path.is_file():
                found.append(Candidate(str(path), hit[0], hit[1], embedding_problem(path)))
    return found
