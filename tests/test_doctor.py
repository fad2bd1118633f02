"""`composer doctor`: the workstation self-check, run as IT staff run it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from composer import doctor


def _doctor(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    full.update(env)
    return subprocess.run(
        [sys.executable, "-m", "composer", "doctor", *args],
        check=False,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_check_reported_and_status_matches_findings(tmp_path):
    out = _doctor(tmp_path, "--lang", "en")
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Composer ") and "workstation check" in lines[0]
    for topic in (
        "Python:",
        "Qt:",
        "Qt platform plugin:",
        "Bundled fonts:",
        "Data folder:",
        "Config folder:",
        "Drafts database:",
        "Printers:",
        "Mail program:",
    ):
        assert any(topic in line for line in lines), topic
    failed = [line for line in lines if line.startswith("FAIL")]
    assert out.returncode == (1 if failed else 0), out.stdout
    assert lines[-1] == (f"{len(failed)} problem(s) found." if failed else "All is well.")
    assert "Traceback" not in out.stderr
    assert 'Qt platform plugin: "offscreen" loads' in out.stdout


def test_chinese_by_default(tmp_path):
    out = _doctor(tmp_path)
    assert "运行环境检查" in out.stdout.splitlines()[0]
    assert "内置字体：" in out.stdout


def test_unwritable_data_folder_is_a_problem_naming_the_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = _doctor(tmp_path, "--lang", "en", COMPOSER_DATA_DIR=str(blocker / "data"))
    assert out.returncode == 1
    line = next(x for x in out.stdout.splitlines() if "Data folder:" in x)
    assert line.startswith("FAIL") and str(blocker / "data") in line and "not writable" in line


def test_damaged_database_is_a_problem(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "composer.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    finding = doctor.check_database(data / "composer.sqlite3")
    assert finding.status == doctor.FAIL
    assert "composer.sqlite3" in finding.en


def test_intact_database_is_ok(tmp_path):
    path = tmp_path / "composer.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("create table t (x)")
    db.close()
    assert doctor.check_database(path).status == doctor.OK


@pytest.mark.skipif(
    not shutil.which("gcc") or not shutil.which("ldd"),
    reason="needs gcc and ldd to build a library with a missing dependency",
)
def test_missing_system_library_is_named_with_its_package(tmp_path):
    """A real ELF plugin whose dependency is gone, as on a minimal desktop without
    libxcb-cursor0: ldd reports it and the doctor names it (a made-up soname, since this machine
    may have the real library installed)."""
    dep = tmp_path / "libcomposer-gone.so.0"
    src = tmp_path / "dep.c"
    src.write_text("int xcb_cursor_stub(void) { return 1; }\n")
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-Wl,-soname,libcomposer-gone.so.0", "-o", str(dep), str(src)],
        check=True,
    )
    plugin_src = tmp_path / "plugin.c"
    plugin_src.write_text(
        "int xcb_cursor_stub(void);\nint plugin(void) { return xcb_cursor_stub(); }\n"
    )
    plugin = tmp_path / "libqxcb.so"
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-fPIC",
            "-o",
            str(plugin),
            str(plugin_src),
            str(dep),
            f"-Wl,-rpath,{tmp_path}",
        ],
        check=True,
    )
    assert doctor.missing_libraries(plugin) == []  # found through the rpath
    dep.unlink()
    missing = doctor.missing_libraries(plugin)
    assert missing == ["libcomposer-gone.so.0"]


def test_install_command_names_debian_packages():
    assert doctor.install_command(
        ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4"]
    ) == ("sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0")


def test_report_lines_one_per_finding():
    findings = [
        doctor.Finding(doctor.OK, "甲", "A", "好", "fine"),
        doctor.Finding(doctor.FAIL, "乙", "B", "坏", "broken"),
    ]
    lines = doctor.report_lines(findings, "en")
    assert lines[1:3] == ["ok    A: fine", "FAIL  B: broken"]
    assert lines[-1] == "1 problem(s) found."
