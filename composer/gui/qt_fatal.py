"""Qt's fatal start-up error, turned into Composer's diagnosis instead of an abort.

While the QApplication is made, a message handler collects what Qt says; on a fatal message
(the platform plugin cannot start: no display, missing libraries) it writes the diagnosis
(``composer.startup_failure``) and ends the process with its exit status before Qt aborts.
Afterwards Qt's own handler is back: the normal path pays for one handler install.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler


@contextmanager
def guard() -> Iterator[None]:
    said: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = getattr(context, "category", None) or ""
        text = f"{category}: {message}" if category and category != "default" else message
        if kind == QtMsgType.QtFatalMsg:
            from composer.startup_failure import report

            said.append(text)
            os._exit(report(said, qt_loaded=True))
        said.append(text)
        sys.stderr.write(text + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


__all__ = ["guard"]
