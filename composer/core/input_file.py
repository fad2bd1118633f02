"""Reading a file the user named as input (``composer validate FILE``, ``composer open FILE``,
the app's open dialog): regular files only, never more than the input limit.

The file is opened without blocking (a FIFO with no writer would otherwise hang the open) and
without following a final symbolic link's target blindly: whatever the path names, what is
read is checked with ``fstat`` on the open descriptor — a device (``/dev/zero``), a FIFO, a
socket or a folder is refused at once with a one-line reason, and at most ``limit + 1`` bytes
are read, so the caller can say "too large" without reading on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from composer.core.validators import INPUT_MAX_BYTES


class UnreadableInput(ValueError):
    """The named input is not a regular file, or is larger than the input limit."""


def read_input(path: str | os.PathLike[str], limit: int = INPUT_MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``): :class:`UnreadableInput` for
    anything else or anything larger, ``OSError`` if it cannot be opened or read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(Path(path), flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInput(_kind(info.st_mode) + ", not a file")
        if info.st_size > limit:
            raise UnreadableInput(too_large(limit))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:                  # grew while being read
        raise UnreadableInput(too_large(limit))
    return b"".join(chunks)


def too_large(limit: int) -> str:
    return f"is too large: more than {limit:,} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is not a regular file"
