"""Background work ends with the window (issue 25): when the app quits while a long package is
being built — its fax drawn page by page — the work stops at its next page instead of keeping
the quitting process alive, and leaves no half-written package behind. In a subprocess: the
stop is process-wide, as it is when the real app quits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from pdf_cases import long_report
from PySide6.QtWidgets import QApplication
from composer.gui import operations
from composer.render.package import write_package

app = QApplication([])
out = Path(sys.argv[1]) / "package"
report = long_report(120_000)
pages_after_stop, seen, failed = [], [], []

def work(progress):
    def reported(stage, done, total):
        if stage == "fax":
            seen.append((done, total))
            if done == 5:
                operations.stop_all()          # the window closed: app.run() does this
            elif operations._stopping.is_set():
                pages_after_stop.append(done)
        progress(done, total, stage)
    return write_package(report, out, generated_at=datetime(2026, 11, 18, 16, 30,
                         tzinfo=timezone(timedelta(hours=8))), progress=reported)

operations.run_operation(None, None, work, on_success=lambda r: None,
                         on_failure=failed.append, progress=True)
stopped = operations.wait_for_pools(120000)
print(json.dumps({"stopped": stopped, "fax_pages_seen": len(seen),
                  "total": max(t for _, t in seen) if seen else 0,
                  "after_stop": pages_after_stop,
                  "left": sorted(p.name for p in Path(sys.argv[1]).iterdir())}))
"""


def test_quitting_stops_a_long_package_at_its_next_page(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cases = Path(__file__).resolve().parents[1] / "render"
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), str(cases)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["stopped"]
    # the fax stage's start, then pages 1–5 of about 185: the stop came at page 5
    assert result["fax_pages_seen"] == 6 and result["total"] > 100, result
    assert result["after_stop"] == []          # not one page reported after the stop
    assert result["left"] == [], result         # no package, no partial folder
