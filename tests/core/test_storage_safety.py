"""Storage under real failures: private files, damaged rows and pages, a write limit, deletion
and archiving, recovery only of what changed since the last orderly save."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from composer.core import paths
from composer.core.draft import new_draft
from composer.core.storage import CorruptRow, SentReportError, Storage
from composer.core.submissions import channels
from sqlite_damage import damage_table_page


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=False, **kw)

def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_database_journal_and_data_dir_are_private_at_umask_022(tmp_path):
    old = os.umask(0o022)
    try:
        data = tmp_path / "data"
        s = Storage(data / "composer.sqlite3")
        s.begin_session()
        s.save_draft(new_draft())
        s._db.execute("BEGIN IMMEDIATE")          # a write in progress: the journal exists
        s._db.execute("UPDATE drafts SET title='x'")
        files = {p.name: mode(p) for p in data.iterdir()}
        s._db.execute("ROLLBACK")
        assert {"composer.sqlite3", "composer.sqlite3-journal"} == set(files)
        assert set(files.values()) == {0o600}, files
        assert mode(data) == 0o700
        s.close()
    finally:
        os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_existing_open_files_are_tightened(tmp_path):
    data = tmp_path / "data"
    Storage(data / "db.sqlite3").close()
    os.chmod(data, 0o755)
    os.chmod(data / "db.sqlite3", 0o644)
    Storage(data / "db.sqlite3").close()
    assert mode(data) == 0o700 and mode(data / "db.sqlite3") == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_private_dir_helper_for_the_config_dir(tmp_path):
    old = os.umask(0o022)
    try:
        made = paths.private_dir(tmp_path / "a" / "config")
        assert mode(made) == 0o700
    finally:
        os.umask(old)


def _row_text(path: Path, sql: str, args: tuple) -> None:
    db = sqlite3.connect(path)
    db.execute(sql, args)
    db.commit()
    db.close()


def test_corrupt_profile_and_setting_json_do_not_stop_start(tmp_path):
    path = tmp_path / "db.sqlite3"
    s = Storage(path)
    s.save_profile({"name": "某公司"})
    s.save_setting("email_recipients", ["a@example.cn"])
    s.close()
    _row_text(path, "UPDATE profile SET body=? WHERE id=1", ('{"name": "某公',))
    _row_text(path, "UPDATE settings SET body=? WHERE key='email_recipients'", ("[1,",))
    s = Storage(path)
    assert s.begin_session() == []
    assert s.load_profile() is None
    assert s.load_setting("email_recipients", []) == []
    assert len(s.problems) == 2
    assert "table profile" in s.problems[0] and "email_recipients" in s.problems[1]
    s.save_profile({"name": "新"})          # writing it again repairs the row
    assert s.load_profile() == {"name": "新"}
    s.close()


def test_corrupt_draft_json_names_the_row(tmp_path):
    path = tmp_path / "db.sqlite3"
    s = Storage(path)
    good, bad = new_draft(), new_draft()
    good.set("incident.title", "好的")
    bad.set("incident.title", "坏的")
    s.save_draft(good)
    s.save_draft(bad)
    s.close()
    _row_text(path, "UPDATE drafts SET body=? WHERE id=?", ("{not json", bad.id))
    s = Storage(path)
    assert {d.title for d in s.list_drafts()} == {"好的", "坏的"}
    assert s.load_draft(good.id).title == "好的"
    with pytest.raises(CorruptRow, match=f"draft #{bad.id}"):
        s.load_draft(bad.id)
    s.close()







def test_damaged_page_makes_saves_fail_loudly_but_start_works(tmp_path):
    path = tmp_path / "db.sqlite3"
    s = Storage(path)
    s.begin_session()
    d = new_draft()
    s.save_draft(d)
    s.close()        # crash: the session stays "running"
    damage_table_page(path, "drafts")
    s = Storage(path)
    assert s.begin_session() == []           # the recovery query failed: said, not raised
    assert any("table drafts" in p for p in s.problems)
    d.set("incident.title", "改")
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        s.save_draft(d)
    s.close()


def test_a_real_write_limit_fails_the_save_and_lifting_it_succeeds(tmp_path):
    """RLIMIT_FSIZE makes the kernel refuse writes past a size (EFBIG): a real full disk for
    one process, without a special filesystem."""
    path = tmp_path / "db.sqlite3"
    script = textwrap.dedent(f"""
        import os, resource, signal
        from composer.core.storage import Storage
        from composer.core.draft import new_draft
        s = Storage({str(path)!r})
        s.begin_session()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = os.path.getsize({str(path)!r})
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit + 512, resource.RLIM_INFINITY))
        d = new_draft()
        d.set("incident.title", "满" * 20000)
        try:
            s.save_draft(d)
            print("saved")
        except Exception as exc:
            print("failed", type(exc).__name__, exc)
        resource.setrlimit(resource.RLIMIT_FSIZE,
                           (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        s.save_draft(d)
        print("then", s.load_draft(d.id).title[:1], len(s.load_draft(d.id).title))
    """)
    out = _run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60)
    lines = out.stdout.splitlines()
    assert lines[0].startswith("failed") and "OperationalError" in lines[0], out
    assert lines[1] == "then 满 20000"


def test_lone_surrogates_do_not_break_saving(tmp_path):
    s = Storage(tmp_path / "db.sqlite3")
    d = new_draft()
    d.set("incident.title", "a\ud800b")
    s.save_draft(d)
    assert s.load_draft(d.id).get("incident.title") == "a\ud800b"
    s.close()


def test_delete_unsent_archive_sent(tmp_path):
    s = Storage(tmp_path / "db.sqlite3")
    unsent, sent = new_draft(), new_draft()
    s.save_draft(unsent)
    s.save_draft(sent)
    from datetime import UTC, datetime
    s.record_submission(sent.id, channels()[0].id, datetime.now(UTC))
    with pytest.raises(SentReportError):
        s.delete_draft(sent.id)
    s.archive_draft(sent.id)
    s.delete_draft(unsent.id)
    assert [d.id for d in s.list_drafts()] == [sent.id]
    assert s.list_drafts()[0].archived_at is not None
    assert s.list_drafts(archived=False) == []
    assert len(s.submissions(sent.id)) == 1                   # the record is kept
    s.close()


def test_recovery_offers_only_drafts_changed_since_their_orderly_save(tmp_path):
    path = tmp_path / "db.sqlite3"
    s = Storage(path)
    s.begin_session()
    orderly, autosaved, unchanged, sent = (new_draft() for _ in range(4))
    for d in (orderly, autosaved, unchanged, sent):
        s.save_draft(d)
    s.end_session()
    s.begin_session()
    orderly.set("incident.title", "已保存")
    s.save_draft(orderly)                      # autosave, then the user saved
    s.save_draft(orderly, orderly=True)
    autosaved.set("incident.title", "自动保存")
    s.save_draft(autosaved)
    before = s.list_drafts()
    s.save_draft(unchanged)                    # no change: not rewritten, not marked
    assert s.list_drafts() == before
    sent.set("incident.title", "已报送")
    s.save_draft(sent)
    from datetime import UTC, datetime
    s.record_submission(sent.id, channels()[0].id, datetime.now(UTC))
    s.close()                                  # crash
    s = Storage(path)
    assert [d.id for d in s.begin_session()] == [autosaved.id]
    s.close()
