"""Recording a sending in the app: whom it reached (the 记录报送 dialog's recipient choice), a
correction shown as such in the reports list and the 报送记录, one way to build a package (the
unit's settings, byte for byte the package named), and a save refused from a stale revision."""

from __future__ import annotations

import json
from pathlib import Path

from gui_helpers import EXAMPLES, click, commit_text, field
from pypdf import PdfReader
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QPushButton, QTableWidget

from composer.core.flow import Step
from composer.core.storage import Storage
from composer.gui import packaging
from composer.gui.autosave import AUTOSAVE_MS
from composer.gui.conflict_dialog import ConflictDialog
from composer.gui.submission_dialog import SubmissionDialog

CII = EXAMPLES / "cii-grid-outage.json"


def _save(qtbot, dialog: SubmissionDialog, channel: str, hour: int, minute: int) -> None:
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel))
    dialog.sent_at.setDateTime(QDateTime(QDate(2026, 11, 18), QTime(hour, minute),
                                         QTimeZone(8 * 3600)))
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))


def test_the_dialog_offers_the_units_recipients_and_the_intake(qtbot, window, storage):
    assert window.open_file(CII)
    dialog = window.outputs.record_submission()
    combo = dialog.findChild(QComboBox, "submission-recipient")
    items = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    assert items == [("protection_department", "保护工作部门（国家能源局）"),
                     ("public_security", "公安机关"), ("intake", "12387 受理平台")]
    assert combo.currentData() == "intake"                     # a fax reaches the intake
    dialog.channel.setCurrentIndex(dialog.channel.findData("other"))
    assert combo.currentData() == "protection_department"     # handed over directly
    combo.setCurrentIndex(combo.findData("public_security"))
    combo.activated.emit(combo.currentIndex())                # the user's own choice …
    dialog.channel.setCurrentIndex(dialog.channel.findData("fax"))
    assert combo.currentData() == "public_security"           # … is kept
    dialog.channel.setCurrentIndex(dialog.channel.findData("other"))
    _save(qtbot, dialog, "other", 17, 40)
    qtbot.waitUntil(lambda: len(storage.records()) == 1, timeout=60000)
    (record,) = storage.records()
    assert record.body["recipient"] == "public_security"
    assert record.body["recipient_name"] == "公安机关"
    assert storage.history(window.model.draft.id)[0].recipient == "public_security"


def test_a_correction_reads_as_such_in_the_reports_list_and_the_record(qtbot, window, storage,
                                                                        tmp_path):
    assert window.open_file(CII)
    _save(qtbot, window.outputs.record_submission(), "fax", 17, 40)
    qtbot.waitUntil(lambda: len(storage.records()) == 1, timeout=60000)
    assert window.model.read_only                          # a sent report is a record
    first = window.model.draft.id
    window.outputs.start_correction()
    fixed = window.model.draft.id
    assert fixed != first and window.model.draft.data.get("correction") is True
    _save(qtbot, window.outputs.record_submission(), "fax", 18, 20)
    qtbot.waitUntil(lambda: len(storage.records()) == 2, timeout=60000)
    reports = window.show_reports()
    table = reports.findChild(QTableWidget, "reports-table")
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).text().startswith(f"#{fixed}"))
    assert table.item(row, 1).text() == "首报（更正）"
    assert table.item(row, 5).text() == (
        f"更正 #{first} 于 2026-11-18 17:40 的报送：2026-11-18 18:20 传真 → 12387 受理平台")
    reports.close()
    out = tmp_path / "报送记录.pdf"
    assert window.outputs.sending.export_log(str(out)) == out
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
    assert f"#{fixed} 首报（更正）" in text and f"更正 #{first} 的报送（记录 1" in text
    assert "12387 受理平台" in text and "010-82992387" in text


def test_the_hotline_keeps_the_package_named_in_the_dialog(qtbot, window, storage, tmp_path):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.wizard.go_to(int(Step.PREVIEW))
    window.outputs.generate_package(tmp_path)
    qtbot.waitUntil(lambda: bool(storage.packages(window.model.draft.id)), timeout=60000)
    package = storage.packages(window.model.draft.id)[0]
    assert (Path(package.out_dir) / "script.txt").is_file()    # every package has the script
    dialog = window.outputs.record_submission()
    dialog.channel.setCurrentIndex(dialog.channel.findData("hotline"))
    named = dialog.findChild(QLabel, "submission-package").text()
    assert named.endswith(package.out_dir)
    _save(qtbot, dialog, "hotline", 17, 40)
    qtbot.waitUntil(lambda: window.header.state == "sent", timeout=60000)
    (record,) = storage.records()
    assert record.body["package"]["manifest_sha256"] == package.manifest_sha256
    kept = storage.data_root / record.body["package"]["path"]
    for entry in record.body["package"]["files"]:
        assert (kept / entry["path"]).read_bytes() == (
            Path(package.out_dir) / entry["path"]).read_bytes()


def test_every_package_goes_through_the_one_function_with_the_units_settings(
        qtbot, window, storage, tmp_path, monkeypatch):
    """Printing, 生成 and recording a sending all write through packaging.write, with the
    stored extra recipients and the chosen report typefaces."""
    from composer.gui import font_setting
    from composer.render.font_files import FontChoice

    storage.save_setting(packaging.EMAIL_RECIPIENTS, ["ciso@example.cn"])
    chosen = FontChoice(body=str(tmp_path / "gone.ttf"))   # refused now: falls back, still used
    font_setting.save_choice(storage, chosen.to_json())     # as the profile page stores it
    seen = []
    real = packaging.write

    def spy(report, out_dir, *, settings, generated_at, progress=None):
        seen.append((Path(out_dir).parent.name, settings))
        return real(report, out_dir, settings=settings, generated_at=generated_at,
                    progress=progress)
    monkeypatch.setattr(packaging, "write", spy)
    printed = []
    monkeypatch.setattr(window.outputs, "print_pdf", lambda pdf, title: printed.append(title))
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.outputs.print_document("report")                          # no package yet: one is made
    qtbot.waitUntil(lambda: bool(printed), timeout=60000)
    window.outputs.print_document("script")                          # the same package is reused
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=60000)
    out = tmp_path / "chosen"
    out.mkdir()
    window.outputs.generate_package(out)
    qtbot.waitUntil(lambda: len(storage.packages(window.model.draft.id)) == 2, timeout=60000)
    assert [where for where, _ in seen] == ["outbox", "chosen"]
    assert all(s == packaging.UnitSettings(("ciso@example.cn",), chosen) for _, s in seen)
    (made,) = (d for d in out.iterdir() if not d.name.startswith("."))
    manifest = json.loads((made / "manifest.json").read_bytes())
    assert [f["path"] for f in manifest["files"]][-2:] == ["script.txt", "script.pdf"]
    eml = (made / "message.eml").read_bytes()
    assert b"ciso@example.cn" in eml


def test_a_save_from_a_stale_revision_shows_both_versions_and_keeps_the_users_text(
        qtbot, window, storage):
    assert window.open_file(EXAMPLES / "phishing-general.json")
    assert window.save_now(orderly=True)
    draft_id = window.model.draft.id
    other = Storage(storage.path)                     # another Composer on the same folder
    theirs = other.load_draft(draft_id)
    theirs.set("incident.title", "另一窗口改的标题")
    other.save_draft(theirs)
    other.close()
    window.wizard.go_to(int(Step.BASIC))
    title = field(window, "incident.title")
    title.selectAll()
    commit_text(title, "本窗口改的标题")
    qtbot.waitUntil(lambda: window.autosaver.conflict is not None, timeout=AUTOSAVE_MS + 3000)
    dialog = window.autosaver.conflict
    assert isinstance(dialog, ConflictDialog)
    table = dialog.findChild(QTableWidget, "conflict-table")

    def rows():
        return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    qtbot.waitUntil(lambda: ["事件名称", "另一窗口改的标题", "本窗口改的标题"] in rows(),
                    timeout=AUTOSAVE_MS + 3000)                 # the latest text of each
    assert storage.load_draft(draft_id).title == "另一窗口改的标题"     # nothing overwritten
    assert window.model.draft.title == "本窗口改的标题"                  # nothing lost
    click(qtbot, dialog.findChild(QPushButton, "conflict-keep-mine"))
    qtbot.waitUntil(lambda: storage.load_draft(draft_id).title == "本窗口改的标题",
                    timeout=5000)
    assert window.autosaver.error is None
