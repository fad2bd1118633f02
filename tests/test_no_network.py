"""Composer itself opens no network socket: the CLI (validate, classify, render) and the app
(started offscreen with a file, without printing) run in subprocesses watched two ways.

* An audit hook (``sys.addaudithook``) records every ``socket.__new__``, ``socket.connect``,
  ``socket.bind``, ``socket.sendto`` and ``socket.getaddrinfo`` made from Python. Always
  available, but blind to sockets that native code (Qt, D-Bus, libcups) opens.
* ``strace -f -e trace=socket,connect`` (when installed and allowed to trace; .ci/run installs
  it) sees every socket of the process and its children, native ones included.

What counts as network: a socket of family AF_INET or AF_INET6, a connect to an IP address,
or a name lookup. Local AF_UNIX sockets (Qt may reach D-Bus or the X server offscreen) and
AF_NETLINK (the C library asking the kernel about interfaces) are not network and are allowed.
Printing is the one exception, and is not exercised here: Qt's print dialog asks CUPS
(127.0.0.1:631 or what CUPS_SERVER names) for the printers.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent / "data" / "examples" / "ransomware-retailer.json"

LAUNCHER = r"""
import os, sys
log = open(os.environ["COMPOSER_AUDIT_LOG"], "w", buffering=1)
def hook(event, args):
    if event == "socket.__new__":
        log.write(f"socket {args[1]}\n")
    elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo",
                   "socket.gethostbyname", "socket.gethostbyaddr"):
        log.write(f"{event} {args[1:]!r:.200}\n")
sys.addaudithook(hook)
from composer.__main__ import main
sys.exit(main(sys.argv[1:]))
"""
AF_INET, AF_INET6 = 2, 10

COMMANDS = {
    "validate": ["validate", str(EXAMPLE)],
    "classify": ["classify", str(EXAMPLE)],
    "render": ["render", str(EXAMPLE), "--out", "{tmp}/pkg"],
    "app": ["open", str(EXAMPLE)],
}


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket", "-o", os.devnull,
                            sys.executable, "-c", "pass"], capture_output=True, check=False,
                           timeout=60)
    return probe.returncode == 0


STRACE = _strace_works()


def network_in_audit_log(text: str) -> list[str]:
    bad = []
    for line in text.splitlines():
        event, _, rest = line.partition(" ")
        if event == "socket" and int(rest) in (AF_INET, AF_INET6, -1):   # -1: default, AF_INET
            bad.append(line)
        elif event in ("socket.connect", "socket.sendto") and rest.startswith("(("):
            bad.append(line)                                              # (host, port)
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
            bad.append(line)
    return bad


def network_in_strace(text: str) -> list[str]:
    return [line for line in text.splitlines()
            if re.search(r"socket\(AF_INET6?,|sa_family=AF_INET6?[,}]", line)]


def test_the_detectors_see_a_socket(tmp_path: Path) -> None:
    """Both mechanisms flag an AF_INET socket and let an AF_UNIX one pass (so the tests below
    can fail)."""
    code = ("import socket; socket.socket(socket.AF_UNIX).close(); "
            "s = socket.socket(); s.close()")
    log = tmp_path / "audit.log"
    launcher = LAUNCHER.replace("from composer.__main__ import main\nsys.exit(main(sys.argv[1:]))",
                                code)
    cmd = [sys.executable, "-c", launcher]
    if STRACE:
        cmd = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o",
               str(tmp_path / "strace.log"), *cmd]
    subprocess.run(cmd, env={**os.environ, "COMPOSER_AUDIT_LOG": str(log)}, check=True,
                   timeout=60)
    assert network_in_audit_log(log.read_text()) == [f"socket {AF_INET}"]
    assert "socket 1" in log.read_text()                                  # AF_UNIX: allowed
    if STRACE:
        assert len(network_in_strace((tmp_path / "strace.log").read_text())) == 1


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_network_socket(name: str, tmp_path: Path) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in COMMANDS[name]]
    log = tmp_path / "audit.log"
    env = {**os.environ, "COMPOSER_AUDIT_LOG": str(log), "QT_QPA_PLATFORM": "offscreen",
           "COMPOSER_DATA_DIR": str(tmp_path / "data"),
           "COMPOSER_CONFIG_DIR": str(tmp_path / "config"),
           "COMPOSER_SMOKE_QUIT_MS": "1500"}
    cmd = [sys.executable, "-c", LAUNCHER, *args]
    if STRACE:
        cmd = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o",
               str(tmp_path / "strace.log"), *cmd]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert network_in_audit_log(log.read_text()) == []
    if STRACE:
        assert network_in_strace((tmp_path / "strace.log").read_text()) == []
    if name == "render":
        assert (tmp_path / "pkg" / "manifest.json").exists()


def test_strace_is_used_where_ci_installs_it() -> None:
    """CI installs strace (.ci/run); there the native-level check must not silently vanish."""
    if os.environ.get("CI") != "true":
        pytest.skip("outside CI, strace is optional")
    assert STRACE, "strace missing or not allowed to trace in CI"
