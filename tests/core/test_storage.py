"""SQLite storage: drafts, profile, chain, packages, crash recovery, paths."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from composer.core import paths
from composer.core.draft import derived_draft, new_draft
from composer.core.model import ReportType
from composer.core.storage import Storage

OPERATOR = {"name": "某公司", "kind": "other", "province": "浙江省",
            "contact": {"name": "张三", "phone": "13800138000"}}


def test_paths_honour_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPOSER_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("COMPOSER_CONFIG_DIR", str(tmp_path / "c"))
    assert paths.data_dir() == tmp_path / "d"
    assert paths.config_dir() == tmp_path / "c"
    assert paths.database_path().parent == tmp_path / "d"
    assert paths.settings_path().parent == tmp_path / "c"


def test_paths_platform_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv("COMPOSER_DATA_DIR")
    monkeypatch.delenv("COMPOSER_CONFIG_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xc"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert paths.data_dir() == tmp_path / "xd" / "composer"
    assert paths.config_dir() == tmp_path / "xc" / "composer"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "roaming"))
    assert paths.data_dir() == tmp_path / "local" / "Composer"
    assert paths.config_dir() == tmp_path / "roaming" / "Composer"


def test_default_database_is_in_the_test_data_dir():
    s = Storage()
    assert s.path == Path(os.environ["COMPOSER_DATA_DIR"]) / "composer.sqlite3"
    # the rollback journal, no memory-mapped I/O: a write that fails is an error, never SIGBUS
    assert s._db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert s._db.execute("PRAGMA mmap_size").fetchone()[0] == 0
    s.close()


def test_save_load_update_list(tmp_path):
    s = Storage(tmp_path / "db.sqlite3")
    d = new_draft(OPERATOR)
    d.set("incident.title", "第一")
    first = s.save_draft(d)
    assert d.id == first
    d.set("incident.title", "第一（改）")
    d.fast_path = True
    assert s.save_draft(d) == first
    loaded = s.load_draft(first)
    assert loaded.title == "第一（改）" and loaded.fast_path and loaded.id == first
    e = new_draft()
    s.save_draft(e)
    listed = s.list_drafts()
    assert [x.id for x in listed] == [e.id, first]
    assert listed[1].title == "第一（改）"
    s.delete_draft(e.id)
    assert [x.id for x in s.list_drafts()] == [first]


def test_profile_saved_once_and_reused(tmp_path):
    s = Storage(tmp_path / "db.sqlite3")
    assert s.load_profile() is None
    s.save_profile(OPERATOR)
    s.save_profile({**OPERATOR, "name": "新名称"})
    s.close()
    s2 = Storage(tmp_path / "db.sqlite3")
    assert s2.load_profile()["name"] == "新名称"
    assert new_draft(s2.load_profile()).get("operator.name") == "新名称"


def test_follow_up_chain_and_packages(tmp_path):
    s = Storage(tmp_path / "db.sqlite3")
    first = new_draft(OPERATOR)
    s.save_draft(first)
    follow = derived_draft(first, ReportType.FOLLOW_UP)
    s.save_draft(follow)
    summary = derived_draft(follow, ReportType.SUMMARY)
    s.save_draft(summary)
    assert s.chain(summary.id) == [first.id, follow.id, summary.id]
    assert s.load_draft(summary.id).parent_id == follow.id
    s.record_package(first.id, tmp_path / "out", [tmp_path / "out" / "report.pdf"], "ab" * 32)
    (rec,) = s.packages(first.id)
    assert rec.manifest_sha256 == "ab" * 32 and rec.files[0].endswith("report.pdf")
    assert {d.id: d.packages for d in s.list_drafts()}[first.id] == 1
    s.delete_draft(follow.id)  # children keep living, without a parent
    assert s.load_draft(summary.id).parent_id is None


def test_clean_shutdown_offers_nothing(tmp_path):
    s = Storage(tmp_path / "db.sqlite3")
    assert s.begin_session() == []
    s.save_draft(new_draft())
    s.end_session()
    s.close()
    assert Storage(tmp_path / "db.sqlite3").begin_session() == []


def test_unclean_exit_offers_drafts_changed_since_once(tmp_path):
    db = tmp_path / "db.sqlite3"
    s = Storage(db)
    s.begin_session()
    old = new_draft()
    s.save_draft(old)
    s.end_session()
    s.begin_session()
    changed = new_draft()
    changed.set("incident.title", "崩溃前")
    s.save_draft(changed)
    s.close()  # no end_session: a crash
    s2 = Storage(db)
    offered = s2.begin_session()
    assert [d.id for d in offered] == [changed.id]
    assert offered[0].title == "崩溃前"
    s2.end_session()
    assert Storage(db).begin_session() == []  # offered once


def test_killed_process_leaves_a_consistent_database(tmp_path):
    """SIGKILL in the middle of a stream of saves: the last committed save is intact."""
    db = tmp_path / "db.sqlite3"
    script = textwrap.dedent(f"""
        import sys
        from composer.core.storage import Storage
        from composer.core.draft import new_draft
        s = Storage({str(db)!r})
        s.begin_session()
        d = new_draft()
        i = 0
        while True:
            i += 1
            d.set("incident.title", "标题" + str(i) * 200)
            s.save_draft(d)
            if i == 50:
                print("ready", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.kill()
    proc.wait()
    proc.stdout.close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    s = Storage(db)
    (offered,) = s.begin_session()
    loaded = s.load_draft(offered.id)
    assert loaded.title.startswith("标题") and len(loaded.title) >= 2 + 200 * 2
    s.close()


def test_settings_round_trip(tmp_path):
    store = Storage(tmp_path / "s.sqlite3")
    assert store.load_setting("email_recipients", []) == []
    store.save_setting("email_recipients", ["a@example.cn"])
    store.save_setting("email_recipients", ["b@example.cn", "c@example.cn"])
    store.close()
    again = Storage(tmp_path / "s.sqlite3")
    assert again.load_setting("email_recipients") == ["b@example.cn", "c@example.cn"]
    again.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "s.sqlite3"
    Storage(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=99")
    db.close()
    with pytest.raises(sqlite3.DatabaseError, match="newer Composer"):
        Storage(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 99
    db.close()


def test_a_second_instance_does_not_recover_a_running_one(tmp_path):
    path = tmp_path / "s.sqlite3"
    runner = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from composer.core.storage import Storage
        from composer.core.draft import new_draft
        s = Storage({str(path)!r})
        s.begin_session()
        d = new_draft()
        d.set("incident.title", "另一个实例")
        s.save_draft(d)
        print("ready", flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert runner.stdout.readline().strip() == "ready"
        second = Storage(path)
        assert second.begin_session() == []          # still running: not a crash
        second.end_session()
        second.close()
    finally:
        runner.kill()
        runner.wait()
        runner.stdout.close()
    third = Storage(path)
    assert [d.title for d in third.begin_session()] == ["另一个实例"]   # now it crashed
    third.close()
