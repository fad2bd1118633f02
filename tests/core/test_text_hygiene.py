"""The one text hygiene (composer.core.hygiene): what is removed, what becomes a line break,
what stays, field by field, and that cleaning is idempotent."""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from pathlib import Path

from composer.core import hygiene
from composer.core.incident_io import load_report

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"


def _slow(text: str) -> str:
    """The rule, character by character, without the fast path."""
    out = []
    for ch in text:
        if ch in "\u2028\u2029\x85":
            out.append("\n")
        elif ch in "\t\n\r":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf") or ch in hygiene._INVISIBLE_PRINTABLE:
            continue
        else:
            out.append(ch)
    return "".join(out)


def test_what_is_removed_what_is_a_line_break_what_stays() -> None:
    text = ("a\x1b\x07b\u202ec\u2066d\u200be\u200d\u200e\ufefff\u00adg\ufe0f\U000e0041h"
            "\u2028i\u2029j\x85k\u3164l\u034fm\t\n\r 中文　，。😀𪚥")
    clean, removed, breaks = hygiene.clean_text(text)
    assert clean == "abcdefgh\ni\nj\nklm\t\n\r 中文　，。😀𪚥"
    assert removed[:3] == ("U+001B ESCAPE", "U+0007 BELL", "U+202E RIGHT-TO-LEFT OVERRIDE")
    assert "U+200B ZERO WIDTH SPACE" in removed and "U+00AD SOFT HYPHEN" in removed
    assert "U+FE0F VARIATION SELECTOR-16" in removed and "U+3164 HANGUL FILLER" in removed
    assert breaks == ("U+2028 LINE SEPARATOR", "U+2029 PARAGRAPH SEPARATOR",
                      "U+0085 NEXT LINE (NEL)")
    assert hygiene.clean_text("普通文字，Latin 123\n第二行") == ("普通文字，Latin 123\n第二行", (), ())


def test_the_fast_path_agrees_with_the_rule() -> None:
    rng = random.Random(21)
    pools = [range(0x20, 0x7F), range(0xA0, 0x300), range(0x2000, 0x2100), range(0x3000, 0x3200),
             range(0x4E00, 0x4F00), range(0xFE00, 0xFF00), range(0xFF00, 0x10000),
             range(0xE0000, 0xE0080), range(0x1F600, 0x1F610), range(0x20)]
    for _ in range(2000):
        text = "".join(chr(rng.choice(rng.choice(pools))) for _ in range(rng.randint(0, 12)))
        text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
        assert hygiene.clean(text) == _slow(text), ascii(text)


def test_clean_report_names_each_field_and_is_idempotent() -> None:
    report = load_report(EXAMPLE)
    assert hygiene.clean_report(report).report is report
    assert hygiene.clean_report(report).findings == ()
    dirty = dataclasses.replace(
        report,
        operator=dataclasses.replace(report.operator, contact=dataclasses.replace(
            report.operator.contact, name="刘\u200b洋")),
        incident=dataclasses.replace(report.incident, description="甲\u2028乙\u202e"))
    cleaned, findings = hygiene.clean_report(dirty)
    assert cleaned.operator.contact.name == "刘洋"
    assert cleaned.incident.description == "甲\n乙"
    assert cleaned.operator.kind is report.operator.kind
    assert cleaned.impact_facts is report.impact_facts
    assert findings == (
        hygiene.Finding("operator.contact.name", ("U+200B ZERO WIDTH SPACE",)),
        hygiene.Finding("incident.description", ("U+202E RIGHT-TO-LEFT OVERRIDE",),
                        ("U+2028 LINE SEPARATOR",)))
    assert hygiene.clean_report(cleaned).report is cleaned


def test_a_long_list_of_characters_is_named_within_a_warning_line() -> None:
    tags = "".join(chr(c) for c in range(0xE0020, 0xE0080))
    finding = hygiene.Finding("incident.title", hygiene.clean_text(tags)[1])
    message = finding.message()
    assert len(message) < 260 and message.startswith("removed from every output: U+E0020, ")
    assert message.endswith(" more")
