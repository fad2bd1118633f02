"""How fast each drill (演练) went: the figures a unit wants to improve.

Qt-free. For every drill in a data folder — a first report marked ``"drill": true`` and the
reports started from it — :func:`read_drills` measures, from the discovery time the drill
gave:

* the grading: when the drill's level was first settled (``Draft.settled_at``, kept with the
  draft by the app; a drill made before that was kept has none, and says so);
* the first package generated (the ``packages`` table), or that none was;
* each recorded sending (the chained records of the drill's reports);

each against the deadline the real incident would have had: the first report's Art. 4 limit
on the unit's route — 1 hour (a CII operator: protection department and police), 2 hours (a
central or state organ: its cyberspace body), 4 hours (any other: the provincial CAC office)
— from discovery. A drill graded 一般 owes nothing under Art. 4; it is measured against the
limit it would have if it proved 较大 or above, and says so. Nothing missing is invented.

It reads only (the CLI opens the database with SQLite's ``mode=ro``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from composer.core.draft import Draft, draft_from_json
from composer.core.model import ReportType
from composer.core.obligations import Obligation, minutes_late, provisional_first_due, span_zh
from composer.core.records import Record, all_records
from composer.core.submissions import channel_short, recipient_label

NO_SETTLED = "未记录（该演练的定级时间未保存：早于本功能的演练，或定级尚未完成）"
NO_PACKAGE = "未生成报送材料包"
NO_LIMIT = "不详（演练报告尚不完整，无法确定时限）"


@dataclass(frozen=True, slots=True)
class Mark:
    """One moment of a drill, measured from discovery."""

    what: str                      # 定级 / 首个报送材料包 / 报送（记录 3）：首报 → …
    at: datetime | None
    minutes: int | None            # from discovery (None: not known)
    verdict: str                   # against the deadline, or why it is not known


@dataclass(frozen=True, slots=True)
class DrillTiming:
    root: int                      # the drill's first report
    title: str
    unit: str
    discovered_at: datetime | None
    limit: str                     # 1 小时（…）: the deadline the real incident would have
    due: datetime | None
    within: str                    # the limit alone: 1 小时 / 2 小时 / 4 小时 ("" unknown)
    marks: tuple[Mark, ...]

    @property
    def first_sending(self) -> Mark | None:
        """The first sending of the first report: the figure to improve."""
        return next((m for m in self.marks if m.what.startswith("报送") and "首报" in m.what
                     and "更正" not in m.what), None)


def _verdict(at: datetime, due: datetime | None) -> str:
    if due is None:
        return ""
    late = minutes_late(at, due)
    if late <= 0:
        return f"在时限内（余 {span_zh(timedelta(minutes=-late))}）"
    return f"超出时限 {span_zh(timedelta(minutes=late))}"


def _minutes(at: datetime, start: datetime | None) -> int | None:
    return None if start is None else minutes_late(at, start)


def _limit(draft: Draft) -> tuple[str, datetime | None, str]:
    report, c = draft.report(), draft.classification()
    if report is None or c is None:
        return NO_LIMIT, None, ""
    reports = [o for o in c.duties.obligations if o.action == "report" and o.due is not None]
    note = ""
    if not reports:      # 待研判 or 一般: the limit it has if it proves 较大 or above
        first: Obligation | None = provisional_first_due(report)
        note = ("；定级为一般，不属必须报告，按较大以上事件的时限计" if c.settled
                else "；定级待研判，按较大以上事件的时限计")
    else:
        first = min(reports, key=lambda o: o.due or datetime.max)
    if first is None or first.within is None or first.due is None:
        return NO_LIMIT, None, ""
    same = [o for o in (reports or [first]) if o.due == first.due]
    to = "、".join(dict.fromkeys(o.to for o in same))
    within = span_zh(first.within)
    limit = (f"{within}（《办法》第四条：{report.operator.kind.zh}，发现后 {within}内向{to}报告"
             f"{note}）")
    return limit, first.due, within


def _drafts(db: sqlite3.Connection) -> tuple[dict[int, Draft], dict[int, int | None]]:
    drafts: dict[int, Draft] = {}
    parents: dict[int, int | None] = {}
    for did, parent, body in db.execute("SELECT id, parent_id, body FROM drafts ORDER BY id"):
        parents[int(did)] = parent if isinstance(parent, int) else None
        try:
            obj = json.loads(body) if isinstance(body, str) else None
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict) and isinstance(obj.get("data"), dict):
            drafts[int(did)] = draft_from_json(obj, id=int(did))
    return drafts, parents


def _root(did: int, parents: dict[int, int | None]) -> int:
    seen = {did}
    while (parent := parents.get(did)) is not None and parent not in seen:
        seen.add(parent)
        did = parent
    return did


def _first_packages(db: sqlite3.Connection) -> dict[int, datetime]:
    out: dict[int, datetime] = {}
    for did, when in db.execute("SELECT draft_id, generated_at FROM packages"):
        try:
            moment = datetime.fromisoformat(str(when))
        except ValueError:
            continue
        if moment.utcoffset() is None or not isinstance(did, int):
            continue
        if did not in out or moment < out[did]:
            out[did] = moment
    return out


def _sending(rec: Record, start: datetime | None, due: datetime | None) -> Mark | None:
    try:
        at = datetime.fromisoformat(rec.text("sent_at"))
        kind = ReportType(rec.text("report_type"))
    except ValueError:
        return None
    if at.utcoffset() is None:
        return None
    fix = rec.body.get("correction") is True
    label = kind.zh + ("（更正）" if fix else "")
    to = recipient_label(rec.text("recipient") or "intake")
    what = f"报送（记录 {rec.seq}）：{label} → {to}（{channel_short(rec.text('channel'))}）"
    verdict = (_verdict(at, due) if kind is ReportType.INITIAL and not fix
               else "续报，无固定时限" if kind is ReportType.FOLLOW_UP
               else "更正，时效以原报告为准" if fix else "总结报告，时限另计（处置结束后 30 日）")
    return Mark(what, at, _minutes(at, start), verdict)


def read_drills(db: sqlite3.Connection) -> list[DrillTiming]:
    """Every drill of the database, in the order they were discovered (see the module
    docstring). :class:`sqlite3.Error` if the tables cannot be read."""
    drafts, parents = _drafts(db)
    families: dict[int, list[int]] = {}
    for did, draft in drafts.items():
        if draft.drill:
            families.setdefault(_root(did, parents), []).append(did)
    packages = _first_packages(db)
    records = all_records(db)
    out = []
    for root, members in families.items():
        first = drafts.get(root) or drafts[min(members)]
        data: dict[str, Any] = first.data
        incident = data.get("incident") if isinstance(data.get("incident"), dict) else {}
        assert isinstance(incident, dict)
        report = first.report()
        start = report.incident.discovered_at if report is not None else None
        limit, due, within = _limit(first)
        settled = first.settled_at
        marks = [Mark("定级（级别首次确定）", settled, _minutes(settled, start),
                      _verdict(settled, due)) if settled is not None
                 else Mark("定级（级别首次确定）", None, None, NO_SETTLED)]
        made = [packages[m] for m in members if m in packages]
        package = min(made) if made else None
        marks.append(Mark("首个报送材料包", package, _minutes(package, start),
                          _verdict(package, due)) if package is not None
                     else Mark("首个报送材料包", None, None, NO_PACKAGE))
        sent = [m for m in (_sending(r, start, due) for r in records
                            if r.number("draft_id") in members) if m is not None]
        marks += sorted(sent, key=lambda m: m.at.timestamp() if m.at else 0.0)
        operator = data.get("operator") if isinstance(data.get("operator"), dict) else {}
        assert isinstance(operator, dict)
        out.append(DrillTiming(root, str(incident.get("title") or "（未命名）"),
                               str(operator.get("name") or "不详"), start, limit, due,
                               within, tuple(marks)))
    out.sort(key=lambda d: (d.discovered_at is None,
                            d.discovered_at.timestamp() if d.discovered_at else 0.0, d.root))
    return out


__all__ = ["NO_LIMIT", "NO_PACKAGE", "NO_SETTLED", "DrillTiming", "Mark", "read_drills"]
