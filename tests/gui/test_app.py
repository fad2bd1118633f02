"""Application setup, language switching, reports list / 续报, printing, the operation helper."""

from __future__ import annotations

import json
import threading

from gui_helpers import EXAMPLES, click, commit_text
from PySide6.QtCore import QDate, QDateTime, QLocale, QThreadPool, QTime, QTimeZone
from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget, QWizard
from shiboken6 import isValid

from composer.core import paths
from composer.core.draft import Draft
from composer.core.flow import Step
from composer.core.model import ReportType
from composer.gui import i18n, operations
from composer.gui.preview import paint_pdf, rasterise
from composer.gui.reports_dialog import ReportsDialog


def example(name: str) -> Draft:
    return Draft(data=json.loads((EXAMPLES / name).read_text(encoding="utf-8")))


def test_setup_fonts_locale_and_qt_translation(qapp):
    assert "Composer Sans SC" in QFontDatabase.families()
    assert QApplication.font().family() == "Composer Sans SC"
    assert QLocale().language() == QLocale.Language.Chinese
    assert qapp.applicationName() == "Composer"
    assert not qapp.windowIcon().isNull()


def test_wizard_buttons_are_chinese(window):
    assert window.wizard.button(QWizard.WizardButton.NextButton).text().startswith("下一步")
    assert "上一步" in window.wizard.button(QWizard.WizardButton.BackButton).text()


def test_switch_to_english_and_back(qtbot, window):
    window.model.replace(example("ransomware-retailer.json"))
    window.set_language("en")
    assert i18n.language() == "en"
    assert json.loads(paths.settings_path().read_text())["language"] == "en"
    assert window.wizard.button(QWizard.WizardButton.NextButton).text().replace("&", "").startswith("Next")
    assert window.wizard.pages[Step.PROFILE].title() == "Reporting organisation"
    assert "Relatively major" in window.header.level.text()
    assert window.model.draft.get("incident.title") == "会员系统遭勒索病毒攻击"  # kept
    window.set_language("zh")
    assert window.wizard.pages[Step.PROFILE].title() == "报告单位"
    assert i18n.load_language() == "zh"


def test_open_file_jumps_to_first_incomplete_step(window, tmp_path):
    data = json.loads((EXAMPLES / "cii-grid-outage.json").read_text(encoding="utf-8"))
    data["operator"]["contact"]["phone"] = "not a phone"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    assert window.wizard.currentId() == Step.PROFILE
    error = window.findChild(QLabel, "operator.contact.phone#error")
    assert error.isVisible() and "不是有效的电话号码" in error.text()


def test_reports_list_starts_follow_up_keeping_chain(qtbot, window, storage):
    first = example("ransomware-retailer.json")
    storage.save_draft(first)
    dialog = window.show_reports()
    assert isinstance(dialog, ReportsDialog)
    rows = dialog.table.rowCount()
    assert rows >= 1
    row = next(r for r in range(rows) if dialog.table.item(r, 0).text() == f"#{first.id}")
    dialog.table.selectRow(row)
    click(qtbot, dialog.findChild(QPushButton, "reports-follow_up"))
    draft = window.model.draft
    assert draft.report_type is ReportType.FOLLOW_UP and draft.parent_id == first.id
    assert draft.id is not None and storage.chain(draft.id) == [first.id, draft.id]
    assert window.wizard.currentId() == Step.BASIC
    assert "续报" in window.header.level.text()
    assert window.header.state == "none" and "无固定时限" in window.header.deadline.text()


def test_summary_from_reports_needs_handling_end(qtbot, window, storage):
    first = example("ransomware-retailer.json")
    storage.save_draft(first)
    dialog = window.show_reports()
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).text() == f"#{first.id}")
    dialog.table.selectRow(row)
    click(qtbot, dialog.findChild(QPushButton, "reports-summary"))
    draft = window.model.draft
    assert draft.report_type is ReportType.SUMMARY
    assert window.wizard.currentId() == Step.BASIC
    field = window.findChild(QLabel, "incident.handling_completed_at#error")
    assert field.isVisible() and "总结报告必须填写" in field.text()
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    known = window.findChild(QWidget, "incident.handling_completed_at").known
    click(qtbot, known)
    assert window.model.draft.problems() == []
    assert window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "剩余" in window.header.countdown.text()  # 30 days from handling end
    window.wizard.go_to(int(Step.HANDLING))
    lessons = window.findChild(QWidget, "incident.lessons")
    assert lessons.isVisible()  # Art. 8 items appear for a summary report
    commit_text(lessons, "加强补丁管理。")
    assert window.model.draft.get("incident.lessons") == "加强补丁管理。"


def test_summary_items_hidden_for_an_initial_report(window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.wizard.go_to(int(Step.HANDLING))
    assert window.wizard.currentId() == Step.HANDLING
    assert window.findChild(QWidget, "incident.cause").isVisible()
    assert not window.findChild(QWidget, "incident.lessons").isVisible()


def test_rasterise_on_white_and_print_to_pdf(tmp_path):
    from composer.gui.page_preview import render_pdf

    d = example("ransomware-retailer.json")
    pdf = render_pdf(d.report(), d.classification())
    (image,) = rasterise(pdf, 40, [0])
    assert image.pixelColor(2, 2).name() == "#ffffff"  # painted on white, not transparent
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_pdf(printer, pdf) >= 1
    assert out.read_bytes().startswith(b"%PDF")


def test_operation_success_failure_and_delayed_progress(qtbot, monkeypatch):
    """The popup waits PROGRESS_DELAY_MS (a timer of the operation): work done before it never
    shows one (its timer is stopped), work still running when it fires does, until it ends."""
    results = []
    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 3_600_000)   # never due during it
    op = operations.run_operation(None, "quick", lambda: 42, on_success=results.append,
                                  on_failure=results.append)
    delay = op._timer
    assert delay.isActive()                        # the popup would come once it is due
    qtbot.waitUntil(lambda: op.done, timeout=60000)
    assert results == [42] and op._progress is None
    assert not isValid(delay) or not delay.isActive()    # ... it never will now
    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 50)
    shown = []
    release = threading.Event()

    def slow():
        release.wait(60)          # still running until the popup was seen
        raise RuntimeError("boom")
    op = operations.run_operation(None, "slow", slow, on_success=results.append,
                                  on_failure=lambda e: shown.append(str(e)))
    try:
        qtbot.waitUntil(lambda: op._progress is not None and op._progress.isVisible(),
                        timeout=60000)
    finally:
        release.set()
    qtbot.waitUntil(lambda: op.done, timeout=60000)
    assert shown == ["boom"] and op._progress is None


def test_preview_names_characters_the_fonts_cannot_print(qtbot, window, tmp_path):
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["incident"]["title"] = "会员系统遭勒索病毒攻击\U0001F600"
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    window.wizard.go_to(int(Step.PREVIEW))
    warning = window.findChild(QLabel, "print-warnings")
    qtbot.waitUntil(warning.isVisible, timeout=5000)
    assert "事件名称" in warning.text() and "U+1F600 GRINNING FACE" in warning.text()
    QThreadPool.globalInstance().waitForDone(30000)


def test_open_file_with_unknown_keys_drops_them_and_says_which(qtbot, window, tmp_path):
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["incident"]["titel"] = "typo"
    data["impact_facts"]["direct_loss"] = 5
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "incident.titel" in box.text() and "impact_facts.direct_loss" in box.text()
    box.close()
    assert window.model.draft.problems() == []
    assert json.loads(path.read_text(encoding="utf-8"))["incident"]["titel"] == "typo"


def test_record_sending_shows_in_header_and_reports_list(qtbot, window, storage):
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox

    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    assert window.header.state == "red"              # discovered 2026-11-18: long overdue
    dialog = window.outputs.record_submission()
    combo = dialog.findChild(QComboBox, "submission-channel")
    combo.setCurrentIndex(combo.findData("fax"))
    sent = QDateTime(QDate(2026, 11, 18), QTime(17, 40), QTimeZone(8 * 3600))
    dialog.sent_at.setDateTime(sent)
    commit_text(dialog.note, "回执 A-17")
    buttons = dialog.findChild(QDialogButtonBox)
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))
    # no package generated yet: one is generated and kept as what was sent, off the GUI thread
    qtbot.waitUntil(lambda: window.header.state == "sent", timeout=30000)
    # each obligation on its own line, met by a sending to its own recipient (issue 18): the
    # fax reached the 12387 intake, which counts for the provincial CAC office
    assert window.header.deadline.text() == (
        "✔ 向浙江省网信办报告：2026-11-18 17:40 已报送（传真 010-82992387，按时）")
    (sub,) = storage.submissions(window.model.draft.id)
    assert sub.channel == "fax" and sub.note == "回执 A-17"
    reports = window.show_reports()
    row = next(r for r in range(reports.table.rowCount())
               if reports.table.item(r, 0).text() == f"#{window.model.draft.id}")
    # when, how and to whom, from the chained record (issue 18: each sending names whom it reached)
    assert reports.table.item(row, 5).text() == "2026-11-18 17:40 传真 → 12387 受理平台"
    reports.close()


def test_print_fax_set_is_cover_plus_report(qtbot, window):
    from composer.render.fax import page_count

    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    printed: list[tuple[bytes, str]] = []
    for kind in ("report", "fax"):
        window.outputs.print_document(kind)
        qtbot.waitUntil(lambda: window.outputs.print_preview is not None
                        and window.outputs.print_preview.total > 0, timeout=30000)
        dialog = window.outputs.print_preview
        printed.append((dialog.pdf, dialog.windowTitle()))
        assert dialog.total == page_count(dialog.pdf)         # every page, nothing printed
        assert dialog.printed_pages == 0
        dialog.close()
        qtbot.waitUntil(lambda: window.outputs.print_preview is None)
    (report_pdf, report_title), (fax_pdf, fax_title) = printed
    assert (report_title, fax_title) == ("打印报告", "打印传真件")
    assert page_count(fax_pdf) == page_count(report_pdf) + 1


def test_basic_page_warns_about_a_future_discovery_time(window, tmp_path):
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["incident"]["discovered_at"] = "2099-11-18T14:05:00+08:00"
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.open_file(path)
    window.wizard.go_to(int(Step.BASIC))
    warning = window.findChild(QLabel, "incident.discovered_at#warning")
    assert warning.isVisible() and "晚于当前时间，请核对日期" in warning.text()
    assert window.header.state == "question"          # never a comfortable countdown
    assert "时间存疑" in window.header.countdown.text()
    assert "2099-11-18 14:05" in window.header.deadline.text()
    window.model.set("incident.discovered_at", "2026-11-18T14:05:00+08:00")
    assert not warning.isVisible()
    assert window.header.state == "red"


def test_open_file_refuses_a_key_given_twice(window, tmp_path):
    text = (EXAMPLES / "phishing-general.json").read_text(encoding="utf-8")
    path = tmp_path / "twice.json"
    path.write_text(text.replace('"title": "员工邮箱钓鱼事件"',
                                 '"title": "员工邮箱钓鱼事件", "title": "x"'), encoding="utf-8")
    assert not window.open_file(path)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "'title' appears twice" in box.text()
    box.close()
