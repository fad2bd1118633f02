"""The 记录报送 dialog: when, how and to whom the report was sent, with its receipt.

Data in, a typed result out (:class:`SubmissionInput` in ``result_value``). The dialog names
the package that will be kept as what was sent — the current package, or "one is generated now"
when there is none (or, for a channel where the report is said or typed, when it lacks the
phone script) — and returns that same choice, so the record keeps exactly what it named.

Whom it reached: the reporting unit's route recipients (its 保护工作部门 and the 公安机关 for a
CII operator, …, from the rule data) and the 12387 intake. The intake's own channels default to
the intake; ``other`` (handed over directly) to the route's first recipient; a choice the user
made is kept when the channel changes.

A sending that could not be recorded comes back with everything typed and a red line naming
the reason (:meth:`SubmissionDialog.show_failure`): recording is never queued for a silent
retry — a record written later would look as if made on time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.model import OperatorKind
from composer.core.obligations import CHINA_TZ
from composer.core.submissions import (
    channels,
    default_recipient,
    recipient_name,
    recipients,
)
from composer.gui import i18n, wheel

SPOKEN_OR_TYPED = ("hotline", "website", "wechat")
"""Channels where the report is said or typed: the package kept must hold the phone script."""
RECEIPT_FILE_CHANNELS = ("fax", "other", "email")
ERROR_STYLE = "QLabel { color: #b00020; background: #fde7e9; border: 1px solid #b00020; }"
DRILL_STYLE = "QLabel { color: #6b3500; background: #fff0d9; border: 1px solid #b35c00; }"


@dataclass(frozen=True, slots=True)
class SubmissionInput:
    channel: str          # a composer.core.submissions channel id
    sent_at: datetime     # China time, to the minute
    note: str
    sent_by: str = ""
    reference: str = ""   # 受理编号
    person: str = ""      # the person spoken to / who received it
    message_id: str = ""  # the e-mail's Message-ID
    receipt_file: Path | None = None   # e.g. a scanned fax transmission report
    recipient: str = "intake"          # a route recipient's id, or "intake"
    recipient_name: str = ""           # e.g. the protection department's name
    package: Path | None = None        # the package to keep; None: generate one now


def package_to_keep(package: Path | None, has_script: bool, channel: str) -> Path | None:
    """The package a sending by ``channel`` keeps: the current one, unless the report was
    said or typed and the package lacks the phone script (then one is generated)."""
    if package is None or (channel in SPOKEN_OR_TYPED and not has_script):
        return None
    return package


class SubmissionDialog(QDialog):
    """Record that the report was sent. ``result_value``: a :class:`SubmissionInput` or None.

    ``package``: the current generated package (``package_has_script``: it holds the phone
    script); ``kind`` and ``operator``: the reporting unit, whose route recipients are offered;
    ``start_folder``: where the receipt file dialog starts; ``drill``: the report is a drill
    (the dialog says the sending is recorded as 演练 — the storage marks it so whatever the
    caller passes).
    """

    def __init__(self, now: datetime, parent: QWidget | None = None, *, sent_by: str = "",
                 package: Path | None = None, package_has_script: bool = True,
                 kind: OperatorKind | None = None, operator: dict[str, Any] | None = None,
                 start_folder: str = "", drill: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录报送（演练）") if drill else self.tr("记录报送"))
        self.setObjectName("submission-dialog")
        self.result_value: SubmissionInput | None = None
        self.receipt_file: Path | None = None
        self._package = package
        self._has_script = package_has_script
        self._kind = kind
        self._operator = operator or {}
        self._start_folder = start_folder
        self._recipient_chosen = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("记录本报告何时、通过何种渠道、向谁报送。该记录可作为按时报告的证明"
                               "（《办法》第十、十一条）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if drill:   # the record says 演练 whatever is chosen here (the storage decides it)
            note = QLabel(self.tr("演练：本次报送记入报送记录链并标明“演练”，不计入本单位的报告，"
                                  "不满足任何报告义务。"))
            note.setObjectName("submission-drill")
            note.setWordWrap(True)
            note.setStyleSheet(DRILL_STYLE)
            layout.addWidget(note)
        self.form = form = QFormLayout()
        self.channel = QComboBox()
        wheel.guard(self.channel)
        self.channel.setObjectName("submission-channel")
        for ch in channels():
            self.channel.addItem(i18n.pick(ch.zh, ch.en), ch.id)
        self.recipient = QComboBox()
        wheel.guard(self.recipient)
        self.recipient.setObjectName("submission-recipient")
        for r in recipients(kind):
            name = recipient_name(r.id, self._operator)
            label = i18n.pick(r.zh, r.en) + (f"（{name}）" if name and name != r.zh else "")
            self.recipient.addItem(label, r.id)
        self.recipient.activated.connect(self._recipient_activated)
        self.sent_at = QDateTimeEdit()
        wheel.guard(self.sent_at)
        self.sent_at.setObjectName("submission-time")
        self.sent_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.sent_at.setCalendarPopup(True)
        self.sent_at.setTimeZone(QTimeZone(8 * 3600))
        self.sent_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()),
                                                              QTimeZone(8 * 3600)))
        self.sent_by = self._line("submission-sent-by", "")
        self.sent_by.setText(sent_by)
        self.reference = self._line("submission-reference", self.tr("如有，填写对方告知的受理编号"))
        self.person = self._line("submission-person", self.tr("接听电话或接收报告的人"))
        self.message_id = self._line("submission-message-id",
                                     self.tr("已发送邮件的 Message-ID，如 <…@…>"))
        self.file_button = QPushButton(self.tr("选择文件…"))
        self.file_button.setObjectName("submission-choose-file")
        self.file_button.clicked.connect(lambda: self.choose_file())
        self.file_label = QLabel(self.tr("未附文件"))
        self.file_label.setObjectName("submission-file")
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_button)
        file_layout.addWidget(self.file_label, 1)
        self.note = self._line("submission-note", self.tr("可不填"))
        self.rows: dict[str, QWidget] = {}
        for key, label, widget in (
                ("channel", self.tr("报送渠道"), self.channel),
                ("recipient", self.tr("报送对象"), self.recipient),
                ("time", self.tr("报送时间（北京时间）"), self.sent_at),
                ("sent_by", self.tr("报送人"), self.sent_by),
                ("reference", self.tr("受理编号"), self.reference),
                ("person", self.tr("接收人"), self.person),
                ("message_id", self.tr("邮件 Message-ID"), self.message_id),
                ("file", self.tr("回执文件（如传真发送报告扫描件）"), file_row),
                ("note", self.tr("备注"), self.note)):
            widget.setAccessibleName(label)
            row_label = QLabel(label)
            row_label.setBuddy(self.file_button if widget is file_row else widget)
            form.addRow(row_label, widget)
            self.rows[key] = widget
        layout.addLayout(form)
        self.kept = QLabel()
        self.kept.setObjectName("submission-package")
        self.kept.setWordWrap(True)
        layout.addWidget(self.kept)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self._channel_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _recipient_activated(self, _index: int) -> None:
        self._recipient_chosen = True      # the user chose: a channel change keeps it

    def _channel_changed(self) -> None:
        """Show the receipt fields that fit the channel (an e-mail has a Message-ID, a fax a
        transmission report, a call a person and maybe a 受理编号), default the recipient, and
        name the package that will be kept."""
        channel = str(self.channel.currentData())
        self.form.setRowVisible(self.rows["message_id"], channel == "email")
        self.form.setRowVisible(self.rows["file"], channel in RECEIPT_FILE_CHANNELS)
        self.form.setRowVisible(self.rows["person"], channel != "email")
        if not self._recipient_chosen:
            index = self.recipient.findData(default_recipient(channel, self._kind))
            if index >= 0:
                self.recipient.setCurrentIndex(index)
        kept = package_to_keep(self._package, self._has_script, channel)
        if kept is not None:
            self.kept.setText(self.tr("将存档的报送材料：") + str(kept))
        elif self._package is not None:
            self.kept.setText(self.tr("现有材料包不含电话稿：保存时按当前报告生成一份（含电话稿），"
                                      "原样存档。"))
        else:
            self.kept.setText(self.tr("尚未生成材料包：保存时按当前报告生成一份，原样存档。"))

    def choose_file(self, name: str | None = None) -> QFileDialog | None:
        """Attach ``name``, or open a file dialog (returned) to choose the receipt file."""
        if name:
            self.receipt_file = Path(name)
            self.file_label.setText(self.receipt_file.name)
            return None
        dialog = QFileDialog(self, self.tr("选择回执文件"), self._start_folder or str(Path.home()),
                             self.tr("扫描件或文件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;"
                                     "所有文件 (*)"))
        dialog.setObjectName("receipt-file-dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.choose_file(path) if path else None)
        dialog.open()
        return dialog

    def _save(self) -> None:
        when = datetime.fromtimestamp(self.sent_at.dateTime().toSecsSinceEpoch(), CHINA_TZ)
        channel = str(self.channel.currentData())
        recipient = str(self.recipient.currentData())
        self.result_value = SubmissionInput(
            channel, when.replace(second=0), self.note.text().strip(),
            sent_by=self.sent_by.text().strip(), reference=self.reference.text().strip(),
            person=self.person.text().strip() if channel != "email" else "",
            message_id=self.message_id.text().strip() if channel == "email" else "",
            receipt_file=self.receipt_file if channel in RECEIPT_FILE_CHANNELS else None,
            recipient=recipient, recipient_name=recipient_name(recipient, self._operator),
            package=package_to_keep(self._package, self._has_script, channel))
        self.accept()

    def show_failure(self, value: SubmissionInput, reason: str) -> None:
        """Put ``value`` back into the dialog and show why it was not recorded."""
        index = self.channel.findData(value.channel)
        if index >= 0:
            self.channel.setCurrentIndex(index)
        index = self.recipient.findData(value.recipient)
        if index >= 0:
            self.recipient.setCurrentIndex(index)
            self._recipient_chosen = True
        self.sent_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.sent_at.timestamp()),
                                                              QTimeZone(8 * 3600)))
        self.sent_by.setText(value.sent_by)
        self.reference.setText(value.reference)
        self.person.setText(value.person)
        self.message_id.setText(value.message_id)
        self.note.setText(value.note)
        if value.receipt_file is not None:
            self.choose_file(str(value.receipt_file))
        error = QLabel(self.tr("⚠ 报送记录未能保存：%1。\n您填写的内容保留在下方；"
                               "排除问题（如磁盘空间）后请再次保存。未保存前，此次报送没有记录。")
                       .replace("%1", reason))
        error.setObjectName("submission-error")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, error)


__all__ = ["SPOKEN_OR_TYPED", "SubmissionDialog", "SubmissionInput", "package_to_keep"]
