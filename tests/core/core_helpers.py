"""Small builders shared by the core tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"

BASE: dict[str, Any] = {
    "format": "composer-incident/1",
    "report_type": "initial",
    "operator": {
        "name": "测试单位",
        "kind": "other",
        "province": "浙江省",
        "contact": {"name": "张三", "phone": "0571-88888888", "email": "zhang@example.cn"},
    },
    "incident": {
        "title": "测试事件",
        "discovered_at": "2026-11-20T09:30:00+08:00",
        "category": "network_attack",
    },
    "impact_facts": {},
}


def incident(**overrides: Any) -> dict[str, Any]:
    """A valid incident document; ``section__key=value`` overrides nested keys."""
    data = copy.deepcopy(BASE)
    for key, value in overrides.items():
        node = data
        parts = key.split("__")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        if value is _DELETE:
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = value
    return data


_DELETE = object()
DELETE = _DELETE


def example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
