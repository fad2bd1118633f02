"""Autosave within ~2 s of a change, and crash recovery: the draft is offered back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

from gui_helpers import click, type_into
from PySide6.QtWidgets import QPushButton

from composer.core.storage import Storage
from composer.gui.recovery_dialog import RecoveryDialog
from composer.gui.mainwindow import AUTOSAVE_MS, MainWindow


def saved_title(storage: Storage) -> str | None:
    drafts = storage.list_drafts()
    return drafts[0].title if drafts else None


def test_autosave_within_two_seconds(qtbot, window, storage):
    assert AUTOSAVE_MS <= 2000
    type_into(window, "operator.name", "某公司")
    start = time.monotonic()
    qtbot.waitUntil(lambda: storage.load_draft(window.model.draft.id).get("operator.name")
                    == "某公司" if window.model.draft.id else False, timeout=3000)
    assert time.monotonic() - start < 2.5
    assert "已自动保存" in window.statusBar().currentMessage()


def test_continuous_typing_is_still_saved_every_few_seconds(qtbot, window, storage):
    # A change every 300 ms for 3 s never leaves a 1.5 s pause: saves must happen anyway.
    deadline = time.monotonic() + 3.0
    n = 0
    while time.monotonic() < deadline:
        n += 1
        window.model.set("operator.name", f"单位{n}")
        qtbot.wait(300)
    saved = storage.load_draft(window.model.draft.id).get("operator.name")
    assert saved is not None and int(saved[2:]) >= n - 7  # at most ~2 s of typing behind


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
    dialog = w2.offer_recovery(offered)
    assert isinstance(dialog, RecoveryDialog) and dialog.isVisible()
    click(qtbot, dialog.findChild(QPushButton, "recovery-restore"))
    assert w2.model.draft.get("operator.name") == "崩溃测试单位"
    assert w2.findChild(object, "operator.name").text() == "崩溃测试单位"
    w2.close()
    second.end_session()
    second.close()


CHILD = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, os.environ["GUI_TESTS_DIR"])
    from PySide6.QtCore import QTimer
    from composer.gui.app import setup_application
    from composer.core.storage import Storage
    from composer.gui.mainwindow import MainWindow
    from gui_helpers import choose, type_into

    app = setup_application()
    storage = Storage()
    storage.begin_session()
    window = MainWindow(storage)
    window.show()

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
    dialog = w.offer_recovery(offered)
    click(qtbot, dialog.findChild(QPushButton, "recovery-restore"))
    draft = w.model.draft
    assert draft.get("operator.name") == "被杀死的进程"
    assert draft.get("operator.contact.name") == "王芳"
    assert draft.get("operator.province") is None  # the last < 2 s are lost, nothing more
    w.close()
    storage.end_session()
    storage.close()
