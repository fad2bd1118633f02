"""Atomic writes: a file either keeps its old content or has the complete new one; and the one
safe way to write an output file the user named (:func:`write_output`)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Flush a directory entry (rename durability); a no-op where unsupported (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


class UnsafeOutput(ValueError):
    """A path named for output (``--out``, a save dialog) that is not a file Composer may
    replace: a directory, a device, a FIFO, a socket or a symbolic link (one-line reason)."""


_KINDS = ((stat.S_ISDIR, "is a folder"), (stat.S_ISLNK, "is a symbolic link"),
          (stat.S_ISCHR, "is a device"), (stat.S_ISBLK, "is a device"),
          (stat.S_ISFIFO, "is a pipe (FIFO)"), (stat.S_ISSOCK, "is a socket"))


def output_problem(path: Path) -> str | None:
    """Why ``path`` may not be written as an output file, or None (it is missing or a regular
    file). The path itself is never followed: a symbolic link is refused, not written through.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:       # ValueError: a NUL in the path
        return f"cannot be checked: {getattr(exc, 'strerror', None) or exc}"
    if stat.S_ISREG(mode):
        return None
    for test, reason in _KINDS:
        if test(mode):
            return f"{reason}, not a file: nothing was written"
    return "is not a regular file: nothing was written"


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """The one way an output file the user named (``composer calendar --out``, ``composer log
    export --out``, a save dialog) is written: refused with :class:`UnsafeOutput` unless
    ``path`` is missing or a regular file (never a directory, device, FIFO, socket or symbolic
    link — as root ``--out /dev/full`` must not turn the device into a file); otherwise a
    temporary file in the same folder (created exclusively, so no link is followed), fsync,
    and a rename over ``path``. ``OSError`` if the folder cannot be written."""
    target = Path(path)
    if not target.name or target.name in (".", ".."):
        raise UnsafeOutput("names a folder, not a file: nothing was written")
    problem = output_problem(target)
    if problem is not None:
        raise UnsafeOutput(problem)
    atomic_write_bytes(target, data)
