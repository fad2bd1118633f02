"""Where the user's data and configuration live: the one module that knows.

``COMPOSER_DATA_DIR`` and ``COMPOSER_CONFIG_DIR`` override the platform defaults (tests move
every user path into a temporary directory this way). Read at call time, never cached.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "Composer"


def _user_dir(override: str, windows: tuple[str, str], mac: str, xdg: tuple[str, str]) -> Path:
    """``$override`` if set, else the platform's folder for this kind of user file."""
    value = os.environ.get(override)
    if value:
        return Path(value)
    home = Path.home()
    if sys.platform == "win32":
        env, fallback = windows
        return Path(os.environ.get(env) or home / fallback) / APP_DIR_NAME
    if sys.platform == "darwin":
        return home / "Library" / mac / APP_DIR_NAME
    env, fallback = xdg
    return Path(os.environ.get(env) or home / fallback) / APP_DIR_NAME.lower()


def data_dir() -> Path:
    """Drafts database and other user data (not created here)."""
    return _user_dir("COMPOSER_DATA_DIR", ("LOCALAPPDATA", "AppData/Local"),
                     "Application Support", ("XDG_DATA_HOME", ".local/share"))


def config_dir() -> Path:
    """User settings (language, window geometry)."""
    return _user_dir("COMPOSER_CONFIG_DIR", ("APPDATA", "AppData/Roaming"), "Preferences",
                     ("XDG_CONFIG_HOME", ".config"))


def database_path() -> Path:
    return data_dir() / "composer.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"
