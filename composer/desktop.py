"""Which program this desktop opens a kind of file with — asked before opening one, so that
"nothing happened" becomes a message saying what is missing and how to fix it.

On Linux ``QDesktopServices.openUrl`` starts ``xdg-open`` and reports success even when no
program is registered for the file's type (nothing then opens, silently); this module asks
``xdg-mime`` first. On Windows and macOS the system's own open call fails when nothing is
registered, so the app relies on its answer there (:func:`default_handler` says "cannot
tell"). Qt-free; it runs other programs, so call it off the GUI thread (the I/O pool).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

FOLDER = "inode/directory"
EML = "message/rfc822"
PDF = "application/pdf"
TIMEOUT_S = 15


def default_handler(mime: str) -> str | None:
    """The desktop entry that opens files of type ``mime``; None when none is registered;
    "" when this system cannot be asked (not Linux, or no xdg-mime)."""
    if not sys.platform.startswith("linux"):
        return ""
    tool = shutil.which("xdg-mime")
    if tool is None:
        return ""
    try:
        result = subprocess.run([tool, "query", "default", mime], check=False,
                                capture_output=True, text=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    answer = result.stdout.strip().splitlines()
    return answer[0] if result.returncode == 0 and answer and answer[0] else None


__all__ = ["EML", "FOLDER", "PDF", "default_handler"]
