"""Startup smoke tests: the CLI version, and the GUI main() in a subprocess that quits itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from composer import __version__

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"


def _env(tmp_path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               COMPOSER_DATA_DIR=str(tmp_path / "data"),
               COMPOSER_CONFIG_DIR=str(tmp_path / "config"))
    env.update(extra)
    return env


def test_version(tmp_path):
    out = subprocess.run([sys.executable, "-m", "composer", "--version"], env=_env(tmp_path),
                         check=False,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert out.stdout.strip() == f"composer {__version__}"


def test_gui_main_starts_and_quits(tmp_path):
    out = subprocess.run(  # noqa: PLW1510 (status asserted)
        [sys.executable, "-c", "import sys; from composer.__main__ import main; sys.exit(main([]))"],
        env=_env(tmp_path, COMPOSER_SMOKE_QUIT_MS="500", COMPOSER_STARTUP_T0=str(time.time())),
        capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "startup: first-window" in out.stderr
    assert "Traceback" not in out.stderr
    assert (tmp_path / "data" / "composer.sqlite3").exists()


def test_gui_open_file_starts(tmp_path):
    out = subprocess.run(  # noqa: PLW1510 (status asserted)
        [sys.executable, "-m", "composer", "open", str(EXAMPLES / "cii-grid-outage.json")],
        env=_env(tmp_path, COMPOSER_SMOKE_QUIT_MS="500"), capture_output=True, text=True,
        timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
