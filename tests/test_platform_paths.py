"""Windows and macOS code paths, reached from Linux: folder names, the --force swap under
Windows' rename rules, data directories, Chinese names and long paths.

What cannot run here is emulated only where the rule is simple and documented (Windows'
``os.rename`` refuses an existing destination and a folder holding a file another program has
open); everything else runs for real on this filesystem.
"""

from __future__ import annotations

import errno
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from composer.core import paths
from composer.core.draft import new_draft
from composer.core.incident_io import load_report
from composer.render.package import PackageError, write_package

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=timezone(timedelta(hours=8)))
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def _write(out: Path, **kw):
    kw.setdefault("only", ("pdf", "eml"))
    return write_package(load_report(EXAMPLES / "ransomware-retailer.json"), out,
                         source=b"{}", generated_at=WHEN, **kw)


@pytest.fixture
def windows_rename(monkeypatch):
    """``os.rename`` with Windows' rules: an existing destination (even an empty folder) is an
    error, and a folder holding a file "open in another program" cannot be moved."""
    real = os.rename
    held: set[Path] = set()

    def rename(src, dst):
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "Cannot create a file when that file already "
                                  "exists", str(dst))
        if any(Path(src) in (h, *h.parents) for h in held):
            raise PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "it is being used by another process", str(src))
        return real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    return held


def test_new_empty_and_force_swap_under_windows_rename_rules(tmp_path, windows_rename):
    fresh = tmp_path / "新建 文件夹"
    _write(fresh)
    assert (fresh / "report.pdf").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    _write(empty)
    assert (empty / "manifest.json").exists()
    _write(fresh, only=("pdf",), force=True)        # replace an earlier package
    assert sorted(p.name for p in fresh.iterdir()) == ["manifest.json", "report.pdf"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_force_with_a_file_held_open_changes_nothing_and_says_why(tmp_path, windows_rename):
    out = tmp_path / "pkg"
    _write(out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    windows_rename.add(out / "report.pdf")
    with pytest.raises(PackageError, match="open in another program"):
        _write(out, only=("pdf",), force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("title", ["CON", "a:b/c\\d*e?f\"g<h>i|j", "结尾的点。。..", " 空格 ",
                                   "制表\t换行\n回车\r", "x" * 300, "汉" * 300, "\x01\x1f控制"])
def test_package_folder_name_is_valid_on_windows_and_short(title):
    pytest.importorskip("PySide6")
    from composer.gui.output import package_dir_name

    draft = new_draft()
    draft.set("incident.title", title)
    name = package_dir_name(draft, WHEN)
    assert not (set(name) & WINDOWS_FORBIDDEN), name
    assert not name.endswith((".", " "))
    assert len(name) <= 80                                  # MAX_PATH budget on Windows
    # the hidden temporary name beside it must fit a 255-byte component (ext4, NTFS)
    assert len(f".{name}.0123abcd.partial".encode()) <= 255


def test_package_in_a_deep_chinese_path(tmp_path):
    deep = tmp_path.joinpath(*(["报送材料 目录"] * 12))
    result = _write(deep / "20261118-initial-会员系统遭勒索病毒攻击")
    assert all(p.exists() for p in result.files)


def test_a_name_too_long_for_the_filesystem_is_a_clear_error(tmp_path):
    with pytest.raises(PackageError) as info:
        _write(tmp_path / ("长" * 100))                     # 300 bytes: over 255
    assert "Traceback" not in str(info.value) and str(info.value)


def test_data_directories_on_macos_and_windows_fallbacks(monkeypatch, tmp_path):
    monkeypatch.delenv("COMPOSER_DATA_DIR")
    monkeypatch.delenv("COMPOSER_CONFIG_DIR")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "用户 主目录"))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert paths.data_dir() == tmp_path / "用户 主目录/Library/Application Support/Composer"
    assert paths.config_dir() == tmp_path / "用户 主目录/Library/Preferences/Composer"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.delenv("APPDATA", raising=False)
    assert paths.data_dir() == tmp_path / "用户 主目录/AppData/Local/Composer"
    assert paths.config_dir() == tmp_path / "用户 主目录/AppData/Roaming/Composer"
