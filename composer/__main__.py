"""Entry point: no arguments start the desktop app; subcommands run the same core from scripts.

Exit status: 0 success, 2 invalid input (nothing written), 1 anything else.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from composer import __version__
from composer.cli_input import load as _load

if TYPE_CHECKING:   # the app starts without the command-line machinery (issue 14)
    import argparse
    from collections.abc import Callable

    from composer.core.model import Report

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
OUTPUTS = ("pdf", "eml", "fax")
OPTIONAL_OUTPUTS = ("script",)   # written only when --only names them


CORE_COMMANDS = ("open", "validate", "classify", "render", "doctor")
"""The commands defined here; the record commands are in :mod:`composer.cli_records`."""


def _parser(records: bool = True) -> argparse.ArgumentParser:
    """The command line; without ``records``, the record commands are left out (a core command
    parses the same without them, and building their parsers is most of the parser's cost)."""
    import argparse

    p = argparse.ArgumentParser(
        prog="composer",
        description="Composer: grade a cybersecurity incident and compose its report package. "
                    "Without a command, the desktop app starts.")
    p.add_argument("--version", action="version", version=f"composer {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    o = sub.add_parser("open", help="start the app with an incident file loaded")
    o.add_argument("file", metavar="FILE")
    v = sub.add_parser("validate", help="check an incident file")
    v.add_argument("file", metavar="FILE", help="incident file, or - for standard input")
    c = sub.add_parser("classify", help="grade the incident and list the obligations as JSON")
    c.add_argument("file", metavar="FILE", help="incident file, or - for standard input")
    r = sub.add_parser("render", help="write the submission package into DIR")
    r.add_argument("file", metavar="FILE", help="incident file, or - for standard input")
    r.add_argument("--out", required=True, metavar="DIR", type=Path)
    r.add_argument("--only", metavar="pdf,eml,fax", default=",".join(OUTPUTS),
                   help="comma-separated subset of pdf, eml, fax, script (default: pdf, eml "
                        "and fax)")
    r.add_argument("--force", action="store_true", help="replace a non-empty DIR")
    r.add_argument("--to", action="append", default=[], metavar="ADDR",
                   help="also address the e-mail draft to ADDR (repeatable or comma-separated; "
                        "the national intake's address is always the first recipient; a "
                        "drill's draft goes to its drill_to and ADDR only, never the intake)")
    r.add_argument("--generated-at", metavar="TIME",
                   help="generation time printed on the report and used for every date in the "
                        "files (ISO 8601 with offset, e.g. 2026-11-18T15:30:00+08:00); "
                        "default: SOURCE_DATE_EPOCH if set, else now. Same input and time "
                        "give byte-identical files")
    d = sub.add_parser("doctor", help="check this workstation: Qt, fonts, folders, printers, mail")
    d.add_argument("--lang", choices=("zh", "en"), help="language of the report (default: the "
                   "app's language)")
    if records:
        from composer.cli_records import add_commands as add_record_commands

        add_record_commands(sub)  # script, calendar, log verify|export
    return p


def _print_warnings(report: Report) -> None:
    from composer.render.checks import report_warnings

    for warning in report_warnings(report):
        print(f"warning: {warning}", file=sys.stderr)


def _cmd_validate(args: argparse.Namespace) -> int:
    loaded = _load(args.file)
    if isinstance(loaded, int):
        return loaded
    report, _ = loaded
    _print_warnings(report)
    from composer.core.validators import LINE_MAX, printable

    print(f"valid: {printable(report.incident.title, LINE_MAX)}")
    return EXIT_OK


def _cmd_classify(args: argparse.Namespace) -> int:
    import json

    from composer.core.classify import classification_json, classify

    loaded = _load(args.file)
    if isinstance(loaded, int):
        return loaded
    report, _ = loaded
    json.dump(classification_json(classify(report), report.report_type), sys.stdout,
              ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    bad = [x for x in only if x not in OUTPUTS + OPTIONAL_OUTPUTS]
    if bad or not only:
        from composer.core.validators import shown

        print(f"--only: must be a comma-separated subset of "
              f"{', '.join(OUTPUTS + OPTIONAL_OUTPUTS)}, got "
              f"{shown(args.only)}", file=sys.stderr)
        return EXIT_INVALID
    from composer.render.email import parse_address_list
    from composer.render.package import PackageError, write_package
    from composer.render.timestamp import BadGenerationTime, generation_time

    try:
        generated_at = generation_time(args.generated_at)
    except BadGenerationTime as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID

    extra, invalid = parse_address_list(",".join(args.to))
    if invalid:
        from composer.core.addresses import address_problem
        from composer.core.validators import shown

        for item in invalid:
            print(f"--to: not a valid e-mail address: {shown(item)} "
                  f"({address_problem(item)})", file=sys.stderr)
        return EXIT_INVALID
    out_problem = _out_dir_problem(args.out)
    if out_problem is not None:
        print(f"{args.out}: {out_problem}", file=sys.stderr)
        return EXIT_INVALID
    loaded = _load(args.file)
    if isinstance(loaded, int):
        return loaded
    report, source = loaded
    if report.drill:
        from composer.core.drill import intake_problem

        refused = [a for a in extra if intake_problem(a)]
        for addr in refused:
            print(f"--to: {addr} {intake_problem(addr)}", file=sys.stderr)
        if refused:
            return EXIT_INVALID
    _print_warnings(report)
    report = _with_recorded_sendings(report)
    try:
        result = write_package(report, args.out, source=source, only=tuple(only),
                               force=args.force, extra_recipients=tuple(extra),
                               generated_at=generated_at)
    except PackageError as exc:
        print(f"{args.out}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for path in result.files:
        print(path)
    return EXIT_OK


def _with_recorded_sendings(report: Report) -> Report:
    """A summary report with its incident's recorded sendings, when the data folder's sending
    record holds the incident (its Art. 11 account: composer/core/record_match.py); else as
    it is (the report then says the table comes from the sending record)."""
    from composer.core.model import ReportType

    if report.report_type is not ReportType.SUMMARY:
        return report
    import dataclasses

    from composer.core import paths
    from composer.core.record_match import recorded_sendings

    database = paths.database_path()
    sendings = recorded_sendings(database, report)
    if sendings is None:
        return report
    print(f"note: the Art. 11 account lists {len(sendings)} recorded sending(s) of this "
          f"incident from {database}", file=sys.stderr)
    return dataclasses.replace(report, sendings=sendings)


def _out_dir_problem(out: Path) -> str | None:
    """Why ``--out DIR`` cannot name a package folder at all (an input error, exit 2)."""
    if "\x00" in str(out):
        return "contains a NUL character"
    absolute = Path(os.path.abspath(out))
    if absolute.parent == absolute or not absolute.name:
        return "is the root of the file system: name a folder for the package"
    return None


def _cmd_doctor(args: argparse.Namespace) -> int:
    from composer import doctor

    return doctor.main(args.lang)


def _open_problem(name: str) -> str | None:
    """Why ``composer open FILE`` cannot open FILE, said at once (before the app starts): not
    a regular file, or larger than the input limit. Problems of its content show in the app."""
    from composer.core.input_file import UnreadableInput, read_input
    from composer.core.validators import INPUT_MAX_BYTES, PATH_SHOWN, printable

    try:
        read_input(name, INPUT_MAX_BYTES)
    except UnreadableInput as exc:
        return f"{printable(name, PATH_SHOWN)}: {exc}"
    except OSError as exc:
        return f"{printable(name, PATH_SHOWN)}: cannot read: {exc.strerror or exc}"
    return None


def _start_gui(path: str | None) -> int:
    """The app; without a usable display, the diagnosis in Chinese and English (stderr and the
    data folder's startup-error.txt), never Qt's bare abort."""
    from composer import startup_failure

    if startup_failure.no_display():
        return startup_failure.report()
    # The Qt-free core the window uses is imported before PySide6: once PySide6 is loaded,
    # its import hook (for ``from __feature__ import …``) reads the source file of every
    # module imported after it — ≈ 15 ms of CPU before the first window for the core alone.
    import composer.core.duty_status
    import composer.core.flow
    import composer.core.statement
    import composer.core.storage
    import composer.core.store.damage  # noqa: F401  (the five above: imported for their cost)
    try:
        from composer.gui.app import run
    except ImportError as exc:   # PySide6 itself cannot load (a missing system library, …)
        return startup_failure.report(import_error=f"{type(exc).__name__}: {exc}")
    return run(path)


def _safe_streams() -> None:
    """Output that the terminal's encoding cannot carry is escaped, never a traceback (with
    ``ensure_ascii=False`` JSON the escapes are still valid JSON)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _safe_streams()
    given = sys.argv[1:] if argv is None else argv
    if not given:
        return _start_gui(None)     # the app: no command-line parser to build first
    args = _parser(records=given[0] not in CORE_COMMANDS).parse_args(argv)
    if args.command is None:
        return _start_gui(None)
    if args.command == "open":
        problem = _open_problem(args.file)
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_INVALID
        return _start_gui(args.file)
    core: dict[str, Callable[[argparse.Namespace], int]] = {
        "validate": _cmd_validate, "classify": _cmd_classify, "render": _cmd_render,
        "doctor": _cmd_doctor}
    if args.command in core:
        handler = core[args.command]
    else:
        from composer.cli_records import HANDLERS as RECORD_HANDLERS

        handler = RECORD_HANDLERS[args.command]
    try:
        code = handler(args)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # e.g. `composer classify FILE | head`: the reader left early
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    if argv is None and args.command == "render":
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End a finished ``render`` run without tearing the interpreter down (freeing the font
    maps and modules takes ≈ 45 ms, a tenth of a cold render): every file is written and
    fsynced, nothing runs at exit, so only the streams need flushing. Only for the real command
    line (``main()`` without arguments); returns (to a normal exit) if a stream cannot flush.

    ``os._exit`` skips ``atexit``, ``finally`` blocks of other threads, object finalizers and
    unflushed buffers. So nothing a ``render`` does may rely on them: the package is complete
    and fsynced, and its lock released, before ``write_package`` returns (the lock file is
    closed by the OS in any case); the fax worker processes are ended by their pool before the
    fax returns (and die with this process anyway, :mod:`composer.render.fax_worker`); the font
    and template caches are written atomically when they are filled; logging has no buffered
    handler here. Whoever adds work to ``render`` that needs an exit hook must end it before
    this point instead."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
