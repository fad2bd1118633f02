"""Build an offline installation bundle of Composer for an air-gapped network.

    python tools/offline_bundle.py --platform PLATFORM --out DIR
        PLATFORM: linux-x86_64 | linux-aarch64 | win-amd64 | macos-arm64 | macos-x86_64 | all

writes ``DIR/composer-VERSION-offline-PLATFORM.zip`` (and ``….zip.sha256`` beside it). Inside the
zip, at its top level (CONTRACT.md, "Offline bundle"):

    wheels/          Composer and every dependency, binary wheels for CPython 3.11-3.13,
                     and the pip that installs them (so the target needs no ensurepip)
    SHA256SUMS       every other file of the bundle (the top level included)
    安装说明.txt      installation notes, Chinese and English, for this platform
    install.sh       Linux / macOS:  sh install.sh TARGET
    install.cmd      Windows:        install.cmd TARGET
    install.py       what both scripts run (standard library only), as ``python -I``
    bundle.json      platform, versions, minimum OS, space and inodes needed, deepest path

The same notes are written beside the zip (``….zip.安装说明.txt``, with the zip's SHA-256 and
size at the top) and printed at the end of the build: an IT admin reads them before unzipping.

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
# The pip that installs the bundle on the target (run from its wheel): the target's own ensurepip
# (python3-venv on Debian-family systems) is then not needed, and every site gets the same pip.
PIP_PIN = "pip>=24"


def _manylinux(arch: str) -> tuple[str, ...]:
    # pip does not widen a manylinux_2_x tag to older ones by itself: name them all, newest first.
    return (*(f"manylinux_2_{minor}_{arch}" for minor in range(39, 16, -1)), f"manylinux2014_{arch}")


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
    _pip("download", "-d", str(wheels), "--only-binary=:all:", "--no-deps", PIP_PIN)


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
    pip_wheels = [n for n in names if n.startswith("pip-")]
    if len(pip_wheels) != 1:
        raise BundleError(f"expected one pip wheel in the bundle, found {len(pip_wheels)}")
    installed = max((measure_install([root / "wheels" / n for n in wheels_for(names, python)])
                     for python in PYTHONS), key=lambda m: m.bytes)
    info = {
        "format": "composer-offline-bundle/1",
        "name": "composer",
        "version": version,
        "platform": platform.name,
        "system": platform.system,
        "machine": platform.machine,
        "pythons": list(PYTHONS),
        "minimum_os": minimum_os(platform, names),
        "pip_wheel": pip_wheels[0],
        "installed_mb": round(installed.bytes / 1e6),
        # the installation plus a margin (pip's temporary files, file system blocks)
        "space_needed_mb": round(installed.bytes * 1.15 / 1e6) + 20,
        "files_needed": installed.files + 200,
        "deepest_path": installed.deepest,
        "wheels": names,
    }
    (root / "bundle.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
    )
    shutil.copy(HERE / "install.py", root / "install.py")
    wheel_mb = sum((root / "wheels" / n).stat().st_size for n in names) / 1e6
    notes = render_notes(platform, info, zip_mb=wheel_mb + 0.05, unpacked_mb=wheel_mb + 0.05)
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


@dataclass(frozen=True)
class Installed:
    bytes: int      # the files an installation holds, byte-compiled modules included
    files: int      # files and folders
    deepest: int    # characters of the longest path below TARGET (Windows layout)


def _installed_path(member: str) -> str:
    """Where a wheel member lands below a Windows TARGET (``Lib/site-packages`` and so on)."""
    head, _, rest = member.partition("/")
    if head.endswith(".data") and rest:
        scheme, _, inner = rest.partition("/")
        return {"scripts": "Scripts/", "data": "", "headers": "Include/site/python3.13/"}.get(
            scheme, "Lib/site-packages/") + inner
    return "Lib/site-packages/" + member


def wheels_for(names: list[str], python: str) -> list[str]:
    """The wheels pip picks for ``python`` (3.X): per project its own ``cp3X`` build, else the
    ``abi3`` or pure one. The bundle's pip is not installed."""
    chosen: dict[str, tuple[int, str]] = {}
    own = "cp" + python.replace(".", "")
    for name in names:
        project, _, py_tag, abi, _ = _wheel_tags(name)
        if project == "pip":
            continue
        if own in py_tag.split("."):
            rank = 2
        elif abi in ("abi3", "none"):
            rank = 1
        else:
            continue
        if rank > chosen.get(project, (0, ""))[0]:
            chosen[project] = (rank, name)
    return sorted(name for _, name in chosen.values())


def _wheel_tags(name: str) -> tuple[str, str, str, str, str]:
    parts = name[: -len(".whl")].split("-")
    return parts[0].lower(), parts[1], parts[-3], parts[-2], parts[-1]


def measure_install(wheels: list[Path]) -> Installed:
    """What installing ``wheels`` makes: bytes (the files, a ``.pyc`` of about 1.1× every
    ``.py``, 4 KiB a folder: the Linux bundle of 2026-12-05 estimated 322 MB, ``du -sb`` of the
    installation said 323.5 MB), files and folders, and the deepest path."""
    size = files = deepest = 0
    folders: set[str] = set()
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as zf:
            for item in zf.infolist():
                if item.is_dir():
                    continue
                path = _installed_path(item.filename)
                paths = [path]
                size += item.file_size
                if path.endswith(".py"):
                    folder, _, stem = path[:-3].rpartition("/")
                    paths.append(f"{folder}/__pycache__/{stem}.cpython-313.pyc")
                    size += int(item.file_size * 1.1)
                for p in paths:
                    files += 1
                    deepest = max(deepest, len(p))
                    folders.update(p[: i] for i in range(len(p)) if p[i] == "/")
    return Installed(size + 4096 * len(folders), files + len(folders), deepest)


NOTES_SYSTEMS = {"linux": ("linux", "unix"), "macos": ("macos", "unix"), "windows": ("windows",)}


def render_notes(platform: Platform, info: dict, *, zip_mb: float, unpacked_mb: float) -> str:
    """安装说明.txt for ``platform``: lines starting ``@linux``/``@macos``/``@windows``/``@unix``
    are kept (without the tag) only for those systems; ``{name}`` fields are filled in."""
    keep = NOTES_SYSTEMS[platform.system]
    lines = []
    for line in _read_template("安装说明.txt").splitlines():
        if line.startswith("@"):
            tag = line[1:].split(" ", 1)[0]
            if tag not in keep:
                continue
            line = line[1 + len(tag):]   # the tag goes, the indentation after it stays
        lines.append(line)
    floor = info["minimum_os"] or "-"
    fields = {
        "version": info["version"],
        "platform": platform.name,
        "zip": f"composer-{info['version']}-offline-{platform.name}.zip",
        "minimum_os": floor,
        "glibc": floor.split()[-1] if floor.startswith("glibc") else "-",
        "pythons": "、".join(info["pythons"]),
        "pythons_en": ", ".join(info["pythons"]),
        "zip_mb": f"{zip_mb:.0f}",
        "unpacked_mb": f"{unpacked_mb:.0f}",
        "space_mb": str(info["space_needed_mb"]),
        "installed_mb": str(info["installed_mb"]),
        "max_target": str(259 - 1 - info["deepest_path"]),
    }
    text = "\n".join(lines) + "\n"
    for key, value in fields.items():
        text = text.replace("{" + key + "}", value)
    return text


def write_notes_beside(archive: Path, notes: str) -> Path:
    """The notes beside the zip, headed by its name, size and SHA-256 (read before unzipping)."""
    head = (f"{archive.name}\n  SHA-256: {sha256(archive)}\n  大小 / size: "
            f"{archive.stat().st_size / 1e6:.1f} MB ({archive.stat().st_size:,} bytes)\n\n")
    path = archive.with_name(archive.name + ".安装说明.txt")
    path.write_text(head + notes.lstrip("\ufeff").replace("\r\n", "\n"), encoding="utf-8",
                    newline="\n")
    return path


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
        archive = write_zip(root, out_dir)
        write_notes_beside(archive, (root / "安装说明.txt").read_text(encoding="utf-8-sig"))
        return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", required=True, choices=[*PLATFORMS, "all"])
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    names = list(PLATFORMS) if args.platform == "all" else [args.platform]
    try:
        built = [build(name, args.out) for name in names]
        for target in built:  # the notes first, the list of zips last, where it is seen
            print(target.with_name(target.name + ".安装说明.txt").read_text(encoding="utf-8"))
        for target in built:
            size = target.stat().st_size / 1e6
            print(f"{target}  {size:.1f} MB  sha256 {sha256(target)}")
    except BundleError as exc:
        print(f"offline_bundle: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
