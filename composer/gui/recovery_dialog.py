"""After a crash: the drafts changed since their last orderly save, offered back (a drill's
marked 【演练】).

Data in (the drafts), a typed result out (``result_value``: the chosen draft's id or None).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.drill import PREFIX as DRILL_PREFIX
from composer.core.storage import DraftSummary
from composer.gui.reports_dialog import local_time, type_text


class RecoveryDialog(QDialog):
    """Offers back drafts changed before an unclean exit. ``result_value``: a draft id or None."""

    def __init__(self, drafts: list[DraftSummary], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复未保存的工作"))
        self.setObjectName("recovery-dialog")
        self.result_value: int | None = None
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("程序上次没有正常退出。以下草稿在那之后有修改，已自动保存。"
                              "要继续编辑哪一份？"))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget()
        self.list.setObjectName("recovery-list")
        self.list.setAccessibleName(self.tr("可恢复的草稿"))
        untitled = self.tr("（未命名）")
        for d in drafts:
            item = QListWidgetItem(f"{DRILL_PREFIX if d.drill else ''}{type_text(d.report_type)}"
                                   f"：{d.title or untitled}"
                                   f"  —  {local_time(d.updated_at)}")
            item.setData(256, d.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        text.setBuddy(self.list)
        layout.addWidget(self.list)
        self._fit_list()
        buttons = QDialogButtonBox()
        self.restore = buttons.addButton(self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setObjectName("recovery-restore")
        buttons.addButton(self.tr("不恢复"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _fit_list(self) -> None:
        """Wide enough for the longest entry, tall enough for all (up to 10 rows, then it
        scrolls), within the screen."""
        lst = self.list
        lst.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        frame = 2 * lst.frameWidth()
        width = lst.sizeHintForColumn(0) + frame + 24
        rows = min(max(lst.count(), 1), 10)
        height = rows * max(lst.sizeHintForRow(0), 1) + frame + 4
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        max_width = int(screen.width() * 0.9) if screen is not None else 1200
        lst.setMinimumSize(min(width, max_width), height)
        self.adjustSize()

    def _restore(self) -> None:
        item = self.list.currentItem()
        self.result_value = int(item.data(256)) if item is not None else None
        self.accept()


__all__ = ["RecoveryDialog"]
