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


FIRST_SHOW_PROBE = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow
import composer.gui.app as app_mod

HEAVY = ("reportlab", "pypdfium2", "PIL", "jinja2")
seen = []

class Probe(QObject):
    def eventFilter(self, obj, event):
        if not seen and event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
            seen.append([m for m in sys.modules if m.split(".")[0] in HEAVY])
            print("first-show loaded:", sorted({m.split(".")[0] for m in seen[0]}),
                  file=sys.stderr, flush=True)
        return False

setup = app_mod.setup_application
probe = Probe()

def setup_with_probe(*args, **kwargs):
    app = setup(*args, **kwargs)
    app.installEventFilter(probe)
    return app

app_mod.setup_application = setup_with_probe
code = app_mod.run(None)
sys.exit(code if seen else 3)
"""


def test_first_window_shows_before_the_render_stack_is_loaded(tmp_path):
    """reportlab, PDFium, Pillow and jinja2 are loaded when first needed, not before the first
    window (issue 14): checked with sys.modules at the main window's first Show event."""
    out = subprocess.run(  # noqa: PLW1510 (status asserted)
        [sys.executable, "-c", FIRST_SHOW_PROBE],
        env=_env(tmp_path, COMPOSER_SMOKE_QUIT_MS="300"), capture_output=True, text=True,
        timeout=60)
    assert out.returncode == 0, out.stderr
    assert "first-show loaded: []" in out.stderr, out.stderr


def test_startup_line_names_render_modules_loaded(tmp_path):
    out = subprocess.run(  # noqa: PLW1510 (status asserted)
        [sys.executable, "-m", "composer"],
        env=_env(tmp_path, COMPOSER_SMOKE_QUIT_MS="300", COMPOSER_STARTUP_T0=str(time.time())),
        capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert " render-modules -" in out.stderr, out.stderr
