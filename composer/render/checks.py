"""Warnings about a report that do not make it invalid but the user must see before sending."""

from __future__ import annotations

from dataclasses import fields

from composer.core.incident_io import Problem
from composer.core.model import Report


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


def report_warnings(report: Report) -> list[Problem]:
    """Characters no bundled font can print, by field and Unicode name."""
    from composer.render.fonts import unprintable

    problems = []
    for path, text in text_fields(report):
        missing = unprintable(text)
        if missing:
            names = "、".join(name for _, name in missing)
            problems.append(Problem(path, f"cannot be printed with the bundled fonts: {names}"))
    return problems
