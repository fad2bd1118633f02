"""Typefaces of the report (GB/T 9704): a Song title, a FangSong-style body, 黑体 headings.

Qt-free (reportlab only). The default is bundled: "Composer Serif SC" (Noto Serif CJK SC as
TrueType outlines, OFL-1.1; Regular for the body, Bold — ASCII + GB 2312 only — for the title
and bold labels) with the bundled sans for headings and for any character the serif lacks.

A workstation that has 仿宋_GB2312 / FangSong / 方正小标宋 may use them instead: the unit picks
them in settings (:class:`FontChoice`, stored with the organisation profile) and rendering gets
them as an explicit parameter (:func:`typeface`). A workstation font is embedded only if its
OS/2 ``fsType`` allows it (installable, editable or print-and-preview; never restricted, never
"no subsetting", never bitmap-only): :func:`embedding_problem` gives the reason otherwise.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts

from composer.render import fonts
from composer.resources import resource_path

SERIF = "ComposerSerif"
SERIF_BOLD = "ComposerSerif-Bold"
_SERIF_FILES = {SERIF: "ComposerSerifSC-Regular.ttf", SERIF_BOLD: "ComposerSerifSC-Bold.ttf"}

_lock = threading.RLock()
_registered: set[str] = set()


@dataclass(frozen=True, slots=True)
class Typeface:
    """reportlab font names for each role of the report."""

    title: str          # 小标宋 role: the document title
    body: str           # 仿宋 role: body text, table cells, subtitle
    body_bold: str      # labels inside body paragraphs (<b>)
    heading: str        # 黑体 role: the item headings 一、二、…


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


class FontRefused(ValueError):
    """A workstation font that cannot be used (one-line reason naming the file)."""


def register_serif() -> None:
    """Register the bundled serif faces (once; thread-safe)."""
    if SERIF in _registered:
        return
    with _lock:
        if SERIF in _registered:
            return
        fonts.register()
        for name, file in _SERIF_FILES.items():
            pdfmetrics.registerFont(ttfonts.TTFont(name, str(resource_path(f"fonts/{file}"))))
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF,
                                      boldItalic=SERIF_BOLD)
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        _registered.add(SERIF)


def bundled() -> Typeface:
    """The default: serif title and body, sans headings."""
    register_serif()
    return Typeface(title=SERIF_BOLD, body=SERIF, body_bold=SERIF_BOLD, heading=fonts.SANS_BOLD)


# --- workstation fonts -------------------------------------------------------------------------

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


def register_file(path: str | os.PathLike[str]) -> str:
    """Register a workstation font; its reportlab name. Raises :class:`FontRefused`."""
    problem = embedding_problem(path)
    if problem is not None:
        raise FontRefused(problem)
    digest = hashlib.sha256(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:10]
    name = f"Workstation-{digest}"
    with _lock:
        if name not in _registered:
            try:
                font = ttfonts.TTFont(name, str(path))
            except (ttfonts.TTFError, OSError, ValueError, KeyError, struct.error) as exc:
                raise FontRefused(f"{path}: not a usable TrueType font ({exc})") from None
            pdfmetrics.registerFont(font)
            # no bold face: bold labels inside the body are set in the bundled 黑体 (sans bold)
            addMapping(name, 0, 0, name)
            addMapping(name, 1, 0, fonts.SANS_BOLD)
            addMapping(name, 0, 1, name)
            addMapping(name, 1, 1, fonts.SANS_BOLD)
            _registered.add(name)
    return name


def typeface(choice: FontChoice | None = None) -> Typeface:
    """The report's typeface for the unit's ``choice`` (None or empty: :func:`bundled`).

    Raises :class:`FontRefused` when a chosen file cannot be embedded.
    """
    base = bundled()
    if choice is None or (choice.body is None and choice.title is None):
        return base
    body = register_file(choice.body) if choice.body else base.body
    title = register_file(choice.title) if choice.title else base.title
    return Typeface(title=title, body=body, body_bold=base.heading if choice.body else
                    base.body_bold, heading=base.heading)


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
