"""The one way an output file the user named is written (composer.core.atomic.write_output):
a temporary file beside it, fsync, rename — and never over a device, a FIFO, a folder or a
symbolic link (issue 20 point 2). The command lines' --out go through it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from composer.core.atomic import UnsafeOutput, write_output

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"


def test_writes_a_new_file_and_replaces_a_regular_one(tmp_path: Path) -> None:
    path = tmp_path / "out.ics"
    write_output(path, b"one")
    write_output(path, b"two")
    assert path.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ics"]    # no temporary left


def test_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UnsafeOutput, match="is a folder"):
        write_output(tmp_path, b"x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_refuses_a_symlink_and_leaves_what_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"keep")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    with pytest.raises(UnsafeOutput, match="symbolic link"):
        write_output(link, b"x")
    assert real.read_bytes() == b"keep" and link.is_symlink()
    dangling = tmp_path / "dangling.ics"
    dangling.symlink_to(tmp_path / "nowhere" / "made.txt")
    with pytest.raises(UnsafeOutput, match="symbolic link"):
        write_output(dangling, b"x")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeOutput, match="FIFO"):
        write_output(fifo, b"x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_refuses_a_device_and_it_stays_a_device() -> None:
    with pytest.raises(UnsafeOutput, match="is a device"):
        write_output("/dev/full", b"x")
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "composer", *args], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["calendar", str(EXAMPLE)], ["log", "export"]])
def test_cli_out_to_a_device_exits_2_and_the_device_stays(command: list[str]) -> None:
    run = _cli(*command, "--out", "/dev/full")
    assert run.returncode == 2, run.stderr
    assert "/dev/full: is a device" in run.stderr and "Traceback" not in run.stderr
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_cli_calendar_out_to_a_folder_or_symlink_exits_2(tmp_path: Path) -> None:
    run = _cli("calendar", str(EXAMPLE), "--out", str(tmp_path))
    assert run.returncode == 2 and "is a folder" in run.stderr, run.stderr
    real = tmp_path / "real.ics"
    real.write_bytes(b"keep")
    (tmp_path / "link.ics").symlink_to(real)
    run = _cli("calendar", str(EXAMPLE), "--out", str(tmp_path / "link.ics"))
    assert run.returncode == 2 and "symbolic link" in run.stderr, run.stderr
    assert real.read_bytes() == b"keep"
