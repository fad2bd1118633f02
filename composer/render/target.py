"""The folder a package is written into: one writer at a time, kill -9 leftovers, --force.

* **Lock.** A writer holds an exclusive OS lock on a hidden lock file beside the target,
  ``.<name>.lock`` — ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows — from checking
  the target to installing the package. The OS drops the lock when the process dies (kill -9
  included), so a stale lock never blocks. A second writer does not wait: it fails at once with
  :class:`TargetBusy`. The holder deletes the lock file when it is done (POSIX: while still
  holding it; a writer that opened the old file notices the path now names another file and
  tries again).
* **Leftovers.** A killed writer can leave ``.<name>.<hex>.partial`` (a package being written)
  and ``.<name>.old-<pid>-<n>`` (the previous package, moved aside during the swap). Under the
  lock no one else can be using them: they are removed — except that if the target itself is
  missing, the newest ``old`` folder is the previous package and is put back first.
* **--force** replaces only an empty folder or a Composer package: a ``manifest.json`` of format
  ``composer-package/1`` and nothing but the files it lists (within the standard layout) and the
  ``fax`` folder. Anything else is refused with the reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Self

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "composer-package/1"
FILES = {
    "pdf": ("report.pdf",),
    "eml": ("message.eml",),
    "fax": ("fax/cover.pdf", "fax/fax.pdf", "fax/fax.tif"),
    "script": ("script.txt", "script.pdf"),
}
"""Each output of a package and the files it writes: the layout ``--force`` recognises."""
LAYOUT = frozenset({MANIFEST, *(name for names in FILES.values() for name in names)})
LAYOUT_DIRS = frozenset(name.split("/")[0] for name in LAYOUT if "/" in name)


class TargetError(Exception):
    """A user-facing reason the target folder cannot be written (one line)."""


class TargetBusy(TargetError):
    """Another process is writing a package into the same folder right now."""


def lock_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.lock")


def partial_name(out_dir: Path) -> Path:
    """A fresh name for the temporary folder of a package being written."""
    return out_dir.with_name(f".{out_dir.name}.{os.urandom(4).hex()}.partial")


def aside_name(out_dir: Path) -> Path:
    for i in range(1000):
        candidate = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}-{i}")
        if not os.path.lexists(candidate):
            return candidate
    raise TargetError("cannot find a free name to move the old directory aside")


def _leftover_patterns(out_dir: Path) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = re.escape(out_dir.name)
    return (re.compile(rf"\.{name}\.[0-9a-f]{{8}}\.partial\Z"),
            re.compile(rf"\.{name}\.old-(\d+)-(\d+)\Z"))


class TargetLock:
    """``with TargetLock(out_dir):`` — exclusive, non-blocking; :class:`TargetBusy` if held."""

    def __init__(self, out_dir: Path):
        self.path = lock_path(out_dir)
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> Self:
        for _ in range(100):
            fh = open(self.path, "a+b")
            try:
                _lock(fh)
            except OSError:
                fh.close()
                raise TargetBusy("another Composer is writing a package into this folder "
                                 "right now; try again when it has finished") from None
            if _same_file(fh, self.path):
                self._fh = fh
                return self
            fh.close()  # the holder before us deleted the file we locked: lock the new one
        raise TargetBusy("cannot lock the folder (its lock file keeps changing)")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        if sys.platform != "win32":
            try:
                os.unlink(self.path)     # still holding the lock: no one can be inside
            except OSError:
                pass
            fh.close()
            return
        fh.close()                       # Windows: an open file cannot be deleted
        try:
            os.unlink(self.path)
        except OSError:
            pass


if sys.platform == "win32":
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _same_file(fh: IO[bytes], path: Path) -> bool:
        return True
else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _same_file(fh: IO[bytes], path: Path) -> bool:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return False
        own = os.fstat(fh.fileno())
        return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def clean_leftovers(out_dir: Path) -> list[str]:
    """Remove what killed writers left beside ``out_dir`` (call only under the lock); if the
    target is missing but a moved-aside old package exists, put the newest one back first.
    Returns the names handled."""
    partial, old = _leftover_patterns(out_dir)
    try:
        names = os.listdir(out_dir.parent)
    except OSError:
        return []
    olds = sorted((n for n in names if old.match(n)),
                  key=lambda n: os.lstat(out_dir.parent / n).st_mtime_ns)
    handled: list[str] = []
    if olds and not os.path.lexists(out_dir):
        newest = olds.pop()
        os.rename(out_dir.parent / newest, out_dir)   # the swap was cut short: restore
        handled.append(newest)
    for name in names:
        if partial.match(name) or name in olds:
            shutil.rmtree(out_dir.parent / name, ignore_errors=True)
            handled.append(name)
    return handled


def check_replaceable(out_dir: Path) -> None:
    """Raise :class:`TargetError` unless ``out_dir`` (a non-empty directory) is a Composer
    package that ``--force`` may replace."""
    manifest_path = out_dir / MANIFEST
    if not manifest_path.is_file() or manifest_path.is_symlink():
        raise TargetError(f"--force replaces only an empty folder or a Composer package; "
                          f"this folder has no {MANIFEST}, so it is not one — nothing was "
                          f"changed")
    try:
        manifest = json.loads(manifest_path.read_bytes())
        listed = {str(f["path"]) for f in manifest["files"]}
        fmt = manifest.get("format")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise TargetError(f"--force: {MANIFEST} in this folder cannot be read as a Composer "
                          f"manifest — nothing was changed") from None
    if fmt != MANIFEST_FORMAT:
        raise TargetError(f"--force: {MANIFEST} is not a {MANIFEST_FORMAT} manifest — "
                          "nothing was changed")
    allowed = (listed & LAYOUT) | {MANIFEST}
    for root, dirs, files in os.walk(out_dir):
        rel_root = Path(root).relative_to(out_dir)
        for name in dirs + files:
            rel = (rel_root / name).as_posix()
            path = Path(root) / name
            if path.is_symlink():
                raise TargetError(f"--force: {rel} is a symbolic link, not part of a Composer "
                                  "package — nothing was changed")
            if name in dirs and rel in LAYOUT_DIRS:
                continue
            if name in files and rel in allowed:
                continue
            raise TargetError(f"--force replaces only an empty folder or a Composer package; "
                              f"{rel} is not one of the files its {MANIFEST} lists — nothing "
                              "was changed")
