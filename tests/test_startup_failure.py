"""Started without a usable display, the app says what is wrong, in Chinese and English, on
stderr and in the data folder's startup-error.txt, and names composer-cli doctor: never Qt's
bare abort (issue 19 point 3, issue 22 point 3)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from composer import doctor_display
from offline_helpers import hide_library, in_namespace, needs_mount_namespace

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="X11 displays are Linux's")
NO_DISPLAY = ":59999"   # no X server listens here


def _env(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(COMPOSER_DATA_DIR=str(data), **extra)
    return env


def _start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "composer"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def _said(out: subprocess.CompletedProcess[str], data: Path) -> str:
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert out.returncode not in (-signal.SIGABRT, 134)
    for words in ("Composer 无法打开程序窗口。", "Composer cannot open its window.",
                  "composer-cli doctor", "处理：", "Fix: "):
        assert words in out.stderr, (words, out.stderr)
    note = (data / "startup-error.txt").read_text(encoding="utf-8")
    assert "Composer cannot open its window." in note and "Composer 无法打开程序窗口。" in note
    assert f"Also written to {data / 'startup-error.txt'}" in out.stderr
    return out.stderr


def test_no_display(tmp_path):
    said = _said(_start(_env(tmp_path / "data")), tmp_path / "data")
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in said and "ssh -X" in said
    assert "is needed to load the Qt xcb platform plugin" not in said   # Qt never ran


def test_unreachable_display(tmp_path):
    said = _said(_start(_env(tmp_path / "data", DISPLAY=NO_DISPLAY)), tmp_path / "data")
    assert f"DISPLAY={NO_DISPLAY} cannot be reached" in said
    assert f"could not connect to display {NO_DISPLAY}" in said   # Qt's own words


@needs_mount_namespace
@pytest.mark.skipif(doctor_display.xcb_plugin() is None, reason="needs Qt's X11 plugin")
def test_missing_x11_library_with_a_display(tmp_path):
    setup = hide_library(tmp_path, "libxcb-cursor.so.0")
    out = in_namespace(setup, [sys.executable, "-m", "composer"],
                       env=_env(tmp_path / "data", DISPLAY=NO_DISPLAY))
    said = _said(out, tmp_path / "data")
    assert "libxcb-cursor.so.0" in said and "sudo apt-get install libxcb-cursor0" in said
    assert "sudo dnf install xcb-util-cursor" in said


def test_a_window_that_opens_clears_an_old_note(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "startup-error.txt").write_text("an old failure\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "composer"],
                         env=_env(data, QT_QPA_PLATFORM="offscreen",
                                  COMPOSER_SMOKE_QUIT_MS="300",
                                  COMPOSER_CONFIG_DIR=str(tmp_path / "config")),
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert not (data / "startup-error.txt").exists()
