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
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts

from composer.render import fonts
from composer.render.font_cache import load_font
from composer.render.font_files import (
    Candidate,
    FontChoice,
    FontRefused,
    embedding_problem,
    workstation_fonts,
)
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


def register_serif() -> None:
    """Register the bundled serif faces (once; thread-safe)."""
    if SERIF in _registered:
        return
    with _lock:
        if SERIF in _registered:
            return
        fonts.register()
        for name, file in _SERIF_FILES.items():
            pdfmetrics.registerFont(load_font(name, resource_path(f"fonts/{file}")))
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

__all__ = ["SERIF", "SERIF_BOLD", "Candidate", "FontChoice", "FontRefused", "Typeface", "bundled",
           "embedding_problem", "register_file", "register_serif", "typeface",
           "workstation_fonts"]


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
                font = load_font(name, path)
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


