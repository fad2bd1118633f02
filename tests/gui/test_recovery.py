"""Autosave within ~2 s of a change (the autosave timer's own timeout, never the wall clock),
and crash recovery: the draft is offered back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from gui_helpers import WINDOW_CHILD, click, type_into
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from composer.core.storage import Storage
from composer.gui.mainwindow import AUTOSAVE_MS, MainWindow
from composer.gui.recovery_dialog import RecoveryDialog


def saved_title(storage: Storage) -> str | None:
    drafts = storage.list_drafts()
    return drafts[0].title if drafts else None


def test_a_change_is_saved_when_the_autosave_timer_fires(qtbot, window, storage):
    """The first change starts the autosave timer (AUTOSAVE_MS ≤ 2 s) and its timeout stores the
    draft: what the user typed is on disk then, not at some later moment."""
    assert AUTOSAVE_MS <= 2000
    timer = window.autosaver.timer
    assert not timer.isActive() and timer.interval() == AUTOSAVE_MS
    with qtbot.waitSignal(timer.timeout, timeout=60000):
        type_into(window, "operator.name", "某公司")
        assert timer.isActive()                     # started by the change itself
        assert storage.list_drafts() == []          # not stored before the timer fires
    assert storage.load_draft(window.model.draft.id).get("operator.name") == "某公司"
    assert "已自动保存" in window.statusBar().currentMessage()


def test_continuous_typing_is_still_saved_every_autosave_interval(qtbot, window, storage):
    """Typing that never pauses for AUTOSAVE_MS (a change every 300 ms, on a timer of its own)
    is saved anyway, at each autosave timeout, as it stands then: a timer restarted by every
    change (a debounce) would never fire and this test would wait in vain."""
    typed: list[str] = []

    def type_more() -> None:
        typed.append(f"单位{len(typed) + 1}")
        window.model.set("operator.name", typed[-1])
    typing = QTimer()
    typing.setInterval(300)
    typing.timeout.connect(type_more)
    saved: list[tuple[str, str | None]] = []

    def check_saved() -> None:    # connected after the autosaver's own slot: runs after save()
        saved.append((typed[-1], storage.load_draft(window.model.draft.id).get("operator.name")))
    window.autosaver.timer.timeout.connect(check_saved)
    type_more()
    typing.start()
    try:
        qtbot.waitUntil(lambda: len(saved) >= 2, timeout=120000)
    finally:
        typing.stop()
    assert all(latest == stored for latest, stored in saved), saved
    assert saved[1][0] != saved[0][0]         # typing went on between the two saves


def test_close_without_clean_shutdown_offers_draft_back(qtbot, tmp_path):
    db = tmp_path / "crash.sqlite3"
    first = Storage(db)
    first.begin_session()
    w = MainWindow(first)
    qtbot.addWidget(w)
    w.show()
    type_into(w, "operator.name", "崩溃测试单位")
    qtbot.waitUntil(lambda: bool(first.list_drafts()) and first.load_draft(
        first.list_drafts()[0].id).get("operator.name") == "崩溃测试单位", timeout=3000)
    first.close()  # the process ends without end_session() or a last save: an unclean exit
    w.close()

    second = Storage(db)
    offered = second.begin_session()
    assert len(offered) == 1
    w2 = MainWindow(second)
    qtbot.addWidget(w2)
    w2.show()
    dialog = w2.reports.offer_recovery(offered)
    assert isinstance(dialog, RecoveryDialog) and dialog.isVisible()
    click(qtbot, dialog.findChild(QPushButton, "recovery-restore"))
    assert w2.model.draft.get("operator.name") == "崩溃测试单位"
    assert w2.findChild(object, "operator.name").text() == "崩溃测试单位"
    w2.close()
    second.end_session()
    second.close()


CHILD = WINDOW_CHILD + textwrap.dedent("""
    from gui_helpers import choose, type_into

    def edit():
        type_into(window, "operator.name", "被杀死的进程")
        type_into(window, "operator.contact.name", "王芳")

    def check():
        d = storage.list_drafts()
        if d and storage.load_draft(d[0].id).get("operator.contact.name") == "王芳":
            print("saved", flush=True)
            choose(window, "operator.province", "江苏省")   # lost: killed before autosave
        else:
            QTimer.singleShot(100, check)

    QTimer.singleShot(50, edit)
    QTimer.singleShot(100, check)
    app.exec()
""")


def test_killed_app_restarts_with_draft_offered(qtbot, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               GUI_TESTS_DIR=os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.Popen([sys.executable, "-c", CHILD], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == "saved"
    finally:
        proc.kill()
        proc.wait(10)
        proc.stdout.close()
    storage = Storage()  # the same COMPOSER_DATA_DIR the child used
    offered = storage.begin_session()
    assert [d.title for d in offered] == [""]
    w = MainWindow(storage)
    qtbot.addWidget(w)
    w.show()
    dialog = w.reports.offer_recovery(offered)
    click(qtbot, dialog.findChild(QPushButton, "recovery-restore"))
    draft = w.model.draft
    assert draft.get("operator.name") == "被杀死的进程"
    assert draft.get("operator.contact.name") == "王芳"
    assert draft.get("operator.province") is None  # the last < 2 s are lost, nothing more
    w.close()
    storage.end_session()
    storage.close()
