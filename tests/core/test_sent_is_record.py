"""A sent report is a record in the storage itself: no code path can change what it says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from composer.core.draft import draft_to_json, new_draft
from composer.core.storage import SentReportChanged, SentReportError, Storage


def _sent(tmp_path):
    s = Storage(tmp_path / "db.sqlite3")
    s.begin_session()
    d = new_draft()
    d.set("incident.title", "医院勒索")
    d.set("impact_facts.data_leak.records", 1200)
    s.save_draft(d)
    s.record_submission(d.id, "email", datetime(2026, 11, 30, 3, 0, tzinfo=UTC))
    return s, d


def test_changing_a_sent_report_is_refused_and_nothing_is_stored(tmp_path):
    s, d = _sent(tmp_path)
    before = s.list_drafts()[0]
    stored = draft_to_json(s.load_draft(d.id))
    d.set("incident.title", "改过的标题")
    with pytest.raises(SentReportChanged) as err:
        s.save_draft(d)
    assert isinstance(err.value, SentReportError)
    message = str(err.value)
    assert f"report #{d.id} was sent" in message and "incident" in message
    assert "follow-up" in message
    assert s.load_draft(d.id).get("incident.title") == "医院勒索"
    assert s.list_drafts()[0] == before
    for change in (lambda x: setattr(x, "fast_path", True),
                   lambda x: setattr(x, "confirmed_level", "较大"),
                   lambda x: x.set("impact_facts.data_leak.records", 999999)):
        other = s.load_draft(d.id)
        change(other)
        with pytest.raises(SentReportChanged):
            s.save_draft(other, orderly=True)
    assert draft_to_json(s.load_draft(d.id)) == stored


def test_what_legitimately_changes_after_sending_still_saves(tmp_path):
    s, d = _sent(tmp_path)
    d.enter_step(5)                       # paging through the sent report
    s.save_draft(d)
    s.save_draft(d, orderly=True)         # leaving it / closing the app
    assert s.load_draft(d.id).step == 5
    s.archive_draft(d.id)                 # putting it away and back
    assert s.list_drafts(archived=False) == []
    s.archive_draft(d.id, False)
    s.record_submission(d.id, "fax", datetime(2026, 11, 30, 3, 5, tzinfo=UTC))
    assert len(s.submissions(d.id)) == 2
    assert s.verify_records().ok


def test_unsent_drafts_and_follow_ups_still_change_freely(tmp_path):
    s, d = _sent(tmp_path)
    other = new_draft()
    s.save_draft(other)
    other.set("incident.title", "另一份")
    s.save_draft(other)
    assert s.load_draft(other.id).get("incident.title") == "另一份"
    child = new_draft()
    child.parent_id = d.id
    s.save_draft(child)
    child.set("incident.title", "续报")
    s.save_draft(child)
    assert s.chain(child.id) == [d.id, child.id]
