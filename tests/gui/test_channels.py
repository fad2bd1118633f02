"""The channel cards on the preview step, recording a sending with its receipt, what is owed."""

from __future__ import annotations

import email
import email.policy
import json
import time
from pathlib import Path

import icalendar
import pytest
from gui_helpers import EXAMPLES, click, commit_text, settle
from pypdf import PdfReader
from PySide6.QtCore import QDate, QDateTime, QObject, QTime, QTimeZone
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPushButton, QScrollArea

from composer.core.flow import Step
from composer.render.webform import all_fields_text, report_fields


def _preview(qtbot, window, name="ransomware-retailer.json"):
    assert window.open_file(EXAMPLES / name)
    window.wizard.go_to(int(Step.PREVIEW))
    page = window.wizard.pages[Step.PREVIEW]
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=30000)
    return page.channels


def test_one_tab_per_channel_and_only_official_numbers(qtbot, window):
    cards = _preview(qtbot, window)
    tabs = [cards.tabText(i) for i in range(cards.count())]
    assert tabs == ["报告预览", "电子邮件", "传真", "12387 热线", "网站 / 小程序 / 公众号", "后续事项"]
    script = cards.script.toPlainText()
    assert "约一百二十万人" in script and "010-82992387" in script
    assert "约" in cards.script_length.text() and "220" in cards.script_length.text()
    for button in cards.findChildren(QPushButton):
        assert button.objectName(), button.text()


def test_copy_buttons_copy_exactly_the_fields(qtbot, window):
    cards = _preview(qtbot, window)
    cards.setCurrentIndex(4)
    report = window.model.draft.report()
    fields = report_fields(report, window.model.draft.classification())
    clipboard = QGuiApplication.clipboard()
    for f in fields:
        click(qtbot, cards.findChild(QPushButton, f"copy-{f.key}"))
        assert clipboard.text() == f.text
        assert cards.field_boxes[f.key].toPlainText() == f.text
    click(qtbot, cards.findChild(QPushButton, "web-copy-all"))
    assert clipboard.text() == all_fields_text(fields)
    click(qtbot, cards.findChild(QPushButton, "email-copy-address"))
    assert clipboard.text() == "12387@cert.org.cn"
    click(qtbot, cards.findChild(QPushButton, "fax-copy-number"))
    assert clipboard.text() == "010-82992387"


def test_open_email_writes_an_unsent_eml_and_names_it_when_no_client_opens_it(qtbot, window):
    from PySide6.QtWidgets import QApplication, QMessageBox

    cards = _preview(qtbot, window)
    click(qtbot, cards.findChild(QPushButton, "email-open"))

    def box():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()), None)
    # the offscreen platform has no mail client: the user is told where the file is
    qtbot.waitUntil(lambda: box() is not None, timeout=30000)
    path = box().text().splitlines()[-1]
    box().close()
    assert path.endswith(".eml")
    msg = email.message_from_bytes(Path(path).read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and "12387@cert.org.cn" in msg["To"]
    # the e-mail opened is part of a registered package: recording keeps exactly it
    assert window.outputs.sending.valid_package() == Path(path).parent


def test_print_script_and_save_fax_tiff(qtbot, window, monkeypatch, tmp_path):
    _preview(qtbot, window)
    printed = []
    monkeypatch.setattr(window.outputs, "print_pdf", lambda pdf, title: printed.append((pdf, title)))
    window.outputs.sending.print_script()
    qtbot.waitUntil(lambda: bool(printed), timeout=30000)
    pdf, title = printed[0]
    assert title == "打印电话稿和记录单"
    pages = PdfReader(__import__("io").BytesIO(pdf)).pages
    assert "电话报告记录单" in pages[-1].extract_text()
    target = tmp_path / "fax.tif"
    window.outputs.sending.save_fax_tiff(str(target))
    qtbot.waitUntil(target.exists, timeout=30000)
    assert target.read_bytes()[:4] in (b"II*\x00", b"MM\x00*")


def test_recording_keeps_the_receipt_and_the_package_and_shows_what_is_owed(
        qtbot, window, storage, tmp_path):
    cards = _preview(qtbot, window)
    window.outputs.generate_package(tmp_path)
    qtbot.waitUntil(lambda: bool(storage.packages(window.model.draft.id)), timeout=30000)
    package = storage.packages(window.model.draft.id)[0]
    scan = tmp_path / "fax-report.png"
    scan.write_bytes(b"\x89PNG transmission report")
    dialog = window.outputs.record_submission()
    assert str(package.out_dir) in dialog.findChild(QObject, "submission-package").text()
    assert dialog.sent_by.text() == "刘洋" or dialog.sent_by.text() == ""
    combo = dialog.findChild(QComboBox, "submission-channel")
    combo.setCurrentIndex(combo.findData("fax"))
    dialog.sent_at.setDateTime(QDateTime(QDate(2026, 11, 18), QTime(17, 40), QTimeZone(8 * 3600)))
    dialog.sent_by.clear()
    commit_text(dialog.sent_by, "刘洋")
    commit_text(dialog.reference, "A-17")
    commit_text(dialog.person, "王女士")
    dialog.choose_file(str(scan))
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: window.header.state == "sent", timeout=30000)
    (record,) = storage.records()
    body = record.body
    assert (body["channel"], body["sent_by"]) == ("fax", "刘洋")
    assert body["receipt"] == {"reference": "A-17", "person": "王女士", "message_id": ""}
    assert body["package"]["manifest_sha256"] == package.manifest_sha256
    assert body["due"] == "2026-11-18T18:05:00+08:00"
    assert storage.verify_records().ok
    assert (storage.data_root / body["receipt_file"]["path"]).read_bytes() == scan.read_bytes()
    cards.setCurrentIndex(5)
    text = cards.owed_text.text()
    assert "总结报告" in text and "补报第三项" in text and "续报" in text
    ics = window.outputs.sending.export_calendar(str(tmp_path / "owed.ics"))
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 3
    # 文件 → 导出报送记录 opens a save dialog; the PDF names the sending and its receipt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    action = next(a for a in window.findChildren(QAction)
                  if a.objectName() == "action-export-log")
    action.trigger()
    chooser = window.findChild(QFileDialog, "export-log-dialog")
    assert chooser is not None and chooser.isVisible()
    chooser.selectFile(str(tmp_path / "log.pdf"))
    chooser.accept()
    assert (tmp_path / "log.pdf").exists()
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "log.pdf").pages)
    text = text.replace("\n", "")
    assert "报送记录" in text and "受理编号 A-17" in text and "按时" in text
    assert "记录链校验：完整" in text


def test_reports_list_puts_what_is_due_next_first(qtbot, window, storage):
    from composer.core.draft import Draft

    ids = {}
    for name in ("phishing-general.json", "cii-grid-outage.json", "central-organ-leak.json"):
        ids[name] = storage.save_draft(Draft(data=json.loads(
            (EXAMPLES / name).read_text("utf-8"))))
    dialog = window.show_reports()
    order = [int(dialog.table.item(r, 0).text().lstrip("#").split()[0])
             for r in range(dialog.table.rowCount())]
    # cii (due 03:10 on 11-19) before the central organ (due 18:45 on 11-20); the general
    # incident's voluntary report has no deadline
    assert order.index(ids["cii-grid-outage.json"]) < order.index(ids["central-organ-leak.json"])
    assert order.index(ids["central-organ-leak.json"]) < order.index(ids["phishing-general.json"])
    dialog.close()


def test_submission_dialog_asks_for_the_receipt_that_fits_the_channel(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    dialog = window.outputs.record_submission()
    combo = dialog.findChild(QComboBox, "submission-channel")
    for channel, message_id, person, file in (("email", True, False, True),
                                              ("hotline", False, True, False),
                                              ("fax", False, True, True)):
        combo.setCurrentIndex(combo.findData(channel))
        assert dialog.message_id.isVisibleTo(dialog) is message_id, channel
        assert dialog.person.isVisibleTo(dialog) is person, channel
        assert dialog.file_button.isVisibleTo(dialog) is file, channel
    combo.setCurrentIndex(combo.findData("email"))
    commit_text(dialog.message_id, "<typed-first@x>")
    combo.setCurrentIndex(combo.findData("hotline"))       # then the channel was corrected
    commit_text(dialog.reference, "B-9")
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    value = dialog.result_value
    assert (value.channel, value.reference, value.message_id) == ("hotline", "B-9", "")
    qtbot.waitUntil(lambda: bool(window.storage.records()), timeout=30000)
    # said on the phone: the kept package holds the phone script that was read out
    kept = window.storage.kept_package(window.model.draft.id)
    assert "约一百二十万人" in (kept / "script.txt").read_text("utf-8")
    assert window.storage.verify_records().ok


def _outside_viewport(card) -> list[str]:
    """Every visible button of a channel card whose rectangle is not fully inside the card's
    visible viewport (cut off at an edge)."""
    from PySide6.QtCore import QPoint, QRect
    viewport = card.viewport()
    inner = card.widget()
    bad = []
    for button in inner.findChildren(QPushButton):
        if not button.isVisibleTo(inner):
            continue
        rect = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
        # rows below the fold scroll into view vertically; across, nothing may stick out
        if rect.left() < 0 or rect.right() > viewport.rect().right():
            bad.append(f"{button.objectName()} {rect.getRect()} in {viewport.width()} px")
    return bad


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_web_card_copy_buttons_are_not_cut_off(qtbot, window, lang, size):
    from PySide6.QtWidgets import QApplication
    window.resize(*size)
    if lang == "en":
        window.set_language("en")
    cards = _preview(qtbot, window)
    cards.setCurrentIndex(4)
    card = cards.findChild(QScrollArea, "card-web")
    qtbot.waitUntil(lambda: card.isVisible() and bool(cards.field_boxes), timeout=60000)
    settle()
    width = card.viewport().width()
    assert width < size[0] and _outside_viewport(card) == []
    # the rows are rebuilt (an edit, a language switch) while the width changes: the rows
    # taken out must not stay drawn at their old, wider place until the event loop deletes
    # them (processEvents runs resizes and layouts, not the deferred deletes)

    def settle_at(expected: int) -> None:
        deadline = time.monotonic() + 60     # a guard only: it waits for the width itself
        while card.viewport().width() != expected and time.monotonic() < deadline:
            QApplication.processEvents()
        QApplication.processEvents()
        assert card.viewport().width() == expected
    window.resize(size[0] + 200, size[1])
    settle_at(width + 200)
    window.resize(*size)
    cards.refresh()
    settle_at(width)
    copies = [b for b in card.widget().findChildren(QPushButton)
              if b.objectName().startswith("copy-") and b.isVisibleTo(card.widget())]
    assert _outside_viewport(card) == []
    assert len(copies) == len(cards.field_boxes) >= 8
    window.resize(size[0] - 300, size[1])   # narrower still: the rows shrink, never clip
    settle_at(width - 300)
    assert _outside_viewport(card) == []
