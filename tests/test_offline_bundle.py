"""The offline bundle (CONTRACT.md, "Offline bundle"): built, carried, verified, installed offline.

Two layers:
- The bundle's own machinery (layout, sums, install.sh → install.py, every failure message) on
  a bundle made here from a small wheel built in the test: runs anywhere, no network.
- The real bundles, when ``COMPOSER_OFFLINE_BUNDLES`` names a folder that
  ``tools/offline_bundle.py --platform all`` wrote (``.ci/run`` does): the Linux x86_64 one is
  installed with the network unreachable (``unshare -n``) into a path with spaces and Chinese
  characters and used; for every other platform pip must resolve Composer from the bundle alone.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
BUNDLES = os.environ.get("COMPOSER_OFFLINE_BUNDLES")


def _tool():
    spec = importlib.util.spec_from_file_location(
        "offline_bundle", ROOT / "tools" / "offline_bundle.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["offline_bundle"] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()


# --- a small real wheel standing in for Composer ---------------------------------------------


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def make_wheel(folder: Path, version: str = "0.0.1") -> Path:
    """A pure-Python wheel named ``composer`` whose ``composer-cli --version`` answers."""
    files = {
        "composer/__init__.py": b"",
        "composer/__main__.py": (
            f"import sys\ndef main():\n    print('composer {version}')\n    return 0\n"
        ).encode(),
        f"composer-{version}.dist-info/METADATA": (
            f"Metadata-Version: 2.1\nName: composer\nVersion: {version}\n"
        ).encode(),
        f"composer-{version}.dist-info/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
        f"composer-{version}.dist-info/entry_points.txt": (
            b"[console_scripts]\ncomposer-cli = composer.__main__:main\n"
            b"[gui_scripts]\ncomposer = composer.__main__:main\n"
        ),
    }
    record = f"composer-{version}.dist-info/RECORD"
    lines = [_record_line(n, d) for n, d in files.items()] + [f"{record},,"]
    files[record] = ("\n".join(lines) + "\n").encode()
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"composer-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return wheel


def pip_wheel() -> Path:
    """A real pip wheel from this Python's own ensurepip (or Debian's copy): the bundle's pip."""
    import ensurepip

    places = [Path(ensurepip.__file__).parent / "_bundled", Path(ensurepip.__file__).parent,
              Path("/usr/share/python-wheels")]
    for place in places:
        found = sorted(place.glob("pip-*-py3-none-any.whl"))
        if found:
            return found[-1]
    pytest.skip("no pip wheel on this machine to stand in for the bundle's")


def make_wheels(folder: Path, version: str = "0.0.1") -> Path:
    """The small Composer wheel and the pip that installs it, as a bundle's wheels/."""
    make_wheel(folder, version)
    shutil.copy(pip_wheel(), folder)
    return folder


def this_platform():
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform)
    machine = platform.machine()
    match = [
        p
        for p in tool.PLATFORMS.values()
        if p.system == system
        and p.machine.lower() in (machine.lower(), {"amd64": "x86_64"}.get(machine.lower(), ""))
    ]
    if not match:
        pytest.skip(f"no bundle platform for {sys.platform} {machine}")
    return match[0]


def small_bundle(tmp_path: Path, **bundle_changes) -> Path:
    """Stage, zip and unzip a bundle of the small wheel; returns the unzipped top folder."""
    wheels = make_wheels(tmp_path / "wheels-src")
    root = tool.stage(this_platform(), "0.0.1", wheels, tmp_path / "stage")
    if bundle_changes:
        info = json.loads((root / "bundle.json").read_text(encoding="utf-8"))
        info.update(bundle_changes)
        (root / "bundle.json").write_text(json.dumps(info), encoding="utf-8")
        tool.write_sums(root)
    archive = tool.write_zip(root, tmp_path / "out")
    carried = tmp_path / "U盘 拷贝"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(carried)
    return carried / root.name


def run_install(bundle: Path, target: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, COMPOSER_PYTHON=sys.executable)
    full.update(env)
    return subprocess.run(
        ["sh", str(bundle / "install.sh"), str(target)],
        check=False,
        env=full,
        capture_output=True,
        text=True,
        timeout=300,
    )


# --- layout ----------------------------------------------------------------------------------


def test_platforms_are_the_contracts():
    assert set(tool.PLATFORMS) == {
        "linux-x86_64",
        "linux-aarch64",
        "win-amd64",
        "macos-arm64",
        "macos-x86_64",
    }


def test_zip_layout_and_sums(tmp_path):
    wheels = make_wheels(tmp_path / "w")
    root = tool.stage(tool.PLATFORMS["win-amd64"], "0.0.1", wheels, tmp_path / "stage")
    archive = tool.write_zip(root, tmp_path / "out")
    assert archive.name == "composer-0.0.1-offline-win-amd64.zip"
    with zipfile.ZipFile(archive) as zf:
        names = {n.split("/", 1)[1] for n in zf.namelist()}
        notes = zf.read(f"{root.name}/安装说明.txt").decode("utf-8-sig")
        cmd = zf.read(f"{root.name}/install.cmd")
    assert {
        "SHA256SUMS",
        "安装说明.txt",
        "install.cmd",
        "install.py",
        "bundle.json",
        "wheels/composer-0.0.1-py3-none-any.whl",
        f"wheels/{pip_wheel().name}",
    } <= names
    assert "install.sh" not in names
    assert b"\r\n" in cmd and b"\n" not in cmd.replace(b"\r\n", b"")  # CRLF for cmd.exe
    assert "离线安装包" in notes and "offline bundle" in notes and "卸载" in notes
    assert "Uninstall" in notes
    sums = (root / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split("  ")[1] for line in sums) == sorted(names - {"SHA256SUMS"})
    assert (tmp_path / "out" / f"{archive.name}.sha256").read_text().split()[0] == tool.sha256(
        archive
    )


def test_minimum_os_is_the_newest_any_wheel_needs():
    linux = tool.PLATFORMS["linux-x86_64"]
    names = [
        "a-1-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "b-1-cp310-abi3-manylinux_2_34_x86_64.whl",
        "c-1-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
        "d-1-py3-none-any.whl",
    ]
    assert tool.minimum_os(linux, names) == "glibc 2.34"
    mac = tool.PLATFORMS["macos-arm64"]
    assert (
        tool.minimum_os(
            mac,
            ["q-1-cp310-abi3-macosx_13_0_universal2.whl", "r-1-cp311-cp311-macosx_11_0_arm64.whl"],
        )
        == "macOS 13.0"
    )


# --- installing a bundle, offline, from a path with spaces and Chinese characters --------------


def test_install_upgrade_and_launcher(tmp_path):
    bundle = small_bundle(tmp_path)
    target = tmp_path / "安装 目标" / "Composer 程序"
    out = run_install(
        bundle, target, http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9"
    )
    assert out.returncode == 0, out.stderr
    assert "SHA-256" in out.stdout and "composer 0.0.1" in out.stdout
    cli = target / ("Scripts/composer-cli.exe" if os.name == "nt" else "bin/composer-cli")
    assert (
        subprocess.run(
            [str(cli), "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
        == "composer 0.0.1"
    )
    assert (target / ".composer-offline.json").is_file()
    assert any(target.glob("composer.desktop")) or any(target.glob("Composer.*"))
    again = run_install(bundle, target)  # the same target again: an upgrade in place
    assert again.returncode == 0, again.stderr


def test_damaged_wheel_is_refused(tmp_path):
    bundle = small_bundle(tmp_path)
    wheel = next((bundle / "wheels").glob("*.whl"))
    wheel.write_bytes(wheel.read_bytes()[:-10] + b"0123456789")
    target = tmp_path / "target"
    out = run_install(bundle, target)
    assert out.returncode == 3
    assert f"wheels/{wheel.name}" in out.stderr and "SHA-256" in out.stderr
    assert "Unzip the original zip again" in out.stderr and "重新解压" in out.stderr
    assert not target.exists()


def test_damaged_installer_is_refused_before_it_runs(tmp_path):
    bundle = small_bundle(tmp_path)
    (bundle / "install.py").write_text("raise SystemExit('tampered')\n", encoding="utf-8")
    out = run_install(bundle, tmp_path / "target")
    assert out.returncode == 3
    assert "installer is damaged" in out.stderr


def test_unlisted_file_in_wheels_is_refused(tmp_path):
    bundle = small_bundle(tmp_path)
    (bundle / "wheels" / "extra-1.0-py3-none-any.whl").write_bytes(b"x")
    out = run_install(bundle, tmp_path / "target")
    assert out.returncode == 3 and "extra-1.0-py3-none-any.whl" in out.stderr


def test_non_empty_foreign_target_is_refused(tmp_path):
    bundle = small_bundle(tmp_path)
    target = tmp_path / "target"
    target.mkdir()
    (target / "thesis.txt").write_text("keep me")
    out = run_install(bundle, target)
    assert out.returncode == 4 and "neither empty nor an earlier Composer" in out.stderr
    assert (target / "thesis.txt").read_text() == "keep me"


def test_not_enough_space(tmp_path):
    bundle = small_bundle(tmp_path, space_needed_mb=10**12)
    out = run_install(bundle, tmp_path / "target")
    assert out.returncode == 4 and "Not enough space" in out.stderr and "磁盘空间不足" in out.stderr


def test_wrong_python_and_wrong_platform(tmp_path):
    bundle = small_bundle(tmp_path, pythons=["3.10"])
    out = run_install(bundle, tmp_path / "t1")
    assert out.returncode == 3 and "needs Python 3.10" in out.stderr
    other = small_bundle(tmp_path / "b2", machine="riscv64", platform="linux-riscv64")
    out = run_install(other, tmp_path / "t2")
    assert out.returncode == 3 and "linux-riscv64" in out.stderr


def test_no_suitable_python(tmp_path):
    bundle = small_bundle(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool_name in ("dirname", "grep", "sha256sum", "shasum"):
        found = shutil.which(tool_name)
        if found:
            (bin_dir / tool_name).symlink_to(found)
    env = dict(os.environ, PATH=str(bin_dir))
    env.pop("COMPOSER_PYTHON", None)
    out = subprocess.run(
        ["/bin/sh", str(bundle / "install.sh"), str(tmp_path / "t")],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 3 and "No Python 3.11, 3.12 or 3.13 found" in out.stderr


def test_usage(tmp_path):
    bundle = small_bundle(tmp_path)
    out = subprocess.run(
        ["sh", str(bundle / "install.sh")], check=False, capture_output=True, text=True
    )
    assert out.returncode == 2 and "Usage: sh install.sh TARGET" in out.stderr


# --- the real bundles ------------------------------------------------------------------------

needs_bundles = pytest.mark.skipif(
    not BUNDLES,
    reason="COMPOSER_OFFLINE_BUNDLES not set: .ci/run builds the real bundles with "
    "tools/offline_bundle.py --platform all and sets it",
)


def _real(platform_name: str, tmp_path: Path) -> Path:
    archives = sorted(Path(BUNDLES).glob(f"composer-*-offline-{platform_name}.zip"))
    assert archives, f"no {platform_name} bundle in {BUNDLES}"
    with zipfile.ZipFile(archives[-1]) as zf:
        zf.extractall(tmp_path)
    return tmp_path / archives[-1].stem


def _offline(cmd: list[str]) -> list[str]:
    """Run ``cmd`` with no network at all (a new, empty network namespace) when possible."""
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-n", "true"], check=False).returncode == 0
    ):
        return ["unshare", "-n", *cmd]
    return cmd  # without privileges: install.py still forces --no-index and no pip config


@needs_bundles
def test_real_linux_bundle_installs_and_runs_offline(tmp_path):
    from composer import __version__

    bundle = _real("linux-x86_64", tmp_path / "离线 安装包")
    target = tmp_path / "目标 文件夹" / "Composer"
    env = dict(
        os.environ,
        COMPOSER_PYTHON=sys.executable,
        http_proxy="http://127.0.0.1:9",
        https_proxy="http://127.0.0.1:9",
        QT_QPA_PLATFORM="offscreen",
        COMPOSER_DATA_DIR=str(tmp_path / "data"),
        COMPOSER_CONFIG_DIR=str(tmp_path / "config"),
    )
    out = subprocess.run(
        _offline(["sh", str(bundle / "install.sh"), str(target)]),
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    info = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    installed = sum(p.lstat().st_size for p in target.rglob("*")) / 1e6
    assert abs(installed - info["installed_mb"]) < 0.05 * installed, (installed, info)
    beside = Path(BUNDLES) / f"{bundle.name}.zip.安装说明.txt"
    assert f"至少有 {info['space_needed_mb']} MB" in beside.read_text(encoding="utf-8")
    version = subprocess.run(
        _offline([str(target / "bin/composer"), "--version"]),
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert version.stdout.strip() == f"composer {__version__}"
    package = tmp_path / "包 输出"
    render = subprocess.run(
        _offline(
            [
                str(target / "bin/composer-cli"),
                "render",
                str(EXAMPLES / "ransomware-retailer.json"),
                "--out",
                str(package),
            ]
        ),
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert render.returncode == 0, render.stderr
    assert (package / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (package / "fax" / "fax.tif").stat().st_size > 10_000
    app = subprocess.run(
        _offline([str(target / "bin/composer")]),
        check=False,
        env=dict(env, COMPOSER_SMOKE_QUIT_MS="500"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert app.returncode == 0, app.stderr
    assert "Traceback" not in app.stderr


@needs_bundles
@pytest.mark.parametrize(
    "platform_name", ["linux-x86_64", "linux-aarch64", "win-amd64", "macos-arm64", "macos-x86_64"]
)
def test_real_bundle_is_complete_for_every_python(platform_name, tmp_path):
    bundle = _real(platform_name, tmp_path)
    info = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    assert info["platform"] == platform_name and info["pythons"] == ["3.11", "3.12", "3.13"]
    spec = importlib.util.spec_from_file_location("bundle_install", bundle / "install.py")
    installer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(installer)
    assert installer.verify_sums(bundle) == len(info["wheels"]) + 4
    platform_ = tool.PLATFORMS[platform_name]
    tool.check_resolves(platform_, bundle / "wheels")  # raises naming what is missing
    names = " ".join(info["wheels"]).lower()
    for requirement in (
        "pyside6_essentials",
        "shiboken6",
        "reportlab",
        "rl_accel",
        "jinja2",
        "markupsafe",
        "pypdfium2",
        "pillow",
        "openpyxl",
        "et_xmlfile",
        "composer-",
    ):
        assert requirement in names, requirement
