"""kill -9 cycles of the real app: nothing committed is ever lost, no edit older than 1.5 s.

Each cycle starts the app (offscreen) through ``bench/kill_driver.py`` on one user data
directory, lets the driver edit through real widgets (line edits typed by input-method commit
events, a combo box) for a random time, kills it with SIGKILL at a random moment, and reads
the database:

* **committed-draft losses** — a draft that was in the database before the cycle and is now
  missing, changed (other than the one being edited) or older than before; plus any
  ``PRAGMA integrity_check`` failure;
* **lost edits** — the database holds the draft after the first k edits of the cycle (a save
  writes the whole draft, so what survives is a prefix of the edits); edits k+1…n are lost.
  The age of a lost edit is the kill time minus the time the widget took it. The figure that
  matters is the *oldest* lost edit of a cycle (every newer edit is lost with it): it must not
  be older than 1.5 s. The newest lost edit's age is printed too.

The next start offers the crashed session's draft back; the driver accepts (restores) it and
keeps editing it, so the recovery path is part of every cycle.

    python bench/kill_cycles.py [--cycles 50] [--seed 1] [--kill-after 0.3 6.0]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DRIVER = Path(__file__).resolve().parent / "kill_driver.py"
LIMIT_S = 1.5


def read_drafts(db: Path) -> tuple[dict[int, dict[str, Any]], str]:
    """{id: draft JSON} and the integrity check result ('' if there is no database yet)."""
    if not db.exists():
        return {}, ""
    con = sqlite3.connect(db)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rows = con.execute("SELECT id, body FROM drafts").fetchall() if "drafts" in have else []
    finally:
        con.close()
    return {int(i): json.loads(body) for i, body in rows}, integrity


def get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def run_cycle(n: int, data_dir: Path, rng: random.Random, kill_after: tuple[float, float],
              env: dict[str, str]) -> dict[str, Any]:
    db = data_dir / "composer.sqlite3"
    before, _ = read_drafts(db)
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(n), "1" if n % 5 == 0 else "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=ROOT)
    lines: list[dict[str, Any]] = []
    ready = threading.Event()

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                item = json.loads(line)
            except ValueError:
                continue
            lines.append(item)
            if item.get("event") == "ready":
                ready.set()
        ready.set()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    if not ready.wait(60):
        proc.kill()
        raise RuntimeError(f"cycle {n}: the app did not start")
    time.sleep(rng.uniform(*kill_after))
    os.kill(proc.pid, signal.SIGKILL)
    killed_at = time.time()
    proc.wait()
    thread.join(10)
    assert proc.stdout is not None
    proc.stdout.close()
    after, integrity = read_drafts(db)

    edits = [x for x in lines if "seq" in x]
    ready_line = next(x for x in lines if x.get("event") == "ready")
    ids = [x["draft"] for x in edits if x["draft"] is not None] + (
        [ready_line["draft"]] if ready_line["draft"] is not None else [])
    new_ids = sorted(set(after) - set(before))
    edited = ids[-1] if ids else (new_ids[-1] if new_ids else None)
    losses: list[str] = []
    if integrity not in ("", "ok"):
        losses.append(f"integrity_check: {integrity}")
    for draft_id, body in before.items():
        if draft_id not in after:
            losses.append(f"draft #{draft_id} vanished")
        elif draft_id != edited and after[draft_id]["data"] != body["data"]:
            losses.append(f"draft #{draft_id} changed without being edited")

    # Which prefix of the edits did the database keep?
    base = before.get(edited, {"data": {}})["data"] if edited is not None else {}
    stored = after.get(edited, {"data": None})["data"] if edited is not None else None
    paths = sorted({x["path"] for x in edits})
    state = {p: get(base, p) for p in paths}
    prefixes = []
    for k in range(len(edits) + 1):
        if k:
            state[edits[k - 1]["path"]] = edits[k - 1]["value"]
        if stored is not None and all(get(stored, p) == state[p] for p in paths):
            prefixes.append(k)
        elif stored is None and k == 0:
            prefixes.append(0)                # never stored: a new draft, nothing saved yet
    if not prefixes:
        losses.append(f"draft #{edited} holds no state the edits passed through")
    kept = max(prefixes) if prefixes else 0
    lost = edits[kept:]
    return {
        "cycle": n, "edits": len(edits), "lost": len(lost), "losses": losses,
        "oldest_lost_age": killed_at - lost[0]["t"] if lost else None,
        "newest_lost_age": killed_at - lost[-1]["t"] if lost else None,
        "recovered": any(x.get("event") == "recovered" for x in lines),
        "drafts": len(after),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cycles", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kill-after", type=float, nargs=2, default=(0.3, 6.0),
                    metavar=("MIN", "MAX"), help="seconds after the window is ready")
    ap.add_argument("--keep", action="store_true", help="keep the data directory")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="composer-kill-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOSER_DATA_DIR=str(tmp / "data"),
               COMPOSER_CONFIG_DIR=str(tmp / "config"),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    results = []
    for n in range(1, args.cycles + 1):
        r = run_cycle(n, tmp / "data", rng, tuple(args.kill_after), env)
        results.append(r)
        age = "-" if r["oldest_lost_age"] is None else f"{r['oldest_lost_age']:.3f}s"
        print(f"cycle {n:3d}: {r['edits']:3d} edits, {r['lost']:2d} lost (oldest {age}), "
              f"{'recovered, ' if r['recovered'] else ''}{r['drafts']} drafts"
              + (f"  LOSS: {'; '.join(r['losses'])}" if r["losses"] else ""), flush=True)
    oldest = [r["oldest_lost_age"] for r in results if r["oldest_lost_age"] is not None]
    newest = [r["newest_lost_age"] for r in results if r["newest_lost_age"] is not None]
    committed = sum(len(r["losses"]) for r in results)
    over = [a for a in oldest if a > LIMIT_S]
    print()
    print(f"cycles: {len(results)}   edits: {sum(r['edits'] for r in results)}   "
          f"lost edits: {sum(r['lost'] for r in results)} (in {len(oldest)} cycles)   "
          f"recoveries accepted: {sum(r['recovered'] for r in results)}")
    print(f"committed-draft losses: {committed}")
    if oldest:
        print(f"age of the oldest lost edit per cycle: max {max(oldest):.3f} s, "
              f"median {statistics.median(oldest):.3f} s; cycles over {LIMIT_S} s: {len(over)}")
        print(f"age of the newest lost edit per cycle: max {max(newest):.3f} s, "
              f"median {statistics.median(newest):.3f} s")
    else:
        print("no edit was lost")
    if args.keep:
        print(f"data kept in {tmp}")
    else:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if committed == 0 and not over else 1


if __name__ == "__main__":
    sys.exit(main())
