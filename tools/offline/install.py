"""Install Composer from this offline bundle, never touching a network.

    python install.py TARGET

Verifies every file against SHA256SUMS, checks the machine (Python 3.11-3.13, operating system,
processor, glibc or macOS version, free space), creates a virtual environment in TARGET and
installs Composer from ``wheels/`` with ``pip --no-index``. Afterwards ``TARGET/bin/composer``
(``TARGET\\Scripts\\composer.exe`` on Windows) is the program.

Exit status: 0 installed; 2 wrong usage; 3 damaged bundle or unsuitable machine; 4 not enough
space or TARGET not usable; 5 the installation itself failed. Every failure says why, in Chinese
and English, on one or two lines. Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import venv
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKER = ".composer-offline.json"


class Failure(Exception):
    def __init__(self, status: int, zh: str, en: str):
        super().__init__(en)
        self.status, self.zh, self.en = status, zh, en


def say(zh: str, en: str) -> None:
    print(zh)
    print(en)
    sys.stdout.flush()


def load_bundle() -> dict:
    try:
        return json.loads((HERE / "bundle.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Failure(
            3,
            f"安装包不完整：无法读取 bundle.json（{exc}）。请重新拷贝安装包。",
            f"The bundle is incomplete: cannot read bundle.json ({exc}). Copy the bundle again.",
        ) from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_sums(root: Path = HERE) -> int:
    """Every file listed in SHA256SUMS matches, and every wheel is listed. Returns the count."""
    try:
        lines = (root / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    except OSError:
        raise Failure(
            3,
            "安装包不完整：缺少 SHA256SUMS。请重新拷贝安装包。",
            "The bundle is incomplete: SHA256SUMS is missing. Copy the bundle again.",
        ) from None
    listed = {}
    for line in lines:
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or name.startswith("/") or ".." in name.split("/"):
            raise Failure(
                3,
                f"SHA256SUMS 有无法识别的一行：{line[:80]!r}",
                f"SHA256SUMS has a line that cannot be read: {line[:80]!r}",
            )
        listed[name] = digest
    for name, digest in listed.items():
        path = root / name
        if not path.is_file():
            raise Failure(
                3,
                f"安装包不完整：缺少 {name}。请重新拷贝安装包。",
                f"The bundle is incomplete: {name} is missing. Copy the bundle again.",
            )
        if _sha256(path) != digest:
            raise Failure(
                3,
                f"文件已损坏：{name} 的 SHA-256 与 SHA256SUMS 不符。请重新拷贝安装包。",
                f"Damaged file: the SHA-256 of {name} does not match SHA256SUMS. "
                "Copy the bundle again.",
            )
    extra = sorted(p.name for p in (root / "wheels").glob("*") if f"wheels/{p.name}" not in listed)
    if extra:
        raise Failure(
            3,
            f"wheels 文件夹中有 SHA256SUMS 未列出的文件：{', '.join(extra)}",
            f"wheels/ holds files SHA256SUMS does not list: {', '.join(extra)}",
        )
    return len(listed)


def _system() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)


def _machine() -> str:
    machine = platform.machine()
    return {"amd64": "AMD64", "x86_64": "x86_64", "aarch64": "aarch64", "arm64": "arm64"}.get(
        machine.lower(), machine
    )


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".") if p.isdigit())


def check_machine(bundle: dict) -> None:
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    if here not in bundle["pythons"]:
        raise Failure(
            3,
            f"这个安装包需要 Python {'、'.join(bundle['pythons'])}，当前是 {here}"
            f"（{sys.executable}）。",
            f"This bundle needs Python {', '.join(bundle['pythons'])}; this is {here} "
            f"({sys.executable}).",
        )
    system, machine = _system(), _machine()
    want_machine = bundle["machine"]
    if system != bundle["system"] or machine.lower() != want_machine.lower():
        raise Failure(
            3,
            f"这个安装包适用于 {bundle['platform']}，本机是 {system} {machine}。"
            "请使用对应平台的安装包。",
            f"This bundle is for {bundle['platform']}; this machine is {system} "
            f"{machine}. Use the bundle for this platform.",
        )
    floor = bundle.get("minimum_os") or ""
    if system == "linux" and floor.startswith("glibc "):
        libc, version = platform.libc_ver()
        if libc == "glibc" and _version_tuple(version) < _version_tuple(floor.split()[1]):
            raise Failure(
                3,
                f"本机的 glibc 是 {version}，这个安装包中的 Qt 需要 {floor} 或更新的系统。",
                f"This machine has glibc {version}; the Qt in this bundle needs {floor} "
                "or a newer system.",
            )
    if system == "macos" and floor.startswith("macOS "):
        mac = platform.mac_ver()[0]
        if mac and _version_tuple(mac) < _version_tuple(floor.split()[1]):
            raise Failure(
                3,
                f"本机是 macOS {mac}，这个安装包需要 {floor} 或更新版本。",
                f"This machine runs macOS {mac}; this bundle needs {floor} or newer.",
            )


def _existing_parent(path: Path) -> Path:
    while not path.exists():
        if path.parent == path:
            break
        path = path.parent
    return path


def check_target(target: Path, bundle: dict) -> bool:
    """True when TARGET is an earlier offline installation to upgrade in place."""
    upgrade = False
    if target.exists():
        if not target.is_dir():
            raise Failure(4, f"目标不是文件夹：{target}", f"The target is not a folder: {target}")
        if (target / MARKER).is_file():
            upgrade = True
        elif any(target.iterdir()):
            raise Failure(
                4,
                f"目标文件夹不是空的，也不是以前的 Composer 安装：{target}。请换一个文件夹。",
                f"The target folder is neither empty nor an earlier Composer "
                f"installation: {target}. Choose another folder.",
            )
    free_mb = shutil.disk_usage(_existing_parent(target)).free // 1_000_000
    need_mb = int(bundle.get("space_needed_mb", 0))
    if free_mb < need_mb:
        raise Failure(
            4,
            f"磁盘空间不足：需要约 {need_mb} MB，{_existing_parent(target)} 只剩 {free_mb} MB。",
            f"Not enough space: about {need_mb} MB needed, {free_mb} MB free on "
            f"{_existing_parent(target)}.",
        )
    return upgrade


def _bin(target: Path, name: str) -> Path:
    if os.name == "nt":
        return target / "Scripts" / f"{name}.exe"
    return target / "bin" / name


def _offline_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PIP_") and k not in ("PYTHONPATH", "PYTHONHOME")
    }
    # ignore any pip configuration of the machine (an index, a proxy, constraints)
    env.update(
        PIP_CONFIG_FILE=os.devnull,
        PIP_NO_INDEX="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_CACHE_DIR="1",
        PIP_NO_INPUT="1",
    )
    return env


def create_environment(target: Path) -> None:
    try:
        venv.EnvBuilder(with_pip=True, clear=False, upgrade_deps=False).create(target)
    except (subprocess.CalledProcessError, OSError) as exc:
        raise Failure(
            5,
            f"无法在 {target} 创建 Python 虚拟环境（{exc}）。Debian/Ubuntu 上需要 "
            f"python3-venv（apt install python3.{sys.version_info.minor}-venv）。",
            f"Cannot create a Python virtual environment in {target} ({exc}). On "
            f"Debian/Ubuntu install python3-venv "
            f"(apt install python3.{sys.version_info.minor}-venv).",
        ) from None


def install_wheels(target: Path, bundle: dict) -> None:
    python = _bin(target, "python")
    cmd = [
        str(python),
        "-m",
        "pip",
        "install",
        "--no-index",
        "--find-links",
        str(HERE / "wheels"),
        "--only-binary=:all:",
        "--upgrade",
        f"{bundle['name']}=={bundle['version']}",
    ]
    result = subprocess.run(cmd, check=False, env=_offline_env(), capture_output=True, text=True)
    if result.returncode != 0:
        detail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-8:])
        raise Failure(
            5,
            f"安装失败（pip 退出码 {result.returncode}）：\n{detail}",
            f"Installation failed (pip exit status {result.returncode}).",
        )


def check_program(target: Path) -> str:
    cli = _bin(target, "composer-cli")
    result = subprocess.run(
        [str(cli), "--version"], check=False, env=_offline_env(), capture_output=True, text=True
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise Failure(
            5,
            f"已安装，但程序无法启动：{detail[0]}",
            f"Installed, but the program does not start: {detail[0]}",
        )
    return result.stdout.strip()


def write_launchers(target: Path) -> Path:
    """A double-clickable starter beside the environment; returns it."""
    if os.name == "nt":
        launcher = target / "Composer.cmd"
        launcher.write_bytes(b'@echo off\r\nstart "" "%~dp0Scripts\\composer.exe" %*\r\n')
        return launcher
    program = _bin(target, "composer")
    if sys.platform == "darwin":
        launcher = target / "Composer.command"
        launcher.write_text(f'#!/bin/sh\nexec "{program}" "$@"\n', encoding="utf-8")
    else:
        launcher = target / "composer.desktop"
        quoted = str(program).replace("\\", "\\\\").replace('"', '\\"')
        launcher.write_text(
            "[Desktop Entry]\nType=Application\nName=Composer\nName[zh_CN]=网络安全事件报告\n"
            f'Exec="{quoted}" %f\nTerminal=false\nCategories=Office;\n',
            encoding="utf-8",
        )
    launcher.chmod(0o755)
    return launcher


def install(target_text: str) -> int:
    bundle = load_bundle()
    count = verify_sums()
    say(f"已核对 {count} 个文件的 SHA-256。", f"SHA-256 of {count} files verified.")
    check_machine(bundle)
    target = Path(target_text).expanduser().absolute()
    upgrade = check_target(target, bundle)
    created = not target.exists()
    try:
        if not upgrade:
            create_environment(target)
        install_wheels(target, bundle)
        version = check_program(target)
        launcher = write_launchers(target)
        (target / MARKER).write_text(
            json.dumps(
                {
                    "version": bundle["version"],
                    "platform": bundle["platform"],
                    "installed_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "python": sys.version.split()[0],
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    except BaseException:
        if created:
            shutil.rmtree(target, ignore_errors=True)  # nothing half-installed is left behind
        raise
    program = _bin(target, "composer")
    say(
        f"安装完成：{version}\n程序：{program}\n启动器：{launcher}",
        f"Installed: {version}\nProgram: {program}\nLauncher: {launcher}",
    )
    say(
        f"卸载：删除文件夹 {target}（草稿和报送记录保存在用户数据文件夹中，不会被删除）。",
        f"To uninstall, delete the folder {target} (drafts and sending records stay in the "
        "user data folder).",
    )
    return 0


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].strip():
        say("用法：python install.py 目标文件夹", "Usage: python install.py TARGET")
        return 2
    try:
        return install(argv[0])
    except Failure as exc:
        print(exc.zh, file=sys.stderr)
        print(exc.en, file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("已中断。Interrupted.", file=sys.stderr)
        return 5


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
