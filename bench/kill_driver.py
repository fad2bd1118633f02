"""Drives the real app for bench/kill_cycles.py: starts Composer through its own entry point
(``composer.gui.app.run``: storage, session, recovery offer, main window), then edits as a user
does through real widgets until it is killed.

Nothing here is a code path of the product: the driver finds the window and its widgets from
outside (``QApplication.topLevelWidgets``, object names), answers the recovery dialog by
clicking its button, starts a new report through the 文件 → 新建报告 menu action, and types by
sending input-method commit events to the line edits. Every edit is logged to stdout, flushed,
as one JSON line ``{"seq", "t", "path", "value", "draft"}`` (``t`` = ``time.time()`` just
after the widget took the text), so the parent can tell which edits the database kept.

    python bench/kill_driver.py SEED NEW_REPORT(0|1)
"""

from __future__ import annotations

import json
import random
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton

from composer.gui.app import run, setup_application

TEXT_FIELDS = ("operator.name", "operator.contact.name", "operator.contact.phone")
COMBO = "operator.kind"


def main() -> int:
    seed, new_report = int(sys.argv[1]), sys.argv[2] == "1"
    rng = random.Random(seed)
    app = setup_application()
    state = {"seq": 0}

    def window():  # type: ignore[no-untyped-def]
        from composer.gui.mainwindow import MainWindow
        return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)

    def log(path: str, value: object) -> None:
        w = window()
        state["seq"] += 1
        print(json.dumps({"seq": state["seq"], "t": time.time(), "path": path, "value": value,
                          "draft": w.model.draft.id if w is not None else None},
                         ensure_ascii=False), flush=True)

    def wait_for_window() -> None:
        if window() is None or not window().isVisible():
            QTimer.singleShot(20, wait_for_window)
        else:
            QTimer.singleShot(300, start)             # after a recovery offer has opened

    def start() -> None:
        w = window()
        restore = w.findChild(QPushButton, "recovery-restore")
        if restore is not None and restore.isVisible():
            restore.click()                           # continue the recovered draft
            print(json.dumps({"event": "recovered", "draft": w.model.draft.id}), flush=True)
        elif new_report:
            action = next(a for a in w.findChildren(QAction) if a.text().startswith("新建报告"))
            action.trigger()
        print(json.dumps({"event": "ready", "draft": w.model.draft.id, "t": time.time()}),
              flush=True)
        QTimer.singleShot(rng.randint(50, 300), edit)

    def edit() -> None:
        w = window()
        if rng.random() < 0.15:                        # a combo change (keyboard-free)
            combo = w.findChild(QComboBox, COMBO)
            index = rng.randrange(1, combo.count())
            combo.setFocus()
            combo.setCurrentIndex(index)
            log(COMBO, combo.itemData(index))
        else:
            path = rng.choice(TEXT_FIELDS)
            line = w.findChild(QLineEdit, path)
            value = f"编辑{seed}-{state['seq'] + 1}"
            line.setFocus()
            line.selectAll()
            event = QInputMethodEvent("", [])
            event.setCommitString(value)               # replaces the selection, as an IME does
            QApplication.sendEvent(line, event)
            log(path, line.text())
        pause = rng.choice((rng.randint(30, 300), rng.randint(300, 2500)))
        QTimer.singleShot(pause, edit)

    QTimer.singleShot(0, wait_for_window)
    return run(None)


if __name__ == "__main__":
    sys.exit(main())
