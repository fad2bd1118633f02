"""The record of what was sent, when, by which channel, to whom (Art. 10–11: evidence of
reporting on time).

The channels are the official ones of the rule data plus "other" (e.g. handed to the receiving
department directly); their addresses and numbers come from :func:`reporting_rules`, never from
here. The recipients a sending can reach are the operator's route recipients
(``resources/rules/reporting.json``) and the 12387 intake (:func:`recipients`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from composer.core.model import OperatorKind
from composer.core.obligations import CHINA_TZ, Obligation
from composer.core.rules import reporting_rules

INTAKE = "intake"      # composer.core.history.INTAKE


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    zh: str
    en: str


def channels() -> tuple[Channel, ...]:
    c = reporting_rules().channels
    return (
        Channel("email", f"电子邮件 {c.email}", f"E-mail {c.email}"),
        Channel("fax", f"传真 {c.fax}", f"Fax {c.fax}"),
        Channel("hotline", f"电话 {c.hotline}", f"Hotline {c.hotline}"),
        Channel("website", f"网站 {c.website}", f"Website {c.website}"),
        Channel("wechat", f"微信 {c.wechat_mini_program}（小程序/公众号）",
                f"WeChat {c.wechat_mini_program} (mini-program/account)"),
        Channel("other", "其他方式（如直接报送受理部门）",
                "Other (e.g. handed to the receiving department)"),
    )


def channel(channel_id: str) -> Channel | None:
    return next((c for c in channels() if c.id == channel_id), None)


_SHORT = {"email": ("电子邮件", "e-mail"), "fax": ("传真", "fax"), "hotline": ("电话", "phone"),
          "website": ("网站", "website"), "wechat": ("微信", "WeChat"),
          "other": ("直接报送", "in person")}


def channel_short(channel_id: str, lang: str = "zh") -> str:
    """One word for the channel (e.g. 传真), for lists; the id itself if it is unknown."""
    zh, en = _SHORT.get(channel_id, (channel_id, channel_id))
    return zh if lang == "zh" else en


@dataclass(frozen=True, slots=True)
class RecipientChoice:
    """Whom a sending can reach: a route recipient of the rule data, or the 12387 intake."""

    id: str              # a Recipient.id of the rule data, or INTAKE
    zh: str
    en: str


def intake() -> RecipientChoice:
    c = reporting_rules().channels
    return RecipientChoice(INTAKE, f"{c.hotline} 受理平台", f"the {c.hotline} intake")


def recipients(kind: OperatorKind | None) -> tuple[RecipientChoice, ...]:
    """The recipients of ``kind``'s reporting route (all routes' when the kind is not known),
    then the 12387 intake."""
    rules = reporting_rules()
    routes = [rules.route(kind)] if kind is not None else list(rules.routes)
    seen: dict[str, RecipientChoice] = {}
    for route in routes:
        for r in route.recipients:
            seen.setdefault(r.id, RecipientChoice(r.id, r.zh, r.en))
    return (*seen.values(), intake())


def recipient_label(recipient_id: str, lang: str = "zh") -> str:
    """The recipient's name in the rule data's words (the id itself if it is unknown)."""
    for r in recipients(None):
        if r.id == recipient_id:
            return r.zh if lang == "zh" else r.en
    return recipient_id


def recipient_name(recipient_id: str, operator: Any) -> str:
    """The body a route recipient is for this operator, from the rule data: the operator's
    field (e.g. its 保护工作部门), with the rule's suffix (江苏 → 江苏网信办), or the fixed name;
    "" for the intake or when the field is empty."""
    if not isinstance(operator, dict):
        return ""
    for route in reporting_rules().routes:
        for r in route.recipients:
            if r.id != recipient_id:
                continue
            if r.fixed:
                return r.fixed
            value = operator.get(r.field) if r.field else None
            return f"{value.strip()}{r.suffix}" if isinstance(value, str) and value.strip() else ""
    return ""


def default_recipient(channel_id: str, kind: OperatorKind | None) -> str:
    """The channels of 12387 reach the intake; ``other`` (handed over directly) reaches the
    first recipient of the operator's route."""
    if channel_id != "other":
        return INTAKE
    route = recipients(kind)
    return route[0].id


@dataclass(frozen=True, slots=True)
class Submission:
    id: int
    draft_id: int
    channel: str            # a Channel id
    sent_at: datetime       # timezone-aware
    note: str = ""
    recipient: str = "intake"       # whom it reached (composer.core.history)
    record_seq: int | None = None   # its record in the chain; None: a row without a record


def lateness(sent_at: datetime, due: Obligation | None) -> float | None:
    """Minutes after the due time it was sent (≤ 0: on time); None when nothing was due."""
    if due is None or due.due is None:
        return None
    return (sent_at - due.due).total_seconds() / 60


def describe(submission: Submission, due: Obligation | None, lang: str = "zh") -> str:
    """E.g. ``已报送：传真 010-82992387，2026-11-18 17:40（按时）``."""
    ch = channel(submission.channel)
    name = (ch.zh if lang == "zh" else ch.en) if ch else submission.channel
    when = submission.sent_at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
    late = lateness(submission.sent_at, due)
    if lang == "zh":
        status = "" if late is None else ("（按时）" if late <= 0 else
                                          f"（逾期 {_minutes_text(late, 'zh')}）")
        return f"已报送：{name}，{when}{status}"
    status = "" if late is None else (" (on time)" if late <= 0 else
                                      f" ({_minutes_text(late, 'en')} late)")
    return f"Sent: {name}, {when}{status}"


def _minutes_text(minutes: float, lang: str) -> str:
    total = int(minutes + 0.999)  # a started minute counts
    h, m = divmod(total, 60)
    if lang == "zh":
        return (f"{h} 小时 " if h else "") + f"{m} 分钟"
    return (f"{h} h " if h else "") + f"{m} min"
