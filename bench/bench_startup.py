"""Cold start to the first shown window, and memory, of the desktop app (offscreen).

Runs ``python -m composer`` in fresh subprocesses (user data in a temporary directory) with
``COMPOSER_STARTUP_T0`` (the app prints the time to its first shown window and its RSS) and
``COMPOSER_SMOKE_QUIT_MS`` (it quits itself). Prints the figures; no pass/fail.

    python bench/bench_startup.py [--runs 5] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE = re.compile(r"startup: first-window ([\d.]+) rss-kb (\d+)")


def one_run(platform: str, example: Path | None) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=platform, COMPOSER_DATA_DIR=f"{tmp}/data",
                   COMPOSER_CONFIG_DIR=f"{tmp}/config", COMPOSER_SMOKE_QUIT_MS="300")
        args = [sys.executable, "-m", "composer"]
        if example is not None:
            args += ["open", str(example)]
        t0 = time.time()
        env["COMPOSER_STARTUP_T0"] = repr(t0)
        out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120,
                             check=False)
        total = time.time() - t0
        match = LINE.search(out.stderr)
        if out.returncode != 0 or match is None:
            raise SystemExit(f"run failed ({out.returncode}):\n{out.stderr}")
        return float(match.group(1)), total, int(match.group(2))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--platform", default="offscreen")
    args = p.parse_args()
    root = Path(__file__).resolve().parents[1]
    example = root / "tests" / "data" / "examples" / "ransomware-retailer.json"
    for label, path in (("empty new report", None), ("open FILE (to preview)", example)):
        runs = [one_run(args.platform, path) for _ in range(args.runs)]
        first = [r[0] for r in runs]
        total = [r[1] for r in runs]
        rss = [r[2] for r in runs]
        print(f"{label}: first window shown  median {statistics.median(first):.3f} s "
              f"(min {min(first):.3f}, max {max(first):.3f}); "
              f"whole process incl. {300} ms idle + exit  median {statistics.median(total):.3f} s; "
              f"RSS at first window  median {statistics.median(rss) / 1024:.1f} MB "
              f"(max {max(rss) / 1024:.1f} MB)   [{args.runs} runs, {args.platform}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
