"""Preview regeneration while typing, 5-page report, offscreen (issue 14, goal 4).

In one process: the main window with a ~5-page report; the preview is shown once, then the user
goes back to 事件经过 and types bursts of characters (posted as key events every
``--interval`` ms, as a keyboard would). Prints

* key latency: from posting a key event to the text edit having it (median, max) — the input
  is blocked when this grows (the GUI thread busy rendering, or waiting for the GIL);
* event-loop stall: the longest gap of a 2 ms heartbeat timer while typing and rendering;
* preview latency: from the last keystroke of a burst until the preview holds pages of the
  final text (goal ≤ 100 ms), or "does not follow typing";
* entering the preview after typing: until it shows the current text.

    python bench/bench_preview.py [--pages 5] [--bursts 5] [--keys 12] [--interval 90]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import median


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, default=5)
    p.add_argument("--bursts", type=int, default=5)
    p.add_argument("--keys", type=int, default=12)
    p.add_argument("--interval", type=int, default=90, help="ms between keys")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="composer-bench-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COMPOSER_DATA_DIR"] = str(tmp / "data")
    os.environ["COMPOSER_CONFIG_DIR"] = str(tmp / "config")
    # made in a child, so this process has not imported the render stack before the app does
    import subprocess
    subprocess.run([sys.executable, "-c", ("import sys; from pathlib import Path; "
                                           "from _common import long_incident_file; "
                                           "long_incident_file(int(sys.argv[1]), Path(sys.argv[2]))"),
                    str(args.pages), str(tmp)], check=True, cwd=Path(__file__).parent)
    incident = tmp / f"long-{args.pages}.json"

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt, QThreadPool, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QPlainTextEdit

    from composer.core.draft import Draft
    from composer.core.flow import Step
    from composer.core.storage import Storage
    from composer.gui.app import setup_application
    from composer.gui.mainwindow import MainWindow

    app = setup_application(lang="zh")
    storage = Storage()
    storage.begin_session()
    window = MainWindow(storage)
    window.resize(1100, 720)
    window.show()
    clock = QElapsedTimer()
    clock.start()

    def now() -> float:
        return clock.nsecsElapsed() / 1e9

    def spin(until, timeout: float) -> bool:  # type: ignore[no-untyped-def]
        end = now() + timeout
        while now() < end:
            app.processEvents()
            if until():
                return True
            time.sleep(0.001)
        return False

    page = window.wizard.pages[Step.PREVIEW]
    ready: list[float] = []
    page.previewReady.connect(lambda n: ready.append(now()))
    data = json.loads(incident.read_text(encoding="utf-8"))
    t0 = now()
    window.load_draft(Draft(data=data), step=int(Step.PREVIEW))
    page = window.wizard.pages[Step.PREVIEW]          # the wizard was rebuilt
    page.previewReady.connect(lambda n: ready.append(now()))
    if os.environ.get("BENCH_VERBOSE") and hasattr(page, "_landed"):
        landed = page._landed

        def timed_landed(result) -> None:  # type: ignore[no-untyped-def]
            start = now()
            landed(result)
            print(f"  _landed on the GUI thread: {(now() - start) * 1000:.1f} ms",
                  file=sys.stderr)
        page._landed = timed_landed
    if not spin(lambda: ready, 60):
        raise SystemExit("the first preview never came")
    first = ready[-1] - t0
    pages = page.pages.labels and len(page.pages.labels)
    spin(lambda: False, 0.5)
    QThreadPool.globalInstance().waitForDone(30000)
    follows = hasattr(page, "rendered_report")

    key_latency: list[float] = []
    stalls: list[float] = []
    preview_latency: list[float | None] = []
    entering: list[float] = []
    for burst in range(args.bursts):
        window.wizard.go_to(int(Step.BASIC))
        edit = window.findChild(QPlainTextEdit, "incident.description")
        edit.setFocus()
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        spin(lambda: False, 0.3)
        QThreadPool.globalInstance().waitForDone(30000)
        spin(lambda: False, 0.2)
        posted: list[float] = []
        handled: list[float] = []
        def on_text() -> None:
            handled.append(now())
        edit.textChanged.connect(on_text)
        beats: list[float] = []
        heart = QTimer()
        heart.setInterval(2)
        heart.timeout.connect(lambda: beats.append(now()))
        heart.start()
        chars = "测试文字输入预览跟随的速度" * 4
        keys = chars[:args.keys]

        def send(i: int) -> None:
            ev = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                           Qt.KeyboardModifier.NoModifier, keys[i])
            posted.append(now())
            QCoreApplication.postEvent(edit, ev)

        for i in range(len(keys)):
            QTimer.singleShot(i * args.interval, lambda i=i: send(i))
        spin(lambda: len(handled) >= len(keys), 30)
        last = handled[-1]
        key_latency += [h - p for p, h in zip(posted, handled, strict=False)]
        ready.clear()
        final = window.model.draft.report()
        got = None
        if follows:
            def current() -> bool:
                return bool(ready) and page.rendered_report == final
            if spin(current, 10):
                got = ready[-1] - last
        else:
            spin(lambda: bool(ready), 2)
        spin(lambda: False, 0.2)
        heart.stop()
        stalls.append(max((b - a for a, b in itertools.pairwise(beats)), default=0.0))
        preview_latency.append(got)
        if os.environ.get("BENCH_VERBOSE"):
            burst_keys = [h - p for p, h in zip(posted, handled, strict=False)]
            print(f"  burst {burst}: preview {None if got is None else round(got * 1000)} ms, "
                  f"max key {max(burst_keys) * 1000:.0f} ms, stall {stalls[-1] * 1000:.0f} ms",
                  file=sys.stderr)
        edit.textChanged.disconnect(on_text)
        QThreadPool.globalInstance().waitForDone(30000)
        ready.clear()
        t_enter = now()
        window.wizard.go_to(int(Step.PREVIEW))
        if follows and page.rendered_report == final and page.pages.has_pages():
            entering.append(0.0)
        else:
            spin(lambda: bool(ready), 30)
            entering.append((ready[-1] if ready else now()) - t_enter)
        QThreadPool.globalInstance().waitForDone(30000)
        spin(lambda: False, 0.2)

    ms = 1000
    print(f"# preview while typing: {pages}-page report, {args.bursts} bursts of {args.keys} "
          f"keys every {args.interval} ms (offscreen, load {os.getloadavg()[0]:.1f})")
    print(f"  first preview after opening (imports, fonts, render): {first * ms:.0f} ms")
    print(f"  key latency: median {median(key_latency) * ms:.1f} ms, "
          f"max {max(key_latency) * ms:.1f} ms")
    print(f"  longest event-loop stall while typing/rendering: median of bursts "
          f"{median(stalls) * ms:.0f} ms, max {max(stalls) * ms:.0f} ms")
    landed = [x for x in preview_latency if x is not None]
    if len(landed) == len(preview_latency):
        print(f"  preview current after the last keystroke: median {median(landed) * ms:.0f} ms,"
              f" max {max(landed) * ms:.0f} ms  ({median(landed) * ms / 100:.2f}x the "
              f"100 ms goal)")
    else:
        print("  preview current after the last keystroke: does not follow typing "
              "(regenerated only on entering the preview page)")
    print(f"  entering the preview after typing until it shows the new text: median "
          f"{median(entering) * ms:.0f} ms, max {max(entering) * ms:.0f} ms")
    window.close()
    storage.end_session()
    storage.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
