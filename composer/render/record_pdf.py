"""The 报送记录 PDF for an inspection: every sending of every incident, on time or how late, to
whom, each with its receipt and the SHA-256 of what was sent and of its record.

Qt-free. Everything printed comes from the chained records themselves (:mod:`composer.core.
records`) — the incident's title, each report's type and title, whom it reached, the receipt —
never from the drafts or sending tables, which anyone with the database can change without
breaking the chain. :func:`ledger` groups the records by incident (the first report of their
chain); :func:`record_pdf` lays them out on A4 with the verification result and the chain's
head hash, which anchors the printed copy to the database. Table columns are as wide as their
content needs (a fax number or a time never breaks inside).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, Table, TableStyle

from composer import __version__
from composer.core.drill import PREFIX as DRILL_PREFIX
from composer.core.model import ReportType
from composer.core.obligations import in_china, minutes_late
from composer.core.record_verify import Verification
from composer.core.records import Record
from composer.core.submissions import channel, channel_short, recipient_label
from composer.render import fonts
from composer.render import pdf_layout as L

CELL_SIZE = 9.5
CELL_PAD = 3.0
SMALL_CELL = L.CELL.clone("record-cell", fontSize=CELL_SIZE, leading=13.5)
SMALL_LABEL = L.CELL_LABEL.clone("record-label", fontSize=CELL_SIZE, leading=13.5)
_TOKEN = re.compile(r"[\x21-\x7e]+")     # an unbreakable run: a number, an address, a time
DRILL_NOTE = "本事件为演练：其报送记入同一记录链并标明“演练”，不计入本单位的报告，不满足任何报告义务。"


@dataclass(slots=True)
class IncidentLedger:
    root_id: int
    title: str
    sendings: list[Record] = field(default_factory=list)


def _root(rec: Record) -> int:
    chain = rec.body.get("chain")
    if isinstance(chain, list) and chain and isinstance(chain[0], int):
        return int(chain[0])
    return rec.number("draft_id") or 0


def ledger(records: list[Record]) -> list[IncidentLedger]:
    """Incidents in the order of their first sending. The incident's title is the one its
    first record names (``incident_title``; older records: the title of its first report as a
    record of that report has it)."""
    incidents: dict[int, IncidentLedger] = {}
    for rec in records:
        root = _root(rec)
        if root not in incidents:
            incidents[root] = IncidentLedger(root, rec.text("incident_title"))
        incidents[root].sendings.append(rec)
    for inc in incidents.values():
        if not inc.title:
            first = next((r for r in inc.sendings if r.number("draft_id") == inc.root_id),
                         inc.sendings[0])
            inc.title = first.text("title")
    return list(incidents.values())


def _time(iso: Any) -> str:
    if not isinstance(iso, str) or not iso:
        return "—"
    try:
        return in_china(datetime.fromisoformat(iso)).strftime("%Y-%m-%d %H:%M")
    except (ValueError, TypeError):
        return iso


def _span(minutes: float) -> str:
    total = int(minutes + 0.999)
    h, m = divmod(total, 60)
    d, h = divmod(h, 24)
    return (f"{d} 日 " if d else "") + (f"{h} 小时 " if h else "") + f"{m} 分钟"


def timeliness(body: dict[str, Any]) -> str:
    """按时 / 逾期 N 分钟 / 无固定时限, against the deadline kept in the record (the
    recipient's own, ``deadline.at``, in records made since issue 24; else ``due``), to the
    minute as everywhere (:func:`composer.core.obligations.minutes_late`)."""
    deadline = body.get("deadline")
    due = (deadline.get("at") if isinstance(deadline, dict) else None
           ) if "deadline" in body else body.get("due")
    try:
        late = minutes_late(datetime.fromisoformat(str(body.get("sent_at"))),
                            datetime.fromisoformat(str(due)))
    except (TypeError, ValueError):
        if body.get("report_type") == ReportType.FOLLOW_UP.value:
            return "续报无固定时限"
        return "未记录时限"
    return f"按时（时限 {_time(due)}）" if late <= 0 else f"逾期 {_span(late)}（时限 {_time(due)}）"


def _receipt(rec: Record) -> str:
    r = rec.body.get("receipt")
    r = r if isinstance(r, dict) else {}
    parts = []
    if rec.text("sent_by"):
        parts.append(f"报送人 {rec.text('sent_by')}")
    if r.get("reference"):
        parts.append(f"受理编号 {r['reference']}")
    if r.get("person"):
        parts.append(f"接收人 {r['person']}")
    if r.get("message_id"):
        parts.append(f"Message-ID {r['message_id']}")
    f = rec.body.get("receipt_file")
    if isinstance(f, dict):
        parts.append(f"回执文件（已存档）\n{f.get('name')}")
    if rec.text("note"):
        parts.append(f"备注 {rec.text('note')}")
    return "\n".join(str(p) for p in parts) or "—"   # one per line: an ID never breaks


def _type_zh(value: str) -> str:
    try:
        return ReportType(value).zh
    except ValueError:
        return value or "—"


def report_text(rec: Record, by_seq: dict[int, Record]) -> str:
    """``#3 首报`` / ``#5 首报（更正）\\n更正 #3 的报送（记录 1，2026-11-18 17:40）``."""
    kind = _type_zh(rec.text("report_type"))
    text = f"#{rec.body.get('draft_id')} {DRILL_PREFIX if rec.body.get('drill') is True else ''}{kind}"
    if rec.body.get("correction") is True:
        text += "（更正）"
        corrected = by_seq.get(rec.number("corrects") or 0)
        if corrected is not None:
            text += (f"\n更正 #{corrected.body.get('draft_id')} 的报送（记录 {corrected.seq}，"
                     f"{_time(corrected.body.get('sent_at'))}）")
    return text


def recipient_text(rec: Record) -> str:
    """Whom it reached, and through which channel; a record made before recipients were
    recorded reached the 12387 intake (every channel then was one of the intake's)."""
    rid = rec.text("recipient")
    name = recipient_label(rid or "intake")
    if rec.text("recipient_name"):
        name += f"（{rec.text('recipient_name')}）"
    if not rid:
        name += "（记录未注明，按受理平台渠道）"
    cid = rec.text("channel")
    ch = channel(cid)
    if ch is None or cid == "other" or rec.body.get("drill") is True:
        # a drill's sending went to the drill's own people, never the intake's number
        how = channel_short(cid) if ch is not None else cid or "—"
    else:                       # 传真 / 010-82992387: the number on a line of its own
        how = ch.zh.replace(" ", "\n", 1)
    return f"{name}\n{how}"


def _width(text: str, size: float = CELL_SIZE) -> float:
    return float(stringWidth(text, fonts.SANS, size))


def fit_widths(rows: list[list[str]], total: float, *, cap: float = 0.4) -> list[float]:
    """Column widths for ``rows`` (plain text) within ``total``: each column at least as wide
    as its longest unbreakable run (a number, an address, a time: never split), at most as
    wide as its longest line; what is left goes to the columns whose text wraps."""
    pad = 2 * CELL_PAD + 1
    cols = len(rows[0])
    natural = [0.0] * cols
    minimum = [0.0] * cols
    for row in rows:
        for c, cell in enumerate(row):
            for line in cell.split("\n"):
                natural[c] = max(natural[c], _width(line) + pad)
                for token in _TOKEN.findall(line):
                    minimum[c] = max(minimum[c], min(_width(token) + pad, cap * total))
    minimum = [max(m, 2 * CELL_SIZE + pad) for m in minimum]
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    if sum(natural) <= total:
        spare = total - sum(natural)
        return [n + spare * n / sum(natural) for n in natural]
    if sum(minimum) >= total:
        return [m * total / sum(minimum) for m in minimum]
    # every column first gets what it needs up to a fair share, then the rest goes to the
    # columns still short, in proportion to what they lack (no column is starved by a long one)
    fair = total / cols
    base = [max(m, min(n, fair)) for n, m in zip(natural, minimum, strict=True)]
    if sum(base) > total:
        base = minimum
    spare = total - sum(base)
    lack = [n - b for n, b in zip(natural, base, strict=True)]
    return [b + (spare * s / sum(lack) if sum(lack) else 0.0)
            for b, s in zip(base, lack, strict=True)]


def ruled_table(rows: list[list[str]], total: float) -> Table:
    """A ruled table of plain-text ``rows`` (the first is the header, repeated on each page),
    columns fitted by :func:`fit_widths` (also the drill report's)."""
    m = fonts.paragraph_markup
    data = [[L.CJKParagraph(m(c), SMALL_LABEL if i == 0 else SMALL_CELL) for c in row]
            for i, row in enumerate(rows)]
    table = Table(data, colWidths=fit_widths(rows, total), repeatRows=1, splitInRow=1,
                  spaceAfter=8)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, CELL_SIZE),   # else reportlab declares Helvetica
        ("GRID", (0, 0), (-1, -1), L.RULE_WIDTH, L.INK), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD)]))
    return table


def _kept(rec: Record) -> str:
    pkg = rec.body.get("package")
    kept = (f"所报送材料包 manifest SHA-256：{pkg.get('manifest_sha256')}（已存档 "
            f"{pkg.get('path')}）" if isinstance(pkg, dict) else "未存档报送材料包")
    receipt = rec.body.get("receipt_file")
    if isinstance(receipt, dict):
        kept += f"；回执文件 SHA-256：{receipt.get('sha256')}（已存档 {receipt.get('path')}）"
    return f"记录 {rec.seq}：SHA-256 {rec.sha256}；上一条 {rec.prev or '—'}；{kept}"


class RecordSource(Protocol):
    """Where the 报送记录 comes from: the storage, or a database opened read-only
    (:class:`composer.core.record_verify.RecordLog`)."""

    def records(self) -> list[Record]: ...
    def load_profile(self) -> dict[str, Any] | None: ...


def record_pdf(source: RecordSource, verification: Verification, *,
               generated_at: datetime) -> bytes:
    """The 报送记录 of ``source``'s records (its unit, from the profile, is the PDF's author)."""
    fonts.register()
    m = fonts.paragraph_markup
    records = source.records()
    buf = io.BytesIO()
    profile = source.load_profile() or {}
    unit = " ".join(str(profile.get("name") or "").split())   # the data folder's unit
    doc = L.document(buf, title="报送记录", author=unit or "Composer", subject="网络安全事件报送记录",
                     creator=f"Composer {__version__}", lang="zh-CN")
    status = (f"记录链校验：完整，共 {verification.checked} 条记录，所存报送材料均与记录一致。"
              if verification.ok else
              "记录链校验：<b>不完整</b>——" + "；".join(m(p) for p in verification.problems))
    story: list[Any] = [
        L.CJKParagraph("报送记录", L.TITLE),
        L.CJKParagraph(f"生成时间：{in_china(generated_at):%Y-%m-%d %H:%M}（北京时间）", L.SUBTITLE),
        L.CJKParagraph(status, L.SMALL),
        L.CJKParagraph(f"末条记录 SHA-256：{verification.head}", L.SMALL), Spacer(1, 8)]
    w = L.FRAME_WIDTH
    incidents = ledger(records)
    by_seq = {r.seq: r for r in records}
    if not incidents:
        story.append(L.CJKParagraph("尚无报送记录。", L.BODY))
    for inc in incidents:
        drill = all(r.body.get("drill") is True for r in inc.sendings)
        story.append(L.CJKParagraph(m(f"事件：{DRILL_PREFIX if drill else ''}"
                                      f"{inc.title or '（未命名）'}"), L.HEADING))
        if drill:     # recorded apart in the same chain; never one of the unit's reports
            story.append(L.CJKParagraph(DRILL_NOTE, L.SMALL))
        seen: dict[Any, Record] = {}
        for rec in inc.sendings:
            seen.setdefault(rec.body.get("draft_id"), rec)
        rows = [["报告", "标题（报送时）", "报送次数"]]
        for draft_id, rec in seen.items():
            count = sum(1 for r in inc.sendings if r.body.get("draft_id") == draft_id)
            rows.append([report_text(rec, by_seq), rec.text("title") or "（未命名）", str(count)])
        story.append(ruled_table(rows, w))
        rows = [["记录", "报告", "接收方与渠道", "报送时间", "是否按时", "报送人与回执"]]
        for rec in inc.sendings:
            rows.append([str(rec.seq), report_text(rec, by_seq), recipient_text(rec),
                         _time(rec.body.get("sent_at")),
                         ("演练：" if rec.body.get("drill") is True else "")
                         + timeliness(rec.body), _receipt(rec)])
        story.append(ruled_table(rows, w))
        for rec in inc.sendings:
            story.append(L.CJKParagraph(m(_kept(rec)), SMALL_CELL))
    story.append(Spacer(1, 10))
    story.append(L.CJKParagraph(
        "说明：本记录的每一项均取自记录链本身。每条记录含上一条记录的 SHA-256，任何记录被修改、"
        "删除或调换顺序，其后的链接即不成立；所存材料包逐个文件与其 manifest 的 SHA-256 核对；"
        "末条记录另存于数据库之外（记录锚点），删除最后几条记录也会被发现。有数据库写权限者仍可"
        "整体重写记录链：请将上面的末条记录 SHA-256 与受理方的受理编号、邮件 Message-ID 一并留存，"
        "以便比对。可用 composer log verify 复核。", L.SMALL))
    doc.build(story, canvasmaker=L.numbered_canvas(generated_at))
    return buf.getvalue()
