"""One line of text for a header or a file name: what an e-mail header, a PDF's metadata or a
fax cover's name row can hold."""

from __future__ import annotations

import unicodedata


def header_text(text: str, limit: int = 200) -> str:
    """One line of header-safe text: control and separator characters become single spaces,
    cut to ``limit`` characters with "…"."""
    out = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                  for c in text)
    out = " ".join(out.split())
    return out if len(out) <= limit else out[: limit - 1] + "…"
