"""The 报送记录 PDF for an inspection: every report of every incident, every sending, on time or
how late, each with its receipt and the SHA-256 of what was sent and of its record.

Qt-free. :func:`ledger` groups the storage's records by incident (the first report of a 续报 /
总结报告 chain); :func:`record_pdf` lays them out on A4 with the verification result and the
chain's head hash, which anchors the printed copy to the database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.platypus import Spacer, Table, TableStyle

from composer import __version__
from composer.core.model import ReportType
from composer.core.obligations import in_china
from composer.core.records import Record, Verification
from composer.core.storage import DraftSummary, Storage
from composer.core.submissions import channel
from composer.render import fonts
from composer.render import pdf_layout as L

SMALL_CELL = L.CELL.clone("record-cell", fontSize=10.5, leading=15)
SMALL_LABEL = L.CELL_LABEL.clone("record-label", fontSize=10.5, leading=15)


@dataclass(slots=True)
class IncidentLedger:
    root_id: int
    title: str
    reports: list[DraftSummary] = field(default_factory=list)
    sendings: list[Record] = field(default_factory=list)


def ledger(storage: Storage) -> list[IncidentLedger]:
    """Incidents with at least one report sent, in the order of their first sending."""
    drafts = {d.id: d for d in storage.list_drafts()}
    incidents: dict[int, IncidentLedger] = {}
    for rec in storage.records():
        chain = rec.body.get("chain") or [rec.body.get("draft_id")]
        root = int(chain[0]) if chain and chain[0] is not None else 0
        if root not in incidents:
            first = drafts.get(root)
            incidents[root] = IncidentLedger(root, first.title if first else str(
                rec.body.get("title", "")))
        incidents[root].sendings.append(rec)
    for d in sorted(drafts.values(), key=lambda d: d.id):
        root = storage.chain(d.id)[0]
        if root in incidents:
            incidents[root].reports.append(d)
    return list(incidents.values())


def _time(iso: str | None) -> str:
    if not iso:
        return "—"
    try:
        return in_china(datetime.fromisoformat(iso)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _span(minutes: float) -> str:
    total = int(minutes + 0.999)
    h, m = divmod(total, 60)
    d, h = divmod(h, 24)
    return (f"{d} 日 " if d else "") + (f"{h} 小时 " if h else "") + f"{m} 分钟"


def timeliness(body: dict[str, Any]) -> str:
    """按时 / 逾期 N 分钟 / 无固定时限, against the due time kept in the record."""
    due, sent = body.get("due"), body.get("sent_at")
    if not due or not sent:
        if body.get("report_type") == ReportType.FOLLOW_UP.value:
            return "续报无固定时限"
        return "未记录时限"
    late = (datetime.fromisoformat(sent) - datetime.fromisoformat(due)).total_seconds() / 60
    return f"按时（时限 {_time(due)}）" if late <= 0 else f"逾期 {_span(late)}（时限 {_time(due)}）"


def _receipt(body: dict[str, Any]) -> str:
    r = body.get("receipt") or {}
    parts = []
    if r.get("reference"):
        parts.append(f"受理编号 {r['reference']}")
    if r.get("person"):
        parts.append(f"接收人 {r['person']}")
    if r.get("message_id"):
        parts.append(f"Message-ID {r['message_id']}")
    f = body.get("receipt_file")
    if isinstance(f, dict):
        parts.append(f"回执文件 {f.get('name')}（已存档）")
    if body.get("note"):
        parts.append(f"备注 {body['note']}")
    return "；".join(parts) or "—"


def _type_zh(value: str) -> str:
    try:
        return ReportType(value).zh
    except ValueError:
        return value


def _table(rows: list[list[str]], widths: list[float], header: bool = True) -> Table:
    m = fonts.paragraph_markup
    data = [[L.CJKParagraph(m(c), SMALL_LABEL if header and i == 0 else SMALL_CELL)
             for c in row] for i, row in enumerate(rows)]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1,
                  spaceAfter=8)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, L.TABLE_SIZE),   # else reportlab declares Helvetica
        ("GRID", (0, 0), (-1, -1), L.RULE_WIDTH, L.INK), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    return table


def record_pdf(storage: Storage, verification: Verification, *, generated_at: datetime) -> bytes:
    fonts.register()
    m = fonts.paragraph_markup
    buf = io.BytesIO()
    profile = storage.load_profile() or {}
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
    incidents = ledger(storage)
    if not incidents:
        story.append(L.CJKParagraph("尚无报送记录。", L.BODY))
    for inc in incidents:
        story.append(L.CJKParagraph(m(f"事件：{inc.title or '（未命名）'}"), L.HEADING))
        sent_ids = {r.body.get("draft_id") for r in inc.sendings}
        rows = [["报告", "类型", "标题", "状态"]]
        for d in inc.reports:
            rows.append([f"#{d.id}", _type_zh(d.report_type), d.title or "（未命名）",
                         "已报送" if d.id in sent_ids else "未报送"])
        story.append(_table(rows, [0.1 * w, 0.16 * w, 0.56 * w, 0.18 * w]))
        rows = [["序号", "报告", "渠道", "报送时间", "是否按时", "报送人", "回执"]]
        for rec in inc.sendings:
            b = rec.body
            ch = channel(str(b.get("channel", "")))
            rows.append([str(rec.seq), f"#{b.get('draft_id')} {_type_zh(str(b.get('report_type')))}",
                         ch.zh if ch else str(b.get("channel")), _time(b.get("sent_at")),
                         timeliness(b), str(b.get("sent_by") or "—"), _receipt(b)])
        story.append(_table(rows, [0.07 * w, 0.12 * w, 0.15 * w, 0.14 * w, 0.17 * w,
                                   0.1 * w, 0.25 * w]))
        for rec in inc.sendings:
            pkg = rec.body.get("package")
            kept = (f"所报送材料包 manifest SHA-256：{pkg.get('manifest_sha256')}（已存档 "
                    f"{pkg.get('path')}）" if isinstance(pkg, dict) else "未存档报送材料包")
            receipt = rec.body.get("receipt_file")
            if isinstance(receipt, dict):
                kept += f"；回执文件 SHA-256：{receipt.get('sha256')}（已存档 {receipt.get('path')}）"
            story.append(L.CJKParagraph(m(f"记录 {rec.seq}：SHA-256 {rec.sha256}；上一条 "
                                          f"{rec.prev}；{kept}"), SMALL_CELL))
    story.append(Spacer(1, 10))
    story.append(L.CJKParagraph(
        "说明：每条记录含上一条记录的 SHA-256，任何记录被修改、删除或调换顺序，其后的链接即不成立；"
        "所存材料包逐个文件与其 manifest 的 SHA-256 核对。可用 composer log verify 复核。",
        L.SMALL))
    doc.build(story, canvasmaker=L.numbered_canvas(generated_at))
    return buf.getvalue()
