"""Copy-ready fields for the web form, the mini-program and the WeChat account.

Qt-free. :func:`report_fields` gives each item of Art. 7 as plain text (no markup, no HTML, no
escaping), in the Measures' item order, for the channels where the user types or pastes the
report into a form (12387.cert.org.cn, the 12387 mini-program, the CNCERT account). The GUI's
复制 buttons and :func:`all_fields_text` (全部复制) copy exactly these texts. Every heading,
label and sentence is a statement of :mod:`composer.core.statement` — the same the PDF prints;
the contact goes into item 1, and the level with everything said beside it (and a correction,
and the fast-path sentence) into item 2, since the form has no header table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from composer.core.classify import Classification
from composer.core.model import Report
from composer.core.statement import FIELDS, Statement, Statements, beijing_time, statements
from composer.core.statement_items import SUMMARY_HEADING, item_headings

ITEM_TITLES = item_headings()
"""The eight items of Art. 7 in the law's words (item 2 of a ransomware report adds the
ransom clause): the PDF's own headings."""

SUMMARY_TITLE = SUMMARY_HEADING


@dataclass(frozen=True, slots=True)
class FormField:
    key: str        # "item1" … "item8", "summary", "art11" (the Art. 11 account)
    title: str      # the item's heading
    text: str       # plain text, lines separated by "\n"


def time_text(moment: datetime) -> str:
    return beijing_time(moment)


def _flat(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())


def _lines(parts: list[Statement]) -> str:
    return "\n".join(_flat(s.line) for s in parts)


def report_fields(report: Report, classification: Classification, *,
                  said: Statements | None = None) -> list[FormField]:
    """Art. 7 items 1–8 (and for a summary report the Art. 8 summary and the Art. 11
    account) as plain text."""
    said = said or statements(report, classification)
    out: list[FormField] = []
    for n in said.items:
        parts = list(said.item(n, FIELDS))
        if n == 1:
            contact = said.get("contact")
            if contact is not None:   # before the affected systems
                parts.insert(len(parts) - 1, contact)
            drill = said.get("drill")
            if drill is not None and drill.carried_by(FIELDS):   # a drill: said first
                parts.insert(0, drill)
        if n == 2:
            parts += [s for s in (*said.correction_lines, *said.prefixed("in_force"))
                      if s.carried_by(FIELDS)]
        key = {9: "summary", 10: "art11"}.get(n, f"item{n}")
        out.append(FormField(key, said.text(f"heading.{n}"), _lines(parts)))
    return out


def all_fields_text(fields: list[FormField]) -> str:
    """全部复制: every field, its heading on a line of its own, a blank line between."""
    return "\n\n".join(f"{f.title}\n{f.text}" for f in fields) + "\n"
