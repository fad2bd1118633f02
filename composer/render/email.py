"""The e-mail channel: an unsent RFC 5322 draft to the national intake with report.pdf attached
(a drill's: to the drill's own addresses only, or to nobody — :func:`composer.core.drill.addressees`).

:func:`render_eml` returns the bytes of a ``message.eml``: ``multipart/mixed`` holding a
``multipart/alternative`` (plain text + HTML, both from jinja2 templates) and the PDF, attached
byte for byte. ``X-Unsent: 1`` makes Outlook open it as an editable draft; Thunderbird offers
"Edit as new".

Header safety: every user-typed text that reaches a header goes through :func:`header_text`
(control characters and line separators become spaces), addresses are checked against a strict
ASCII pattern, and Subject, From, Reply-To and the attachment's name are written by
:mod:`composer.render.mime_headers` (whole-character encoded words that decode on their own in
GMime too, display names always encoded and parsed back to check the address), so no input can
add a header or a recipient.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from email.message import EmailMessage, MIMEPart
from email.policy import SMTP
from email.utils import format_datetime

from composer import __version__
from composer.core.addresses import address_problem
from composer.core.classify import Classification
from composer.core.drill import addressees, intake_problem, marked
from composer.core.model import Report
from composer.core.obligations import in_china
from composer.core.statement import (
    EMAIL,
    MORE_IN_ATTACHMENT,
    Statement,
    Statements,
    fmt_time,
    statements,
)
from composer.core.statement_level import report_title
from composer.render.mime_headers import (
    UnsafeHeader,
    address_header,
    check_addresses,
    rfc2231_param,
    unstructured_header,
)
from composer.render.oneline import header_text
from composer.render.templating import render

__all__ = ["InvalidAddress", "check_address", "fmt_time", "header_text", "parse_address_list",
           "render_eml", "subject_line"]

BODY_BRIEF = 600     # a long text of the unit's is cut in the body: the PDF attached has it all


class InvalidAddress(ValueError):
    """An e-mail address the user typed is not a plain address."""


def check_address(text: str) -> str:
    """``text`` stripped, if it is one plain address (:mod:`composer.core.addresses`, the
    definition the incident validator uses too); else :class:`InvalidAddress`."""
    problem = address_problem(text)
    if problem is not None:
        raise InvalidAddress(f"not a valid e-mail address: {text!r} ({problem})")
    return text.strip()


def parse_address_list(text: str) -> tuple[list[str], list[str]]:
    """Split ``a@x.cn, b@y.cn; c@z.cn`` (commas, semicolons, spaces, newlines, full-width
    punctuation) into ``(valid addresses without duplicates, invalid entries)``."""
    valid: list[str] = []
    invalid: list[str] = []
    for item in re.split(r"[,;，；、\s]+", text):
        if not item:
            continue
        try:
            addr = check_address(item)
        except InvalidAddress:
            invalid.append(item)
            continue
        if addr.lower() not in (v.lower() for v in valid):
            valid.append(addr)
    return valid, invalid


def subject_line(report: Report, classification: Classification,
                 said: Statements | None = None) -> str:
    """``【网络安全事件报告·首报】华东优选零售有限公司 较大 2026-11-18`` (date of discovery;
    the level as the report states it: 待研判 while unsettled)."""
    said = said or statements(report, classification)
    day = in_china(report.incident.discovered_at).strftime("%Y-%m-%d")
    unit = header_text(report.operator.name, 80)
    return header_text(marked(report, f"【网络安全事件报告·{said.text('type')}】{unit} "
                                      f"{said.level.text} {day}"), 200)


def _brief(s: Statement) -> str:
    return s.brief(BODY_BRIEF, MORE_IN_ATTACHMENT)


def _line(s: Statement) -> str:
    return f"{s.label}：{_brief(s)}" if s.label else _brief(s)


def body_context(report: Report, classification: Classification, *,
                 generated_at: datetime, attachment_name: str,
                 said: Statements | None = None) -> dict[str, object]:
    """Everything the e-mail templates show (plain data, no markup): the statements of
    :mod:`composer.core.statement` that the e-mail carries, grouped into its sections."""
    said = said or statements(report, classification, generated_at=generated_at)
    grading = [s for s in said.grading_lines if s.carried_by(EMAIL) and s.key != "nature"]
    timing = [s for s in (said.get(k) for k in ("deadline", "nature", "late", "timeliness",
                                                 "delay_reason", "in_force"))
              if s is not None and s.carried_by(EMAIL)]
    items = []
    for n in said.items:
        parts = [s for s in said.item(n, EMAIL)
                 if s.key == "level" or (s not in grading and s.key != "nature")]
        items.append({"heading": said.text(f"heading.{n}"),
                      "lines": [_line(s) for s in parts]})
    contact = said.get("contact")
    summary = [s for s in (said.get(k) for k in ("item2.title", "item1.name", "item2.category",
                                                  "item2.discovered_at", "item2.occurred_at"))
               if s is not None and not s.empty]
    drill = said.get("drill")
    return {
        "summary_lines": [_line(s) for s in summary],
        "subject": subject_line(report, classification, said),
        "salutation": addressees(report).salutation,
        "drill": _line(drill) if drill is not None and drill.carried_by(EMAIL) else "",
        "unit": report.operator.name,
        "report_type": said.text("type"),
        "correction": [_line(s) if s.key != "corrects" else s.text
                       for s in said.correction_lines if s.carried_by(EMAIL)],
        "level": said.level.text,
        "reasons": [s.text for s in grading if s.key.startswith("reason.")],
        "grading": [_brief(s) for s in grading if not s.key.startswith("reason.")],
        "timing": [_line(s) if s.key == "delay_reason" else s.text for s in timing],
        "contact": contact.text if contact is not None else "",
        "items": items,
        "art8": 9 in said.items,
        "generated_at": fmt_time(generated_at),
        "attachment_name": attachment_name,
        "version": __version__,
    }


_ASCII_TYPE = {"initial": "initial", "follow_up": "follow-up", "summary": "summary"}


def attachment_names(report: Report, generated_at: datetime) -> tuple[str, str]:
    """``(name, ASCII fallback)`` of the attached PDF: report type, unit and date, e.g.
    ``网络安全事件报告（首报）_华东优选零售有限公司_2026-11-18.pdf`` and
    ``incident-report-initial-2026-11-18.pdf``."""
    day = in_china(generated_at).strftime("%Y-%m-%d")
    unit = header_text(report.operator.name, 60)
    name = _attachment_name(f"{report_title(report)}_{unit}_{day}")
    return name, f"incident-report-{_ASCII_TYPE[report.report_type.value]}-{day}.pdf"


def _attachment_name(name: str) -> str:
    name = header_text(name, 120)
    name = "".join("_" if c in '/\\:*?"<>|' else c for c in name).strip(". ")
    if not name:
        name = "report.pdf"
    return name if name.lower().endswith(".pdf") else name + ".pdf"


NAME_MAX = 10_000
"""Longer than any name the validator lets through (200 characters): names are not cut."""

_NEUTRAL = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in '"<>,;:@\\()[]='})
"""Address syntax (and ``=``, so no ``=?``) as the full-width look-alikes: some readers (notmuch
among them) decode a display name and then parse the decoded text as addresses again."""


def display_name(report: Report) -> str:
    """The From/Reply-To display name: the contact and the whole unit name,
    ``刘洋（华东优选零售有限公司）`` — never cut, however long: :mod:`composer.render.mime_headers`
    writes it as as many encoded words as it needs. Characters of address syntax become their
    full-width forms (``"A, B" <x@y>`` → ``＂A， B＂ ＜x＠y＞``): a name stays data even for a
    reader that decodes it first and parses addresses afterwards."""  # noqa: RUF002 (the full-width forms it writes)
    contact = header_text(report.operator.contact.name, NAME_MAX).translate(_NEUTRAL)
    unit = header_text(report.operator.name, NAME_MAX).translate(_NEUTRAL)
    if not unit:
        return contact
    return f"{contact}（{unit}）" if contact else unit


def sender_problem(report: Report) -> str | None:
    """Why the contact's e-mail cannot be the draft's From/Reply-To (None if it can or if none
    is given): the draft then has no sender, and the user must be told."""
    email = report.operator.contact.email
    if not email or not email.strip():
        return None
    try:
        addr = check_address(email)
    except InvalidAddress:
        return ("not a plain ASCII address (local@domain), so the e-mail draft has no From "
                "and Reply-To; the mail client will fill in its own sender")
    try:
        address_header("From", display_name(report), addr)
    except UnsafeHeader:
        return "the contact name cannot be written safely into From; the address alone is used"
    return None


def _sender_headers(report: Report) -> list[tuple[str, str]]:
    """(name, folded value) of From and Reply-To, or nothing without a usable address."""
    email = report.operator.contact.email
    if not email:
        return []
    try:
        addr = check_address(email)
    except InvalidAddress:
        return []
    out = []
    for name in ("From", "Reply-To"):
        try:
            header = address_header(name, display_name(report), addr)
        except UnsafeHeader:
            header = address_header(name, "", addr)
        out.append((name, header.partition(": ")[2]))
    return out


def _attachment(pdf_bytes: bytes, name: str, fallback: str) -> MIMEPart:
    """The PDF part: ``name`` as RFC 2231 ``filename*`` and the ASCII ``name=`` fallback."""
    part = MIMEPart(policy=SMTP)
    part.set_content(pdf_bytes, maintype="application", subtype="pdf",
                     params={"name": fallback})
    del part["Content-Disposition"]
    params = rfc2231_param("filename", name)
    part.set_raw("Content-Disposition", "attachment;\r\n " + ";\r\n ".join(params))
    return part


def _message_id(report: Report, pdf_bytes: bytes, generated_at: datetime,
                recipients: Sequence[str]) -> str:
    h = hashlib.sha256()
    for part in (report.operator.name, report.incident.title, generated_at.isoformat(),
                 *recipients):
        h.update(part.encode("utf-8") + b"\0")
    h.update(hashlib.sha256(pdf_bytes).digest())
    return f"<{h.hexdigest()[:32]}.composer@composer.invalid>"


def render_eml(report: Report, classification: Classification, pdf_bytes: bytes, *,
               generated_at: datetime, extra_recipients: Iterable[str] = (),
               attachment_name: str | None = None) -> bytes:
    """The ``message.eml`` draft (CRLF line ends). Raises :class:`InvalidAddress`.

    The PDF is attached as :func:`attachment_names` (or ``attachment_name``). Without a usable
    contact address there is no From/Reply-To: :func:`sender_problem` says why.
    """
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError("generated_at needs a UTC offset")
    # a real report: the intake first; a drill: only its own addresses (none: no To at all)
    recipients = [check_address(a) for a in addressees(report).emails]
    for extra in extra_recipients:
        addr = check_address(extra)
        if report.drill and intake_problem(addr):
            raise InvalidAddress(f"{addr}: {intake_problem(addr)}")
        if addr.lower() not in (r.lower() for r in recipients):
            recipients.append(addr)
    name, fallback = attachment_names(report, generated_at)
    if attachment_name is not None:
        name = _attachment_name(attachment_name)
    ctx = body_context(report, classification, generated_at=generated_at, attachment_name=name)

    msg = EmailMessage(policy=SMTP)
    for header, value in _sender_headers(report):
        msg.set_raw(header, value)
    if recipients:
        msg["To"] = ", ".join(recipients)
        check_addresses("To: " + msg["To"], [("", r) for r in recipients])
    msg.set_raw("Subject", unstructured_header("Subject", str(ctx["subject"])).partition(
        ": ")[2])
    msg["Date"] = format_datetime(in_china(generated_at).replace(microsecond=0))
    message_id = _message_id(report, pdf_bytes, generated_at, recipients)
    msg["Message-ID"] = message_id
    msg["X-Unsent"] = "1"
    msg["X-Mailer"] = f"Composer {__version__}"
    msg.set_content(render("email.txt.j2", **ctx), cte="base64")
    msg.add_alternative(render("email.html.j2", **ctx), subtype="html", cte="base64")
    msg.make_mixed()
    # a MIMEPart, as EmailMessage.add_attachment makes (an EmailMessage would add MIME-Version)
    msg.attach(_attachment(pdf_bytes, name, fallback))  # type: ignore[arg-type]
    # Deterministic boundaries ("=_" never occurs in a base64 body, and every part is base64),
    # so the same inputs give the same bytes and the manifest's hashes are reproducible.
    token = message_id[1:25]
    msg.set_boundary(f"=_composer_mixed_{token}")
    alternative = next(msg.iter_parts())
    alternative.set_boundary(f"=_composer_alt_{token}")
    for part in msg.walk():              # MIME-Version belongs to the message alone (RFC 2045)
        if part is not msg:
            del part["MIME-Version"]
    return msg.as_bytes(policy=SMTP)
