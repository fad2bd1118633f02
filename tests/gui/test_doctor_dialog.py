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
    dialog = window.findChild(DoctorDialog)
    assert dialog is not None and dialog.isVisible()        # at once, before any check
    qtbot.waitUntil(lambda: dialog.finished_checks, timeout=60000)
    return dialog


def test_the_dialog_opens_before_the_checks_and_fills_in(window, qtbot, monkeypatch):
    import threading

    from composer import doctor

    release = threading.Event()
    fonts = next(i for i, c in enumerate(doctor.CHECKS) if c.name == "fonts")
    slow = doctor.CHECKS[fonts - 1]        # the check before the fonts waits (as ldd may)
    monkeypatch.setattr(doctor, "CHECKS", (*doctor.CHECKS[:fonts - 1], doctor.Check(
        slow.name, slow.topic_zh, slow.topic_en, lambda ctx: (release.wait(30), slow.run(ctx))[1]),
        *doctor.CHECKS[fonts:]))
    window.findChild(QAction, "actionDoctor").trigger()
    dialog = window.findChild(DoctorDialog)
    assert dialog.isVisible() and not dialog.finished_checks
    qtbot.waitUntil(lambda: "Python" in dialog.text.toPlainText())   # the first lines came
    assert "正在检查" in dialog.text.toPlainText()
    assert "内置字体" not in dialog.text.toPlainText()               # waits behind ldd
    release.set()
    qtbot.waitUntil(lambda: dialog.finished_checks, timeout=60000)
    assert "正在检查" not in dialog.text.toPlainText()
    dialog.reject()


def test_the_dialog_says_what_the_cli_doctor_says(window, qtbot):
    from composer import doctor
    from composer.gui.doctor_dialog import in_process_probe

    dialog = _open(window, qtbot)
    expected = doctor.run_checks(probe=in_process_probe())
    assert [(f.topic_zh, f.status) for f in dialog.findings] == [
        (f.topic_zh, f.status) for f in expected]
    dialog.reject()


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

