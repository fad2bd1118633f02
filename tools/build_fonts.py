#!/usr/bin/env python3
"""Build the bundled "Composer Sans SC" / "Composer Serif SC" fonts from Debian's Noto CJK
(dev-only, one-off; ``--family serif`` for the serif, from ``NotoSerifCJK-*.ttc``).

reportlab embeds only TrueType-outline (``glyf``) fonts, while Noto Sans CJK ships CFF outlines
in an OpenType collection. This script, for Regular and Bold:

1. takes the Simplified-Chinese face (``NotoSansCJKsc-*``) out of the Debian ``.ttc``;
2. subsets it to the SC face's own character map minus the Hangul syllables (U+AC00–D7AF),
   dropping glyphs only reachable through ``locl`` (JP/KR/TC/HK variants) or non-default
   OpenType features (``aalt``, ``fwid``, ...); every ideograph (URO, Ext-A, Ext-B...), Latin,
   digit, punctuation, full-width form and kana in the cmap is kept;
3. converts the cubic CFF outlines to quadratic TrueType outlines with fontTools ``cu2qu``
   (max error 1 unit of the 1000-unit em), without hinting;
4. renames the family to "Composer Sans SC": Noto CJK is OFL-1.1 with the Reserved Font Name
   'Source', and 'Noto' is a Google trademark, so neither appears in the new names;
5. writes ``resources/fonts/ComposerSansSC-{Regular,Bold}.ttf``.

The output is byte-for-byte reproducible for the same input and fontTools version (the
``head`` timestamps are copied from the source font rather than set to "now").

Usage (from the repository root, with a Python that has fontTools)::

    python tools/build_fonts.py [--src-dir /usr/share/fonts/opentype/noto] \
        [--out-dir resources/fonts]

Needs ~25 s and ~0.7 GB RAM per face. Runtime code never imports this module.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

FAMILY = "Composer Sans SC"
PS_FAMILY = "ComposerSansSC"
SOURCE_PS_PREFIX = "NotoSansCJKsc-"
HANGUL_SYLLABLES = range(0xAC00, 0xD7AF + 1)
MAX_ERR = 1.0  # cu2qu tolerance, font units (UPM 1000)
VENDOR_ID = "UKWN"  # no longer Google's font; "UKWN" is the conventional placeholder
DROPPED_FEATURES = {"locl"}  # language variants for JP/KR/TC/HK: thousands of extra glyphs

# nameIDs rewritten below; every record with one of these IDs is dropped first (including the
# zh-CN 0x804 records, which also say "Noto Sans CJK SC").
REWRITTEN_NAME_IDS = {1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 21, 22, 25}
NAMING_IDS = {1, 3, 4, 6, 16, 17, 18, 21, 22, 25}

FACES = {
    # style: (source collection file name, output file name, usWeightClass sanity check)
    "Regular": ("NotoSansCJK-Regular.ttc", f"{PS_FAMILY}-Regular.ttf", 400),
    "Bold": ("NotoSansCJK-Bold.ttc", f"{PS_FAMILY}-Bold.ttf", 700),
}
SOURCE_NAME = "Noto Sans CJK SC"

FAMILIES = {
    # --family: (family name, PostScript family, source PS prefix, source .ttc stem, source name)
    "sans": ("Composer Sans SC", "ComposerSansSC", "NotoSansCJKsc-", "NotoSansCJK",
             "Noto Sans CJK SC"),
    "serif": ("Composer Serif SC", "ComposerSerifSC", "NotoSerifCJKsc-", "NotoSerifCJK",
              "Noto Serif CJK SC"),
}


def select_family(key: str) -> None:
    """Point the module's names at one family (the build functions read them)."""
    global FAMILY, PS_FAMILY, SOURCE_PS_PREFIX, FACES, SOURCE_NAME
    FAMILY, PS_FAMILY, SOURCE_PS_PREFIX, stem, SOURCE_NAME = FAMILIES[key]
    FACES = {style: (f"{stem}-{style}.ttc", f"{PS_FAMILY}-{style}.ttf", weight)
             for style, weight in (("Regular", 400), ("Bold", 700))}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def extract_sc_face(ttc_path: Path, style: str) -> TTFont:
    """The NotoSansCJKsc-<style> member of the collection, fully loaded (detached from the file)."""
    wanted = SOURCE_PS_PREFIX + style
    collection = TTCollection(str(ttc_path), lazy=True)
    for index, face in enumerate(collection.fonts):  # noqa: B007 (used after the loop)
        if face["name"].getDebugName(6) == wanted:
            break
    else:
        raise SystemExit(f"{ttc_path}: no face named {wanted}")
    # Reopen that member non-lazily so it does not depend on the collection's shared tables.
    font = TTFont(str(ttc_path), fontNumber=index, lazy=False, recalcTimestamp=False)
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise SystemExit(f"{ttc_path}#{index}: expected CFF outlines")
    return font


def gb2312_code_points() -> set[int]:
    """Printable ASCII and every character of GB 2312 (6,763 hanzi, punctuation, full-width
    forms, kana, Greek, Cyrillic): what a title or bold label face needs."""
    out = set(range(0x20, 0x7F))
    for cp in range(0x80, 0x10000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        out.add(cp)
    return out


def subset_font(font: TTFont, only: set[int] | None = None) -> None:
    cmap = font.getBestCmap()
    keep = sorted(cp for cp in cmap if cp not in HANGUL_SYLLABLES
                  and (only is None or cp in only))
    options = subset.Options()
    options.layout_features = sorted(set(options.layout_features) - DROPPED_FEATURES)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False  # CFF hints do not survive the conversion anyway
    options.recalc_timestamp = False
    options.drop_tables += ["VORG"]  # CFF-only vertical origins
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by quadratic glyf/loca (after fontTools' snippets/otf2ttf.py)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # TrueType contours run clockwise, CFF ones counter-clockwise: reverse.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)  # computes each glyph's bounding box

    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        advance, _ = hmtx[name]
        hmtx[name] = (advance, glyph.xMin if hasattr(glyph, "xMin") else 0)

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(glyph_order)
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                 "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.recalc(font)  # points/contours; recomputed again on save

    post = font["post"]
    post.formatType = 3.0  # no glyph names (CID-keyed source has none worth keeping)
    post.extraNames = []
    post.mapping = {}

    gasp = font["gasp"] = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000F}  # unhinted: grid-fit + smoothing at all sizes

    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, style: str, description_note: str) -> None:
    name = font["name"]
    old_version = name.getDebugName(5) or ""
    version = old_version.split(";")[0].removeprefix("Version ").strip() or "0"
    description = name.getDebugName(10) or ""
    name.names = [rec for rec in name.names if rec.nameID not in REWRITTEN_NAME_IDS]
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    ps_name = f"{PS_FAMILY}-{style}"
    for name_id, value in {
        1: FAMILY,
        2: style,
        3: f"{version};{VENDOR_ID};{ps_name}",
        4: full,
        5: f"Version {version};Composer TrueType conversion",
        6: ps_name,
        10: (description + " " if description else "") + description_note,
    }.items():
        name.removeNames(nameID=name_id)
        name.setName(value, name_id, 3, 1, 0x409)
    # Names presented to users must carry neither the Reserved Font Name nor the trademark
    # (the description and URLs keep crediting the original, as the OFL allows).
    for rec in name.names:
        text = rec.toUnicode()
        if rec.nameID in NAMING_IDS and ("Source" in text or "Noto" in text):
            raise SystemExit(f"nameID {rec.nameID} still uses a reserved name: {text!r}")
    font["OS/2"].achVendID = VENDOR_ID


def build_face(src_dir: Path, out_dir: Path, style: str, gb2312: bool = False) -> Path:
    ttc_name, out_name, weight = FACES[style]
    t0 = time.perf_counter()
    font = extract_sc_face(src_dir / ttc_name, style)
    if font["OS/2"].usWeightClass != weight:
        raise SystemExit(f"{ttc_name}: unexpected weight {font['OS/2'].usWeightClass}")
    src_version = font["name"].getDebugName(5)
    subset_font(font, gb2312_code_points() if gb2312 else None)
    log(f"{style}: subset to {len(font.getGlyphOrder())} glyphs "
        f"({time.perf_counter() - t0:.1f} s)")
    cff_to_glyf(font)
    log(f"{style}: converted to TrueType outlines ({time.perf_counter() - t0:.1f} s)")
    note = (f"{FAMILY}: modified {SOURCE_NAME} {style} ({src_version}); "
            + ("subset to ASCII and GB 2312; " if gb2312 else "") +
            "outlines converted from CFF to TrueType with fontTools cu2qu, Hangul syllables "
            "and locale variants removed, renamed. SIL Open Font License 1.1.")
    rename(font, style, note)
    out = out_dir / out_name
    font.save(str(out))
    log(f"{style}: wrote {out} ({out.stat().st_size / 1e6:.1f} MB, "
        f"{time.perf_counter() - t0:.1f} s)")
    return out


def verify(path: Path, gb2312: bool = False) -> None:
    """Reload the output and check the properties the app relies on."""
    font = TTFont(str(path), lazy=True)
    if "glyf" not in font or "CFF " in font:
        raise SystemExit(f"{path}: not a glyf font")
    cmap = font.getBestCmap()
    rare = "" if gb2312 else "堃喆昇玥珺䶮\U000201D4"
    for ch in "中文ABCabc0123456789&<>\"'“”‘’「」，。、；：？！（）あア" + rare:
        if ord(ch) not in cmap:
            raise SystemExit(f"{path}: lost {ch!r} (U+{ord(ch):04X})")
    if any(cp in cmap for cp in HANGUL_SYLLABLES):
        raise SystemExit(f"{path}: Hangul syllables still present")


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--out-dir", type=Path, default=repo / "resources" / "fonts")
    parser.add_argument("--family", choices=sorted(FAMILIES), default="sans",
                        help="which family to build (default: sans)")
    parser.add_argument("--gb2312", action="append", default=[], metavar="STYLE",
                        help="subset STYLE to ASCII + GB 2312 (repeatable; the serif Bold, used "
                             "only for titles and labels, is built so)")
    parser.add_argument("--style", choices=sorted(FACES), action="append",
                        help="build only this style (repeatable); default: all")
    args = parser.parse_args(argv)
    select_family(args.family)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for style in args.style or list(FACES):
        out = build_face(args.src_dir, args.out_dir, style, gb2312=style in args.gb2312)
        verify(out, gb2312=style in args.gb2312)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        print(f"{digest}  {out.name}  {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
