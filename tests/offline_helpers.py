"""Helpers for the offline installer's tests: a mount namespace for file-system faults."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def mount_namespace_works() -> bool:
    """As root with ``unshare``: faults are staged in a private mount namespace (a read-only or
    inode-starved tmpfs, a module or library hidden), visible to nothing else on the machine."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"],
                           check=False, capture_output=True)
    return probe.returncode == 0


needs_mount_namespace = pytest.mark.skipif(
    not mount_namespace_works(), reason="needs root and unshare -m to stage file-system faults")


def in_namespace(setup: str, cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` after the shell ``setup`` (mounts) in a new mount namespace."""
    script = setup + '\nexec "$@"'
    return subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", *cmd], check=False,
                          capture_output=True, text=True, timeout=kwargs.pop("timeout", 300),
                          **kwargs)


def hide_library(tmp_path, soname: str) -> str:
    """Shell setup that makes ``soname`` (and the file it links to) vanish from its folder:
    an overlay mount whose upper layer holds whiteouts, inside the namespace only."""
    from pathlib import Path

    found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    path = next((line.split("=>")[-1].strip() for line in found.splitlines()
                 if line.strip().startswith(soname + " ")), None)
    if path is None:
        pytest.skip(f"{soname} is not installed here, so it cannot be hidden")
    lib = Path(path)
    folder = lib.resolve().parent
    upper, work = tmp_path / "upper", tmp_path / "work"
    upper.mkdir()
    work.mkdir()
    for name in {lib.name, lib.resolve().name}:
        os.mknod(upper / name, 0o600 | 0o020000, os.makedev(0, 0))   # an overlay whiteout
    return (f"mount -t overlay overlay -o lowerdir='{folder}',upperdir='{upper}',"
            f"workdir='{work}' '{folder}'")
