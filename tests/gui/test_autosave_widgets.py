"""Every kind of edit is autosaved without another event: for each widget kind, a real app
process changes a widget of that kind as a user would and does nothing more; once the database
holds the value the widget showed, the process is killed with SIGKILL, and the value must still
be there. How soon autosave commits (the timer is AUTOSAVE_MS, 1.2 s) is a speed figure:
``bench/kill_cycles.py`` measures the age of the oldest lost edit under random kills."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from composer.core import paths
from composer.core.draft import draft_from_json
from composer.core.storage import Storage

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"

CHILD = textwrap.dedent("""
    import json, os, sys
    sys.path.insert(0, os.environ["GUI_TESTS_DIR"])
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QRadioButton
    from composer.core import flow
    from composer.core.storage import Storage
    from composer.gui.app import setup_application
    from composer.gui.mainwindow import MainWindow
    from gui_helpers import commit_text, field

    kind, example = sys.argv[1], sys.argv[2]
    app = setup_application()
    storage = Storage()
    storage.begin_session()
    w = MainWindow(storage)
    w.show()
    w.open_file(example)
    w.save_now()

    def report(path, value):
        with open(example, encoding="utf-8") as fh:
            data = json.load(fh)
        for part in path.split(".") if path != "fast_path" else ():
            data = data.get(part) if isinstance(data, dict) else None
        before = data if path != "fast_path" else False
        print(json.dumps({"path": path, "value": value, "before": before},
                         ensure_ascii=False), flush=True)

    def click_box(box):
        QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))

    def edit():
        page = flow.Step.RECIPIENTS if kind == "radio" else flow.Step.BASIC
        w.wizard.go_to(int(page))
        assert w.wizard.currentId() == int(page), w.wizard.currentId()
        if kind == "datetime":           # type the hour: 14:05 -> 03:05
            de = field(w, "incident.discovered_at").edit
            de.setFocus()
            de.setSelectedSection(QDateTimeEdit.Section.HourSection)
            QTest.keyClicks(de, "03")
            report("incident.discovered_at", field(w, "incident.discovered_at").value())
        elif kind == "datetime-partial": # the day's first digit only: shown 2026-11-1
            de = field(w, "incident.discovered_at").edit
            de.setFocus()
            de.setSelectedSection(QDateTimeEdit.Section.DaySection)
            QTest.keyClicks(de, "1")
            report("incident.discovered_at", field(w, "incident.discovered_at").value())
        elif kind == "datetime-known":   # tick "known" of the optional end of handling
            box = field(w, "incident.occurred_at").known
            click_box(box)
            report("incident.occurred_at", field(w, "incident.occurred_at").value())
        elif kind == "combo":
            combo = field(w, "incident.category", QComboBox)
            combo.setFocus()
            QTest.keyClick(combo, Qt.Key.Key_Down)
            report("incident.category", combo.currentData())
        elif kind == "check":
            box = field(w, "incident.suspected_crime", QCheckBox)
            click_box(box)
            report("incident.suspected_crime", True if box.isChecked() else None)
        elif kind == "radio":
            radio = w.findChild(QRadioButton, "fast-path")
            click_box(radio)
            report("fast_path", radio.isChecked())
        elif kind == "text":
            edit = field(w, "incident.title")
            commit_text(edit, "（已更新）")
            report("incident.title", edit.text())

    QTimer.singleShot(300, edit)
    app.exec()
""")

KINDS = ["datetime", "datetime-partial", "datetime-known", "combo", "check", "radio", "text"]


def _stored(path: str):  # type: ignore[no-untyped-def]
    """The value at ``path`` of the one stored draft, read without writing (the app runs)."""
    try:
        db = sqlite3.connect(f"file:{paths.database_path()}?mode=ro", uri=True, timeout=1)
        try:
            rows = db.execute("SELECT body FROM drafts").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    if len(rows) != 1:
        return None
    draft = draft_from_json(json.loads(rows[0][0]))
    return draft.fast_path if path == "fast_path" else draft.get(path)


@pytest.mark.parametrize("kind", KINDS)
def test_widget_edit_is_autosaved_and_survives_kill_9(tmp_path, kind):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               GUI_TESTS_DIR=os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(EXAMPLE)], env=env,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.poll() is not None else "no output"
        expected = json.loads(line)
        deadline = time.monotonic() + 20     # generous: a loaded machine, not a speed test
        while _stored(expected["path"]) != expected["value"] and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    storage = Storage()                      # the same COMPOSER_DATA_DIR the child used
    (summary,) = storage.list_drafts()
    draft = storage.load_draft(summary.id)
    storage.close()
    path, value = expected["path"], expected["value"]
    stored = draft.fast_path if path == "fast_path" else draft.get(path)
    assert value not in (None, False) and value != expected["before"]   # really changed
    assert stored == value, (kind, stored, value)
