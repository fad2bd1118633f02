"""A sent report stays a record through the real GUI path, and writes outside the draft fail
visibly: settings through the autosave banner, recording a sending at once with the dialog's
input kept. Real failures: a damaged database page, as in test_autosave_failures.py."""

from __future__ import annotations

from gui_helpers import EXAMPLES, click, commit_text, settle
from PySide6.QtCore import QDate, QDateTime, QThreadPool, QTime, QTimer, QTimeZone
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLabel,
    QMessageBox,
)

from composer.core.flow import Step
from composer.gui.autosave import AUTOSAVE_MS
from composer.gui.output import LAST_FOLDER
from composer.gui.submission_dialog import SubmissionDialog
from sqlite_damage import damage_table_page


def _banner_text(window) -> str | None:
    frame = window.findChild(QFrame, "autosave-banner")
    return frame.findChild(QLabel, "autosave-banner-text").text() if frame.isVisible() else None


def _quit_anyway() -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        next(b for b in box.buttons() if b.text() == "仍然退出").click()
    QTimer.singleShot(200, press)


def _fill_and_save(qtbot, dialog: SubmissionDialog) -> None:
    dialog.channel.setCurrentIndex(dialog.channel.findData("fax"))
    dialog.sent_at.setDateTime(QDateTime(QDate(2026, 11, 18), QTime(17, 40), QTimeZone(8 * 3600)))
    commit_text(dialog.reference, "受理-0042")
    commit_text(dialog.person, "值班员王某")
    commit_text(dialog.note, "回执 A-17")
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))


def test_a_sent_report_cannot_be_changed_by_any_path(qtbot, window, storage):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    _fill_and_save(qtbot, window.outputs.record_submission())
    qtbot.waitUntil(lambda: window.header.state == "sent", timeout=30000)
    draft_id = window.model.draft.id
    stored = storage.load_draft(draft_id)
    # Paging through the sent report is saved (its position), with no failure shown.
    window.wizard.go_to(Step.PREVIEW)
    assert window.save_now(orderly=True)
    assert storage.load_draft(draft_id).step == int(Step.PREVIEW)
    assert _banner_text(window) is None
    # An edit that goes around the read-only pages reaches the storage, which refuses it.
    window.model.draft.set("incident.title", "事后改过的标题")
    window.model.changed.emit()
    qtbot.waitUntil(lambda: _banner_text(window) is not None, timeout=AUTOSAVE_MS + 1500)
    assert f"report #{draft_id} was sent" in _banner_text(window)
    assert storage.load_draft(draft_id).data == stored.data
    window.model.draft.set("incident.title", stored.get("incident.title"))
    click(qtbot, window.findChild(QFrame, "autosave-banner").findChild(
        object, "autosave-retry"))
    assert _banner_text(window) is None


def test_a_failing_settings_write_shows_the_banner(qtbot, window, storage, tmp_path):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    dialog = window.outputs.export_file()
    assert isinstance(dialog, QFileDialog)
    damage_table_page(storage.path, "settings")
    target = tmp_path / "out" / "incident.json"
    target.parent.mkdir()
    dialog.selectFile(str(target))
    dialog.accept()
    assert target.is_file()                                  # the export itself worked
    qtbot.waitUntil(lambda: _banner_text(window) is not None, timeout=1000)
    assert "草稿无法保存" in _banner_text(window) and "已损坏" in _banner_text(window)
    assert LAST_FOLDER in window.autosaver._pending           # kept, retried with the draft
    assert window.autosaver.retry.isActive()
    _quit_anyway()
    assert window.close()


def test_recording_a_sending_that_fails_keeps_what_was_typed(qtbot, window, storage):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    first = window.outputs.record_submission()
    damage_table_page(storage.path, "submissions")
    _fill_and_save(qtbot, first)

    def reopened() -> SubmissionDialog | None:
        return next((d for d in window.findChildren(SubmissionDialog)
                     if d is not first and d.isVisible()), None)
    qtbot.waitUntil(lambda: reopened() is not None, timeout=30000)
    again = reopened()
    error = again.findChild(QLabel, "submission-error")
    assert "报送记录未能保存" in error.text() and "malformed" in error.text()
    assert again.channel.currentData() == "fax"
    assert again.sent_at.dateTime().toSecsSinceEpoch() == QDateTime(
        QDate(2026, 11, 18), QTime(17, 40), QTimeZone(8 * 3600)).toSecsSinceEpoch()
    assert (again.reference.text(), again.person.text(), again.note.text()) == (
        "受理-0042", "值班员王某", "回执 A-17")
    # Nothing recorded, nothing kept half-way, nothing queued to be recorded later.
    assert storage.records() == []
    assert not any((storage.data_root / "sent").glob("*"))
    assert window.header.state != "sent"
    QThreadPool.globalInstance().waitForDone(60000)   # the background work is over, and
    settle()                                          # its results are delivered
    assert window.autosaver._pending == {} and storage.records() == []
    again.reject()
