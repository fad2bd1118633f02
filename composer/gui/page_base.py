"""What every wizard page shares: binding widgets to draft paths, inline errors, completeness.

A page is a :class:`StepPage`: it builds its widgets with the ``add_*`` helpers (each widget's
``objectName`` is the JSON path it edits), writes every user edit into the draft through the
:class:`~composer.gui.draft_model.DraftModel`, and emits ``completionChanged`` when the answer of
``isComplete()`` (:func:`composer.core.flow.is_complete`) changes. Inline error messages come
from the validator's problems, mapped by JSON path, in the UI language.

Never ``completeChanged``: QWizard answers it by hiding and showing the whole current page
(its anti-flicker widget), which resets a date section being typed (1 then 9 gave 01), moves
the keyboard focus and with it the scroll position. :class:`~composer.gui.wizard.ReportWizard`
updates its buttons from ``completionChanged`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from composer.core import flow
from composer.core.problem_text import problem_text
from composer.core.validators import Problem
from composer.gui import i18n
from composer.gui.draft_model import DraftModel
from composer.gui.input_widgets import DateTimeField, field_name
from composer.gui.page_forms import ERROR_STYLE, HINT_STYLE, Choice, FormRows

__all__ = ["ERROR_STYLE", "HINT_STYLE", "READ_ONLY_STYLE", "Choice", "StepPage"]

READ_ONLY_STYLE = "background: #f2f2f2; color: #333333;"  # a sent report's fields


class StepPage(FormRows):
    """One step of the wizard. Signals: completionChanged(bool) when ``isComplete()`` changes.

    A page adds its fields in :meth:`build`, which runs once, when the page is first shown
    (:meth:`ensure_built`): the first window waits only for the first page (issue 14). Until
    then the page answers ``isComplete()`` from the draft alone, and what it is told (read-only,
    show every problem) is applied when it is built.
    """

    step: flow.Step = flow.Step.PROFILE
    built = Signal()
    """Emitted once, when :meth:`build` has added the page's widgets."""
    completionChanged = Signal(bool)
    """``isComplete()`` changed (never QWizardPage.completeChanged: see the module docstring)."""

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._loading = False
        self._loaders: list[Callable[[], None]] = []
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._labels: dict[str, tuple[QLabel, QWidget]] = {}
        self._touched: set[str] = set()
        self._forms: list[QFormLayout] = []
        self._inputs: list[QWidget] = []   # in the order made: where the keyboard starts
        self._built = False
        self._read_only = False
        self._touch_everything = False
        self._complete: bool | None = None
        self._pending_init = False
        self._typing = False
        self._held: dict[QLabel, bool] = {}    # note → shown, applied when the focus moves
        self._held_rows: set[str] = set()       # rows to hide when the focus has moved
        model.changed.connect(self._draft_changed)

    def build(self) -> None:
        """Add the page's fields and widgets (override; called once by :meth:`ensure_built`)."""

    @property
    def is_built(self) -> bool:
        return self._built

    def ensure_built(self) -> None:
        """Build the page now if it has not been (idempotent)."""
        if self._built:
            return
        self._built = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # never a Tab stop of its own (the fields are), and its width never changes when the
        # content grows past the window (a scroll bar appearing would rewrap every line)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        body = QWidget()
        self.body = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.summary = QLabel()
        self.summary.setObjectName("step-summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(ERROR_STYLE)
        # two lines kept even when empty: the list of what is missing changes as the user
        # types, and a summary that came and went would shrink the page above it (and, when
        # scrolled to the end, move every field under the pointer)
        self.summary.setMinimumHeight(2 * self.summary.fontMetrics().lineSpacing())
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.summary)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.build()
        if self._touch_everything:
            self._touched.update(self._fields)
        if self._read_only:
            self._apply_read_only(True)
        if self.isVisible():       # built on the page already shown: show and lay them out
            scroll.show()          # now, not on the next turn of the event loop (the focus
            self.summary.show()    # and the first click need them in place)
            inner = body.layout()
            if inner is not None:
                inner.activate()
            outer.activate()
        self.built.emit()

    # --- QWizardPage contract ----------------------------------------------------------------

    def isComplete(self) -> bool:
        return flow.is_complete(self.step, self.model.draft)

    def initializePage(self) -> None:
        if self.defer_initialization():
            return
        self.ensure_built()
        self.load()
        self.align_label_columns()
        # the keyboard goes to the first field once the page is shown: ReportWizard calls
        # focus_first_field when its current page changed

    def defer_initialization(self) -> bool:
        """True while ReportWizard.go_to walks past this page: it is built and loaded when
        it is first shown (:meth:`ensure_initialized`), not on the way (opening a file or
        switching the language walks to the last page; building every page on the way cost
        a long stall)."""
        wizard = self.wizard()
        self._pending_init = bool(getattr(wizard, "walking", False)
                                  and getattr(wizard, "walk_target", -1) != int(self.step))
        return self._pending_init

    def ensure_initialized(self) -> None:
        """The page is shown: initialise it now if go_to walked past it."""
        if self._pending_init:
            self._pending_init = False
            self.initializePage()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_first_field()    # the window's first show (a page change: ReportWizard)

    def focus_first_field(self) -> None:
        """Keyboard users start typing at the page's first field (not on a wizard button)."""
        if not self.isVisible():
            return
        for widget in self._inputs:   # not findChildren: it would wrap every child for Python
            if widget.isVisibleTo(self) and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                    and not (isinstance(widget, QRadioButton) and not widget.isChecked()):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def add_input(self, widget: QWidget) -> None:
        """An input that is no draft field (a choice, a button) where the keyboard may start:
        the first one made that can take focus gets it when the page is shown."""
        self._inputs.append(widget)

    def align_label_columns(self) -> None:
        """The label columns of the page's forms line up (one width for all)."""
        labels = []
        for form in self._forms:   # not findChildren: it would wrap every child for Python
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    labels.append(label)
        if labels:
            width = max(label.sizeHint().width() for label in labels)
            for label in labels:
                label.setMinimumWidth(min(width, 260))

    def load(self) -> None:
        """Show the draft's values in the widgets (without writing them back)."""
        self._loading = True
        try:
            for loader in self._loaders:
                loader()
            self.refresh()
        finally:
            self._loading = False
        self._show_problems()

    def refresh(self) -> None:
        """Update what depends on the draft (visibility, computed text). Override."""

    def _draft_changed(self) -> None:
        if self._built:
            if not self._loading:
                self.refresh()
            self._show_problems()
        self.check_complete()

    def check_complete(self) -> None:
        """Emit ``completionChanged`` if ``isComplete()`` answers otherwise than before."""
        complete = self.isComplete()
        if complete != self._complete:
            self._complete = complete
            self.completionChanged.emit(complete)

    # --- writing -------------------------------------------------------------------------------

    def write(self, path: str, value: Any) -> None:
        if self._loading:
            return
        self._touched.add(path)
        self._typing = True     # what this edit shows or hides waits for the focus to move
        try:
            self.model.set(path, value)
        finally:
            self._typing = False

    def set_read_only(self, on: bool) -> None:
        """Show the values of a sent report without letting them change (texts stay
        selectable and copyable; choices are disabled)."""
        changed = on != self._read_only
        self._read_only = on
        if self._built and changed:     # a new page's widgets are editable already
            self._apply_read_only(on)

    def _apply_read_only(self, on: bool) -> None:
        for edit in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            edit.setReadOnly(on)
            edit.setStyleSheet(READ_ONLY_STYLE if on else "")
        for widget in (self.findChildren(QComboBox) + self.findChildren(QDateTimeEdit)
                       + self.findChildren(QCheckBox) + self.findChildren(QRadioButton)):
            widget.setEnabled(not on)
        if not on:
            for field in self.findChildren(DateTimeField):
                field.edit.setEnabled(field.known is None or field.known.isChecked())
            self.refresh()  # enabled states that depend on the draft (e.g. the fast path)

    def touch_all(self) -> None:
        """Show every inline error of the page (e.g. after an open file or a recovered draft)."""
        self._touch_everything = True
        if self._built:
            self._touched.update(self._fields)
            self._show_problems()

    # --- inline problems -----------------------------------------------------------------------

    def _show_problems(self) -> None:
        problems = flow.step_problems(self.step, self.model.draft)
        lang = i18n.language()
        for path, (widget, label) in self._fields.items():
            mine = [p for p in problems
                    if p.path == path or p.path.startswith(path + ".")
                    or (path.startswith(p.path + ".") and p.path.count(".") >= 1)]
            text = "；".join(dict.fromkeys(problem_text(p, lang) for p in mine))
            shown = bool(text) and path in self._touched
            self.show_note(label, "⚠ " + text if shown else "")
            widget.setAccessibleDescription(text)
        self.summary.setText(self.summary_text(problems))

    def show_note(self, label: QLabel, text: str, held: bool | None = None) -> None:
        """Show ``text`` in the note ``label`` under a field (an error, a warning), hidden
        when empty. While the user types (``held``; default: during a write from a field of
        this page) the note never appears or goes — nothing moves under the pointer or the
        caret: its text follows at once, its space is kept, and it appears or goes when the
        keyboard focus moves on."""
        label.setText(text)
        shown = bool(text)
        if self._typing if held is None else held:
            if shown == label.isHidden():
                self._held[label] = shown
                if not shown:
                    label.setMinimumHeight(label.height())   # empty, but its line stays
            else:
                self._held.pop(label, None)
            return
        self._held.pop(label, None)
        label.setMinimumHeight(0)
        label.setVisible(shown)

    def in_text_field(self) -> bool:
        """Whether the keyboard focus is in a text or date field of this page."""
        focused = QApplication.focusWidget()
        return (isinstance(focused, (QLineEdit, QPlainTextEdit, QDateTimeEdit))
                and self.isAncestorOf(focused))

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        """The user left a field: the notes held while typing appear or go now."""
        held, self._held = self._held, {}
        for label, shown in held.items():
            if isValid(label):
                label.setMinimumHeight(0)
                label.setVisible(shown)
        if self._held_rows and self._built and not self._loading:
            self._held_rows.clear()
            self.refresh()          # decides again which rows are shown

    def summary_text(self, problems: list[Problem]) -> str:
        if not problems:
            return ""
        lang = i18n.language()
        names = "；".join(dict.fromkeys(
            self.shown_name(p.path) + "：" + problem_text(p, lang) for p in problems[:6]))
        more = "…" if len(problems) > 6 else ""
        return self.tr("完成以下各项后才能继续：") + names + more

    def shown_name(self, path: str) -> str:
        """What :func:`field_name` answers, from the page's own fields when one of them is
        ``path`` or encloses it (no search of the whole window's widget tree, which every
        draft change would pay for each problem listed)."""
        probe = path
        while probe:
            entry = self._fields.get(probe)
            if entry is not None and entry[0].accessibleName():
                return entry[0].accessibleName()
            probe = probe.rpartition(".")[0]
        for name, (widget, _) in self._fields.items():    # a field inside it ("operator")
            if name.startswith(path + ".") and widget.accessibleName():
                return widget.accessibleName()
        return field_name(self.window(), path)
