"""``composer render --generated-at`` and ``SOURCE_DATE_EPOCH``: the same input and time give
byte-identical packages, in separate processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from composer.render.timestamp import BadGenerationTime, generation_time

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"


def _render(out: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "composer", "render", str(EXAMPLE), "--out",
                           str(out), *args], capture_output=True, text=True, env=full_env,
                          timeout=180, check=False)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_at_gives_byte_identical_packages(tmp_path: Path) -> None:
    a = _render(tmp_path / "a", "--generated-at", "2026-11-18T15:30:00+08:00")
    b = _render(tmp_path / "b", "--generated-at", "2026-11-18T07:30:00Z")
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    tree_a, tree_b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert len(tree_a) == 6
    manifest = json.loads(tree_a["manifest.json"])
    assert manifest["generated_at"] == "2026-11-18T15:30:00+08:00"
    assert tree_b == tree_a           # the same instant written with another offset
    _render(tmp_path / "c", "--generated-at", "2026-11-18T15:30:00+08:00")
    assert _tree(tmp_path / "c") == tree_a
    _render(tmp_path / "d", "--generated-at", "2026-11-18T15:31:00+08:00")
    assert _tree(tmp_path / "d")["report.pdf"] != tree_a["report.pdf"]


def test_source_date_epoch_is_honoured(tmp_path: Path) -> None:
    epoch = int(datetime(2026, 11, 18, 7, 30, tzinfo=UTC).timestamp())
    a = _render(tmp_path / "a", env={"SOURCE_DATE_EPOCH": str(epoch)})
    b = _render(tmp_path / "b", env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text("utf-8"))
    assert manifest["generated_at"] == "2026-11-18T15:30:00+08:00"
    # the option wins over the environment
    c = _render(tmp_path / "c", "--generated-at", "2026-11-18T15:30:00+08:00",
                env={"SOURCE_DATE_EPOCH": "0"})
    assert c.returncode == 0, c.stderr
    assert _tree(tmp_path / "c") == _tree(tmp_path / "a")


@pytest.mark.parametrize(("option", "env", "needle"), [
    ("2026-11-18T15:30", None, "UTC offset"),
    ("yesterday", None, "ISO 8601"),
    ("1970-01-01T00:00:00+00:00", None, "between 2000-01-01 and 2100-12-31"),
    (None, "1", "between 2000-01-01 and 2100-12-31"),
    (None, "12abc", "whole seconds"),
    (None, "-5", "whole seconds"),
])
def test_bad_times_are_refused_with_the_reason(tmp_path: Path, option: str | None,
                                               env: str | None, needle: str) -> None:
    with pytest.raises(BadGenerationTime, match=needle):
        generation_time(option, {"SOURCE_DATE_EPOCH": env} if env else {})
    args = ("--generated-at", option) if option else ()
    proc = _render(tmp_path / "x", *args, env={"SOURCE_DATE_EPOCH": env} if env else None)
    assert proc.returncode == 2 and needle in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x").exists()


def test_default_is_now() -> None:
    assert generation_time(None, {}) is None
    got = generation_time("2026-11-18T15:30:59.75+08:00", {})
    assert got == datetime(2026, 11, 18, 15, 30, 59, tzinfo=timezone(timedelta(hours=8)))
    assert got is not None and got.utcoffset() == timedelta(hours=8)
    assert generation_time("2026-11-18T07:30:00Z", {}) == got.replace(second=0)
