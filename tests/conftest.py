"""Test setup: headless Qt, user data redirected into a temporary directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test touches the real user data directory."""
    base = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("COMPOSER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("COMPOSER_CONFIG_DIR", str(base / "config"))
    yield
