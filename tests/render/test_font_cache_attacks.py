"""No cache can change a printed glyph (issue 20 point 3): a font-cache file crafted with swapped
digit glyphs and a recomputed SHA-256, a FIFO or a huge file in its place — the package is then
byte for byte the package rendered with no cache at all (the same glyph ids, widths and
outlines in every PDF, the same fax bits), and the fax cover still prints 010-82992387."""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer.render import font_cache

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"


def _render(out: Path, data_dir: Path) -> dict[str, bytes]:
    env = dict(os.environ, COMPOSER_DATA_DIR=str(data_dir), SOURCE_DATE_EPOCH="1795000000")
    done = subprocess.run([sys.executable, "-m", "composer", "render", str(EXAMPLE), "--out",
                           str(out)], capture_output=True, text=True, env=env, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def _payload(entry: Path) -> dict:
    return marshal.loads(entry.read_bytes()[len(font_cache._MAGIC) + 32:])


def _rewrite(entry: Path, payload: object) -> None:
    body = marshal.dumps(payload)
    entry.write_bytes(font_cache._MAGIC + hashlib.sha256(body).digest() + body)


def _swap_digits(entry: Path) -> None:
    """What the probe did, in the place it would have to go now: a glyph map (and widths) in
    the stored state with 0↔8, 1↔7, 2↔5 swapped, and the SHA-256 recomputed."""
    from reportlab.pdfbase import ttfonts

    payload = _payload(entry)
    from composer.resources import resource_path

    real = ttfonts.TTFont("x", str(resource_path("fonts/ComposerSansSC-Regular.ttf"))).face
    swapped = dict(real.charToGlyph)
    for a, b in ("08", "17", "25"):
        swapped[ord(a)], swapped[ord(b)] = real.charToGlyph[ord(b)], real.charToGlyph[ord(a)]
    payload["state"]["charToGlyph"] = swapped
    payload["state"]["charWidths"] = dict(real.charWidths)
    _rewrite(entry, payload)


def _fifo(entry: Path) -> None:
    entry.unlink()
    os.mkfifo(entry)                # no writer: an ordinary open would block the render forever


def _huge(entry: Path) -> None:
    """A 5,000,000-entry glyph map, and a sparse 2 GB file: refused by size before reading."""
    payload = _payload(entry)
    payload["state"]["glyphMap"] = dict.fromkeys(range(5_000_000), 1)
    _rewrite(entry, payload)
    assert font_cache._read_file(entry) is None
    with open(entry, "r+b") as fh:
        fh.truncate(2 * 1024**3)
    assert font_cache._read_file(entry) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_crafted_cache_cannot_change_a_printed_glyph(tmp_path: Path) -> None:
    blocker = tmp_path / "no-cache"
    blocker.write_text("not a folder", "utf-8")
    reference = _render(tmp_path / "reference", blocker / "data")
    data = tmp_path / "data"
    assert _render(tmp_path / "cold", data) == reference
    entries = sorted((data / "cache" / "fonts").glob("*.bin"))
    assert len(entries) == 4
    fresh = {e: e.read_bytes() for e in entries}
    for label, craft in (("swapped digits", _swap_digits), ("FIFO", _fifo),
                         ("huge", _huge)):
        for entry, blob in fresh.items():
            entry.unlink()
            entry.write_bytes(blob)
            craft(entry)
        got = _render(tmp_path / label.replace(" ", "-"), data)
        assert got == reference, f"{label}: the package differs from the no-cache one"
    cover = subprocess.run(["pdftotext", str(tmp_path / "huge" / "fax" / "cover.pdf"), "-"],
                           capture_output=True, text=True, check=False)
    if cover.returncode == 0:
        assert "010-82992387" in cover.stdout.replace(" ", "")
