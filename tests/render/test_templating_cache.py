"""jinja2's own bytecode cache in the data folder (issue 23 point 1, replacing the generated
templates/_compiled/): used from the second process on, never an error when it cannot be
written, never a hang on a FIFO, and a damaged file only means compiling again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(data_dir: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMPOSER_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60, check=False)


PROBE = """
import jinja2
from composer.render import templating
compiled = []
real = jinja2.Environment._compile
def spy(self, source, filename):
    compiled.append(filename)
    return real(self, source, filename)
jinja2.Environment._compile = spy
t = templating.template("email.txt.j2")
print(len(compiled), templating.environment().bytecode_cache is not None)
"""


def test_the_second_process_loads_instead_of_compiling(tmp_path: Path) -> None:
    first = _run(tmp_path, PROBE)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["1", "True"]                   # compiled, and stored
    cached = list((tmp_path / "cache" / "templates").iterdir())
    assert len(cached) == 1 and cached[0].suffix == ".cache"
    second = _run(tmp_path, PROBE)
    assert second.stdout.split() == ["0", "True"], second.stderr  # loaded


def test_a_data_folder_that_cannot_be_made_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    run = _run(blocker / "data", PROBE)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1", "False"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_damaged_file_in_the_cache_only_means_compiling(tmp_path: Path) -> None:
    assert _run(tmp_path, PROBE).returncode == 0
    (cached,) = (tmp_path / "cache" / "templates").iterdir()
    cached.unlink()
    os.mkfifo(cached)                       # no writer: an ordinary open would block forever
    run = _run(tmp_path, PROBE)
    assert run.returncode == 0 and run.stdout.split()[0] == "1", run.stderr
    cached.unlink()
    cached.write_bytes(b"j2\x00garbage" * 10)
    run = _run(tmp_path, PROBE)
    assert run.returncode == 0 and run.stdout.split()[0] == "1", run.stderr
