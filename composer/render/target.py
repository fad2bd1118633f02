"""The folder a package is written into: one writer at a time, nothing deleted that is not
Composer's, kill -9 leftovers, --force.

* **Lock.** A writer holds an exclusive OS lock on a hidden lock file beside the target,
  ``.<name>.lock`` — ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows — from checking
  the target to installing the package. The OS drops the lock when the process dies (kill -9
  included), so a stale lock never blocks. A second writer does not wait: it fails at once with
  :class:`TargetBusy`. The lock file is opened without following a symbolic link
  (``O_NOFOLLOW``) and must be a regular file: a link planted there is refused and creates
  nothing where it points. The holder deletes the lock file when it is done (POSIX: while still
  holding it; a writer that opened the old file notices the path now names another file and
  tries again).
* **Ownership.** Every folder a writer makes or moves beside the target — the package being
  written, ``.<name>.<hex>.partial``, and the previous package moved aside during a swap,
  ``.<name>.old-<pid>-<n>`` — is first recorded in the lock file with its device and inode
  (:meth:`TargetLock.record`). A kill -9 leaves those records behind; the next writer, under the
  lock, handles exactly the recorded folders that still have the recorded identity — a moved-
  aside package is put back if the target is missing, the others are emptied of the files a
  package has and removed (:func:`clean_leftovers`). A folder that merely has such a name is
  not Composer's and is never touched, and nothing but the files of the package layout is ever
  deleted from any folder (:func:`remove_package_files`): a folder that holds anything else is
  left where it is.
* **--force** replaces only an empty folder or a Composer package: a ``manifest.json`` of format
  ``composer-package/1`` and nothing but the files it lists (within the standard layout) and the
  ``fax`` folder. Anything else is refused with the reason. What the folder held when it was
  checked is kept as a :func:`snapshot`; a file that appears in it during the render stops the
  render (:class:`TargetChanged`) and is kept.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

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
RECORDS_MAX = 64 * 1024
"""Bytes of a lock file read for the records of a killed writer (a handful of lines)."""


class TargetError(Exception):
    """A user-facing reason the target folder cannot be written (one line)."""


class TargetBusy(TargetError):
    """Another process is writing a package into the same folder right now."""


class TargetChanged(TargetError):
    """Something appeared in (or changed in) the target folder while the package was being
    rendered: it is kept, and the render stops."""


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


def _leftover_patterns(out_dir: Path) -> dict[str, re.Pattern[str]]:
    name = re.escape(out_dir.name)
    return {"partial": re.compile(rf"\.{name}\.[0-9a-f]{{8}}\.partial\Z"),
            "aside": re.compile(rf"\.{name}\.old-(\d+)-(\d+)\Z")}


@dataclass(frozen=True, slots=True)
class Record:
    """A folder a writer made or moved beside the target: its kind, name and identity."""

    kind: str              # "partial" or "aside"
    name: str
    dev: int
    ino: int


class TargetLock:
    """``with TargetLock(out_dir):`` — exclusive, non-blocking; :class:`TargetBusy` if held.

    The lock file also holds the :class:`Record` of every folder this writer makes beside the
    target (:meth:`record`), which is how the next writer knows them after a kill -9."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.path = lock_path(out_dir)
        self._fd: int | None = None

    def __enter__(self) -> Self:
        for _ in range(100):
            fd = _open_lock_file(self.path)
            try:
                _lock(fd)
            except OSError:
                os.close(fd)
                raise TargetBusy("another Composer is writing a package into this folder "
                                 "right now; try again when it has finished") from None
            if _same_file(fd, self.path):
                self._fd = fd
                return self
            os.close(fd)  # the holder before us deleted the file we locked: lock the new one
        raise TargetBusy("cannot lock the folder (its lock file keeps changing)")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.unlink(self.path)     # still holding the lock: no one can be inside
            os.close(fd)
            return
        os.close(fd)                     # Windows: an open file cannot be deleted
        with contextlib.suppress(OSError):
            os.unlink(self.path)

    def previous(self) -> list[Record]:
        """The records a killed writer left in the lock file (only well-formed lines naming a
        leftover of this very target)."""
        assert self._fd is not None, "not locked"
        os.lseek(self._fd, 0, os.SEEK_SET)
        raw = os.read(self._fd, RECORDS_MAX)
        patterns = _leftover_patterns(self.out_dir)
        records = []
        for line in raw.decode("utf-8", "replace").splitlines():
            parts = line.split("\t")
            if len(parts) != 4 or parts[0] not in patterns:
                continue
            kind, name, dev, ino = parts
            if patterns[kind].match(name) and dev.isdigit() and ino.isdigit():
                records.append(Record(kind, name, int(dev), int(ino)))
        return records

    def reset(self) -> None:
        """Forget the previous writer's records (they have been handled)."""
        assert self._fd is not None, "not locked"
        os.ftruncate(self._fd, 0)

    def record(self, kind: str, folder: Path, name: str | None = None) -> None:
        """Note ``folder`` as this writer's own before anything can leave it behind: made by
        this writer, or about to be moved aside to ``name`` (the same folder, renamed)."""
        assert self._fd is not None, "not locked"
        info = os.lstat(folder)
        line = f"{kind}\t{name or folder.name}\t{info.st_dev}\t{info.st_ino}\n".encode()
        os.lseek(self._fd, 0, os.SEEK_END)
        os.write(self._fd, line)


def _open_lock_file(path: Path) -> int:
    flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):
        raise TargetError(f"{path.name} beside the folder is a symbolic link, not Composer's "
                          "lock file — nothing was changed")
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise TargetError(f"{path.name} beside the folder is a symbolic link, not "
                              "Composer's lock file — nothing was changed") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise TargetError(f"{path.name} beside the folder is not a regular file, so it is not "
                          "Composer's lock file — nothing was changed")
    return fd


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _same_file(fd: int, path: Path) -> bool:
        return True
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _same_file(fd: int, path: Path) -> bool:
        try:
            st = os.stat(path, follow_symlinks=False)
        except FileNotFoundError:
            return False
        own = os.fstat(fd)
        return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def _owned(parent: Path, record: Record) -> bool:
    """Whether the folder ``record`` names is still the very folder that was recorded."""
    try:
        info = os.lstat(parent / record.name)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and (info.st_dev, info.st_ino) == (record.dev, record.ino)


def clean_leftovers(lock: TargetLock) -> list[str]:
    """Handle what a killed writer left beside the target (call only under ``lock``): the
    folders its records name and that still are those folders. If the target is missing but a
    moved-aside package exists, the last one moved aside is put back first; the others are
    emptied of package files and removed. Returns the names handled; a folder holding anything
    else is left."""
    out_dir = lock.out_dir
    records = [r for r in lock.previous() if _owned(out_dir.parent, r)]
    handled: list[str] = []
    asides = [r for r in records if r.kind == "aside"]
    if asides and not os.path.lexists(out_dir):
        newest = asides[-1]
        os.rename(out_dir.parent / newest.name, out_dir)   # the swap was cut short: restore
        handled.append(newest.name)
        records.remove(newest)
    for record in records:
        if remove_package_files(out_dir.parent / record.name):
            handled.append(record.name)
    lock.reset()
    return handled


def remove_package_files(folder: Path) -> bool:
    """Delete the files of the package layout from ``folder`` (regular files only, never
    following a link), then the folder if that emptied it. Nothing else is ever deleted: True
    if the folder is gone, False if something else was in it (it stays, with that)."""
    for rel in sorted(LAYOUT):
        path = folder / rel
        try:
            if stat.S_ISREG(os.lstat(path).st_mode):
                os.unlink(path)
        except OSError:
            pass
    for sub in sorted(LAYOUT_DIRS):
        with contextlib.suppress(OSError):
            os.rmdir(folder / sub)
    try:
        os.rmdir(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


Snapshot = dict[str, tuple[int, int, int, int, int]]
"""Every entry of a folder (relative path) → (type and mode, device, inode, size, mtime)."""


def snapshot(folder: Path) -> Snapshot:
    """What ``folder`` holds now, links not followed (compared to see whether it changed)."""
    found: Snapshot = {}
    for root, dirs, files in os.walk(folder):
        rel_root = Path(root).relative_to(folder)
        for name in dirs + files:
            info = os.lstat(Path(root) / name)
            found[(rel_root / name).as_posix()] = (info.st_mode, info.st_dev, info.st_ino,
                                                   info.st_size, info.st_mtime_ns)
    return found


def first_change(before: Snapshot, now: Snapshot) -> str | None:
    """The first entry (in name order) that appeared, went or changed between two snapshots."""
    changed = sorted(rel for rel in before.keys() | now.keys() if before.get(rel) != now.get(rel))
    return changed[0] if changed else None


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
