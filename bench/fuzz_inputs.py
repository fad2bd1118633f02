"""Fuzz the input path in-process: mutated incident files through the loader, grading and the
text functions of rendering that hostile values reach.

    python bench/fuzz_inputs.py                      # 1,000,000 inputs on 2 processes
    python bench/fuzz_inputs.py --count 20000 --seed 7 --jobs 1

Inputs are mutations of the examples (tests/data/examples): values replaced by hostile ones
(huge and tiny numbers, times at the ends of the calendar, unpaired surrogates, control
characters, over-long texts, deep nesting, wrong types), plausible in-range values (so that
grading and rendering are reached too), keys removed or invented, and raw edits of the JSON
text (cut, spliced, duplicated keys, invalid UTF-8, huge digit strings, NaN). Every input is
deterministic in ``--seed``.

Each input goes through :func:`loads_report`; every fourth also as the app holds it (a Draft
over the mutated Python objects, where huge ints and raw surrogates arrive unparsed). Invalid:
every problem line must be one clean
``path: message`` line (printable, at most 500 characters) and the Draft path (the app) must
agree without raising. Valid: classify, the classify JSON (encodable as UTF-8), the warnings,
the e-mail subject/body data, the fax cover lines, the PDF's deadline text and paragraph markup
of every text, the phone script's text, the calendar of what is owed, and load → dump → load
identity; one valid input in 200 also lays out the
report's paragraphs (reportlab wrapping, no PDF written).

Prints the counts: inputs, valid, invalid, and uncaught exceptions by type with a reproducer
for the first of each. tests/test_fuzz.py runs the same harness for a few seconds on every CI
run.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import fuzz_args

from composer.core import validators as V
from composer.core.classify import classification_json, classify
from composer.core.draft import Draft
from composer.core.incident_io import (
    dumps_report,
    loads_json,
    loads_report,
    parse_report,
)
from composer.core.model import (
    DefacementSite,
    Judgement,
    Level,
    OperatorKind,
    PortalSite,
    Region,
    ReportType,
)
from composer.core.problem_text import problem_text
from composer.core.rules import categories
from composer.core.validators import InvalidIncident, problem_lines

EXAMPLES = ROOT / "tests" / "data" / "examples"
LINE_LIMIT = 500          # longest acceptable error line

# --- values -----------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "", " ", "\ud800", "a\udc00b", "\udfff\ud800", "\x00", "\x1b[31m红\x1b[0m", "\x07", "\x7f",
    "\x85", "a\r\nb", "\u2028", "\u202etxt.exe", "\ufeff", "\u200b\u200d", "\U0001F600" * 3,
    "\ue000", "\U000E0041", "=?utf-8?b?ZXZpbEBhdHRhY2tlci5leGFtcGxlLCB4?=", "a@b.cn, c@d.cn",
    "<script>&amp;</script>", "%s%n{0}{value}", "\\", '"', "'", "\t\t", "🏴‍☠️", "̈" * 30,
    "ﷺ" * 10, "\u0600\u0601", "字" * (V.LINE_MAX + 1), "x" * (V.TEXT_MAX + 1),
    "a@" + "a." * 5000 + "@", "1" * 100, "0571-8888 转 123", "+86 (10) 6666-8888 ext. 9",
]
TIMES = [
    "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59-14:00",
    "9999-12-31T23:59:59.999999+14:00", "1999-12-31T23:59:59+08:00", "2000-01-01T00:00:00+08:00",
    "2000-01-01T00:00:00+14:00", "2100-12-31T23:59:59+08:00", "2100-12-31T23:59:59-14:00",
    "2101-01-01T00:00:00+08:00", "2026-11-20T09:30:00+23:59", "2026-11-20T09:30:00",
    "2026-11-20", "2026-W47-5T09:30+08:00", "2026-11-20T09:30:00Z", "2026-02-30T09:30:00+08:00",
    "2026-11-20T24:00:00+08:00", "2026-11-20T09:30:00.123456789+08:00", "20261120T0930+0800",
    "2026-11-20T09:30:00+14:01", "2026-11-20T09:30:00-14:00",
]
NUMBERS: list[Any] = [
    0, -0.0, -1, 0.5, 1e-320, 5e-324, 1e308, 1.7976931348623157e308, -1e308, 2**53 + 1, 2**63,
    10**20, 10**400, 10**4300, -(10**400), 3e306, V.HOURS_MAX, V.HOURS_MAX + 0.001, V.PEOPLE_MAX,
    V.PEOPLE_MAX + 1, V.YUAN_MAX, V.YUAN_MAX + 1, V.COUNT_MAX + 1, 100, 100.0001, 99.99999, 1.5,
    True, False, None, "12", [], {}, [1, 2], {"a": 1},
]
RAW_TOKENS = [
    "1" * 5000, "9" * 4301, "-" + "9" * 400, "1e400", "-1e400", "1e-400", "NaN", "Infinity",
    "-Infinity", '"\\ud800"', '"\\udc00\\ud800"', '"\\u0000"', '"\\u001b[2J"', "[" * 3000,
    "{" * 50, '{"a":1,"a":2}', "[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]", '"' + "x" * 30000 + '"',
    "null", "true", "0.0000000000000000000000001", "1E+308", "-0", "\ufeff", "//", "\x00",
]
ENUMS = {
    "kind": [e.value for e in OperatorKind], "report_type": [e.value for e in ReportType],
    "site": [e.value for e in PortalSite] + [e.value for e in DefacementSite],
    "region": [e.value for e in Region], "authority_ruling": [e.value for e in Level],
    "level_confirmed": [e.value for e in Level],
    "data_threat": [e.value for e in Judgement], "system_loss": [e.value for e in Judgement],
    "other_threat": [e.value for e in Judgement],
    "category": [c.id for c in categories()],
}
FACT_KEYS = {
    "cii_total_outage_hours": "hours", "cii_main_function_outage_hours": "hours",
    "people_services_affected": "people", "personal_info_leaked": "people",
    "direct_loss_yuan": "yuan", "data_threat": "enum", "system_loss": "enum",
    "other_threat": "enum",
}
INCIDENT_TEXT = ("systems", "location", "description", "impact", "measures", "trend", "cause",
                 "clues", "next_steps", "support_requested", "scene_preservation", "other",
                 "accountability", "remediation", "lessons", "delay_reason")
NOT_YET_KNOWN = ("systems", "location", "category", "impact", "measures", "ransom.amount",
                 "ransom.method", "ransom.demanded_at")
PLAIN_CHARS = "网络安全事件报告处置措施影响范围勒索病毒数据泄露，。；、（）abcXYZ 0123456789-:/\n"


class Mutator:
    """Seeded generator of hostile and plausible incident files (str or bytes)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.tree: dict[str, Any] = {}
        self.seeds = [json.loads(p.read_text(encoding="utf-8"))
                      for p in sorted(EXAMPLES.glob("*.json")) if p.name != "expected.json"]
        summary = copy.deepcopy(self.seeds[0])
        summary["report_type"] = "summary"
        summary["incident"]["handling_completed_at"] = "2026-12-01T18:00:00+08:00"
        self.seeds.append(summary)

    # plausible values keep a share of inputs valid, so grading and rendering are reached
    def plausible(self, kind: str, key: str = "") -> Any:
        r = self.rng
        if kind == "hours":
            return r.choice([0, 0.5, 2, 6, 24, 72, r.uniform(0, V.HOURS_MAX), V.HOURS_MAX])
        if kind == "people":
            return r.choice([0, 999_999, 1_000_000, 10**8, r.randrange(V.PEOPLE_MAX + 1)])
        if kind == "yuan":
            return r.choice([0, 5_000_000, 10**8, r.randrange(V.YUAN_MAX + 1)])
        if kind == "count":
            return r.choice([0, 1000, 10**6, r.randrange(V.COUNT_MAX + 1)])
        if kind == "percent":
            return r.choice([0, 10, 30, 50, 100, r.uniform(0, 100)])
        if kind == "enum":
            return r.choice(ENUMS.get(key, ENUMS["data_threat"]))
        if kind == "time":
            when = datetime.fromtimestamp(r.uniform(946_684_800, 4_133_894_400 - 86_400), UTC)
            offset = r.choice(["+08:00", "+00:00", "-14:00", "+14:00", "Z", "+05:45"])
            return when.strftime("%Y-%m-%dT%H:%M:%S") + offset
        n = r.choice([1, 5, 20, 20, 200, 200, 2000])
        return "".join(r.choices(PLAIN_CHARS, k=n)).strip() or "内容"

    def hostile(self) -> Any:
        r = self.rng
        pool = r.randrange(4)
        if pool == 0:
            return r.choice(HOSTILE_TEXT) * r.choice([1, 1, 2, 50])
        if pool == 1:
            return r.choice(TIMES)
        if pool == 2:
            return copy.deepcopy(r.choice(NUMBERS))    # the pool's lists and dicts stay as is
        depth = r.choice([2, 15, 16, 17, 40])
        value: Any = r.choice(["x", 1, None])
        for _ in range(depth):
            value = [value] if r.random() < 0.5 else {"k": value}
        return value

    @staticmethod
    def leaf_paths(node: Any) -> list[tuple[Any, ...]]:
        """Every path into ``node`` (iteratively: mutated trees may nest deep)."""
        out: list[tuple[Any, ...]] = []
        stack: list[tuple[Any, tuple[Any, ...]]] = [(node, ())]
        while stack:
            value, path = stack.pop()
            if path:
                out.append(path)
            if isinstance(value, dict):
                stack.extend((v, (*path, k)) for k, v in value.items())
            elif isinstance(value, list):
                stack.extend((v, (*path, i)) for i, v in enumerate(value))
        return out

    def mutate_tree(self, doc: dict[str, Any]) -> None:
        r = self.rng
        op = r.randrange(11)
        paths = self.leaf_paths(doc)
        if op <= 1 and paths:                                   # hostile value anywhere
            _set(doc, r.choice(paths), self.hostile())
        elif op == 2 and paths:                                 # remove a key
            _delete(doc, r.choice(paths))
        elif op == 3:                                           # an unknown key
            target = _get(doc, r.choice(paths)) if paths else doc
            if isinstance(target, dict):
                target[r.choice(["x", "Title", "\ud800", "k\x1b[2J", "é" * 300])] = self.hostile()
        elif op in (4, 5):                                      # a plausible fact
            facts = doc.setdefault("impact_facts", {})
            if not isinstance(facts, dict):
                return
            key = r.choice([*FACT_KEYS, "portal_outage", "population", "defacement"])
            if key == "portal_outage":
                facts[key] = {"site": self.plausible("enum", "site"),
                              "hours": self.plausible("hours")}
            elif key == "population":
                facts[key] = {"region": self.plausible("enum", "region"),
                              "percent": self.plausible("percent")}
            elif key == "defacement":
                facts[key] = {"site": r.choice([e.value for e in DefacementSite]),
                              "homepage_hours": self.plausible("hours"),
                              "other_page_hours": self.plausible("hours"),
                              "reposts": self.plausible("count"),
                              "views": self.plausible("count")}
            else:
                facts[key] = self.plausible(FACT_KEYS[key], key)
        elif op == 6:                                           # a plausible time, 报案, 暂不掌握
            inc = doc.get("incident")
            if isinstance(inc, dict):
                pick = r.randrange(4)
                if pick == 0:
                    inc["police_report"] = r.choice([
                        {"status": "not_yet"},
                        {"status": "reported", "at": self.plausible("time"),
                         "to": self.plausible("text")},
                        {"status": "reported", "at": r.choice(TIMES), "to": self.hostile()},
                        {"status": self.hostile()}])
                elif pick == 1:
                    inc["not_yet_known"] = r.sample(NOT_YET_KNOWN, r.randrange(4)) + (
                        [self.hostile()] if r.random() < 0.3 else [])
                else:
                    key = r.choice(["discovered_at", "occurred_at", "handling_completed_at"])
                    inc[key] = self.plausible("time")
        elif op == 7:                                           # a plausible or odd text
            inc = doc.get("incident")
            if isinstance(inc, dict):
                key = r.choice([*INCIDENT_TEXT, "title"])
                inc[key] = self.plausible("text") if r.random() < 0.7 else (
                    self.plausible("text") + r.choice(HOSTILE_TEXT))
        elif op == 8:                                           # a hostile number in a fact
            facts = doc.setdefault("impact_facts", {})
            if isinstance(facts, dict):
                key = r.choice([*FACT_KEYS, "portal_outage", "population", "defacement"])
                value = copy.deepcopy(r.choice(NUMBERS))
                facts[key] = (value if key in FACT_KEYS else
                              {"site": "other", "hours": value} if key == "portal_outage" else
                              {"region": "province", "percent": value} if key == "population"
                              else {"site": "other", r.choice(["homepage_hours", "reposts",
                                                               "views"]): value})
        elif op == 10:                                          # a hostile or plain address
            op_ = doc.get("operator")
            contact = op_.get("contact") if isinstance(op_, dict) else None
            if isinstance(contact, dict):
                contact["email"] = fuzz_args.address(r)
        else:                                                   # an enum, valid or not
            key = r.choice(["report_type", "level_confirmed"])
            doc[key] = r.choice(ENUMS[key] + ["", "INITIAL", None, 1])

    def mutate_text(self, text: str) -> str | bytes:
        r = self.rng
        op = r.randrange(7)
        at = r.randrange(len(text) + 1)
        if op == 0:
            return text[:at] + r.choice(RAW_TOKENS) + text[at:]
        if op == 1:                                             # a number becomes raw tokens
            digits = [i for i, c in enumerate(text) if c.isdigit()]
            if digits:
                i = r.choice(digits)
                return text[:i] + r.choice(RAW_TOKENS[:9]) + text[i + 1:]
            return text
        if op == 2:
            return text[:at] + text[at + r.randrange(1, 50):]
        if op == 3:
            span = text[at:at + r.randrange(1, 200)]
            return text[:at] + span * r.randrange(2, 5) + text[at:]
        if op == 4:
            return text[:at]
        if op == 5:                                             # invalid UTF-8 / other encodings
            codec = r.choice(["utf-8", "utf-8-sig", "utf-16", "gb18030"])
            data = text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace")
            return data[:at] + bytes([r.randrange(256)]) + data[at:]
        key = r.choice(['"title"', '"incident"', '"hours"', '"format"'])
        return text.replace(key, f"{key}: 1, {key}", 1)          # a key given twice

    def input(self) -> str | bytes:
        r = self.rng
        doc = copy.deepcopy(r.choice(self.seeds))
        for _ in range(r.choice([1, 1, 2, 3, 5])):
            self.mutate_tree(doc)
        self.tree = doc     # the same input as the app holds it: Python objects, no JSON
        try:
            text = json.dumps(doc, ensure_ascii=r.random() < 0.3)
        except ValueError:          # an int beyond the digit limit of str(): write it raw
            text = json.dumps(_shrink_ints(doc)).replace('"__HUGE__"', "9" * 5000)
        if r.random() < 0.3:
            return self.mutate_text(text)
        return text


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(doc, path[:-1])[path[-1]] = value


def _delete(doc: Any, path: tuple[Any, ...]) -> None:
    parent = _get(doc, path[:-1])
    del parent[path[-1]]


def _shrink_ints(node: Any) -> Any:
    if isinstance(node, bool):
        return node
    if isinstance(node, int) and node.bit_length() > 10_000:
        return "__HUGE__"
    if isinstance(node, dict):
        return {k: _shrink_ints(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_shrink_ints(v) for v in node]
    return node


# --- the oracle -------------------------------------------------------------------------------

class UncleanMessage(AssertionError):
    """A problem line that is not one printable, bounded ``path: message`` line."""


class BrokenRoundTrip(AssertionError):
    """load → dump → load changed the report, or the Draft path disagreed."""


GENERATED_AT = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def check(data: str | bytes, *, layout: bool = False,
          addresses: list[str] | None = None) -> bool:
    """Run one input through everything it can reach (loads_json + parse_report is exactly
    loads_report). True: valid; False: invalid (cleanly). Raises on anything else."""
    parsed = None
    try:
        parsed = loads_json(data)
        report = parse_report(parsed)
    except InvalidIncident as exc:
        for line in problem_lines(exc.problems):
            if len(line) > LINE_LIMIT or not line.isprintable() or ": " not in line:
                raise UncleanMessage(repr(line[:200])) from None
        for problem in exc.problems[:5]:
            problem_text(problem)
        if exc.problems[0].path != "$" and isinstance(parsed, dict):
            _draft_agrees(parsed, exc.problems)
        return False
    _valid_paths(report, layout, addresses)
    return True


def check_draft(tree: dict[str, Any]) -> bool:
    """The app's path: a Draft over Python objects (huge ints and raw surrogates included, as
    no JSON parser is in between). Its problems must be clean; a valid one goes on as above."""
    draft = Draft(data=copy.deepcopy(tree))
    problems = draft.problems()
    for line in problem_lines(problems):
        if len(line) > LINE_LIMIT or not line.isprintable() or ": " not in line:
            raise UncleanMessage(repr(line[:200]))
    for problem in problems[:5]:
        problem_text(problem)
    report = draft.report()
    if report is None:
        return False
    _valid_paths(report, False)
    return True


def _draft_agrees(parsed: dict[str, Any], problems: list[V.Problem]) -> None:
    """The app's path (a Draft over the parsed dict) finds the same problems, no exception."""
    found = Draft(data=dict(parsed)).problems()
    for p in found:
        problem_text(p)
    ours = {p.path for p in found}
    theirs = {p.path for p in problems if p.path != "level_confirmed"}
    if ours != theirs:
        raise BrokenRoundTrip(f"Draft paths {sorted(ours)[:3]} vs loader {sorted(theirs)[:3]}")


def _valid_paths(report: Any, layout: bool, addresses: list[str] | None = None) -> None:
    from composer.render import email, fax_cover, fonts, pdf
    from composer.render.checks import report_warnings, text_fields

    c = classify(report)
    json.dumps(classification_json(c, report.report_type), ensure_ascii=False).encode("utf-8")
    for warning in report_warnings(report, GENERATED_AT):
        line = str(warning)
        if len(line) > 2 * LINE_LIMIT or not line.isprintable():
            raise UncleanMessage(repr(line[:200]))
    from composer.core.statement import statements

    said = statements(report, c, generated_at=GENERATED_AT)
    email.body_context(report, c, generated_at=GENERATED_AT, attachment_name="report.pdf",
                       said=said)
    fax_cover.cover_rows(report, c, total_pages=3, generated_at=GENERATED_AT, said=said)
    fax_cover.urgency_lines(report, c)
    for _, text in text_fields(report):
        fonts.paragraph_markup(text)
        pdf._paragraphs(text)
    from composer.core.owed import owed
    from composer.render.ics import calendar_ics
    from composer.render.script import build_script, script_text

    if addresses is not None:            # --to of a whole e-mail, the contact's in From
        fuzz_args.check_addresses(addresses, report, c, GENERATED_AT)
    script_text(build_script(report, c)).encode("utf-8")
    calendar_ics(report, owed(report, c, {report.report_type}), now=GENERATED_AT)
    again = loads_report(dumps_report(report))
    if again != report:
        raise BrokenRoundTrip("load → dump → load changed the report")
    if layout:
        from io import BytesIO

        from reportlab.pdfgen.canvas import Canvas

        canvas = Canvas(BytesIO())
        st = pdf.L.report_styles(pdf.bundled())      # the styles render_report_pdf uses
        for flowable in [pdf._header_table(st, said, GENERATED_AT), *pdf._items(st, said)]:
            flowable.wrapOn(canvas, 450, 700)


# --- running ----------------------------------------------------------------------------------

@dataclass
class Tally:
    inputs: int = 0
    valid: int = 0
    invalid: int = 0
    drafts: int = 0
    argv: int = 0
    argv_accepted: int = 0
    uncaught: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.inputs += other.inputs
        self.valid += other.valid
        self.invalid += other.invalid
        self.drafts += other.drafts
        self.argv += other.argv
        self.argv_accepted += other.argv_accepted
        self.uncaught.update(other.uncaught)
        for k, v in other.examples.items():
            self.examples.setdefault(k, v)


def run(count: int | None, seed: int, seconds: float | None = None,
        progress: bool = False, minimum: int = 0) -> Tally:
    """Fuzz ``count`` inputs (or until ``seconds`` have passed, but at least ``minimum``
    inputs) from ``seed``."""
    mutator = Mutator(seed)
    tally = Tally()
    deadline = None if seconds is None else time.monotonic() + seconds
    while (count is None or tally.inputs < count) and (
            deadline is None or tally.inputs < minimum or tally.inputs % 64
            or time.monotonic() < deadline):
        data = mutator.input()
        tally.inputs += 1
        if progress and tally.inputs % 50_000 == 0:
            print(f"seed {seed}: {tally.inputs:,} inputs, {sum(tally.uncaught.values())} "
                  "uncaught", file=sys.stderr, flush=True)
        to = ([fuzz_args.address(mutator.rng) for _ in range(3)] if tally.inputs % 10 == 0
              else None)
        try:
            ok = check(data, layout=tally.inputs % 200 == 0, addresses=to)
        except Exception as exc:  # noqa: BLE001 — counting every kind is the point
            _count(tally, exc, data)
        else:
            if ok:
                tally.valid += 1
            else:
                tally.invalid += 1
        if tally.inputs % 4 == 0:          # every 4th input also as the app holds it
            tally.drafts += 1
            try:
                check_draft(mutator.tree)
            except Exception as exc:  # noqa: BLE001
                _count(tally, exc, f"Draft {_shrink_ints(mutator.tree)!r:.300}")
        if tally.inputs % 4 == 1:          # and a command line
            args, env = fuzz_args.argv(mutator.rng)
            tally.argv += 1
            try:
                tally.argv_accepted += fuzz_args.check_argv(args, env)
            except Exception as exc:  # noqa: BLE001
                _count(tally, exc, f"argv {args!r:.300} env {env!r}")
    return tally


def _count(tally: Tally, exc: Exception, data: str | bytes) -> None:
    name = type(exc).__name__
    tally.uncaught[name] += 1
    if name not in tally.examples:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        tally.examples[name] = (f"{exc!s:.200} at {Path(where.filename).name}:"
                                f"{where.lineno}; input {data[:300]!r}")


def _worker(args: tuple[int, int]) -> Tally:
    count, seed = args
    return run(count, seed, progress=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    started = time.monotonic()
    jobs = max(1, args.jobs)
    shares = [(args.count // jobs + (1 if i < args.count % jobs else 0), args.seed * 1000 + i)
              for i in range(jobs)]
    total = Tally()
    if jobs == 1:
        total = run(args.count, shares[0][1], progress=True)
    else:
        from multiprocessing import get_context

        with get_context("spawn").Pool(jobs) as pool:
            for part in pool.imap_unordered(_worker, shares):
                total.add(part)
    elapsed = time.monotonic() - started
    print(f"inputs:   {total.inputs:>10,}")
    print(f"valid:    {total.valid:>10,}")
    print(f"invalid:  {total.invalid:>10,}")
    print(f"drafts:   {total.drafts:>10,}  (every 4th input also checked as the app holds it)")
    print(f"argv:     {total.argv:>10,}  (command lines: {total.argv_accepted:,} accepted, "
          f"{total.argv - total.argv_accepted:,} refused with exit 2)")
    print(f"uncaught: {sum(total.uncaught.values()):>10,}")
    for name, n in total.uncaught.most_common():
        print(f"  {name}: {n:,}  e.g. {total.examples[name]}")
    print(f"time:     {elapsed:,.1f} s ({total.inputs / elapsed:,.0f} inputs/s, {jobs} processes,"
          f" seed {args.seed})")
    return 1 if total.uncaught else 0


if __name__ == "__main__":
    sys.exit(main())
