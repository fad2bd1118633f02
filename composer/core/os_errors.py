"""What a failed file or database operation means, said in the user's language.

``describe_error(exc, path, lang)`` turns an OS or SQLite error into one sentence that names
what went wrong, the file or folder concerned, and what the user can do — never the raw
English of the C library ("database or disk is full", "[Errno 13] Permission denied"). The
app's save banner, its dialogs and the status bar all use it; so may any other caller.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class _Says:
    zh: str           # {path} is replaced; a sentence ending in 。
    en: str


DISK_FULL = _Says("磁盘空间已满，无法写入 {path}。请删除不需要的文件、腾出空间后重试。",
                  "The disk is full: {path} cannot be written. Free some space and try again.")
NO_PERMISSION = _Says("没有权限访问 {path}。请换一个有写入权限的位置，或请信息技术人员开放权限。",
                      "No permission to access {path}. Choose a place you may write to, or ask "
                      "IT staff for access.")
READ_ONLY = _Says("{path} 所在的磁盘或文件是只读的，无法写入。请换一个可写的位置（或取消只读属性）。",
                  "{path} is on a read-only disk or is read-only itself. Choose a place that "
                  "can be written to (or clear the read-only setting).")
NOT_FOUND = _Says("找不到 {path}（可能已被移动、删除，或 U 盘已拔出）。请检查位置后重试。",
                  "{path} was not found (moved, deleted, or a USB drive removed). Check the "
                  "location and try again.")
EXISTS = _Says("{path} 已经存在。请换一个名称。", "{path} already exists. Choose another name.")
IS_FOLDER = _Says("{path} 是文件夹，不是文件。请选择一个文件名。",
                  "{path} is a folder, not a file. Choose a file name.")
NOT_FOLDER = _Says("{path} 的路径中有一部分不是文件夹。请检查位置。",
                   "Part of the path {path} is not a folder. Check the location.")
NAME_TOO_LONG = _Says("文件名或路径太长：{path}。请换一个短一些的名称或位置。",
                      "The file name or path is too long: {path}. Choose a shorter one.")
BUSY = _Says("{path} 正被其他程序使用。请关闭使用它的程序后重试。",
             "{path} is in use by another program. Close that program and try again.")
TOO_MANY = _Says("打开的文件太多，无法再打开 {path}。请关闭一些程序后重试。",
                 "Too many files are open to open {path}. Close some programs and try again.")
IO_ERROR = _Says("读写 {path} 时磁盘出错（磁盘可能损坏或已断开）。请检查磁盘后重试，"
                 "或另存到其他位置。",
                 "The disk failed while reading or writing {path} (it may be damaged or "
                 "disconnected). Check the disk and try again, or save elsewhere.")
OTHER_DEVICE = _Says("无法把文件移到另一个磁盘上的 {path}。请选择同一磁盘上的位置。",
                     "The file cannot be moved to {path} on another disk. Choose a place on "
                     "the same disk.")
DB_DAMAGED = _Says("草稿数据库 {path} 已损坏。请运行 composer-cli doctor，并请信息技术人员从备份恢复；"
                   "在此之前请另存报告。",
                   "The drafts database {path} is damaged. Run composer-cli doctor and ask IT "
                   "staff to restore it from a backup; meanwhile save the report elsewhere.")
DB_LOCKED = _Says("草稿数据库 {path} 正被另一个程序占用。请关闭其他 Composer 窗口后重试。",
                  "The drafts database {path} is in use by another program. Close other "
                  "Composer windows and try again.")
DB_CANNOT_OPEN = _Says("无法打开草稿数据库 {path}。请检查该文件夹是否存在、是否可写。",
                       "The drafts database {path} cannot be opened. Check that its folder "
                       "exists and can be written to.")
UNSTORABLE = _Says("报告中有无法保存的字符（例如复制来的不可见控制字符）。请删除后重试。",
                   "The report holds characters that cannot be stored (e.g. invisible control "
                   "characters pasted in). Remove them and try again.")

_BY_NAME: dict[str, _Says] = {   # errno names (not every one exists on every system)
    "ENOSPC": DISK_FULL, "EDQUOT": DISK_FULL, "EFBIG": DISK_FULL,
    "EACCES": NO_PERMISSION, "EPERM": NO_PERMISSION,
    "EROFS": READ_ONLY,
    "ENOENT": NOT_FOUND, "ENODEV": NOT_FOUND, "ENXIO": NOT_FOUND,
    "EEXIST": EXISTS, "ENOTEMPTY": EXISTS,
    "EISDIR": IS_FOLDER, "ENOTDIR": NOT_FOLDER,
    "ENAMETOOLONG": NAME_TOO_LONG,
    "EBUSY": BUSY, "ETXTBSY": BUSY,
    "EMFILE": TOO_MANY, "ENFILE": TOO_MANY,
    "EIO": IO_ERROR,
    "EXDEV": OTHER_DEVICE,
}
_ERRNO: dict[int, _Says] = {getattr(errno, name): says for name, says in _BY_NAME.items()
                            if hasattr(errno, name)}

# SQLite reports by message (its extended codes are not in Python 3.11's sqlite3 errors)
_SQLITE: tuple[tuple[str, _Says], ...] = (
    ("database or disk is full", DISK_FULL),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("disk i/o error", IO_ERROR),
    ("malformed", DB_DAMAGED),
    ("not a database", DB_DAMAGED),
    ("database is locked", DB_LOCKED),
    ("database table is locked", DB_LOCKED),
    ("unable to open database file", DB_CANNOT_OPEN),
    ("permission denied", NO_PERMISSION),
)


def _says(exc: BaseException) -> _Says | None:
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        return _ERRNO[exc.errno]
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        return next((says for key, says in _SQLITE if key in text), None)
    if isinstance(exc, UnicodeError):
        return UNSTORABLE
    if isinstance(exc, OSError) and getattr(exc, "winerror", None) in (32, 33):
        return BUSY          # Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
    return None


def describe_error(exc: BaseException, path: str | Path | None = None,
                   lang: str = "zh") -> str:
    """One sentence in ``lang`` ("zh" or "en"): what failed, where, and what to do.

    ``path``: the file or folder concerned; else the exception's own ``filename``; else
    none is named. An error with no known meaning keeps its own words after a plain lead-in
    (so nothing is hidden), cut to one line.
    """
    where = path if path is not None else getattr(exc, "filename", None)
    shown = str(where) if where not in (None, "") else ("该文件" if lang == "zh" else "the file")
    says = _says(exc)
    if says is not None:
        return (says.zh if lang == "zh" else says.en).replace("{path}", shown)
    own = (getattr(exc, "strerror", None) or str(exc)).strip() or type(exc).__name__
    own = own.splitlines()[0][:200]
    if lang == "zh":
        return f"操作 {shown} 时出错：{own}。" if where else f"操作失败：{own}。"
    return f"An error occurred with {shown}: {own}." if where else f"The operation failed: {own}."


__all__ = ["describe_error"]
