"""Dialogs: data in, a typed result out. Open them with ``open()``; read ``result_value``.

* :class:`ReportsDialog` — the reports list: continue one, or start a 续报 / 总结报告 from it;
  delete an unsent draft or archive a sent report (both confirmed first).
* :class:`RecoveryDialog` — after a crash: the drafts changed since, offered back.
* :class:`SubmissionDialog` — record that a report was sent: channel, time, who sent it, the
  receipt (受理编号, person, Message-ID, a scanned fax report) and a note.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.drill import PREFIX as DRILL_PREFIX
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.storage import DraftSummary
from composer.core.submissions import channels
from composer.gui import i18n, wheel


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _type_text(value: str) -> str:
    try:
        t = ReportType(value)
    except ValueError:
        return value
    return i18n.pick(t.zh, t.en)


@dataclass(frozen=True, slots=True)
class ReportsChoice:
    action: str          # "open" | "follow_up" | "summary"
    draft_id: int


class ReportsDialog(QDialog):
    """The list of reports and drafts. ``result_value``: a :class:`ReportsChoice` or None.

    Signals (after the user confirmed; the window does the storage work and then calls
    :meth:`removed` / :meth:`archived`): deleteRequested(draft id) for an unsent draft;
    archiveRequested(draft id, archive?) for a sent report — a record, never deleted.
    """

    deleteRequested = Signal(int)
    archiveRequested = Signal(int, bool)

    def __init__(self, drafts: list[DraftSummary], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("报告列表"))
        self.setObjectName("reports-dialog")
        self.resize(760, 420)
        self.result_value: ReportsChoice | None = None
        self._drafts = list(drafts)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(drafts), 6)
        self.table.setObjectName("reports-table")
        self.table.setAccessibleName(self.tr("报告列表"))
        self.table.setHorizontalHeaderLabels([self.tr("编号"), self.tr("类型"),
                                              self.tr("事件名称"), self.tr("最后修改"),
                                              self.tr("已生成材料包"), self.tr("已报送")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        by_id = {d.id: d for d in drafts}
        for row, d in enumerate(drafts):
            number = f"#{d.id}" + (f" ← #{d.parent_id}" if d.parent_id in by_id else "")
            cells = [number, (DRILL_PREFIX if d.drill else "") + _type_text(d.report_type),
                     d.title or self.tr("（未命名）"), _local_time(d.updated_at),
                     str(d.packages) if d.packages else "",
                     _local_time(d.submitted_at) if d.submitted_at else ""]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.doubleClicked.connect(lambda _: self._choose("open"))
        layout.addWidget(self.table)
        self.show_archived = QCheckBox(self.tr("显示已归档的报告"))
        self.show_archived.setObjectName("reports-show-archived")
        self.show_archived.toggled.connect(self._filter)
        layout.addWidget(self.show_archived)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("继续编辑"))
        self.follow_button = QPushButton(self.tr("开始续报"))
        self.summary_button = QPushButton(self.tr("开始总结报告"))
        for button, action in ((self.open_button, "open"), (self.follow_button, "follow_up"),
                               (self.summary_button, "summary")):
            button.setObjectName(f"reports-{action}")
            button.setEnabled(bool(drafts))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
        self.delete_button = QPushButton(self.tr("删除…"))
        self.delete_button.setObjectName("reports-delete")
        self.delete_button.clicked.connect(self._delete_or_archive)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self._filter()

    def _current(self) -> DraftSummary | None:
        row = self.table.currentRow()
        if row < 0 or self.table.isRowHidden(row):
            return None
        return self._drafts[row]

    def _choose(self, action: str) -> None:
        d = self._current()
        if d is None:
            return
        self.result_value = ReportsChoice(action, d.id)
        self.accept()

    def _filter(self) -> None:
        """Archived reports only when asked for; keep a visible row selected."""
        shown = self.show_archived.isChecked()
        for row, d in enumerate(self._drafts):
            self.table.setRowHidden(row, d.archived_at is not None and not shown)
            title = self.table.item(row, 2)   # an archived report says so (issue 19)
            title.setText((self.tr("〔已归档〕") if d.archived_at else "")
                          + (d.title or self.tr("（未命名）")))
            title.setForeground(QBrush(QColor("#6b6b6b")) if d.archived_at else QBrush())
        if self._current() is None:
            visible = [r for r in range(len(self._drafts)) if not self.table.isRowHidden(r)]
            if visible:
                self.table.selectRow(visible[0])
            else:
                self.table.clearSelection()
                self.table.setCurrentCell(-1, -1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        d = self._current()
        for button in (self.open_button, self.follow_button, self.summary_button,
                       self.delete_button):
            button.setEnabled(d is not None)
        if d is not None and d.submitted_at is not None:
            self.delete_button.setText(self.tr("取消归档") if d.archived_at else self.tr("归档…"))
        else:
            self.delete_button.setText(self.tr("删除…"))

    def _delete_or_archive(self) -> None:
        d = self._current()
        if d is None:
            return
        name = f"#{d.id}「{d.title or self.tr('（未命名）')}」"
        if d.submitted_at is not None and d.archived_at is not None:
            self.archiveRequested.emit(d.id, False)
            return
        if d.submitted_at is not None:
            question = self.tr("归档报告 %1？\n已报送的报告是报送记录，不能删除。归档后它不再显示在"
                               "列表中；勾选“显示已归档的报告”可再看到。").replace("%1", name)
        else:
            question = self.tr("删除草稿 %1？\n此操作不能撤销。").replace("%1", name)
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("reports-confirm")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        sent, draft_id = d.submitted_at is not None, d.id

        def answered(result: int) -> None:
            if result != QMessageBox.StandardButton.Yes:
                return
            if sent:
                self.archiveRequested.emit(draft_id, True)
            else:
                self.deleteRequested.emit(draft_id)
        box.finished.connect(answered)
        box.open()

    def _row_of(self, draft_id: int) -> int:
        return next((i for i, d in enumerate(self._drafts) if d.id == draft_id), -1)

    def removed(self, draft_id: int) -> None:
        """The draft was deleted: drop its row."""
        row = self._row_of(draft_id)
        if row >= 0:
            self.table.removeRow(row)
            del self._drafts[row]
        self._filter()

    def archived(self, draft_id: int, archived: bool) -> None:
        """The report was archived (hidden unless archived ones are shown) or taken back."""
        row = self._row_of(draft_id)
        if row >= 0:
            when = datetime.now(UTC).isoformat() if archived else None
            self._drafts[row] = replace(self._drafts[row], archived_at=when)
        self._filter()


class RecoveryDialog(QDialog):
    """Offers back drafts changed before an unclean exit. ``result_value``: a draft id or None."""

    def __init__(self, drafts: list[DraftSummary], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复未保存的工作"))
        self.setObjectName("recovery-dialog")
        self.result_value: int | None = None
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("程序上次没有正常退出。以下草稿在那之后有修改，已自动保存。"
                              "要继续编辑哪一份？"))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget()
        self.list.setObjectName("recovery-list")
        self.list.setAccessibleName(self.tr("可恢复的草稿"))
        for d in drafts:
            item = QListWidgetItem(f"{_type_text(d.report_type)}：{d.title or self.tr('（未命名）')}"
                                   f"  —  {_local_time(d.updated_at)}")
            item.setData(256, d.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        text.setBuddy(self.list)
        layout.addWidget(self.list)
        self._fit_list()
        buttons = QDialogButtonBox()
        self.restore = buttons.addButton(self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setObjectName("recovery-restore")
        buttons.addButton(self.tr("不恢复"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _fit_list(self) -> None:
        """Wide enough for the longest entry, tall enough for all (up to 10 rows, then it
        scrolls), within the screen."""
        lst = self.list
        lst.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        frame = 2 * lst.frameWidth()
        width = lst.sizeHintForColumn(0) + frame + 24
        rows = min(max(lst.count(), 1), 10)
        height = rows * max(lst.sizeHintForRow(0), 1) + frame + 4
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        max_width = int(screen.width() * 0.9) if screen is not None else 1200
        lst.setMinimumSize(min(width, max_width), height)
        self.adjustSize()

    def _restore(self) -> None:
        item = self.list.currentItem()
        self.result_value = int(item.data(256)) if item is not None else None
        self.accept()


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


class SubmissionDialog(QDialog):
    """Record that the report was sent, with its receipt. ``result_value``: a
    :class:`SubmissionInput` or None. ``package``: the generated package that will be kept as
    what was sent (None: one is generated from the report when saving)."""

    def __init__(self, now: datetime, parent: QWidget | None = None, *, sent_by: str = "",
                 package: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录报送"))
        self.setObjectName("submission-dialog")
        self.result_value: SubmissionInput | None = None
        self.receipt_file: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("记录本报告何时、通过何种渠道报送。该记录可作为按时报告的证明"
                               "（《办法》第十、十一条）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = form = QFormLayout()
        self.channel = QComboBox()
        wheel.guard(self.channel)
        self.channel.setObjectName("submission-channel")
        for ch in channels():
            self.channel.addItem(i18n.pick(ch.zh, ch.en), ch.id)
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
        kept = QLabel(self.tr("将存档的报送材料：") + str(package) if package is not None else
                      self.tr("尚未生成材料包：保存时按当前报告生成一份，原样存档。"))
        kept.setObjectName("submission-package")
        kept.setWordWrap(True)
        layout.addWidget(kept)
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

    def _channel_changed(self) -> None:
        """Show the receipt fields that fit the channel (an e-mail has a Message-ID, a fax a
        transmission report, a call a person and maybe a 受理编号)."""
        channel = str(self.channel.currentData())
        self.form.setRowVisible(self.rows["message_id"], channel == "email")
        self.form.setRowVisible(self.rows["file"], channel in ("fax", "other", "email"))
        self.form.setRowVisible(self.rows["person"], channel != "email")

    def choose_file(self, name: str | None = None) -> QFileDialog | None:
        """Attach ``name``, or open a file dialog (returned) to choose the receipt file."""
        if name:
            self.receipt_file = Path(name)
            self.file_label.setText(self.receipt_file.name)
            return None
        from composer.gui.output import documents_dir

        owner = self.parent()
        start = owner.start_folder() if hasattr(owner, "start_folder") else documents_dir()
        dialog = QFileDialog(self, self.tr("选择回执文件"), start,
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
        self.result_value = SubmissionInput(
            channel, when.replace(second=0), self.note.text().strip(),
            sent_by=self.sent_by.text().strip(), reference=self.reference.text().strip(),
            person=self.person.text().strip() if channel != "email" else "",
            message_id=self.message_id.text().strip() if channel == "email" else "",
            receipt_file=self.receipt_file if channel in ("fax", "other", "email") else None)
        self.accept()
