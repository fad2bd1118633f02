"""What is printed for a fax sending is byte for byte what the sending record keeps: the fax
set and the report are printed from the current package's files (fax/fax.pdf, report.pdf)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pypdf
from gui_helpers import EXAMPLES, commit_text, field
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from composer.core.flow import Step
from composer.core.obligations import CHINA_TZ
from composer.gui.printing import print_pdf_to_file
from composer.gui.submission_dialog import SubmissionInput
from composer.render.fax import page_count


def _preview(qtbot, window, name="ransomware-retailer.json"):
    assert window.open_file(EXAMPLES / name)
    window.wizard.go_to(int(Step.PREVIEW))
    page = window.wizard.pages[Step.PREVIEW]
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=30000)
    return page


def _printed(qtbot, window):
    qtbot.waitUntil(lambda: window.outputs.print_preview is not None, timeout=60000)
    dialog = window.outputs.print_preview
    pdf = dialog.pdf
    dialog.close()
    return pdf


def test_fax_set_and_report_are_printed_from_the_generated_package(qtbot, window, storage,
                                                                    tmp_path):
    _preview(qtbot, window)
    window.outputs.generate_package(tmp_path)
    qtbot.waitUntil(lambda: bool(storage.packages(window.model.draft.id)), timeout=60000)
    out = Path(storage.packages(window.model.draft.id)[0].out_dir)
    window.outputs.print_document("fax")
    fax = _printed(qtbot, window)
    assert fax == (out / "fax" / "fax.pdf").read_bytes()
    window.outputs.print_document("report")
    assert _printed(qtbot, window) == (out / "report.pdf").read_bytes()
    # and through a real QPrinter: every page of the kept fax set is printed
    printed = tmp_path / "printed.pdf"
    assert print_pdf_to_file(fax, str(printed), "fax") == page_count(fax)
    assert len(pypdf.PdfReader(str(printed)).pages) == page_count(fax)


def test_fax_printed_before_any_package_generates_the_one_the_record_keeps(qtbot, window,
                                                                           storage):
    _preview(qtbot, window)
    draft_id = window.model.draft.id
    assert storage.packages(draft_id) == []
    window.outputs.print_document("fax")
    fax = _printed(qtbot, window)
    (package,) = storage.packages(draft_id)   # generated into outbox/ and registered
    out = Path(package.out_dir)
    assert out.parent == storage.data_root / "outbox"
    assert fax == (out / "fax" / "fax.pdf").read_bytes()
    assert window.outputs.sending.valid_package() == out
    # printing again reuses that package: same bytes, same printed generation time
    window.outputs.print_document("fax")
    assert _printed(qtbot, window) == fax
    assert len(storage.packages(draft_id)) == 1
    # recording the fax sending keeps that very package
    done = []
    value = SubmissionInput("fax", datetime(2026, 11, 18, 17, 40, tzinfo=CHINA_TZ), "")
    window.outputs.recording.record_sending(draft_id, value, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    (record,) = storage.records()
    assert record.body["package"]["manifest_sha256"] == package.manifest_sha256


def test_an_edit_after_the_package_means_a_new_one(qtbot, window, storage, tmp_path):
    _preview(qtbot, window)
    window.outputs.generate_package(tmp_path)
    qtbot.waitUntil(lambda: bool(storage.packages(window.model.draft.id)), timeout=60000)
    old = Path(storage.packages(window.model.draft.id)[0].out_dir)
    assert window.outputs.sending.valid_package() == old
    window.wizard.go_to(int(Step.BASIC))
    box = field(window, "incident.measures")
    assert isinstance(box, (QPlainTextEdit, QTextEdit))
    commit_text(box, "已隔离受感染主机，并更换全部管理员口令。")
    assert "更换全部管理员口令" in window.model.draft.report().incident.measures
    assert window.outputs.sending.valid_package() is None   # the package no longer says what we'd send
    window.outputs.print_document("fax")
    fax = _printed(qtbot, window)
    new = window.outputs.sending.valid_package()
    assert new is not None and new != old
    assert fax == (new / "fax" / "fax.pdf").read_bytes()
    manifest = json.loads((new / "manifest.json").read_bytes())
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    assert listed["fax/fax.pdf"] == hashlib.sha256(fax).hexdigest()
