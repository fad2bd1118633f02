"""When the app cannot open its window: say why, in Chinese and English, where it is seen.

The GUI start asks :func:`no_display` before importing Qt (free: environment variables only).
When there is no display, when Qt cannot be imported, or when Qt's platform plugin would abort
(``composer.gui.qt_fatal`` catches Qt's fatal message first), :func:`report` writes the doctor's
diagnosis of the display and Qt (``composer.doctor_display``), the fix for each problem and the
``composer-cli doctor`` command to stderr and to ``startup-error.txt`` in the data folder (the
launchers name that file), and returns the exit status. Never Qt's bare abort.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

FILE_NAME = "startup-error.txt"
EXIT_NO_GUI = 1


def no_display() -> bool:
    """Linux without any display and without a platform chosen: Qt would abort."""
    env = os.environ
    return (sys.platform.startswith("linux") and not env.get("QT_QPA_PLATFORM")
            and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"))


def _cli() -> str:
    here = Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else None
    for folder in (here, Path(sys.executable).parent):
        for name in ("composer-cli", "composer-cli.exe"):
            if folder is not None and (folder / name).is_file():
                return str(folder / name)
    return "composer-cli"


def diagnosis(qt_messages: list[str], *, qt_loaded: bool, import_error: str = "") -> list[str]:
    """The lines to show: what is wrong with the display and Qt, each with its fix."""
    from composer.doctor_display import (
        Probe,
        check_display,
        check_platform_libraries,
        check_qt,
    )
    from composer.doctor_finding import OK

    data: dict[str, object] = {}
    if qt_loaded:
        data.update(pyside="?", qt="?")
    if import_error:
        data["error"] = import_error
    probe = Probe(data, "\n".join(qt_messages), 1)
    findings = [*check_display(probe, qt_tested_off_screen=False)]
    if qt_loaded or import_error:
        findings += [f for f in check_qt(probe) if f.topic_en != "Qt" or f.status != OK]
    findings += check_platform_libraries()
    problems = [f for f in findings if f.status != OK]
    cli = _cli()
    lines = ["Composer 无法打开程序窗口。", *(line for f in problems for line in f.lines("zh")),
             f"完整的运行环境检查：{cli} doctor", "",
             "Composer cannot open its window.", *(line for f in problems for line in f.lines("en")),
             f"For a full check of this workstation: {cli} doctor"]
    return lines


def report(qt_messages: list[str] | None = None, *, qt_loaded: bool = False,
           import_error: str = "") -> int:
    """Write the diagnosis to stderr and the data folder; returns the exit status."""
    from datetime import datetime

    from composer.core import paths

    lines = diagnosis(qt_messages or [], qt_loaded=qt_loaded, import_error=import_error)
    where = paths.data_dir() / FILE_NAME
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        paths.private_dir(where.parent)
        tmp = where.with_name(FILE_NAME + ".tmp")
        tmp.write_text(f"{stamp}\n" + "\n".join(lines) + "\n", encoding="utf-8")
        os.replace(tmp, where)
        lines += ["", f"（本说明也写在 {where}）", f"(Also written to {where})"]
    except OSError as exc:
        lines += ["", f"（未能写入 {where}：{exc.strerror or exc}）",
                  f"(Could not write {where}: {exc.strerror or exc})"]
    try:
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return EXIT_NO_GUI


def clear() -> None:
    """The window opened: an earlier note of a failed start no longer applies."""
    from composer.core import paths

    with contextlib.suppress(OSError):
        (paths.data_dir() / FILE_NAME).unlink()


__all__ = ["EXIT_NO_GUI", "FILE_NAME", "clear", "diagnosis", "no_display", "report"]
