"""A data folder with real and drill sendings, for the 台账, the drill report and the Art. 11
account (issue 24). Recorded through the storage API, as the app records:

* the CII grid outage (discovered 2026-11-19 02:10, 1 hour to the protection department and
  the police): its first report by e-mail to the protection department after 40 minutes (on
  time), handed to the police after 95 minutes (35 minutes late), a correction to the 12387
  hotline, a follow-up by fax, and the summary (handling ended 2026-12-20) on 2027-01-10,
  within its 30 days;
* the ransomware at a retailer (discovered 2026-11-18 14:05, 4 hours to the provincial CAC
  office), recorded as an older Composer did — no incident facts in the record — once with
  its package kept (e-mail) and once by fax with nothing kept;
* a drill of the ransomware (its sending to the intake 5 hours after discovery: 1 hour late
  against the real limit), its level settled 12 minutes after discovery and its first package
  made after 30 minutes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from composer.core import record_facts
from composer.core.draft import Draft, correction_draft, derived_draft
from composer.core.incident_io import dumps_report, loads_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.records import Receipt
from composer.core.storage import Storage
from composer.render.package import write_package

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
GRID = datetime(2026, 11, 19, 2, 10, tzinfo=CHINA_TZ)
SHOP = datetime(2026, 11, 18, 14, 5, tzinfo=CHINA_TZ)


@dataclass
class Scene:
    database: Path
    grid: int            # the grid outage's first report
    summary: int         # its summary report (sent)
    shop: int            # the retailer's first report (older records)
    drill: int           # the drill's first report


def _draft(name: str, **top) -> Draft:
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    data.update(top)
    return Draft(data=data)


def _package(draft: Draft, out: Path, when: datetime, only: str = "pdf,eml") -> Path:
    report = draft.report()
    assert report is not None, draft.problems()
    source = dumps_report(report).encode("utf-8")
    return write_package(loads_report(source), out, source=source, generated_at=when,
                         only=only).out_dir


def build(data: Path, monkeypatch) -> Scene:
    """Record the scene into ``data/composer.sqlite3``."""
    data.mkdir(parents=True, exist_ok=True)
    work = data.parent / "work"
    store = Storage(data / "composer.sqlite3")
    grid = _draft("cii-grid-outage.json")
    store.save_draft(grid)
    assert grid.id is not None
    store.record_submission(grid.id, "email", GRID + timedelta(minutes=40),
                            receipt=Receipt(message_id="<g1@grid.example.cn>"),
                            recipient="protection_department", recipient_name="国家能源局",
                            package_dir=_package(grid, work / "g1", GRID + timedelta(minutes=30)))
    store.record_submission(grid.id, "other", GRID + timedelta(minutes=95),
                            receipt=Receipt(reference="GA-2026-77", person="张警官"),
                            recipient="public_security", recipient_name="公安机关")
    fix = correction_draft(grid)
    fix.set("incident.location", "北京市丰台区调度大楼")
    store.save_draft(fix)
    assert fix.id is not None
    store.record_submission(fix.id, "hotline", GRID + timedelta(hours=3),
                            receipt=Receipt(reference="12387-0042"))
    follow = derived_draft(grid, ReportType.FOLLOW_UP)
    follow.set("incident.trend", "已恢复。")
    store.save_draft(follow)
    assert follow.id is not None
    store.record_submission(follow.id, "fax", GRID + timedelta(days=1),
                            recipient="protection_department", recipient_name="国家能源局")
    summary = derived_draft(follow, ReportType.SUMMARY)
    summary.set("incident.handling_completed_at", "2026-12-20T18:00:00+08:00")
    summary.set("incident.safeguards", "部署了工控安全监测平台。")
    store.save_draft(summary)
    assert summary.id is not None
    store.record_submission(summary.id, "email", datetime(2027, 1, 10, 9, 0, tzinfo=CHINA_TZ),
                            recipient="protection_department", recipient_name="国家能源局")
    # an older Composer's records: no incident facts, no deadline of their own
    shop = _draft("ransomware-retailer.json")
    store.save_draft(shop)
    assert shop.id is not None
    with monkeypatch.context() as m:
        m.setattr(record_facts, "sent_facts", lambda body, recipient: {})
        from composer.core.store import sending

        m.setattr(sending, "sent_facts", lambda body, recipient: {})
        store.record_submission(shop.id, "email", SHOP + timedelta(hours=2),
                                due=SHOP + timedelta(hours=4),
                                package_dir=_package(shop, work / "s1", SHOP + timedelta(hours=1)))
        store.record_submission(shop.id, "fax", SHOP + timedelta(hours=5),
                                due=SHOP + timedelta(hours=4))
    drill = _draft("ransomware-retailer.json", drill=True, drill_to=["lead@example.com"])
    drill.settled_at = SHOP + timedelta(minutes=12)
    store.save_draft(drill)
    assert drill.id is not None
    store.record_package(drill.id, work / "d1", [], None, SHOP + timedelta(minutes=30))
    store.record_package(drill.id, work / "d2", [], None, SHOP + timedelta(minutes=50))
    store.record_submission(drill.id, "email", SHOP + timedelta(hours=5))
    store.close()
    return Scene(data / "composer.sqlite3", grid.id, summary.id, shop.id, drill.id)


__all__ = ["GRID", "SHOP", "Scene", "build"]
