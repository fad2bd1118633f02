"""Issue 24 in the app: a drill's sending recorded through the real 记录报送 dialog is a drill's
(the record says so, nothing in the dialog can say otherwise), shown as 演练 in the header,
the reports list and the crash-recovery dialog, and meets no obligation; 报送记录 → 导出台账… and
演练报告… write their files; a summary started in the app carries its incident's sendings into
the Art. 11 account, and the handling page asks the unit's Art. 11 statements."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from gui_helpers import EXAMPLES, click
from pypdf import PdfReader
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QTableWidget

from composer.core.flow import Step
from composer.core.model import ReportType
from composer.core.storage import DraftSummary
from composer.gui.ledger_dialog import LedgerChoice, LedgerDialog
from composer.gui.recovery_dialog import RecoveryDialog
from composer.gui.submission_dialog import SubmissionDialog

CII = EXAMPLES / "cii-grid-outage.json"


def _drill_file(tmp_path: Path) -> Path:
    data = json.loads(CII.read_text("utf-8"))
    data["drill"] = True
    path = tmp_path / "drill.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _record(qtbot, window, storage, channel: str, recipient: str, hour: int, minute: int,
            day: int = 19) -> SubmissionDialog:
    dialog = window.outputs.record_submission()
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel))
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(recipient))
    dialog.recipient.activated.emit(dialog.recipient.currentIndex())
    dialog.sent_at.setDateTime(QDateTime(QDate(2026, 11, day), QTime(hour, minute),
                                         QTimeZone(8 * 3600)))
    count = len(storage.records())
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: len(storage.records()) == count + 1, timeout=60000)
    return dialog


def test_a_drill_recorded_through_the_dialog_is_a_drill_everywhere(qtbot, window, storage,
                                                                    tmp_path) -> None:
    assert window.open_file(_drill_file(tmp_path))
    dialog = window.outputs.record_submission()
    assert dialog.windowTitle() == "记录报送（演练）"
    note = dialog.findChild(QLabel, "submission-drill")
    assert note is not None and "不计入本单位的报告" in note.text()
    dialog.reject()
    _record(qtbot, window, storage, "email", "protection_department", 2, 40)
    (rec,) = storage.records()
    assert rec.body["drill"] is True and rec.body["recipient"] == "protection_department"
    (sent,) = storage.history(window.model.draft.id)
    assert sent.drill
    # the header rehearses the obligations: the drill's own sending, marked 演练
    lines = window.header.deadline.text().splitlines()
    assert lines[0].startswith("〔演练〕✔ 向国家能源局报告：2026-11-19 02:40 已报送")
    assert lines[1].startswith("〔演练〕✖ 向公安机关报告：尚未报送")
    reports = window.show_reports()
    table = reports.findChild(QTableWidget, "reports-table")
    assert table.item(0, 1).text() == "【演练】首报"
    assert table.item(0, 5).text() == "【演练】2026-11-19 02:40 电子邮件 → 保护工作部门"
    reports.close()
    # a real report of the same incident: the drill's sending meets nothing of it
    assert window.open_file(CII)
    window.save_now()
    window.header.set_history([*storage.history(window.model.draft.id), sent])
    assert "已报送" not in window.header.deadline.text()


def test_the_recovery_dialog_marks_drills(qtbot) -> None:
    drafts = [DraftSummary(1, None, "initial", "会员系统", "", "2026-11-18T06:00:00+00:00", 0,
                           drill=True),
              DraftSummary(2, None, "initial", "调度系统", "", "2026-11-18T07:00:00+00:00", 0)]
    dialog = RecoveryDialog(drafts)
    qtbot.addWidget(dialog)
    items = dialog.findChild(QListWidget, "recovery-list")
    assert items.item(0).text().startswith("【演练】首报：会员系统")
    assert items.item(1).text().startswith("首报：调度系统")


def test_the_ledger_and_the_drill_report_from_the_menu(qtbot, window, storage,
                                                       tmp_path) -> None:
    assert window.open_file(CII)
    _record(qtbot, window, storage, "email", "protection_department", 2, 50)
    assert window.open_file(_drill_file(tmp_path))
    _record(qtbot, window, storage, "email", "intake", 3, 30)
    exports = window.record_exports()
    dialog = exports.export_ledger()
    assert isinstance(dialog, LedgerDialog)
    years = [dialog.year.itemData(i) for i in range(dialog.year.count())]
    assert years == [None, 2026]
    dialog.reject()
    from composer.gui.operations import running_count

    out = tmp_path / "台账.xlsx"
    exports.export_ledger(str(out), LedgerChoice(2026, drills=False))
    qtbot.waitUntil(lambda: out.exists() and running_count() == 0, timeout=60000)
    rows = list(openpyxl.load_workbook(out)["报送台账"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][6] == "首报" and rows[1][12] == "按时"
    out = tmp_path / "all.xlsx"
    exports.export_ledger(str(out), LedgerChoice(None, drills=True))
    qtbot.waitUntil(lambda: out.exists() and running_count() == 0, timeout=60000)
    rows = list(openpyxl.load_workbook(out)["报送台账"].iter_rows(values_only=True))
    assert [r[6] for r in rows[1:]] == ["首报", "【演练】首报"]
    pdf = tmp_path / "演练报告.pdf"
    exports.drill_report(str(pdf))
    qtbot.waitUntil(lambda: pdf.exists() and running_count() == 0, timeout=60000)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "演练报告" in text and "首报首次报送：发现后 80 分钟（1 小时 20 分钟），超出时限 20 分钟" \
        in text.replace("\n", "")


def test_a_summary_started_in_the_app_carries_its_sendings(qtbot, window, storage) -> None:
    assert window.open_file(CII)
    _record(qtbot, window, storage, "email", "protection_department", 2, 50)
    first = window.model.draft.id
    window.start_derived(first, ReportType.SUMMARY)
    draft = window.model.draft
    assert draft.report_type is ReportType.SUMMARY and draft.parent_id == first
    sendings = draft.sendings
    assert sendings is not None and [s.recipient for s in sendings] == ["protection_department"]
    window.model.set("incident.handling_completed_at", "2026-11-25T10:00:00+08:00")
    window.wizard.go_to(int(Step.HANDLING))
    assert window.wizard.currentId() == int(Step.HANDLING)
    page = window.wizard.pages[Step.HANDLING]
    labels = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    assert "事发前已采取的防护措施" in labels and "有效减轻危害的情况" in labels
    assert "<b>依法报告及处置情况（《办法》第十一条）</b>" in labels
    window.model.set("incident.emergency_plan", "按《电力监控系统网络安全事件应急预案》处置。")
    report = draft.report()
    assert report is not None and report.sendings == sendings
    from composer.core.classify import classify
    from composer.core.statement import statements

    said = statements(report, classify(report))
    assert [s.cells[0] for s in said.prefixed("art11.row.")] == ["首报"]
    assert said.text("art11.emergency_plan").startswith("按《电力监控系统")


def test_a_summary_package_is_stale_once_another_sending_is_recorded(qtbot, window, storage,
                                                                     tmp_path) -> None:
    """The summary states its incident's sendings (Art. 11): a package made before another
    sending was recorded no longer says what would be sent, though the file is unchanged."""
    from datetime import datetime

    from composer.core.obligations import CHINA_TZ

    assert window.open_file(CII)
    _record(qtbot, window, storage, "email", "protection_department", 2, 50)
    first = window.model.draft.id
    window.start_derived(first, ReportType.SUMMARY)
    window.model.set("incident.handling_completed_at", "2026-11-25T10:00:00+08:00")
    window.outputs.generate_package(tmp_path)
    summary = window.model.draft.id
    qtbot.waitUntil(lambda: bool(storage.packages(summary)), timeout=60000)
    out = Path(storage.packages(summary)[-1].out_dir)
    made = json.loads((out / "manifest.json").read_text("utf-8"))
    assert made["input"]["sendings_sha256"]
    assert window.outputs.sending.valid_package() == out
    storage.record_submission(first, "other", datetime(2026, 11, 19, 3, 30, tzinfo=CHINA_TZ),
                              recipient="public_security")
    window.show_submission()                   # what the app does after a recording
    assert [s.recipient for s in window.model.draft.sendings] == [
        "protection_department", "public_security"]
    assert window.outputs.sending.valid_package() is None
