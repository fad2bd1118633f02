"""Command-line channels and records (CONTRACT.md "Channels and records").

``composer script FILE``, ``composer calendar FILE --out ICS``, ``composer log verify``,
``composer log export --out PDF``, ``composer log ledger --out FILE.xlsx [--year YYYY]
[--drills]`` (the 台账), ``composer log drill --out FILE.pdf`` (the drill report).
:func:`add_commands` registers them on the main parser; :data:`HANDLERS` maps each command to
its function. Exit status: 0 success, 2 invalid input, 1 anything else (``log verify``: the
record does not hold; each problem names its record).

``log`` opens the database read-only (SQLite ``mode=ro``): they write
nothing, change no file mode and create no journal; the database stays byte for byte as it was.
A damaged row is a broken record, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.core.model import Report

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def add_commands(sub: Any) -> None:
    s = sub.add_parser("script", help="print the 12387 hotline phone script (UTF-8 text)")
    s.add_argument("file", metavar="FILE", help="incident file, or - for standard input")
    c = sub.add_parser("calendar", help="write what is still owed (补报, 续报, the 30-day "
                                        "summary) as an RFC 5545 calendar with reminders")
    c.add_argument("file", metavar="FILE", help="incident file, or - for standard input")
    c.add_argument("--out", required=True, metavar="ICS", type=Path)
    log = sub.add_parser("log", help="the sending record: verify it, or export it as a PDF")
    actions = log.add_subparsers(dest="log_command", metavar="ACTION", required=True)
    actions.add_parser("verify", help="check the hash chain and the stored packages")
    e = actions.add_parser("export", help="write the 报送记录 as a PDF")
    e.add_argument("--out", required=True, metavar="PDF", type=Path)
    g = actions.add_parser("ledger", help="write the 台账 (one row per report sent) as .xlsx")
    g.add_argument("--out", required=True, metavar="FILE.xlsx", type=Path)
    g.add_argument("--year", type=int, metavar="YYYY",
                   help="only the reports sent in this year (China time)")
    g.add_argument("--drills", action="store_true",
                   help="include drill sendings (演练), marked; never counted as reports")
    d = actions.add_parser("drill", help="write the drill report (演练用时) as a PDF")
    d.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)


def _load(name: str) -> tuple[Report, bytes] | int:
    """``(report, source)`` with the report's text cleaned (the one text hygiene of every
    output, :mod:`composer.core.hygiene`; one ``warning:`` line per field it changed), or an
    exit status."""
    from composer.cli_input import load
    from composer.core.hygiene import clean_report
    from composer.render.checks import hygiene_warnings

    loaded = load(name)
    if isinstance(loaded, int):
        return loaded
    report, findings = clean_report(loaded[0])
    for warning in hygiene_warnings(findings):
        print(f"warning: {warning}", file=sys.stderr)
    return report, loaded[1]


def cmd_script(args: argparse.Namespace) -> int:
    from composer.core.classify import classify
    from composer.render.script import build_script, script_text

    loaded = _load(args.file)
    if isinstance(loaded, int):
        return loaded
    report, _ = loaded
    sys.stdout.write(script_text(build_script(report, classify(report))))
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace) -> int:
    """The report in FILE is taken as sent: the calendar lists what is owed after it."""
    from composer.core.classify import classify
    from composer.core.obligations import CHINA_TZ
    from composer.core.owed import owed
    from composer.render.ics import calendar_ics

    loaded = _load(args.file)
    if isinstance(loaded, int):
        return loaded
    report, _ = loaded
    items = owed(report, classify(report), {report.report_type})
    if not items:
        print(f"{args.file}: nothing is owed after this report (a summary report, or a "
              "general incident)", file=sys.stderr)
    return _write(args.out, calendar_ics(report, items,
                                         now=datetime.now(CHINA_TZ).replace(microsecond=0)))


def _read_log(path: Path) -> tuple[Any, Any] | str:
    """(records and profile, verification) of the database at ``path``, opened read-only; or
    why it cannot be read. Without a database: no records — unless an anchor says there were."""
    import sqlite3

    from composer.core import records
    from composer.core.record_verify import (
        RecordLog,
        Verification,
        open_read_only,
        read_log,
        verify,
    )

    if not path.exists():
        try:
            anchor = records.read_anchor(path)
        except ValueError as exc:
            return RecordLog((), None), Verification(0, (f"record anchor: {exc}",), None,
                                                     records.GENESIS)
        problems: tuple[str, ...] = () if anchor is None or anchor.seq == 0 else (
            (f"record 1 is missing: the database {path} is gone, but the anchor names record "
             f"{anchor.seq}"),)
        return RecordLog((), None), Verification(0, problems, 1 if problems else None,
                                                 records.GENESIS)
    try:
        db = open_read_only(path)
    except sqlite3.Error as exc:
        return f"cannot open the database {path}: {exc}"
    try:
        result = verify(db, path.parent, path)
        log = read_log(db)
    except sqlite3.Error as exc:
        return f"cannot read the database {path}: {exc}"
    finally:
        db.close()
    return log, result


def _write(out: Path, data: bytes, *lines: str) -> int:
    """Write ``data`` to ``out`` (atomically; a folder, device, FIFO or link refused: exit 2)
    and print ``out`` and ``lines``."""
    from composer.core.atomic import UnsafeOutput, write_output

    try:
        write_output(out, data)
    except UnsafeOutput as exc:
        print(f"{out}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        print(f"{out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(out)
    for line in lines:
        print(line)
    return EXIT_OK


def cmd_ledger(args: argparse.Namespace, path: Path, log: Any, result: Any) -> int:
    """``log ledger``: the 台账 workbook of the record (see composer.core.ledger)."""
    from composer.core.ledger import ledger_rows
    from composer.core.obligations import CHINA_TZ
    from composer.render.ledger_xlsx import ledger_xlsx

    if args.year is not None and not 2000 <= args.year <= 2100:
        print(f"--year: must be a year from 2000 to 2100, got {args.year}", file=sys.stderr)
        return EXIT_INVALID
    rows = ledger_rows(log.records(), path.parent, year=args.year, drills=args.drills)
    unit = " ".join(str((log.load_profile() or {}).get("name") or "").split())
    data = ledger_xlsx(rows, year=args.year, unit=unit, verification=result,
                       generated_at=datetime.now(CHINA_TZ).replace(microsecond=0))
    status = _write(args.out, data, f"{len(rows)} report(s) sent"
                    + (f" in {args.year}" if args.year is not None else "")
                    + (", drills included" if args.drills else ""))
    if status == EXIT_OK and not result.ok:
        print(f"warning: the sending record does not hold ({len(result.problems)} "
              "problem(s)): run composer log verify", file=sys.stderr)
    return status


def cmd_drill(args: argparse.Namespace, path: Path, log: Any) -> int:
    """``log drill``: the drill report (see composer.core.drill_timings)."""
    import sqlite3

    from composer.core.drill_timings import read_drills
    from composer.core.obligations import CHINA_TZ
    from composer.core.record_verify import open_read_only
    from composer.render.drill_report_pdf import drill_report_pdf

    drills = []
    if path.exists():
        try:
            db = open_read_only(path)
            try:
                drills = read_drills(db)
            finally:
                db.close()
        except sqlite3.Error as exc:
            print(f"cannot read the database {path}: {exc}", file=sys.stderr)
            return EXIT_ERROR
    unit = " ".join(str((log.load_profile() or {}).get("name") or "").split())
    pdf = drill_report_pdf(drills, unit=unit,
                           generated_at=datetime.now(CHINA_TZ).replace(microsecond=0))
    return _write(args.out, pdf, f"{len(drills)} drill(s)")


def cmd_log(args: argparse.Namespace) -> int:
    from composer.core import paths

    path = paths.database_path()
    loaded = _read_log(path)
    if isinstance(loaded, str):
        print(loaded, file=sys.stderr)
        return EXIT_ERROR
    log, result = loaded
    if args.log_command == "verify":
        if not path.exists() and result.ok:
            print("no sending recorded yet (no database)")
            return EXIT_OK
        if result.ok:
            print(f"ok: {result.checked} records, chain intact, stored packages unchanged; "
                  f"head {result.head}")
            return EXIT_OK
        print(f"broken: first broken record {result.first_broken}"
              if result.first_broken is not None else
              f"broken: {len(result.problems)} problem(s)", file=sys.stderr)
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    if args.log_command == "ledger":
        return cmd_ledger(args, path, log, result)
    if args.log_command == "drill":
        return cmd_drill(args, path, log)
    from composer.core.obligations import CHINA_TZ
    from composer.render.record_pdf import record_pdf

    pdf = record_pdf(log, result, generated_at=datetime.now(CHINA_TZ).replace(microsecond=0))
    status = _write(args.out, pdf, f"head {result.head} ({result.checked} records, "
                                   f"{'chain intact' if result.ok else 'chain broken'})")
    if status != EXIT_OK:
        return status
    if not result.ok:     # the PDF says so too; composer log verify names every problem
        print(f"warning: the sending record does not hold ({len(result.problems)} "
              "problem(s)): run composer log verify", file=sys.stderr)
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "script": cmd_script, "calendar": cmd_calendar, "log": cmd_log}
