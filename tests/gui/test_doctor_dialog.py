"""帮助 → 运行环境检查 opens the doctor's report inside the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from composer.gui import i18n
from composer.gui.doctor_dialog import DoctorDialog


def _open(window, qtbot) -> DoctorDialog:
    action = window.findChild(QAction, "actionDoctor")
    assert action is not None
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(DoctorDialog) is not None
                    and window.findChild(DoctorDialog).isVisible())
    return window.findChild(DoctorDialog)


def test_menu_opens_report_and_copy_and_close(window, qtbot):
    dialog = _open(window, qtbot)
    text = dialog.findChild(QPlainTextEdit, "doctorReport").toPlainText()
    assert "运行环境检查" in text.splitlines()[0]
    assert "内置字体：" in text and "打印机：" in text
    assert "“offscreen”可以载入" in text  # answered by the running app, not a child process
    qtbot.mouseClick(dialog.findChild(QPushButton, "doctorCopy"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text
    qtbot.mouseClick(dialog.findChild(QPushButton, "doctorClose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(DoctorDialog) is None)


def test_english(window, qtbot, qapp):
    window.set_language("en")
    try:
        dialog = _open(window, qtbot)
        text = dialog.findChild(QPlainTextEdit, "doctorReport").toPlainText()
        assert "workstation check" in text.splitlines()[0]
        assert dialog.windowTitle() == "Workstation diagnostics"
        dialog.reject()
    finally:
        i18n.install(qapp, "zh")

