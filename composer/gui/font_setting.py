"""The unit's choice of report typefaces (settings, stored with the organisation's settings).

The default is the bundled serif. A workstation that has 仿宋_GB2312 / FangSong / 方正小标宋 may
use them for the body and the title; a font whose licence bits (OS/2 fsType) forbid embedding is
listed but cannot be chosen, with the reason. Rendering gets the choice as an explicit
parameter (:func:`typeface_for_render`); the render code stays Qt-free.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from composer.gui import wheel
from composer.gui.page_forms import FormRows
from composer.render.font_files import Candidate, FontChoice, embedding_problem, workstation_fonts

if TYPE_CHECKING:
    from composer.core.classify import Classification
    from composer.core.model import Report
    from composer.core.storage import Storage
    from composer.render.typefaces import Typeface

REPORT_FONTS = "report_fonts"
"""Settings key (storage.save_setting) of the :class:`FontChoice` as JSON."""

_current = FontChoice()


def current_choice() -> FontChoice:
    return _current


def set_current_choice(choice: FontChoice) -> None:
    global _current
    _current = choice


def load_choice(storage: Storage) -> FontChoice:
    """The stored choice (also made current for rendering)."""
    choice = FontChoice.from_json(storage.load_setting(REPORT_FONTS, None))
    set_current_choice(choice)
    return choice


def save_choice(storage: Storage, data: dict[str, Any]) -> None:
    choice = FontChoice.from_json(data)
    set_current_choice(choice)
    storage.save_setting(REPORT_FONTS, choice.to_json())


def render_pdf(report: Report, classification: Classification, *,
               generated_at: datetime) -> bytes:
    """``render_report_pdf`` in the unit's chosen typeface (a package's ``pdf_renderer``)."""
    from composer.render.pdf import render_report_pdf

    return render_report_pdf(report, classification, generated_at=generated_at,
                             typeface=typeface_for_render())


def typeface_for_render() -> Typeface:
    """The typeface for the current choice (call in the render thread); a refused file falls
    back to the bundled serif (the settings already said why)."""
    from composer.render.typefaces import FontRefused, bundled, typeface

    try:
        return typeface(_current)
    except FontRefused:
        return bundled()


class ReportFonts(QObject):
    """Two combo boxes (body, title) on a settings form.

    The workstation's font folders (hundreds of files on Windows) are searched off the GUI
    thread when ``candidates`` is not given: the lists gain the fonts found when the search
    ends, keeping what is chosen (the first window does not wait for it, issue 14).

    Signals: choiceChanged(dict); scanned() when the workstation's fonts are listed.
    """

    choiceChanged = Signal(dict)
    scanned = Signal()
    _OTHER = "\0other"

    def __init__(self, page: QWidget, form: QFormLayout,
                 candidates: list[Candidate] | None = None) -> None:
        super().__init__(page)
        self.page = page
        self.candidates = [] if candidates is None else candidates
        self.is_scanned = candidates is not None
        self.body = self._combo("body")
        self.title = self._combo("title")
        self.problem = QLabel()
        self.problem.setObjectName("report-fonts-problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        FormRows.labelled_row(form, "report-font-body", self.tr("正文字体"), self.body,
                              self.tr("GB/T 9704：正文用仿宋。未安装时使用内置的宋体风格字体。"))
        FormRows.labelled_row(form, "report-font-title", self.tr("标题字体"), self.title,
                              self.tr("GB/T 9704：标题用小标宋。只能选择许可允许嵌入 PDF 的字体。"))
        form.addRow(self.problem)
        if not self.is_scanned:
            from composer.gui.operations import run_io

            # A folder that cannot be read leaves the lists as they are: the bundled serif
            # and 选择字体文件… still work (workstation_fonts skips missing folders itself).
            # On the I/O pool: the first preview never waits for the search (issue 19).
            run_io(page, workstation_fonts, on_success=self._found,
                   on_failure=lambda _exc: self._found([]))

    def _found(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        for box, role in ((self.body, "body"), (self.title, "title")):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            self._fill(box, role)
            index = box.findData(chosen) if chosen else 0
            if index < 0:
                box.insertItem(box.count() - 1, chosen, chosen)
                index = box.count() - 2
            box.setCurrentIndex(index)
            box.blockSignals(False)
        self.is_scanned = True
        self.scanned.emit()

    def _combo(self, role: str) -> QComboBox:
        box = QComboBox()
        wheel.guard(box)
        box.setObjectName(f"report-font-{role}")
        self._fill(box, role)
        box.activated.connect(lambda _i, b=box: self._picked(b))
        return box

    def _fill(self, box: QComboBox, role: str) -> None:
        box.addItem(self.tr("内置 Composer Serif SC（默认）"), None)
        for c in self.candidates:
            if c.role != role and not (role == "body" and c.role == "title"):
                continue
            box.addItem(c.label if c.problem is None else
                        c.label + self.tr("（许可不允许嵌入）"), c.path)
            if c.problem is not None:
                index = box.count() - 1
                box.model().item(index).setEnabled(False)   # type: ignore[attr-defined]
                box.setItemData(index, c.problem, 3)         # Qt.ToolTipRole
        box.addItem(self.tr("选择字体文件…"), self._OTHER)

    def set_choice(self, choice: FontChoice) -> None:
        for box, path in ((self.body, choice.body), (self.title, choice.title)):
            index = box.findData(path) if path else 0
            if index < 0:
                box.insertItem(box.count() - 1, path or "", path)
                index = box.count() - 2
            box.setCurrentIndex(index)

    def choice(self) -> FontChoice:
        return FontChoice(body=self.body.currentData(), title=self.title.currentData())

    def use_file(self, box: QComboBox, path: str) -> bool:
        """Offer ``path`` in ``box`` if its licence allows embedding; else say why."""
        problem = embedding_problem(path)
        if problem is not None:
            self.problem.setText("⚠ " + self.tr("不能使用该字体：") + problem)
            self.problem.show()
            box.setCurrentIndex(0)
            return False
        self.problem.hide()
        index = box.findData(path)
        if index < 0:
            box.insertItem(box.count() - 1, path, path)
            index = box.count() - 2
        box.setCurrentIndex(index)
        return True

    def _picked(self, box: QComboBox) -> None:
        if box.currentData() == self._OTHER:
            from PySide6.QtWidgets import QFileDialog  # loaded when first opened

            path, _ = QFileDialog.getOpenFileName(
                self.page if isinstance(self.page, QWidget) else None, self.tr("选择字体文件"),
                "", self.tr("TrueType 字体 (*.ttf *.ttc *.otf)"))
            if not path or not self.use_file(box, path):
                box.setCurrentIndex(0)
        self.choiceChanged.emit(self.choice().to_json())
