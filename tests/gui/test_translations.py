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


def _contexts_and_sources(path: Path) -> list[tuple[str | None, str, int]]:
    """(context, source, line) of every marked string of one module, with the context Qt looks
    it up in: ``self.tr`` in class C → C (PySide walks the object's classes, C among them);
    ``translate("Ctx", "…")`` → Ctx; a module's ``_tr(text)`` wrapper around
    ``QCoreApplication.translate("Ctx", text)`` → Ctx."""
    module = ast.parse(path.read_text(encoding="utf-8"))
    wrappers = {}
    for node in module.body:
        if isinstance(node, ast.FunctionDef):
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "translate" and len(call.args) == 2
                        and isinstance(call.args[0], ast.Constant)
                        and isinstance(call.args[1], ast.Name)):
                    wrappers[node.name] = call.args[0].value
    found: list[tuple[str | None, str, int]] = []

    def literal(node: ast.expr) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
            else None

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                f, args = child.func, child.args
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                if name == "tr" and isinstance(f, ast.Attribute) and args and literal(args[0]):
                    found.append((cls, literal(args[0]), child.lineno))
                elif name in ("translate", "tr") and len(args) > 1 and literal(args[0]) \
                        and literal(args[1]):
                    found.append((literal(args[0]), literal(args[1]), child.lineno))
                elif name in wrappers and args and literal(args[0]):
                    found.append((wrappers[name], literal(args[0]), child.lineno))
            visit(child, inner)

    visit(module, None)
    return found


def test_every_marked_string_is_translated_in_its_own_context():
    """Qt finds a translation by (context, source): an English text filed under another
    class's context is not found, and the window shows Chinese (as it did for every string of
    sending.py, recording.py and desktop_open.py once they left the main window)."""
    tree = ET.parse(resource_path("translations/composer_en.ts"))
    known = {(c.findtext("name"), m.findtext("source")) for c in tree.iter("context")
             for m in c.iter("message") if m.findtext("translation")}
    marked = [(path.name, line, context, source) for path in sorted(GUI.rglob("*.py"))
              for context, source, line in _contexts_and_sources(path)]
    assert len(marked) > 400
    missing = [m for m in marked if (m[2], m[3]) not in known]
    assert missing == []
