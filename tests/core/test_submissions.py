"""The record of what was sent, when and how: storage, on-time judgement, wording."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.core.classify import classify
from composer.core.draft import Draft
from composer.core.incident_io import load_report
from composer.core.obligations import CHINA_TZ
from composer.core.storage import Storage
from composer.core.submissions import Submission, channels, describe, lateness

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def test_channels_are_the_official_ones_plus_other():
    ids = [c.id for c in channels()]
    assert ids == ["email", "fax", "hotline", "website", "wechat", "other"]
    text = " ".join(c.zh for c in channels())
    assert "12387@cert.org.cn" in text and "010-82992387" in text


def test_record_and_list_submissions_in_time_order(tmp_path):
    store = Storage(tmp_path / "s.sqlite3")
    draft = Draft(data=json.loads((EXAMPLES / "phishing-general.json").read_text("utf-8")))
    draft_id = store.save_draft(draft)
    late = datetime(2026, 11, 21, 12, 0, tzinfo=CHINA_TZ)
    early_utc = datetime(2026, 11, 21, 3, 30, tzinfo=UTC)   # 11:30 China time
    store.record_submission(draft_id, "fax", late, "回执 001")
    store.record_submission(draft_id, "email", early_utc)
    subs = store.submissions(draft_id)
    assert [s.channel for s in subs] == ["email", "fax"]
    assert subs[0].sent_at == early_utc and subs[1].note == "回执 001"
    (summary,) = store.list_drafts()
    assert datetime.fromisoformat(summary.submitted_at) == late
    with pytest.raises(ValueError):
        store.record_submission(draft_id, "fax", datetime(2026, 11, 21, 12, 0))
    from composer.core.storage import SentReportError
    with pytest.raises(SentReportError):      # a sent report is a record: never deleted
        store.delete_draft(draft_id)
    assert len(store.submissions(draft_id)) == 2
    store.close()


def test_on_time_or_late_against_the_due_time():
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    due = classify(report).duties.first_due          # 2026-11-18 18:05 +08:00
    on_time = due.due - timedelta(minutes=20)
    assert lateness(on_time, due) == -20
    assert lateness(due.due, due) == 0               # at the due minute is on time
    text = describe(Submission(1, 1, "fax", on_time), due)
    assert text == "已报送：传真 010-82992387，2026-11-18 17:45（按时）"
    late = Submission(1, 1, "email", due.due + timedelta(minutes=95, seconds=10))
    assert describe(late, due).endswith("（逾期 1 小时 36 分钟）")
    assert describe(late, due, "en").endswith("(1 h 36 min late)")
    assert describe(late, None) == "已报送：电子邮件 12387@cert.org.cn，2026-11-18 19:40"


def test_history_of_an_incident_spans_its_reports_and_reads_as_the_intake(tmp_path):
    """Storage.history: every sending of the incident (first report, correction, follow-up),
    earliest first, in the core's shape; a record without a recipient reached 12387."""
    from composer.core.draft import correction_draft, derived_draft
    from composer.core.history import INTAKE
    from composer.core.model import ReportType

    store = Storage(tmp_path / "s.sqlite3")
    first = Draft(data=json.loads((EXAMPLES / "cii-grid-outage.json").read_text("utf-8")))
    first.id = store.save_draft(first)
    at = datetime(2026, 11, 21, 9, 0, tzinfo=CHINA_TZ)
    store.record_submission(first.id, "email", at, receipt=None)
    fix = correction_draft(first)
    fix.id = store.save_draft(fix)
    store.record_submission(fix.id, "fax", at + timedelta(minutes=30))
    follow = derived_draft(first, ReportType.FOLLOW_UP)
    follow.id = store.save_draft(follow)
    store.record_submission(follow.id, "hotline", at + timedelta(hours=2))
    for member in (first.id, fix.id, follow.id):
        sent = store.history(member)
        assert [(s.report_type, s.correction, s.channel) for s in sent] == [
            (ReportType.INITIAL, False, "email"), (ReportType.INITIAL, True, "fax"),
            (ReportType.FOLLOW_UP, False, "hotline")]
        assert {s.recipient for s in sent} == {INTAKE}
        assert [s.record_seq for s in sent] == [1, 2, 3]
        assert sent[0].sent_at == at
    assert store.family(fix.id) == sorted([first.id, fix.id, follow.id])
    store.close()
