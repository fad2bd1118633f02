"""The 台账 (ledger): one row per report sent, and the year's figures, for an inspection.

Qt-free. Every value comes from the chained sending record (:mod:`composer.core.records`) —
immutable, hash-checked — never from the editable drafts table: the incident's unit, title,
category, level and discovery time from the record's ``incident`` facts
(:mod:`composer.core.record_facts`), or, for a record made before they existed, from the copy
of what was sent that the record hashes (:mod:`composer.core.ledger_legacy`), else 不详; the
deadline from the record's ``deadline`` (or its older ``due``). A drill's sendings (演练) are
left out unless asked for, and then marked; they never count among the unit's reports.

:func:`ledger_rows` gives the rows (sent in ``year``, China time, when a year is given);
:func:`ledger_summary` the figures of the summary sheet. On time is judged to the minute
(:func:`composer.core.obligations.minutes_late`), as everywhere else; a correction (更正) takes
the timeliness of the sending it corrects; a follow-up (续报) has no fixed limit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from composer.core.drill import PREFIX as DRILL_PREFIX
from composer.core.ledger_legacy import kept_facts
from composer.core.model import Level, ReportType
from composer.core.obligations import in_china, minutes_late, span_zh
from composer.core.record_facts import PENDING
from composer.core.records import Record
from composer.core.stored_time import aware_time
from composer.core.submissions import channel_short, recipient_label

UNKNOWN = "不详"
LEVELS = (*(lv.zh for lv in sorted(Level, key=lambda lv: -lv.rank)), "待研判", UNKNOWN)
"""The summary sheet's level rows, highest first."""


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One report sent. Text columns say 不详 where the record holds nothing."""

    seq: int                       # the record's number
    sha256: str                    # the record's SHA-256
    incident: int                  # the incident's first report (groups the rows)
    drill: bool
    unit: str
    incident_title: str
    category: str
    level: str                     # as the report stated it (较大, 待研判, …)
    discovered_at: datetime | None
    report_type: str               # 首报 / 续报 / 总结报告 / 更正（首报）…
    recipient: str
    channel: str
    deadline: datetime | None
    deadline_note: str             # what the deadline is, or why there is none
    sent_at: datetime
    minutes_late: int | None       # ≤ 0 on time; None: not judged (no deadline)
    timeliness: str                # 按时 / 迟报 1 小时 5 分钟 / 无固定时限 / …
    receipt: str
    source: str                    # 记录 / 所存材料包 / 不详: where the incident facts come from

    @property
    def late(self) -> bool:
        return self.minutes_late is not None and self.minutes_late > 0


def _root(rec: Record) -> int:
    chain = rec.body.get("chain")
    if isinstance(chain, list) and chain and isinstance(chain[0], int):
        return int(chain[0])
    return rec.number("draft_id") or 0


def _deadline(rec: Record) -> tuple[datetime | None, str]:
    """The recorded deadline and what it is (the basis; 如为较大以上 while 待研判)."""
    info = rec.body.get("deadline")
    if "deadline" not in rec.body:
        return aware_time(rec.body.get("due")), ""
    if not isinstance(info, dict):
        return None, ""
    basis = {"Measures art. 4": "《办法》第四条", "Measures art. 8": "《办法》第八条"}.get(
        str(info.get("basis") or ""), str(info.get("basis") or ""))
    within = str(info.get("within") or "")
    span = {"PT1H": "1 小时", "PT2H": "2 小时", "PT4H": "4 小时", "P30D": "30 日"}.get(within)
    note = basis + (f"，{'处置结束后' if within.endswith('D') else '发现后'} {span}内" if span
                    else "")
    if info.get("provisional") is True:
        note = "如为较大以上事件：" + note
    if info.get("to"):
        note += f"，报送{info['to']}"
    return aware_time(info.get("at")), note


def _timeliness(sent: datetime, due: datetime | None) -> tuple[int | None, str]:
    if due is None:
        return None, ""
    late = minutes_late(sent, due)
    return late, ("按时" if late <= 0 else "迟报 " + span_zh(timedelta(minutes=late)))


def _receipt(body: dict[str, Any]) -> str:
    r = body.get("receipt") if isinstance(body.get("receipt"), dict) else {}
    assert isinstance(r, dict)
    parts = [f"{label} {r[key]}" for key, label in (("reference", "受理编号"),
                                                     ("message_id", "Message-ID"),
                                                     ("person", "接收人")) if r.get(key)]
    if isinstance(body.get("receipt_file"), dict):
        parts.append(f"回执文件 {body['receipt_file'].get('name')}")
    return "；".join(str(p) for p in parts)


def _facts(rec: Record, data_root: Path | None) -> tuple[dict[str, Any], str]:
    facts = rec.body.get("incident")
    if isinstance(facts, dict):
        return {**facts, "discovered_at": aware_time(facts.get("discovered_at"))}, "记录"
    kept = kept_facts(data_root, rec.body) if data_root is not None else {}
    return kept, ("所存材料包" if kept else UNKNOWN)


def _type_text(rec: Record) -> str:
    try:
        kind = ReportType(rec.text("report_type")).zh
    except ValueError:
        kind = rec.text("report_type") or UNKNOWN
    return f"更正（{kind}）" if rec.body.get("correction") is True else kind


def _row(rec: Record, data_root: Path | None, by_seq: dict[int, Record]) -> LedgerRow | None:
    sent = aware_time(rec.body.get("sent_at"))
    if sent is None:
        return None               # a damaged record: composer log verify names it
    facts, source = _facts(rec, data_root)
    due, note = _deadline(rec)
    late, verdict = _timeliness(sent, due)
    kind = rec.text("report_type")
    if rec.body.get("correction") is True:     # the timeliness of the sending it corrects
        original = by_seq.get(rec.number("corrects") or 0)
        o_due = _deadline(original)[0] if original is not None else None
        o_sent = aware_time(original.body.get("sent_at")) if original is not None else None
        late, verdict = _timeliness(o_sent, o_due) if o_sent is not None else (None, "")
        note = "更正：时效以原报告为准" + (f"（记录 {original.seq}）" if original else "")
        verdict = f"原报告{verdict}" if verdict else UNKNOWN
    elif kind == ReportType.FOLLOW_UP.value:
        note, verdict = "续报无固定时限", "无固定时限"
    elif due is None:
        verdict = "未记录时限"
    drill = rec.body.get("drill") is True
    name = recipient_label(rec.text("recipient") or "intake")
    if rec.text("recipient_name") and rec.text("recipient_name") != name:
        name += f"（{rec.text('recipient_name')}）"
    title = str(facts.get("title") or rec.text("incident_title") or rec.text("title") or UNKNOWN)
    level = str(facts.get("level_zh") or UNKNOWN)
    if facts.get("level") == PENDING:
        level = "待研判"
    return LedgerRow(
        seq=rec.seq, sha256=rec.sha256, incident=_root(rec), drill=drill,
        unit=str(facts.get("unit") or UNKNOWN), incident_title=title,
        category=str(facts.get("category_zh") or UNKNOWN), level=level,
        discovered_at=facts.get("discovered_at"),
        report_type=(DRILL_PREFIX if drill else "") + _type_text(rec), recipient=name,
        channel=channel_short(rec.text("channel")), deadline=due, deadline_note=note,
        sent_at=sent, minutes_late=late, timeliness=verdict, receipt=_receipt(rec.body),
        source=source)


def ledger_rows(records: Sequence[Record], data_root: Path | None = None, *,
                year: int | None = None, drills: bool = False) -> list[LedgerRow]:
    """One row per recorded sending, in the order sent; drills only with ``drills``."""
    by_seq = {r.seq: r for r in records}
    out = []
    for rec in records:
        if rec.body.get("drill") is True and not drills:
            continue
        row = _row(rec, data_root, by_seq)
        if row is None or (year is not None and in_china(row.sent_at).year != year):
            continue
        out.append(row)
    out.sort(key=lambda r: (r.sent_at, r.seq))
    return out


@dataclass(frozen=True, slots=True)
class LedgerSummary:
    """The summary sheet: incidents by level and by category, reports on time or late."""

    incidents: int
    by_level: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, int], ...]
    reports: int
    timed: int                     # reports with a deadline of their own
    on_time: int
    late: int
    follow_ups: int                # no fixed limit
    corrections: int               # timeliness of the report corrected
    no_deadline: int               # a first report or summary with no deadline recorded


def ledger_summary(rows: Sequence[LedgerRow]) -> LedgerSummary:
    """The figures of ``rows`` (the caller passes real or drill rows, not both)."""
    level: dict[int, str] = {}
    category: dict[int, str] = {}
    for row in rows:               # an incident's level and category as last known
        if row.level != UNKNOWN or row.incident not in level:
            level[row.incident] = row.level.split("（")[0]
        if row.category != UNKNOWN or row.incident not in category:
            category[row.incident] = row.category
    levels = Counter(level.values())
    categories = Counter(category.values())
    corrections = [r for r in rows if "更正" in r.report_type]
    follow = [r for r in rows if r not in corrections and r.timeliness == "无固定时限"]
    timed = [r for r in rows if r not in corrections and r.minutes_late is not None]
    return LedgerSummary(
        incidents=len(level),
        by_level=tuple((lv, levels[lv]) for lv in LEVELS if levels[lv])
        + tuple((lv, n) for lv, n in sorted(levels.items()) if lv not in LEVELS),
        by_category=tuple(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))),
        reports=len(rows), timed=len(timed), on_time=sum(1 for r in timed if not r.late),
        late=sum(1 for r in timed if r.late), follow_ups=len(follow),
        corrections=len(corrections),
        no_deadline=len(rows) - len(timed) - len(follow) - len(corrections))


__all__ = ["LEVELS", "UNKNOWN", "LedgerRow", "LedgerSummary", "ledger_rows", "ledger_summary"]
