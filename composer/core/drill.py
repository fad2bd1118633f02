"""A drill (演练): a package that cannot be mistaken for a real report and cannot reach the
intake. Qt-free.

What a drill changes is decided here, once, and every output only lays it out:

* :data:`PREFIX` 【演练】 begins the report's title and the e-mail's subject (:func:`marked`);
* :data:`HEADLINE` is the fax cover's boxed line (instead of 紧急 …);
* :data:`PAGE_HEADER` and :data:`PAGE_MARK` are printed on every page of every PDF (a header
  line and a light diagonal mark: :mod:`composer.render.drill_mark`);
* :func:`drill_statement` is the statement the outputs carry (the phone script says it first:
  「这是演练。…」; the fax cover says :data:`HEADLINE` in its box instead);
* :func:`addressees` says whom the outputs address: the national intake for a real report; for
  a drill only the drill's own recipients (``drill_to`` e-mail addresses, ``drill_fax``) or
  nobody — never the intake's e-mail address or fax number, and no number to dial;
* :func:`address_problem` and :func:`fax_problem` check the file's ``drill_to`` / ``drill_fax``
  (a drill recipient at the intake is refused).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from composer.core.model import Report
from composer.core.rules import reporting_rules
from composer.core.statement_base import EMAIL, FIELDS, PDF, SCRIPT, Statement, carriers
from composer.core.validators import EMAIL_MAX, PHONE_MAX, is_email, is_phone

MARK = "演练"
PREFIX = "【演练】"
HEADLINE = "演练材料　请勿发送"
PAGE_HEADER = "【演练】本页为网络安全事件应急演练材料，请勿发送"
"""The line at the top of every page of every PDF of a drill."""
PAGE_MARK = "演练"
"""The light diagonal mark across every page of every PDF of a drill."""
NOTICE = "本报告为网络安全事件应急演练材料，不报送受理平台，不作为本单位的正式报告。"
NOTICE_EN = ("This report is incident-response drill material: it is not sent to the intake "
             "and is not a report of the unit.")
OPENING = "这是演练。"
"""What the phone script says first."""
RECIPIENT = "演练收件人"
NO_RECIPIENT = "演练收件人：未指定（演练材料，不报送受理平台）"


def marked(report: Report, text: str) -> str:
    """``text`` with 【演练】 before it for a drill (the title, the e-mail's subject)."""
    return PREFIX + text if report.drill else text


def drill_statement(report: Report) -> Statement | None:
    """「演练：本报告为…」, carried by every output (None for a real report) but the fax
    cover, which says it in its box (:data:`HEADLINE`) and keeps to one page."""
    if not report.drill:
        return None
    return Statement("drill", NOTICE, label=MARK, en=NOTICE_EN, spoken=OPENING + NOTICE,
                     carriers=carriers(PDF, EMAIL, SCRIPT, FIELDS))


@dataclass(frozen=True, slots=True)
class Addressees:
    """Whom a report's outputs are addressed to."""

    drill: bool
    salutation: str              # the e-mail's first line (without the colon)
    unit: str                    # the fax cover's 收件单位
    emails: tuple[str, ...]      # the e-mail's To (``render --to`` adds to it)
    fax: str | None              # the fax cover's 收件传真 (None: the cover has no such row)
    hotline: str | None          # the number the phone script dials (None: nobody, a drill)

    @property
    def written_to(self) -> str:
        """Where the written report goes, as the phone script's instruction says it."""
        parts = ([f"电子邮件 {'、'.join(self.emails)}"] if self.emails else []) + (
            [f"传真 {self.fax}"] if self.fax else [])
        if not self.drill:
            return "，".join(parts)
        return f"{RECIPIENT}：{'，'.join(parts)}" if parts else NO_RECIPIENT


def addressees(report: Report) -> Addressees:
    """The intake (rule data) for a real report; for a drill its own recipients, or none."""
    ch = reporting_rules().channels
    if not report.drill:
        return Addressees(False, ch.intake_zh, f"{ch.intake_zh}（{ch.hotline} 受理）",
                          (ch.email,), ch.fax, ch.hotline)
    unit = f"{RECIPIENT}（演练材料，不报送受理平台）"
    return Addressees(True, RECIPIENT, unit, report.drill_to, report.drill_fax, None)


# --- the file's drill_to and drill_fax --------------------------------------------------------

_SEPARATORS = re.compile(r"[,;，；、\s]+")


def split_addresses(text: str) -> list[str]:
    """The entries of a typed list of addresses (commas, semicolons, 、, spaces, line breaks,
    full-width punctuation), as typed: the file's reader checks each."""
    return [item for item in _SEPARATORS.split(text) if item]



def _intake_domain() -> str:
    return reporting_rules().channels.email.rpartition("@")[2].lower()


def address_problem(text: str) -> str | None:
    """Why ``text`` cannot be a drill's e-mail recipient, or None: an address as every other
    address is checked (:func:`composer.core.validators.is_email`: plain ASCII
    ``local@domain``, no encoded words) that is not at the intake's domain (a drill never
    reaches the intake)."""
    addr = text.strip()
    if len(addr) > EMAIL_MAX:
        return f"is too long: {len(addr):,} characters, at most {EMAIL_MAX:,}"
    if not is_email(addr):
        return "is not an email address"
    return intake_problem(addr)


def intake_problem(address: str) -> str | None:
    """Why ``address`` may not receive a drill (it is at the intake's domain), or None."""
    domain = address.strip().rpartition("@")[2].lower()
    intake = _intake_domain()
    if domain == intake or domain.endswith("." + intake):
        return (f"is at the national intake ({intake}): a drill is never sent to the intake; "
                "give the address of someone taking part in the drill")
    return None


_EXTENSION = re.compile(r"(转|ext\.?|x).*$", re.IGNORECASE)


def _subscriber(number: str) -> str:
    """The digits of a Chinese telephone number without country code, trunk 0 and extension."""
    digits = re.sub(r"\D", "", _EXTENSION.sub("", number))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) > 11:
            digits = digits[len(prefix):]
            break
    return digits.lstrip("0")


def fax_problem(text: str) -> str | None:
    """Why ``text`` cannot be a drill's fax number, or None: a phone number that is not the
    intake's fax (with or without area code, country code or extension)."""
    number = text.strip()
    if len(number) > PHONE_MAX:
        return f"is too long: {len(number):,} characters, at most {PHONE_MAX:,}"
    if not is_phone(number):
        return "is not a phone number"
    intake = _subscriber(reporting_rules().channels.fax)
    local = intake[-8:]
    if _subscriber(number) in (intake, local):
        return (f"is the national intake's fax ({reporting_rules().channels.fax}): a drill is "
                "never sent to the intake; give the fax of someone taking part in the drill")
    return None


__all__ = ["HEADLINE", "MARK", "NOTICE", "NOTICE_EN", "NO_RECIPIENT", "OPENING", "PAGE_HEADER",
           "PAGE_MARK", "PREFIX", "RECIPIENT", "Addressees", "address_problem", "addressees",
           "drill_statement", "fax_problem", "intake_problem", "marked",
           "split_addresses"]
