"""``composer doctor``: can this workstation run Composer? A self-check for IT staff.

Checks Python, the display, Qt and its platform plugin (in Qt's own words, with the system
libraries its X11 plugin lacks and the packages that bring them on Debian- and RPM-family
systems), the bundled fonts against the list shipped with them, the data and config folders,
the drafts database, the printers Qt sees and what opens ``.eml`` files. Each finding is ``ok``,
``warn`` (works, but something a user may miss) or ``fail`` (a problem that stops part of the
program), and every fail carries one line saying what to do. Exit status 1 when any fails.

The checks are a list, :data:`CHECKS`, of named functions each taking a :class:`Context` (which
runs the Qt probe once, on first need, thread-safely) and returning its findings, so a caller
can run them one at a time (the app's dialog fills in as they finish). :func:`run_checks` runs
them all in order.

Qt is probed in a child process (``composer.gui.qt_probe``): a broken Qt installation aborts the
process that loads it, and the doctor must survive that to say so. This module never imports
PySide6.
"""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

from composer import __version__
from composer.core import paths
from composer.doctor_display import (
    Probe,
    check_display,
    check_platform_libraries,
    check_printers,
    check_qt,
    install_command,
    missing_libraries,
    run_probe,
)
from composer.doctor_files import check_database, check_folder, check_fonts
from composer.doctor_finding import FAIL, OK, WARN, Finding

SUPPORTED_PYTHONS = ((3, 11), (3, 12), (3, 13))


class Context:
    """One doctor run: the Qt probe, run at most once (on first need) and shared by the
    checks that read it. ``probe`` is a result the caller already has: the app passes its own,
    read in-process, as ``(data, stderr)``."""

    def __init__(self, probe: Probe | tuple[dict[str, object], str] | None = None):
        if isinstance(probe, tuple):
            probe = Probe(dict(probe[0]), probe[1])
        self._probe = probe
        self._lock = threading.Lock()

    def probe(self) -> Probe:
        with self._lock:
            if self._probe is None:
                self._probe = run_probe()
            return self._probe


@dataclass(frozen=True)
class Check:
    name: str                                   # stable id, e.g. "display", "fonts"
    topic_zh: str
    topic_en: str
    run: Callable[[Context], list[Finding]]


def check_python() -> Finding:
    version = ".".join(map(str, sys.version_info[:3]))
    where = f"{platform.python_implementation()} {version}, {sys.platform} {platform.machine()}"
    if sys.version_info[:2] not in SUPPORTED_PYTHONS:
        return Finding(FAIL, "Python", "Python", f"{where}：需要 Python 3.11–3.13",
                       f"{where}: Python 3.11-3.13 is needed",
                       "用 Python 3.11–3.13 重新安装 Composer（见 安装说明.txt）",
                       "reinstall Composer with Python 3.11-3.13 (see 安装说明.txt)")
    return Finding(OK, "Python", "Python", f"{where}（{sys.executable}）",
                   f"{where} ({sys.executable})")


def eml_handler() -> str | None:
    """What opens .eml files here, or None when nothing is registered ('' = cannot tell)."""
    if sys.platform == "win32":
        import winreg

        try:
            prog_id = winreg.QueryValue(winreg.HKEY_CLASSES_ROOT, ".eml")
            command = winreg.QueryValue(winreg.HKEY_CLASSES_ROOT, rf"{prog_id}\shell\open\command")
        except OSError:
            return None
        return command or prog_id or None
    tool = shutil.which("xdg-mime") if sys.platform != "darwin" else shutil.which("duti")
    if tool is None:
        return ""
    args = [tool, "query", "default", "message/rfc822"] if sys.platform != "darwin" else [
        tool, "-x", "eml"]
    try:
        result = subprocess.run(args, check=False, capture_output=True, text=True, timeout=15)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    answer = result.stdout.strip().splitlines()
    return answer[0] if result.returncode == 0 and answer else None


def check_eml(handler: str | None) -> Finding:
    if handler is None:
        return Finding(WARN, "邮件程序", "Mail program",
                       "没有程序打开 .eml 文件：电子邮件草稿需手动导入邮件客户端",
                       "nothing opens .eml files: the e-mail draft must be imported into a mail "
                       "client by hand", "把单位使用的邮件客户端设为 .eml 文件的默认打开程序",
                       "make the site's mail client the default program for .eml files")
    if handler == "":
        return Finding(WARN, "邮件程序", "Mail program",
                       "无法判断哪个程序打开 .eml 文件（Linux 需要 xdg-utils，macOS 需要 duti）",
                       "cannot tell what opens .eml files (Linux needs xdg-utils, macOS duti)")
    return Finding(OK, "邮件程序", "Mail program", f".eml 由 {handler} 打开",
                   f".eml files open with {handler}")


CHECKS: tuple[Check, ...] = (
    Check("python", "Python", "Python", lambda ctx: [check_python()]),
    Check("display", "图形显示", "Display", lambda ctx: check_display(ctx.probe())),
    Check("qt", "Qt", "Qt", lambda ctx: check_qt(ctx.probe())),
    Check("x11-libraries", "X11 系统库", "X11 system libraries",
          lambda ctx: check_platform_libraries()),
    Check("fonts", "内置字体", "Bundled fonts", lambda ctx: [check_fonts()]),
    Check("data-folder", "数据文件夹", "Data folder", lambda ctx: [check_folder(
        "数据文件夹", "Data folder", paths.data_dir(), "COMPOSER_DATA_DIR")]),
    Check("config-folder", "设置文件夹", "Config folder", lambda ctx: [check_folder(
        "设置文件夹", "Config folder", paths.config_dir(), "COMPOSER_CONFIG_DIR")]),
    Check("database", "草稿数据库", "Drafts database",
          lambda ctx: [check_database(paths.database_path())]),
    Check("printers", "打印机", "Printers", lambda ctx: [check_printers(ctx.probe())]),
    Check("mail", "邮件程序", "Mail program", lambda ctx: [check_eml(eml_handler())]),
)
"""Every check, in the order they are printed."""


def run_checks(*, probe: Probe | tuple[dict[str, object], str] | None = None) -> list[Finding]:
    """Every check, in order. ``probe`` is the Qt probe's result when the caller already has
    one (the app passes its own, in-process)."""
    ctx = Context(probe)
    return [finding for check in CHECKS for finding in check.run(ctx)]


def report_lines(findings: list[Finding], lang: str = "zh") -> list[str]:
    """The report: a heading, each finding (with its fix line under a problem), a summary."""
    head = (f"Composer {__version__} 运行环境检查" if lang == "zh"
            else f"Composer {__version__} workstation check")
    problems = sum(f.status == FAIL for f in findings)
    tail = ((f"发现 {problems} 个问题。" if problems else "一切正常。") if lang == "zh"
            else (f"{problems} problem(s) found." if problems else "All is well."))
    return [head, *(line for f in findings for line in f.lines(lang)), tail]


def saved_language() -> str:
    """The app's UI language (settings.json), so the CLI speaks as the app does."""
    try:
        data = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "zh"
    lang = data.get("language") if isinstance(data, dict) else None
    return lang if lang in ("zh", "en") else "zh"


def main(lang: str | None = None) -> int:
    findings = run_checks()
    for line in report_lines(findings, lang or saved_language()):
        print(line)
    return 1 if any(f.status == FAIL for f in findings) else 0


__all__ = ["CHECKS", "FAIL", "OK", "WARN", "Check", "Context", "Finding", "check_database",
           "check_folder", "check_fonts", "install_command", "main", "missing_libraries",
           "report_lines", "run_checks", "shutil", "subprocess"]
