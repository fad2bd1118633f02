"""帮助 → 运行环境检查: the ``composer doctor`` report inside the app, for IT staff.

The checks are the CLI's (``composer.doctor``), each run on the I/O pool (they call ``ldd``,
``xdg-mime``, SQLite's quick_check and ask for the printers): the dialog opens at once and
fills in line by line as the checks finish. Qt's part is answered by the running app itself
instead of a child process.
"""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
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
from composer.gui.operations import run_io


def in_process_probe() -> tuple[dict[str, object], str]:
    """What ``doctor``'s Qt probe finds in a child process, read from this running app —
    including the printers, which asks CUPS or the spooler: call it off the GUI thread."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return {
        "pyside": PySide6.__version__,
        "qt": qVersion(),
        "platform": QGuiApplication.platformName(),
        "printers": list(QPrinterInfo.availablePrinterNames()),
        "default_printer": QPrinterInfo.defaultPrinterName(),
    }, ""


class DoctorDialog(QDialog):
    """Shows every finding, one line each, with a button that copies the report. Opens at
    once; ``findings`` fills in as the checks finish (``finished_checks`` at the end).
    Given ``findings``, shows them and runs nothing."""

    def __init__(self, parent: QWidget | None = None,
                 findings: list[doctor.Finding] | None = None):
        super().__init__(parent)
        self.setObjectName("doctorDialog")
        self.setWindowTitle(self.tr("运行环境检查"))
        self.findings: list[doctor.Finding] = list(findings or [])
        self.lines: list[str] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("doctorSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit()
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
        self._todo: list[doctor.Check] = [] if findings is not None else list(doctor.CHECKS)
        self._count = len(self._todo)
        self._context: doctor.Context | None = None   # made by the first check, off-thread
        self.finished_checks = findings is not None
        self._show()
        self._next()

    def _next(self) -> None:
        if not self._todo:
            self.finished_checks = True
            self._show()
            return
        check = self._todo.pop(0)

        def run() -> list[doctor.Finding]:    # on the I/O pool, one check after another
            if self._context is None:
                self._context = doctor.Context(in_process_probe())
            return check.run(self._context)
        run_io(self, run, on_success=self._found, on_failure=self._check_failed)

    def _found(self, found: list[doctor.Finding]) -> None:
        self.findings += found
        self._show()
        self._next()

    def _check_failed(self, exc: Exception) -> None:
        """A check that raised is itself a finding (the others still run)."""
        self._found([doctor.Finding(doctor.FAIL, "运行环境检查", "Workstation check",
                                    f"检查出错：{exc}", f"a check failed: {exc}")])

    def _show(self) -> None:
        lang = i18n.language()
        lines = doctor.report_lines(self.findings, lang)
        if not self.finished_checks:
            done = self._count - len(self._todo)
            lines = [*lines[:-1], self.tr("正在检查…（%1/%2）").replace(
                "%1", str(done)).replace("%2", str(self._count))]
        self.lines = lines
        self.text.setPlainText("\n".join(lines))
        problems = sum(f.status == doctor.FAIL for f in self.findings)
        if not self.finished_checks:
            self.summary.setText(self.tr("正在检查，结果逐项显示在下面…"))
        elif problems:
            self.summary.setText(self.tr("发现 %1 个问题，请把下面的报告交给信息技术人员。")
                                 .replace("%1", str(problems)))
        else:
            self.summary.setText(self.tr("一切正常。"))

    def copy_report(self) -> None:
        QApplication.clipboard().setText("\n".join(self.lines))


__all__ = ["DoctorDialog", "in_process_probe"]
