"""Guards: the Qt-free core stays Qt-free; PySide6's None-refcount regression (6.12 on 3.11)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

import composer

PACKAGE = Path(composer.__file__).resolve().parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_gui():
    offenders = []
    files = [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]
    assert len(files) > 10
    for path in files:
        for name in _imports(path):
            if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6"):
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def test_process_events_keeps_none_refcount(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(10_000):
        QApplication.processEvents()
        if i % 1000 == 0:
            label.setText(str(i))
    after = sys.getrefcount(None)
    assert after >= before - 100, (before, after)  # 6.12 on 3.11 loses one per call
