"""The report PDF's 「十、依法报告及处置情况（《办法》第十一条）」: the Art. 11 account of a
summary report, laid out (the words are :mod:`composer.core.statement_art11`'s).

Qt-free (reportlab). The sendings are a ruled table — one :class:`Table` per row, all with the
same column widths, so that the report's keep-with rules (:mod:`composer.render.pdf_keep`) may
break the page between two rows and a long history never overflows a page; the header row
opens the table. Every column is at least as wide as its longest unbreakable run (a time, a
number) and, where the widths allow, a short line (首报（更正）, 迟报 35 分钟) whole; a time's date
and hour may stand on two lines. The header row and the first row are one table: the header
never stands alone at a page's foot.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from composer.core.statement import PDF, Statement, Statements
from composer.core.statement_art11 import COLUMNS
from composer.render import pdf_layout as L
from composer.render.pdf_keep import REPEAT_HEAD

SIZE = 12.0
LEADING = 17.0
PAD = 4.0
SHORT = 8
"""A cell line of at most this many characters is never broken (if the columns fit)."""
_TOKEN = re.compile(r"[\x21-\x7e]+")
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$")


def _widths(rows: Sequence[Sequence[str]], font: str, total: float) -> list[float]:
    """At least each column's longest unbreakable run, then in proportion to its longest
    line, within ``total``."""
    cols = len(rows[0])
    least = [2 * SIZE + 2 * PAD] * cols
    natural = list(least)
    for row in rows:
        for c, cell in enumerate(row):
            for line in cell.split("\n"):
                width = stringWidth(line, font, SIZE) + 2 * PAD + 1
                natural[c] = max(natural[c], width)
                # kept whole: a short line (首报（更正）, 迟报 35 分钟), any ASCII run
                if len(line) <= SHORT:
                    least[c] = max(least[c], width)
                for token in _TOKEN.findall(line):
                    least[c] = max(least[c], stringWidth(token, font, SIZE) + 2 * PAD + 1)
    if sum(natural) <= total:
        return [n * total / sum(natural) for n in natural]
    if sum(least) >= total:
        return [m * total / sum(least) for m in least]
    spare = total - sum(least)
    lack = [n - m for n, m in zip(natural, least, strict=True)]
    return [m + spare * k / sum(lack) for m, k in zip(least, lack, strict=True)]


def _cell_markup(text: str, markup: Callable[[str], str]) -> str:
    """A cell's text as paragraph markup: its lines kept, a time's date and hour allowed on
    two lines."""
    lines = []
    for line in text.split("\n"):
        m = _TIME.match(line)
        lines.append(f"{markup(m.group(1))} {markup(m.group(2))}" if m else markup(line))
    return "<br/>".join(lines)


def _row_table(rows: Sequence[tuple[Sequence[str], ParagraphStyle]], widths: list[float],
               font: str, markup: Callable[[str], str]) -> Table:
    data = [[L.CJKParagraph(_cell_markup(c, markup), style) for c in cells]
            for cells, style in rows]
    table = Table(data, colWidths=widths)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, SIZE),
        ("GRID", (0, 0), (-1, -1), L.RULE_WIDTH, L.INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _paragraphs(st: L.ReportStyles, s: Statement) -> list[Flowable]:
    lines = [line.strip() for line in s.text.splitlines() if line.strip()] or [s.text]
    lead = f"<b>{st.markup(s.label)}：</b>" if s.label else ""
    return [L.CJKParagraph(lead + st.markup(lines[0]), st.body),
            *(L.CJKParagraph(st.markup(line), st.body) for line in lines[1:])]


def art11_flowables(st: L.ReportStyles, said: Statements) -> list[Flowable]:
    """The section's body (its heading is laid out with the other items')."""
    parts = said.item(10, PDF)
    rows = [s.cells for s in parts if s.cells]
    out: list[Flowable] = []
    tables: list[Flowable] = []
    if rows:
        body_font = st.typeface.body
        label = ParagraphStyle("art11-label", parent=st.cell_label, fontSize=SIZE,
                               leading=LEADING)
        cell = ParagraphStyle("art11-cell", parent=st.cell, fontSize=SIZE, leading=LEADING)
        widths = _widths([COLUMNS, *rows], body_font, L.FRAME_WIDTH)
        tables = [_row_table([(COLUMNS, label), (rows[0], cell)], widths, body_font,
                             st.markup)]

        def head() -> Table:
            return _row_table([(COLUMNS, label)], widths, body_font, st.markup)

        for r in rows[1:]:      # one flowable a row: the keep-with rules break between rows
            row = _row_table([(r, cell)], widths, body_font, st.markup)
            setattr(row, REPEAT_HEAD, head)      # its column heads again on a new page
            tables.append(row)
        tables[-1].spaceAfter = L.BODY_LEADING / 2
    for s in parts:
        if s.cells:
            out += tables       # the whole table where its first row is
            tables = []
            continue
        out += _paragraphs(st, s)
    return out


__all__ = ["art11_flowables"]
