"""The doctor's checks of files: the bundled fonts against the list shipped with them
(``resources/fonts/SHA256SUMS``), the data and config folders, and the drafts database. Each
problem comes with the one thing to do about it."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from composer.doctor_display import REINSTALL_EN, REINSTALL_ZH
from composer.doctor_finding import FAIL, OK, WARN, Finding
from composer.resources import resource_path

FONT_LIST = "SHA256SUMS"   # in resources/fonts: "<sha256>  <file>" per bundled font


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def font_list(folder: Path) -> dict[str, str]:
    """The shipped list: file name -> SHA-256 (raises OSError or ValueError when unreadable)."""
    listed = {}
    for line in (folder / FONT_LIST).read_text(encoding="utf-8").splitlines():
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or "/" in name:
            raise ValueError(f"{FONT_LIST}: cannot read the line {line[:80]!r}")
        listed[name] = digest
    return listed


def check_fonts(folder: Path | None = None) -> Finding:
    """Every font on the shipped list is there, unchanged (a deleted or altered font breaks the
    PDF and the fax, so it is a problem, not a note)."""
    folder = folder or resource_path("fonts")
    topic = ("内置字体", "Bundled fonts")
    try:
        listed = font_list(folder)
    except (OSError, ValueError) as exc:
        return Finding(FAIL, *topic, f"字体清单 {folder / FONT_LIST} 无法读取（{exc}）",
                       f"the font list {folder / FONT_LIST} cannot be read ({exc})",
                       REINSTALL_ZH, REINSTALL_EN)
    bad_zh, bad_en = [], []
    for name, digest in sorted(listed.items()):
        path = folder / name
        try:
            actual = _sha256(path)
        except FileNotFoundError:
            bad_zh.append(f"{name} 缺失")
            bad_en.append(f"{name} is missing")
            continue
        except OSError as exc:
            bad_zh.append(f"{name} 无法读取（{exc.strerror or exc}）")
            bad_en.append(f"{name} cannot be read ({exc.strerror or exc})")
            continue
        if actual != digest:
            bad_zh.append(f"{name} 已被改动（SHA-256 与清单不符）")
            bad_en.append(f"{name} was changed (its SHA-256 differs from the list)")
    if bad_zh:
        return Finding(FAIL, *topic, f"{'；'.join(bad_zh)}：报告和传真无法正确生成",
                       f"{'; '.join(bad_en)}: the report and fax cannot be made right",
                       REINSTALL_ZH, REINSTALL_EN)
    return Finding(OK, *topic, f"{len(listed)} 个，与清单一致：{', '.join(sorted(listed))}",
                   f"{len(listed)}, as listed: {', '.join(sorted(listed))}")


def _free_mb(path: Path) -> int:
    while not path.exists() and path.parent != path:
        path = path.parent
    return shutil.disk_usage(path).free // 1_000_000


def _folder_fix(exc: OSError, folder: Path, variable: str) -> tuple[str, str]:
    other_zh = f"或把环境变量 {variable} 设为一个可写的文件夹"
    other_en = f"or set {variable} to a writable folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        if os.name == "nt":
            return (f"让管理员把 {folder} 的写入权限给本用户，{other_zh}",
                    f"have an administrator give this user write access to {folder}, {other_en}")
        return ((f"把它交还给本用户：sudo chown -R \"$USER\" \"{folder}\" && chmod u+rwx \"{folder}\"，"
                f"{other_zh}"),
                (f"give it back to this user: sudo chown -R \"$USER\" \"{folder}\" && chmod u+rwx "
                f"\"{folder}\", {other_en}"))
    if exc.errno == errno.EROFS:
        return (f"所在的文件系统是只读的：请管理员以读写方式挂载，{other_zh}",
                f"its file system is read-only: have it mounted read-write, {other_en}")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (f"磁盘已满（或文件数、配额用尽）：删除不用的文件，{other_zh}",
                f"the disk is full (or out of inodes or quota): delete unused files, {other_en}")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return (f"路径上有一个同名的文件挡住了文件夹：把它改名或移走，{other_zh}",
                (f"a file stands where a folder is needed on that path: rename or move it, "
                f"{other_en}"))
    return (f"检查这个文件夹和它所在的磁盘，{other_zh}",
            f"check this folder and its disk, {other_en}")


def check_folder(topic_zh: str, topic_en: str, folder: Path, variable: str) -> Finding:
    """The folder exists or can be made, and a file can be written, renamed and removed in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, name = tempfile.mkstemp(prefix=".doctor-", dir=folder)
        os.write(fd, b"composer doctor")
        os.fsync(fd)
        os.close(fd)
        os.replace(name, name + ".moved")
        os.unlink(name + ".moved")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        fix_zh, fix_en = _folder_fix(exc, folder, variable)
        return Finding(FAIL, topic_zh, topic_en, f"{folder} 不可写（{reason}）",
                       f"{folder} is not writable ({reason})", fix_zh, fix_en)
    free = _free_mb(folder)
    if free < 200:
        return Finding(WARN, topic_zh, topic_en, f"{folder} 可写，但只剩 {free} MB",
                       f"{folder} is writable but only {free} MB are free",
                       "删除不用的文件，腾出至少 200 MB", "delete unused files to free at least 200 MB")
    return Finding(OK, topic_zh, topic_en, f"{folder} 可写（剩余 {free} MB）",
                   f"{folder} is writable ({free} MB free)")


def _damaged_fix(path: Path) -> tuple[str, str]:
    recovered = path.with_name(path.stem + "-recovered" + path.suffix)
    aside = path.with_name(path.name + ".damaged")
    return ((f"先退出 Composer 并备份该文件；用 SQLite 命令行恢复：sqlite3 \"{path}\" .recover | sqlite3 "
            f"\"{recovered}\"，核对后用它替换原文件；无法恢复时把原文件改名为 {aside.name}，Composer "
            "下次启动会新建空数据库（草稿和报送记录需从备份找回）"),
            (f"quit Composer and back the file up; recover it with the SQLite shell: sqlite3 "
            f"\"{path}\" .recover | sqlite3 \"{recovered}\", check it and put it in the original's "
            f"place; if that fails, rename the original to {aside.name}: Composer then starts "
            "with an empty database (drafts and sending records come back from a backup)"))


def check_database(path: Path) -> Finding:
    topic = ("草稿数据库", "Drafts database")
    if not path.exists():
        return Finding(OK, *topic, f"{path} 尚未创建（首次启动时创建）",
                       f"{path} does not exist yet (made at first start)")
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with sqlite3.connect(uri, uri=True, timeout=5) as db:
            answer = db.execute("PRAGMA quick_check").fetchone()[0]
        db.close()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
            fix_zh = f"检查 {path} 及其文件夹的读写权限（应属于本用户）"
            fix_en = f"check the permissions of {path} and its folder (this user must own them)"
        else:
            fix_zh, fix_en = _damaged_fix(path)
        return Finding(FAIL, *topic, f"{path} 无法打开（{exc}）", f"{path} cannot be opened ({exc})",
                       fix_zh, fix_en)
    if answer != "ok":
        return Finding(FAIL, *topic, f"{path} 已损坏（{answer}）", f"{path} is damaged ({answer})",
                       *_damaged_fix(path))
    return Finding(OK, *topic, f"{path} 完好", f"{path} is intact")


__all__ = ["FONT_LIST", "check_database", "check_folder", "check_fonts", "font_list"]
