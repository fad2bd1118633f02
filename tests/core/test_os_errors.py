"""OS and SQLite errors said as a sentence in the user's language, naming the path."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from composer.core.os_errors import describe_error


@pytest.mark.parametrize(("code", "zh", "en"), [
    (errno.ENOSPC, "磁盘空间已满", "disk is full"),
    (errno.EACCES, "没有权限", "No permission"),
    (errno.EPERM, "没有权限", "No permission"),
    (errno.EROFS, "只读", "read-only"),
    (errno.ENOENT, "找不到", "not found"),
    (errno.EEXIST, "已经存在", "already exists"),
    (errno.EISDIR, "是文件夹", "is a folder"),
    (errno.ENAMETOOLONG, "太长", "too long"),
    (errno.EIO, "磁盘出错", "disk failed"),
])
def test_os_errors_name_what_where_and_what_to_do(code, zh, en):
    exc = OSError(code, "raw English from libc", "/home/u/报告/incident.json")
    said_zh, said_en = describe_error(exc), describe_error(exc, lang="en")
    assert zh in said_zh and "/home/u/报告/incident.json" in said_zh and said_zh.endswith("。")
    assert en in said_en and "/home/u/报告/incident.json" in said_en
    assert "raw English" not in said_zh + said_en and "Errno" not in said_zh


def test_the_path_given_wins_over_the_exceptions_own():
    exc = PermissionError(errno.EACCES, "Permission denied", "/tmp/x.partial")
    assert "/data/package" in describe_error(exc, "/data/package")


def test_a_full_database_is_a_full_disk(tmp_path):
    path = tmp_path / "full.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.Error) as caught:
        db.execute("CREATE TABLE t (x TEXT)")
        db.execute("INSERT INTO t VALUES (?)", ("磁盘" * 100_000,))
    db.close()
    assert "disk is full" in str(caught.value)               # SQLite's own words
    said = describe_error(caught.value, path)
    assert said.startswith("磁盘空间已满") and str(path) in said


def test_a_damaged_database_says_so_and_how_to_recover(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    db = sqlite3.connect(path)
    with pytest.raises(sqlite3.Error) as caught:
        db.execute("SELECT * FROM sqlite_master")
    db.close()
    said = describe_error(caught.value, path)
    assert "已损坏" in said and "doctor" in said and str(path) in said
    assert "damaged" in describe_error(caught.value, path, lang="en")


def test_a_real_missing_file(tmp_path):
    with pytest.raises(OSError) as caught:
        (tmp_path / "gone" / "x.json").read_bytes()
    said = describe_error(caught.value)
    assert said.startswith("找不到") and "gone" in said


def test_unknown_errors_keep_their_own_words_after_a_lead_in():
    assert describe_error(ValueError("boom")) == "操作失败：boom。"
    assert describe_error(ValueError("boom"), lang="en") == "The operation failed: boom."
    looped = OSError(errno.ELOOP, "Too many levels of symbolic links", "/q")
    assert describe_error(looped) == "操作 /q 时出错：Too many levels of symbolic links。"
