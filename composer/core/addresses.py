"""The syntax of an e-mail address Composer writes into a message (the contact's, ``--to``,
the intake's): decided once here, used by the incident validator (so ``composer validate``
refuses what ``render`` could not write) and by the e-mail renderer.

An address is RFC 5321's ``Mailbox`` in its plain form, which is also RFC 5322's
``addr-spec`` in dot-atom form: ``local@domain`` in ASCII, the local part dot-separated atoms
of RFC 5322 ``atext`` (at most 64 characters), the domain at least two LDH labels (letters,
digits, hyphens not at either end, 1–63 characters each; an internationalised domain is typed
in its ``xn--`` form), at most 254 characters in all. Narrower than the RFCs on purpose: no
quoted local part, no address literal (``[192.0.2.1]``), no comments. And no RFC 2047 encoded
word (``=?charset?b?…?=``): its characters are ``atext``, but a mail program decodes it into
another text — another address — and Python's header parser fails on some of them.

Every check is a set or a linear scan: the time is linear in the length, whatever the input.
"""

from __future__ import annotations

import re
import string

ADDRESS_MAX = 254        # RFC 5321 4.5.3.1.3: a forward path is at most 256 octets with <>
LOCAL_MAX = 64           # RFC 5321 4.5.3.1.1
LABEL_MAX = 63           # RFC 1035 2.3.4
_ATEXT = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-/=?^_`{|}~")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")   # no nested repetition


def address_problem(text: str) -> str | None:
    """Why ``text`` (spaces around it ignored) is not one plain e-mail address, or None."""
    addr = text.strip()
    if len(addr) > ADDRESS_MAX:
        return f"is too long for an e-mail address ({len(addr):,} characters, at most " \
               f"{ADDRESS_MAX})"
    if not addr.isascii():
        return ("is not a plain e-mail address: only ASCII letters, digits and . _ + - "
                "(an internationalised domain in its xn-- form)")
    if addr.count("@") != 1:
        return "is not one e-mail address (local@domain)"
    local, domain = addr.split("@")
    if "=?" in addr or "?=" in addr:
        return "contains an encoded word (=?…?=), which mail programs turn into another text"
    if not local or len(local) > LOCAL_MAX:
        return f"has no valid part before @ (1 to {LOCAL_MAX} characters)"
    if any(not atom or not _ATEXT.issuperset(atom) for atom in local.split(".")):
        return "has characters before @ that an address cannot have (or dots at an end)"
    labels = domain.split(".")
    if len(labels) < 2 or any(len(label) > LABEL_MAX or not _LABEL.fullmatch(label)
                              for label in labels):
        return "has no valid domain after @ (like example.cn)"
    if labels[-1].isdigit():
        return "has no valid domain after @ (like example.cn)"
    return None


def is_address(text: str) -> bool:
    return address_problem(text) is None
