"""Warnings about a report that do not make it invalid but the user must see before sending."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

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
    """``(json path, ["U+202E RIGHT-TO-LEFT OVERRIDE", …])`` for each field with control or
    bidi characters that the printed outputs leave out (:mod:`composer.render.hygiene`)."""
    from composer.render.hygiene import findings

    return [(path, found) for path, text in text_fields(report) if (found := findings(text))]


def manifest_notes(report: Report) -> dict[str, Any]:
    """What manifest.json records about the text: characters printed as placeholders and
    characters left out of the printed outputs, by field (empty lists when there are none),
    and why the contact e-mail is not the draft's sender (None when it is)."""
    from composer.render.email import sender_problem
    from composer.render.fonts import placeholder

    return {
        "unprintable": [{"field": path, "characters": [name for _, name in missing],
                         "printed_as": [placeholder(ch) for ch, _ in missing]}
                        for path, missing in unprintable_fields(report)],
        "removed_from_print": [{"field": path, "characters": found}
                               for path, found in removed_fields(report)],
        "email_sender_problem": sender_problem(report),
    }


def sender_warnings(report: Report) -> list[Problem]:
    """A contact e-mail that cannot be the draft's sender (it is left out, never silently)."""
    from composer.render.email import sender_problem

    problem = sender_problem(report)
    return [Problem("operator.contact.email", problem)] if problem else []


def report_warnings(report: Report, now: datetime | None = None) -> list[Problem]:
    """Times in the future, characters no bundled font can print (by Unicode name; they print
    as 〔U+XXXX〕), control or bidi characters left out of the printed outputs, and a contact
    e-mail the draft cannot use as its sender."""
    from composer.render.fonts import placeholder

    now = datetime.now(UTC) if now is None else now
    return timing_warnings(report, now) + [
        Problem(path, "cannot be printed with the bundled fonts: "
                + ", ".join(name for _, name in missing)
                + " (printed as " + "".join(placeholder(ch) for ch, _ in missing) + ")")
        for path, missing in unprintable_fields(report)] + [
        Problem(path, "left out of the PDF and the fax (kept in the e-mail): "
                + ", ".join(found))
        for path, found in removed_fields(report)] + sender_warnings(report)
