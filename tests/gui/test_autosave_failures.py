"""Autosave failures are shown, with real failures: a damaged database page, a kernel write
limit (RLIMIT_FSIZE, in a subprocess), damaged rows at start. And: a draft is created on the
first edit only; the settings file is private."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest
from gui_helpers import WINDOW_CHILD, click, type_into
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFrame, QLabel, QMessageBox, QPushButton

from composer.core.draft import new_draft
from composer.core.storage import Storage
from composer.gui.autosave import AUTOSAVE_MS
from composer.gui.mainwindow import MainWindow
from sqlite_damage import damage_table_page


def _banner(window) -> QFrame:
    frame = window.findChild(QFrame, "autosave-banner")
    assert frame is not None
    return frame


def _answer_modal(button_text: str) -> None:
    """Click a button of the modal message box that is about to open."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        for b in box.buttons():
            if b.text() == button_text:
                b.click()
                return
        raise AssertionError([b.text() for b in box.buttons()])
    QTimer.singleShot(200, press)


def test_damaged_page_shows_banner_keeps_edits_and_exports(qtbot, tmp_path):
    db = tmp_path / "db.sqlite3"
    s = Storage(db)
    d = new_draft()
    d.set("incident.title", "旧标题")
    s.save_draft(d)
    s.close()
    storage = Storage(db)
    storage.begin_session()
    w = MainWindow(storage, d)
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitExposed(w)
        assert w.save_now() and not _banner(w).isVisible()       # saving works until ...
        damage_table_page(db, "drafts")            # the page breaks while the app runs
        type_into(w, "incident.title", "（新）")
        qtbot.waitUntil(lambda: _banner(w).isVisible(), timeout=AUTOSAVE_MS + 1500)
        text = _banner(w).findChild(QLabel, "autosave-banner-text").text()
        # in the user's language, with the file and what to do (never SQLite's English)
        assert "草稿无法保存" in text and "已损坏" in text and str(db) in text
        assert "malformed" not in text
        assert "草稿无法保存" in w.statusBar().currentMessage()     # never 「已自动保存」
        assert w.autosaver.retry.isActive()                         # retried periodically
        assert w.model.draft.get("incident.title") == "（新）"  # kept in memory
        # The banner stays (a retry fails again) and offers to save the report elsewhere.
        with qtbot.waitSignal(w.autosaver.failed, timeout=60000):
            click(qtbot, w.findChild(QPushButton, "autosave-retry"))
        assert _banner(w).isVisible()
        click(qtbot, w.findChild(QPushButton, "autosave-export"))
        dialog = w.findChild(QFileDialog, "autosave-export-dialog")
        assert dialog is not None and dialog.isVisible()
        target = tmp_path / "rescued.json"
        dialog.selectFile(str(target))
        dialog.accept()
        rescued = json.loads(target.read_text("utf-8"))
        assert rescued["incident"]["title"] == "（新）"
        assert w.open_file(target)                          # and the app reads it back
        # Closing asks: the edits are not in the database.
        _answer_modal("取消")
        assert not w.close()
        assert w.isVisible()
    except BaseException:
        w.autosaver.error = None          # a failed assertion: no question at teardown
        storage.close()
        raise
    _answer_modal("仍然退出")
    assert w.close()
    storage.close()


REAL_FULL_DISK = WINDOW_CHILD + textwrap.dedent("""
    import os, resource, signal, sys
    from PySide6.QtWidgets import QFrame
    from gui_helpers import type_into

    window.autosaver.retry.setInterval(500)
    banner = lambda: window.findChild(QFrame, "autosave-banner")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    path = str(storage.path)
    limit = os.path.getsize(path) + 256
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    def edit():     # the autosave fails, then a retry succeeds: each said by its own signal
        window.autosaver.failed.connect(check_failed, Qt.ConnectionType.SingleShotConnection)
        window.autosaver.recovered.connect(check_recovered)
        type_into(window, "operator.name", "磁盘已满" * 2000)

    def check_failed():
        print("banner", banner().isVisible(), window.autosaver.error, flush=True)
        resource.setrlimit(resource.RLIMIT_FSIZE,
                           (resource.RLIM_INFINITY, resource.RLIM_INFINITY))

    def check_recovered():
        drafts = storage.list_drafts()
        saved = storage.load_draft(drafts[0].id).get("operator.name") if drafts else None
        print("after", banner().isVisible(), saved == "磁盘已满" * 2000, flush=True)
        app.quit()

    QTimer.singleShot(100, edit)
    app.exec()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_real_write_failure_shows_then_clears_after_retry(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               GUI_TESTS_DIR=os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", REAL_FULL_DISK], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=240, check=False)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith(("banner", "after"))]
    assert out.returncode == 0, out.stderr[-2000:]
    # SQLite's "disk I/O error", said in Chinese with the database's path
    assert lines[0].startswith("banner True") and "时磁盘出错" in lines[0], lines
    assert "composer.sqlite3" in lines[0] and "disk I/O error" not in lines[0], lines
    assert lines[1] == "after False True", lines


def test_damaged_rows_at_start_are_named_and_the_app_carries_on(qtbot, tmp_path):
    db = tmp_path / "db.sqlite3"
    s = Storage(db)
    s.save_profile({"name": "某公司"})
    good, bad = new_draft(), new_draft()
    good.set("incident.title", "好的")
    s.save_draft(good)
    s.save_draft(bad)
    s.close()
    con = sqlite3.connect(db)
    con.execute("UPDATE profile SET body='{\"name\": ' WHERE id=1")
    con.execute("UPDATE drafts SET body='[1, 2' WHERE id=?", (bad.id,))
    con.commit()
    con.close()
    storage = Storage(db)
    storage.begin_session()
    w = MainWindow(storage)
    qtbot.addWidget(w)
    w.show()
    notice = w.findChild(QFrame, "storage-notice")
    assert notice is not None and notice.isVisible()
    assert "table profile" in notice.findChild(QLabel, "storage-notice-text").text()
    assert w.model.draft.get("operator") is None
    click(qtbot, w.findChild(QPushButton, "storage-notice-close"))
    assert not notice.isVisible()
    w.open_draft(bad.id)                                  # says which row, carries on
    box = w.findChildren(QMessageBox)[-1]
    assert f"draft #{bad.id}" in box.text()
    box.close()
    w.open_draft(good.id)
    assert w.model.draft.get("incident.title") == "好的"
    w.close()
    storage.close()


def test_a_draft_is_created_on_the_first_edit_only(qtbot, storage):
    w = MainWindow(storage)
    qtbot.addWidget(w)
    w.show()
    assert not w.autosaver.timer.isActive()   # nothing scheduled by opening the window
    w.autosaver.save()                        # what the autosave timer would do: nothing
    w.save_now(orderly=True)                  # page changes and Ctrl+S too
    assert storage.list_drafts() == []
    type_into(w, "operator.name", "第一次修改")
    qtbot.waitUntil(lambda: len(storage.list_drafts()) == 1, timeout=AUTOSAVE_MS + 1500)
    w.new_report()                            # a second blank report: again nothing stored
    w.close()
    assert len(storage.list_drafts()) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_settings_file_and_config_dir_are_private():
    from composer.core import paths
    from composer.gui import i18n

    old = os.umask(0o022)
    try:
        i18n.save_language("zh")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(paths.config_dir()).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(paths.settings_path()).st_mode) == 0o600
