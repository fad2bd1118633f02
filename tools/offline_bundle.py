"""Build an offline installation bundle of Composer for an air-gapped network.

    python tools/offline_bundle.py --platform PLATFORM --out DIR
        PLATFORM: linux-x86_64 | linux-aarch64 | win-amd64 | macos-arm64 | macos-x86_64 | all

writes ``DIR/composer-VERSION-offline-PLATFORM.zip`` (and ``….zip.sha256`` beside it). Inside the
zip, at its top level (CONTRACT.md, "Offline bundle"):

    wheels/          Composer and every dependency, binary wheels for CPython 3.11-3.13
    SHA256SUMS       every other file of the bundle
    安装说明.txt      installation notes, Chinese and English
    install.sh       Linux / macOS:  sh install.sh TARGET
    install.cmd      Windows:        install.cmd TARGET
    install.py       what both scripts run (standard library only)
    bundle.json      platform, versions, minimum OS, size needed

This runs where there is internet (it downloads wheels with pip). After downloading it checks
that pip resolves Composer from the bundle alone for every supported Python (``--no-index
--only-binary=:all: --platform … --python-version …``), so a bundle that would fail to install
is never written. Every wheel is a binary wheel: nothing is compiled on the target machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "offline"
PYTHONS = ("3.11", "3.12", "3.13")
# One Qt for every Python of a bundle: 6.11 runs on 3.11-3.13 (6.12 crashes 3.11, TECH-NOTES),
# so a bundle carries one PySide6 wheel (abi3) instead of two of ~80-200 MB each.
QT_PIN = ("PySide6-Essentials>=6.11,<6.12", "shiboken6>=6.11,<6.12")


def _manylinux(arch: str) -> tuple[str, ...]:
    # pip does not widen a manylinux_2_x tag to older ones by itself: name them all, newest first.
    return tuple(f"manylinux_2_{minor}_{arch}" for minor in range(39, 16, -1)) + (
        f"manylinux2014_{arch}",
    )


@dataclass(frozen=True)
class Platform:
    name: str
    tags: tuple[str, ...]  # pip --platform values
    system: str  # linux | windows | macos
    machine: str  # what the target reports (uname -m / PROCESSOR_ARCHITECTURE)


PLATFORMS = {
    p.name: p
    for p in (
        Platform("linux-x86_64", _manylinux("x86_64"), "linux", "x86_64"),
        Platform("linux-aarch64", _manylinux("aarch64"), "linux", "aarch64"),
        Platform("win-amd64", ("win_amd64",), "windows", "AMD64"),
        # pip widens macosx_X_Y_arch to every older macOS and to universal2 wheels.
        Platform("macos-arm64", ("macosx_15_0_arm64",), "macos", "arm64"),
        Platform("macos-x86_64", ("macosx_15_0_x86_64",), "macos", "x86_64"),
    )
}


class BundleError(Exception):
    """A bundle cannot be built; the message says why."""


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise BundleError("pyproject.toml has no version")
    return match.group(1)


def _pip(*args: str, isolated: bool = False) -> None:
    """Run pip quietly; ``isolated`` ignores the machine's pip configuration (its find-links or
    extra indexes must not fill gaps of a bundle under check)."""
    cmd = [sys.executable, "-m", "pip", args[0], "-q", *args[1:]]
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    if isolated:
        env = {k: v for k, v in env.items() if not k.startswith("PIP_")}
        env["PIP_CONFIG_FILE"] = os.devnull
    result = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
        raise BundleError(f"pip {args[0]} failed:\n{tail}")


def build_composer_wheel(dest: Path) -> Path:
    """The project's own wheel (resources and templates inside, as ``pip install .``)."""
    dest.mkdir(parents=True, exist_ok=True)
    _pip("wheel", "--no-deps", "-w", str(dest), str(ROOT))
    wheels = sorted(dest.glob("composer-*.whl"))
    if len(wheels) != 1:
        raise BundleError(f"expected one Composer wheel in {dest}, found {len(wheels)}")
    return wheels[0]


def _platform_args(platform: Platform, python: str) -> list[str]:
    args = ["--only-binary=:all:", "--implementation", "cp", "--python-version", python]
    for tag in platform.tags:
        args += ["--platform", tag]
    return args


def download_wheels(
    platform: Platform, composer_wheel: Path, wheels: Path, pythons: tuple[str, ...] = PYTHONS
) -> None:
    """Every dependency of ``composer_wheel`` for each Python, as binary wheels."""
    pins = wheels.parent / "qt-pins.txt"
    pins.write_text("\n".join(QT_PIN) + "\n", encoding="utf-8")
    for python in pythons:
        _pip(
            "download",
            "-d",
            str(wheels),
            *_platform_args(platform, python),
            "-c",
            str(pins),
            str(composer_wheel),
        )
    pins.unlink()


def check_resolves(platform: Platform, wheels: Path, pythons: tuple[str, ...] = PYTHONS) -> None:
    """pip finds every requirement in ``wheels`` alone, for each Python: the bundle is complete."""
    for python in pythons:
        with tempfile.TemporaryDirectory() as target:
            try:
                _pip(
                    "install",
                    "--dry-run",
                    "--ignore-installed",
                    "--no-index",
                    "--find-links",
                    str(wheels),
                    "--target",
                    target,
                    *_platform_args(platform, python),
                    "composer",
                    isolated=True,
                )
            except BundleError as exc:
                raise BundleError(
                    f"{platform.name}, Python {python}: the bundle is incomplete\n{exc}"
                ) from None


_TAG_GLIBC = re.compile(r"manylinux_(\d+)_(\d+)_")
_TAG_MACOS = re.compile(r"macosx_(\d+)_(\d+)_")


def minimum_os(platform: Platform, wheel_names: list[str]) -> str | None:
    """The oldest target the wheels allow: the highest glibc / macOS any wheel needs."""
    if platform.system == "windows":
        return "Windows 10"
    floors = []
    for name in wheel_names:
        tags = name[: -len(".whl")].split("-")[-1].split(".")
        pattern = _TAG_GLIBC if platform.system == "linux" else _TAG_MACOS
        found = [tuple(int(g) for g in m.groups()) for t in tags if (m := pattern.match(t))]
        if platform.system == "linux" and any(t.startswith("manylinux2014") for t in tags):
            found.append((2, 17))
        if found:
            floors.append(min(found))  # a wheel with several tags needs only the oldest
    if not floors:
        return None
    major, minor = max(floors)
    return f"glibc {major}.{minor}" if platform.system == "linux" else f"macOS {major}.{minor}"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(root: Path) -> None:
    """``SHA256SUMS`` in the format ``sha256sum -c`` reads: every file but itself, sorted."""
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if rel != "SHA256SUMS":
            lines.append(f"{sha256(path)}  {rel}\n")
    (root / "SHA256SUMS").write_text("".join(lines), encoding="utf-8", newline="\n")


def _read_template(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def stage(platform: Platform, version: str, wheels: Path, stage_dir: Path) -> Path:
    """Lay out the bundle's files (wheels already downloaded) in ``stage_dir``."""
    root = stage_dir / f"composer-{version}-offline-{platform.name}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(wheels, root / "wheels")
    names = sorted(p.name for p in (root / "wheels").glob("*.whl"))
    wheel_bytes = sum((root / "wheels" / n).stat().st_size for n in names)
    info = {
        "format": "composer-offline-bundle/1",
        "name": "composer",
        "version": version,
        "platform": platform.name,
        "system": platform.system,
        "machine": platform.machine,
        "pythons": list(PYTHONS),
        "minimum_os": minimum_os(platform, names),
        # a virtual environment holds the unpacked wheels (about 2.5× their size) plus pip
        "space_needed_mb": int(wheel_bytes * 2.5 / 1e6) + 60,
        "wheels": names,
    }
    (root / "bundle.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
    )
    shutil.copy(HERE / "install.py", root / "install.py")
    notes = (
        _read_template("安装说明.txt")
        .replace("{version}", version)
        .replace("{platform}", platform.name)
        .replace("{minimum_os}", info["minimum_os"] or "-")
    )
    if platform.system == "windows":
        (root / "install.cmd").write_bytes(
            _read_template("install.cmd")
            .replace("\r\n", "\n")
            .replace("\n", "\r\n")
            .encode("utf-8")
        )
        (root / "安装说明.txt").write_bytes(
            ("\ufeff" + notes).replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
        )
    else:
        (root / "install.sh").write_text(
            _read_template("install.sh"), encoding="utf-8", newline="\n"
        )
        (root / "install.sh").chmod(0o755)
        (root / "安装说明.txt").write_text(notes, encoding="utf-8", newline="\n")
    write_sums(root)
    return root


def write_zip(root: Path, out_dir: Path) -> Path:
    """Zip ``root`` (its own name as the top folder); wheels are stored, text deflated."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{root.name}.zip"
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w") as zf:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            arc = f"{root.name}/{path.relative_to(root).as_posix()}"
            info = zipfile.ZipInfo(arc, date_time=(2025, 11, 1, 0, 0, 0))
            info.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
            info.compress_type = (
                zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED
            )
            info.flag_bits |= 0x800  # UTF-8 file names (安装说明.txt)
            with path.open("rb") as src, zf.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    os.replace(partial, target)
    (out_dir / f"{target.name}.sha256").write_text(
        f"{sha256(target)}  {target.name}\n", encoding="utf-8", newline="\n"
    )
    return target


def build(platform_name: str, out_dir: Path, *, work: Path | None = None) -> Path:
    platform = PLATFORMS[platform_name]
    version = project_version()
    with tempfile.TemporaryDirectory(prefix="composer-bundle-") as tmp:
        base = work or Path(tmp)
        composer_wheel = build_composer_wheel(base / "own")
        wheels = base / f"wheels-{platform.name}"
        wheels.mkdir(parents=True, exist_ok=True)
        shutil.copy(composer_wheel, wheels)
        download_wheels(platform, composer_wheel, wheels)
        check_resolves(platform, wheels)
        root = stage(platform, version, wheels, base / "stage")
        return write_zip(root, out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", required=True, choices=[*PLATFORMS, "all"])
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    names = list(PLATFORMS) if args.platform == "all" else [args.platform]
    try:
        for name in names:
            target = build(name, args.out)
            size = target.stat().st_size / 1e6
            print(f"{target}  {size:.1f} MB  sha256 {sha256(target)}")
    except BundleError as exc:
        print(f"offline_bundle: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
