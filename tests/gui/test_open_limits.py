"""Opening a file in the app (issue 20 point 4): unknown keys are named up to a count, then
counted; a FIFO or a device is refused at once with its path."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from gui_helpers import EXAMPLES
from PySide6.QtWidgets import QMessageBox

from composer.gui.mainwindow import DROPPED_SHOWN


def _boxes(window) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_many_unknown_keys_are_named_up_to_a_count(window, tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    extra = 5_000
    for i in range(extra):
        data[f"unknown_{i:05d}"] = i
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    (box,) = _boxes(window)
    text = box.text()
    assert "unknown_00000" in text and f"unknown_{DROPPED_SHOWN - 1:05d}" in text
    assert f"unknown_{DROPPED_SHOWN:05d}" not in text
    assert f"……另有 {extra - DROPPED_SHOWN:,} 个" in text
    assert window.model.draft.get("incident.title") == "会员系统遭勒索病毒攻击"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once_with_its_path(window, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)                   # no writer: an ordinary read would block the window
    assert not window.open_file(fifo)
    (box,) = _boxes(window)
    assert str(fifo) in box.text() and "FIFO" in box.text()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_at_once(window) -> None:
    assert not window.open_file("/dev/zero")
    (box,) = _boxes(window)
    assert "/dev/zero" in box.text() and "device" in box.text()
