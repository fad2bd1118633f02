"""A data folder with a realistic sending record, for the tampering tests and
bench/tamper_records.py: one incident (a CII grid outage) with its first report sent by e-mail
(package kept) and by fax (receipt scan kept), a correction sent to the 12387 hotline (package
kept) and a follow-up handed to the protection department directly ("other")."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from composer.core.draft import Draft, correction_draft, derived_draft
from composer.core.incident_io import loads_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.records import Receipt
from composer.core.storage import Storage
from composer.render.package import write_package

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
WHEN = datetime(2026, 11, 18, 15, 0, tzinfo=CHINA_TZ)


def _package(draft: Draft, out: Path) -> Path:
    from composer.core.incident_io import dumps_report

    report = draft.report()
    assert report is not None
    source = dumps_report(report).encode("utf-8")
    return write_package(loads_report(source), out, source=source, generated_at=WHEN,
                         only="pdf,script").out_dir


def build_scene(data: Path) -> Path:
    """Record the scene into ``data/composer.sqlite3``; returns the database path."""
    data.mkdir(parents=True, exist_ok=True)
    db = data / "composer.sqlite3"
    store = Storage(db)
    first = Draft(data=json.loads((EXAMPLES / "cii-grid-outage.json").read_text("utf-8")))
    store.save_draft(first)
    assert first.id is not None
    work = data.parent / "work"
    store.record_submission(first.id, "email", WHEN, "首报", sent_by="刘洋",
                            receipt=Receipt(message_id="<r1@example.cn>"),
                            package_dir=_package(first, work / "p1"),
                            due=WHEN + timedelta(hours=1))
    scan = work / "fax-report.png"
    scan.write_bytes(b"\x89PNG scanned transmission report")
    store.record_submission(first.id, "fax", WHEN + timedelta(minutes=5), receipt=Receipt(
        file=scan), due=WHEN + timedelta(hours=1))
    fix = correction_draft(first)
    fix.set("incident.title", first.title + "（更正）")
    store.save_draft(fix)
    assert fix.id is not None
    store.record_submission(fix.id, "hotline", WHEN + timedelta(minutes=40), "更正标题",
                            receipt=Receipt(reference="A-123", person="王女士"),
                            package_dir=_package(fix, work / "p2"),
                            due=WHEN + timedelta(hours=1))
    follow = derived_draft(first, ReportType.FOLLOW_UP)
    store.save_draft(follow)
    assert follow.id is not None
    store.record_submission(follow.id, "other", WHEN + timedelta(hours=3), "面交",
                            recipient="protection_department",
                            recipient_name="国家能源局")
    store.close()
    return db
