"""Issue 25 point 2 and issue 20 point 5, in real app processes: one draft opened in two
Composers is read-only in the second (the notice names the first) and can be taken over once
the first is gone; a damaged database is named at start with the readable drafts, a copy is
kept and the app starts afresh with them; files made immutable while the app runs give the
banner, never a crash (SIGBUS)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gui_helpers import WINDOW_CHILD

from composer.core.draft import new_draft
from composer.core.storage import Storage

HERE = os.path.dirname(os.path.abspath(__file__))

APP = WINDOW_CHILD + textwrap.dedent("""
    from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton
    from composer.gui.editing import EditorGuard

    window.open_draft(int(sys.argv[1]))
    bar = lambda: window.findChild(QFrame, "editor-bar")

    def state():
        text = bar().findChild(QLabel, "editor-bar-text").text() if bar().isVisible() else ""
        take = bar().findChild(QPushButton, "editor-take-over")
        return (f"read_only={window.model.read_only} held={window.model.held_elsewhere} "
                f"take_over={take.isEnabled() and bar().isVisible()} notice={text}")

    def command():
        line = sys.stdin.readline().strip()
        if line == "state":
            print(state(), flush=True)
        elif line == "take":
            bar().findChild(QPushButton, "editor-take-over").click()
            print(state(), flush=True)
        elif line == "type":
            from gui_helpers import type_into
            type_into(window, "incident.title", "第二个窗口接管后写的")
            window.save_now()
            print("saved", storage.load_draft(int(sys.argv[1])).title, flush=True)
        elif line in ("quit", ""):
            app.quit()
            return
        QTimer.singleShot(0, command)

    QTimer.singleShot(300, lambda: (print("ready", os.getpid(), flush=True), command()))
    app.exec()
    window.close()
    storage.end_session()
""")


def _start(draft_id: int, env: dict[str, str]) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", APP, str(draft_id)], env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    line = proc.stdout.readline()
    assert line.startswith("ready"), line
    return proc


def _ask(proc: subprocess.Popen[str], command: str) -> str:
    proc.stdin.write(command + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", GUI_TESTS_DIR=HERE)


def test_one_draft_in_two_app_processes_is_read_only_in_the_second(tmp_path):
    store = Storage()
    draft = new_draft()
    draft.set("incident.title", "两个窗口")
    store.save_draft(draft)
    store.close()
    env = _env()
    first = _start(draft.id, env)
    second = None
    try:
        assert _ask(first, "state").startswith("read_only=False held=False")
        second = _start(draft.id, env)
        state = _ask(second, "state")
        assert state.startswith("read_only=True held=True take_over=False"), state
        assert f"进程 {first.pid}" in state and "“两个窗口”" in state and "本窗口只读" in state
        first.send_signal(signal.SIGKILL)                 # the first window is gone
        first.wait()
        import time
        deadline = time.monotonic() + 20
        while "take_over=True" not in (state := _ask(second, "state")):
            assert time.monotonic() < deadline, state
            time.sleep(0.5)
        assert "可以接管编辑" in state
        state = _ask(second, "take")
        assert state.startswith("read_only=False held=False"), state
        assert _ask(second, "type") == "saved 第二个窗口接管后写的"
        _ask(second, "quit")
        assert second.wait(30) == 0
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc is not None:
                proc.stdin.close()
                proc.stdout.close()


DAMAGED = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton
    from composer.gui import app as gui_app
    from composer.gui.damaged_dialog import DamagedDatabaseDialog

    gui_app.setup_application()          # run() reuses it; the timers need it first

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, DamagedDatabaseDialog) and w.isVisible())
        items = dialog.findChild(QListWidget, "damaged-drafts")
        print("problem", dialog.findChild(QLabel, "damaged-problem").text().splitlines()[1],
              flush=True)
        print("copy", dialog.findChild(QLabel, "damaged-copy").text(), flush=True)
        print("drafts", items.count(), flush=True)
        dialog.findChild(QPushButton, "damaged-afresh").click()
        QTimer.singleShot(500, after)    # runs once the main window's loop runs

    def after():
        window = next(w for w in QApplication.topLevelWidgets()
                      if type(w).__name__ == "MainWindow")
        print("listed", len(window.storage.list_drafts()), flush=True)
        QApplication.instance().quit()

    QTimer.singleShot(500, answer)
    sys.exit(gui_app.run())
""")


def test_a_damaged_page_is_named_at_start_and_the_app_starts_afresh(tmp_path):
    sys.path.insert(0, os.path.join(HERE, "..", "core"))
    from test_damage import _many, damage_a_drafts_leaf

    path = Path(os.environ["COMPOSER_DATA_DIR"]) / "composer.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    _many(path)
    damage_a_drafts_leaf(path)
    run = subprocess.run([sys.executable, "-c", DAMAGED], env=_env(), capture_output=True,
                         text=True, timeout=120, check=False)
    lines = dict(line.split(" ", 1) for line in run.stdout.splitlines() if " " in line)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "btreeInitPage" in lines["problem"] or "malformed" in lines["problem"]
    copy = Path(lines["copy"].split("：", 1)[1])
    assert copy.parent == path.parent and copy.name.startswith("composer.sqlite3.damaged-")
    assert copy.is_file()
    readable = int(lines["drafts"])
    assert 30 <= readable < 40
    assert int(lines["listed"]) == readable               # the app runs on the new database
    assert "Traceback" not in run.stderr


IMMUTABLE = WINDOW_CHILD + textwrap.dedent("""
    import os, subprocess, sys
    from PySide6.QtWidgets import QFrame, QLabel
    from gui_helpers import type_into

    window.autosaver.retry.setInterval(500)
    folder = str(storage.path.parent)
    banner = lambda: window.findChild(QFrame, "autosave-banner")

    def chattr(flag):
        names = [os.path.join(folder, n) for n in os.listdir(folder)] + [folder]
        subprocess.run(["chattr", flag, *names], check=True)

    def first():    # the autosave fails, then a retry succeeds: each said by its own signal
        type_into(window, "operator.name", "第一次保存")
        print("saved", window.save_now(), flush=True)
        chattr("+i")                                   # made immutable while the app runs
        window.autosaver.failed.connect(check, Qt.ConnectionType.SingleShotConnection)
        window.autosaver.recovered.connect(recovered)
        type_into(window, "operator.name", "不可变之后")

    def check():
        print("banner", banner().isVisible(),
              banner().findChild(QLabel, "autosave-banner-text").text(), flush=True)
        print("kept", window.model.draft.get("operator.name"), flush=True)
        chattr("-i")

    def recovered():
        print("after", banner().isVisible(),
              storage.load_draft(window.model.draft.id).get("operator.name"), flush=True)
        app.quit()

    QTimer.singleShot(100, first)
    app.exec()
""")


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("chattr") is None
                    or os.geteuid() != 0, reason="chattr +i needs Linux and root")
def test_files_made_immutable_while_the_app_runs_give_the_banner_not_sigbus(tmp_path):
    data = Path(os.environ["COMPOSER_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    probe = data / "probe"
    probe.write_text("x")
    made = subprocess.run(["chattr", "+i", str(probe)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("this filesystem has no immutable flag")
    subprocess.run(["chattr", "-i", str(probe)], check=True)
    probe.unlink()
    try:
        run = subprocess.run([sys.executable, "-c", IMMUTABLE], env=_env(), capture_output=True,
                             text=True, timeout=240, check=False)
    finally:
        subprocess.run(["chattr", "-R", "-i", str(data)], check=False)
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])   # SIGBUS would be -7
    lines = run.stdout.splitlines()
    assert lines[0] == "saved True"
    assert lines[1].startswith("banner True") and "草稿无法保存" in lines[1], lines
    assert lines[2] == "kept 第一次保存不可变之后"                # typed on: nothing lost
    assert lines[3] == "after False 第一次保存不可变之后", lines
