"""The English catalogue covers every marked UI string, and is compiled."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import composer
from composer.resources import resource_path

GUI = Path(composer.__file__).resolve().parent / "gui"


def marked_strings(path: Path) -> set[str]:
    """Literal arguments of self.tr(...) and QCoreApplication.translate(ctx, ...)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        index = {"tr": 0, "translate": 1}.get(node.func.attr)
        if index is None or len(node.args) <= index:
            continue
        arg = node.args[index]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.add(arg.value)
    return found


def catalogue() -> dict[str, str]:
    tree = ET.parse(resource_path("translations/composer_en.ts"))
    out = {}
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), \
            message.find("source").text
        out[message.find("source").text] = translation.text or ""
    return out


def test_every_marked_string_is_translated():
    known = catalogue()
    marked = {m for path in GUI.rglob("*.py") for m in marked_strings(path)}
    assert len(marked) > 150
    missing = sorted(s for s in marked if not known.get(s))
    assert missing == []


def test_compiled_catalogue_is_newer_than_source():
    ts = resource_path("translations/composer_en.ts")
    qm = resource_path("translations/composer_en.qm")
    assert qm.stat().st_size > 1000
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 1


def test_every_message_has_one_source_and_one_translation():
    """A merge can fuse two messages into one well-formed but wrong entry: catch it."""
    tree = ET.parse(resource_path("translations/composer_en.ts"))
    fused = [[s.text for s in m.findall("source")] for m in tree.iter("message")
             if len(m.findall("source")) != 1 or len(m.findall("translation")) != 1]
    assert fused == []
    sources = [(c.findtext("name"), m.findtext("source"))
               for c in tree.iter("context") for m in c.iter("message")]
    assert len(sources) == len(set(sources)), "a message appears twice in one context"
