"""Text positions of a PDF as poppler's ``pdftotext -bbox-layout`` reads them, and the layout
checks of issue 21 on top of them: nothing overlaps or leaves its page, no heading at a page's
foot, the last item with the signature, two body lines before the signature."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</line>", re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</word>", re.DOTALL)


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float          # from the top of the page
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: list[Box]
    words: list[Box]


def available() -> bool:
    return shutil.which("pdftotext") is not None


def pages(pdf: bytes) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox-layout", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode("utf-8")
    result = []
    for w, h, body in _PAGE.findall(out):
        lines, words = [], []
        for *xy, inner in _LINE.findall(body):
            ws = [Box(*map(float, wxy), html.unescape(t)) for *wxy, t in _WORD.findall(inner)]
            words += ws
            lines.append(Box(*map(float, xy), "".join(b.text for b in ws)))
        lines.sort(key=lambda b: (round(b.y0, 1), b.x0))
        result.append(Page(float(w), float(h), lines, words))
    return result


def overlaps(page: Page, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of word boxes that overlap each other (by more than ``tolerance`` points)."""
    found = []
    words = sorted(page.words, key=lambda b: b.y0)
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b.y0 >= a.y1 - tolerance:
                break
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and \
                    min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance:
                found.append((a.text, b.text))
    return found


def outside(page: Page, left: float, right: float, top: float, bottom: float) -> list[str]:
    """Words not within the box (points from the page's top-left)."""
    return [w.text for w in page.words
            if w.x0 < left - 0.5 or w.x1 > right + 0.5 or w.y0 < top - 0.5 or w.y1 > bottom + 0.5]
