"""报送记录 → 导出台账…: which year, and whether drills are included.

Data in (the years that have recorded sendings), a typed result out (:class:`LedgerChoice` in
``result_value``); the window then asks where to save the workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from composer.gui import wheel


@dataclass(frozen=True, slots=True)
class LedgerChoice:
    year: int | None       # None: every year
    drills: bool           # include drill sendings (marked 演练, never counted)


class LedgerDialog(QDialog):
    """Choose the 台账's year and whether drills are in it. ``result_value``: a
    :class:`LedgerChoice` or None. No signals."""

    def __init__(self, years: Sequence[int], parent: QWidget | None = None,
                 current: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出台账"))
        self.setObjectName("ledger-dialog")
        self.result_value: LedgerChoice | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("台账每行一次报送：报告单位、事件、级别、报送对象、时限、报送时间、"
                               "是否按时、受理编号和记录的 SHA-256，均取自报送记录链；第二页为年度汇总。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.year = QComboBox()
        wheel.guard(self.year)
        self.year.setObjectName("ledger-year")
        self.year.addItem(self.tr("全部年份"), None)
        for year in sorted(set(years), reverse=True):
            self.year.addItem(self.tr("%1 年").replace("%1", str(year)), year)
        if current is not None and self.year.findData(current) >= 0:
            self.year.setCurrentIndex(self.year.findData(current))
        form.addRow(self.tr("年度（按报送时间，北京时间）"), self.year)
        self.drills = QCheckBox(self.tr("包含演练（标明“演练”，不计入本单位的报告）"))
        self.drills.setObjectName("ledger-drills")
        form.addRow("", self.drills)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton(self.tr("导出…"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("ledger-export")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        year = self.year.currentData()
        self.result_value = LedgerChoice(year if isinstance(year, int) else None,
                                         self.drills.isChecked())
        self.accept()


__all__ = ["LedgerChoice", "LedgerDialog"]
