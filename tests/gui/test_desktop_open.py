"""打开文件夹 and 在邮件客户端中打开… say what failed and how to fix it, never nothing — also
where xdg-open would "succeed" without any program to open the file."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from composer import desktop
from composer.gui.desktop_open import open_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="asks xdg-mime, as on a Linux desktop")


def _fake_xdg_mime(tmp_path, monkeypatch, answer: str) -> None:
    """An xdg-mime on PATH that answers ``answer`` for every type (as a desktop would)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "xdg-mime"
    tool.write_text(f"#!/bin/sh\nprintf '%s' '{answer}'\n", encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")


def _box(qtbot) -> QMessageBox:
    def shown():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()), None)
    qtbot.waitUntil(lambda: shown() is not None, timeout=10000)
    box = shown()
    box.close()
    return box


def test_no_file_manager_registered_says_so_and_how_to_fix_it(qtbot, window, tmp_path,
                                                              monkeypatch):
    _fake_xdg_mime(tmp_path, monkeypatch, "")
    folder = tmp_path / "材料包"
    folder.mkdir()
    window.outputs.last_package = folder
    assert window.outputs.open_package_folder()
    box = _box(qtbot)
    assert box.windowTitle() == "无法打开文件夹"
    assert "没有登记打开文件夹的程序" in box.text() and "composer-cli doctor" in box.text()
    assert box.text().splitlines()[-1] == str(folder)


def test_no_mail_client_registered_names_the_draft_and_the_fix(qtbot, window, tmp_path,
                                                               monkeypatch):
    _fake_xdg_mime(tmp_path, monkeypatch, "")
    draft = tmp_path / "message.eml"
    draft.write_bytes(b"X-Unsent: 1\r\n\r\n")
    open_path(window, draft, desktop.EML, window.warn)
    box = _box(qtbot)
    assert box.windowTitle() == "无法打开邮件客户端"
    assert ".eml" in box.text() and "默认程序" in box.text()
    assert box.text().splitlines()[-1] == str(draft)


def test_a_registered_program_the_system_cannot_start_is_said_too(qtbot, window, tmp_path,
                                                                  monkeypatch):
    _fake_xdg_mime(tmp_path, monkeypatch, "thunderbird.desktop")
    assert desktop.default_handler(desktop.EML) == "thunderbird.desktop"
    draft = tmp_path / "message.eml"
    draft.write_bytes(b"X-Unsent: 1\r\n\r\n")
    open_path(window, draft, desktop.EML, window.warn)   # offscreen: the desktop service refuses
    box = _box(qtbot)
    assert "请在邮件客户端中打开这个文件" in box.text()
    assert box.text().splitlines()[-1] == str(draft)


def test_without_xdg_mime_the_answer_is_cannot_tell(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert desktop.default_handler(desktop.FOLDER) == ""
