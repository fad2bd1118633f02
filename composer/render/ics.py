"""What is still owed, as an RFC 5545 calendar (.ics) that Outlook, Thunderbird and WPS import.

Qt-free, no dependency. Times carry ``TZID=Asia/Shanghai`` with a VTIMEZONE of its own (fixed
+08:00: China has had no daylight saving since 1991), so the file needs no tz database. Each
event has reminders (VALARM, ``ACTION:DISPLAY``).

* A dated duty (the summary report, Art. 8) is an event ending at the deadline, with reminders a
  week, a day and two hours before the deadline itself (``TRIGGER;RELATED=END``: relative to
  DTEND, which is the deadline, not to DTSTART half an hour earlier).
* A duty without a fixed limit (补报, 续报: "promptly") is a reminder event at ``remind_at``
  (default: 09:00 China time on the next day), saying plainly that the law sets no deadline.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from composer import __version__
from composer.core.drill import marked
from composer.core.model import Report
from composer.core.obligations import CHINA_TZ, in_china
from composer.core.owed import Owed

TZID = "Asia/Shanghai"
VTIMEZONE = ("BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
             "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD",
             "END:VTIMEZONE")
DATED_ALARMS: tuple[timedelta, ...] = (timedelta(days=7), timedelta(days=1), timedelta(hours=2))
EVENT_LENGTH = timedelta(minutes=30)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (§3.1)."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _local(moment: datetime) -> str:
    return in_china(moment).strftime("%Y%m%dT%H%M%S")


def _duration(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    out = "P" + (f"{days}D" if days else "")
    if hours or minutes:
        out += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return out


def default_remind_at(now: datetime) -> datetime:
    """09:00 China time on the day after ``now``."""
    day = in_china(now).date() + timedelta(days=1)
    return datetime.combine(day, time(9, 0), CHINA_TZ)


def calendar_ics(report: Report, items: list[Owed], *, now: datetime,
                 remind_at: datetime | None = None) -> bytes:
    """The .ics bytes (CRLF lines, UTF-8). Equal inputs give equal bytes."""
    title = " ".join(report.incident.title.split())
    unit = " ".join(report.operator.name.split())
    seed = f"{unit}|{title}|{report.incident.discovered_at.isoformat()}"
    uid_base = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:20]
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    remind = remind_at or default_remind_at(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//Composer//Composer {__version__}//ZH", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", *VTIMEZONE]
    for item in items:
        if item.due is not None:
            start, end = item.due - EVENT_LENGTH, item.due
            summary = marked(report, f"【截止 {in_china(item.due):%m-%d %H:%M}】{item.zh}：{title}")
            alarms, related = DATED_ALARMS, ";RELATED=END"
            when = f"截止时间：{in_china(item.due):%Y-%m-%d %H:%M}（北京时间）"
        else:
            start, end = remind, remind + EVENT_LENGTH
            summary = marked(report, f"【提醒】{item.zh}：{title}")
            alarms, related = (timedelta(0),), ""
            when = ("处置结束时间未填，时限尚未起算；" if item.kind == "summary" else
                    "法定无固定时限；") + "本提醒时间由 Composer 设定，可自行调整。"
        description = "\n".join([f"{item.zh}（{item.basis}）", when, f"报告单位：{unit}",
                                 f"事件：{title}", item.en])
        lines += ["BEGIN:VEVENT", f"UID:{item.kind}-{uid_base}@composer.invalid",
                  f"DTSTAMP:{stamp}", f"DTSTART;TZID={TZID}:{_local(start)}",
                  f"DTEND;TZID={TZID}:{_local(end)}", f"SUMMARY:{escape(summary)}",
                  f"DESCRIPTION:{escape(description)}", "TRANSP:TRANSPARENT"]
        for before in alarms:
            trigger = "-" + _duration(before) if before else "PT0S"
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER{related}:{trigger}",
                      f"DESCRIPTION:{escape(summary)}", "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
