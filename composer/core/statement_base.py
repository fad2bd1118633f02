"""One statement of a report: what it says, in its final words, and which outputs carry it.

Qt-free. :class:`Statement` is the unit of :mod:`composer.core.statement` (the ordered list of
what a report states); this module also holds the few shared words (待补报, 暂不掌握…), the
time formats every output prints, and :func:`brief` — how a long text of the unit's is cut to
its first sentences where an output has no room for all of it (the e-mail body, the fax cover,
the phone script), so that even the cut form is decided here and not by the output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from composer.core.art7 import NOT_YET_KNOWN_TEXT
from composer.core.obligations import in_china

# The outputs (carriers) a statement can appear in.
PDF = "pdf"            # the report (render/pdf.py)
EMAIL = "email"        # the e-mail's text and HTML bodies (render/email.py)
COVER = "cover"        # the fax cover sheet (render/fax_cover.py)
SCRIPT = "script"      # the 12387 phone script (render/script.py)
FIELDS = "fields"      # the copy-ready web-form fields (render/webform.py)
HEADER = "header"      # the app's header (gui/header.py)
CARRIERS = (PDF, EMAIL, COVER, SCRIPT, FIELDS, HEADER)
REPORT_OUTPUTS = frozenset({PDF, EMAIL, SCRIPT, FIELDS})   # what items of Art. 7 go into

TO_BE_SUPPLEMENTED = "待补报"
NOT_YET_KNOWN = NOT_YET_KNOWN_TEXT
NO_DELAY_REASON = "未说明"

MORE_IN_ATTACHMENT = "……（全文见附件）"      # the e-mail body: the PDF is attached
MORE_IN_REPORT = "……（详见报告）"            # the fax cover: the report follows it
MORE_IN_WRITING = "……详见书面报告"           # the phone script: the written report follows


def fmt_time(moment: datetime) -> str:
    """China Standard Time, to the minute: ``2026-11-18 18:05``."""
    return in_china(moment).strftime("%Y-%m-%d %H:%M")


def beijing_time(moment: datetime) -> str:
    """``2026-11-18 14:05（北京时间）``: to the minute, in +08:00."""
    return fmt_time(moment) + "（北京时间）"


def beijing_time_en(moment: datetime) -> str:
    return fmt_time(moment) + " (Beijing time)"


_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")


def one_line(text: str) -> str:
    """A text's lines joined with single spaces (line breaks have no place in a cut form)."""
    return " ".join(line.strip() for line in text.strip().splitlines() if line.strip())


def brief(text: str, limit: int, more: str, measure: Callable[[str], int] = len) -> str:
    """``text`` itself (stripped) when it fits ``limit`` (by ``measure``), else its first
    sentences that fit, followed by ``more`` — or, when even the first sentence is longer,
    its first ``limit`` characters' worth; in the cut form line breaks become spaces."""
    if measure(text.strip()) <= limit:
        return text.strip()
    flat = one_line(text)
    out = ""
    for sentence in _SENTENCE_END.split(flat):
        if not sentence:
            continue
        if measure(out + sentence) > limit:
            break
        out += sentence
    if not out.strip():
        out = ""
        for ch in flat:
            if measure(out + ch) > limit:
                break
            out += ch
    return out.strip() + more


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing the report states.

    ``text`` is the final Chinese wording (for a part of an Art. 7 item: its value, with
    ``label`` before it); ``en`` the English where the app shows English; ``spoken`` how the
    phone script says it when that differs (figures and times in words); ``carriers`` the
    outputs that carry it; ``user`` marks a text the unit typed (an output short of room says
    its :meth:`brief` instead); ``item`` the Art. 7 item it belongs to (0: the report's
    header — level, deadline, correction —, 9: the Art. 8 summary, 10: the Art. 11 account).
    """

    key: str
    text: str
    label: str = ""
    en: str = ""
    spoken: str = ""
    carriers: frozenset[str] = frozenset(CARRIERS)
    item: int = 0
    user: bool = False
    empty: bool = False          # the value is not given (the text is 待补报 or 暂不掌握…)
    cells: tuple[str, ...] = ()  # a row of a table: the PDF lays the cells out as one, the
    #                              other outputs say ``text`` (e.g. the Art. 11 account)

    @property
    def said(self) -> str:
        """What the phone script says."""
        return self.spoken or self.text

    @property
    def line(self) -> str:
        """``label：text`` (or the text alone when it has no label)."""
        return f"{self.label}：{self.text}" if self.label else self.text

    def brief(self, limit: int, more: str, measure: Callable[[str], int] = len) -> str:
        """The text, or — for a long text of the unit's — its first sentences and ``more``."""
        if not self.user:
            return self.text
        return brief(self.text, limit, more, measure)

    def carried_by(self, carrier: str) -> bool:
        return carrier in self.carriers


def carriers(*names: str) -> frozenset[str]:
    unknown = set(names) - set(CARRIERS)
    if unknown:
        raise ValueError(f"unknown carriers {sorted(unknown)}")
    return frozenset(names)


__all__ = ["CARRIERS", "COVER", "EMAIL", "FIELDS", "HEADER", "MORE_IN_ATTACHMENT",
           "MORE_IN_REPORT", "MORE_IN_WRITING", "NOT_YET_KNOWN", "NO_DELAY_REASON", "PDF",
           "REPORT_OUTPUTS", "SCRIPT", "TO_BE_SUPPLEMENTED", "Statement", "beijing_time",
           "beijing_time_en", "brief", "carriers", "fmt_time", "one_line"]
