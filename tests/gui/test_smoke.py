"""The crash smoke test: the whole app in a subprocess, every action, button and dialog.

The table of what is exercised, and how, is tests/gui/smoke_registry.py (one line per
objectName); the runner is tests/gui/smoke_run.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import EXAMPLES
from private_cups import PRINTER, NoCups, start_private_cups
from PySide6.QtWidgets import QPushButton
from smoke_registry import REGISTRY
from smoke_run import coverage_problems, inventory

from composer.core.flow import Step

RUNNER = Path(__file__).resolve().parent / "smoke_run.py"
SEES_DEFAULT = ("import os; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen'); "
                "from PySide6.QtWidgets import QApplication; app = QApplication([]); "
                "from PySide6.QtPrintSupport import QPrinterInfo; "
                "print(QPrinterInfo.defaultPrinterName())")


def _outcome(code: int) -> str:
    if code < 0:
        return f"killed by signal {signal.Signals(-code).name}"
    return f"exit status {code}"


@pytest.fixture
def cups(tmp_path):
    """A CUPS scheduler of the test's own with a default printer (None where cupsd cannot
    run here: the smoke test still runs, without the proof that nothing was queued)."""
    try:
        server = start_private_cups(tmp_path / "cups")
    except NoCups as exc:
        yield None, str(exc)
        return
    try:
        yield server, ""
    finally:
        server.stop()


def test_every_action_and_button_runs_without_a_crash(tmp_path, cups):
    """… and prints through a PDF printer of its own: with a default printer installed (a
    private cupsd's, where one can run), not one job reaches a print queue."""
    server, _ = cups
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               COMPOSER_DATA_DIR=str(tmp_path / "data"),
               COMPOSER_CONFIG_DIR=str(tmp_path / "config"),
               **(server.env if server is not None else {}))
    if server is not None:     # the app sees the default printer: the proof means something
        seen = subprocess.run([sys.executable, "-c", SEES_DEFAULT], env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        assert seen.stdout.strip() == PRINTER, (seen.stdout, seen.stderr[-2000:])
    out = subprocess.run(  # noqa: PLW1510 (status asserted)
        [sys.executable, str(RUNNER), str(EXAMPLES / "ransomware-retailer.json"),
         str(tmp_path / "work"), "zh"],
        env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, f"{_outcome(out.returncode)}\n{out.stdout[-3000:]}\n" \
                                f"{out.stderr[-6000:]}"
    assert "Traceback" not in out.stderr, out.stderr
    assert "Signal source has been deleted" not in out.stderr, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("SMOKE OK "))
    result = json.loads(line.removeprefix("SMOKE OK "))
    assert result["entries"] == sorted(REGISTRY)
    assert len(result["printed"]) >= 2  # report and fax set (and more), via Qt's print dialog
    if server is not None:
        assert server.jobs() == [], "a print job reached the (private) system queue"


def test_the_queue_check_sees_a_job_that_is_sent(cups, tmp_path):
    """The instrument of the test above: a job sent to the private default printer is seen."""
    server, reason = cups
    if server is None:
        pytest.skip(f"no private CUPS scheduler here: {reason}")
    assert server.jobs() == []
    page = tmp_path / "page.txt"
    page.write_text("test\n", encoding="utf-8")
    sent = server.lp("lp", str(page))                 # to the default destination
    assert sent.returncode == 0, sent.stderr
    assert len(server.jobs()) == 1


def test_an_unregistered_button_is_named_with_where_to_add_it(window):
    page = window.wizard.pages[Step.PREVIEW]
    page.ensure_built()
    extra = QPushButton("新按钮")
    extra.setObjectName("brand-new-button")
    page.body.addWidget(extra)
    unnamed_button = QPushButton("无名")
    page.body.addWidget(unnamed_button)
    seen, unnamed = inventory([window])
    assert {"generate-package", "print-fax", "action-quit", "wizard-next"} <= set(seen)
    problems = coverage_problems(seen, unnamed, set(REGISTRY), REGISTRY)
    text = "\n".join(problems)
    assert "'brand-new-button' (QPushButton '新按钮' in PreviewPage) is not in the smoke " \
           "test" in text
    assert '"brand-new-button": press,' in text and "tests/gui/smoke_registry.py" in text
    assert "unnamed QPushButton '无名' in PreviewPage" in text
    never_ran = coverage_problems(seen, [], set(), REGISTRY)
    assert any("'print-fax'" in p and "never ran" in p for p in never_ran)
