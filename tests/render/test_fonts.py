"""Bundled fonts: registration, fallback runs, escaping, and what ends up in the PDF (no Qt)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import Paragraph, SimpleDocTemplate

from composer.render import fonts
from composer.render.fonts import SANS, SANS_BOLD

RARE_NAMES = "堃喆昇玥珺䶮\U000201d4"  # 𠇔 is CJK Ext-B (above U+FFFF)
PUNCTUATION = "“”‘’「」，。、；：？！（）"
SAMPLE_LINES = [
    "<b>&amp; 5 < 6",
    "\"double\" and 'single' quotes",
    PUNCTUATION,
    "0123456789 ０１２",  # noqa: RUF001 (full-width digits on purpose)
    f"姓名：{RARE_NAMES}",
    "Latin: The quick brown fox jumps over the lazy dog.",
]
SAMPLE = "\n".join(SAMPLE_LINES)


def _squash(text: str) -> str:
    return "".join(text.split())


def _build_pdf(*paragraphs: tuple[str, str]) -> bytes:
    """A PDF of (markup, style font name) Paragraphs."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf)
    story = [
        Paragraph(markup, ParagraphStyle(f"s{i}", fontName=font, fontSize=11, leading=16,
                                         wordWrap="CJK"))
        for i, (markup, font) in enumerate(paragraphs)
    ]
    doc.build(story)
    return buf.getvalue()


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _pdf_fonts(pdf: bytes) -> dict[str, object]:
    """BaseFont name -> font dictionary, over all pages."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return _build_pdf(
        (fonts.paragraph_markup(SAMPLE), SANS),
        (fonts.paragraph_markup("粗体标题 Bold 2024", bold=True), SANS),
    )


# --- the PDF ----------------------------------------------------------------------------------


def test_every_character_survives_the_round_trip(sample_pdf: bytes) -> None:
    text = _squash(_text(sample_pdf))
    for line in SAMPLE_LINES:
        assert _squash(line) in text  # also: markup-like input is printed, not interpreted
    missing = sorted({ch for ch in _squash(SAMPLE) if ch not in text})
    assert not missing, [f"U+{ord(ch):04X}" for ch in missing]
    assert "粗体标题Bold2024" in text


def test_astral_character_extracts_correctly() -> None:
    """reportlab's own ToUnicode CMap breaks characters above U+FFFF; ours must not."""
    text = _text(_build_pdf((fonts.paragraph_markup("甲\U000201d4乙"), SANS)))
    assert "甲\U000201d4乙" in text
    assert ttfonts.makeToUnicodeCMap is fonts.make_tounicode_cmap


def test_tounicode_cmap_uses_surrogate_pairs_and_short_sections() -> None:
    subset = [0, 0x41, 0x4E2D, 0x201D4, *range(0x4E00, 0x4E00 + 200)]
    cmap = fonts.make_tounicode_cmap("AAAAAA+Test", subset)
    assert "<03> <D840DDD4>" in cmap
    assert "<01> <0041>" in cmap
    counts = [int(n) for n in re.findall(r"^(\d+) beginbfchar$", cmap, re.MULTILINE)]
    assert sum(counts) == len(subset) and max(counts) <= 100
    assert "<00> <CB>" in cmap  # codespace covers the whole subset


def test_bold_face_is_used_for_b_and_bold(sample_pdf: bytes) -> None:
    names = set(_pdf_fonts(sample_pdf))
    assert any(n.endswith("+ComposerSansSC-Regular") for n in names), names
    assert any(n.endswith("+ComposerSansSC-Bold") for n in names), names
    # <b> inside a regular paragraph switches face (needs the registered family)
    inline = _pdf_fonts(_build_pdf(("常规<b>加粗</b>", SANS)))
    assert any(n.endswith("+ComposerSansSC-Bold") for n in inline), set(inline)


def test_fonts_are_embedded_and_subset(sample_pdf: bytes) -> None:
    full_size = min(path.stat().st_size for path in fonts.font_files())
    # the canvas' initial font: declared in the resources, never used for text
    found = {n: f for n, f in _pdf_fonts(sample_pdf).items() if n != "/Helvetica"}
    assert len(found) == 2
    for name, font in found.items():
        assert re.fullmatch(r"/[A-Z]{6}\+ComposerSansSC-(Regular|Bold)", name), name
        assert font["/Subtype"] == "/TrueType"
        assert "/ToUnicode" in font
        font_file = font["/FontDescriptor"]["/FontFile2"].get_object()
        data = font_file.get_data()
        assert data[:4] == b"\x00\x01\x00\x00"  # a TrueType font program
        assert 0 < len(data) < full_size / 20  # a subset, not the 10 MB font
    assert len(sample_pdf) < 400_000


# --- coverage and fallback ---------------------------------------------------------------------


def test_font_files_are_bundled_truetype() -> None:
    files = fonts.font_files()
    assert [p.name for p in files[:2]] == ["ComposerSansSC-Regular.ttf", "ComposerSansSC-Bold.ttf"]
    assert len(files) == 2 + len(fonts.FALLBACKS)
    for path in files:
        with path.open("rb") as fh:
            assert fh.read(4) == b"\x00\x01\x00\x00", path  # glyf outlines, not CFF ("OTTO")


def test_registration_is_cached() -> None:
    fonts.register()
    first = pdfmetrics.getFont(SANS)
    fonts.register()
    assert pdfmetrics.getFont(SANS) is first
    assert pdfmetrics.getFont(SANS_BOLD).face.name == b"ComposerSansSC-Bold"
    assert fonts.registration_seconds is not None


def test_has_glyph() -> None:
    for ch in RARE_NAMES + PUNCTUATION + "Aa0９あア":  # noqa: RUF001 (a full-width digit on purpose)
        assert fonts.has_glyph(ch), ch
        assert fonts.has_glyph(ch, SANS_BOLD), ch
    assert not fonts.has_glyph("\U0001f600")
    assert not fonts.has_glyph("\ue000")
    with pytest.raises(ValueError):
        fonts.has_glyph("ab")
    with pytest.raises(KeyError):
        fonts.has_glyph("a", "Helvetica")


@pytest.mark.parametrize("encoding,lead,count", [("gb2312", range(0xA1, 0xF8), 6763),
                                                 ("gbk", range(0x81, 0xFF), 20902)])
def test_all_gb_hanzi_covered(encoding: str, lead: range, count: int) -> None:
    hanzi = set()
    for b1 in lead:
        for b2 in range(0x40, 0xFF):
            try:
                ch = bytes([b1, b2]).decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
                hanzi.add(ch)
    assert len(hanzi) >= count
    assert not [ch for ch in hanzi if not fonts.has_glyph(ch)]


def test_unprintable_names_missing_characters() -> None:
    text = "张三\U0001f600 \ue000\n\t李四\U0001f600\u200b"
    assert fonts.unprintable(text) == [
        ("\U0001f600", "U+1F600 GRINNING FACE"),
        ("\ue000", "U+E000 <private use>"),
    ]
    assert fonts.unprintable(SAMPLE) == []


def test_split_runs_without_missing_characters_is_one_primary_run() -> None:
    assert fonts.split_runs(SAMPLE) == [(SANS, SAMPLE)]
    assert fonts.split_runs(SAMPLE, bold=True) == [(SANS_BOLD, SAMPLE)]
    assert fonts.split_runs("") == []
    # no font has it: stays in the primary run
    assert fonts.split_runs("a\U0001f600b") == [(SANS, "a\U0001f600b")]


# --- with a fallback font ---------------------------------------------------------------------

TEST_FALLBACK = "ComposerTestFallback"


@pytest.fixture(scope="module")
def fallback_font(tmp_path_factory: pytest.TempPathFactory) -> ttfonts.TTFont:
    """A tiny TrueType font with boxes for "A" and U+E000, registered with reportlab."""
    fb_mod = pytest.importorskip("fontTools.fontBuilder")
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def box():
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 700))
        pen.lineTo((900, 700))
        pen.lineTo((900, 0))
        pen.closePath()
        return pen.glyph()

    order = [".notdef", "A", "uniE000"]
    builder = fb_mod.FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({0x41: "A", 0xE000: "uniE000"})
    builder.setupGlyf({name: box() for name in order})
    builder.setupHorizontalMetrics(dict.fromkeys(order, (1000, 100)))
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Composer Test Fallback", "styleName": "Regular",
                            "psName": "ComposerTestFallback-Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    path = tmp_path_factory.mktemp("fonts") / "fallback.ttf"
    builder.save(str(path))
    font = ttfonts.TTFont(TEST_FALLBACK, str(path))
    pdfmetrics.registerFont(font)
    return font


@pytest.fixture
def with_fallback(fallback_font: ttfonts.TTFont, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_fallback_fonts", lambda: (fallback_font,))


@pytest.mark.usefixtures("with_fallback")
def test_split_runs_uses_fallback_only_where_needed() -> None:
    text = "A张\ue000三\ue000\ue000B\U0001f600"
    runs = fonts.split_runs(text)
    assert runs == [
        (SANS, "A张"),  # the fallback has "A" too, but the primary comes first
        (TEST_FALLBACK, "\ue000"),
        (SANS, "三"),
        (TEST_FALLBACK, "\ue000\ue000"),
        (SANS, "B\U0001f600"),  # nobody has the emoji: primary run
    ]
    assert "".join(run for _, run in runs) == text
    assert fonts.split_runs("粗\ue000", bold=True) == [(SANS_BOLD, "粗"), (TEST_FALLBACK, "\ue000")]
    assert fonts.has_glyph("\ue000")
    assert fonts.unprintable(text) == [("\U0001f600", "U+1F600 GRINNING FACE")]


@pytest.mark.usefixtures("with_fallback")
def test_fallback_runs_in_markup_and_pdf() -> None:
    markup = fonts.paragraph_markup("a<\ue000>&\nb")
    assert markup == f'a&lt;<font face="{TEST_FALLBACK}">\ue000</font>&gt;&amp;<br/>b'
    bold = fonts.paragraph_markup("粗\ue000", bold=True)
    assert bold == f'<b>粗<font face="{TEST_FALLBACK}">\ue000</font></b>'
    pdf = _build_pdf((markup, SANS), (bold, SANS))
    names = set(_pdf_fonts(pdf))
    assert any(n.endswith("+ComposerTestFallback-Regular") for n in names), names
    assert "\ue000" in _text(pdf)


# --- markup -----------------------------------------------------------------------------------


def test_paragraph_markup_escapes_user_text() -> None:
    assert fonts.paragraph_markup("<b>&amp; 5 < 6 \"x\" 'y'\r\nz\tw") == (
        "&lt;b&gt;&amp;amp; 5 &lt; 6 &quot;x&quot; &#39;y&#39;<br/>z w"
    )
    assert fonts.paragraph_markup("标题", bold=True) == "<b>标题</b>"


def test_paragraph_markup_drops_invisible_characters_without_glyph() -> None:
    # NUL, zero-width space, variation selector: no glyph anywhere, would print as boxes
    assert fonts.paragraph_markup("a\x00b\u200bc\ufe0fd") == "abcd"
    # what cannot be drawn yet is visible prints as a placeholder with its code point
    # (and is reported by unprintable)
    assert fonts.paragraph_markup("\U0001f600") == "〔U+1F600〕"


def test_serif_is_the_report_default_and_falls_back_to_the_sans() -> None:
    from composer.render import typefaces

    face = typefaces.bundled()
    assert face.body == typefaces.SERIF and face.title == typefaces.SERIF_BOLD
    assert face.heading == fonts.SANS_BOLD
    # a character the serif lacks but the sans has is set in the sans, not as a box
    from reportlab.pdfbase import pdfmetrics

    serif = pdfmetrics.getFont(typefaces.SERIF).face.charToGlyph
    sans = pdfmetrics.getFont(fonts.SANS).face.charToGlyph
    only_sans = next(chr(cp) for cp in sorted(sans) if cp not in serif and cp > 0x4E00)
    markup = fonts.paragraph_markup(f"甲{only_sans}乙", face=typefaces.SERIF)
    assert markup == f'甲<font face="{fonts.SANS}">{only_sans}</font>乙'
    assert fonts.paragraph_markup("甲\U0002A6A5", face=typefaces.SERIF) == "甲〔U+2A6A5〕"


def test_bundled_serif_allows_embedding_and_workstation_fonts_are_checked(tmp_path) -> None:
    from fontTools.ttLib import TTFont

    from composer.render import typefaces
    from composer.resources import resource_path

    for name in ("ComposerSerifSC-Regular.ttf", "ComposerSerifSC-Bold.ttf"):
        assert typefaces.embedding_problem(resource_path(f"fonts/{name}")) is None
    src = resource_path("fonts/ComposerSerifSC-Bold.ttf")
    for value, allowed in ((0x0000, True), (0x0004, True), (0x0008, True), (0x0002, False),
                           (0x0100, False), (0x0200, False)):
        path = tmp_path / f"simfang-{value:04x}.ttf"
        with TTFont(str(src)) as font:
            font["OS/2"].fsType = value
            font.save(str(path))
        problem = typefaces.embedding_problem(path)
        assert (problem is None) == allowed, (value, problem)
        if allowed:
            name = typefaces.register_file(path)
            face = typefaces.typeface(typefaces.FontChoice(body=str(path)))
            assert face.body == name and face.title == typefaces.SERIF_BOLD
        else:
            assert str(path) in problem and "fsType" in problem
            with pytest.raises(typefaces.FontRefused, match="fsType"):
                typefaces.typeface(typefaces.FontChoice(body=str(path)))
    found = typefaces.workstation_fonts([tmp_path])
    assert found == []            # none of the known file names
    (tmp_path / "sub").mkdir()
    (tmp_path / "simfang-0000.ttf").rename(tmp_path / "sub" / "simfang.ttf")
    (hit,) = typefaces.workstation_fonts([tmp_path])
    assert hit.role == "body" and hit.problem is None and hit.label.startswith("仿宋")
