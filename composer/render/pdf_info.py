"""Document information for a PDF another library wrote (PDFium cannot set it).

:func:`with_info` appends an incremental update (ISO 32000-1 §7.5.6): a new Info dictionary,
a one-entry cross-reference section and a trailer pointing at both (``/Prev`` keeps the old
one), so the fax set gets a Title, Subject, Author and real dates without rewriting the file.
"""

from __future__ import annotations

import re

_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.DOTALL)


def _pdf_text(value: str) -> bytes:
    """A PDF text string: ASCII as a literal, anything else UTF-16BE with BOM in hex."""
    if value.isascii() and value.isprintable():
        return b"(" + value.replace("\\", "\\\\").replace("(", "\\(").replace(
            ")", "\\)").encode("ascii") + b")"
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def with_info(pdf: bytes, info: dict[str, str]) -> bytes:
    """``pdf`` plus an incremental update whose trailer points at a new Info dictionary."""
    m = _TRAILER.search(pdf, max(0, len(pdf) - 4096))
    if m is None:
        raise ValueError("no classic trailer to update")
    trailer, prev = m.group(1), int(m.group(2))
    size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))  # type: ignore[union-attr]
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer).group(1)  # type: ignore[union-attr]
    ident = re.search(rb"/ID\s*(\[[^\]]*\])", trailer)
    base = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    offset = len(base)
    body = b"".join(b"/" + k.encode("ascii") + b" " + _pdf_text(v) + b"\n"
                    for k, v in info.items())
    obj = b"%d 0 obj\n<<\n%s>>\nendobj\n" % (size, body)
    xref_at = offset + len(obj)
    xref = b"xref\n%d 1\n%010d 00000 n\r\n" % (size, offset)
    tail = (b"trailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %d%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (size + 1, root, size, prev, b" /ID " + ident.group(1) if ident else b"", xref_at))
    return base + obj + xref + tail
