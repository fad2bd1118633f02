"""Bundled fonts for PDF output: registration with reportlab, per-character fallback, checks.

Qt-free (reportlab only). The fonts ship with the app under ``resources/fonts/`` (the app must
work air-gapped); see ``resources/fonts/README.md`` for their origin and licences.

* :data:`SANS` / :data:`SANS_BOLD` — "Composer Sans SC" Regular/Bold, a TrueType-outline build
  of Noto Sans CJK SC (all GB2312/GBK hanzi, CJK Ext-A, 2,108 Ext-B, Latin, digits, kana,
  full-width forms). Registered as one family, so ``<b>`` works in Paragraphs; ``<i>`` maps to
  the upright faces (CJK fonts have no italics).
* :data:`FALLBACKS` — reportlab names of per-character fallback fonts, tried in order for
  characters the primary face lacks. Currently empty: DroidSansFallbackFull was measured and
  adds no ideograph the primary face lacks (only U+0E3F, four Deseret letters and bidi controls).
* Registration is lazy and happens once (first call of :func:`register` or any function that
  needs the character maps); fallback fonts are loaded only when a character the primary face
  lacks is first looked up.
* Registration also makes subset tags (``ABCDEF+ComposerSansSC-Regular``) unique per subset
  (:func:`subset_tag`), and fixes reportlab's ToUnicode CMap for characters above U+FFFF (e.g. 𠇔
  U+201D4), which reportlab writes as 5 hex digits instead of a UTF-16 surrogate pair, so
  copy/search/text extraction of such characters gives the wrong text.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts

from composer.core.hygiene import clean
from composer.render.font_cache import load_font
from composer.resources import resource_path

__all__ = [
    "FALLBACKS",
    "SANS",
    "SANS_BOLD",
    "font_files",
    "has_glyph",
    "paragraph_markup",
    "placeholder",
    "register",
    "split_runs",
    "unprintable",
]

log = logging.getLogger(__name__)

SANS = "ComposerSans"
"""reportlab name of the regular face; also the family name (use it as a style's fontName)."""
SANS_BOLD = "ComposerSans-Bold"
"""reportlab name of the bold face (what ``<b>`` selects inside a :data:`SANS` paragraph)."""

_PRIMARY_FILES = {
    SANS: "ComposerSansSC-Regular.ttf",
    SANS_BOLD: "ComposerSansSC-Bold.ttf",
}
_FALLBACK_FILES: tuple[tuple[str, str], ...] = ()
"""(reportlab name, file under resources/fonts/) of each fallback font, in lookup order."""

FALLBACKS: tuple[str, ...] = tuple(name for name, _ in _FALLBACK_FILES)
"""reportlab names of the per-character fallback fonts, in lookup order (may be empty)."""

_lock = threading.RLock()
_primary: dict[str, ttfonts.TTFont] = {}
_fallbacks: tuple[ttfonts.TTFont, ...] | None = None
registration_seconds: float | None = None
"""Wall time the primary registration took (None until :func:`register` has run)."""


def font_files() -> list[Path]:
    """Every bundled font file (primary faces, then fallbacks), e.g. for QFontDatabase."""
    names = [*_PRIMARY_FILES.values(), *(file for _, file in _FALLBACK_FILES)]
    return [resource_path(f"fonts/{name}") for name in names]


# --- registration ----------------------------------------------------------------------------


def register() -> None:
    """Register the bundled faces with reportlab (idempotent, thread-safe, done once)."""
    global registration_seconds
    if _primary:
        return
    with _lock:
        if _primary:
            return
        start = time.perf_counter()
        _install_tounicode_fix()
        fonts = {
            name: load_font(name, resource_path(f"fonts/{file}"))
            for name, file in _PRIMARY_FILES.items()
        }
        for font in fonts.values():
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
        )
        # registerFontFamily's italic mappings also overwrite the reverse (face -> style) map,
        # which would make every SANS paragraph "italic"; restore the upright meaning.
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        registration_seconds = time.perf_counter() - start
        _primary.update(fonts)  # last: publishes "registered" to the lock-free fast path
        log.debug("registered %s, %s in %.0f ms", SANS, SANS_BOLD, registration_seconds * 1e3)


def _fallback_fonts() -> tuple[ttfonts.TTFont, ...]:
    """The fallback fonts, registered on first use (only once a character needs them)."""
    global _fallbacks
    if _fallbacks is not None:
        return _fallbacks
    with _lock:
        if _fallbacks is None:
            register()
            loaded = []
            for name, file in _FALLBACK_FILES:
                font = load_font(name, resource_path(f"fonts/{file}"))
                pdfmetrics.registerFont(font)  # maps bold/italic of its family to itself
                loaded.append(font)
            _fallbacks = tuple(loaded)
    return _fallbacks


def _primary_font(bold: bool) -> ttfonts.TTFont:
    register()
    return _primary[SANS_BOLD if bold else SANS]


# --- ToUnicode fix for characters above U+FFFF ------------------------------------------------

_BFCHAR_BLOCK = 100  # the PDF spec allows at most 100 entries per beginbfchar section


def _utf16_hex(cp: int) -> str:
    if cp > 0xFFFF:
        cp -= 0x10000
        return f"{0xD800 | (cp >> 10):04X}{0xDC00 | (cp & 0x3FF):04X}"
    return f"{cp:04X}"


def make_tounicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """Replacement for ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap``.

    Same CMap, but destination strings are UTF-16BE (surrogate pairs above U+FFFF, as the PDF
    spec requires) and split into sections of at most 100 entries.
    """
    entries = [f"<{code:02X}> <{_utf16_hex(cp)}>" for code, cp in enumerate(subset)]
    body: list[str] = []
    for i in range(0, len(entries), _BFCHAR_BLOCK):
        chunk = entries[i : i + _BFCHAR_BLOCK]
        body += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *body,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _install_tounicode_fix() -> None:
    # TTFont.addObjects looks the function up as a module global at PDF build time.
    ttfonts.makeToUnicodeCMap = make_tounicode_cmap
    _install_subset_tags()


# --- subset tags unique per subset (ISO 32000-1 §9.6.4) ---------------------------------------

_tag_context = threading.local()
_reportlab_subsetn = ttfonts.SUBSETN
_reportlab_add_objects = ttfonts.TTFont.addObjects


def subset_tag(face_name: bytes, subset: Sequence[int]) -> bytes:
    """Six capital letters from a hash of the font and the subset's code points.

    reportlab numbers subsets AAAAAA, AAAAAB … in every document, so two PDFs merged into one
    (the fax set: cover + report) carry different subsets under one tag; a tag derived from
    the subset's content differs wherever the subsets differ, and stays reproducible.
    """
    h = hashlib.sha256(face_name + b"\0" + ",".join(map(str, subset)).encode("ascii"))
    n = int.from_bytes(h.digest()[:8], "big")
    letters = []
    for _ in range(6):
        n, r = divmod(n, 26)
        letters.append(chr(ord("A") + r))
    return "".join(letters).encode("ascii")


def _content_subsetn(n: int, table: object = None) -> bytes:
    context = getattr(_tag_context, "value", None)
    if context is None:
        return _reportlab_subsetn(n)
    face_name, subsets = context
    return subset_tag(face_name, subsets[n])


def _add_objects(self: ttfonts.TTFont, doc: object) -> None:
    state = self.state.get(doc)
    _tag_context.value = (self.face.name, list(state.subsets) if state is not None else [])
    try:
        _reportlab_add_objects(self, doc)
    finally:
        _tag_context.value = None


def _install_subset_tags() -> None:
    ttfonts.SUBSETN = _content_subsetn
    ttfonts.TTFont.addObjects = _add_objects  # type: ignore[method-assign]


# --- character coverage ------------------------------------------------------------------------

_VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0), range(0x180B, 0x1810))


def _covered(cp: int, bold: bool = False) -> bool:
    if cp in _primary_font(bold).face.charToGlyph:
        return True
    return any(cp in font.face.charToGlyph for font in _fallback_fonts())


def _invisible(ch: str) -> bool:
    """Control, format or variation-selector characters (drawn as nothing, never reported)."""
    cp = ord(ch)
    return unicodedata.category(ch) in ("Cc", "Cf") or any(cp in r for r in _VARIATION_SELECTORS)


def has_glyph(ch: str, font_name: str | None = None) -> bool:
    """Whether a bundled font can draw ``ch`` (one character).

    With ``font_name`` (:data:`SANS`, :data:`SANS_BOLD` or one of :data:`FALLBACKS`), whether
    that font can.
    """
    if len(ch) != 1:
        raise ValueError(f"expected one character, got {ch!r}")
    cp = ord(ch)
    if font_name is None:
        return _covered(cp)
    register()
    font = _primary.get(font_name)
    if font is None:
        font = next((f for f in _fallback_fonts() if f.fontName == font_name), None)
    if font is None:
        raise KeyError(f"not a bundled font: {font_name!r}")
    return cp in font.face.charToGlyph


def split_runs(text: str, bold: bool = False,
               face: str | None = None) -> list[tuple[str, str]]:
    """Split ``text`` into runs of (reportlab font name, text) for per-character fallback.

    Each character goes to the primary face if that has it — ``face`` (any registered TrueType
    font, e.g. the serif or a workstation font) or else :data:`SANS` (:data:`SANS_BOLD` if
    ``bold``) — then to the bundled sans of the same weight, then to the first fallback that
    has it; characters no font has (and controls such as newlines) stay in the primary run.
    Adjacent characters with the same font form one run, and
    ``"".join(run for _, run in split_runs(t)) == t``.
    """
    sans = _primary_font(bold)
    chain = [sans, *_fallback_fonts()]
    if face is not None and face != sans.fontName:
        chain.insert(0, cast(ttfonts.TTFont, pdfmetrics.getFont(face)))  # registered TrueType
    primary = chain[0]
    cmap = primary.face.charToGlyph
    runs: list[tuple[str, list[str]]] = []
    current_name = None
    current: list[str] = []
    for ch in text:
        name = primary.fontName
        cp = ord(ch)
        if cp not in cmap:
            for font in chain[1:]:
                if cp in font.face.charToGlyph:
                    name = font.fontName
                    break
        if name != current_name:
            current = []
            runs.append((name, current))
            current_name = name
        current.append(ch)
    return [(name, "".join(chars)) for name, chars in runs]


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if not name:
        category = unicodedata.category(ch)
        label = {"Co": "private use", "Cn": "unassigned", "Cs": "surrogate"}.get(category)
        name = f"<{label or category}>"
    return f"U+{ord(ch):04X} {name}"


def unprintable(text: str) -> list[tuple[str, str]]:
    """Each distinct character of ``text`` no bundled font can draw, with its description.

    In order of first occurrence, e.g. ``[("\\U0001F600", "U+1F600 GRINNING FACE"),
    ("\\ue000", "U+E000 <private use>")]``. Invisible characters (controls such as ``\\n`` and
    ``\\t``, format characters, variation selectors) are not reported:
    :func:`paragraph_markup` drops them when no font has a glyph for them.
    """
    missing = {ch for ch in set(text) if not _covered(ord(ch)) and not _invisible(ch)}
    if not missing:      # each distinct character is looked up once, not each occurrence
        return []
    return [(ch, _describe(ch)) for ch in dict.fromkeys(text) if ch in missing]


# --- Paragraph markup --------------------------------------------------------------------------

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": "<br/>", "\t": " "}
)


def placeholder(ch: str) -> str:
    """What prints instead of a character no bundled font has: ``〔U+2A6A5〕``."""
    return f"〔U+{ord(ch):04X}〕"


def paragraph_markup(text: str, bold: bool = False, face: str | None = None) -> str:
    """Plain user text as safe reportlab ``Paragraph`` markup in the bundled fonts.

    Applies the text hygiene of :func:`composer.core.hygiene.clean` — a no-op on a report that
    went through :func:`~composer.core.hygiene.clean_report` as every output's does, and the
    safety net for any other text (control, bidi and invisible format characters never reach
    the text layer; U+2028/U+2029 are line breaks) — escapes ``& < > " '`` (so user text can
    neither break the build nor inject formatting), turns newlines (``\\n``, ``\\r\\n``,
    ``\\r``) into ``<br/>`` and tabs into spaces, wraps runs that need a fallback font in
    ``<font face="...">``, drops other invisible characters no font can draw (format characters,
    variation selectors), and prints a visible :func:`placeholder` with the code point for a
    character no font has (emoji, Uyghur, Tibetan, rare ideographs) instead of an empty box.
    Use in a paragraph whose style font is ``face`` (default :data:`SANS`, or :data:`SANS_BOLD`
    with ``bold``); characters ``face`` lacks fall back to the bundled sans. With ``bold``, the
    result is wrapped in ``<b>...</b>``.
    """
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    register()
    primary = face or (SANS_BOLD if bold else SANS)
    parts: list[str] = []
    for font_name, run in split_runs(text, bold=bold, face=face):
        if font_name == primary:
            cmap = cast(ttfonts.TTFont, pdfmetrics.getFont(primary)).face.charToGlyph
            kept: list[str] = []
            for ch in run:
                if ch in "\n\t" or ord(ch) in cmap:
                    kept.append(ch)
                elif not _invisible(ch):
                    kept.append(placeholder(ch))
            run = "".join(kept)
            if run:
                parts.append(run.translate(_ESCAPES))
        else:
            parts.append(f'<font face="{font_name}">{run.translate(_ESCAPES)}</font>')
    markup = "".join(parts)
    return f"<b>{markup}</b>" if bold else markup
