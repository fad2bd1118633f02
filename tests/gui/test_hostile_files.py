"""The app opens files through the same loader as the CLI: every file of the hostile corpus
(tests/data/fuzz) is either refused with a message or opened with its problems shown inline,
and the opened draft autosaves and reads back unchanged. In a subprocess: a crash fails the
test instead of ending the run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parents[1] / "data" / "fuzz"

SCRIPT = r"""
import json, sys, traceback
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMessageBox
from composer.core.storage import Storage
from composer.gui.app import setup_application
from composer.gui.mainwindow import MainWindow

app = setup_application(lang="zh")
storage = Storage(Path(sys.argv[1]) / "composer.sqlite3")
storage.begin_session()
window = MainWindow(storage)
window.show()
results = {}
for path in sorted(Path(sys.argv[2]).glob("*.json")):
    try:
        opened = window.open_file(path)
        app.processEvents()
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        message = "\n".join(b.text() for b in boxes)
        for b in boxes:
            b.close()
        roundtrip = None
        if opened:
            window.save_now()
            draft = window.model.draft
            roundtrip = storage.load_draft(draft.id).data == draft.data
        results[path.name] = {"opened": opened, "message": message, "roundtrip": roundtrip,
                              "problems": len(window.model.draft.problems()) if opened else None}
    except Exception:
        results[path.name] = {"error": traceback.format_exc()}
from composer.gui.operations import wait_for_pools
wait_for_pools(60000)   # as the app's main() does: no render worker outlives the window
storage.close()
print(json.dumps(results, ensure_ascii=True))
"""


def test_every_hostile_file_opens_or_is_refused_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), str(FUZZ)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(results) == len(list(FUZZ.glob("*.json")))
    for name, r in results.items():
        assert "error" not in r, f"{name}: {r.get('error')}"
        if r["opened"]:
            assert r["roundtrip"] is True, name       # autosave keeps exactly what was opened
        else:
            lines = r["message"].splitlines()
            assert lines and len(lines) <= 25, name   # the file name, then ≤ 21 problem lines
            assert all(line.isprintable() for line in lines), name
            assert all(len(line) <= 500 for line in lines), name
    # Structural hostility is refused at the door; field problems open and show inline.
    assert results["surrogate-title.json"]["opened"] is False
    assert results["deep-array-100000.json"]["opened"] is False
    assert results["esc-in-title.json"]["opened"] is True
    assert results["esc-in-title.json"]["problems"] == 1
    assert results["valid-at-bounds.json"] == {"opened": True, "message": "",
                                              "roundtrip": True, "problems": 0}
