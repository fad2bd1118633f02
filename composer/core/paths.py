"""Where the user's data and configuration live: the one module that knows.

``COMPOSER_DATA_DIR`` and ``COMPOSER_CONFIG_DIR`` override the platform defaults (tests move
every user path into a temporary directory this way). Read at call time, never cached.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "Composer"


def _home() -> Path:
    return Path.home()


def data_dir() -> Path:
    """Drafts database and other user data (not created here)."""
    override = os.environ.get("COMPOSER_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(_home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME.lower()


def config_dir() -> Path:
    """User settings (language, window geometry)."""
    override = os.environ.get("COMPOSER_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(_home() / "AppData" / "Roaming")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Preferences" / APP_DIR_NAME
    base = os.environ.get("XDG_CONFIG_HOME") or str(_home() / ".config")
    return Path(base) / APP_DIR_NAME.lower()


def database_path() -> Path:
    return data_dir() / "composer.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"
