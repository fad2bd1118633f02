"""The offline bundle's notes (安装说明.txt, per platform, also beside the zip) and the review of
its launcher scripts that can run here (issue 22 points 4 and 5). install.cmd cannot run on
this Linux machine: what it must and must not contain is checked as text."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess

import pytest

from test_offline_bundle import ROOT, make_wheels, tool

OFFLINE = ROOT / "tools" / "offline"


def _stage(tmp_path, platform_name):
    wheels = make_wheels(tmp_path / f"w-{platform_name}")
    return tool.stage(tool.PLATFORMS[platform_name], "0.0.1", wheels, tmp_path / "stage")


def _notes(root) -> str:
    return (root / "安装说明.txt").read_text(encoding="utf-8-sig")


def test_notes_fill_every_field_and_keep_only_their_system(tmp_path):
    for name in tool.PLATFORMS:
        notes = _notes(_stage(tmp_path, name))
        assert not re.search(r"\{[a-z_]+\}", notes), name
        assert not any(line.startswith("@") for line in notes.splitlines()), name
        assert "【中文】" in notes and "【English】" in notes


def test_linux_notes_check_python_and_glibc_first_and_name_the_distributions(tmp_path):
    notes = _notes(_stage(tmp_path, "linux-x86_64"))
    assert notes.index("python3 --version") < notes.index("sha256sum") < notes.index(
        "sh install.sh")
    assert "ldd --version" in notes
    for system in ("Ubuntu 22.04", "RHEL 9", "openEuler 22.03", "银河麒麟", "统信 UOS 20",
                   "Kylin Desktop V10", "UOS 20"):
        assert system in notes, system
    assert "sha256sum composer-0.0.1-offline-linux-x86_64.zip" in notes
    assert "certutil" not in notes and "install.cmd" not in notes
    assert "sudo chown" in notes and "startup-error.txt" in notes


def test_windows_notes_hash_the_named_zip_without_a_wildcard(tmp_path):
    notes = _notes(_stage(tmp_path, "win-amd64"))
    line = next(x for x in notes.splitlines() if "certutil -hashfile" in x)
    assert line.strip() == "certutil -hashfile composer-0.0.1-offline-win-amd64.zip SHA256"
    assert "*" not in line and "py -0p" in notes and "python.org" in notes
    assert "长路径" in notes and "long paths" in notes
    assert re.search(r"不要超过 \d+ 个字符", notes) and "sh install.sh" not in notes


def test_macos_notes(tmp_path):
    notes = _notes(_stage(tmp_path, "macos-arm64"))
    assert "shasum -a 256 composer-0.0.1-offline-macos-arm64.zip" in notes
    assert "python.org" in notes and "ldd" not in notes


def test_sizes_in_the_notes_are_the_bundles(tmp_path):
    root = _stage(tmp_path, "linux-x86_64")
    info = tool.json.loads((root / "bundle.json").read_text(encoding="utf-8"))
    notes = _notes(root)
    assert f"至少有 {info['space_needed_mb']} MB 空闲" in notes
    assert f"about {info['installed_mb']} MB" in notes
    assert info["space_needed_mb"] > info["installed_mb"] and info["files_needed"] > 0


def test_notes_beside_the_zip_carry_its_hash(tmp_path):
    root = _stage(tmp_path, "win-amd64")
    archive = tool.write_zip(root, tmp_path / "out")
    beside = tool.write_notes_beside(archive, _notes(root))
    text = beside.read_text(encoding="utf-8")
    assert text.startswith(f"{archive.name}\n  SHA-256: {tool.sha256(archive)}")
    assert "certutil -hashfile" in text and "\r" not in text


def test_bundle_pythons_are_the_installers():
    spec = importlib.util.spec_from_file_location("inst", OFFLINE / "install.py")
    installer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(installer)
    assert tuple(f"{a}.{b}" for a, b in installer.PYTHONS) == tool.PYTHONS


def test_top_level_files_are_all_in_the_sums(tmp_path):
    root = _stage(tmp_path, "linux-x86_64")
    listed = {line.split("  ", 1)[1]
              for line in (root / "SHA256SUMS").read_text(encoding="utf-8").splitlines()}
    top = {p.name for p in root.iterdir() if p.is_file()} - {"SHA256SUMS"}
    assert top and top <= listed


# --- install.sh ------------------------------------------------------------------------------


def test_install_sh_parses_and_runs_python_isolated():
    text = (OFFLINE / "install.sh").read_text(encoding="utf-8")
    assert subprocess.run(["sh", "-n", str(OFFLINE / "install.sh")], check=False).returncode == 0
    assert 'exec "$py" -I "$here/install.py" "$1"' in text
    if shutil.which("shellcheck"):
        out = subprocess.run(["shellcheck", "-s", "sh", str(OFFLINE / "install.sh")],
                             capture_output=True, text=True, check=False)
        assert out.returncode == 0, out.stdout


# --- install.cmd, reviewed as text (cmd.exe does not run here) ---------------------------------


@pytest.fixture(scope="module")
def cmd_lines() -> list[str]:
    return (OFFLINE / "install.cmd").read_text(encoding="utf-8").splitlines()


def test_cmd_no_delayed_expansion_hazard(cmd_lines):
    text = "\n".join(cmd_lines)
    assert "DisableDelayedExpansion" in text and "EnableDelayedExpansion" not in text
    assert not re.search(r"![A-Za-z_]+!", text)        # no !var! anywhere


def test_cmd_code_page_is_put_back_on_every_way_out(cmd_lines):
    chcp = next(i for i, x in enumerate(cmd_lines) if x.strip() == "chcp 65001 >nul")
    # cmd reads each line in the code page of that moment: nothing but ASCII before the switch
    assert all(line.isascii() for line in cmd_lines[:chcp])
    done = cmd_lines.index(":done")
    assert cmd_lines[done + 1] == "if defined OLDCP chcp %OLDCP% >nul"
    assert "pause" in cmd_lines[done + 2] and cmd_lines[done + 3] == "exit /b %RC%"
    # after the switch, every way out goes through :done (subroutines return with exit /b 0)
    exits = [x.strip() for x in cmd_lines[chcp:] if x.strip().startswith("exit ")]
    assert exits.count("exit /b %RC%") == 1
    assert set(exits) == {"exit /b 0", "exit /b %RC%"}
    assert all(line.isascii() for line in cmd_lines[done:])


def test_cmd_pauses_on_double_click_and_handles_a_trailing_backslash(cmd_lines):
    text = "\n".join(cmd_lines)
    assert "%cmdcmdline:" in text and 'set "PAUSE_AT_END=1"' in text
    assert 'if "%TARGET:~-1%"=="\\" set "TARGET=%TARGET%."' in text
    assert '%PY% -I "%HERE%install.py" "%TARGET%"' in text     # isolated, quoted
    assert '"%HERE%."' in text                                   # never "…\" as an argument


def test_cmd_is_written_with_crlf(tmp_path):
    root = _stage(tmp_path, "win-amd64")
    data = (root / "install.cmd").read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
