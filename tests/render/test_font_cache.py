"""The persistent cache of parsed fonts (composer.render.font_cache, issue 14 goal 2): a font
from the cache is the font reportlab parses, the cache never breaks rendering, and a changed
font file is never served another file's state."""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from reportlab.pdfbase import ttfonts

from composer.render import font_cache
from composer.resources import resource_path

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"
SERIF_BOLD = resource_path("fonts/ComposerSerifSC-Bold.ttf")
ROOT = Path(__file__).resolve().parents[2]


def _tiny_font(path: Path, width: int = 600, upem: int = 1000) -> Path:
    """A small TrueType font with "A", "B" and U+E000 (advance ``width`` for "A")."""
    fb_mod = pytest.importorskip("fontTools.fontBuilder")
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def box():
        pen = TTGlyphPen(None)
        pen.moveTo((50, 0))
        pen.lineTo((50, 700))
        pen.lineTo((500, 700))
        pen.lineTo((500, 0))
        pen.closePath()
        return pen.glyph()

    order = [".notdef", "space", "A", "B", "uniE000"]
    builder = fb_mod.FontBuilder(upem, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({0x20: "space", 0x41: "A", 0x42: "B", 0xE000: "uniE000"})
    builder.setupGlyf({name: box() for name in order})
    metrics = dict.fromkeys(order, (700, 50))
    metrics["A"] = (width, 50)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Cache Test", "styleName": "Regular",
                            "psName": "CacheTest-Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    path.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(path))
    return path


def _same_as_parsed(font: ttfonts.TTFont, path: Path) -> None:
    """``font`` carries exactly what ``ttfonts.TTFont(name, path)`` would."""
    parsed = ttfonts.TTFont(font.fontName, str(path))
    face, real = font.face, parsed.face
    for field in ("glyphToChar", "hmetrics", "glyphPos"):
        getattr(face, field)                      # decode the lazy fields
    got = {k: v for k, v in vars(face).items() if k not in ("_glyphs", "_subfont_index")}
    want = vars(real)
    assert got.keys() == want.keys()
    for key in want:
        if key == "_pdfScale":
            assert [face._pdfScale(x) for x in (0, 1, 333, 2048)] == \
                   [real._pdfScale(x) for x in (0, 1, 333, 2048)]
            continue
        assert type(got[key]) is type(want[key]), key
        assert got[key] == want[key], key
        if isinstance(want[key], ttfonts.TTFNameBytes):
            assert got[key].ustr == want[key].ustr
        if isinstance(want[key], dict):
            assert list(got[key]) == list(want[key]), key        # the same order, too
    assert isinstance(face, ttfonts.TTFontFace)
    assert type(font) is ttfonts.TTFont
    skip = ("face", "state")
    assert {k: v for k, v in vars(font).items() if k not in skip and k != "encoding"} == \
           {k: v for k, v in vars(parsed).items() if k not in skip and k != "encoding"}
    assert vars(font).keys() == vars(parsed).keys()
    assert vars(font.encoding) == vars(parsed.encoding)


def _files() -> list[Path]:
    return sorted(font_cache.cache_dir().glob("*.bin"))


def _counts() -> tuple[int, int, int]:
    s = font_cache.stats
    return s["hits"], s["misses"], s["writes"]


def test_a_cached_font_is_the_parsed_font(tmp_path):
    path = _tiny_font(tmp_path / "tiny.ttf")
    before = _counts()
    first = font_cache.load_font("CacheTiny", path)
    assert _counts() == (before[0], before[1] + 1, before[2] + 1)
    (_entry,) = _files()
    second = font_cache.load_font("CacheTiny", path)
    assert _counts() == (before[0] + 1, before[1] + 1, before[2] + 1)
    _same_as_parsed(first, path)
    _same_as_parsed(second, path)


def test_a_bundled_face_and_a_non_1000_unit_font_round_trip(tmp_path):
    font_cache.load_font("CacheSerifBold", SERIF_BOLD)
    hits = font_cache.stats["hits"]
    cached = font_cache.load_font("CacheSerifBold", SERIF_BOLD)
    assert font_cache.stats["hits"] == hits + 1
    _same_as_parsed(cached, SERIF_BOLD)
    assert cached.stringWidth("国家网络安全 Report", 12) == \
           ttfonts.TTFont("x", str(SERIF_BOLD)).stringWidth("国家网络安全 Report", 12)
    path = _tiny_font(tmp_path / "upem2048.ttf", width=1234, upem=2048)
    font_cache.load_font("CacheUpem", path)
    cached = font_cache.load_font("CacheUpem", path)
    assert isinstance(cached.face.charWidths[0x41], float)          # 1234 * 1000 / 2048
    assert any(isinstance(a, float) for a, _ in cached.face.hmetrics)   # a scaled one repeats
    _same_as_parsed(cached, path)


def test_cache_folder_is_private_and_under_the_data_dir(tmp_path):
    font_cache.load_font("CachePrivate", _tiny_font(tmp_path / "p.ttf"))
    folder = font_cache.cache_dir()
    assert folder == Path(os.environ["COMPOSER_DATA_DIR"]) / "cache" / "fonts"
    if sys.platform != "win32":
        assert folder.stat().st_mode & 0o777 == 0o700
        assert all(f.stat().st_mode & 0o777 == 0o600 for f in _files())


def test_the_key_is_the_content_not_the_path(tmp_path):
    a = _tiny_font(tmp_path / "a" / "font.ttf")
    b = tmp_path / "elsewhere" / "renamed.ttf"
    b.parent.mkdir()
    shutil.copyfile(a, b)
    font_cache.load_font("CacheA", a)
    hits = font_cache.stats["hits"]
    font = font_cache.load_font("CacheB", b)
    assert font_cache.stats["hits"] == hits + 1
    assert font.face.filename == str(b)


def test_a_changed_font_file_is_not_served_stale_data(tmp_path):
    path = _tiny_font(tmp_path / "font.ttf", width=600)
    old = font_cache.load_font("CacheChanged", path)
    assert old.face.charWidths[0x41] == 600
    os.utime(path, (1, 1))
    _tiny_font(path, width=900)                  # same path, other content
    os.utime(path, (1, 1))                       # even with the same modification time
    misses = font_cache.stats["misses"]
    new = font_cache.load_font("CacheChanged", path)
    assert font_cache.stats["misses"] == misses + 1
    assert new.face.charWidths[0x41] == 900
    _same_as_parsed(new, path)
    assert len(_files()) == 2


def _rewrite(entry: Path, body: bytes) -> None:
    entry.write_bytes(font_cache._MAGIC + hashlib.sha256(body).digest() + body)


def _payload(entry: Path) -> dict:
    blob = entry.read_bytes()
    return marshal.loads(blob[len(font_cache._MAGIC) + 32:])


def _flip(blob: bytes) -> bytes:
    return blob[:-5] + bytes([blob[-5] ^ 0xFF]) + blob[-4:]


def _damage_cases(tmp_path: Path):
    marker = tmp_path / "ran"
    code = compile(f"open({str(marker)!r}, 'w').write('x')", "<cache>", "exec")

    def wrong_types(entry):
        payload = _payload(entry)
        payload["state"]["ascent"] = str(payload["state"]["ascent"])
        _rewrite(entry, marshal.dumps(payload))

    def glyph_map_in_the_file(entry):
        payload = _payload(entry)
        payload["state"]["charToGlyph"] = {0x41: 3, 0x42: 2}
        _rewrite(entry, marshal.dumps(payload))

    def other_glyph_count(entry):
        payload = _payload(entry)
        payload["state"]["numGlyphs"] += 1
        _rewrite(entry, marshal.dumps(payload))

    def other_directory(entry):
        payload = _payload(entry)
        payload["state"]["tables"][0]["offset"] += 4
        _rewrite(entry, marshal.dumps(payload))

    def missing_field(entry):
        payload = _payload(entry)
        del payload["state"]["numGlyphs"]
        _rewrite(entry, marshal.dumps(payload))

    return {
        "truncated": lambda e: e.write_bytes(e.read_bytes()[: e.stat().st_size // 2]),
        "empty": lambda e: e.write_bytes(b""),
        "flipped byte": lambda e: e.write_bytes(_flip(e.read_bytes())),
        "foreign file": lambda e: e.write_bytes(b"%PDF-1.4 not a cache\n" * 50),
        "not marshal": lambda e: _rewrite(e, b"\x00garbage\xff" * 10),
        "a list": lambda e: _rewrite(e, marshal.dumps([1, 2, 3])),
        "code object": lambda e: _rewrite(e, marshal.dumps(code)),
        "code in the state": lambda e: _rewrite(e, marshal.dumps(
            {**_payload(e), "state": {**_payload(e)["state"], "stemV": code}})),
        "wrong types": wrong_types,
        "a glyph map in the file": glyph_map_in_the_file,
        "another glyph count": other_glyph_count,
        "other table directory": other_directory,
        "missing field": missing_field,
        "a directory": lambda e: (e.unlink(), e.mkdir()),
    }, marker


def test_damaged_or_foreign_cache_files_fall_back_to_a_real_parse(tmp_path):
    path = _tiny_font(tmp_path / "font.ttf")
    cases, marker = _damage_cases(tmp_path)
    for label, damage in cases.items():
        for f in _files():
            f.unlink()
        font_cache.load_font("CacheDamaged", path)
        (entry,) = font_cache.cache_dir().glob("*.bin")
        damage(entry)
        misses = font_cache.stats["misses"]
        font = font_cache.load_font("CacheDamaged", path)
        assert font_cache.stats["misses"] == misses + 1, label
        _same_as_parsed(font, path)
        assert not marker.exists(), label
        if entry.is_dir():
            entry.rmdir()
            continue
        hits = font_cache.stats["hits"]
        font_cache.load_font("CacheDamaged", path)      # rewritten: served again
        assert font_cache.stats["hits"] == hits + 1, label


def test_an_unusable_cache_folder_means_no_cache_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("COMPOSER_DATA_DIR", str(blocker / "data"))
    path = _tiny_font(tmp_path / "font.ttf")
    writes = font_cache.stats["writes"]
    for _ in range(2):
        font = font_cache.load_font("CacheNoDir", path)
        _same_as_parsed(font, path)
    assert font_cache.stats["writes"] == writes


def test_another_reportlab_ttfont_constructor_means_no_cache(tmp_path, monkeypatch):
    path = _tiny_font(tmp_path / "font.ttf")
    font_cache.load_font("CacheCtorA", path)
    assert len(_files()) == 1
    monkeypatch.setattr(font_cache, "_TTFONT_INIT_NAMES", frozenset({"something", "else"}))
    hits, writes = font_cache.stats["hits"], font_cache.stats["writes"]
    font = font_cache.load_font("CacheCtorB", path)
    assert (font_cache.stats["hits"], font_cache.stats["writes"]) == (hits, writes)
    assert type(font.face) is ttfonts.TTFontFace               # parsed, not from the cache
    _same_as_parsed(font, path)


def test_a_file_reportlab_cannot_use_raises_what_reportlab_raises(tmp_path):
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 40)
    for path in (bad, tmp_path / "missing.ttf"):
        with pytest.raises(Exception) as reportlab:  # compared below
            ttfonts.TTFont("x", str(path))
        with pytest.raises(type(reportlab.value)):
            font_cache.load_font("CacheBad", path)
    assert _files() == []


def test_threads_loading_at_once_get_the_same_font(tmp_path):
    path = _tiny_font(tmp_path / "font.ttf")
    results, errors = [], []

    def work(i):
        try:
            results.append(font_cache.load_font(f"CacheThread{i}", path))
        except Exception as exc:  # noqa: BLE001  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 8
    for font in results:
        _same_as_parsed(font, path)
    assert len(_files()) == 1


# --- whole renders: byte-identical with a cold, a warm and no cache -----------------------------


def _render(out: Path, data_dir: Path) -> dict[str, bytes]:
    env = dict(os.environ, COMPOSER_DATA_DIR=str(data_dir), SOURCE_DATE_EPOCH="1795000000")
    done = subprocess.run(  # noqa: PLW1510 (status asserted)
        [sys.executable, "-m", "composer", "render", str(EXAMPLE), "--out", str(out)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def test_packages_are_byte_identical_with_a_cold_a_warm_and_no_cache(tmp_path):
    data = tmp_path / "data"
    cold = _render(tmp_path / "cold", data)
    entries = {p.name: p.stat().st_mtime_ns for p in (data / "cache" / "fonts").glob("*.bin")}
    assert len(entries) == 4                   # the bundled sans and serif, regular and bold
    warm = _render(tmp_path / "warm", data)
    assert {p.name: p.stat().st_mtime_ns for p in (data / "cache" / "fonts").glob("*.bin")} \
        == entries                             # served, not rewritten
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    none = _render(tmp_path / "none", blocker / "data")
    assert {"report.pdf", "message.eml", "fax/fax.tif"} <= cold.keys()
    assert cold == warm == none
