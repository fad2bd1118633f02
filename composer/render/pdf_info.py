"""Document information for a PDF another library wrote (PDFium cannot set it).

:func:`with_info` appends an incremental update (ISO 32000-1 §7.5.6): a new Info dictionary,
optionally the document catalog again with its natural language (``/Lang``, §14.9.2), a
cross-reference section for the new objects and a trailer pointing at them (``/Prev`` keeps the
old one), so the fax set gets a Title, Subject, Author, real dates and ``/Lang (zh-CN)`` without
rewriting the file.
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


def _dictionary_at(pdf: bytes, start: int) -> bytes:
    """The body of the dictionary whose ``<<`` is at ``start`` (nested dictionaries, literal
    and hex strings skipped), without the outer ``<<``/``>>``."""
    depth, i = 0, start
    while i < len(pdf):
        two = pdf[i:i + 2]
        if two == b"<<":
            depth, i = depth + 1, i + 2
            continue
        if two == b">>":
            depth, i = depth - 1, i + 2
            if depth == 0:
                return pdf[start + 2:i - 2]
            continue
        ch = pdf[i:i + 1]
        if ch == b"(":                       # literal string: balanced parentheses, escapes
            level, i = 1, i + 1
            while i < len(pdf) and level:
                c = pdf[i:i + 1]
                if c == b"\\":
                    i += 1
                elif c == b"(":
                    level += 1
                elif c == b")":
                    level -= 1
                i += 1
            continue
        if ch == b"<":                       # hex string
            i = pdf.index(b">", i) + 1
            continue
        i += 1
    raise ValueError("unterminated dictionary")


def _catalog(pdf: bytes, root: bytes) -> bytes:
    """The body of the catalog object ``root`` (``N G R``): where the cross-reference table
    says it is, or else its last definition in the file."""
    number, generation = root.split()[:2]
    head = re.compile(rb"(?<![0-9])" + number + rb"\s+" + generation + rb"\s+obj\s*<<")
    at = _xref_offset(pdf, int(number))
    found = head.match(pdf, at) if at is not None else None
    if found is None:
        defs = list(head.finditer(pdf))
        if not defs:
            raise ValueError("the document catalog is not a plain object")
        found = defs[-1]
    return _dictionary_at(pdf, found.end() - 2)


_STARTXREF = re.compile(rb"startxref\s*(\d+)\s*%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)\s*?\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) n")


def _xref_offset(pdf: bytes, number: int) -> int | None:
    """Where object ``number`` starts according to the file's last classic cross-reference
    section (ISO 32000-1 §7.5.4: 20-byte entries), None if that section does not say."""
    end = _STARTXREF.search(pdf, max(0, len(pdf) - 64))
    if end is None:
        return None
    at = int(end.group(1))
    if pdf[at:at + 4] != b"xref":
        return None
    at = pdf.find(b"\n", at) + 1
    while at > 0:
        section = _SUBSECTION.match(pdf, at)
        if section is None:
            return None
        first, count = int(section.group(1)), int(section.group(2))
        if first <= number < first + count:
            entry = _ENTRY.match(pdf, section.end() + 20 * (number - first))
            return int(entry.group(1)) if entry is not None else None
        at = section.end() + 20 * count
    return None


def with_info(pdf: bytes, info: dict[str, str], lang: str | None = None) -> bytes:
    """``pdf`` plus an incremental update whose trailer points at a new Info dictionary and,
    with ``lang``, at the catalog rewritten with ``/Lang`` (any earlier /Lang replaced)."""
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
    update = b"%d 0 obj\n<<\n%s>>\nendobj\n" % (size, body)
    xref = b"xref\n%d 1\n%010d 00000 n\r\n" % (size, offset)
    if lang is not None:
        catalog = re.sub(rb"/Lang\s*(\([^)]*\)|<[^>]*>)", b"", _catalog(pdf, root))
        number, generation = (int(x) for x in root.split()[:2])
        at = offset + len(update)
        update += b"%d %d obj\n<<%s /Lang %s>>\nendobj\n" % (number, generation, catalog,
                                                             _pdf_text(lang))
        entry = b"%d 1\n%010d %05d n\r\n" % (number, at, generation)
        if number == 1:     # with object 0 (the free list's head): a section starting at 1
            entry = b"0 2\n0000000000 65535 f\r\n" + entry[4:]   # reads as miscounted
        xref = b"xref\n" + entry + xref[len(b"xref\n"):]   # subsections in ascending order
    xref_at = offset + len(update)
    tail = (b"trailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %d%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (size + 1, root, size, prev, b" /ID " + ident.group(1) if ident else b"", xref_at))
    return base + update + xref + tail
