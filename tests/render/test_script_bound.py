"""The phone script's bound (issue 21 point 5): read aloud at 220 characters a minute it takes
at most 5 minutes for any valid input — every text at its contract limit included — and still
carries items 1–2 (each part) and the level."""

from __future__ import annotations

import itertools

import pytest

from composer.core.classify import classify
from composer.core.incident_io import parse_report
from composer.core.statement import SCRIPT, statements
from composer.core.validators import LINE_MAX, TEXT_MAX
from composer.render.script import MAX_MINUTES, READING_RATE, build_script, spoken_length

LONG_KEYS = ("systems", "location", "description", "impact", "measures", "trend", "cause",
             "clues", "next_steps", "support_requested", "scene_preservation", "other",
             "accountability", "remediation", "lessons", "delay_reason")
MAX_FACTS = {
    "cii_total_outage_hours": 87_599.9999, "cii_main_function_outage_hours": 87_599.9999,
    "portal_outage": {"site": "other", "hours": 87_599.9999},
    "population": {"region": "province", "percent": 99.9999},
    "people_services_affected": 9_999_999_999, "personal_info_leaked": 9_999_999_999,
    "direct_loss_yuan": 9_999_999_999_999,
    "defacement": {"site": "key_news", "homepage_hours": 87_599.99, "other_page_hours": 87_599.99,
                   "reposts": 999_999_999_999, "views": 999_999_999_999},
    "data_threat": "especially_serious", "system_loss": "especially_serious",
    "other_threat": "especially_serious"}
SITES_UNKNOWN = {"portal_outage": {"hours": 87_599.9999}, "defacement": {"reposts": 99_999}}


def _text(n: int, style: str) -> str:
    """``n`` characters that take long to say: hanzi (one syllable each), single Latin
    letters (two per word), or digits."""
    unit = {"han": "汉", "latin": "a ", "digits": "9"}[style]
    return (unit * n)[:n]


def _document(style: str, kind: str, report_type: str, correction: bool,
              facts: dict) -> dict:
    line, long = _text(LINE_MAX, style), _text(TEXT_MAX, style)
    doc = {
        "format": "composer-incident/1", "report_type": report_type,
        "operator": {"name": line, "kind": kind, "province": line,
                     "protection_department": line, "cac_office": line,
                     "contact": {"name": line, "phone": "+86 010 6666 8888 8888 8888 88 转 123456",
                                 "email": "a" * 60 + "@" + "b" * 60 + ".cn"}},
        "incident": {"title": line, "discovered_at": "2026-11-18T14:05:00+08:00",
                     "occurred_at": "2026-11-18T13:05:00+08:00", "category": "ransomware",
                     **dict.fromkeys(LONG_KEYS, long),
                     "ransom": {"amount": line, "method": line,
                                "demanded_at": "2026-11-18T13:40:00+08:00"},
                     "suspected_crime": True,
                     "police_report": {"status": "reported", "to": line,
                                       "at": "2026-11-18T15:00:00+08:00"},
                     "handling_completed_at": "2026-11-25T10:00:00+08:00"},
        "impact_facts": facts,
    }
    if correction:
        doc.update(correction=True, correction_note=long,
                   corrects={"sent_at": "2026-11-18T15:00:00+08:00", "channel": line,
                             "reference": line})
    return doc


CASES = list(itertools.product(("han", "latin", "digits"),
                               ("cii", "central_state_organ", "other"),
                               ("initial", "follow_up", "summary"), (False, True),
                               ("max", "none", "sites")))


@pytest.mark.parametrize(("style", "kind", "report_type", "correction", "facts"), CASES)
def test_the_script_is_at_most_five_minutes_for_any_valid_input(style, kind, report_type,
                                                                correction, facts):
    chosen = {"max": MAX_FACTS, "none": {}, "sites": SITES_UNKNOWN}[facts]
    report = parse_report(_document(style, kind, report_type, correction, chosen))
    c = classify(report)
    script = build_script(report, c)
    assert script.spoken_chars <= MAX_MINUTES * READING_RATE, script.minutes
    said = "".join(script.said_lines)
    # items 1–2 and the level are all there, each part (a long one as its first sentences)
    parts = [s for s in statements(report, c).item(1, SCRIPT) + statements(report, c).item(
        2, SCRIPT) if s.label and not s.key.startswith(("reason.", "remark."))]
    for s in parts:
        assert f"{s.label}：" in said, s.key
    level = statements(report, c).level.text
    assert f"事件级别：{level}。" in said


def test_the_bound_is_stated_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert f"at most {MAX_MINUTES} minutes" in readme and f"{READING_RATE} characters a minute" \
        in readme


def test_spoken_length_counts_what_is_said():
    assert spoken_length("汉a 1 bc") == 1 + 2 + 1 + 2


@pytest.mark.parametrize(("style", "kind", "report_type", "correction", "facts"),
                         [c for c in CASES if c[0] == "han" and c[3]])
def test_a_drill_script_keeps_the_bound(style, kind, report_type, correction, facts):
    """A drill says 「这是演练。…」 first (issue 24): the longest inputs still fit."""
    chosen = {"max": MAX_FACTS, "none": {}, "sites": SITES_UNKNOWN}[facts]
    report = parse_report({**_document(style, kind, report_type, correction, chosen),
                           "drill": True})
    script = build_script(report, classify(report))
    assert script.said_lines[0].startswith("这是演练。")
    assert script.spoken_chars <= MAX_MINUTES * READING_RATE, script.minutes
