"""The addresses and command-line arguments of the fuzz (bench/fuzz_inputs.py, issue 20 point 4).

* :func:`address` — seeded hostile and plausible e-mail addresses: RFC 2047 encoded words
  (``=?utf-8?b?…?=``, the empty ``=??b??=``), quoted local parts, comments, address literals,
  display names, lists, header injection, non-ASCII, over-long parts, and plain valid ones.
  The input fuzz puts them into ``operator.contact.email``; :func:`check_addresses` puts them
  through the renderer's address functions and a whole e-mail with them as ``--to``.
* :func:`argv` — a seeded ``composer`` command line (``render``, ``validate``, ``calendar``,
  ``log export`` …, with ``--out``, ``--to``, ``--only``, ``--generated-at`` and a
  ``SOURCE_DATE_EPOCH``); :func:`check_argv` parses it with the real parser and runs every
  check the command runs on its arguments before touching any file (an ``argparse`` refusal
  is exit 2, as it should be; anything raised is an uncaught exception).
"""

from __future__ import annotations

import base64
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from composer import __main__ as cli
from composer.core.addresses import address_problem
from composer.render.email import InvalidAddress, check_address, parse_address_list
from composer.render.package import PackageError, normalize_only
from composer.render.timestamp import BadGenerationTime, generation_time

WORDS = ["=?utf-8?b?{}?=", "=?utf-8?q?{}?=", "=?gb2312?b?{}?=", "=??b??=", "=?utf-8??{}?=",
         "=?utf-8*zh?q?{}?=", "=?x?b?{}", "{}?=", "=?", "?="]
PLAIN = ["liuyang", "soc+ir", "first.last", "a", "o'neil", "x_y", "12387", "ab-cd", "~!#$%&*"]
DOMAINS = ["example.cn", "cert.org.cn", "b.cn", "xn--fiqs8s.cn", "mail.example.com.cn", "b.c"]
ODD = ['"a b"', '"a\\"b"', "(comment)a", "a(comment)", "[192.0.2.1]", "<a@b.cn>", "a@b.cn>",
       "Name <a@b.cn>", "a@b.cn, c@d.cn", "a@b.cn\r\nBcc: x@y.cn", "a@b.cn\nX: y", "用户",
       "例子.中国", "a..b", ".a", "a.", "-b.cn", "b-.cn", "b.123", "@", "@@", "", " ", "\t",
       "\x00", "\ud800", "a" * 65, "b" * 64 + ".cn", "a." * 200, "\u202e", "\ufeff", "ａ"]  # noqa: RUF001 (a full-width look-alike, on purpose)


def address(rng: random.Random) -> str:
    """One seeded address, about a third of them valid."""
    kind = rng.randrange(6)
    local, domain = rng.choice(PLAIN), rng.choice(DOMAINS)
    if kind == 0:
        return f"{local}@{domain}"
    if kind in (1, 2):
        payload = base64.b64encode(rng.choice([b"evil@attacker.example", b"a@b.cn, x",
                                               b"", b"\xff\xfe", "名".encode()])).decode()
        word = rng.choice(WORDS).format(payload)
        return rng.choice([f"{word}@{domain}", f"{local}{word}@{domain}",
                           f"{local}@{word}.{domain}", f"{word}", f"{word}{local}@{domain}"])
    if kind == 3:
        odd = rng.choice(ODD)
        return rng.choice([f"{odd}@{domain}", f"{local}@{odd}", odd, f"{local}{odd}@{domain}"])
    if kind == 4:
        at = rng.randrange(len(local) + 1)
        return f"{local[:at]}{rng.choice(ODD + WORDS)}{local[at:]}@{domain}" * rng.choice([1, 2])
    return rng.choice(["a@b.cn", f"{local}@{domain}"]) * rng.choice([1, 1, 3, 40])


def check_addresses(addresses: list[str], report: Any, classification: Any,
                    generated_at: datetime) -> None:
    """The renderer's address functions and a whole e-mail, ``addresses`` as ``--to``: an
    address is refused (InvalidAddress) exactly when the core says it is not one."""
    from composer.render.email import render_eml

    for text in addresses:
        try:
            check_address(text)
            refused = False
        except InvalidAddress:
            refused = True
        if refused != (address_problem(text) is not None):
            raise AssertionError(f"check_address and the core disagree on {text!r}")
    valid, _ = parse_address_list(",".join(addresses))
    render_eml(report, classification, b"%PDF-1.4\n%%EOF\n", generated_at=generated_at,
               extra_recipients=tuple(valid))


COMMANDS = [["render", "FILE", "--out", "OUT"], ["validate", "FILE"], ["classify", "FILE"],
            ["script", "FILE"], ["calendar", "FILE", "--out", "OUT"], ["open", "FILE"],
            ["log", "export", "--out", "OUT"], ["log", "verify"], ["doctor"]]
OUTS = ["out", "/", "", ".", "..", "/dev/null", "/dev/full", "a/../..", "\x00", "x" * 5000,
        "输出", "-", "--force", "/proc/self/fd/0", "a\nb", "\ud800"]
TIMES = ["2026-11-18T15:30:00+08:00", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00",
         "2101-01-01T00:00:00+08:00", "1999-12-31T23:59:59+08:00", "2026-11-18", "", " ",
         "2026-11-18T15:30:00", "2026-11-18T15:30:00+99:00", "x" * 100, "\x00", "2026-W47-3",
         "2026-11-18T15:30:00.999999999+08:00", "+2026-11-18T15:30Z"]
EPOCHS = ["", "0", "946684799", "946684800", "1763451000", "4133951999", "4133952000",
          "253402300800", "99999999999", "9" * 30, "-1", "1e9", "0x10", " 1763451000 ", "١٢٣",
          "1763451000.5", "\x00"]
ONLY = ["pdf", "eml", "fax", "script", "pdf,eml,fax", "", ",", "pdf,,", "PDF", "x", "pdf,x",
        "script,pdf", "fax " * 50]


def argv(rng: random.Random) -> tuple[list[str], dict[str, str]]:
    """A seeded command line and its environment (``SOURCE_DATE_EPOCH`` or nothing)."""
    args = [a.replace("FILE", "incident.json").replace("OUT", rng.choice(OUTS))
            for a in rng.choice(COMMANDS)]
    if args[0] == "render":
        for _ in range(rng.randrange(4)):
            pick = rng.randrange(4)
            if pick == 0:
                args += ["--to", ",".join(address(rng) for _ in range(rng.randrange(1, 4)))]
            elif pick == 1:
                args += ["--only", rng.choice(ONLY)]
            elif pick == 2:
                args += ["--generated-at", rng.choice(TIMES)]
            else:
                args.append(rng.choice(["--force", "--bogus", "-x", "--out"]))
    elif rng.random() < 0.2:
        args.append(rng.choice(["--lang", "--to", "-", "--", "--help-me"]))
    env = {"SOURCE_DATE_EPOCH": rng.choice(EPOCHS)} if rng.random() < 0.5 else {}
    return args, env


class ArgparseRefused(Exception):
    """argparse refused the command line (it exits 2 with its usage line): a clean outcome."""


def check_argv(args: list[str], env: dict[str, str]) -> bool:
    """Parse ``args`` and run every argument check of the command. True: accepted; False:
    refused cleanly (exit 2 with a message). Raises on anything else."""
    import contextlib
    import io

    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            ns = cli._parser().parse_args(args)
        except SystemExit as exc:
            if exc.code != 2:
                raise AssertionError(f"argparse exited {exc.code}") from None
            return False
    if ns.command != "render":
        out = getattr(ns, "out", None)
        if out is not None:
            from composer.core.atomic import output_problem

            output_problem(Path(out))
        return True
    accepted = True
    try:
        normalize_only(ns.only)
    except PackageError:
        accepted = False
    try:
        generation_time(ns.generated_at, env)
    except BadGenerationTime as exc:
        if not str(exc).isprintable():
            raise AssertionError(f"unprintable message {str(exc)[:80]!r}") from None
        accepted = False
    _, invalid = parse_address_list(",".join(ns.to))
    for item in invalid:
        if address_problem(item) is None:
            raise AssertionError(f"{item!r} refused but the core accepts it")
    if invalid or cli._out_dir_problem(ns.out) is not None:
        accepted = False
    return accepted


GENERATED_AT = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
