"""The offline installer's failure paths (issue 22): nothing is ever left half-installed, a
rerun recovers, and every failure says why and what to do in Chinese and English.

Runs the real install.sh → install.py on a small bundle (test_offline_bundle.small_bundle);
file-system faults are staged in a private mount namespace where root and unshare allow it.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from offline_helpers import in_namespace, needs_mount_namespace
from test_offline_bundle import ROOT, run_install, small_bundle

INSTALL_PY = ROOT / "tools" / "offline" / "install.py"
MARK = ".composer-installing"


def _installer():
    spec = importlib.util.spec_from_file_location("bundle_installer", INSTALL_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _start(bundle: Path, target: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, COMPOSER_PYTHON=sys.executable)
    return subprocess.Popen(["sh", str(bundle / "install.sh"), str(target)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _wait_for_pip(proc: subprocess.Popen[str], target: Path) -> list[int]:
    """Wait until the installer has started pip (its pid is in the mark); returns the pids."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            data = json.loads((target / MARK).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if data.get("phase") == "installing" and len(data.get("pids", [])) >= 2:
            return data["pids"]
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.005)
    raise AssertionError("pip never started")


def _cli(target: Path) -> str:
    return subprocess.run([str(target / "bin" / "composer-cli"), "--version"],
                          capture_output=True, text=True, check=True).stdout.strip()


def _bilingual(text: str, *words: str) -> None:
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    for word in words:
        assert word in text, (word, text)


# --- the installer runs, or names the Python it needs, on any Python 3 ------------------------


def test_install_py_parses_with_an_old_grammar():
    """Everything before the version check must reach it: a 3.6 parser rejects the whole file
    for one f-string, so none is used anywhere (nor annotations a 3.6 parser refuses)."""
    source = INSTALL_PY.read_text(encoding="utf-8")
    tree = ast.parse(source, feature_version=(3, 4))
    futures = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
               and n.module == "__future__"]
    assert not futures
    imports_before_check = []
    for node in tree.body:
        if isinstance(node, ast.If):
            break
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports_before_check += [a.name for a in node.names]
    assert imports_before_check == ["sys"]


@pytest.mark.skipif(not shutil.which("pypy3"), reason="pypy3 (a Python 3.9) is not installed")
def test_old_python_is_told_which_pythons_are_needed_and_found(tmp_path):
    bundle = small_bundle(tmp_path)
    target = tmp_path / "target"
    out = subprocess.run(["pypy3", "-I", str(bundle / "install.py"), str(target)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 3, out.stderr
    _bilingual(out.stderr, "needs Python 3.11, 3.12, 3.13", "it was run by Python 3.9",
               "Pythons found here", "需要 Python")
    assert "Traceback" not in out.stderr and not target.exists()


def test_unsuitable_composer_python_is_reported_not_skipped(tmp_path):
    bundle = small_bundle(tmp_path)
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\necho 3.9.2\n")
    old.chmod(0o755)
    out = run_install(bundle, tmp_path / "t", COMPOSER_PYTHON=str(old))
    assert out.returncode == 3
    _bilingual(out.stderr, f"COMPOSER_PYTHON={old} is Python 3.9.2", "3.11, 3.12 or 3.13")
    out = run_install(bundle, tmp_path / "t", COMPOSER_PYTHON=str(tmp_path / "nothing"))
    assert out.returncode == 3 and "is not a Python that runs" in out.stderr


def test_no_suitable_python_lists_the_ones_found(tmp_path):
    bundle = small_bundle(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("dirname",):
        (bin_dir / name).symlink_to(shutil.which(name))
    (bin_dir / "python3").write_text("#!/bin/sh\necho 3.8.10\n")
    (bin_dir / "python3").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "COMPOSER_PYTHON"}
    out = subprocess.run(["/bin/sh", str(bundle / "install.sh"), str(tmp_path / "t")],
                         env=dict(env, PATH=str(bin_dir)), capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 3
    _bilingual(out.stderr, "No Python 3.11, 3.12 or 3.13 found", f"python3 3.8.10 ({bin_dir}",
               "sudo apt install python3.11", "sudo dnf install python3.11")


# --- nothing half-installed -------------------------------------------------------------------


def test_killed_install_into_a_premade_target_then_a_rerun_succeeds(tmp_path):
    """/opt/Composer made beforehand (mkdir + chown), the install killed with the power
    (every process at once, no cleanup): the rerun recognises the cut-off install."""
    bundle = small_bundle(tmp_path)
    target = tmp_path / "opt" / "Composer"
    target.mkdir(parents=True)
    proc = _start(bundle, target)
    _wait_for_pip(proc, target)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert (target / MARK).is_file()            # marked, not mistaken for a foreign folder
    again = run_install(bundle, target)
    assert again.returncode == 0, again.stderr
    assert "cut off" in again.stdout and "上次未完成的安装" in again.stdout
    assert _cli(target) == "composer 0.0.1"
    assert sorted(p.name for p in target.iterdir() if p.name.startswith(".")) == [
        ".composer-offline.json"]


def test_killed_upgrade_is_put_back_and_installed_on_rerun(tmp_path):
    bundle = small_bundle(tmp_path)
    target = tmp_path / "Composer"
    assert run_install(bundle, target).returncode == 0
    (target / "site-notes.txt").write_text("an admin's file")   # not ours: never touched
    proc = _start(bundle, target)
    _wait_for_pip(proc, target)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert (target / ".composer-previous" / "pyvenv.cfg").is_file()  # the old one, aside
    again = run_install(bundle, target)
    assert again.returncode == 0, again.stderr
    assert _cli(target) == "composer 0.0.1"
    assert not (target / ".composer-previous").exists() and not (target / MARK).exists()
    assert (target / "site-notes.txt").read_text() == "an admin's file"


def test_ctrl_c_leaves_a_premade_target_empty(tmp_path):
    bundle = small_bundle(tmp_path)
    target = tmp_path / "Composer"
    target.mkdir()
    proc = _start(bundle, target)
    _wait_for_pip(proc, target)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 5
    _bilingual(err, "interrupted; the target folder was put back as it was")
    assert list(target.iterdir()) == []


def test_terminated_installer_stops_its_pip_and_removes_the_target_it_made(tmp_path):
    bundle = small_bundle(tmp_path)
    target = tmp_path / "new" / "Composer"
    proc = _start(bundle, target)
    pids = _wait_for_pip(proc, target)
    os.kill(proc.pid, signal.SIGTERM)        # the installer alone (install.sh exec'd it)
    proc.communicate(timeout=120)
    assert proc.returncode == 5
    assert not target.exists()
    assert not Path(f"/proc/{pids[1]}").exists() or "zombie" in Path(
        f"/proc/{pids[1]}/status").read_text().lower()


def test_unfinished_environment_of_an_older_installer_is_named(tmp_path):
    bundle = small_bundle(tmp_path)
    target = tmp_path / "Composer"
    (target / "bin").mkdir(parents=True)
    (target / "pyvenv.cfg").write_text("home = /usr/bin\n")
    out = run_install(bundle, target)
    assert out.returncode == 4
    _bilingual(out.stderr, "unfinished Python environment", "rm -rf")


# --- a damaged or tampered bundle -------------------------------------------------------------


def test_unlisted_file_beside_install_py_is_refused_and_never_imported(tmp_path):
    bundle = small_bundle(tmp_path)
    ran = tmp_path / "json.py ran"
    (bundle / "json.py").write_text(f"open({str(ran)!r}, 'w').close()\nfrom _json import *\n")
    out = run_install(bundle, tmp_path / "t")
    assert out.returncode == 3
    _bilingual(out.stderr, "files SHA256SUMS does not list: json.py")
    assert not ran.exists() and not (tmp_path / "t").exists()


# --- the machine and the target ---------------------------------------------------------------


def _stdlib_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent


@needs_mount_namespace
def test_missing_ensurepip_is_no_obstacle(tmp_path):
    """Debian without python3.X-venv has no ensurepip: the bundle's own pip installs."""
    bundle = small_bundle(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    target = tmp_path / "Composer"
    out = in_namespace(f"mount --bind '{empty}' '{_stdlib_dir('ensurepip')}'",
                       ["sh", str(bundle / "install.sh"), str(target)],
                       env=dict(os.environ, COMPOSER_PYTHON=sys.executable))
    assert out.returncode == 0, out.stderr
    assert _cli(target) == "composer 0.0.1"


@needs_mount_namespace
def test_missing_venv_module_is_explained_and_leaves_nothing(tmp_path):
    bundle = small_bundle(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    target = tmp_path / "Composer"
    out = in_namespace(f"mount --bind '{empty}' '{_stdlib_dir('venv')}'",
                       ["sh", str(bundle / "install.sh"), str(target)],
                       env=dict(os.environ, COMPOSER_PYTHON=sys.executable))
    assert out.returncode == 3, out.stderr
    minor = f"3.{sys.version_info.minor}"
    _bilingual(out.stderr, "lacks the venv module", f"sudo apt install python{minor}-venv",
               f"sudo dnf install python{minor}", "local package mirror")
    assert not target.exists()


@needs_mount_namespace
def test_read_only_target_is_exit_4_with_the_remedy(tmp_path):
    bundle = small_bundle(tmp_path)
    ro = tmp_path / "ro"
    ro.mkdir()
    out = in_namespace(f"mount -t tmpfs -o ro none '{ro}'",
                       ["sh", str(bundle / "install.sh"), str(ro / "Composer")],
                       env=dict(os.environ, COMPOSER_PYTHON=sys.executable))
    assert out.returncode == 4, out.stderr
    _bilingual(out.stderr, "The file system is read-only", "文件系统是只读的")


@needs_mount_namespace
def test_too_few_inodes_is_exit_4(tmp_path):
    bundle = small_bundle(tmp_path)
    small = tmp_path / "small"
    small.mkdir()
    out = in_namespace(f"mount -t tmpfs -o size=64m,nr_inodes=40 none '{small}'",
                       ["sh", str(bundle / "install.sh"), str(small / "Composer")],
                       env=dict(os.environ, COMPOSER_PYTHON=sys.executable))
    assert out.returncode == 4, out.stderr
    _bilingual(out.stderr, "Too few free inodes", "inode")


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root and setpriv to run the installer as another user")
def test_premade_target_of_another_user_is_exit_4_with_chown(tmp_path):
    """A target made by root but not handed over: the installing user is told the command."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="composer-install-") as shared:
        shared = Path(shared)
        shared.chmod(0o755)
        bundle = small_bundle(shared)
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        target = shared / "opt-Composer"
        target.mkdir(mode=0o755)
        python = next((p for p in (f"/usr/bin/python3.{m}" for m in (11, 12, 13))
                       if Path(p).exists()), None)
        if python is None:
            pytest.skip("no system Python 3.11-3.13 that another user may run")
        out = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                              "sh", str(bundle / "install.sh"), str(target)],
                             env=dict(os.environ, COMPOSER_PYTHON=python, USER="nobody",
                                      HOME=str(shared)),
                             capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 4, out.stderr
    _bilingual(out.stderr, "No permission to write", f'sudo chown nobody "{target}"')


def test_windows_path_length_rule():
    installer = _installer()
    long_target = "C:\\Users\\" + "x" * 150
    failure = installer.path_length_failure(long_target, 120, False)
    assert failure.status == 4
    _bilingual(failure.zh + failure.en, "LongPathsEnabled", f"at most {259 - 1 - 120} characters")
    assert installer.path_length_failure(long_target, 120, True) is None
    assert installer.path_length_failure("C:\\Composer", 120, False) is None
