"""The fax worker processes (composer.render.fax_worker, issue 25 point 1): they do real work,
give the same bytes, and die with their parent — a ``composer render`` or the real app killed
with kill -9 at several moments of fax rasterising leaves no process behind (each process's
exit is waited for as the event it is, through a pidfd; no fixed sleep, no time limit but a
guard)."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from composer.render import fax, fax_raster, fax_worker

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the process tree is read from /proc")

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"
PARAGRAPH = ("值班人员发现会员数据库服务器文件被加密，桌面出现勒索信。安全团队随即隔离受感染主机，"
             "核查备份完整性，并对域控制器、文件服务器和业务系统日志进行排查。\n")


def long_incident(tmp_path: Path, texts: int = 4) -> Path:
    """An incident of about 25 report pages per text (each at its 20,000-character limit)."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    body = ((PARAGRAPH.strip() * 2 + "\n") * 200)[:19_990]      # ≈ 130 lines
    for key in ("description", "impact", "measures", "trend", "cause", "clues")[:texts]:
        data["incident"][key] = body
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent) of a live process, None if it is gone (a zombie counts as gone)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return (None if fields[0] in ("Z", "X") else (fields[0], int(fields[1])))


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(
            "utf-8", "replace")
    except OSError:
        return ""


def descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            got = _stat(int(entry))
            if got is not None:
                children.setdefault(got[1], []).append(int(entry))
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def workers_of(root: int) -> set[int]:
    return {pid for pid in descendants(root) if "fax_worker" in _cmdline(pid)}


def wait_for(predicate, timeout: float, step: float = 0.02):  # type: ignore[no-untyped-def]
    """Poll ``predicate`` until it returns something true or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


def exits(pid: int, guard: float = 120.0) -> bool:
    """Whether process ``pid`` ends (its pidfd becomes readable when it does): waits for that
    event; ``guard`` only keeps a broken build from hanging the suite."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], guard)[0])
    finally:
        os.close(fd)


def kill_and_check(proc: subprocess.Popen, seen: set[int]) -> None:
    tree = seen | descendants(proc.pid)
    assert not any("resource_tracker" in _cmdline(p) for p in tree)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    left = {p: _cmdline(p)[:120] for p in tree if not exits(p)}
    assert left == {}, f"still running after kill -9 of their parent: {left}"


def test_workers_draw_chunks_and_the_bytes_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process draws its first chunk only once a worker has delivered one (it waits for
    that delivery, not for a time), so the workers must draw some, however slow they start."""
    monkeypatch.setattr(fax_raster, "PAGES_PER_CHUNK", 2)
    source = _pdf(12)
    serial = fax.fax_tiff(source, workers=1)
    real = fax_raster.encoded
    here: list[list[int]] = []

    def after_a_worker(doc, indices, total, codec):  # type: ignore[no-untyped-def]
        if not here:
            (pool,) = fax_worker._pools
            with pool._cond:       # notified at each delivery (Pool._deliver)
                assert pool._cond.wait_for(
                    lambda: any(isinstance(s, list) for s in pool._state), timeout=120)
        here.append(indices)
        return real(doc, indices, total, codec)

    monkeypatch.setattr(fax_raster, "encoded", after_a_worker)
    assert fax.fax_tiff(source, workers=3) == serial
    assert 0 < len(here) < 6, here              # some chunks here, the others by the workers
    assert not workers_of(os.getpid())          # and none is left


def test_a_worker_that_fails_or_hangs_only_means_drawing_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fax_raster, "PAGES_PER_CHUNK", 2)
    source = _pdf(8)
    serial = fax.fax_tiff(source, workers=1)
    monkeypatch.setattr(fax_worker.sys, "executable", "/bin/false")      # dies at once
    assert fax.fax_tiff(source, workers=3) == serial
    monkeypatch.setattr(fax_worker, "CHUNK_TIMEOUT", 0.5)               # never answers:
    monkeypatch.setattr(fax_worker, "_start", lambda: subprocess.Popen(
        ["sleep", "600"], stdin=subprocess.PIPE, stdout=subprocess.PIPE))
    assert fax.fax_tiff(source, workers=3) == serial    # not stuck on it (else: the timeout)
    assert not workers_of(os.getpid()) and not any(
        "sleep 600" in _cmdline(p) for p in descendants(os.getpid()))


def test_a_worker_whose_parent_is_gone_exits_on_the_end_of_its_input() -> None:
    """Without PR_SET_PDEATHSIG (as on Windows and macOS) the pipe alone ends it: the parent's
    write end closed, the worker reads the end of the file and exits."""
    program = textwrap.dedent("""
        import sys
        from composer.render import fax_worker
        fax_worker.die_with_parent = lambda parent: None     # the pipe alone
        fax_worker.serve(0)
    """)
    proc = subprocess.Popen([sys.executable, "-c", program], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    pdf = _pdf(1)
    proc.stdin.write(b"FAXW3" + len(pdf).to_bytes(8, "big") + pdf)
    proc.stdin.flush()
    proc.stdin.close()
    assert proc.wait(20) == 0
    proc.stdout.close()


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.7])
def test_kill_9_of_a_render_while_rasterising_leaves_no_process(tmp_path: Path,
                                                                delay: float) -> None:
    source = long_incident(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "composer", "render", str(source), "--out",
                             str(tmp_path / "out"), "--only", "fax"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seen = wait_for(lambda: workers_of(proc.pid) or proc.poll() is not None, 120)
        assert isinstance(seen, set), "the render ended before it started a fax worker"
        if delay:
            time.sleep(delay)          # a moment later in the rasterising, not a wait for it
            seen |= workers_of(proc.pid)
        kill_and_check(proc, seen)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


APP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from composer.gui.app import run

    def generate():
        from composer.gui.mainwindow import MainWindow
        app = QApplication.instance()
        window = next((w for w in app.topLevelWidgets()
                       if isinstance(w, MainWindow) and w.isVisible()), None)
        if window is None:
            QTimer.singleShot(50, generate)
            return
        window.outputs.generate_package(Path(sys.argv[2]))
        print("generating", flush=True)

    QTimer.singleShot(0, generate)
    sys.exit(run(sys.argv[1]))
""")


def test_kill_9_of_the_app_generating_a_long_fax_leaves_no_process(tmp_path: Path) -> None:
    source = long_incident(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", APP, str(source), str(tmp_path / "pkgs")],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"generating"
        seen = wait_for(lambda: workers_of(proc.pid) or proc.poll() is not None, 120)
        assert isinstance(seen, set), "the app ended before it started a fax worker"
        kill_and_check(proc, seen)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _pdf(pages: int) -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    for n in range(pages):
        c.setFont("Helvetica", 48)
        c.drawString(72, 600, f"page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_stop_all_kills_the_workers_at_once_and_the_fax_is_still_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """What the app calls when it quits: workers that would never answer are killed at once,
    their chunks drawn by the thread that asked for them."""
    import threading

    monkeypatch.setattr(fax_raster, "PAGES_PER_CHUNK", 2)
    monkeypatch.setattr(fax_worker, "_start", lambda: subprocess.Popen(
        ["sleep", "600"], stdin=subprocess.PIPE, stdout=subprocess.PIPE))
    source = _pdf(8)
    serial = fax.fax_tiff(source, workers=1)
    got: list[bytes] = []
    thread = threading.Thread(target=lambda: got.append(fax.fax_tiff(source, workers=3)))
    thread.start()
    assert wait_for(lambda: any("sleep 600" in _cmdline(p) for p in descendants(os.getpid())),
                    30)
    fax_worker.stop_all()
    thread.join(30)
    assert got == [serial]
    assert not any("sleep 600" in _cmdline(p) for p in descendants(os.getpid()))
