"""The reporting channels on the preview step: one card per official channel, and what is owed.

:class:`ChannelCards` is a tab widget: the report's pages first, then 电子邮件, 传真, 12387 热线,
网站 / 小程序 / 公众号 and 后续事项. Each card only lays out texts the core gives
(:mod:`composer.render.script`, :mod:`composer.render.webform`, :mod:`composer.core.owed`); the
addresses and numbers come from the rule data. Actions that need the window (printing, files,
storage) are signals, wired by :func:`composer.gui.sending.connect_window`.

Signals: openEmailRequested(), printFaxRequested(), saveFaxTiffRequested(),
printScriptRequested(), exportCalendarRequested().
"""

from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.drill import Addressees, addressees
from composer.core.history import SentReport
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.owed import Owed, owed
from composer.core.rules import reporting_rules
from composer.gui import i18n
from composer.gui.draft_model import DraftModel
from composer.gui.input_widgets import action_button

_TEXT_READY = threading.Event()


def load_text_outputs() -> None:
    """Import the phone script and the copy-ready fields (jinja2: ≈ 0.2 s) — called on the
    render worker by the preview's first render, so the cards never import them on the GUI
    thread (:meth:`ChannelCards.refresh` waits for it)."""

    _TEXT_READY.set()


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def _text_box(name: str, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setMaximumHeight(lines * box.fontMetrics().lineSpacing() + 16)
    return box


class ChannelCards(QTabWidget):
    """The preview's pages plus one tab per channel (see the module docstring for signals)."""

    openEmailRequested = Signal()
    printFaxRequested = Signal()
    saveFaxTiffRequested = Signal()
    printScriptRequested = Signal()
    exportCalendarRequested = Signal()

    def __init__(self, model: DraftModel, pages: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("channel-cards")
        self.model = model
        self.sent_types: set[ReportType] = set()   # report types of this incident already sent
        self.history: list[SentReport] = []        # its recorded sendings (core/history.py)
        self.field_texts: dict[str, str] = {}
        self._stale = True
        self.addTab(pages, self.tr("报告预览"))
        self.addTab(self._email_card(), self.tr("电子邮件"))
        self.addTab(self._fax_card(), self.tr("传真"))
        self.addTab(self._hotline_card(), self.tr("12387 热线（演练）") if model.draft.drill
                    else self.tr("12387 热线"))
        self.addTab(self._web_card(), self.tr("网站 / 小程序 / 公众号"))
        self.addTab(self._owed_card(), self.tr("后续事项"))
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._show_owed)
        self.currentChanged.connect(lambda _: self.refresh())
        self._show_addressees()

    # --- building ------------------------------------------------------------------------

    def _card(self, name: str) -> tuple[QScrollArea, QVBoxLayout]:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        scroll = QScrollArea()
        scroll.setObjectName(name)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll, layout

    def _row(self, layout: QVBoxLayout, *widgets: QWidget) -> None:
        row = QHBoxLayout()
        for w in widgets:
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)

    def _drill_note(self, layout: QVBoxLayout, text: str, name: str) -> None:
        """A drill's card says first what it must not do (it reaches nobody real)."""
        if self.model.draft.drill:
            note = _label(text, name)
            note.setStyleSheet("color: #6b3500; background: #fff0d9; font-weight: bold;"
                               " padding: 4px;")
            layout.addWidget(note)

    def _to(self) -> Addressees:
        """Whom this report's outputs address (a drill: only its own recipients, or none)."""
        report = self.model.draft.report()
        if report is not None:
            return addressees(report)
        c = reporting_rules().channels    # not valid yet: a drill still names nobody real
        return (Addressees(True, "", "", (), None, None) if self.model.draft.drill
                else Addressees(False, "", "", (c.email,), c.fax, c.hotline))

    def _email_card(self) -> QWidget:
        card, layout = self._card("card-email")
        self._drill_note(layout, self.tr("演练：邮件草稿只发给演练收件邮箱（在上方演练横幅中填写），"
                                         "不发往受理平台。"), "email-drill")
        self.email_to = _label("", "email-to")
        layout.addWidget(self.email_to)
        self.copy_address = action_button(
            "email-copy-address", self.tr("复制地址"),
            lambda: copy_text(", ".join(self._to().emails)))
        self._row(layout,
                  action_button("email-open", self.tr("在邮件客户端中打开…"),
                               self.openEmailRequested.emit),
                  self.copy_address)
        layout.addWidget(_label(self.tr(
            "邮件草稿（.eml）已附 PDF 报告。各客户端的打开方式：\n"
            "• Outlook：作为可编辑草稿打开（文件带 X-Unsent: 1），检查后直接点“发送”。\n"
            "• Thunderbird：以只读方式打开，请点“编辑为新消息”（Edit as New）后发送。\n"
            "• 其他客户端若只显示邮件、不能编辑：请新建邮件，收件人填写上面的地址，"
            "附上材料包中的 report.pdf。\n"
            "发送后，在“已发送”中打开该邮件，查看原始邮件头中的 Message-ID，"
            "记录报送时填写，作为回执。"), "email-help"))
        layout.addStretch(1)
        return card

    def _fax_card(self) -> QWidget:
        card, layout = self._card("card-fax")
        self._drill_note(layout, self.tr("演练：传真件每页标有“演练”，封面写明“演练材料　请勿发送”，"
                                         "不发往受理平台。"), "fax-drill")
        self.fax_to = _label("", "fax-to")
        layout.addWidget(self.fax_to)
        self.copy_number = action_button("fax-copy-number", self.tr("复制号码"),
                                        lambda: copy_text(self._to().fax or ""))
        self._row(layout,
                  action_button("fax-print", self.tr("打印传真件…"), self.printFaxRequested.emit),
                  action_button("fax-save-tiff", self.tr("保存传真 TIFF…"),
                               self.saveFaxTiffRequested.emit),
                  self.copy_number)
        layout.addWidget(_label(self.tr(
            "传真件 = 封面 + 报告。用传真机发送：打印后放入传真机。用传真服务器（如 HylaFAX）"
            "发送：保存 TIFF（1 位黑白、1728 像素宽、204×196 dpi、CCITT G3）后提交。\n"
            "发送后保留传真机打印的发送报告（传输报告），记录报送时可附上其扫描件。"),
            "fax-help"))
        layout.addStretch(1)
        return card

    def _hotline_card(self) -> QWidget:
        c = reporting_rules().channels
        card, layout = self._card("card-hotline")
        self._drill_note(layout, self.tr("演练：请勿拨打 %1。向扮演受理方的演练人员朗读下面的电话稿，"
                                         "开头先说明“这是演练”。").replace("%1", c.hotline),
                         "hotline-drill")
        if not self.model.draft.drill:
            layout.addWidget(_label(self.tr("拨打 %1。按下面的电话稿顺序说明：先说单位和联系人，"
                                            "再说第一、二项，然后是级别和理由、时限。")
                                    .replace("%1", c.hotline)))
        self.script_length = _label("", "hotline-length")
        layout.addWidget(self.script_length)
        self.script = QPlainTextEdit()
        self.script.setObjectName("hotline-script")
        self.script.setReadOnly(True)
        self.script.setAccessibleName(self.tr("电话稿"))
        layout.addWidget(self.script, 1)
        self._row(layout,
                  action_button("hotline-print", self.tr("打印电话稿和记录单…"),
                               self.printScriptRequested.emit),
                  action_button("hotline-copy", self.tr("复制电话稿"),
                               lambda: copy_text(self.script.toPlainText())))
        layout.addWidget(_label(self.tr("通话时在打印的“电话报告记录单”上记下通话时间、"
                                        "接听人姓名、受理编号和对方询问的问题；记录报送时填写。")))
        return card

    def _web_card(self) -> QWidget:
        c = reporting_rules().channels
        card, layout = self._card("card-web")
        self._drill_note(layout, self.tr("演练：请勿在受理平台的网站、小程序或公众号提交演练材料；"
                                         "复制的内容第一项开头写明“演练”。"), "web-drill")
        layout.addWidget(_label(
            self.tr("网站：%1　小程序：%2（事件报告）　公众号：%3（事件报告）")
            .replace("%1", c.website).replace("%2", c.wechat_mini_program)
            .replace("%3", c.wechat_account)))
        self._row(layout,
                  action_button("web-copy-all", self.tr("全部复制"), self.copy_all),
                  action_button("web-copy-site", self.tr("复制网址"),
                               lambda: copy_text(c.website)))
        layout.addWidget(_label(self.tr("按《办法》第七条的顺序逐项复制、粘贴到表单中（纯文本，"
                                        "不含格式）。")))
        self.fields_grid = QGridLayout()
        layout.addLayout(self.fields_grid)
        layout.addStretch(1)
        self.field_boxes: dict[str, QPlainTextEdit] = {}
        return card

    def _owed_card(self) -> QWidget:
        card, layout = self._card("card-owed")
        self.owed_text = _label("", "owed-list")
        layout.addWidget(self.owed_text)
        self._row(layout, action_button("owed-export-ics", self.tr("导出日历（.ics）…"),
                                       self.exportCalendarRequested.emit))
        layout.addWidget(_label(self.tr("日历文件可导入 Outlook、Thunderbird、WPS 日历，"
                                        "每项事先提醒。")))
        layout.addStretch(1)
        return card

    # --- content ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the texts from the current draft (cheap: no PDF is rendered here). While
        hidden, only mark them stale: start-up must not load the render stack (jinja2)."""
        if not self.isVisible():
            self._stale = True
            return
        self._show_addressees()     # the rule data's or a drill's own: no render stack needed
        report = self.model.draft.report()
        classification = self.model.draft.classification()
        if report is not None and not _TEXT_READY.is_set():
            # the phone script needs jinja2 (≈ 0.2 s to import): the preview's render imports
            # it on the render worker and refreshes the cards when it lands (issue 19)
            self._stale = True
            return
        self._stale = False
        from composer.render.script import READING_RATE, build_script
        from composer.render.webform import report_fields

        if report is None or classification is None:
            self.script.setPlainText(self.tr("报告还有问题，请先按提示修改。"))
            self.script_length.setText("")
            self._set_fields([])
            self.owed_text.setText(self.tr("报告还有问题，请先按提示修改。"))
            return
        script = build_script(report, classification)
        self.script.setPlainText(script.body)
        self.script_length.setText(
            self.tr("朗读约 %1 字，约 %2 分钟（按每分钟 %3 字计）。")
            .replace("%1", str(script.spoken_chars)).replace("%2", f"{script.minutes:.1f}")
            .replace("%3", str(READING_RATE)))
        self._set_fields([(f.key, f.title, f.text) for f in report_fields(report,
                                                                          classification)])
        self._show_owed()

    def refresh_if_stale(self) -> None:
        """Rebuild the texts if a refresh was put off (hidden, or the render stack not loaded
        yet)."""
        if self._stale:
            self.refresh()

    def _show_addressees(self) -> None:
        """The e-mail's and the fax's recipients: the intake's (rule data), or a drill's own
        (none typed: said so, and nothing to copy)."""
        to = self._to()
        emails, fax = "、".join(to.emails), to.fax or ""
        if to.drill:
            self.email_to.setText(self.tr("演练收件邮箱：") + emails if emails else self.tr(
                "演练收件邮箱：未填写——邮件草稿没有收件人，打开后自行填写参加演练的人员。"))
            self.fax_to.setText(self.tr("演练传真：") + fax if fax else self.tr(
                "演练传真：未填写——封面不写收件传真号码。"))
        else:
            self.email_to.setText(self.tr("收件地址：") + emails)
            self.fax_to.setText(self.tr("传真号码：") + fax)
        self.copy_address.setEnabled(bool(emails))
        self.copy_number.setEnabled(bool(fax))

    def _set_fields(self, fields: list[tuple[str, str, str]]) -> None:
        self.field_texts = {key: text for key, _, text in fields}
        self._titles = {key: title for key, title, _ in fields}
        while self.fields_grid.count():
            item = self.fields_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # hidden now: until the event loop deletes it, a row taken out of the grid
                # would stay drawn where it last was (its 复制 cut off at the right edge)
                widget.hide()
                widget.deleteLater()
        self.field_boxes = {}
        for row, (key, title, text) in enumerate(fields):
            box = _text_box(f"field-{key}")
            box.setPlainText(text)
            box.setAccessibleName(title)
            self.field_boxes[key] = box
            self.fields_grid.addWidget(_label(title), 2 * row, 0, 1, 2)
            self.fields_grid.addWidget(box, 2 * row + 1, 0)
            def copy_this(checked: bool = False, k: str = key) -> None:
                self.copy_field(k)
            copy = action_button(f"copy-{key}", self.tr("复制"), copy_this)
            copy.setAccessibleName(self.tr("复制") + " " + title)   # which item, for a reader
            self.fields_grid.addWidget(copy, 2 * row + 1, 1)

    def copy_field(self, key: str) -> None:
        copy_text(self.field_texts[key])

    def copy_all(self) -> None:
        from composer.render.webform import FormField, all_fields_text

        copy_text(all_fields_text([FormField(k, self._titles[k], t)
                                   for k, t in self.field_texts.items()]))

    def owed_items(self) -> list[Owed]:
        report = self.model.draft.report()
        classification = self.model.draft.classification()
        if report is None or classification is None:
            return []
        return owed(report, classification, self.sent_types, self.history)

    def _show_owed(self) -> None:
        items = self.owed_items()
        if not self.sent_types:
            self.owed_text.setText(self.tr("本事件尚未记录报送。记录报送后，这里列出需补报的事项、"
                                           "续报和总结报告的时限。"))
            self._tick.stop()
            return
        if not items:
            self.owed_text.setText(self.tr("本事件已报送总结报告，没有待办事项。"))
            self._tick.stop()
            return
        now = datetime.now(CHINA_TZ)
        lines = []
        for item in items:
            line = "• " + i18n.pick(f"{item.zh}（{item.basis}）", f"{item.en} ({item.basis_en})")
            if item.due is not None:
                left = item.due - now
                due = item.due.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
                line += "\n  " + self.tr("截止 %1（北京时间），").replace("%1", due) + (
                    self.tr("还剩 %1 天 %2 小时").replace("%1", str(left.days))
                    .replace("%2", str(left.seconds // 3600)) if left.total_seconds() > 0
                    else self.tr("已逾期"))
            lines.append(line)
        self.owed_text.setText("\n".join(lines))
        self._tick.start()
