"""Shared helpers of the bench scripts (benchmarks, not tests): medians, child processes with
the peak RSS of their whole process tree, a long synthetic report, and an isolated user dir."""

from __future__ import annotations

import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=timezone(timedelta(hours=8)))
LONG_FIELDS = ("systems", "description", "impact", "measures", "trend", "cause", "clues",
               "next_steps", "scene_preservation", "other")
PARAGRAPH = ("值班人员发现会员数据库服务器文件被加密，桌面出现勒索信。安全团队随即隔离受感染主机，"
             "核查备份完整性，并对域控制器、文件服务器和业务系统日志进行排查，"
             "初步判断攻击者通过暴露在互联网的远程桌面服务进入内网。Ransomware note: README.txt; "
             "IOC 203.0.113.7, sha256 e3b0c44298fc1c149afbf4c8996fb924。\n")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def long_report(base, pages: int):  # type: ignore[no-untyped-def]
    """``base`` with its Art. 7 text fields long enough for ``pages`` pages (or the nearest
    count above): ``m`` paragraphs spread over the fields, ``m`` searched for."""
    from composer.core.classify import classify
    from composer.render.fax import page_count
    from composer.render.pdf import render_report_pdf

    def with_paragraphs(m: int):  # type: ignore[no-untyped-def]
        per, extra = divmod(m, len(LONG_FIELDS))
        texts = {f: PARAGRAPH * (per + (i < extra)) or None for i, f in enumerate(LONG_FIELDS)}
        return dataclasses.replace(base, incident=dataclasses.replace(base.incident, **texts))

    counted: dict[int, int] = {}

    def count(m: int) -> int:
        if m not in counted:
            counted[m] = page_count(render_report_pdf(with_paragraphs(m), classify(base),
                                                      generated_at=WHEN))
        return counted[m]

    m = max(1, pages * 3)
    for _ in range(3):                      # pages grow about linearly with the text
        m = max(1, round(m * pages / count(m)))
    while m > 1 and count(m - 1) >= pages:
        m -= 1
    while count(m) < pages:
        m += 1
    return with_paragraphs(m)


def long_incident_file(pages: int, directory: Path) -> Path:
    """An incident file (JSON) of about ``pages`` report pages, written into ``directory``."""
    from composer.core.incident_io import dumps_report, load_report

    path = directory / f"long-{pages}.json"
    if not path.exists():
        report = long_report(load_report(EXAMPLES / "ransomware-retailer.json"), pages)
        path.write_text(dumps_report(report), encoding="utf-8")
    return path


def compile_bytecode() -> None:
    """An installed Composer has its .pyc files (pip compiles them); a checkout run with
    PYTHONDONTWRITEBYTECODE would compile every module at each start instead (≈ 70 ms of a
    render). Compile them once, as an install does, so the figure is the program's and not
    the compiler's."""
    import compileall

    compileall.compile_dir(str(ROOT / "composer"), quiet=1)


def accelerator() -> str:
    """Whether reportlab runs with its C accelerator (the "accel" extra, rl_accel)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"reportlab accelerator: rl_accel {version('rl_accel')}"
    except PackageNotFoundError:
        return ("reportlab accelerator: NOT installed (pip install 'reportlab[accel]'): "
                "reportlab runs its pure-Python fallbacks")


def user_env(tmp: str, **extra: str) -> dict[str, str]:
    """The environment of a child: offscreen Qt, user data in ``tmp``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOSER_DATA_DIR=f"{tmp}/data",
               COMPOSER_CONFIG_DIR=f"{tmp}/config")
    env.update(extra)
    return env


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read()
    except OSError:
        return b""


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, without a child caught between fork and exec (it still
    shares its parent's memory and command line; counting it would count the parent twice)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    kids = [int(c) for c in fh.read().split()]
                parent = _cmdline(p)
                todo += [k for k in kids if _cmdline(k) != parent]
        except OSError:
            pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclasses.dataclass
class Run:
    seconds: float
    peak_rss_mib: float      # sum of VmRSS over the process tree, sampled every 10 ms
    cpu_seconds: float       # user + system time of the whole tree (waited-for descendants)
    returncode: int
    stdout: str
    stderr: str


def run(args: Sequence[str], env: dict[str, str] | None = None, timeout: float = 300,
        cwd: str | None = None) -> Run:
    """Run a child to completion: wall time and the peak RSS of its whole process tree."""
    import resource

    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(list(args), env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss_kb(p) for p in _tree(proc.pid)))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, peak / 1024, cpu, proc.returncode, out, err)


def check(r: Run, what: str) -> Run:
    if r.returncode != 0:
        raise SystemExit(f"{what} failed ({r.returncode}):\n{r.stderr[-3000:]}")
    return r


def tempdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="composer-bench-")


PY = sys.executable
