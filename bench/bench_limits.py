"""The worst valid input renders in bounded time (issue 20 point 4): a benchmark, not a test.

Renders whole packages (``composer render FILE``, fresh processes, warm caches) of incident
files at the input limits and prints wall time, CPU time (user + system of the whole process
tree: the fax workers too; steadier than wall time on a shared machine), pages and peak RSS of
the process tree:

* every long text (16) at its worst shape: ``LINES_MAX`` lines sharing ``TEXT_MAX`` characters
  (each line wraps; every line break starts a paragraph);
* every long text at ``TEXT_MAX`` characters in one paragraph;
* the issue's 480 KB file (16 texts of 10,000 one-character lines) — refused now (exit 2).

Goal: any valid input renders in ≤ 10 s on the 2-core reference machine.

    python bench/bench_limits.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from _common import EXAMPLES, PY, accelerator, compile_bytecode, median, run, tempdir

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from composer.core.validators import LINES_MAX, TEXT_MAX

LONG_TEXTS = ("systems", "location", "description", "impact", "measures", "trend", "cause",
              "clues", "next_steps", "support_requested", "scene_preservation", "other",
              "accountability", "remediation", "lessons", "delay_reason")


def incident(lines: int, width: int, char: str) -> str:
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    for key in LONG_TEXTS:
        data["incident"][key] = "\n".join([char * width] * lines)
    return json.dumps(data, ensure_ascii=False)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    compile_bytecode()
    cases = {
        f"16 texts x {LINES_MAX} lines x {TEXT_MAX // LINES_MAX - 1} chars (worst shape)":
            incident(LINES_MAX, TEXT_MAX // LINES_MAX - 1, "字"),
        f"16 texts x 1 paragraph of {TEXT_MAX:,} chars": incident(1, TEXT_MAX, "字"),
        "the issue's 480 KB file (16 x 10,000 lines)": incident(10_000, 1, "a"),
    }
    with tempdir() as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, COMPOSER_DATA_DIR=f"{tmp}/data", COMPOSER_CONFIG_DIR=f"{tmp}/c",
                   SOURCE_DATE_EPOCH="1795000000")
        print(f"# whole package, median of {args.rounds} (load average "
              f"{os.getloadavg()[0]:.1f})")
        n = 0
        for label, text in cases.items():
            path = tmp / f"case{n}.json"
            path.write_text(text, encoding="utf-8")
            times, cpus, rss, code, pages = [], [], [], 0, "-"
            for _ in range(args.rounds + 1):          # the first one warms the caches
                n += 1
                out = tmp / f"out{n}"
                got = run([PY, "-m", "composer", "render", str(path), "--out", str(out)],
                          env=env, timeout=600)
                code = got.returncode
                times.append(got.seconds)
                cpus.append(got.cpu_seconds)
                rss.append(got.peak_rss_mib)
                if code == 0:
                    pages = json.loads((out / "manifest.json").read_text())["fax"]["pages"]
            print(f"  {label:<58} exit {code}  {median(times[1:]):6.2f} s  "
                  f"(CPU {median(cpus[1:]):5.2f} s)  fax pages {pages}"
                  f"  peak RSS {max(rss):.0f} MiB  ({len(text.encode()) / 1024:,.0f} KB)")
    print(f"  {accelerator()}")
    print("  goal: every valid input <= 10 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
