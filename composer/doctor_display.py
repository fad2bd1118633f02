"""The doctor's view of the display and Qt: which display the app would use, whether Qt loads
and opens it, which system libraries its X11 plugin lacks, and what to do about each.

Shared by ``composer doctor`` and the GUI start (``composer.startup_failure``), which says the
same thing when the app cannot open its window. Qt is probed in a child process
(``composer.gui.qt_probe``); this module never imports PySide6.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from composer.doctor_finding import FAIL, OK, WARN, Finding

PROBE_TIMEOUT_S = 60
OFF_SCREEN = ("offscreen", "minimal")

# Shared libraries Qt's X11 plugin needs that minimal desktops lack, with the package that
# brings each: Debian family (Debian, Ubuntu, UOS, Kylin desktop) and RPM family (RHEL,
# openEuler, Kylin server, Fedora). Qt itself names only the first it misses, often wrongly.
PACKAGES = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libcups.so.2": ("libcups2", "cups-libs"),
}
DEBIAN_PACKAGES = {lib: deb for lib, (deb, _) in PACKAGES.items()}


def install_command(libraries: list[str]) -> str:
    """The Debian-family command that installs ``libraries``."""
    return "sudo apt-get install " + " ".join(
        sorted({DEBIAN_PACKAGES.get(lib, lib) for lib in libraries}))


def rpm_install_command(libraries: list[str]) -> str:
    """The RPM-family command that installs ``libraries``."""
    return "sudo dnf install " + " ".join(
        sorted({PACKAGES[lib][1] if lib in PACKAGES else lib for lib in libraries}))


MIRROR_ZH = ("没有互联网时从本单位的内网软件源安装，或在同版本、能联网的计算机上用 apt-get download / "
             "dnf download --resolve 下载后拷贝过来安装")
MIRROR_EN = ("without internet, install from your site's local mirror, or download the packages "
             "with apt-get download / dnf download --resolve on a connected machine of the same "
             "release and carry them across")


def install_fix(libraries: list[str]) -> tuple[str, str]:
    deb, rpm = install_command(libraries), rpm_install_command(libraries)
    return ((f"安装：{deb}（Debian、Ubuntu、统信 UOS、银河麒麟桌面版）；{rpm}（RHEL、openEuler、"
            f"麒麟服务器版）。{MIRROR_ZH}。"),
            (f"install with: {deb} (Debian, Ubuntu, UOS, Kylin desktop); {rpm} (RHEL, openEuler, "
            f"Kylin server); {MIRROR_EN}."))


REINSTALL_ZH = "从离线安装包重新安装 Composer（对同一目标文件夹再运行一次 install.sh / install.cmd）"
REINSTALL_EN = ("reinstall Composer from the offline bundle (run install.sh / install.cmd again "
                "on the same target folder)")


# --- which display the app would use --------------------------------------------------------


@dataclass(frozen=True)
class Display:
    kind: str      # platform (QT_QPA_PLATFORM set) | wayland | x11 | none | desktop (Win/macOS)
    name: str      # the platform, WAYLAND_DISPLAY or DISPLAY


def display_of(env: dict[str, str] | os._Environ[str] | None = None) -> Display:
    env = os.environ if env is None else env
    if env.get("QT_QPA_PLATFORM"):
        return Display("platform", env["QT_QPA_PLATFORM"].split(":")[0])
    if not sys.platform.startswith("linux"):
        return Display("desktop", sys.platform)
    if env.get("WAYLAND_DISPLAY"):
        return Display("wayland", env["WAYLAND_DISPLAY"])
    if env.get("DISPLAY"):
        return Display("x11", env["DISPLAY"])
    return Display("none", "")


# --- the Qt probe ---------------------------------------------------------------------------


@dataclass
class Probe:
    """What the Qt probe found: its JSON (merged lines) and Qt's own words on stderr."""
    data: dict[str, object] = field(default_factory=dict)
    stderr: str = ""
    status: int = 0


def run_probe() -> Probe:
    env = dict(os.environ)
    if display_of(env).kind == "none":
        env["QT_QPA_PLATFORM"] = "offscreen"   # no display here: test Qt itself
    try:
        result = subprocess.run([sys.executable, "-m", "composer.gui.qt_probe"], check=False,
                                capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired:
        return Probe({"error": f"no answer within {PROBE_TIMEOUT_S} s"}, "", -1)
    data: dict[str, object] = {}
    for line in result.stdout.splitlines():
        try:
            part = json.loads(line)
        except ValueError:
            continue
        if isinstance(part, dict):
            data.update(part)
    return Probe(data, result.stderr, result.returncode)


_NOISE = ("Available platform plugins are", "Reinstalling the application may fix",
          "This application failed to start because")


def qt_words(stderr: str) -> str:
    """Qt's own lines from the probe's stderr (its boilerplate left out), joined."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    kept = [line for line in lines if not any(noise in line for noise in _NOISE)]
    return " | ".join(kept[:6])


def _cannot_connect(stderr: str) -> bool:
    return "could not connect to display" in stderr or "Failed to create wl_display" in stderr


# --- system libraries -----------------------------------------------------------------------


def _qt_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def xcb_plugin() -> Path | None:
    qt = _qt_dir()
    plugin = qt / "plugins" / "platforms" / "libqxcb.so" if qt else None
    return plugin if plugin is not None and plugin.exists() else None


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


def check_platform_libraries() -> list[Finding]:
    """Linux: every library Qt's X11 plugin needs is present (the desktop session uses it)."""
    if not sys.platform.startswith("linux"):
        return []
    plugin = xcb_plugin()
    if plugin is None:
        return []
    missing = missing_libraries(plugin)
    if missing:
        fix_zh, fix_en = install_fix(missing)
        return [Finding(FAIL, "X11 系统库", "X11 system libraries",
                        f"Qt 的 X11 插件缺少 {', '.join(missing)}",
                        f"Qt's X11 plugin lacks {', '.join(missing)}", fix_zh, fix_en)]
    return [Finding(OK, "X11 系统库", "X11 system libraries",
                    "Qt 的 X11 插件所需的系统库齐全", "every library Qt's X11 plugin needs is present")]


# --- findings -------------------------------------------------------------------------------


def _no_display_fix() -> tuple[str, str]:
    return (("在用户的图形桌面中启动（菜单或桌面终端）；通过 SSH 远程时用 ssh -X（或 ssh -Y）登录，"
            "或在桌面会话中运行 composer-cli doctor"),
            ("start it in the user's graphical desktop (menu or a desktop terminal); over SSH, log "
            "in with ssh -X (or ssh -Y), or run composer-cli doctor in the desktop session"))


def check_display(probe: Probe, display: Display | None = None, *,
                  qt_tested_off_screen: bool = True) -> list[Finding]:
    """The display the app would use, and whether it can be reached (from the probe)."""
    display = display or display_of()
    topic = ("图形显示", "Display")
    if display.kind == "desktop":
        return []
    if display.kind == "none":
        fix = _no_display_fix()
        note_zh, note_en = (("（下面的 Qt 检查在屏幕外进行）", " (the Qt checks below run off-screen)")
                            if qt_tested_off_screen else ("", ""))
        return [Finding(FAIL, *topic, "没有图形显示：DISPLAY 和 WAYLAND_DISPLAY 都未设置，程序窗口无法在这个"
                        f"会话中打开{note_zh}",
                        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the program "
                        f"window cannot open in this session{note_en}", *fix)]
    if display.kind == "platform":
        if display.name in OFF_SCREEN:
            return [Finding(WARN, *topic, f"QT_QPA_PLATFORM={display.name}：窗口画在屏幕外，用户看不到",
                            f"QT_QPA_PLATFORM={display.name}: windows are drawn off-screen, "
                            "nobody sees them", "取消这个环境变量（unset QT_QPA_PLATFORM）",
                            "unset QT_QPA_PLATFORM")]
        return [Finding(OK, *topic, f"QT_QPA_PLATFORM={display.name}",
                        f"QT_QPA_PLATFORM={display.name}")]
    what = "DISPLAY" if display.kind == "x11" else "WAYLAND_DISPLAY"
    if "platform" in probe.data:
        return [Finding(OK, *topic, f"{what}={display.name} 可以连接",
                        f"{what}={display.name} can be reached")]
    if _cannot_connect(probe.stderr):
        return [Finding(FAIL, *topic,
                        f"{what}={display.name} 无法连接：那里没有运行中的显示服务器，或本用户无权使用它",
                        f"{what}={display.name} cannot be reached: no display server runs there, "
                        "or this user may not use it",
                        f"在该显示的桌面会话中启动；确认显示服务器在运行、{what} 正确、XAUTHORITY 指向本用户的"
                        "授权文件；远程时用 ssh -X 登录",
                        f"start it in that display's desktop session; check that the display "
                        f"server runs, {what} is right and XAUTHORITY names this user's "
                        "authority file; remotely, log in with ssh -X")]
    return [Finding(WARN, *topic, f"{what}={display.name} 已设置，但 Qt 的平台插件没有载入，未能检查连接",
                    f"{what}={display.name} is set, but Qt's platform plugin did not load, so the "
                    "connection could not be checked")]


def check_qt(probe: Probe, display: Display | None = None) -> list[Finding]:
    """PySide6 imports (with its version), and its platform plugin loads, in Qt's own words."""
    display = display or display_of()
    data = probe.data
    words = qt_words(probe.stderr)
    if "qt" not in data:
        reason = str(data.get("error") or words or f"exit status {probe.status}")
        lost = re.findall(r"([\w.+-]+\.so[\w.]*): cannot open shared object file", reason)
        fix_zh, fix_en = install_fix(lost) if lost else (REINSTALL_ZH, REINSTALL_EN)
        return [Finding(FAIL, "Qt", "Qt", f"无法载入 PySide6：{reason}",
                        f"PySide6 does not load: {reason}", fix_zh, fix_en)]
    version = f"PySide6 {data.get('pyside', '?')}, Qt {data.get('qt', '?')}"
    findings = [Finding(OK, "Qt", "Qt", version, version)]
    if sys.version_info[:2] == (3, 11) and str(data.get("pyside", "")).startswith("6.12"):
        findings.append(Finding(FAIL, "Qt", "Qt", "PySide6 6.12 会使 Python 3.11 崩溃：请安装 6.11",
                                "PySide6 6.12 crashes Python 3.11: install 6.11",
                                REINSTALL_ZH, REINSTALL_EN))
    topic = ("Qt 平台插件", "Qt platform plugin")
    if "platform" in data:
        name = data["platform"]
        findings.append(Finding(OK, *topic, f"“{name}”可以载入", f'"{name}" loads'))
        return findings
    reason = words or str(data.get("error") or f"exit status {probe.status}")
    if _cannot_connect(probe.stderr) or display.kind == "none":
        fix_zh, fix_en = (("见上一行“图形显示”的处理办法", "see the fix under Display above")
                          if display.kind != "none" else _no_display_fix())
    else:
        plugin = xcb_plugin() if sys.platform.startswith("linux") else None
        missing = missing_libraries(plugin) if plugin else []
        if missing:
            fix_zh, fix_en = install_fix(missing)
        else:
            fix_zh = (f"设置 QT_DEBUG_PLUGINS=1 后运行 composer 可看到 Qt 的详细原因；{REINSTALL_ZH}")
            fix_en = (f"run composer with QT_DEBUG_PLUGINS=1 to see Qt's detailed reason; "
                      f"{REINSTALL_EN}")
    findings.append(Finding(FAIL, *topic, f"无法载入，Qt 说：{reason}",
                            f"does not load; Qt says: {reason}", fix_zh, fix_en))
    return findings


def check_printers(probe: Probe) -> Finding:
    data = probe.data
    if "printers" not in data:
        return Finding(WARN, "打印机", "Printers", "未能查询（Qt 的平台插件未载入）",
                       "could not be listed (Qt's platform plugin did not load)")
    printers = [str(p) for p in data["printers"]] if isinstance(data["printers"], list) else []
    if not printers:
        return Finding(WARN, "打印机", "Printers",
                       "Qt 看不到任何打印机：传真件无法打印（可安装打印机驱动或 PDF 打印机）",
                       "Qt sees no printer: the fax set cannot be printed (install a printer "
                       "driver or a PDF printer)")
    default = data.get("default_printer") or "-"
    return Finding(OK, "打印机", "Printers", f"{', '.join(printers)}（默认：{default}）",
                   f"{', '.join(printers)} (default: {default})")


__all__ = ["PACKAGES", "Display", "Probe", "check_display", "check_platform_libraries",
           "check_printers", "check_qt", "display_of", "install_command", "install_fix",
           "missing_libraries", "qt_words", "rpm_install_command", "run_probe"]
