"""Warnings about a report that do not make it invalid but the user must see before sending."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

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


def sender_warnings(report: Report) -> list[Problem]:
    """A contact e-mail that cannot be the draft's sender (it is left out, never silently)."""
    from composer.render.email import sender_problem

    problem = sender_problem(report)
    return [Problem("operator.contact.email", problem)] if problem else []


def report_warnings(report: Report, now: datetime | None = None) -> list[Problem]:
    """Times in the future, characters no bundled font can print (by Unicode name), and a
    contact e-mail the draft cannot use as its sender."""
    now = datetime.now(UTC) if now is None else now
    return timing_warnings(report, now) + [
        Problem(path, "cannot be printed with the bundled fonts: "
                + ", ".join(name for _, name in missing))
        for path, missing in unprintable_fields(report)] + sender_warnings(report)
