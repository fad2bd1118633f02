"""THE TABLE of the crash smoke test: every menu action and every button of the app, by
objectName, with how to exercise it (open, use, close).

Adding a button or a menu action to the app? Give it an objectName (menu entries:
``composer.gui.menus.action(..., name="action-…")``) and add ONE line to :data:`REGISTRY` below:

    "my-button": press,                       # a click, nothing opens
    "my-action": press_then(close_dialogs),   # opens a dialog/message box: close it
    "my-thing": press_then(my_driver),        # or write a driver (see the ones below)

A driver is ``driver(smoke, name)``; ``smoke`` (tests/gui/smoke_run.py) is the running app:
``smoke.window``, ``smoke.go(step)``, ``smoke.wait(cond)``, ``smoke.dialog(cls, name)``,
``smoke.press(name)`` (runs another entry, e.g. a dialog's button), ``smoke.tmp``.
Entries run in this table's order; dialog buttons run when their dialog's driver presses them.
The test fails when a named action/button exists that no entry covers, when an entry never
ran, or when an unnamed one exists.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)

from composer.core.flow import Step

Driver = Callable[[Any, str], None]
REGISTRY_FILE = "tests/gui/smoke_registry.py"


# --- generic drivers ---------------------------------------------------------------------------

def press(smoke, name: str) -> None:
    """Trigger the action / click the button (it must be visible and enabled)."""
    smoke.trigger(name)


def press_then(after: Callable[[Any], None]) -> Driver:
    def driver(smoke, name: str) -> None:
        smoke.trigger(name)
        after(smoke)
    return driver


def on_page(step: Step, then: Callable[[Any], None] | None = None) -> Driver:
    """Go to the wizard page first (the button lives there), then press."""
    def driver(smoke, name: str) -> None:
        smoke.go(step)
        smoke.trigger(name)
        if then is not None:
            then(smoke)
    return driver


def close_dialogs(smoke) -> None:
    smoke.close_dialogs()


def on_card(then: Callable[[Any], None] | None = None) -> Driver:
    """A button on one of the preview page's channel cards (tabs): show its tab, press."""
    def driver(smoke, name: str) -> None:
        from PySide6.QtWidgets import QTabWidget
        smoke.go(Step.PREVIEW)
        button = smoke.find(name)
        tabs = button.parentWidget()
        while not isinstance(tabs, QTabWidget):
            tabs = tabs.parentWidget()
        tabs.setCurrentIndex(next(i for i in range(tabs.count())
                                  if tabs.widget(i).isAncestorOf(button)))
        smoke.settle()
        smoke.trigger(name)
        if then is not None:
            then(smoke)
    return driver


def copied(smoke) -> None:
    assert QApplication.clipboard().text().strip(), "nothing was copied"
    QApplication.clipboard().clear()


def when_done(smoke) -> None:
    """All background work finished (an operation whose widget was rebuilt meanwhile finishes
    too, dropping its result); a message box it showed is closed."""
    from composer.gui.operations import running_count
    smoke.wait(lambda: running_count() == 0, 60000)
    smoke.settle(100)
    close_message(smoke)


def save_to(dialog_name: str, file_name: str) -> Callable[[Any], None]:
    """A save dialog of ours: type a name in the work folder, save, wait for the file."""
    def after(smoke) -> None:
        dialog = smoke.dialog(QFileDialog, dialog_name)
        out = smoke.tmp / file_name
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(out))
        dialog.accept()
        when_done(smoke)
        smoke.wait(out.exists, 60000)
        assert out.stat().st_size > 0, out
    return after


# --- specific drivers --------------------------------------------------------------------------

def use_folder_picker(smoke) -> None:
    picker = smoke.dialog(QFileDialog, "package-folder-dialog")
    assert picker.directory().absolutePath() != str(Path.cwd()), "picker starts in the cwd"
    out = smoke.tmp / "packages"
    out.mkdir(exist_ok=True)
    picker.setDirectory(str(out))
    picker.accept()
    smoke.wait(lambda: smoke.window.outputs.last_package is not None, 60000)
    assert (smoke.window.outputs.last_package / "manifest.json").exists()


def use_print_preview(smoke) -> None:
    """Wait for the first page, zoom, go to the last page, open (and cancel) Qt's print
    dialog, print through a printer the test makes for itself — a PDF file in its work folder,
    never the workstation's default printer — and close."""
    from PySide6.QtPrintSupport import QPrinter

    from composer.gui.printing import a4_printer
    from composer.render.fax import page_count
    smoke.wait(lambda: smoke.window.outputs.print_preview is not None
               and smoke.window.outputs.print_preview.pages.drawn > 0, 60000)
    dialog = smoke.window.outputs.print_preview
    smoke.press("print-preview-zoom-in")
    smoke.press("print-preview-zoom-out")
    bar = dialog.pages.verticalScrollBar()
    bar.setValue(bar.maximum())
    smoke.wait(lambda: dialog.total - 1 in dialog.pages.images, 60000)
    # 打印… opens Qt's print dialog, which offers the system's printers (and selects the
    # default one where there is one): the test cancels it — nothing may print on paper
    asked: list[str] = []

    def cancel(modal) -> None:
        asked.append(modal.printer().printerName())
        modal.reject()
    smoke.answer_modal(cancel, lambda w: isinstance(w, QPrintDialog))
    smoke.press("print-preview-print")
    smoke.wait(lambda: bool(asked))
    smoke.settle(100)
    assert dialog.job is None and dialog.printed_pages == 0, "printing began without 打印"
    # then prints, as 打印 in that dialog does, through a printer of the test's own: a PDF
    out = smoke.tmp / f"printed-{len(list(smoke.tmp.glob('printed-*')))}.pdf"
    printer = a4_printer("smoke")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    dialog.set_printer(printer)
    dialog.print_to(printer)
    smoke.wait(lambda: dialog.printed_pages > 0, 120000)
    assert out.exists() and page_count(out.read_bytes()) == dialog.total == dialog.printed_pages
    smoke.printed.append(out)
    if smoke.window.outputs.print_preview is not None:
        smoke.window.outputs.print_preview.close()
    smoke.wait(lambda: smoke.window.outputs.print_preview is None)


def use_export(smoke) -> None:
    dialog = smoke.dialog(QFileDialog, "export-dialog")
    out = smoke.tmp / "exported.json"
    assert dialog.selectedFiles()[0].endswith("incident.json")  # the suggested name
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(out))
    dialog.accept()
    smoke.settle()
    boxes = [b.text() for b in QApplication.topLevelWidgets()
             if isinstance(b, QMessageBox) and b.isVisible()]
    assert not boxes, boxes
    smoke.wait(out.exists)
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "composer-incident/1"


def use_open_file(smoke) -> None:
    dialog = smoke.dialog(QFileDialog, "open-file-dialog")
    dialog.selectFile(str(smoke.example))
    dialog.accept()
    smoke.wait(lambda: smoke.window.model.draft.title != "")
    smoke.filled_id = smoke.window.model.draft.id


def use_submission(smoke) -> None:
    dialog = smoke.dialog(QWidget, "submission-dialog")
    smoke.press("submission-choose-file")
    picker = smoke.dialog(QFileDialog, "receipt-file-dialog")
    assert picker.directory().absolutePath() != str(Path.cwd()), "picker starts in the cwd"
    receipt = next(smoke.tmp.glob("printed-*.pdf"))
    picker.findChild(QLineEdit, "fileNameEdit").setText(str(receipt))
    picker.accept()
    smoke.settle()
    assert dialog.receipt_file == receipt
    combo = dialog.findChild(QComboBox, "submission-channel")
    combo.setCurrentIndex(combo.count() - 1)
    dialog.note.setText("smoke")
    dialog._save()
    smoke.wait(lambda: smoke.window.header.state == "sent")


def use_ledger(smoke) -> None:
    """导出台账…: drills included, then 导出… (its own entry) and the save dialog."""
    from PySide6.QtWidgets import QCheckBox
    dialog = smoke.dialog(QWidget, "ledger-dialog")
    dialog.findChild(QCheckBox, "ledger-drills").setChecked(True)
    smoke.press("ledger-export")


def derived_from_sent(kind: str) -> Callable[[Any], None]:
    """From the sent (read-only) report: a 更正 keeps its type, a 续报 is a follow-up; both
    are editable and chained to it. Then back to the sent report."""
    def after(smoke) -> None:
        draft = smoke.window.model.draft
        assert draft.parent_id == smoke.filled_id and not smoke.window.model.read_only
        assert draft.report_type.value == ("initial" if kind == "correction" else kind)
        smoke.reopen_filled()
        assert smoke.window.model.read_only
    return after


def use_reports(smoke) -> None:
    """The reports list (opened by the caller): start a 续报 and a 总结报告 from the filled
    report, then continue editing it — each time reopening the list."""
    for n, button in enumerate(("reports-follow_up", "reports-summary", "reports-open")):
        if n:
            smoke.trigger("action-reports")
        dialog = smoke.dialog(QWidget, "reports-dialog")
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 0).text().split()[0] == f"#{smoke.filled_id}")
        dialog.table.selectRow(row)
        smoke.press(button)
        smoke.settle()
        smoke.close_dialogs()
        if button != "reports-open":
            assert smoke.window.model.draft.parent_id == smoke.filled_id
        smoke.reopen_filled()
    # delete the summary draft just started (unsent: deleted after a confirmation)
    smoke.trigger("action-reports")
    dialog = smoke.dialog(QWidget, "reports-dialog")
    drafts = {dialog.table.item(r, 0).text().split()[0]: r for r in range(dialog.table.rowCount())}
    victim = max(drafts, key=lambda n: int(n.lstrip("#")))
    assert victim != f"#{smoke.filled_id}"
    dialog.table.selectRow(drafts[victim])
    smoke.press("reports-delete")
    box = smoke.dialog(QMessageBox, "reports-confirm")
    box.button(QMessageBox.StandardButton.Yes).click()
    smoke.settle()
    assert victim not in {dialog.table.item(r, 0).text().split()[0]
                          for r in range(dialog.table.rowCount())}
    smoke.close_dialogs()
    smoke.reopen_filled()


def new_report_then_back(smoke) -> None:
    assert smoke.window.wizard.currentId() == int(Step.PROFILE)
    smoke.reopen_filled()


def new_drill_then_back(smoke) -> None:
    """新建演练: a drill draft, its banner shown; then back to the filled report."""
    assert smoke.window.model.draft.drill
    assert smoke.window.findChild(QWidget, "drill-banner").isVisible()
    assert smoke.window.windowTitle().startswith("【演练】")
    smoke.reopen_filled()
    assert not smoke.window.findChild(QWidget, "drill-banner").isVisible()


def language(code: str) -> Callable[[Any], None]:
    def after(smoke) -> None:
        expected = "Preview and output" if code == "en" else "预览与输出"
        page = smoke.window.wizard.pages[Step.PREVIEW]
        assert page.title() == expected, page.title()
    return after


def walk_wizard(smoke, name: str) -> None:
    """Next through every page from the start, Back once, Next again."""
    wizard = smoke.window.wizard
    wizard.restart()
    while wizard.nextId() >= 0:
        smoke.trigger("wizard-next")
    smoke.trigger("wizard-back")
    smoke.trigger("wizard-next")
    assert wizard.currentId() == int(Step.PREVIEW)


def back_is_walked(smoke, name: str) -> None:
    """Pressed by ``wizard-next``'s walk."""
    smoke.go(Step.BASIC)
    smoke.trigger(name)
    assert smoke.window.wizard.currentId() == int(Step.PROFILE)


def finish(smoke, name: str) -> None:
    """完成 saves and says so (nothing else opens); its 新建报告 is tried elsewhere."""
    smoke.go(Step.PREVIEW)
    assert smoke.window.wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    smoke.trigger(name)
    box = smoke.dialog(QMessageBox, "finish-box")
    assert "已保存" in box.text() or "saved" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    smoke.settle()
    assert smoke.window.wizard.currentId() == int(Step.PREVIEW)


def quit_app(smoke, name: str) -> None:
    smoke.trigger(name)  # the window closes; the app must then exit with status 0


def recovery_restore(smoke, name: str) -> None:
    smoke.trigger(name)
    smoke.wait(lambda: smoke.window.model.draft.title != "")


def autosave_failure(then: Callable[[Any], None]) -> Driver:
    """The autosave banner's buttons show only after a failed save: report one (as the
    autosaver does when the database refuses a write), then press."""
    def driver(smoke, name: str) -> None:
        smoke.window.autosaver._failed("smoke test: simulated write failure")
        smoke.settle()
        smoke.trigger(name)
        then(smoke)
    return driver


def retried(smoke) -> None:
    smoke.wait(lambda: smoke.window.autosaver.error is None)


def saved_elsewhere(smoke) -> None:
    save_to("autosave-export-dialog", "saved-elsewhere.json")(smoke)
    smoke.window.autosaver.save()        # the database works again: the banner goes
    smoke.wait(lambda: smoke.window.autosaver.error is None)


def use_guide(smoke) -> None:
    """法规原文: find a word, step through the matches, close the find bar and the window."""
    guide = smoke.dialog(QWidget, "guide-window")
    guide.open_find()
    smoke.settle()
    guide.findChild(QLineEdit, "guide-find").setText("报告")
    smoke.settle()
    for name in ("guide-find-next", "guide-find-prev", "guide-find-close"):
        smoke.press(name)
    guide.close()
    smoke.settle()


def use_doctor(smoke) -> None:
    dialog = smoke.dialog(QWidget, "doctorDialog")
    smoke.wait(lambda: dialog.finished_checks, 60000)     # it opened at once, then filled in
    smoke.press("doctorCopy")
    dialog.reject()


def taken_over(smoke, name: str) -> None:
    """接管编辑 shows once the window that held the draft is gone: a draft claimed by another
    (live) process opens read-only; that process ends; the button takes the draft over."""
    import subprocess
    import sys
    from datetime import UTC, datetime

    from composer.core.draft import new_draft
    from composer.core.store.sessions import host_name

    window = smoke.window
    draft = new_draft()
    draft.set("incident.title", "另一窗口编辑中")
    window.storage.save_draft(draft)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        now = datetime.now(UTC).isoformat()
        with window.storage._tx() as db:
            session = db.execute("INSERT INTO sessions (pid, started_at) VALUES (?, ?)",
                                 (holder.pid, now)).lastrowid
            db.execute("INSERT INTO editors (draft_id, session, pid, host, window, since) "
                       "VALUES (?, ?, ?, ?, '另一窗口', ?)",
                       (draft.id, session, holder.pid, host_name(), now))
        window.open_draft(draft.id)
        smoke.wait(lambda: window.model.held_elsewhere)
    finally:
        holder.kill()
        holder.wait()
    smoke.wait(lambda: smoke.find(name).isEnabled())
    smoke.trigger(name)
    smoke.wait(lambda: not window.model.held_elsewhere)


def close_message(smoke) -> None:
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.close()


# --- THE TABLE ---------------------------------------------------------------------------------

REGISTRY: dict[str, Driver] = {
    # dialogs' own buttons (pressed by the driver of the entry that opens the dialog)
    "recovery-restore": recovery_restore,
    "reports-open": press,
    "reports-follow_up": press,
    "reports-summary": press,
    "reports-delete": press,
    # the autosave failure banner (shown only after a failed save)
    "autosave-export": autosave_failure(saved_elsewhere),
    "autosave-retry": autosave_failure(retried),
    # the wizard's navigation
    "wizard-next": walk_wizard,
    "wizard-back": back_is_walked,
    "wizard-finish": finish,
    # 文件 menu
    "action-save": press,
    "action-new-report": press_then(new_report_then_back),
    "action-new-drill": press_then(new_drill_then_back),
    "action-open-file": press_then(use_open_file),
    "action-reports": press_then(use_reports),
    # the preview page
    "generate-package": on_page(Step.PREVIEW, use_folder_picker),
    "open-folder": on_page(Step.PREVIEW, when_done),   # asks which program, then says
    "print-report": on_page(Step.PREVIEW, use_print_preview),
    "print-preview-zoom-in": press,          # the print preview's own buttons (its driver)
    "print-preview-zoom-out": press,
    "print-preview-print": press,
    "print-fax": on_page(Step.PREVIEW, use_print_preview),
    "export-json": on_page(Step.PREVIEW, use_export),
    # 帮助 menu
    "action-guide": press_then(use_guide),
    "guide-find-next": press,
    "guide-find-prev": press,
    "guide-find-close": press,
    "actionDoctor": press_then(use_doctor),
    "doctorCopy": press,
    # 语言 menu (the whole window is rebuilt)
    "action-language-en": press_then(language("en")),
    "action-language-zh": press_then(language("zh")),
    # recording the sending, then what a sent report offers
    # the channel cards of the preview page
    "email-open": on_card(when_done),
    "email-copy-address": on_card(copied),
    "fax-print": on_card(use_print_preview),
    "fax-save-tiff": on_card(save_to("fax-tiff-dialog", "fax.tif")),
    "fax-copy-number": on_card(copied),
    "hotline-print": on_card(use_print_preview),
    "hotline-copy": on_card(copied),
    "web-copy-all": on_card(copied),
    "web-copy-site": on_card(copied),
    "copy-item*": on_card(copied),          # one 复制 per item of the web form
    "action-export-log": press_then(save_to("export-log-dialog", "record.pdf")),
    # 报送记录 menu (issue 24): the 台账 (year and drills asked first) and the drill report
    "action-export-ledger": press_then(use_ledger),
    "ledger-export": press_then(save_to("export-ledger-dialog", "ledger.xlsx")),
    "action-drill-report": press_then(save_to("drill-report-dialog", "drill.pdf")),
    "record-submission": on_page(Step.PREVIEW, use_submission),
    "submission-choose-file": press,
    "owed-export-ics": on_card(save_to("calendar-dialog", "owed.ics")),
    "sent-correction": press_then(derived_from_sent("correction")),
    "sent-follow-up": press_then(derived_from_sent("follow_up")),
    # a draft another window held: taken over once that window is gone
    "editor-take-over": taken_over,
    # last: 退出
    "action-quit": quit_app,
}
