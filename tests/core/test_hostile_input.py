"""Hostile input (issue 10): every class that once reached a traceback is now a validation
problem with its JSON path; bounds, field lengths and echoed input are limited."""

from __future__ import annotations

import json
from typing import Any

import pytest
from core_helpers import incident

from composer.core.classify import classify
from composer.core.draft import Draft
from composer.core.grading import format_minutes
from composer.core.incident_io import dumps_report, loads_json, loads_report, parse_report
from composer.core.problem_text import problem_text
from composer.core.validators import (
    DEPTH_MAX,
    EMAIL_MAX,
    HOURS_MAX,
    INPUT_MAX_BYTES,
    LINE_MAX,
    PEOPLE_MAX,
    TEXT_MAX,
    YUAN_MAX,
    InvalidIncident,
    Problem,
    is_email,
    problem_lines,
)


def problems_of(text: str | bytes) -> dict[str, str]:
    with pytest.raises(InvalidIncident) as err:
        loads_report(text)
    return {p.path: p.message for p in err.value.problems}


def raw(doc: dict[str, Any], marker: str, replacement: str) -> str:
    """``doc`` as JSON with the string ``marker`` replaced by raw JSON text."""
    return json.dumps(doc, ensure_ascii=False).replace(json.dumps(marker), replacement)


def assert_clean(line: str, limit: int = 500) -> None:
    assert line.isprintable(), repr(line)
    assert len(line) <= limit
    assert ": " in line


# --- 1. huge numbers --------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["1" + "0" * 400, "9" * 4300, "9" * 5000, "1e400", "1e308"])
def test_huge_numbers_are_problems_not_overflow(number: str) -> None:
    doc = incident(impact_facts__direct_loss_yuan="X")
    found = problems_of(raw(doc, "X", number))
    message = found["impact_facts.direct_loss_yuan"]
    assert message.startswith(f"must be at most {YUAN_MAX:,}")
    assert len(message) < 120          # never thousands of digits echoed


def test_huge_integer_in_a_draft_dict_is_a_problem() -> None:
    # The GUI hands dicts, not JSON text, to the same reader: no float() overflow there either.
    draft = Draft(data=incident(impact_facts__personal_info_leaked=10**5000))
    (problem,) = draft.problems()
    assert problem.path == "impact_facts.personal_info_leaked"
    assert "digits" in problem.message and len(problem.message) < 150
    assert problem_text(problem) == f"不能大于 {PEOPLE_MAX:,}"


@pytest.mark.parametrize("key,value", [
    ("impact_facts__cii_total_outage_hours", 3e306),
    ("impact_facts__portal_outage", {"site": "provincial_portal", "hours": 1e300}),
    ("impact_facts__defacement", {"site": "other", "homepage_hours": HOURS_MAX + 1}),
    ("impact_facts__people_services_affected", PEOPLE_MAX + 1),
    ("impact_facts__defacement", {"site": "other", "views": 10**13}),
])
def test_numbers_beyond_their_bound(key: str, value: Any) -> None:
    with pytest.raises(InvalidIncident) as err:
        parse_report(incident(**{key: value}))
    assert all("must be at most" in p.message for p in err.value.problems)


def test_numbers_at_their_bounds_grade_and_format() -> None:
    report = parse_report(incident(impact_facts__cii_total_outage_hours=HOURS_MAX,
                                   impact_facts__direct_loss_yuan=YUAN_MAX,
                                   impact_facts__personal_info_leaked=PEOPLE_MAX))
    reasons = " ".join(c.reason for c in classify(report).grading.criteria)
    assert "87600 小时" in reasons and f"{YUAN_MAX:,} 元" in reasons
    assert format_minutes(HOURS_MAX * 60, "en") == "87600 h"


# --- 2. nesting -------------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [DEPTH_MAX + 1, 1_000, 100_000])
def test_deep_nesting_is_a_problem(depth: int) -> None:
    found = problems_of("[" * depth + "]" * depth)
    ((path, message),) = found.items()
    assert message == f"nested more than {DEPTH_MAX} levels deep"
    assert path == "$" or path == "[0]" * DEPTH_MAX     # found by the parser or the walk


def test_deep_nesting_under_a_key_names_the_path() -> None:
    doc = incident(incident__other="X")
    found = problems_of(raw(doc, "X", "[" * 40 + "]" * 40))
    (path,) = found
    assert path.startswith("incident.other[0]")


# --- 3./4. times at the ends of the calendar --------------------------------------------------

@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00",
                                    "9999-12-31T23:59:00-14:00", "1999-12-31T23:59:00+08:00",
                                    "2101-01-01T00:00:00+08:00"])
def test_times_outside_2000_to_2100_are_problems(moment: str) -> None:
    found = problems_of(json.dumps(incident(incident__discovered_at=moment)))
    assert found == {"incident.discovered_at": "must be between 2000-01-01 and 2100-12-31"}


def test_offsets_beyond_fourteen_hours_are_problems() -> None:
    found = problems_of(json.dumps(incident(incident__discovered_at="2026-11-20T09:30+23:59")))
    assert found == {"incident.discovered_at": "UTC offset must be between -14:00 and +14:00"}


@pytest.mark.parametrize("discovered,handled", [
    ("2000-01-01T00:00:00+08:00", None),
    ("2100-12-31T12:00:00+08:00", "2100-12-31T23:59:00+14:00"),  # 17:59 in China
    ("2000-01-01T06:00:00+14:00", "2100-12-31T01:59:00-14:00"),  # 2100-12-31 23:59 in China
])
def test_times_at_the_bounds_classify_and_render_text(discovered: str, handled: str | None) -> None:
    from composer.render.email import subject_line
    from composer.render.fax_cover import urgency_lines

    report = parse_report(incident(report_type="summary" if handled else "initial",
                                   incident__discovered_at=discovered,
                                   incident__handling_completed_at=handled,
                                   impact_facts__direct_loss_yuan=YUAN_MAX))
    c = classify(report)
    assert c.duties.obligations          # due dates up to 30 days past 2100 do not overflow
    assert subject_line(report, c) and urgency_lines(report, c)


# --- 5. unpaired surrogates and control characters --------------------------------------------

@pytest.mark.parametrize("where", ["incident__title", "incident__description",
                                   "operator__contact__name"])
@pytest.mark.parametrize("char", [chr(0xD800), chr(0xDFFF)])
def test_unpaired_surrogates_are_refused(where: str, char: str) -> None:
    text = json.dumps(incident(**{where: "正常" + char}))      # ensure_ascii: "\ud800" escape
    found = problems_of(text)
    path = where.replace("__", ".")
    assert found[path].startswith(f"contains an unpaired surrogate (U+{ord(char):04X})")
    assert problems_of(text) == {p.path: p.message for p in Draft(
        data=json.loads(text)).problems()}                      # the Draft path agrees


def test_unpaired_surrogate_in_an_unknown_key_is_refused_at_load() -> None:
    # The app opens files with loads_json and keeps unknown parts until it drops them.
    with pytest.raises(InvalidIncident) as err:
        loads_json('{"x\\ud800": {"y": "\\udc00"}}')
    lines = problem_lines(err.value.problems)
    assert lines[0].startswith("x\\ud800: key contains")
    for line in lines:
        assert_clean(line)
        line.encode("utf-8")


@pytest.mark.parametrize("value,message", [
    ("a\x1b[31mred", "contains a control character (U+001B) at character 2"),
    ("\x7f", "contains a control character (U+007F) at character 1"),
    ("a\x00", "contains a NUL character"),
])
def test_control_characters_are_refused(value: str, message: str) -> None:
    found = problems_of(json.dumps(incident(incident__description=value)))
    assert found == {"incident.description": message}


@pytest.mark.parametrize("key", ["incident__title", "operator__name", "operator__contact__phone"])
def test_line_breaks_in_one_line_fields_are_refused(key: str) -> None:
    found = problems_of(json.dumps(incident(**{key: "0571-8888\r8888"})))
    assert found[key.replace("__", ".")].startswith("must be a single line")


def test_long_texts_keep_line_breaks_and_tabs() -> None:
    report = parse_report(incident(incident__description="第一行\r\n第二行\n\t缩进\u2028"))
    assert report.incident.description == "第一行\r\n第二行\n\t缩进\u2028"


# --- field lengths, e-mail in linear time, bounded echo ---------------------------------------

@pytest.mark.parametrize("key,limit", [("operator__name", LINE_MAX), ("incident__title", LINE_MAX),
                                       ("incident__description", TEXT_MAX),
                                       ("operator__contact__email", EMAIL_MAX)])
def test_field_lengths(key: str, limit: int) -> None:
    path = key.replace("__", ".")
    # an address at its limit: a 64-character local part (RFC 5321's) and 63-character labels
    email = "a" * 64 + "@" + ".".join(["b" * 63, "c" * 63, "d" * (limit - 65 - 128)])
    fill = email if key.endswith("email") else "字" * limit
    parse_report(incident(**{key: fill}))
    with pytest.raises(InvalidIncident) as err:
        parse_report(incident(**{key: fill + "字"}))
    (problem,) = err.value.problems
    assert problem.path == path
    assert problem.message == f"is too long: {limit + 1:,} characters, at most {limit:,}"
    assert problem_text(problem) == f"过长：{limit + 1:,} 个字符，最多 {limit:,} 个"


@pytest.mark.parametrize("text,ok", [
    ("a@b.cn", True), ("first.last+tag@mail.example.cn", True), ("a@b.c", True),
    ("a@b", False), ("a@.b", False), ("a@b.", False), ("@b.cn", False), ("a@@b.cn", False),
    ("a b@c.cn", False), ("<a@b.cn>", False), ("a@b.cn, c@d.cn", False),
    ("a@" + "a." * 40_000 + "@", False),   # once quadratic in the pattern: 52 s at 80k
    ("a" * 300 + "@b.cn", False),
])
def test_is_email(text: str, ok: bool) -> None:
    assert is_email(text) is ok


def test_echoed_input_is_escaped_and_cut() -> None:
    phone = "\x1b]0;owned\x07" + "1" * 1_000_000
    doc = incident(operator__contact__phone=phone[:60])
    found = problems_of(json.dumps(doc))
    assert_clean("operator.contact.phone: " + found["operator.contact.phone"], 200)
    found = problems_of(json.dumps(incident(operator__contact__phone=phone)))
    assert found["operator.contact.phone"].startswith("is too long: 1,000,010 characters")


def test_problem_lines_escape_paths_and_are_bounded() -> None:
    key = "k\r\nforged.path: fake problem\x1b[2J" + "x" * 100_000
    with pytest.raises(InvalidIncident) as err:
        loads_report(json.dumps(incident(incident__other="ok") | {key: 1}))
    lines = problem_lines(err.value.problems)
    assert len(lines) == 1
    assert_clean(lines[0], 500)
    assert lines[0].startswith("k\\r\\nforged.path")


def test_many_problems_are_counted_not_all_printed() -> None:
    doc = incident() | {f"unknown{i}": i for i in range(1_000)}
    with pytest.raises(InvalidIncident) as err:
        loads_report(json.dumps(doc))
    lines = problem_lines(err.value.problems)
    assert len(lines) == 101 and lines[-1] == "$: … and 900 more problems"
    assert len(str(err.value).splitlines()) == 21


def test_oversized_input_is_refused_before_parsing() -> None:
    found = problems_of(b" " * (INPUT_MAX_BYTES + 1))
    assert found["$"].startswith("is too large")


def test_round_trip_keeps_everything_within_bounds() -> None:
    doc = incident(incident__description="字" * TEXT_MAX, incident__title="题" * LINE_MAX,
                   impact_facts__cii_total_outage_hours=HOURS_MAX)
    report = parse_report(doc)
    assert loads_report(dumps_report(report)) == report


def test_problem_str_is_one_line() -> None:
    assert str(Problem("a\nb", "c\rd")) == "a\\nb: c\\rd"


@pytest.mark.parametrize("facts", [
    {"impact_facts__population": {"region": "province", "percent": 5e-324}},
    {"impact_facts__cii_total_outage_hours": 1e-320},
    {"impact_facts__direct_loss_yuan": YUAN_MAX, "impact_facts__personal_info_leaked": PEOPLE_MAX},
])
def test_phone_script_speaks_any_valid_figure(facts: dict[str, Any]) -> None:
    """Found by the fuzzer: a tiny fraction (valid: ≥ 0) once raised IndexError in the spoken
    figures of the phone script."""
    from composer.render.script import build_script, script_text

    report = parse_report(incident(**facts))
    assert script_text(build_script(report, classify(report)))
