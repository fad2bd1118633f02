"""Cold and warm package figures against LibreOffice and a bare reportlab script (issue 14
goals 2 and 3, issue 11 item 9). A benchmark, not a test: prints figures and ratios.

Cold (fresh processes, alternating in rounds so all see the same machine load), for a
7-page report (the ransomware example with longer texts, ``--cold-pages``):

* ``composer render FILE`` — the whole package (report.pdf, message.eml, fax cover/PDF/TIFF),
  as a user runs it: the data folder's caches (parsed fonts, ``<data dir>/cache/fonts``,
  :mod:`composer.render.font_cache`; compiled templates, ``<data dir>/cache/templates``) are
  warm — the warm-up run filled them;
* the same with an empty data folder (a fresh one each run: every face is parsed, every
  template compiled and the caches written, as on the very first render after installing);
* ``composer render FILE --only pdf`` (and ``--only eml``, ``--only fax``);
* LibreOffice (``soffice --headless --convert-to pdf``) converting the same text — the text
  layer of the report PDF — to a PDF, with an existing user profile (skipped with a message
  where LibreOffice is absent);
* a bare reportlab script drawing the same text with the bundled font (the floor).

Long report: ``composer render`` of a ~200-page report (whole package): wall time and the peak
RSS of the whole process tree (sampled every 10 ms; fax pages are rasterised in worker
processes).

Warm (in this process, after a first render): the report PDF per page.

Composer's modules are byte-compiled first, as an install has them (this shell's
``PYTHONDONTWRITEBYTECODE`` would otherwise make every run compile every module, ≈ 70 ms).

    python bench/bench_package.py [--rounds 5] [--pages 200] [--no-long]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from _common import (
    PY,
    ROOT,
    WHEN,
    Run,
    accelerator,
    check,
    compile_bytecode,
    long_incident_file,
    median,
    run,
    tempdir,
)

BARE_REPORTLAB = r"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
font, text, out = sys.argv[1:4]
pdfmetrics.registerFont(TTFont("S", font))
c = Canvas(out, pagesize=A4)
w, h = A4
y = h - 72
for para in open(text, encoding="utf-8").read().splitlines():
    while True:
        line, para = para[:36], para[36:]
        if y < 72:
            c.showPage()
            y = h - 72
        c.setFont("S", 12)
        c.drawString(72, y, line)
        y -= 18
        if not para:
            break
c.save()
"""


def report_text(example: Path, directory: Path) -> Path:
    """The text layer of the report PDF of ``example``, as a UTF-8 .txt file."""
    import pypdfium2 as pdfium

    from composer.core.classify import classify
    from composer.core.incident_io import load_report
    from composer.render.pdf import render_report_pdf

    report = load_report(example)
    pdf = render_report_pdf(report, classify(report), generated_at=WHEN)
    doc = pdfium.PdfDocument(pdf)
    parts = []
    for page in doc:
        tp = page.get_textpage()
        parts.append(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    path = directory / "report.txt"
    path.write_text("\n".join(parts).replace("\r\n", "\n"), encoding="utf-8")
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--pages", type=int, default=200)
    p.add_argument("--cold-pages", type=int, default=7)
    p.add_argument("--no-long", action="store_true")
    args = p.parse_args()
    compile_bytecode()
    font = ROOT / "resources" / "fonts" / "ComposerSansSC-Regular.ttf"
    office = soffice()
    with tempdir() as tmp_name:
        tmp = Path(tmp_name)
        example = long_incident_file(args.cold_pages, tmp)
        text = report_text(example, tmp)
        env = dict(os.environ, COMPOSER_DATA_DIR=f"{tmp}/data", COMPOSER_CONFIG_DIR=f"{tmp}/c")
        n = 0

        def composer(*extra: str) -> Run:
            nonlocal n
            n += 1
            return check(run([PY, "-m", "composer", "render", str(example), "--out",
                              str(tmp / f"out{n}"), *extra], env=env), "composer render")

        def libreoffice() -> Run:
            nonlocal n
            n += 1
            return check(run([office, "--headless", f"-env:UserInstallation=file://{tmp}/lo",
                              "--convert-to", "pdf", "--outdir", str(tmp / f"lo{n}"),
                              str(text)], env=env, timeout=600), "soffice")

        def bare() -> Run:
            nonlocal n
            n += 1
            return check(run([PY, "-c", BARE_REPORTLAB, str(font), str(text),
                              str(tmp / f"bare{n}.pdf")], env=env), "bare reportlab")

        def composer_env(extra_env: dict[str, str], *extra: str) -> Run:
            nonlocal n
            n += 1
            return check(run([PY, "-m", "composer", "render", str(example), "--out",
                              str(tmp / f"out{n}"), *extra], env={**env, **extra_env}),
                         "composer render")

        def empty_cache() -> Run:
            nonlocal n
            n += 1
            return composer_env({"COMPOSER_DATA_DIR": f"{tmp}/fresh{n}"})

        cases = {"composer render (whole package)": composer,
                 "  ... empty data folder (no caches)": empty_cache,
                 "composer render --only pdf": lambda: composer("--only", "pdf"),
                 "composer render --only eml": lambda: composer("--only", "eml"),
                 "composer render --only fax": lambda: composer("--only", "fax"),
                 "bare reportlab script (same text)": bare}
        if office:
            cases["LibreOffice --convert-to pdf"] = libreoffice
        for fn in cases.values():            # warm-up (page cache, LibreOffice profile)
            fn()
        runs: dict[str, list[Run]] = {k: [] for k in cases}
        for _ in range(args.rounds):
            for k, fn in cases.items():
                runs[k].append(fn())
        med = {k: median([r.seconds for r in v]) for k, v in runs.items()}
        cpu = {k: median([r.cpu_seconds for r in v]) for k, v in runs.items()}
        pages = _pages(tmp / "out1" / "report.pdf")
        print(f"# cold, {pages}-page report; median of {args.rounds} rounds "
              f"(load average {os.getloadavg()[0]:.1f})")
        ref_name = "LibreOffice --convert-to pdf" if office else "bare reportlab script (same text)"
        if not office:
            print("LibreOffice is not installed (apt-get install libreoffice-writer-nogui): "
                  "ratios are against the bare reportlab floor instead")
        ref, ref_cpu = med[ref_name], cpu[ref_name]
        who = "LibreOffice" if office else "floor"
        print(f"  {'':<38}{'wall':>9} {'ratio':>7}   {'CPU':>7} {'ratio':>7}")
        for k, v in med.items():
            print(f"  {k:<38}{v:7.3f} s {v / ref:6.2f}x   {cpu[k]:5.3f} s {cpu[k] / ref_cpu:6.2f}x")
        print(f"  (ratios against {who}; CPU = user + system of the whole process tree)")
        from composer.render import font_cache

        if not font_cache._constructor_known():
            print("  NOTE: this reportlab's TTFont constructor is not the one the font cache "
                  "rebuilds: the cache is off, every run parses the fonts")
        print(f"  caches warm except in 'empty data folder' ({os.cpu_count()} CPUs, load "
              f"average {os.getloadavg()[0]:.1f})")
        print(f"  {accelerator()}")
        if office:
            print("  goal: whole package <= 0.5x LibreOffice's PDF-alone time")
        _warm(example)
        if not args.no_long:
            long_file = long_incident_file(args.pages, tmp)
            composer_long = [check(run([PY, "-m", "composer", "render", str(long_file),
                                        "--out", str(tmp / f"long{i}")], env=env),
                                   "composer render (long)") for i in range(3)]
            got = _pages(tmp / "long0" / "report.pdf")
            t = median([r.seconds for r in composer_long])
            cpu = median([r.cpu_seconds for r in composer_long])
            mem = max(r.peak_rss_mib for r in composer_long) * 2**20 / 1e6
            print(f"# long report: {got} pages, whole package, cold, median of 3 "
                  f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
            print(f"  composer render: {t:.2f} s wall ({t / 3:.2f}x the 3 s goal), "
                  f"{cpu:.2f} CPU-s in all processes; peak RSS of the process tree "
                  f"{mem:.0f} MB ({mem / 250:.2f}x the 250 MB goal)")
    return 0


def _pages(pdf: Path) -> int:
    from composer.render.fax import page_count

    return page_count(pdf.read_bytes())


def _warm(example: Path) -> None:
    from composer.core.classify import classify
    from composer.core.incident_io import load_report
    from composer.render.pdf import render_report_pdf

    report = load_report(example)
    c = classify(report)
    pdf = render_report_pdf(report, c, generated_at=WHEN)   # first: imports, fonts
    runs, cpus = [], []
    for _ in range(10):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render_report_pdf(report, c, generated_at=WHEN)
        runs.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    pages = _pages_bytes(pdf)
    t, cpu = median(runs) / pages * 1000, median(cpus) / pages * 1000
    print(f"# warm in-app report PDF ({pages} pages, median of 10): {t:.1f} ms a page wall "
          f"({t / 10:.2f}x the 10 ms goal), {cpu:.1f} ms a page CPU ({cpu / 10:.2f}x)")


def _pages_bytes(pdf: bytes) -> int:
    from composer.render.fax import page_count

    return page_count(pdf)


if __name__ == "__main__":
    sys.exit(main())
