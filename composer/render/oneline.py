"""One line of text for a header or a file name: what an e-mail header, a PDF's metadata or a
fax cover's name row can hold."""

from __future__ import annotations

import unicodedata

from composer.core.hygiene import clean


def header_text(text: str, limit: int = 200) -> str:
    """One line of header-safe text: invisible characters are left out (the text hygiene of
    :mod:`composer.core.hygiene`, never a visible space: 示例\u200b数据 stays 示例数据), line
    breaks and tabs become single spaces; cut to ``limit`` characters with "…"."""
    out = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                  for c in clean(text))
    out = " ".join(out.split())
    return out if len(out) <= limit else out[: limit - 1] + "…"
