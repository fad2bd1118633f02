"""Every kind of edit is saved within AUTOSAVE_MS: for each widget kind, a real app process
changes a widget of that kind as a user would, waits 1.6 s, is killed with SIGKILL, and the
database must hold the value the widget showed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("kind", KINDS)
def test_widget_edit_survives_kill_9_after_1_6_s(tmp_path, kind):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               GUI_TESTS_DIR=os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(EXAMPLE)], env=env,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stdout.readline()
        changed = time.monotonic()
        assert line, proc.stderr.read() if proc.poll() is not None else "no output"
        expected = json.loads(line)
        time.sleep(max(0.0, 1.6 - (time.monotonic() - changed)))
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
