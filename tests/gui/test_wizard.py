"""Driving the real wizard as a user would, through a whole report to a package on disk."""

from __future__ import annotations

import json
import os
from email import message_from_bytes
from email.policy import default

from gui_helpers import choose, click, click_next, commit_text, field, settle, type_into
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QPushButton, QRadioButton, QWizard

from composer.core.flow import Step


def fill_profile(window) -> None:
    type_into(window, "operator.name", "华东优选零售有限公司")
    choose(window, "operator.kind", "other")
    choose(window, "operator.province", "浙江省")
    type_into(window, "operator.contact.name", "刘洋")
    type_into(window, "operator.contact.phone", "010-66668888")


def fill_basic(window) -> None:
    type_into(window, "incident.title", "会员系统遭勒索病毒攻击")
    choose(window, "incident.category", "ransomware")
    type_into(window, "incident.description", "服务器文件被加密，出现勒索信。")
    type_into(window, "incident.ransom.amount", "3 BTC")


def test_whole_report_to_package(qtbot, window, storage, tmp_path, monkeypatch):
    wiz = window.wizard
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    assert wiz.currentId() == Step.PROFILE
    assert not next_button.isEnabled()  # nothing typed yet
    fill_profile(window)
    assert next_button.isEnabled()
    type_into(window, "email-recipients", "soc@example.cn， not-an-address")
    assert not next_button.isEnabled()
    assert "not-an-address" in field(window, "email-recipients#error", QLabel).text()
    field(window, "email-recipients").clear()
    type_into(window, "email-recipients", "soc@example.cn, regulator@example.gov.cn")
    assert next_button.isEnabled()
    click_next(qtbot, wiz)
    assert storage.load_profile()["name"] == "华东优选零售有限公司"
    assert storage.load_setting("email_recipients") == ["soc@example.cn",
                                                        "regulator@example.gov.cn"]

    assert wiz.currentId() == Step.BASIC
    assert not field(window, "ransom-box").isVisible()
    assert field(window, "incident.discovered_at").value().endswith("+08:00")
    fill_basic(window)
    assert field(window, "ransom-box").isVisible()
    click_next(qtbot, wiz)

    assert wiz.currentId() == Step.IMPACT
    hint = field(window, "impact_facts.personal_info_leaked#hint", QLabel)
    assert "较大：公民个人信息泄露 ≥ 1,000,000 人" in hint.text()
    type_into(window, "impact_facts.personal_info_leaked", "1200000")
    assert "较大" in field(window, "live-level", QLabel).text()
    click_next(qtbot, wiz)

    assert wiz.currentId() == Step.GRADING
    assert field(window, "grading-level", QLabel).text() == "事件级别：较大"
    assert "公民个人信息泄露" in field(window, "grading-reasons", QLabel).text()
    assert not field(window, "confirm-level", QCheckBox).isVisible()  # confirmed criterion
    click_next(qtbot, wiz)

    assert wiz.currentId() == Step.RECIPIENTS
    table = window.findChild(object, "obligations")
    assert table.item(0, 1).text() == "浙江省网信办"
    assert "12387@cert.org.cn" in field(window, "channels", QLabel).text()
    header = window.header
    assert header.state == "ok" and "剩余" in header.countdown.text()
    click_next(qtbot, wiz)

    assert wiz.currentId() == Step.HANDLING
    type_into(window, "incident.cause", "弱口令被利用。")
    click_next(qtbot, wiz)

    assert wiz.currentId() == Step.PREVIEW
    page = wiz.pages[Step.PREVIEW]
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=30000)
    assert page.pdf.startswith(b"%PDF") and page.pages.labels
    click(qtbot, field(window, "generate-package", QPushButton))
    picker = window.findChild(QFileDialog, "package-folder-dialog")
    assert picker.isVisible() and picker.directory().absolutePath() != os.getcwd()
    picker.setDirectory(str(tmp_path))
    picker.accept()
    qtbot.waitUntil(lambda: window.outputs.last_package is not None, timeout=60000)
    out = window.outputs.last_package
    assert out.parent == tmp_path
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in manifest["files"]} >= {"report.pdf", "message.eml",
                                                      "fax/fax.tif"}
    mail = message_from_bytes((out / "message.eml").read_bytes(), policy=default)
    assert [a.addr_spec for a in mail["To"].addresses] == [
        "12387@cert.org.cn", "soc@example.cn", "regulator@example.gov.cn"]
    (rec,) = storage.packages(window.model.draft.id)
    assert rec.out_dir == str(out) and len(rec.manifest_sha256) == 64
    assert field(window, "open-folder", QPushButton).isEnabled()
    saved = storage.load_draft(window.model.draft.id)
    assert saved.get("incident.cause") == "弱口令被利用。"
    assert saved.step == Step.PREVIEW


def test_fast_path_skips_handling(qtbot, window):
    wiz = window.wizard
    fill_profile(window)
    click_next(qtbot, wiz)
    fill_basic(window)
    click_next(qtbot, wiz)
    type_into(window, "impact_facts.personal_info_leaked", "2000000")
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    assert wiz.currentId() == Step.RECIPIENTS
    fast = field(window, "fast-path", QRadioButton)
    click(qtbot, fast)
    assert window.model.draft.fast_path
    # Art. 7 ¶2: items 1-2 must really be there (filled in or marked 暂不掌握)
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    summary = wiz.pages[Step.RECIPIENTS].summary.text()
    assert "暂不掌握" in summary and "事件地点" in summary and "支付方式" in summary
    for _ in range(3):
        wiz.back()
    assert wiz.currentId() == Step.BASIC
    type_into(window, "incident.systems", "会员管理系统")
    type_into(window, "incident.impact", "会员服务中断。")
    type_into(window, "incident.measures", "已断网隔离。")
    for key in ("location", "ransom.method", "ransom.demanded_at"):
        click(qtbot, field(window, f"incident.{key}#unknown", QCheckBox))
    assert window.model.draft.get("incident.not_yet_known") == [
        "location", "ransom.method", "ransom.demanded_at"]
    systems_mark = field(window, "incident.systems#unknown", QCheckBox)
    assert systems_mark.isVisible() and not systems_mark.isEnabled()  # filled: stays, greyed
    for _ in range(3):
        click_next(qtbot, wiz)
    assert wiz.currentId() == Step.RECIPIENTS and next_button.isEnabled()
    click_next(qtbot, wiz)
    assert wiz.currentId() == Step.PREVIEW  # handling & analysis skipped
    rows = [window.findChild(object, "obligations").item(r, 0).text()
            for r in range(window.findChild(object, "obligations").rowCount())]
    assert "补报第（三）至（八）项" in rows
    qtbot.waitUntil(lambda: wiz.pages[Step.PREVIEW].pdf is not None, timeout=30000)
    report = window.model.draft.report()
    from composer.core import art7
    assert art7.reports_first_two_items(report)


def test_police_report_is_recorded_as_stated(qtbot, window):
    wiz = window.wizard
    fill_profile(window)
    click_next(qtbot, wiz)
    type_into(window, "incident.title", "会员系统遭勒索病毒攻击")
    assert not field(window, "incident.police_report.status").isVisible()
    click(qtbot, field(window, "incident.suspected_crime", QCheckBox))
    assert field(window, "incident.police_report.status").isVisible()
    assert not field(window, "incident.police_report.to").isVisible()
    choose(window, "incident.police_report.status", "reported")
    assert field(window, "incident.police_report.to").isVisible()
    assert window.model.draft.report() is None           # reported: the time is required
    type_into(window, "incident.police_report.to", "杭州市公安局网警支队")
    known = field(window, "incident.police_report.at").known
    click(qtbot, known)
    report = window.model.draft.report()
    assert report is not None and report.incident.police_report.to == "杭州市公安局网警支队"
    assert report.incident.police_report.at is not None


def test_inline_errors_in_chinese(qtbot, window):
    type_into(window, "operator.name", "某公司")
    type_into(window, "operator.contact.phone", "abc")
    error = field(window, "operator.contact.phone#error", QLabel)
    assert "不是有效的电话号码" in error.text()
    assert "不是有效的电话号码" in field(window, "operator.contact.phone").accessibleDescription()
    assert not error.isVisible()    # nothing moves while typing: it shows on leaving the field
    type_into(window, "operator.credit_code", "12345")
    assert error.isVisible()
    assert "应为 18 位" in field(window, "operator.credit_code#error", QLabel).text()
    summary = field(window, "step-summary", QLabel)
    assert summary.isVisible() and "单位类型" in summary.text()


def test_unverified_level_must_be_confirmed(qtbot, window):
    wiz = window.wizard
    fill_profile(window)
    click_next(qtbot, wiz)
    type_into(window, "incident.title", "门户网站被篡改")
    click_next(qtbot, wiz)
    type_into(window, "impact_facts.people_services_affected", "150000")  # 较大, one source
    click_next(qtbot, wiz)
    assert wiz.currentId() == Step.GRADING
    notice = field(window, "grading-notice", QLabel)
    assert notice.isVisible() and "依据未核实，请对照原文" in notice.text()
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    confirm = field(window, "confirm-level", QCheckBox)
    click(qtbot, confirm)
    assert window.model.draft.confirmed_level == "relatively_major"
    assert next_button.isEnabled()
    assert "仅按已核实的标准，定级为“一般”" in notice.text()
    # the confirmation travels into the report (PDF, e-mail, manifest say "confirmed")
    report = window.model.draft.report()
    assert report.level_confirmed.value == "relatively_major"
    assert not window.model.draft.classification().unconfirmed


def test_number_field_rejects_text_inline(qtbot, window):
    wiz = window.wizard
    fill_profile(window)
    click_next(qtbot, wiz)
    type_into(window, "incident.title", "测试")
    click_next(qtbot, wiz)
    type_into(window, "impact_facts.direct_loss_yuan", "很多")
    assert "必须是数字" in field(window, "impact_facts.direct_loss_yuan#error", QLabel).text()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    line = field(window, "impact_facts.direct_loss_yuan")
    line.clear()
    commit_text(line, "１，２００")  # noqa: RUF001 (full-width digits and comma are fine)
    assert window.model.draft.get("impact_facts.direct_loss_yuan") == 1200


def test_accessible_names_and_buddies(window):
    from PySide6.QtWidgets import QLineEdit
    for page in window.wizard.pages.values():
        for path, (widget, _) in page._fields.items():
            assert widget.accessibleName(), path
            label, _ = page._labels[path]
            assert label.buddy() is widget, path
    assert all(w.focusPolicy() != 0 for w in window.findChildren(QLineEdit))


def test_pages_are_built_on_first_visit_without_a_window_of_their_own(qtbot, window):
    """Only the first page is built with the window (issue 14: the first window waits for
    nothing else); a page built later never flashes a top-level window of its own, and the
    main window keeps the keyboard (a stray window once took it: no field had focus)."""
    from gui_helpers import EXAMPLES
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    built = {step: page.is_built for step, page in window.wizard.pages.items()}
    assert built[Step.PROFILE] and not any(v for s, v in built.items() if s != Step.PROFILE)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    class Windows(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[str] = []

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) \
                    and obj.isWindow() and obj is not window:
                self.shown.append(f"{type(obj).__name__} {obj.objectName()}")
            return False

    spy = Windows()
    QApplication.instance().installEventFilter(spy)
    try:
        assert window.open_file(EXAMPLES / "ransomware-retailer.json")
        window.wizard.go_to(int(Step.PREVIEW))
        assert window.wizard.currentId() == Step.PREVIEW
        pages = window.wizard.pages
        # the pages walked past are built when first shown, not on the way (issue 19)
        assert pages[Step.PREVIEW].is_built and not pages[Step.GRADING].is_built
        while window.wizard.currentId() != Step.PROFILE:
            window.wizard.back()
            page = window.wizard.currentPage()
            assert page.is_built and page.isVisible(), page.title()
            assert page.findChild(QWidget, "step-summary").isVisible()
        assert all(page.is_built for page in pages.values())
        settle()
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == []
    assert QApplication.activeWindow() is window
