"""The drafts list stays clean: delete unsent drafts (confirmed), archive sent reports (never
deleted), and a recovery dialog that fits what it offers."""

from __future__ import annotations

from datetime import UTC, datetime

from gui_helpers import click, type_into
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QTableWidget

from composer.core.draft import new_draft
from composer.core.submissions import channels
from composer.gui.recovery_dialog import RecoveryDialog


def _confirm(qtbot, dialog, answer: QMessageBox.StandardButton) -> None:
    (box,) = [b for b in dialog.findChildren(QMessageBox, "reports-confirm") if b.isVisible()]
    click(qtbot, box.button(answer))


def _select(dialog, draft_id: int) -> None:
    table = dialog.findChild(QTableWidget, "reports-table")
    row = next(i for i, d in enumerate(dialog._drafts) if d.id == draft_id)
    table.selectRow(row)


def test_delete_a_draft_with_confirmation(qtbot, window, storage):
    type_into(window, "operator.name", "要删除的草稿")
    window.save_now()
    draft_id = window.model.draft.id
    other = new_draft()
    other.set("incident.title", "留下的")
    storage.save_draft(other)
    dialog = window.show_reports()
    _select(dialog, draft_id)
    delete = dialog.findChild(QPushButton, "reports-delete")
    assert delete.text() == "删除…"
    click(qtbot, delete)
    _confirm(qtbot, dialog, QMessageBox.StandardButton.No)          # changed my mind
    assert {d.id for d in storage.list_drafts()} == {draft_id, other.id}
    click(qtbot, delete)
    _confirm(qtbot, dialog, QMessageBox.StandardButton.Yes)
    assert [d.id for d in storage.list_drafts()] == [other.id]
    assert [d.id for d in dialog._drafts] == [other.id]
    assert window.model.draft.id is None                            # the open one was it
    assert not window.autosaver.timer.isActive()                    # no save scheduled, and
    assert window.save_now(orderly=True)                            # saving now (as leaving
    assert [d.id for d in storage.list_drafts()] == [other.id]      # would): not saved back
    dialog.close()


def test_a_sent_report_is_archived_never_deleted(qtbot, window, storage):
    sent = new_draft()
    sent.set("incident.title", "已报送的报告")
    storage.save_draft(sent)
    storage.record_submission(sent.id, channels()[0].id, datetime.now(UTC))
    dialog = window.show_reports()
    _select(dialog, sent.id)
    button = dialog.findChild(QPushButton, "reports-delete")
    assert button.text() == "归档…"
    click(qtbot, button)
    (box,) = [b for b in dialog.findChildren(QMessageBox, "reports-confirm") if b.isVisible()]
    assert "不能删除" in box.text()
    _confirm(qtbot, dialog, QMessageBox.StandardButton.Yes)
    (stored,) = storage.list_drafts()
    assert stored.archived_at is not None and len(storage.submissions(sent.id)) == 1
    table = dialog.findChild(QTableWidget, "reports-table")
    assert table.isRowHidden(0) and not button.isEnabled()
    assert table.item(0, 2).text() == "〔已归档〕已报送的报告"   # a visible marker
    click(qtbot, dialog.findChild(QCheckBox, "reports-show-archived"))
    assert not table.isRowHidden(0)
    _select(dialog, sent.id)
    assert button.text() == "取消归档"
    click(qtbot, button)
    assert storage.list_drafts()[0].archived_at is None
    assert table.item(0, 2).text() == "已报送的报告"
    assert not window.reports.delete(sent.id)                        # refused, said why
    assert len(storage.list_drafts()) == 1
    dialog.close()
    storage.archive_draft(sent.id, True)                            # listed again: marked
    again = window.show_reports()
    click(qtbot, again.findChild(QCheckBox, "reports-show-archived"))
    assert again.table.item(0, 2).text().startswith("〔已归档〕")
    again.close()


def test_recovery_dialog_fits_its_content(qtbot, window, storage):
    long_title = "某市第一人民医院门诊挂号与住院信息系统遭勒索病毒攻击导致全部业务中断事件"
    drafts = []
    for i in range(3):
        d = new_draft()
        d.set("incident.title", f"{long_title}（{i}）")
        storage.save_draft(d)
    drafts = storage.list_drafts()
    dialog = window.reports.offer_recovery(drafts)
    assert isinstance(dialog, RecoveryDialog)
    qtbot.waitExposed(dialog)
    lst = dialog.list
    assert lst.count() == 3
    assert not lst.horizontalScrollBar().isVisible()
    assert not lst.verticalScrollBar().isVisible()
    assert lst.viewport().width() >= lst.sizeHintForColumn(0)
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    dialog.close()
