"""Step 7: the real PDF pages, and the output actions (package, print, export)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from composer.core import flow
from composer.core.draft import field_label
from composer.core.obligations import CHINA_TZ, lateness
from composer.gui import i18n
from composer.gui.channels import ChannelCards
from composer.gui.model import DraftModel
from composer.gui.operations import run_operation
from composer.gui.page_base import StepPage
from composer.gui.preview import PagesView, rasterise
from composer.render.checks import removed_fields, sender_warnings, unprintable_fields


def render_pdf(draft_report, classification) -> bytes:  # type: ignore[no-untyped-def]
    from composer.gui.font_setting import typeface_for_render
    from composer.render.pdf import render_report_pdf

    return render_report_pdf(draft_report, classification,
                             generated_at=datetime.now(CHINA_TZ).replace(microsecond=0),
                             typeface=typeface_for_render())


class PreviewPage(StepPage):
    """Shows the report PDF as it will be sent.

    Signals: generateRequested(), printRequested(str "report" | "fax"), exportRequested(),
    openFolderRequested(), submissionRequested(), previewReady(int pages).
    """

    step = flow.Step.PREVIEW
    generateRequested = Signal()
    printRequested = Signal(str)
    exportRequested = Signal()
    openFolderRequested = Signal()
    submissionRequested = Signal()
    previewReady = Signal(int)

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("预览与输出"))
        self.setSubTitle(self.tr("下面是将要报送的报告。生成的材料包含 PDF 报告、电子邮件草稿和传真件。"))
        self.pdf: bytes | None = None
        buttons = QHBoxLayout()
        self.generate = self._button("generate-package", self.tr("生成报送材料包…"),
                                     self.generateRequested.emit)
        self.open_folder = self._button("open-folder", self.tr("打开文件夹"),
                                        self.openFolderRequested.emit)
        self.open_folder.setEnabled(False)
        self.print_report = self._button("print-report", self.tr("打印报告…"),
                                         lambda: self.printRequested.emit("report"))
        self.print_fax = self._button("print-fax", self.tr("打印传真件…"),
                                      lambda: self.printRequested.emit("fax"))
        self.export = self._button("export-json", self.tr("导出事件文件…"),
                                   self.exportRequested.emit)
        self.record = self._button("record-submission", self.tr("记录已报送…"),
                                   self.submissionRequested.emit)
        for b in (self.generate, self.open_folder, self.print_report, self.print_fax,
                  self.export, self.record):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("package-status")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self._add_delay_reason()
        self.warnings = QLabel()
        self.warnings.setObjectName("print-warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #a00000;")
        self.warnings.hide()
        self.body.addWidget(self.warnings)
        self.pages = PagesView()
        self.pages.setMinimumHeight(360)
        self.channels = ChannelCards(self.model, self.pages)  # the pages are its first tab
        self.body.addWidget(self.channels, 1)

    def _add_delay_reason(self) -> None:
        """Made after the governing deadline: ask why (迟报原因); the report, the fax cover and
        the e-mail state the delay and this reason."""
        self.late = QLabel()
        self.late.setObjectName("late-notice")
        self.late.setWordWrap(True)
        self.late.setStyleSheet("color: #a4262c; font-weight: bold;")
        self.late.hide()
        self.body.addWidget(self.late)
        form = self.new_form()
        self.add_text(form, "incident.delay_reason", self.tr("迟报原因"),
                      self.tr("例如：值班人员未及时发现告警，次日上班后才确认事件"), lines=2)
        self.late_timer = QTimer(self)
        self.late_timer.setInterval(30_000)
        self.late_timer.timeout.connect(self._show_late)
        self.late_timer.start()
        self._reason_shown = self.model.draft.get("incident.delay_reason")
        self.rerender = QTimer(self)   # the preview follows the reason as it is typed
        self.rerender.setSingleShot(True)
        self.rerender.setInterval(800)
        self.rerender.timeout.connect(self.render)

    def now(self) -> datetime:
        return datetime.now(CHINA_TZ)

    def _show_late(self) -> None:
        c = self.model.draft.classification()
        report = self.model.draft.report()
        late = (lateness(report, c.duties, self.now())
                if report is not None and c is not None and c.grading.reportable else None)
        reason = str(self.model.draft.get("incident.delay_reason") or "").strip()
        self.set_row_visible("incident.delay_reason", late is not None or bool(reason))
        if late is None:
            self.late.hide()
            return
        due = late.obligation.due.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        text = self.tr("⚠ 已超过报告时限（%1）%2。请填写迟报原因：报告、传真封面和电子邮件将如实"
                       "说明迟报及其原因。").replace("%1", due).replace(
            "%2", i18n.pick(late.zh, late.en))
        if reason:
            text = self.tr("已超过报告时限（%1）%2；报告将说明迟报及其原因。").replace(
                "%1", due).replace("%2", i18n.pick(late.zh, late.en))
        self.late.setText(text)
        self.late.show()

    def refresh(self) -> None:
        self._show_late()
        reason = self.model.draft.get("incident.delay_reason")
        if reason != self._reason_shown:
            self._reason_shown = reason
            if self.isVisible():
                self.rerender.start()

    def _button(self, name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def initializePage(self) -> None:
        super().initializePage()
        self.render()
        self.channels.refresh()

    def render(self) -> None:
        report = self.model.draft.report()
        classification = self.model.draft.classification()
        self.pdf = None
        if report is None or classification is None:
            self.pages.set_message(self.tr("报告还有问题，无法预览。"))
            return
        self._show_unprintable(report)
        self.pages.set_message(self.tr("正在生成预览…"))

        def work() -> tuple[bytes, list]:  # type: ignore[type-arg]
            pdf = render_pdf(report, classification)
            return pdf, rasterise(pdf)

        run_operation(self, self.tr("正在生成预览…"), work,
                      on_success=self._rendered, on_failure=self._failed)

    def _show_unprintable(self, report) -> None:  # type: ignore[no-untyped-def]
        """Name every character the bundled fonts cannot print, by field (else it prints as a
        blank box and nobody notices until the fax arrives)."""
        fields = unprintable_fields(report)
        removed = removed_fields(report)
        sender = sender_warnings(report)
        if not fields and not removed and not sender:
            self.warnings.hide()
            return
        lines = []
        if fields:
            lines.append(self.tr("⚠ 以下字符无法用内置字体打印，在 PDF 和传真中会印成"
                                 "〔U+编码〕占位符，请改写："))
            for path, missing in fields:
                names = ", ".join(f"“{ch}” {name}" for ch, name in missing)
                lines.append(f"• {i18n.pick(field_label(path), path)}：{names}")
        if removed:
            lines.append(self.tr("⚠ 以下不可见的控制字符不会出现在 PDF 和传真中（电子邮件正文保留）："))
            for path, found in removed:
                lines.append(f"• {i18n.pick(field_label(path), path)}：{', '.join(found)}")
        if sender:
            lines.append(self.tr("⚠ 联系人电子邮箱不能用作邮件草稿的发件人，草稿将不含发件人："))
            path = "operator.contact.email"
            lines.append(f"• {i18n.pick(field_label(path), path)}："
                         f"{report.operator.contact.email}")
        self.warnings.setText("\n".join(lines))
        self.warnings.show()

    def _rendered(self, result) -> None:  # type: ignore[no-untyped-def]
        self.pdf, images = result
        self.pages.set_pages(images)
        self.previewReady.emit(len(images))

    def _failed(self, exc: Exception) -> None:
        self.pages.set_message(self.tr("无法生成预览：") + str(exc))

    def set_generated(self, out_dir: Path) -> None:
        self.open_folder.setEnabled(True)
        self.status.setText(self.tr("材料包已生成：") + str(out_dir))
