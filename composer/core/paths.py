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


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make it private: 0700 whatever the umask.

    Only the directory itself is tightened; parents that already existed are left alone.
    A no-op for the mode on Windows (per-user folders there are private by their ACL).
    """
    path = Path(path)
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if sys.platform != "win32" and (path.stat().st_mode & 0o777) != PRIVATE_DIR_MODE:
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing file 0600 (a no-op if it does not exist, or on Windows)."""
    if sys.platform == "win32":
        return
    try:
        if (os.stat(path).st_mode & 0o777) != PRIVATE_FILE_MODE:
            os.chmod(path, PRIVATE_FILE_MODE)
    except FileNotFoundError:
        pass


def database_path() -> Path:
    return data_dir() / "composer.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"
