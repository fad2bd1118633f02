"""A sending that could not be recorded: the 记录报送 dialog comes back as the user filled it.

Recording a sending is never queued for a silent retry (a record written later would look as
if made on time): when the database refuses it (disk full, a damaged page, a read-only data
folder) or the package to keep cannot be made, the dialog opens again at once with everything
typed — channel, time, sender, receipt, note, attached file — and a red line naming the reason.
The user saves again once the cause is fixed, or cancels knowingly.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QLabel

from composer.gui.dialogs import SubmissionDialog, SubmissionInput

ERROR_STYLE = "QLabel { color: #b00020; background: #fde7e9; border: 1px solid #b00020; }"


def fill(dialog: SubmissionDialog, value: SubmissionInput, reason: str) -> None:
    """Put ``value`` back into ``dialog`` and show why it was not recorded."""
    index = dialog.channel.findData(value.channel)
    if index >= 0:
        dialog.channel.setCurrentIndex(index)
    dialog.sent_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.sent_at.timestamp()),
                                                            QTimeZone(8 * 3600)))
    dialog.sent_by.setText(value.sent_by)
    dialog.reference.setText(value.reference)
    dialog.person.setText(value.person)
    dialog.message_id.setText(value.message_id)
    dialog.note.setText(value.note)
    if value.receipt_file is not None:
        dialog.choose_file(str(value.receipt_file))
    error = QLabel(dialog.tr("⚠ 报送记录未能保存：%1。\n您填写的内容保留在下方；"
                             "排除问题（如磁盘空间）后请再次保存。未保存前，此次报送没有记录。")
                   .replace("%1", reason))
    error.setObjectName("submission-error")
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_STYLE)
    dialog.layout().insertWidget(0, error)


__all__ = ["fill"]
