"""The reports list (报告列表): continue a report, or start a 续报 / 总结报告 from it; delete an
unsent draft or archive a sent report (both confirmed first).

Data in (the drafts, most urgent first, and the recorded sendings), a typed result out
(:class:`ReportsChoice` in ``result_value``). A correction reads as such (首报（更正）), and the
报送记录 column lists each recorded sending of the report — when, by which channel, to whom; a
correction's first says which sending it corrects (更正 #3 于 … 的报送) — from the chained
records, never from the editable tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.drill import PREFIX as DRILL_PREFIX
from composer.core.history import SentReport
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.storage import DraftSummary
from composer.core.submissions import channel_short, recipient_label
from composer.gui import i18n


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def type_text(value: str) -> str:
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

    def __init__(self, drafts: list[DraftSummary], parent: QWidget | None = None, *,
                 sendings: Sequence[SentReport] = ()):
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
                                              self.tr("已生成材料包"), self.tr("报送记录")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        by_id = {d.id: d for d in drafts}
        by_seq = {s.record_seq: s for s in sendings if s.record_seq is not None}
        for row, d in enumerate(drafts):
            number = f"#{d.id}" + (f" ← #{d.parent_id}" if d.parent_id in by_id else "")
            kind = ((DRILL_PREFIX if d.drill else "") + type_text(d.report_type)
                    + (self.tr("（更正）") if d.correction else ""))
            mine = [s for s in sendings if s.draft_id == d.id]
            sent = "\n".join(self.sending_text(s, by_seq) for s in mine)
            if not sent and d.submitted_at:        # a sending row without a record
                sent = local_time(d.submitted_at) + self.tr("（未入记录链）")
            cells = [number, kind, d.title or self.tr("（未命名）"), local_time(d.updated_at),
                     str(d.packages) if d.packages else "", sent]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
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

    def sending_text(self, s: SentReport, by_seq: dict[int, SentReport]) -> str:
        """``2026-11-18 17:40 传真 → 12387 受理平台`` (a drill's: ``【演练】2026-…``; a
        correction first says what it corrects: ``更正 #3 于 2026-11-18 17:05 的报送``)."""
        when = s.sent_at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        line = (f"{when} {channel_short(s.channel, i18n.language())} → "
                f"{recipient_label(s.recipient, i18n.language())}")
        if s.drill:         # recorded apart: never one of the unit's reports
            line = DRILL_PREFIX + line
        corrected = by_seq.get(s.corrects) if s.corrects is not None else None
        if s.correction and corrected is not None:
            line = (self.tr("更正 #%1 于 %2 的报送：").replace("%1", str(corrected.draft_id))
                    .replace("%2", corrected.sent_at.astimezone(CHINA_TZ)
                             .strftime("%Y-%m-%d %H:%M")) + line)
        return line

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
            if title is not None:
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


__all__ = ["ReportsChoice", "ReportsDialog", "local_time", "type_text"]
