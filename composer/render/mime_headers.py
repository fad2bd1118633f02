"""E-mail header values built by hand, so that every reader decodes them the same way.

The standard library folds non-ASCII text into base64 encoded words cut anywhere: the first
word may end in ``=`` padding, and GMime-based readers (mu, notmuch, several desktop clients)
join adjacent words before decoding and lose everything after the padding. Its folder also
passes a display name that *looks* like an encoded word through verbatim, so a name such as
``=?utf-8?b?ZXZpbEBhdHRhY2tlci5leGFtcGxlLCB4?=`` decoded into an extra recipient.

Here:

* :func:`encoded_words` cuts text at whole characters into RFC 2047 words of at most 75
  characters on lines of at most 78. Base64 words hold a multiple of 3 bytes (no padding) except
  the last; where no such cut exists the whole text is Q-encoded instead (Q has no padding). So
  each word decodes on its own, and so does their concatenation.
* Display names are *always* encoded (even plain ASCII), so quotes, commas, angle brackets and
  ``=?`` inside a name are data of an encoded word, never syntax; :func:`address_header` then
  parses its own result back and refuses (:class:`UnsafeHeader`) unless it yields exactly the
  intended address and display name.
* :func:`rfc2231_param` writes a non-ASCII parameter (an attachment's file name) as RFC 2231
  continuations ``filename*0*=utf-8''…``.
"""

from __future__ import annotations

import base64
import quopri
import string
from email import policy as _policy
from email.headerregistry import AddressHeader
from urllib.parse import quote

MAX_LINE = 78          # RFC 5322 recommended line length
MAX_WORD = 75          # RFC 2047 §2
_PREFIX_B, _PREFIX_Q, _SUFFIX = "=?utf-8?b?", "=?utf-8?q?", "?="
_Q_SAFE = frozenset(string.ascii_letters + string.digits + "!*+-/")


class UnsafeHeader(ValueError):
    """A header value does not parse back to exactly what was meant."""


def _q_char(ch: str) -> str:
    if ch in _Q_SAFE:
        return ch
    if ch == " ":
        return "_"
    return "".join(f"={b:02X}" for b in ch.encode("utf-8"))


def _b_chunks(text: str, budgets: list[int]) -> list[str] | None:
    """Text cut at whole characters so every chunk but the last is a multiple of 3 bytes and
    fits its budget (bytes); None if no such cut exists somewhere."""
    chunks: list[str] = []
    start, size, last_cut = 0, 0, -1        # last_cut: index after which a cut is allowed
    i = 0
    while i < len(text):
        budget = budgets[min(len(chunks), len(budgets) - 1)]
        n = len(text[i].encode("utf-8"))
        if size + n > budget:
            if last_cut <= start:
                return None
            chunks.append(text[start:last_cut])
            start, size, i = last_cut, 0, last_cut
            last_cut = -1
            continue
        size += n
        i += 1
        if size % 3 == 0:
            last_cut = i
    chunks.append(text[start:])
    return chunks


def _q_words(text: str, widths: list[int]) -> list[str]:
    words: list[str] = []
    current = ""
    for ch in text:
        width = widths[min(len(words), len(widths) - 1)]
        piece = _q_char(ch)
        if current and len(_PREFIX_Q) + len(current) + len(piece) + len(_SUFFIX) > width:
            words.append(_PREFIX_Q + current + _SUFFIX)
            current = ""
        current += piece
    words.append(_PREFIX_Q + current + _SUFFIX)
    return words


def encoded_words(text: str, first_room: int) -> list[str]:
    """``text`` as RFC 2047 words; the first fits in ``first_room`` characters, the others on
    continuation lines of their own (``MAX_LINE - 1`` after the folding space)."""
    widths = [min(MAX_WORD, first_room), min(MAX_WORD, MAX_LINE - 1)]
    overhead = len(_PREFIX_B) + len(_SUFFIX)
    budgets = [max(3, (w - overhead) // 4 * 3) for w in widths]
    chunks = _b_chunks(text, budgets) if text else [""]
    if chunks is None:
        return _q_words(text, widths)
    return [_PREFIX_B + base64.b64encode(c.encode("utf-8")).decode("ascii") + _SUFFIX
            for c in chunks]


def _fold(name: str, pieces: list[str]) -> str:
    """``name: p1`` then each further piece on a continuation line when it would not fit."""
    lines = [f"{name}: {pieces[0]}"]
    for piece in pieces[1:]:
        if len(lines[-1]) + 1 + len(piece) <= MAX_LINE:
            lines[-1] += " " + piece
        else:
            lines.append(" " + piece)
    return "\r\n".join(lines)


def unstructured_header(name: str, text: str) -> str:
    """A whole ``Name: value`` header (CRLF-folded, no final CRLF) with ``text`` encoded.

    Plain printable ASCII stays readable; anything else becomes encoded words.
    """
    if text.isascii() and text.isprintable() and "=?" not in text and len(name) + 2 + len(
            text) <= MAX_LINE:
        return f"{name}: {text}"
    return _fold(name, encoded_words(text, MAX_LINE - len(name) - 2))


def decode_word(word: str) -> str:
    """The text of one encoded word written by :func:`encoded_words`."""
    charset_and_text = word[len(_PREFIX_B):-len(_SUFFIX)]
    if word.startswith(_PREFIX_B):
        return base64.b64decode(charset_and_text).decode("utf-8")
    return quopri.decodestring(charset_and_text.replace("_", " "),
                               header=True).decode("utf-8")


def address_header(name: str, display: str, addr: str) -> str:
    """``Name: =?utf-8?b?…?= <addr>``; the display name always encoded, the result checked.

    A long name takes as many encoded words as it needs (each whole characters, without base64
    padding but in the last, so it decodes on its own and GMime's joining of adjacent words
    loses nothing). Raises :class:`UnsafeHeader` unless the header parses back (by the
    standard library) to exactly one address ``addr`` with display name ``display`` — or, for
    a name of several words, ``display`` with a space where one word ends and the next begins:
    Python's parser keeps the folding white space between encoded words of a display name
    (RFC 2047 §6.2 says to drop it; GMime, mu, notmuch, Thunderbird and Outlook do).
    """
    words = encoded_words(display, MAX_LINE - len(name) - 2) if display else []
    header = _fold(name, [*words, f"<{addr}>"])
    check_addresses(header, [(display, addr)],
                    also=[(" ".join(decode_word(w) for w in words), addr)])
    return header


def check_addresses(header: str, expected: list[tuple[str, str]],
                    also: list[tuple[str, str]] | None = None) -> None:
    """:class:`UnsafeHeader` unless ``Name: value`` parses to exactly ``expected`` (or to
    ``also``, the same read by a parser that keeps the space between encoded words)."""
    name, _, value = header.partition(":")
    parsed = _policy.SMTP.header_factory(name, value.replace("\r\n", "").strip())
    addresses = parsed.addresses if isinstance(parsed, AddressHeader) else ()
    got = [(a.display_name, a.addr_spec) for a in addresses]
    if got not in (expected, also) or parsed.defects:
        raise UnsafeHeader(f"{name} would read as {got!r}, not {expected!r}")


def rfc2231_param(key: str, value: str) -> list[str]:
    """``key*0*=utf-8''…;`` continuations, each on a line of its own (at most ``MAX_LINE``
    characters with the folding space and ``;``), cut at whole characters."""
    pieces: list[str] = []
    current = ""
    for ch in value:
        enc = quote(ch.encode("utf-8"), safe="")
        head = f"{key}*{len(pieces)}*=" + ("" if pieces else "utf-8''")
        if current and 1 + len(head) + len(current) + len(enc) + 1 > MAX_LINE:
            pieces.append(head + current)
            current = ""
        current += enc
    pieces.append(f"{key}*{len(pieces)}*=" + ("" if pieces else "utf-8''") + current)
    return pieces
