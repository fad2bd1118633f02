"""报送记录 → 导出台账… and 演练报告…: the 台账 workbook and the drill report, from the app.

:class:`RecordExports` asks what and where (:class:`~composer.gui.ledger_dialog.LedgerDialog`,
then a save dialog), then reads the database read-only and writes the file off the GUI thread —
the same code as ``composer log ledger`` / ``composer log drill`` (the core's
:mod:`~composer.core.ledger` and :mod:`~composer.core.drill_timings`). A file that cannot be
written is named with the reason.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from composer.core.obligations import CHINA_TZ
from composer.core.storage import Storage
from composer.gui.ledger_dialog import LedgerChoice, LedgerDialog
from composer.gui.operations import Pool, run_operation
from composer.gui.sending import save_dialog


class ExportHost(Protocol):
    def save_now(self, orderly: bool = False) -> bool: ...
    def warn(self, title: str, text: str) -> object: ...
    def show_status(self, text: str) -> None: ...
    def start_folder(self) -> str: ...
    def remember_folder(self, folder: str | Path) -> None: ...


def _unit(profile: dict[str, Any] | None) -> str:
    return " ".join(str((profile or {}).get("name") or "").split())


def build_ledger(database: Path, choice: LedgerChoice, now: datetime) -> tuple[bytes, int]:
    """(the workbook, its rows) of the database read read-only (any thread)."""
    from composer.core.ledger import ledger_rows
    from composer.core.record_verify import open_read_only, read_log, verify
    from composer.render.ledger_xlsx import ledger_xlsx

    db = open_read_only(database)
    try:
        result = verify(db, database.parent, database)
        log = read_log(db)
    finally:
        db.close()
    rows = ledger_rows(log.records(), database.parent, year=choice.year, drills=choice.drills)
    return ledger_xlsx(rows, year=choice.year, generated_at=now, unit=_unit(log.profile),
                       verification=result), len(rows)


def build_drill_report(database: Path, now: datetime) -> tuple[bytes, int]:
    """(the drill report PDF, the number of drills) of the database read read-only."""
    from composer.core.drill_timings import read_drills
    from composer.core.record_verify import open_read_only, read_log
    from composer.render.drill_report_pdf import drill_report_pdf

    db = open_read_only(database)
    try:
        drills = read_drills(db)
        profile = read_log(db).profile
    finally:
        db.close()
    return drill_report_pdf(drills, generated_at=now, unit=_unit(profile)), len(drills)


class RecordExports(QObject):
    """The 报送记录 menu's exports of one window. No signals."""

    def __init__(self, owner: QWidget, storage: Storage, host: ExportHost):
        super().__init__(owner)
        self.owner = owner
        self.storage = storage
        self.host = host

    def _write(self, name: str, make: Any, done: str, pool: Pool) -> None:
        from composer.core.atomic import write_output

        database = self.storage.path
        now = datetime.now(CHINA_TZ).replace(microsecond=0)

        def work() -> int:
            data, count = make(database, now)
            write_output(Path(name), data)
            return int(count)

        def failed(exc: Exception) -> None:
            from composer.core.os_errors import describe_error
            from composer.gui import i18n

            reason = (describe_error(exc, name, i18n.language()) if isinstance(exc, OSError)
                      else str(exc) or type(exc).__name__)
            self.host.warn(self.tr("无法导出"), f"{name}\n{reason}")

        run_operation(self.owner, self.tr("正在导出…"), work, pool=pool, on_failure=failed,
                      on_success=lambda n: self.host.show_status(
                          done.replace("%1", str(n)) + name))

    def export_ledger(self, name: str | None = None, choice: LedgerChoice | None = None
                      ) -> LedgerDialog | QFileDialog | None:
        """报送记录 → 导出台账…: ask the year and drills (the dialog is returned), then where
        (the save dialog is returned); with ``name`` and ``choice``, write it."""
        if choice is None:
            self.host.save_now()
            years = sorted({s.sent_at.astimezone(CHINA_TZ).year
                            for s in self.storage.sent_reports()})
            dialog = LedgerDialog(years, self.owner)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

            def done(_: int) -> None:
                if dialog.result_value is not None:
                    self.export_ledger(name, dialog.result_value)
            dialog.finished.connect(done)
            dialog.open()
            return dialog
        if name is None:
            file_name = f"报送台账{choice.year if choice.year is not None else ''}.xlsx"
            return save_dialog(self.owner, self.host, "export-ledger-dialog", self.tr("导出台账"),
                               file_name, self.tr("Excel 工作簿 (*.xlsx)"), "xlsx",
                               lambda path: self.export_ledger(path, choice))
        self._write(name, lambda db, now: build_ledger(db, choice, now),
                    self.tr("台账已导出（%1 次报送）："), Pool.IO)
        return None

    def drill_report(self, name: str | None = None) -> QFileDialog | None:
        """报送记录 → 演练报告…: the drill report PDF, where the user chooses (the save dialog
        is returned) or to ``name``."""
        if name is None:
            self.host.save_now()
            return save_dialog(self.owner, self.host, "drill-report-dialog", self.tr("演练报告"),
                               "演练报告.pdf", self.tr("PDF 文件 (*.pdf)"), "pdf",
                               lambda path: self.drill_report(path))
        self._write(name, build_drill_report, self.tr("演练报告已导出（%1 次演练）："), Pool.RENDER)
        return None


__all__ = ["RecordExports", "build_drill_report", "build_ledger"]
