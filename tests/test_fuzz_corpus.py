"""The hostile corpus (tests/data/fuzz, written by its make_corpus.py): for every file, validate,
classify, script and render exit 0 or 2 with clean stderr — one printable ``path: message`` line per
problem, bounded in length and number — and nothing written on exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer.__main__ import main

FUZZ = Path(__file__).resolve().parent / "data" / "fuzz"
FILES = sorted(FUZZ.glob("*.json"))
VALID = {"valid-at-bounds.json", "valid-latest-discovery.json"}
MAX_LINE = 500
MAX_LINES = 102          # 100 problems, the count of the rest, and room for a warning


def assert_clean_stderr(err: str) -> None:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert 1 <= len(lines) <= MAX_LINES, len(lines)
    for line in lines:
        assert line.isprintable(), repr(line[:120])
        assert len(line) <= MAX_LINE, len(line)
        assert ": " in line, line


def test_the_corpus_is_what_its_generator_writes() -> None:
    sys.path.insert(0, str(FUZZ))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(FUZZ))
    corpus = make_corpus.corpus()
    assert sorted(corpus) == [p.name for p in FILES]
    for name, content in corpus.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert (FUZZ / name).read_bytes() == data, name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("command", ["validate", "classify", "script"])
def test_validate_and_classify_are_clean(path: Path, command: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code = main([command, str(path)])
    out, err = capsys.readouterr()
    if path.name in VALID:
        assert code == 0, err
        if command == "classify":
            json.loads(out)
        elif command == "validate":
            assert out.startswith("valid: ")
        else:
            assert out.strip()
        return
    assert code == 2
    assert out == ""
    assert_clean_stderr(err)


@pytest.mark.parametrize("path", [p for p in FILES if p.name not in VALID], ids=lambda p: p.name)
def test_render_refuses_cleanly_and_writes_nothing(path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "pkg"
    assert main(["render", str(path), "--out", str(out_dir)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_clean_stderr(err)
    assert not out_dir.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(VALID))
def test_render_at_the_bounds(name: str, tmp_path: Path) -> None:
    assert main(["render", str(FUZZ / name), "--out", str(tmp_path / "pkg")]) == 0
    manifest = json.loads((tmp_path / "pkg" / "manifest.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in manifest["files"]} >= {"report.pdf", "message.eml", "fax/fax.tif"}


@pytest.mark.parametrize("name", ["surrogate-title.json", "esc-in-title.json",
                                  "key-100k-with-crlf.json", "valid-at-bounds.json"])
def test_real_process_with_an_ascii_terminal(name: str) -> None:
    """A real process whose stdout/stderr cannot encode Chinese: escaped output, no traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for command in ("validate", "classify"):
        proc = subprocess.run([sys.executable, "-m", "composer", command, str(FUZZ / name)],
                              capture_output=True, env=env, timeout=120, check=False)
        err = proc.stderr.decode("ascii")           # strictly ASCII: escapes, not raw bytes
        out = proc.stdout.decode("ascii")
        if name in VALID:
            assert proc.returncode == 0, err
            if command == "classify":
                assert json.loads(out)["level"] == "especially_major"
        else:
            assert proc.returncode == 2
            assert_clean_stderr(err)


def test_standard_input_beyond_the_size_limit_is_refused() -> None:
    proc = subprocess.run([sys.executable, "-m", "composer", "validate", "-"],
                          input=b" " * (9 * 1024 * 1024), capture_output=True, timeout=120,
                          check=False)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "$: is too large: more than 8,388,608 bytes (an incident " \
                                   "file is far smaller)\n"
