"""The preview follows typing in the background, drops stale renders, and real progress
shows in the operation popup (issue 14)."""

from __future__ import annotations

import json
import threading

from gui_helpers import EXAMPLES, after_timers_due, settle, type_into
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from composer.core.draft import Draft
from composer.core.flow import Step
from composer.gui import operations
from composer.gui.page_preview import PreviewPage


def _preview(window) -> PreviewPage:
    return window.wizard.pages[Step.PREVIEW]


def _settled(page: PreviewPage) -> bool:
    """A preview is shown and no render is wanted or running."""
    return page.pdf is not None and page._inflight is None and not page._debounce.isActive()


def test_preview_follows_typing_and_drops_stale_renders(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.wizard.go_to(int(Step.PREVIEW))
    page = _preview(window)
    qtbot.waitUntil(lambda: _settled(page), timeout=30000)
    first = page.rendered_report
    window.wizard.go_to(int(Step.BASIC))
    landed = []
    page.previewReady.connect(lambda n: landed.append(page.rendered_report))
    type_into(window, "incident.description", "甲")
    assert page.pdf is None            # out of date at once: printing re-renders
    type_into(window, "incident.description", "乙")
    qtbot.waitUntil(lambda: _settled(page), timeout=30000)
    final = window.model.draft.report()
    assert page.rendered_report == final != first
    assert final.incident.description.startswith("甲乙")  # typed at the cursor
    # every preview that landed was of the newest draft at the time; the last is the final one
    assert landed and landed[-1] == final
    assert all(r.incident.description.startswith("甲") for r in landed)
    assert page.pages.labels and page.pages.labels[0].pixmap() is not None


def test_preview_does_not_render_before_it_was_shown(qtbot, window):
    """Typing on the first pages starts no background render (the preview was never shown)."""
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    window.load_draft(Draft(data=data), step=int(Step.BASIC))
    assert window.wizard.currentId() == Step.BASIC
    page = _preview(window)
    type_into(window, "incident.description", "丙")
    settle()
    assert page._inflight is None and not page._debounce.isActive()   # none started, none due
    assert page.rendered_report is None


def test_step_change_alone_does_not_rerender(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.wizard.go_to(int(Step.PREVIEW))
    page = _preview(window)
    qtbot.waitUntil(lambda: _settled(page), timeout=30000)
    shown = page.rendered_report
    window.model.set_step(int(Step.BASIC))
    assert page.pdf is not None and not page._debounce.isActive()
    assert page.rendered_report is shown


def test_invalid_draft_says_so_instead_of_a_stale_preview(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    window.wizard.go_to(int(Step.PREVIEW))
    page = _preview(window)
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=30000)
    window.wizard.go_to(int(Step.PROFILE))
    window.model.set("operator.contact.phone", "not a phone")
    qtbot.waitUntil(lambda: page.rendered_report is None, timeout=5000)
    assert page.pdf is None
    message = page.findChild(QLabel, "pages-message")
    assert message is not None and "无法预览" in message.text()


def test_operation_popup_shows_real_progress(qtbot, monkeypatch):
    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 50)
    release = threading.Event()
    results = []

    def work(progress):
        progress(3, 10, "第 3 页，共 10 页")
        release.wait(10)
        return "done"

    op = operations.run_operation(None, "slow", work, on_success=results.append,
                                  on_failure=results.append, progress=True)
    qtbot.waitUntil(lambda: op._progress is not None and op._progress.maximum() == 10,
                    timeout=5000)
    assert op._progress.value() == 3 and op._progress.labelText() == "第 3 页，共 10 页"
    release.set()
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert results == ["done"] and op._progress is None


def test_package_progress_in_the_ui_language():
    seen = []
    stage = operations.package_progress(lambda d, t, text: seen.append((d, t, text)))
    stage("pdf", 0, 0)
    stage("fax", 2, 9)
    stage("write", 0, 0)
    assert seen == [(0, 0, "正在生成 PDF 报告…"), (2, 9, "正在生成传真件：第 2 页，共 9 页"),
                    (0, 0, "正在写入文件…")]


def test_quiet_operation_never_shows_a_popup(qtbot, monkeypatch):
    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 10)
    release = threading.Event()
    op = operations.run_operation(None, None, lambda: release.wait(60), on_success=lambda r: None,
                                  on_failure=lambda e: None)
    after_timers_due(qtbot, operations.PROGRESS_DELAY_MS)   # a popup would be shown by now
    assert op._progress is None and not op.done
    release.set()
    qtbot.waitUntil(lambda: op.done, timeout=5000)


def test_render_overtaken_by_typing_is_dropped(qtbot, window):
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    page = _preview(window)
    qtbot.waitUntil(lambda: _settled(page), timeout=30000)
    landed = []
    page.previewReady.connect(lambda n: landed.append(page.rendered_report))
    release = threading.Event()
    blocker = operations.run_operation(None, None, lambda: release.wait(10),
                                       on_success=lambda r: None, on_failure=lambda e: None)
    window.model.set("incident.title", "标题甲")
    page.render_preview()               # queued behind the blocker: in flight, soon stale
    overtaken = page._inflight
    assert overtaken is not None and overtaken.incident.title == "标题甲"
    window.model.set("incident.title", "标题乙")
    page.render_preview()
    release.set()
    qtbot.waitUntil(lambda: blocker.done and page.pdf is not None, timeout=30000)
    QThreadPool.globalInstance().waitForDone(30000)
    settle()
    assert [r.incident.title for r in landed] == ["标题乙"]
    assert page.rendered_report.incident.title == "标题乙"


def test_long_report_preview_shows_the_first_pages_and_says_so(qtbot, window, monkeypatch):
    from composer.gui import page_preview

    monkeypatch.setattr(page_preview, "PREVIEW_MAX_PAGES", 1)
    assert window.open_file(EXAMPLES / "ransomware-retailer.json")
    page = _preview(window)
    qtbot.waitUntil(lambda: _settled(page), timeout=30000)
    assert len(page.pages.labels) == 1
    note = page.findChild(QLabel, "pages-message")
    assert note is not None and "预览只显示前 1 页" in note.text()
    assert page.pdf.count(b"/Type /Page") > 1      # the PDF itself is whole


def test_preview_names_invisible_characters_removed_from_every_output(qtbot, window):
    """Issue 21: the preview's warning names what the text hygiene removed, by field, and the
    rendered report is the clean one (the draft keeps the text as typed)."""
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["operator"]["name"] = "示例\u200b数据服务有限公司"
    data["incident"]["description"] = "电话\u202e13800138000"
    window.load_draft(Draft(data=data), step=int(Step.PREVIEW))
    page = _preview(window)
    qtbot.waitUntil(lambda: _settled(page), timeout=30000)
    assert page.rendered_report.operator.name == "示例数据服务有限公司"
    assert window.model.draft.data["operator"]["name"] == "示例\u200b数据服务有限公司"
    text = page.warnings.text()
    assert not page.warnings.isHidden()
    assert "所有输出" in text and "U+200B ZERO WIDTH SPACE" in text
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in text
    assert text.count("•") == 2
