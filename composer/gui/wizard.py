"""The report wizard: a stock QWizard whose navigation asks :mod:`composer.core.flow`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from composer.core import flow
from composer.gui.draft_model import DraftModel
from composer.gui.page_base import StepPage
from composer.gui.page_basic import BasicFactsPage
from composer.gui.page_grading import GradingPage
from composer.gui.page_handling import HandlingPage
from composer.gui.page_impact import ImpactPage
from composer.gui.page_preview import PreviewPage
from composer.gui.page_profile import ProfilePage
from composer.gui.page_recipients import RecipientsPage


class ReportWizard(QWizard):
    """Embedded in the main window (not a dialog of its own).

    Signals: finishedReport() when the user presses Finish.
    """

    finishedReport = Signal()

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setObjectName("report-wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.model = model
        self.walking = False         # go_to is walking (see StepPage.defer_initialization)
        self.walk_target = -1        # ... to this page
        self.profile_page = ProfilePage(model)     # the two pages the window wires up
        self.preview_page = PreviewPage(model)
        self.pages: dict[flow.Step, StepPage] = {}
        for page in (self.profile_page, BasicFactsPage(model), ImpactPage(model),
                     GradingPage(model), RecipientsPage(model), HandlingPage(model),
                     self.preview_page):
            self.setPage(int(page.step), page)
            self.pages[page.step] = page
            page.completionChanged.connect(lambda _, p=page: self._update_buttons(p))
        self.setStartId(int(flow.Step.PROFILE))
        # after QWizard has shown the page (and put the focus on its first child that takes
        # it): the page's own first field, at once — no timer that could fire after the
        # user's first click and take the focus away
        self.currentIdChanged.connect(self._focus_page)
        # Qt's 完成(&F) would clash with the menu 文件(&F): Alt+D finishes.
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成(&D)"))
        for which, name in ((QWizard.WizardButton.BackButton, "wizard-back"),
                            (QWizard.WizardButton.NextButton, "wizard-next"),
                            (QWizard.WizardButton.FinishButton, "wizard-finish")):
            self.button(which).setObjectName(name)

    def nextId(self) -> int:
        nxt = flow.next_step(self.currentId(), self.model.draft) if self.currentId() >= 0 else None
        return -1 if nxt is None else int(nxt)

    def cleanupPage(self, page_id: int) -> None:
        """Back: the page about to be shown is initialised first if go_to walked past it
        (QWizard calls this before it shows that page)."""
        super().cleanupPage(page_id)
        visited = self.visitedIds()
        if page_id in visited and visited.index(page_id) > 0:
            self.pages[flow.Step(visited[visited.index(page_id) - 1])].ensure_initialized()

    def _focus_page(self, step: int) -> None:
        page = self.pages.get(flow.Step(step)) if step >= 0 else None
        if page is not None:
            page.ensure_initialized()
            page.focus_first_field()

    def _update_buttons(self, page: StepPage) -> None:
        """Next / Finish follow the current page's completeness, as QWizard's own update
        would, but without hiding and showing the page (which its update does: see
        :mod:`composer.gui.page_base`)."""
        if page is not self.currentPage():
            return   # QWizard asks a page when it is shown
        complete = page.isComplete()
        self.button(QWizard.WizardButton.NextButton).setEnabled(complete and self.nextId() >= 0)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(
            complete and page.isFinalPage())

    def go_to(self, step: int) -> None:
        """Walk forward from the start to ``step`` (stopping at the first incomplete page).
        ``currentIdChanged`` is emitted once, for the page reached: the pages walked past
        are not each saved, focused and announced (a 200-page report was saved 7 times)."""
        target = int(flow.Step.PROFILE)     # where the walk ends (the draft decides)
        while target != step:
            after = flow.next_step(target, self.model.draft)
            if after is None or not self.pages[flow.Step(target)].isComplete():
                break
            target = int(after)
        blocked = self.blockSignals(True)
        self.walking, self.walk_target = True, target   # the others: initialised when shown
        try:
            self.restart()
            while self.currentId() != step and self.currentId() >= 0:
                page = self.currentPage()
                if not page.isComplete() or self.nextId() < 0:
                    break
                self.next()
        finally:
            self.walking = False
            self.blockSignals(blocked)
        if blocked:
            self._focus_page(self.currentId())
        else:
            self.currentIdChanged.emit(self.currentId())

    def reject(self) -> None:  # Esc must not hide the embedded wizard
        pass

    def accept(self) -> None:
        self.finishedReport.emit()
