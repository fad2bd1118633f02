"""``composer doctor``: can this workstation run Composer? A self-check for IT staff.

Checks Python, Qt and its platform plugin (naming missing system libraries with the command that
installs them), the bundled fonts, the data and config folders, the drafts database, the printers
Qt sees and what opens ``.eml`` files. Each finding is ``ok``, ``warn`` (works, but something a
user may miss) or ``fail`` (a problem that stops part of the program). Exit status 1 when any
finding fails.

Qt is probed in a child process (``composer.gui.qt_probe``): a broken Qt installation aborts the
process that loads it, and the doctor must survive that to say so. This module never imports
PySide6.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from composer import __version__
from composer.core import paths
from composer.resources import resource_path

OK, WARN, FAIL = "ok", "warn", "fail"
SUPPORTED_PYTHONS = ((3, 11), (3, 12), (3, 13))
PROBE_TIMEOUT_S = 60

# Shared libraries Qt's X11 plugin needs that minimal Debian/Ubuntu/UOS/Kylin desktops lack,
# with the Debian package that brings each (Qt names only the first one it misses).
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libcups.so.2": "libcups2",
}



@dataclass(frozen=True)
class Finding:
    status: str          # ok | warn | fail
    topic_zh: str
    topic_en: str
    zh: str
    en: str

    def line(self, lang: str = "zh") -> str:
        word = {OK: "正常", WARN: "注意", FAIL: "问题"}[self.status] if lang == "zh" else {
            OK: "ok", WARN: "warn", FAIL: "FAIL"}[self.status]
        topic, text = (self.topic_zh, self.zh) if lang == "zh" else (self.topic_en, self.en)
        return f"{word:<4}  {topic}：{text}" if lang == "zh" else f"{word:<4}  {topic}: {text}"


def check_python() -> Finding:
    version = ".".join(map(str, sys.version_info[:3]))
    where = f"{platform.python_implementation()} {version}, {sys.platform} {platform.machine()}"
    if sys.version_info[:2] not in SUPPORTED_PYTHONS:
        return Finding(FAIL, "Python", "Python", f"{where}：需要 Python 3.11–3.13",
                       f"{where}: Python 3.11-3.13 is needed")
    return Finding(OK, "Python", "Python", f"{where}（{sys.executable}）",
                   f"{where} ({sys.executable})")


def _qt_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def missing_libraries(plugin: Path) -> list[str]:
    """Shared libraries the dynamic loader cannot find for ``plugin`` (Linux, via ldd)."""
    ldd = shutil.which("ldd")
    if ldd is None or not plugin.exists():
        return []
    try:
        result = subprocess.run([ldd, str(plugin)], check=False, capture_output=True, text=True,
                                timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = re.findall(r"^\s*(\S+)\s*=>\s*not found", result.stdout, re.MULTILINE)
    return sorted(set(found))


def install_command(libraries: list[str]) -> str:
    packages = sorted({DEBIAN_PACKAGES.get(lib, lib) for lib in libraries})
    return "sudo apt-get install " + " ".join(packages)


def check_platform_libraries() -> list[Finding]:
    """Linux: every library Qt's X11 plugin needs is present (the desktop session uses it)."""
    if not sys.platform.startswith("linux"):
        return []
    qt = _qt_dir()
    plugin = qt / "plugins" / "platforms" / "libqxcb.so" if qt else None
    if plugin is None or not plugin.exists():
        return []
    missing = missing_libraries(plugin)
    if missing:
        cmd = install_command(missing)
        return [Finding(FAIL, "Qt 图形平台（X11）", "Qt platform plugin (X11)",
                        f"缺少系统库 {', '.join(missing)}；安装：{cmd}（Debian/Ubuntu/统信/麒麟的包名）",
                        f"missing system libraries {', '.join(missing)}; install with: {cmd} "
                        "(Debian/Ubuntu package names)")]
    return [Finding(OK, "Qt 图形平台（X11）", "Qt platform plugin (X11)",
                    "所需系统库齐全", "every system library it needs is present")]


def probe_qt() -> tuple[dict, str]:
    """Run the Qt probe in a child process; returns (its JSON or {}, its stderr)."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")   # no desktop session: test Qt itself
    try:
        result = subprocess.run([sys.executable, "-m", "composer.gui.qt_probe"], check=False,
                                capture_output=True,
                                text=True, timeout=PROBE_TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"no answer within {PROBE_TIMEOUT_S} s"}, ""
    lines = result.stdout.strip().splitlines()
    try:
        data = json.loads(lines[-1]) if lines else {}
    except ValueError:
        data = {}
    if result.returncode != 0 and "error" not in data:
        data["error"] = f"exit status {result.returncode}"
    return data, result.stderr


def check_qt(probe: dict, stderr: str) -> list[Finding]:
    if "error" in probe and "qt" not in probe:
        return [Finding(FAIL, "Qt", "Qt", f"无法载入 PySide6：{probe['error']}",
                        f"PySide6 does not load: {probe['error']}")]
    version = f"PySide6 {probe.get('pyside', '?')}, Qt {probe.get('qt', '?')}"
    findings = [Finding(OK, "Qt", "Qt", version, version)]
    if sys.version_info[:2] == (3, 11) and str(probe.get("pyside", "")).startswith("6.12"):
        findings.append(Finding(FAIL, "Qt", "Qt", "PySide6 6.12 会使 Python 3.11 崩溃：请安装 6.11",
                                "PySide6 6.12 crashes Python 3.11: install 6.11"))
    if "platform" in probe:
        name = probe["platform"]
        findings.append(Finding(OK, "Qt 平台插件", "Qt platform plugin", f"“{name}”可以载入",
                                f'"{name}" loads'))
    else:
        hint = next((line.strip() for line in stderr.splitlines()
                     if "platform plugin" in line or "is needed" in line), probe.get("error", ""))
        findings.append(Finding(FAIL, "Qt 平台插件", "Qt platform plugin",
                                f"无法载入：{hint}", f"does not load: {hint}"))
    return findings


def check_printers(probe: dict) -> Finding:
    if "printers" not in probe:
        return Finding(WARN, "打印机", "Printers", "未能查询（Qt 未载入）",
                       "could not be listed (Qt did not load)")
    printers = probe["printers"]
    if not printers:
        return Finding(WARN, "打印机", "Printers",
                       "Qt 看不到任何打印机：传真件无法打印（可安装打印机驱动或 PDF 打印机）",
                       "Qt sees no printer: the fax set cannot be printed (install a printer "
                       "driver or a PDF printer)")
    default = probe.get("default_printer") or "-"
    return Finding(OK, "打印机", "Printers", f"{', '.join(printers)}（默认：{default}）",
                   f"{', '.join(printers)} (default: {default})")


def check_fonts() -> Finding:
    folder = resource_path("fonts")
    fonts = sorted(folder.glob("*.tt[fc]")) + sorted(folder.glob("*.otf"))
    if not fonts:
        return Finding(FAIL, "内置字体", "Bundled fonts", f"{folder} 中没有字体：请重新安装",
                       f"no font in {folder}: reinstall")
    bad = []
    for font in fonts:
        try:
            with font.open("rb") as f:
                head = f.read(4)
        except OSError as exc:
            bad.append(f"{font.name} ({exc.strerror or exc})")
            continue
        if head not in (b"\x00\x01\x00\x00", b"true", b"ttcf", b"OTTO"):
            bad.append(f"{font.name} (not a font file)")
    if bad:
        return Finding(FAIL, "内置字体", "Bundled fonts", f"无法读取：{'; '.join(bad)}；请重新安装",
                       f"cannot be read: {'; '.join(bad)}; reinstall")
    names = ", ".join(f.name for f in fonts)
    return Finding(OK, "内置字体", "Bundled fonts", f"{len(fonts)} 个可读：{names}",
                   f"{len(fonts)} readable: {names}")


def _free_mb(path: Path) -> int:
    while not path.exists() and path.parent != path:
        path = path.parent
    return shutil.disk_usage(path).free // 1_000_000


def check_folder(topic_zh: str, topic_en: str, folder: Path) -> Finding:
    """The folder exists or can be made, and a file can be written, renamed and removed in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, name = tempfile.mkstemp(prefix=".doctor-", dir=folder)
        os.write(fd, b"composer doctor")
        os.fsync(fd)
        os.close(fd)
        os.replace(name, name + ".moved")
        os.unlink(name + ".moved")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Finding(FAIL, topic_zh, topic_en, f"{folder} 不可写（{reason}）",
                       f"{folder} is not writable ({reason})")
    free = _free_mb(folder)
    if free < 200:
        return Finding(WARN, topic_zh, topic_en, f"{folder} 可写，但只剩 {free} MB",
                       f"{folder} is writable but only {free} MB are free")
    return Finding(OK, topic_zh, topic_en, f"{folder} 可写（剩余 {free} MB）",
                   f"{folder} is writable ({free} MB free)")


def check_database(path: Path) -> Finding:
    if not path.exists():
        return Finding(OK, "草稿数据库", "Drafts database", f"{path} 尚未创建（首次启动时创建）",
                       f"{path} does not exist yet (made at first start)")
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with sqlite3.connect(uri, uri=True, timeout=5) as db:
            answer = db.execute("PRAGMA quick_check").fetchone()[0]
        db.close()
    except sqlite3.Error as exc:
        return Finding(FAIL, "草稿数据库", "Drafts database", f"{path} 无法打开（{exc}）",
                       f"{path} cannot be opened ({exc})")
    if answer != "ok":
        return Finding(FAIL, "草稿数据库", "Drafts database", f"{path} 已损坏（{answer}）",
                       f"{path} is damaged ({answer})")
    return Finding(OK, "草稿数据库", "Drafts database", f"{path} 完好", f"{path} is intact")


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
                       "client by hand")
    if handler == "":
        return Finding(WARN, "邮件程序", "Mail program",
                       "无法判断哪个程序打开 .eml 文件（Linux 需要 xdg-utils，macOS 需要 duti）",
                       "cannot tell what opens .eml files (Linux needs xdg-utils, macOS duti)")
    return Finding(OK, "邮件程序", "Mail program", f".eml 由 {handler} 打开",
                   f".eml files open with {handler}")


def run_checks(*, probe: tuple[dict, str] | None = None) -> list[Finding]:
    """Every check, in the order they are printed. ``probe`` is the Qt probe's result when the
    caller already has one (the app passes its own, in-process)."""
    qt_probe, stderr = probe if probe is not None else probe_qt()
    return [
        check_python(),
        *check_qt(qt_probe, stderr),
        *check_platform_libraries(),
        check_fonts(),
        check_folder("数据文件夹", "Data folder", paths.data_dir()),
        check_folder("设置文件夹", "Config folder", paths.config_dir()),
        check_database(paths.database_path()),
        check_printers(qt_probe),
        check_eml(eml_handler()),
    ]


def report_lines(findings: list[Finding], lang: str = "zh") -> list[str]:
    head = (f"Composer {__version__} 运行环境检查" if lang == "zh"
            else f"Composer {__version__} workstation check")
    problems = sum(f.status == FAIL for f in findings)
    tail = ((f"发现 {problems} 个问题。" if problems else "一切正常。") if lang == "zh"
            else (f"{problems} problem(s) found." if problems else "All is well."))
    return [head, *(f.line(lang) for f in findings), tail]


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


__all__ = ["FAIL", "OK", "WARN", "Finding", "install_command", "main", "missing_libraries",
           "report_lines", "run_checks"]
