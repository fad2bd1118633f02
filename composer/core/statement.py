"""One truth in every output: the ordered, typed list of what a report states.

Qt-free. :func:`statements` turns a report, its classification and the time the outputs are
made into :class:`Statements`: the report's type (首报, 续报, 总结报告, each possibly a 更正 of a
named report, with what changed), its level or 待研判 and why, the deadline it answers and
whether it meets it (a correction takes the timeliness of the report it corrects), each item
of Art. 7 with its value or 暂不掌握 / 待补报, the ransom parts, what the unit says of the
police, lateness and its reason, and the notes beside them — each in its final Chinese words
(English where the app shows English, spoken words for the phone script).

The PDF, the e-mail (text and HTML), the fax cover, the phone script, the web-form fields and
the app's header only lay this list out; none composes a statement of its own. Each
:class:`~composer.core.statement_base.Statement` names the outputs that carry it, and
``tests/test_statements_agree.py`` renders every example and hostile case and checks that each
carried statement appears in each of them, in the same words and figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from composer.core.classify import Classification
from composer.core.model import Report, ReportType
from composer.core.statement_art11 import art11_statements
from composer.core.statement_base import (
    CARRIERS,
    COVER,
    EMAIL,
    FIELDS,
    HEADER,
    MORE_IN_ATTACHMENT,
    MORE_IN_REPORT,
    MORE_IN_WRITING,
    NO_DELAY_REASON,
    NOT_YET_KNOWN,
    PDF,
    SCRIPT,
    TO_BE_SUPPLEMENTED,
    Statement,
    beijing_time,
    brief,
    fmt_time,
)
from composer.core.statement_items import item_statements
from composer.core.statement_level import (
    deadline_statement,
    headline,
    level_statements,
    recipients_statement,
    timeliness_statements,
    type_statements,
)


@dataclass(frozen=True, slots=True)
class Statements:
    """What one report states, in order (see the module docstring)."""

    report: Report
    all: tuple[Statement, ...]
    settled: bool                  # False: the level is 待研判
    reportable: bool               # settled and 较大 or above
    late: bool                     # made after the deadline it answers (a correction: the
    #                                corrected report was)
    headline: tuple[str, ...]      # the fax cover's boxed first line

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.all)

    def get(self, key: str) -> Statement | None:
        return next((s for s in self.all if s.key == key), None)

    def text(self, key: str) -> str:
        """The statement's text ("" when the report does not make it)."""
        s = self.get(key)
        return s.text if s is not None else ""

    def prefixed(self, prefix: str) -> tuple[Statement, ...]:
        """The statements whose key starts with ``prefix`` (``"reason."``, ``"change."``…)."""
        return tuple(s for s in self.all if s.key.startswith(prefix))

    def for_carrier(self, carrier: str) -> tuple[Statement, ...]:
        return tuple(s for s in self.all if s.carried_by(carrier))

    def item(self, n: int, carrier: str | None = None) -> tuple[Statement, ...]:
        """The parts of Art. 7 item ``n`` (without its heading), in order."""
        return tuple(s for s in self.all if s.item == n and not s.key.startswith("heading.")
                     and (carrier is None or s.carried_by(carrier)))

    @property
    def items(self) -> tuple[int, ...]:
        """The items this report has (1–8; 9 and 10 — the Art. 8 summary and the Art. 11
        account — for a summary report)."""
        return tuple(s.item for s in self.all if s.key.startswith("heading."))

    @property
    def level(self) -> Statement:
        s = self.get("level")
        assert s is not None
        return s

    @property
    def grading_lines(self) -> tuple[Statement, ...]:
        """Everything said beside the level: reasons, 「说明：」 lines, notices, 待研判, the
        unit's assessment, the voluntary nature of a 一般 report."""
        keys = ("reason.", "remark.", "unverified", "confirmed_by_unit", "pending",
                "assessed", "nature", "cii_reading")
        return tuple(s for s in self.all if s.key.startswith(keys))

    @property
    def correction_lines(self) -> tuple[Statement, ...]:
        keys = ("corrects", "change.", "correction_note")
        return tuple(s for s in self.all if s.key.startswith(keys))


def statements(report: Report, classification: Classification, *,
               generated_at: datetime | None = None) -> Statements:
    """Everything ``report`` states, in order. ``generated_at``: when the outputs are made
    (a report made after its deadline says so); None: lateness is not stated (the header,
    the phone script)."""
    c = classification
    level = level_statements(report, c)
    timeliness = timeliness_statements(report, c, generated_at)
    late = any(s.key in ("late", "delay_reason") for s in timeliness)
    deadline = deadline_statement(report, c)
    head = [*type_statements(report), recipients_statement(report, c)]
    if deadline is not None:
        head.append(deadline)
    head += timeliness
    return Statements(report=report, all=(*head, *item_statements(report, level),
                                          *art11_statements(report, c)),
                      settled=c.settled, reportable=c.settled and c.grading.reportable,
                      late=late, headline=headline(report, c, late))


def header_statements(report: Report, classification: Classification) -> Statements:
    """The few statements the app's header shows (type, level, deadline), built cheaply on
    every change of the draft — no items, no law text loaded."""
    c = classification
    level = level_statements(report, c)
    deadline = deadline_statement(report, c)
    items = [*type_statements(report)[:1], *level] + ([deadline] if deadline else [])
    return Statements(report=report, all=tuple(items), settled=c.settled,
                      reportable=c.settled and c.grading.reportable, late=False,
                      headline=headline(report, c, False))


__all__ = ["CARRIERS", "COVER", "EMAIL", "FIELDS", "HEADER", "MORE_IN_ATTACHMENT",
           "MORE_IN_REPORT", "MORE_IN_WRITING", "NOT_YET_KNOWN", "NO_DELAY_REASON", "PDF",
           "SCRIPT", "TO_BE_SUPPLEMENTED", "ReportType", "Statement", "Statements",
           "beijing_time", "brief", "fmt_time", "header_statements", "statements"]
