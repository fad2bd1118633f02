"""The longest GUI-thread stall while a script clicks every action (issue 19, goal ≤ 100 ms).

In one process, offscreen, on a report of about ``--pages`` pages (default 200): open it, walk
the wizard, let the preview come, 打印报告… (the print preview of every page, scrolled to the
end, then printed — pages 1–``--print-pages`` — to a PDF file, and a whole job cancelled),
打印传真件…, 生成报送材料包, 运行环境检查, 法规原文 with a search, 记录已报送 (the package copied
into the archive), 报告列表, 导出事件文件, 完成, and the language switched twice. A 5 ms
heartbeat timer runs all along; a stall is a gap between two beats (minus the 5 ms).

Prints one line per action (its longest stall; how much of it the GUI thread spent on a CPU —
on a shared machine the rest is the thread waiting for a core or for Python's lock; and how
long until the action was done) and the longest stall of all against the goal.

    python bench/bench_stall.py [--pages 200] [--print-pages 10] [--verbose]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

GOAL_MS = 100
BEAT_MS = 5


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, default=200)
    p.add_argument("--print-pages", type=int, default=10)
    p.add_argument("--verbose", action="store_true", help="where each long stall happened")
    p.add_argument("--profile", metavar="TEXT", default="",
                   help="profile the GUI thread during the actions whose name holds TEXT")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="composer-stall-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COMPOSER_DATA_DIR"] = str(tmp / "data")
    os.environ["COMPOSER_CONFIG_DIR"] = str(tmp / "config")
    # made in a child, so this process has not imported the render stack before the app does
    make = ("import sys; from pathlib import Path; from _common import long_incident_file; "
            "long_incident_file(int(sys.argv[1]), Path(sys.argv[2]))")
    subprocess.run([sys.executable, "-c", make, str(args.pages), str(tmp)], check=True,
                   cwd=Path(__file__).parent)
    incident = tmp / f"long-{args.pages}.json"

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

    from composer.core.flow import Step
    from composer.core.storage import Storage
    from composer.gui.app import setup_application
    from composer.gui.mainwindow import MainWindow
    from composer.gui.operations import running_count
    from composer.gui.printing import a4_printer

    app = setup_application(lang="zh")
    storage = Storage()
    storage.begin_session()
    window = MainWindow(storage)
    window.resize(1280, 720)
    window.show()
    clock = QElapsedTimer()
    clock.start()

    def now() -> float:
        return clock.nsecsElapsed() / 1e9

    beats: list[float] = []
    cpu: list[float] = []        # the GUI thread's CPU time at each beat
    heart = QTimer()
    heart.setInterval(BEAT_MS)

    def beat() -> None:
        beats.append(now())
        cpu.append(time.thread_time())
    heart.timeout.connect(beat)
    heart.start()

    def spin(until: Callable[[], object], timeout: float = 120) -> bool:
        end = now() + timeout
        while now() < end:
            app.processEvents()
            if until():
                return True
            time.sleep(0.001)
        return False

    def idle() -> bool:
        return running_count() == 0

    def shown(name: str) -> QDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == name and w.isVisible()), None)

    rows: list[tuple[str, float, float, bool]] = []

    def step(name: str, act: Callable[[], object], until: Callable[[], object] = idle,
             timeout: float = 300) -> None:
        spin(idle, 60)
        spin(lambda: False, 0.1)
        beats.clear()
        cpu.clear()
        start = now()
        beat()
        profiler = None
        if args.profile and args.profile in name:
            import cProfile
            profiler = cProfile.Profile()
            profiler.enable()
        act()
        ok = spin(until, timeout)
        done = now() - start
        if profiler is not None:
            import pstats
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
        spin(lambda: False, 0.05)
        gaps = [(b - a, a, c2 - c1) for (a, b), (c1, c2)
                in zip(itertools.pairwise(beats), itertools.pairwise(cpu), strict=True)]
        worst, at, busy = max(gaps, default=(0.0, start, 0.0))
        stall = max(0.0, worst - BEAT_MS / 1000)
        rows.append((name, stall, done, ok))
        line = (f"  {name:<44} stall {stall * 1000:6.0f} ms (GUI thread on a CPU "
                f"{busy * 1000:4.0f} ms of it)   done in {done:6.2f} s")
        if not ok:
            line += "   (NOT DONE within the timeout)"
        if args.verbose:
            line += f"   (longest gap at +{(at - start) * 1000:.0f} ms)"
        print(line, flush=True)

    def wizard() -> Any:
        return window.wizard

    print(f"# GUI-thread stalls, {args.pages}-page report, offscreen, 1280×720, "
          f"load {os.getloadavg()[0]:.1f}")
    step("open the incident file (200-page report)", lambda: window.open_file(incident))
    step("walk the wizard from the start (下一步 ×6)", lambda: wizard().go_to(0))
    for _ in range(6):
        step("  下一步", lambda: wizard().button(wizard().WizardButton.NextButton).click())
    def preview() -> Any:
        return window.wizard.pages[Step.PREVIEW]

    step("preview of the report shown", lambda: None, lambda: preview().pdf is not None)

    def print_preview() -> None:
        preview().findChild(QPushButton, "print-report").click()
    step("打印报告… (print preview opens)", print_preview,
         lambda: window.outputs.print_preview is not None and window.outputs.print_preview.pages.drawn > 0)
    dialog = window.outputs.print_preview

    def to_end() -> None:
        bar = dialog.pages.verticalScrollBar()
        bar.setValue(bar.maximum())
    step("  scrolled to the last page", to_end,
         lambda: dialog.total - 1 in dialog.pages.images)
    out = tmp / "printed.pdf"
    printer = a4_printer("bench")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, args.print_pages)
    dialog.set_printer(printer)
    step(f"  printed pages 1–{args.print_pages} to a PDF file",
         lambda: dialog.print_to(printer), lambda: dialog.printed_pages > 0)
    whole = a4_printer("bench-cancelled")
    whole.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    whole.setOutputFileName(str(tmp / "cancelled.pdf"))

    def print_and_cancel() -> None:
        job = dialog.print_to(whole)
        QTimer.singleShot(1500, job.cancel)
    step("  a whole job printed, cancelled after 1.5 s", print_and_cancel,
         lambda: dialog.job is None)
    step("  print preview closed", dialog.close, lambda: window.outputs.print_preview is None)
    step("打印传真件… (a package is made first)", lambda: window.outputs.print_document("fax"),
         lambda: window.outputs.print_preview is not None and window.outputs.print_preview.pages.drawn > 0)
    step("  closed", lambda: window.outputs.print_preview.close(), lambda: window.outputs.print_preview is None)
    packages = tmp / "packages"
    packages.mkdir()
    step("生成报送材料包 (into a folder)", lambda: window.outputs.generate_package(packages),
         lambda: window.outputs.last_package is not None and idle())
    step("运行环境检查", window.show_doctor,
         lambda: shown("doctorDialog") is not None and shown("doctorDialog").finished_checks)
    step("  closed", lambda: shown("doctorDialog").reject())
    step("法规原文 (F1)", lambda: window.show_guide(), lambda: shown("guide-window"))

    def find() -> None:
        guide = shown("guide-window")
        guide.open_find()
        guide.find_edit.setText("报告")
    step("  find 报告", find)
    step("  closed", lambda: shown("guide-window").close())

    def record() -> None:
        from composer.gui.submission_dialog import SubmissionDialog
        dialog = window.outputs.record_submission()
        assert isinstance(dialog, SubmissionDialog)
        dialog.note.setText("bench")
        dialog._save()
    step("记录已报送 (the package kept in the archive)", record,
         lambda: window.header.state == "sent" and idle())
    step("报告列表", window.show_reports, lambda: shown("reports-dialog"))
    step("  closed", lambda: shown("reports-dialog").reject())
    export = tmp / "exported.json"

    def export_file() -> None:
        chooser = window.outputs.export_file()
        chooser.selectFile(str(export))
        chooser.accept()
    step("导出事件文件", export_file, export.exists)

    def finish() -> None:
        wizard().button(wizard().WizardButton.FinishButton).click()
    step("完成", finish, lambda: shown("finish-box"))
    step("  closed", lambda: shown("finish-box").button(QMessageBox.StandardButton.Ok).click())
    step("语言 → English (the window rebuilt)", lambda: window.set_language("en"))
    step("语言 → 简体中文", lambda: window.set_language("zh"))
    heart.stop()

    worst = max(rows, key=lambda r: r[1])
    print(f"# longest stall: {worst[1] * 1000:.0f} ms ({worst[0].strip()}) — "
          f"{worst[1] * 1000 / GOAL_MS:.2f}× the {GOAL_MS} ms goal")
    over = [r for r in rows if r[1] * 1000 > GOAL_MS]
    if over:
        print("# over the goal: " + "; ".join(f"{r[0].strip()} {r[1] * 1000:.0f} ms"
                                              for r in over))
    window.close()
    storage.end_session()
    storage.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
