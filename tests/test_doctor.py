"""`composer doctor`: the workstation self-check, run as IT staff run it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from composer import doctor, doctor_display, doctor_files
from composer.resources import resource_path
from offline_helpers import hide_library, in_namespace, needs_mount_namespace


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


# --- issue 22: every fault named as what it is, with one line saying what to do --------------

NO_DISPLAY = "59999"   # no X server listens here (/tmp/.X11-unix/X59999)


def _env_without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "composer", *args], check=False, env=env,
                          capture_output=True, text=True, timeout=120)


def _fail_with_fix(stdout: str, topic: str) -> tuple[str, str]:
    lines = stdout.splitlines()
    index = next(i for i, line in enumerate(lines) if f"{topic}:" in line)
    assert lines[index].startswith("FAIL"), lines[index]
    assert lines[index + 1].startswith("      Fix: "), lines[index + 1]
    return lines[index], lines[index + 1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays are Linux's")
def test_unreachable_display_is_named_with_qt_own_words():
    out = _run(["doctor", "--lang", "en"], _env_without_display(DISPLAY=f":{NO_DISPLAY}"))
    assert out.returncode == 1
    line, fix = _fail_with_fix(out.stdout, "Display")
    assert f"DISPLAY=:{NO_DISPLAY} cannot be reached" in line and "XAUTHORITY" in fix
    line, _ = _fail_with_fix(out.stdout, "Qt platform plugin")
    assert f"could not connect to display :{NO_DISPLAY}" in line   # Qt's own words
    assert "exit status" not in out.stdout
    assert any(x.startswith("ok    Qt: PySide6 ") for x in out.stdout.splitlines())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays are Linux's")
def test_no_display_is_named_with_the_fix():
    out = _run(["doctor", "--lang", "en"], _env_without_display())
    assert out.returncode == 1
    line, fix = _fail_with_fix(out.stdout, "Display")
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in line and "ssh -X" in fix
    assert "All is well" not in out.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux") or doctor_display.xcb_plugin() is None,
                    reason="needs Qt's X11 plugin (Linux)")
def test_missing_x11_library_named_by_ldd_with_both_package_families(tmp_path):
    """ldd says a library is gone (a stand-in ldd, so this runs on any machine)."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "ldd").write_text("#!/bin/sh\necho '\tlibxcb-cursor.so.0 => not found'\n"
                              "echo '\tlibxkbcommon-x11.so.0 => not found'\n")
    (fake / "ldd").chmod(0o755)
    env = dict(os.environ, PATH=f"{fake}:{os.environ['PATH']}")
    out = _run(["doctor", "--lang", "en"], env)
    line, fix = _fail_with_fix(out.stdout, "X11 system libraries")
    assert "libxcb-cursor.so.0, libxkbcommon-x11.so.0" in line
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in fix
    assert "sudo dnf install libxkbcommon-x11 xcb-util-cursor" in fix
    assert "local mirror" in fix


@needs_mount_namespace
@pytest.mark.skipif(doctor_display.xcb_plugin() is None, reason="needs Qt's X11 plugin")
def test_really_missing_x11_library_with_a_display_set(tmp_path):
    """libxcb-cursor truly gone (an overlay whiteout in a private mount namespace), DISPLAY
    set: Qt cannot load its X11 plugin, and the doctor says which library and package."""
    setup = hide_library(tmp_path, "libxcb-cursor.so.0")
    env = _env_without_display(DISPLAY=f":{NO_DISPLAY}")
    out = in_namespace(setup, [sys.executable, "-m", "composer", "doctor", "--lang", "en"],
                       env=env)
    assert out.returncode == 1, out.stderr
    line, fix = _fail_with_fix(out.stdout, "X11 system libraries")
    assert "libxcb-cursor.so.0" in line and "libxcb-cursor0" in fix and "xcb-util-cursor" in fix
    line, fix = _fail_with_fix(out.stdout, "Qt platform plugin")
    assert 'Could not load the Qt platform plugin "xcb"' in line and "libxcb-cursor0" in fix


def test_deleted_or_changed_bundled_font_is_a_problem(tmp_path):
    fonts = tmp_path / "fonts"
    shutil.copytree(resource_path("fonts"), fonts, copy_function=os.link)
    assert doctor_files.check_fonts(fonts).status == doctor.OK
    listed = sorted(doctor_files.font_list(fonts))
    (fonts / listed[0]).unlink()
    (fonts / listed[1]).unlink()
    (fonts / listed[1]).write_bytes(b"\x00\x01\x00\x00 not the shipped font")
    finding = doctor_files.check_fonts(fonts)
    assert finding.status == doctor.FAIL
    assert f"{listed[0]} is missing" in finding.en and f"{listed[1]} was changed" in finding.en
    assert finding.lines("en")[1].startswith("      Fix: reinstall Composer")
    assert "重新安装" in finding.lines("zh")[1]


def test_shipped_font_list_names_every_bundled_font():
    folder = resource_path("fonts")
    listed = doctor_files.font_list(folder)
    assert set(listed) == {p.name for p in folder.iterdir() if p.suffix in (".ttf", ".ttc",
                                                                            ".otf")}
    assert doctor_files.check_fonts().status == doctor.OK


def test_unwritable_folder_has_its_fix_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = _doctor(tmp_path, "--lang", "en", COMPOSER_DATA_DIR=str(blocker / "data"))
    _, fix = _fail_with_fix(out.stdout, "Data folder")
    assert "rename or move it" in fix and "COMPOSER_DATA_DIR" in fix


@needs_mount_namespace
def test_read_only_data_folder_has_its_fix_line(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOSER_DATA_DIR=str(ro / "data"))
    out = in_namespace(f"mount -t tmpfs -o ro none '{ro}'",
                       [sys.executable, "-m", "composer", "doctor", "--lang", "en"], env=env)
    line, fix = _fail_with_fix(out.stdout, "Data folder")
    assert "Read-only file system" in line and "mounted read-write" in fix


def test_damaged_database_has_its_fix_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "composer.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    out = _doctor(tmp_path, "--lang", "en", COMPOSER_DATA_DIR=str(data))
    line, fix = _fail_with_fix(out.stdout, "Drafts database")
    assert "composer.sqlite3" in line and ".recover" in fix and "composer.sqlite3.damaged" in fix


def test_checks_run_one_at_a_time_sharing_one_probe():
    ctx = doctor.Context(probe=({"pyside": "6", "qt": "6", "platform": "offscreen",
                                 "printers": []}, ""))
    names = [check.name for check in doctor.CHECKS]
    assert names[:4] == ["python", "display", "qt", "x11-libraries"] and len(set(names)) == len(
        names)
    qt = next(c for c in doctor.CHECKS if c.name == "qt").run(ctx)
    assert [f.status for f in qt] == [doctor.OK, doctor.OK]
