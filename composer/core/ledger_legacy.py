"""What an older record does not say of its incident, read from the package it kept.

Qt-free. Records made before issue 24 hold no ``incident`` facts (:mod:`composer.core.
record_facts`). For them the 台账 reads the unit, the category, the level and the discovery
time from the copy of what was sent that the record itself hashes — never from the editable
drafts: the kept ``manifest.json`` (its SHA-256 is the record's ``manifest_sha256``) gives the
level it was generated with, and the kept ``message.eml`` (its SHA-256 is listed in the record)
gives the lines the e-mail stated (报告单位, 事件类型, 发现时间, 事件级别). A file that is
missing, changed or unreadable gives nothing; what is not found is 不详 in the 台账.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

from composer.core.obligations import CHINA_TZ
from composer.core.record_archive import MANIFEST, safe_relative
from composer.core.records import sha256_bytes

_LINE = re.compile(r"^\s*(报告单位|事件类型|发现时间|二、事件级别)：(.+?)\s*$", re.MULTILINE)
_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})")
MAX_FILE = 8 << 20
"""A kept file larger than this is not read (an e-mail with its PDF is far smaller)."""


def _read(folder: Path, rel: str, sha256: Any) -> bytes | None:
    """The kept file ``folder/rel`` if it is a regular file still matching ``sha256``."""
    path = folder / rel
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return data if isinstance(sha256, str) and sha256_bytes(data) == sha256 else None


def _moment(text: str) -> datetime | None:
    m = _TIME.match(text)
    if m is None:
        return None
    try:
        year, month, day, hour, minute = (int(g) for g in m.groups())
        return datetime(year, month, day, hour, minute, tzinfo=CHINA_TZ)
    except ValueError:
        return None


def kept_facts(data_root: Path, body: dict[str, Any]) -> dict[str, Any]:
    """``unit``, ``category_zh``, ``level_zh``, ``discovered_at`` (a datetime) of the record
    ``body``'s incident, as far as its kept package says them; ``{}`` without one."""
    package = body.get("package")
    rel = package.get("path") if isinstance(package, dict) else None
    if not isinstance(package, dict) or not safe_relative(rel) or not str(rel).startswith(
            "sent/"):
        return {}
    folder = data_root / str(rel)
    out: dict[str, Any] = {}
    manifest = _read(folder, MANIFEST, package.get("manifest_sha256"))
    if manifest is not None:
        try:
            info = json.loads(manifest)
        except (ValueError, RecursionError):
            info = None
        if isinstance(info, dict) and isinstance(info.get("level_zh"), str):
            out["level_zh"] = info["level_zh"]
    listed = {e.get("path"): e.get("sha256") for e in package.get("files") or ()
              if isinstance(e, dict)}
    eml = _read(folder, "message.eml", listed.get("message.eml"))
    if eml is None:
        return out
    try:
        text = message_from_bytes(eml, policy=default).get_body(("plain",))
        content = text.get_content() if text is not None else ""
    except (ValueError, LookupError, AttributeError, TypeError):
        return out
    if not isinstance(content, str):
        return out
    for key, value in _LINE.findall(content):
        if key == "报告单位":
            out.setdefault("unit", value)
        elif key == "事件类型":
            out.setdefault("category_zh", value)
        elif key == "发现时间":
            moment = _moment(value)
            if moment is not None:
                out.setdefault("discovered_at", moment)
        else:      # the e-mail's level says 待研判 where the manifest's level id cannot
            out["level_zh"] = value
    return out


__all__ = ["kept_facts"]
