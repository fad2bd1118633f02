"""The record of what was sent, when, by which channel (Art. 10–11: evidence of reporting on time).

The channels are the official ones of the rule data plus "other" (e.g. handed to the receiving
department directly); their addresses and numbers come from :func:`reporting_rules`, never from
here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from composer.core.obligations import CHINA_TZ, Obligation
from composer.core.rules import reporting_rules


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


@dataclass(frozen=True, slots=True)
class Submission:
    id: int
    draft_id: int
    channel: str            # a Channel id
    sent_at: datetime       # timezone-aware
    note: str = ""


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
