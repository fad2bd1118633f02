"""A save refused because another window saved the same draft meanwhile: both versions'
differences, and the user's text kept.

Data in (the version stored by the other window and this window's version), a typed result
out: ``result_value`` is ``"mine"`` (store this window's version over the other), ``"export"``
(save this window's version as an incident file first) or None (decide later: nothing is
stored, this window keeps its text, the banner stays).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.draft import Draft
from composer.core.problem_text import field_label
from composer.core.sent_guard import differences


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class ConflictDialog(QDialog):
    """See the module docstring."""

    def __init__(self, theirs: Draft, mine: Draft, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("报告已在另一窗口中修改"))
        self.setObjectName("conflict-dialog")
        self.resize(760, 420)
        self.result_value: str | None = None
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("报告 #%1 在本窗口打开后，已由另一个窗口保存过。为免覆盖对方的修改，"
                              "本次没有保存。两个版本的不同之处如下；本窗口的内容都还在。")
                      .replace("%1", str(mine.id)))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("conflict-table")
        self.table.setAccessibleName(self.tr("两个版本的不同之处"))
        self.table.setHorizontalHeaderLabels([self.tr("内容"), self.tr("另一窗口保存的版本"),
                                              self.tr("本窗口的版本")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.show_versions(theirs, mine)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        mine_button = QPushButton(self.tr("保留本窗口的版本"))
        mine_button.setObjectName("conflict-keep-mine")
        export = QPushButton(self.tr("另存本窗口的版本…"))
        export.setObjectName("conflict-export")
        later = QPushButton(self.tr("稍后决定"))
        later.setObjectName("conflict-later")
        buttons.addButton(mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        mine_button.clicked.connect(lambda: self._choose("mine"))
        export.clicked.connect(lambda: self._choose("export"))
        later.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def show_versions(self, theirs: Draft, mine: Draft) -> None:
        """List every field that differs (again when either version changed meanwhile)."""
        rows = differences(theirs.data, mine.data)
        self.table.setRowCount(len(rows))
        for row, (path, old, new) in enumerate(rows):
            for col, value in enumerate((field_label(path), _shown(old), _shown(new))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeRowsToContents()

    def _choose(self, what: str) -> None:
        self.result_value = what
        self.accept()


__all__ = ["ConflictDialog"]
