"""Render timings, sizes and peak memory of every output channel (a benchmark, not a test).

    .venv/bin/python bench/bench_render.py [--pages 200] [--only-long] [--long-paragraph]

For each example in tests/data/examples and for a synthetic long report (long text fields,
about --pages pages), prints the time of each output (report PDF, e-mail, fax cover, fax PDF,
fax TIFF G3 and G4), the whole package (build_package and write_package), the file sizes, the
tracemalloc peak of one whole build, and the process's ru_maxrss. ``--long-paragraph`` also
times one paragraph of 60,000 characters spread over many pages (the line breaker's worst case;
it once grew quadratically).
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.core.model import Report
from composer.render import fax, fax_cover, fonts
from composer.render.email import render_eml
from composer.render.package import build_package, write_package
from composer.render.pdf import render_report_pdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "examples"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=timezone(timedelta(hours=8)))
LONG_FIELDS = ("systems", "description", "impact", "measures", "trend", "cause", "clues",
               "next_steps", "scene_preservation", "other")
PARAGRAPH = ("值班人员发现会员数据库服务器文件被加密，桌面出现勒索信。安全团队随即隔离受感染主机，"
             "核查备份完整性，并对域控制器、文件服务器和业务系统日志进行排查，"
             "初步判断攻击者通过暴露在互联网的远程桌面服务进入内网。Ransomware note: README.txt; "
             "IOC 203.0.113.7, sha256 e3b0c44298fc1c149afbf4c8996fb924。\n")


def _timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def long_report(base: Report, pages: int) -> Report:
    """``base`` with every Art. 7 text field long enough for about ``pages`` pages."""
    def with_paragraphs(n: int) -> Report:
        text = PARAGRAPH * n
        return dataclasses.replace(base, incident=dataclasses.replace(
            base.incident, **dict.fromkeys(LONG_FIELDS, text)))

    def count(n: int) -> int:
        return fax.page_count(render_report_pdf(with_paragraphs(n), classify(base),
                                                generated_at=WHEN))

    n = 20
    for _ in range(3):                      # pages grow about linearly with the text
        got = count(n)
        if got >= pages:
            break
        n = max(n + 1, round(n * pages / got * 1.02))
    return with_paragraphs(n)


def bench(name: str, report: Report, repeat: int) -> None:
    c = classify(report)
    t_pdf, pdf = _timed(lambda: render_report_pdf(report, c, generated_at=WHEN), repeat)
    pages = fax.page_count(pdf)
    t_eml, eml = _timed(lambda: render_eml(report, c, pdf, generated_at=WHEN), repeat)
    t_cover, cover = _timed(lambda: fax_cover.render_cover_pdf(report, c, report_pages=pages,
                                                         generated_at=WHEN), repeat)
    t_faxpdf, both = _timed(lambda: fax.fax_pdf(cover, pdf, created=WHEN), repeat)
    t_g3, g3 = _timed(lambda: fax.fax_tiff(both, compression="group3"), repeat)
    t_g4, g4 = _timed(lambda: fax.fax_tiff(both, compression="group4"), 1)
    t_build, files = _timed(lambda: build_package(report, generated_at=WHEN), 1)
    with tempfile.TemporaryDirectory() as tmp:
        t_write, _ = _timed(lambda: write_package(report, Path(tmp) / "out",
                                                  generated_at=WHEN), 1)
    tracemalloc.start()
    build_package(report, generated_at=WHEN)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n## {name}: report {pages} pages, fax {pages + 1} pages")
    print(f"  {'output':<22}{'time':>10}{'size':>14}")
    rows = [("report.pdf", t_pdf, len(pdf)), ("message.eml", t_eml, len(eml)),
            ("fax/cover.pdf", t_cover, len(cover)), ("fax/fax.pdf", t_faxpdf, len(both)),
            ("fax/fax.tif (G3)", t_g3, len(g3)), ("fax/fax.tif (G4)", t_g4, len(g4)),
            ("build_package (all)", t_build, sum(len(v) for v in files.values())),
            ("write_package (all)", t_write, None)]
    for label, t, size in rows:
        size_text = f"{size / 1024:,.0f} KiB" if size is not None else ""
        print(f"  {label:<22}{t * 1000:>8.0f} ms{size_text:>14}")
    print(f"  per fax page (G3):    {t_g3 / (pages + 1) * 1000:.0f} ms, "
          f"{len(g3) / (pages + 1) / 1024:.1f} KiB")
    print(f"  tracemalloc peak (build_package): {peak / 2**20:.1f} MiB")
    print(f"  ru_maxrss so far: {_maxrss_mib():.0f} MiB")


def _maxrss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200, help="pages of the long report")
    ap.add_argument("--repeat", type=int, default=3, help="best of N for the small examples")
    ap.add_argument("--only-long", action="store_true")
    ap.add_argument("--long-paragraph", action="store_true",
                    help="also time one 60,000-character paragraph")
    args = ap.parse_args()
    t_fonts, _ = _timed(fonts.register)
    print(f"font registration: {t_fonts * 1000:.0f} ms (once per process)")
    examples = sorted(EXAMPLES.glob("*.json"))
    examples = [p for p in examples if p.name != "expected.json"]
    if not args.only_long:
        for path in examples:
            bench(path.stem, load_report(path), args.repeat)
    base = load_report(EXAMPLES / "ransomware-retailer.json")
    bench(f"long report (~{args.pages} pages)", long_report(base, args.pages), 1)
    if args.long_paragraph:
        text = "数据库服务器被加密，攻击者要求支付赎金。" * 3000 + "终"
        one = dataclasses.replace(base, incident=dataclasses.replace(base.incident,
                                                                     description=text))
        t, pdf = _timed(lambda: render_report_pdf(one, classify(one), generated_at=WHEN))
        print(f"\none paragraph of {len(text):,} characters: {fax.page_count(pdf)} pages, "
              f"{t:.2f} s")
    print(f"\nru_maxrss at exit: {_maxrss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
