"""Warnings about a report that do not make it invalid but the user must see before sending."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from composer.core.hygiene import Finding, clean_report
from composer.core.model import Report
from composer.core.validators import Problem, timing_warnings


def text_fields(report: Report) -> list[tuple[str, str]]:
    """Every user-typed text of the report with its JSON path."""
    out: list[tuple[str, str]] = []

    def walk(obj: object, path: str) -> None:
        for f in fields(obj):  # type: ignore[arg-type]
            value = getattr(obj, f.name)
            p = f"{path}.{f.name}" if path else f.name
            if isinstance(value, str) and not hasattr(value, "value"):
                out.append((p, value))
            elif hasattr(value, "__dataclass_fields__"):
                walk(value, p)

    walk(report.operator, "operator")
    walk(report.incident, "incident")
    if report.corrects is not None:
        walk(report.corrects, "corrects")
    if report.correction_note is not None:
        out.append(("correction_note", report.correction_note))
    return out


def unprintable_fields(report: Report) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(json path, [(character, "U+XXXX NAME"), …])`` for each field with characters no
    bundled font can draw (they would print as empty boxes)."""
    from composer.render.fonts import unprintable

    out = []
    for path, text in text_fields(report):
        missing = unprintable(text)
        if missing:
            out.append((path, missing))
    return out


def removed_fields(report: Report) -> list[tuple[str, list[str]]]:
    """``(json path, ["U+202E RIGHT-TO-LEFT OVERRIDE", …])`` for each field with control, bidi
    or invisible format characters, which every output leaves out, and line separators, which
    every output writes as line breaks (:mod:`composer.core.hygiene`)."""
    return [(f.path, [*f.removed, *f.line_breaks])
            for f in clean_report(report).findings]


def manifest_notes(report: Report, findings: Sequence[Finding] | None = None) -> dict[str, Any]:
    """What manifest.json records about the text: characters printed as placeholders and what
    the text hygiene changed, by field (empty lists when there are none), and why the contact
    e-mail is not the draft's sender (None when it is). ``report`` is the report as given (or
    the cleaned one, with the ``findings`` of cleaning it)."""
    from composer.render.email import sender_problem
    from composer.render.fonts import placeholder

    if findings is None:
        report, findings = clean_report(report)
    return {
        "unprintable": [{"field": path, "characters": [name for _, name in missing],
                         "printed_as": [placeholder(ch) for ch, _ in missing]}
                        for path, missing in unprintable_fields(report)],
        # kept from composer-package/1 (its name is older than the change): now every output
        "removed_from_print": [{"field": f.path, "characters": list(f.removed)}
                               for f in findings if f.removed],
        "text_hygiene": [{"field": f.path, "removed": list(f.removed),
                          "line_breaks": list(f.line_breaks)} for f in findings],
        "email_sender_problem": sender_problem(report),
    }


def sender_warnings(report: Report) -> list[Problem]:
    """A contact e-mail that cannot be the draft's sender (it is left out, never silently)."""
    from composer.render.email import sender_problem

    problem = sender_problem(report)
    return [Problem("operator.contact.email", problem)] if problem else []


def hygiene_warnings(findings: Sequence[Finding]) -> list[Problem]:
    """One warning per field the text hygiene changed, naming what it removed."""
    return [Problem(f.path, f.message()) for f in findings]


def report_warnings(report: Report, now: datetime | None = None,
                    findings: Sequence[Finding] | None = None) -> list[Problem]:
    """Times in the future, characters no bundled font can print (by Unicode name; they print
    as 〔U+XXXX〕), control, bidi and invisible characters left out of every output (one
    warning per field), and a contact e-mail the draft cannot use as its sender. ``report``
    is the report as given, or the cleaned one with the ``findings`` of cleaning it."""
    from composer.render.fonts import placeholder

    now = datetime.now(UTC) if now is None else now
    if findings is None:
        report, findings = clean_report(report)
    return timing_warnings(report, now) + [
        Problem(path, "cannot be printed with the bundled fonts: "
                + ", ".join(name for _, name in missing)
                + " (printed as " + "".join(placeholder(ch) for ch, _ in missing) + ")")
        for path, missing in unprintable_fields(report)] + hygiene_warnings(
        findings) + sender_warnings(report)
