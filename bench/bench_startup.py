"""Cold start to the first shown window: Composer against a bare PySide6 QWizard (offscreen).

Runs, alternately in one run (so both see the same machine load), fresh subprocesses of

* a bare PySide6 ``QWizard`` with one page and one line edit (the floor any Qt wizard pays);
* ``python -m composer`` — an empty new report (user data in a temporary directory that the
  first, uncounted run creates, so the counted ones find the data folder already existing, as
  every start but the first after installing does; ``--fresh-data`` gives each run an empty
  one);

each printing the wall time from just before the spawn to its first shown window (a
``QTimer.singleShot(0)`` after ``show()``, the same way in both), the process's CPU time (user +
system) and its RSS there. Then ``composer open FILE`` (a complete example, so it starts on the
preview) for reference. Prints medians and the ratios (wall, and CPU, which the machine's load
inflates far less); no pass/fail (issue 14, goal 1: ratio ≤ 2). Composer's modules are
byte-compiled first, as an install has them.

    python bench/bench_startup.py [--rounds 7] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time

from _common import EXAMPLES, PY, check, compile_bytecode, median, run, tempdir, user_env

LINE = re.compile(r"startup: first-window ([\d.]+) rss-kb (\d+).*? cpu ([\d.]+)")

BARE_WIZARD = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWizard, QWizardPage
t0 = float(os.environ["COMPOSER_STARTUP_T0"])
app = QApplication(sys.argv[:1])
wizard = QWizard()
page = QWizardPage()
page.setTitle("One field")
form = QFormLayout(page)
form.addRow("Name", QLineEdit())
wizard.addPage(page)
wizard.show()
def report():
    rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:"))
    print(f"startup: first-window {time.time() - t0:.3f} rss-kb {rss} cpu "
          f"{time.process_time():.3f}", file=sys.stderr, flush=True)
QTimer.singleShot(0, report)
QTimer.singleShot(int(os.environ["COMPOSER_SMOKE_QUIT_MS"]), app.quit)
sys.exit(app.exec())
"""


def one_run(args: list[str], platform: str,
            home: str | None = None) -> tuple[float, float, float]:
    """(seconds to the first shown window, CPU seconds of the process there, RSS MiB there);
    ``home``: the user folders to use (default: fresh empty ones)."""
    with tempdir() as tmp:
        env = user_env(home or tmp, QT_QPA_PLATFORM=platform, COMPOSER_SMOKE_QUIT_MS="200",
                       COMPOSER_STARTUP_T0=repr(time.time()))
        r = check(run(args, env=env, timeout=120), " ".join(args[1:3]))
    match = LINE.search(r.stderr)
    if match is None:
        raise SystemExit(f"no startup line from {args}:\n{r.stderr}")
    return float(match.group(1)), float(match.group(3)), int(match.group(2)) / 1024


def _figures(name: str, runs: list[tuple[float, float, float]]) -> str:
    return (f"{name}first window median {median([r[0] for r in runs]):.3f} s "
            f"(min {min(r[0] for r in runs):.3f}), CPU {median([r[1] for r in runs]):.3f} s, "
            f"RSS {median([r[2] for r in runs]):.0f} MiB")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--platform", default="offscreen")
    p.add_argument("--fresh-data", action="store_true",
                   help="start each run on an empty data folder (the first start after "
                        "installing) instead of one that already exists")
    args = p.parse_args()
    compile_bytecode()
    with tempdir() as home:
        return _measure(args, None if args.fresh_data else home)


def _measure(args: argparse.Namespace, home: str | None) -> int:
    bare_args = [PY, "-c", BARE_WIZARD]
    app_args = [PY, "-m", "composer"]
    one_run(bare_args, args.platform)      # warm the page cache for both, not counted; and
    one_run(app_args, args.platform, home)  # make the data folder the later runs find
    bare, app = [], []
    for _ in range(args.rounds):
        bare.append(one_run(bare_args, args.platform))
        app.append(one_run(app_args, args.platform, home))
    print(_figures("bare QWizard (one field):   ", bare))
    print(_figures("Composer empty new report:  ", app))
    wall = median([r[0] for r in app]) / median([r[0] for r in bare])
    cpu = median([r[1] for r in app]) / median([r[1] for r in bare])
    print(f"ratio Composer / bare QWizard: {wall:.2f}x wall, {cpu:.2f}x CPU   (goal <= 2x; "
          f"{args.rounds} rounds alternating, {args.platform}, data folder "
          f"{'fresh' if home is None else 'existing'}, load average "
          f"{os.getloadavg()[0]:.1f})")
    example = EXAMPLES / "ransomware-retailer.json"
    opened = [one_run([PY, "-m", "composer", "open", str(example)], args.platform, home)
              for _ in range(max(3, args.rounds // 2))]
    print(_figures("Composer open FILE (starts on the preview): ", opened)
          + f"  ({median([r[0] for r in opened]) / median([r[0] for r in bare]):.2f}x bare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
