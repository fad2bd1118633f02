"""The sending record proves itself: hash chain, kept packages, migration of old databases."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import datetime

import pytest
from core_helpers import EXAMPLES, example

from composer.core.draft import Draft
from composer.core.incident_io import loads_report
from composer.core.obligations import CHINA_TZ
from composer.core.records import GENESIS, Receipt, RecordError, canonical, sha256_bytes
from composer.core.storage import Storage
from composer.render.package import write_package

WHEN = datetime(2026, 11, 18, 15, 0, tzinfo=CHINA_TZ)


def _package(tmp_path, name="pkg"):
    source = (EXAMPLES / "ransomware-retailer.json").read_bytes()
    return write_package(loads_report(source), tmp_path / name, source=source,
                         generated_at=WHEN, only="pdf,eml").out_dir


def _store_with_three(tmp_path):
    store = Storage(tmp_path / "db" / "composer.sqlite3")
    draft_id = store.save_draft(Draft(data=example("ransomware-retailer.json")))
    package = _package(tmp_path)
    scan = tmp_path / "fax-report.png"
    scan.write_bytes(b"\x89PNG scanned transmission report")
    store.record_submission(draft_id, "email", WHEN, sent_by="刘洋", package_dir=package,
                            receipt=Receipt(message_id="<abc@example.cn>"), due=WHEN)
    store.record_submission(draft_id, "fax", WHEN, receipt=Receipt(file=scan))
    store.record_submission(draft_id, "hotline", WHEN,
                            receipt=Receipt(reference="A-123", person="王女士"))
    return store, draft_id


def _tamper(store, sql, *args):
    db = sqlite3.connect(store.path)
    db.execute("DROP TRIGGER records_no_update")
    db.execute("DROP TRIGGER records_no_delete")
    db.execute(sql, args)
    db.commit()
    db.close()


def test_each_record_links_to_the_one_before(tmp_path):
    store, _ = _store_with_three(tmp_path)
    recs = store.records()
    assert [r.seq for r in recs] == [1, 2, 3]
    assert recs[0].prev == GENESIS
    assert recs[1].prev == recs[0].sha256 and recs[2].prev == recs[1].sha256
    assert recs[0].sha256 == sha256_bytes(canonical(recs[0].body))
    assert recs[0].body["sent_by"] == "刘洋"
    assert recs[0].body["receipt"]["message_id"] == "<abc@example.cn>"
    assert recs[2].body["receipt"] == {"reference": "A-123", "person": "王女士",
                                       "message_id": ""}
    result = store.verify_records()
    assert result.ok and result.checked == 3 and result.head == recs[2].sha256


def test_the_package_sent_is_kept_exactly_and_read_only(tmp_path):
    store, _ = _store_with_three(tmp_path)
    package = store.records()[0].body["package"]
    kept = store.data_root / package["path"]
    original = tmp_path / "pkg"
    assert (kept / "manifest.json").read_bytes() == (original / "manifest.json").read_bytes()
    assert sha256_bytes((kept / "manifest.json").read_bytes()) == package["manifest_sha256"]
    for entry in package["files"]:
        assert (kept / entry["path"]).read_bytes() == (original / entry["path"]).read_bytes()
        mode = os.stat(kept / entry["path"]).st_mode
        assert not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    receipt = store.records()[1].body["receipt_file"]
    assert (store.data_root / receipt["path"]).read_bytes().startswith(b"\x89PNG")


def test_kept_package_is_the_copy_of_what_was_sent(tmp_path):
    store, draft_id = _store_with_three(tmp_path)
    kept = store.kept_package(draft_id)
    assert kept is not None and kept.parent.parent.name == "sent"
    assert (kept / "manifest.json").read_bytes() == (tmp_path / "pkg" / "manifest.json").read_bytes()
    assert store.kept_package(draft_id + 1) is None


def test_a_changed_record_is_found(tmp_path):
    store, _ = _store_with_three(tmp_path)
    body = store.records()[1].body
    body["channel"] = "email"
    _tamper(store, "UPDATE records SET body=? WHERE seq=2", canonical(body).decode())
    result = store.verify_records()
    assert not result.ok and result.first_broken == 2
    assert "record 2 was changed" in result.problems[0]


def test_a_changed_record_with_a_recomputed_hash_breaks_the_next_link(tmp_path):
    store, _ = _store_with_three(tmp_path)
    body = store.records()[1].body
    body["sent_at"] = "2026-11-18T14:00:00+08:00"
    data = canonical(body)
    _tamper(store, "UPDATE records SET body=?, sha256=? WHERE seq=2", data.decode(),
            sha256_bytes(data))
    result = store.verify_records()
    assert result.first_broken == 3


def test_a_removed_record_is_found(tmp_path):
    store, _ = _store_with_three(tmp_path)
    _tamper(store, "DELETE FROM records WHERE seq=2")
    result = store.verify_records()
    assert not result.ok and result.first_broken == 2
    assert "record 2 is missing" in result.problems[0]


def test_reordered_records_are_found(tmp_path):
    store, _ = _store_with_three(tmp_path)
    rows = sqlite3.connect(store.path).execute(
        "SELECT seq, submission_id, body, sha256 FROM records ORDER BY seq").fetchall()
    _tamper(store, "DELETE FROM records")
    db = sqlite3.connect(store.path)
    for (seq, _, _, _), (_, sid, body, digest) in zip(rows, [rows[1], rows[0], rows[2]],
                                                       strict=True):
        db.execute("INSERT INTO records VALUES (?, ?, ?, ?)", (seq, sid, body, digest))
    db.commit()
    db.close()
    result = store.verify_records()
    assert not result.ok and result.first_broken == 1


def test_a_changed_stored_package_is_found(tmp_path):
    store, _ = _store_with_three(tmp_path)
    package = store.records()[0].body["package"]
    target = store.data_root / package["path"] / "report.pdf"
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    target.write_bytes(target.read_bytes() + b"%")
    result = store.verify_records()
    assert not result.ok and result.first_broken == 1
    assert "report.pdf was changed" in result.problems[0]


def test_a_changed_submission_row_is_found(tmp_path):
    store, _ = _store_with_three(tmp_path)
    db = sqlite3.connect(store.path)
    db.execute("UPDATE submissions SET sent_at=? WHERE id=3", ("2026-11-18T05:00:00+00:00",))
    db.commit()
    db.close()
    assert store.verify_records().first_broken == 3


def test_a_package_changed_since_generation_is_refused_and_nothing_recorded(tmp_path):
    store = Storage(tmp_path / "composer.sqlite3")
    draft_id = store.save_draft(Draft(data=example("ransomware-retailer.json")))
    package = _package(tmp_path)
    (package / "report.pdf").write_bytes(b"not the report")
    with pytest.raises(RecordError, match=r"report\.pdf: changed"):
        store.record_submission(draft_id, "email", WHEN, package_dir=package)
    assert store.submissions(draft_id) == [] and store.records() == []
    assert not (store.data_root / "sent").exists() or not any(
        (store.data_root / "sent").iterdir())


def test_records_cannot_be_updated_or_deleted_through_sql(tmp_path):
    store, _ = _store_with_three(tmp_path)
    db = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM records WHERE seq=3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE records SET body='' WHERE seq=1")


def test_an_old_database_keeps_its_submissions_and_nothing_is_chained_on_open(tmp_path):
    """A sending row from before the chain is kept and shown, never chained behind the
    user's back: log verify names it (issue 20: opening chained forged rows as "legacy")."""
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE drafts (id INTEGER PRIMARY KEY, parent_id INTEGER, report_type TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL, created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE TABLE submissions (id INTEGER PRIMARY KEY, draft_id INTEGER NOT NULL,
            channel TEXT NOT NULL, sent_at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL);
        PRAGMA user_version=1;
    """)
    body = json.dumps({"data": example("phishing-general.json")}, ensure_ascii=False)
    db.execute("INSERT INTO drafts VALUES (1, NULL, 'initial', '旧报告', ?, 'x', 'x')", (body,))
    db.execute("INSERT INTO submissions VALUES (1, 1, 'fax', '2026-11-18T06:00:00+00:00', "
               "'回执', '2026-11-18T06:01:00+00:00')")
    db.commit()
    db.close()
    store = Storage(path)
    (sub,) = store.submissions(1)
    assert sub.channel == "fax" and sub.note == "回执" and sub.record_seq is None
    assert store.records() == [] and store.history(1) == []
    result = store.verify_records()
    assert not result.ok and result.problems == (
        "submission 1 (report #1, fax, 2026-11-18T06:00:00+00:00) has no record in the chain",)
    store.record_submission(1, "email", WHEN)
    store.close()
    again = Storage(path)           # reopening adds nothing
    assert [r.seq for r in again.records()] == [1]
    assert [s.record_seq for s in again.submissions(1)] == [1, None]
