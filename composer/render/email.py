"""The e-mail channel: an unsent RFC 5322 draft to the national intake with report.pdf attached.

:func:`render_eml` returns the bytes of a ``message.eml``: ``multipart/mixed`` holding a
``multipart/alternative`` (plain text + HTML, both from jinja2 templates) and the PDF, attached
byte for byte. ``X-Unsent: 1`` makes Outlook open it as an editable draft; Thunderbird offers
"Edit as new".

Header safety: every user-typed text that reaches a header goes through :func:`header_text`
(control characters and line separators become spaces), addresses are checked against a strict
ASCII pattern, and the message is serialised by the standard library's header folding, so no
input can add or split a header.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from composer import __version__
from composer.core import art7
from composer.core.classify import Classification
from composer.core.grading import UNVERIFIED_NOTICE
from composer.core.model import Report, ReportType
from composer.core.obligations import governing, in_china, lateness
from composer.core.rules import category, reporting_rules
from composer.render.templating import render

# Deliberately narrower than RFC 5321: plain ASCII addresses a mail client will accept as typed.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS_RE = re.compile(rf"^{_ATOM}(\.{_ATOM})*@{_LABEL}(\.{_LABEL})+$")
_SUMMARY_CHARS = 600     # long fields are cut in the body: the attached PDF has the full text


class InvalidAddress(ValueError):
    """An e-mail address the user typed is not a plain address."""


def check_address(text: str) -> str:
    """``text`` stripped, if it is a plain ASCII ``local@domain``; else :class:`InvalidAddress`."""
    addr = text.strip()
    if len(addr) > 254 or not _ADDRESS_RE.match(addr) or len(addr.split("@")[0]) > 64:
        raise InvalidAddress(f"not a valid e-mail address: {text!r}")
    return addr


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


def header_text(text: str, limit: int = 200) -> str:
    """One line of header-safe text: control and separator characters become single spaces."""
    out = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                  for c in text)
    out = " ".join(out.split())
    return out if len(out) <= limit else out[: limit - 1] + "…"


def fmt_time(moment: datetime) -> str:
    """China Standard Time, to the minute: ``2026-11-18 18:05``."""
    return in_china(moment).strftime("%Y-%m-%d %H:%M")


def level_text(classification: Classification) -> str:
    g = classification.grading
    return g.level.zh + ("（待核实）" if classification.unconfirmed else "")


def subject_line(report: Report, classification: Classification) -> str:
    """``【网络安全事件报告·首报】华东优选零售有限公司 较大 2026-11-18`` (date of discovery)."""
    day = in_china(report.incident.discovered_at).strftime("%Y-%m-%d")
    unit = header_text(report.operator.name, 80)
    return header_text(f"【网络安全事件报告·{report.report_type.zh}】{unit} "
                       f"{level_text(classification)} {day}", 200)


@dataclass(frozen=True, slots=True)
class Art7Item:
    number: int
    zh: str
    filled: tuple[str, ...]      # labels of the parts that are given
    missing: tuple[str, ...]     # labels of the parts that are not
    optional: bool = False
    not_yet_known: tuple[str, ...] = ()   # labels the unit marked 暂不掌握 (Art. 7 ¶2)

    @property
    def status(self) -> str:
        if not self.missing and self.not_yet_known:
            return "已填写；" + "、".join(self.not_yet_known) + "暂不掌握，将及时补报"
        if not self.missing:
            return "已填写"
        if not self.filled:
            return "未填写（可选）" if self.optional else "未填写"
        return "部分填写，缺：" + "、".join(self.missing)


def _given(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def art7_items(report: Report) -> list[Art7Item]:
    """The eight items of Art. 7 (and, for a summary report, the Art. 8 summary) and whether
    the report gives each part of them."""
    op, inc = report.operator, report.incident
    ransom = inc.ransom
    cat = category(inc.category)
    parts: list[tuple[int, str, list[tuple[str, object]], bool]] = [
        (1, "报告单位名称及受影响设施、系统、平台基本情况",
         [("单位名称", op.name), ("受影响系统", inc.systems)], False),
        (2, "发现（发生）时间、地点、事件类型、影响和危害、已采取措施及效果",
         [("发现时间", inc.discovered_at), ("地点", inc.location), ("事件类型", inc.category),
          ("影响和危害", inc.impact), ("已采取措施", inc.measures)]
         + ([("赎金金额", ransom and ransom.amount), ("支付方式", ransom and ransom.method),
             ("勒索时间", ransom and ransom.demanded_at)]
            if cat is not None and cat.ransom_items else []), False),
        (3, "事态发展趋势及可能造成的进一步影响和危害", [("发展趋势", inc.trend)], False),
        (4, "初步原因分析", [("原因", inc.cause)], False),
        (5, "进一步调查分析所需线索", [("线索", inc.clues)], False),
        (6, "拟进一步采取的应对措施及请求支持事项",
         [("拟采取措施", inc.next_steps)], False),
        (7, "事件现场保护情况", [("现场保护", inc.scene_preservation)], False),
        (8, "其他应当报告的情况", [("其他", inc.other)], True),
    ]
    if report.report_type is ReportType.SUMMARY:
        parts.append((9, "事件处置总结（《办法》第八条）",
                      [("处置结束时间", inc.handling_completed_at),
                       ("责任处理", inc.accountability), ("整改落实", inc.remediation),
                       ("经验教训", inc.lessons)], False))
    keys = {"受影响系统": "systems", "地点": "location", "事件类型": "category",
            "影响和危害": "impact", "已采取措施": "measures", "赎金金额": "ransom.amount",
            "支付方式": "ransom.method", "勒索时间": "ransom.demanded_at"}

    def unknown(label: str, n: int) -> bool:
        return n <= 2 and label in keys and art7.marked_unknown(report, keys[label])

    return [Art7Item(n, zh, tuple(label for label, v in fields if _given(v)),
                     tuple(label for label, v in fields
                           if not _given(v) and not unknown(label, n)), optional,
                     tuple(label for label, v in fields if unknown(label, n)))
            for n, zh, fields, optional in parts]


def _cut(text: str | None) -> str:
    if not text:
        return ""
    text = text.strip()
    return text if len(text) <= _SUMMARY_CHARS else text[:_SUMMARY_CHARS] + "……（全文见附件）"


def _no_deadline_text(report: Report, classification: Classification) -> str:
    if not classification.grading.reportable:
        return "无法定报告时限（一般事件，自愿报告）。"
    if report.report_type is ReportType.FOLLOW_UP:
        return "续报无固定时限：出现重要新情况或调查取得进展时及时报送。"
    return "处置结束后 30 日内报送总结报告（处置结束时间待定）。"


def body_context(report: Report, classification: Classification, *,
                 generated_at: datetime, attachment_name: str) -> dict[str, object]:
    """Everything the e-mail templates show (plain data, no markup)."""
    op, inc = report.operator, report.incident
    g, d = classification.grading, classification.duties
    first = governing(report.report_type, d)
    late = lateness(report, d, generated_at) if g.reportable else None
    cat = category(inc.category)
    return {
        "subject": subject_line(report, classification),
        "channels": reporting_rules().channels,
        "unit": op.name,
        "operator_kind": op.kind.zh,
        "report_type": report.report_type.zh,
        "title": inc.title,
        "category": cat.zh if cat else (inc.category or ""),
        "discovered_at": fmt_time(inc.discovered_at),
        "occurred_at": fmt_time(inc.occurred_at) if inc.occurred_at else "",
        "systems": _cut(inc.systems),
        "description": _cut(inc.description),
        "impact": _cut(inc.impact),
        "measures": _cut(inc.measures),
        "level": level_text(classification),
        "reportable": g.reportable,
        "reasons": [c.reason for c in g.criteria],
        "remarks": g.notes_zh,  # a site that capped the level, or a site not given
        "unverified": UNVERIFIED_NOTICE if classification.unconfirmed else "",
        "deadline": fmt_time(first.due) if first and first.due else "",
        "deadline_to": first.to if first else "",
        "late": late.zh if late else "",
        "delay_reason": ((inc.delay_reason or "").strip() or "未说明") if late else "",
        "no_deadline": _no_deadline_text(report, classification),
        "obligations": [{"to": o.to, "due": fmt_time(o.due) if o.due else "",
                         "note": o.note_zh, "action": o.action} for o in d.obligations],
        "notes": list(d.notes_zh),
        "contact": {"name": op.contact.name, "phone": op.contact.phone,
                    "email": op.contact.email or ""},
        "items": art7_items(report),
        "generated_at": fmt_time(generated_at),
        "attachment_name": attachment_name,
        "version": __version__,
    }


def _attachment_name(name: str) -> str:
    name = header_text(name, 120).replace("/", "_").replace("\\", "_").strip(". ")
    if not name:
        name = "report.pdf"
    return name if name.lower().endswith(".pdf") else name + ".pdf"


def _sender(report: Report) -> Address | None:
    """The contact as an address, or None when no plain address is given."""
    contact = report.operator.contact
    if not contact.email:
        return None
    try:
        addr = check_address(contact.email)
    except InvalidAddress:
        return None
    display = header_text(f"{contact.name}（{report.operator.name}）", 120)
    return Address(display_name=display, addr_spec=addr)


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
               attachment_name: str = "report.pdf") -> bytes:
    """The ``message.eml`` draft (CRLF line ends). Raises :class:`InvalidAddress`."""
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError("generated_at needs a UTC offset")
    intake = check_address(reporting_rules().channels.email)
    recipients = [intake]
    for extra in extra_recipients:
        addr = check_address(extra)
        if addr.lower() not in (r.lower() for r in recipients):
            recipients.append(addr)
    name = _attachment_name(attachment_name)
    ctx = body_context(report, classification, generated_at=generated_at, attachment_name=name)

    msg = EmailMessage(policy=SMTP)
    sender = _sender(report)
    if sender is not None:
        msg["From"] = sender
        msg["Reply-To"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Subject"] = str(ctx["subject"])
    msg["Date"] = format_datetime(in_china(generated_at).replace(microsecond=0))
    message_id = _message_id(report, pdf_bytes, generated_at, recipients)
    msg["Message-ID"] = message_id
    msg["X-Unsent"] = "1"
    msg["X-Mailer"] = f"Composer {__version__}"
    msg.set_content(render("email.txt.j2", **ctx), cte="base64")
    msg.add_alternative(render("email.html.j2", **ctx), subtype="html", cte="base64")
    msg.add_attachment(pdf_bytes, maintype="application", subtype="pdf", filename=name,
                       params={"name": name})
    # Deterministic boundaries ("=_" never occurs in a base64 body, and every part is base64),
    # so the same inputs give the same bytes and the manifest's hashes are reproducible.
    token = message_id[1:25]
    msg.set_boundary(f"=_composer_mixed_{token}")
    alternative = next(msg.iter_parts())
    alternative.set_boundary(f"=_composer_alt_{token}")
    return msg.as_bytes(policy=SMTP)
