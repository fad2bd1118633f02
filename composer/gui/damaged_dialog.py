"""At start, a damaged database: what is wrong, what can still be read, where the copy is, and
a way to start afresh.

Data in (SQLite's words, the kept copy, the drafts still readable), a typed result out:
``result_value`` is ``"afresh"`` (build a new database from everything still readable — see
:func:`composer.core.store.damage.start_afresh`), ``"continue"`` (open the damaged one anyway:
what cannot be read is skipped and named) or None (quit).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.store.damage import Salvaged
from composer.gui.reports_dialog import local_time, type_text


class DamagedDatabaseDialog(QDialog):
    """See the module docstring."""

    def __init__(self, database: Path, problems: Sequence[str], copy: Path | None,
                 drafts: Sequence[Salvaged], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("草稿数据库已损坏"))
        self.setObjectName("damaged-dialog")
        self.result_value: str | None = None
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("草稿数据库文件已损坏，部分内容无法读取：\n%1\n\n数据库：%2")
                      .replace("%1", "\n".join(problems[:5])).replace("%2", str(database)))
        text.setObjectName("damaged-problem")
        text.setWordWrap(True)
        layout.addWidget(text)
        kept = QLabel(self.tr("已在旁边保留一份损坏文件的副本：%1").replace("%1", str(copy))
                      if copy is not None else
                      self.tr("无法保留损坏文件的副本；请先手工复制上面的数据库文件。"))
        kept.setObjectName("damaged-copy")
        kept.setWordWrap(True)
        layout.addWidget(kept)
        found = QLabel(self.tr("仍可读取的报告和草稿（%1 份）：").replace("%1", str(len(drafts))))
        layout.addWidget(found)
        self.list = QListWidget()
        self.list.setObjectName("damaged-drafts")
        self.list.setAccessibleName(self.tr("仍可读取的报告和草稿"))
        untitled = self.tr("（未命名）")
        for d in drafts:
            self.list.addItem(f"#{d.id} {type_text(d.report_type)}："
                              f"{d.title or untitled}  —  {local_time(d.updated_at)}")
        found.setBuddy(self.list)
        layout.addWidget(self.list)
        advice = QLabel(self.tr("“重新开始”：用仍可读取的全部内容（报告、单位信息、设置、报送记录）"
                                "新建数据库，替换损坏的文件；副本保留不动。\n"
                                "“继续使用”：打开损坏的数据库，无法读取的内容会跳过并提示，"
                                "保存可能失败。"))
        advice.setWordWrap(True)
        layout.addWidget(advice)
        buttons = QDialogButtonBox()
        self.afresh = QPushButton(self.tr("重新开始"))
        self.afresh.setObjectName("damaged-afresh")
        self.afresh.setDefault(True)
        self.afresh.setEnabled(copy is not None)     # never replace what has no copy
        self.keep = QPushButton(self.tr("继续使用"))
        self.keep.setObjectName("damaged-continue")
        buttons.addButton(self.afresh, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.afresh.clicked.connect(lambda: self._choose("afresh"))
        self.keep.clicked.connect(lambda: self._choose("continue"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, what: str) -> None:
        self.result_value = what
        self.accept()


__all__ = ["DamagedDatabaseDialog"]
