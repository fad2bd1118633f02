"""帮助 → 运行环境检查: the ``composer doctor`` report inside the app, for IT staff.

The checks are the CLI's (``composer.doctor``); Qt's part is answered by the running app itself
instead of a child process.
"""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer import doctor
from composer.gui import i18n


def in_process_probe() -> tuple[dict, str]:
    """What ``doctor.probe_qt`` finds in a child process, read from this running app."""
    return {
        "pyside": PySide6.__version__,
        "qt": qVersion(),
        "platform": QGuiApplication.platformName(),
        "printers": list(QPrinterInfo.availablePrinterNames()),
        "default_printer": QPrinterInfo.defaultPrinterName(),
    }, ""


class DoctorDialog(QDialog):
    """Shows every finding, one line each, with a button that copies the report."""

    def __init__(self, parent: QWidget | None = None,
                 findings: list[doctor.Finding] | None = None):
        super().__init__(parent)
        self.setObjectName("doctorDialog")
        self.setWindowTitle(self.tr("运行环境检查"))
        self.findings = findings if findings is not None else doctor.run_checks(
            probe=in_process_probe())
        self.lines = doctor.report_lines(self.findings, i18n.language())
        problems = sum(f.status == doctor.FAIL for f in self.findings)
        layout = QVBoxLayout(self)
        summary = QLabel(self.tr("发现 %1 个问题，请把下面的报告交给信息技术人员。").replace(
            "%1", str(problems))
                         if problems else self.tr("一切正常。"))
        summary.setObjectName("doctorSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.text = QPlainTextEdit("\n".join(self.lines))
        self.text.setObjectName("doctorReport")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("复制报告"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("doctorCopy")
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("doctorClose")
        layout.addWidget(buttons)
        self.resize(760, 380)

    def copy_report(self) -> None:
        QApplication.clipboard().setText("\n".join(self.lines))


__all__ = ["DoctorDialog", "in_process_probe"]
