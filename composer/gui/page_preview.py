"""Step 7: the real PDF pages, and the output actions (package, print, export).

The preview follows the draft: once the page has been shown, every change of what would be
printed restarts a short debounce (:data:`PREVIEW_DEBOUNCE_MS`), then the PDF is rendered and
rasterised on the worker thread (never on the GUI thread, so typing is never blocked). A render
whose draft changed meanwhile stops early and its result is dropped; the newest one is shown.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from composer.core import flow
from composer.core.classify import Classification
from composer.core.model import Report
from composer.core.obligations import CHINA_TZ, lateness
from composer.core.validators import Problem
from composer.gui import i18n
from composer.gui.draft_model import DraftModel
from composer.gui.input_widgets import action_button, field_name
from composer.gui.page_base import StepPage

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

# The page's widgets (channel cards, the pages view) and the render checks are imported when
# the page is first built or rendered, not with the first window (issue 14).

PREVIEW_DEBOUNCE_MS = 20
"""Quiet time after the last change before the preview is regenerated. bench_preview.py, 5-page
report: 40 ms gave the preview 91 ms after the last key, 20 ms gives 73 ms, with key latency
unchanged (a render outdated by the next key stops early)."""
PREVIEW_MAX_PAGES = 30
"""Pages rasterised for the preview (each costs a few MB); the PDF itself is complete."""


Unprintable = list[tuple[str, list[tuple[str, str]]]]
"""(field path, [(character, its name)]) for each field with characters no font can print."""
Removed = list[tuple[str, list[str]]]
"""(field path, [what the text hygiene removed or turned into a line break])."""
Rendered = tuple[Report, bytes, list["QImage"], int, tuple[Unprintable, Removed, list[Problem]]]
"""What a preview render gives the GUI thread: report, PDF, page images, page count, checks."""


def render_pdf(draft_report: Report, classification: Classification) -> bytes:
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
        self.pdf: bytes | None = None  # the PDF of the current draft, None while out of date
        self.rendered_report: Report | None = None   # what the pages on screen were made from
        self._wanted: Report | None = None     # the Report of the newest render asked for
        self._inflight: Report | None = None   # the Report being rendered on the worker, if any
        self._following = False        # follow the draft once the page has been shown
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(PREVIEW_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.render_preview)
        model.changed.connect(self._follow_draft)

    def build(self) -> None:
        from composer.gui.channels import ChannelCards
        from composer.gui.preview import PagesView

        buttons = QHBoxLayout()
        self.generate = action_button("generate-package", self.tr("生成报送材料包…"),
                                     self.generateRequested.emit)
        self.add_input(self.generate)
        self.open_folder = action_button("open-folder", self.tr("打开文件夹"),
                                        self.openFolderRequested.emit)
        self.open_folder.setEnabled(False)
        self.print_report = action_button("print-report", self.tr("打印报告…"),
                                         lambda: self.printRequested.emit("report"))
        self.print_fax = action_button("print-fax", self.tr("打印传真件…"),
                                      lambda: self.printRequested.emit("fax"))
        self.export = action_button("export-json", self.tr("导出事件文件…"),
                                   self.exportRequested.emit)
        self.record = action_button("record-submission", self.tr("记录已报送…"),
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
        self.pages.widthChanged.connect(self._resized)
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
        # the preview follows the reason as it is typed, like every edit (_follow_draft)

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
        due = late.due.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        # one text whether a reason is typed or not: the banner never changes its height (and
        # pushes the tabs below) while the reason is typed
        text = self.tr("⚠ 已超过报告时限（%1）%2。报告、传真封面和电子邮件将如实说明迟报及其"
                       "原因（迟报原因填写在下面）。").replace("%1", due).replace(
            "%2", i18n.pick(late.zh, late.en))
        self.late.setText(text)
        self.late.show()

    def refresh(self) -> None:
        self._show_late()

    def initializePage(self) -> None:
        super().initializePage()
        if self._pending_init:
            return                      # walked past: initialised when shown
        self._following = True
        self.render_preview()
        self.channels.refresh()

    def _follow_draft(self) -> None:
        if not self._following:
            return
        report = self.model.draft.report()
        if report is not None and report == self._wanted:
            return                      # e.g. the step changed: nothing printed changed
        if report != self.rendered_report:
            self.pdf = None             # printing must not use an out-of-date PDF
        self._debounce.start()          # restarted by every change

    def _resized(self) -> None:
        if self._following:
            self._debounce.start()

    def render_preview(self) -> None:
        """Regenerate the preview of the current draft (in the background)."""
        self._debounce.stop()
        report = self.model.draft.report()
        if report is not None and report == self._inflight:
            self._wanted = self._inflight   # already being rendered: keep that one
            return
        self._wanted = report
        if report is None:
            self.pdf = self.rendered_report = None
            self.pages.set_message(self.tr("报告还有问题，无法预览。"))
            return
        if not self.pages.has_pages():
            self.pages.set_message(self.tr("正在生成预览…"))
        if self._inflight is None:
            self._start(report)
        # else: _landed starts the newest wanted render when the one in flight returns

    def _start(self, report: Report) -> None:
        self._inflight = report
        width = self.pages.page_width()

        def stale() -> bool:
            return self._wanted is not report

        from composer.core.classify import classify
        from composer.gui.operations import run_operation
        from composer.gui.preview import page_count, rasterise
        from composer.render.checks import sender_warnings, unprintable_fields

        # what the text hygiene removed from this report's text (the draft's report is clean)
        draft = self.model.draft
        removed: Removed = [(f.path, [*f.removed, *f.line_breaks])
                            for f in draft.text_findings()] if draft.report() is report else []

        def work() -> Rendered | None:
            from composer.gui.channels import load_text_outputs

            load_text_outputs()         # jinja2 for the channel cards, off the GUI thread

            pdf = render_pdf(report, classify(report))
            if stale():
                return None
            total = page_count(pdf)
            images = rasterise(pdf, pages=list(range(min(total, PREVIEW_MAX_PAGES))),
                               width=width, stop=stale)
            if images is None:
                return None
            checks = (unprintable_fields(report), removed, sender_warnings(report))
            return report, pdf, images, total, checks

        run_operation(self, None, work, on_success=self._landed, on_failure=self._failed)

    def _landed(self, result: Rendered | None) -> None:
        self._inflight = None
        if result is not None and result[0] == self._wanted:
            report, self.pdf, images, total, checks = result
            self.rendered_report = report
            self._show_unprintable(report, *checks)
            note = ""
            if total > len(images):
                note = self.tr("预览只显示前 %1 页（共 %2 页）；生成的 PDF 包含全部页面。").replace(
                    "%1", str(len(images))).replace("%2", str(total))
            self.pages.set_pages(images, note)
            self.channels.refresh_if_stale()    # the phone script's jinja2 is loaded now
            self.previewReady.emit(total)
        elif self._wanted is not None:
            self._start(self._wanted)    # the draft changed meanwhile: the newest one now

    def _show_unprintable(self, report: Report, fields: Unprintable, removed: Removed,
                          sender: list[Problem]) -> None:
        """Name every character the bundled fonts cannot print, by field (else it prints as a
        blank box and nobody notices until the fax arrives); also controls left out of the PDF
        and a contact address unusable as sender. The lists come from
        :mod:`composer.render.checks`, run on the worker thread with the render, and from the
        draft's text hygiene (:meth:`composer.core.draft.Draft.text_findings`)."""
        typing = self.in_text_field()
        if not fields and not removed and not sender:
            self.show_note(self.warnings, "", held=typing)
            return
        lines = []
        if fields:
            lines.append(self.tr("⚠ 以下字符无法用内置字体打印，在 PDF 和传真中会印成"
                                 "〔U+编码〕占位符，请改写："))
            for path, missing in fields:
                names = ", ".join(f"“{ch}” {name}" for ch, name in missing)
                lines.append(f"• {field_name(self.window(), path)}：{names}")
        if removed:
            lines.append(self.tr("⚠ 以下不可见字符已从所有输出（PDF、传真、电子邮件、电话稿、表单字段）中去除，分段符已改为换行："))  # noqa: E501 (one tr() literal)
            for path, found in removed:
                lines.append(f"• {field_name(self.window(), path)}：{', '.join(found)}")
        if sender:
            lines.append(self.tr("⚠ 联系人电子邮箱不能用作邮件草稿的发件人，草稿将不含发件人："))
            path = "operator.contact.email"
            lines.append(f"• {field_name(self.window(), path)}："
                         f"{report.operator.contact.email}")
        self.show_note(self.warnings, "\n".join(lines), held=typing)

    def _failed(self, exc: Exception) -> None:
        failed, self._inflight = self._inflight, None
        self.channels.refresh_if_stale()
        if self._wanted is not None and self._wanted is not failed:
            self._start(self._wanted)
            return
        self.pages.set_message(self.tr("无法生成预览：") + str(exc))

    def set_generated(self, out_dir: Path) -> None:
        self.ensure_built()
        self.open_folder.setEnabled(True)
        self.status.setText(self.tr("材料包已生成：") + str(out_dir))
