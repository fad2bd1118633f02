"""The main window's menu bar: 文件, 报送记录, 语言 and 帮助, rebuilt with the window's UI.

Every entry has an ``objectName``, which the crash smoke test (tests/gui/smoke_registry.py)
needs to exercise it: add one with :func:`action`. The words are the main window's
(translation context ``MainWindow``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from composer.gui import i18n

Shortcut = QKeySequence.StandardKey | str


class MenuWindow(Protocol):
    """What the menus ask of the main window."""

    def menuBar(self) -> QMenuBar: ...
    def new_report(self) -> None: ...
    def new_drill(self) -> None: ...
    def show_reports(self) -> object: ...
    def choose_file(self) -> object: ...
    def save_now(self, orderly: bool = False) -> bool: ...
    def export_log(self) -> object: ...
    def export_ledger(self) -> object: ...
    def drill_report(self) -> object: ...
    def close(self) -> bool: ...
    def set_language(self, lang: str) -> None: ...
    def show_guide(self, anchor: str | None = None) -> object: ...
    def show_doctor(self) -> object: ...


def action(menu: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut | None = None,
           name: str | None = None) -> QAction:
    """A menu entry. ``name`` is its objectName, which the crash smoke test needs."""
    entry = QAction(text, menu)
    if name:
        entry.setObjectName(name)
    if shortcut is not None:
        entry.setShortcut(QKeySequence(shortcut))
    entry.triggered.connect(slot)
    menu.addAction(entry)
    return entry


def build_menus(window: MenuWindow) -> None:
    """The menus of ``window``, replacing any it had (a language change rebuilds them)."""
    translate = QCoreApplication.translate
    bar = window.menuBar()
    for old in bar.actions():
        menu = old.menu()
        if menu is not None:
            menu.deleteLater()
    bar.clear()
    file_menu = bar.addMenu(translate("MainWindow", "文件(&F)"))
    file_menu.setObjectName("menu-file")
    action(file_menu, translate("MainWindow", "新建报告(&N)"), window.new_report,
           QKeySequence.StandardKey.New, name="action-new-report")
    action(file_menu, translate("MainWindow", "新建演练(&D)"), window.new_drill, "Ctrl+Shift+N",
           name="action-new-drill")
    action(file_menu, translate("MainWindow", "报告列表(&L)…"), window.show_reports, "Ctrl+L",
           name="action-reports")
    action(file_menu, translate("MainWindow", "打开事件文件(&O)…"), window.choose_file,
           QKeySequence.StandardKey.Open, name="action-open-file")
    action(file_menu, translate("MainWindow", "立即保存(&S)"), lambda: window.save_now(orderly=True),
           QKeySequence.StandardKey.Save, name="action-save")
    file_menu.addSeparator()
    action(file_menu, translate("MainWindow", "退出(&Q)"), window.close,
           QKeySequence.StandardKey.Quit, name="action-quit")
    records_menu = bar.addMenu(translate("MainWindow", "报送记录(&R)"))
    records_menu.setObjectName("menu-records")
    action(records_menu, translate("MainWindow", "导出报送记录(&E)…"), window.export_log,
           name="action-export-log")
    action(records_menu, translate("MainWindow", "导出台账(&X)…"), window.export_ledger,
           name="action-export-ledger")
    action(records_menu, translate("MainWindow", "演练报告(&D)…"), window.drill_report,
           name="action-drill-report")
    lang_menu = bar.addMenu(translate("MainWindow", "语言(&G)") if i18n.language() == "zh"
                            else "&Language")
    lang_menu.setObjectName("menu-language")
    for code, label in (("zh", "简体中文"), ("en", "English")):
        def choose(checked: bool = False, lang: str = code) -> None:
            window.set_language(lang)
        entry = action(lang_menu, label, choose, name=f"action-language-{code}")
        entry.setCheckable(True)
        entry.setChecked(i18n.language() == code)
    help_menu = bar.addMenu(translate("MainWindow", "帮助(&H)"))
    action(help_menu, translate("MainWindow", "法规原文(&R)"), lambda: window.show_guide(),
           QKeySequence.StandardKey.HelpContents, name="action-guide")
    action(help_menu, translate("MainWindow", "运行环境检查(&D)…"), window.show_doctor,
           name="actionDoctor")


__all__ = ["MenuWindow", "action", "build_menus"]
