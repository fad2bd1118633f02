"""The form rows of a wizard page: a label, the field (its ``objectName`` is the draft path it
edits), an optional grey hint and a hidden inline error — and the ``add_*`` helpers that make
one row per kind of field and bind it to the draft.

The base of :class:`composer.gui.page_base.StepPage` (it uses the page's ``model``, ``body``,
``write`` and its registries of fields, inputs, labels, loaders and forms, declared here).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from composer.gui import wheel
from composer.gui.draft_model import DraftModel
from composer.gui.input_widgets import DateTimeField, group_digits, group_in_place, parse_number

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555555;"

Choice = tuple[str | None, str]  # (value stored in the draft, label shown)


class FormRows(QWizardPage):
    """Building a page's form rows (see the module docstring)."""

    model: DraftModel
    body: QVBoxLayout
    _fields: dict[str, tuple[QWidget, QLabel]]
    _labels: dict[str, tuple[QLabel, QWidget]]
    _inputs: list[QWidget]
    _loaders: list[Callable[[], None]]
    _forms: list[QFormLayout]
    _held_rows: set[str]
    write: Callable[[str, Any], None]   # the page's own (StepPage.write): a value into the draft

    def new_form(self, title: str | None = None, into: QWidget | None = None) -> QFormLayout:
        if into is not None:
            form = QFormLayout(into)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self._forms.append(form)
            return form
        if title:
            heading = QLabel(f"<b>{title}</b>")
            heading.setTextFormat(Qt.TextFormat.RichText)
            self.body.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body.addLayout(form)
        self._forms.append(form)
        return form

    def _row(self, form: QFormLayout, path: str, label_text: str, widget: QWidget,
             hint: str | list[str] | None = None) -> QLabel:
        """A form row for the draft field ``path``; its inline error follows the validator."""
        label, box, error = self.labelled_row(form, path, label_text, widget, hint)
        self._fields[path] = (widget, error)
        self._inputs.append(widget)
        self._labels[path] = (label, box)
        return label

    def field_box(self, path: str) -> QVBoxLayout:
        """The column of the field of ``path`` (the field, its hint, its error): a page adds
        notes of its own under them here."""
        layout = self._labels[path][1].layout()
        assert isinstance(layout, QVBoxLayout)      # made by labelled_row
        return layout

    @staticmethod
    def labelled_row(form: QFormLayout, name: str, label_text: str, widget: QWidget,
                     hint: str | list[str] | None = None) -> tuple[QLabel, QWidget, QLabel]:
        """Label (buddy of ``widget``), the widget, an optional grey hint and a hidden error
        label named ``<name>#error``, added to ``form``. Returns (label, box, error)."""
        widget.setObjectName(name)
        widget.setAccessibleName(label_text)
        label = QLabel(label_text)
        label.setBuddy(widget)
        label.setWordWrap(True)
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        if hint:
            lines = hint if isinstance(hint, list) else [hint]
            h = QLabel("\n".join(lines))
            h.setObjectName(name + "#hint")
            h.setWordWrap(True)
            h.setStyleSheet(HINT_STYLE)
            v.addWidget(h)
        error = QLabel()
        error.setObjectName(name + "#error")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        v.addWidget(error)
        form.addRow(label, box)
        return label, box, error

    def set_row_visible(self, path: str, visible: bool) -> None:
        """Show or hide the row of ``path``; a row holding the keyboard focus (its text just
        emptied, say) is hidden only once the focus has moved on."""
        label, box = self._labels[path]
        focused = QApplication.focusWidget()
        if not visible and focused is not None and box.isAncestorOf(focused):
            self._held_rows.add(path)
            return
        self._held_rows.discard(path)
        label.setVisible(visible)
        box.setVisible(visible)

    def add_line(self, form: QFormLayout, path: str, label: str, placeholder: str = "",
                 hint: str | list[str] | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda text: self.write(path, text))
        self._loaders.append(lambda: edit.setText(str(self.model.draft.get(path) or "")))
        self._row(form, path, label, edit, hint)
        return edit

    def add_text(self, form: QFormLayout, path: str, label: str, placeholder: str = "",
                 hint: str | None = None, lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(lambda: self.write(path, edit.toPlainText()))

        def load() -> None:
            text = str(self.model.draft.get(path) or "")
            if edit.toPlainText() != text:
                edit.setPlainText(text)
        self._loaders.append(load)
        self._row(form, path, label, edit, hint)
        return edit

    def add_number(self, form: QFormLayout, path: str, label: str, *, whole: bool,
                   placeholder: str = "", hint: str | list[str] | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder or self.tr("未知则留空"))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setMaximumWidth(220)
        edit.textChanged.connect(lambda text: self.write(path, parse_number(text, whole)))
        edit.textEdited.connect(lambda text: group_in_place(edit, text))

        def load() -> None:
            value = self.model.draft.get(path)
            edit.setText("" if value is None else group_digits(str(value), 0)[0])
        self._loaders.append(load)
        self._row(form, path, label, edit, hint)
        return edit

    def add_choice(self, form: QFormLayout, path: str, label: str, choices: list[Choice],
                   hint: str | list[str] | None = None) -> QComboBox:
        combo = QComboBox()
        wheel.guard(combo)
        for value, text in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda i: self.write(path, combo.itemData(i)))

        def load() -> None:
            index = combo.findData(self.model.draft.get(path))
            combo.setCurrentIndex(max(index, 0))
        self._loaders.append(load)
        self._row(form, path, label, combo, hint)
        return combo

    def add_check(self, form: QFormLayout, path: str, label: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.toggled.connect(lambda on: self.write(path, True if on else None))
        self._loaders.append(lambda: box.setChecked(bool(self.model.draft.get(path))))
        self._row(form, path, label, box)
        return box

    def add_datetime(self, form: QFormLayout, path: str, label: str, *, optional: bool,
                     hint: str | None = None) -> DateTimeField:
        field = DateTimeField(optional, self.tr("已知"), unknown_text=self.tr("未知"))
        field.edit.dateTimeChanged.connect(lambda _: self.write(path, field.value()))
        if field.text is not None:   # a section typed but not yet committed by the edit
            field.text.textChanged.connect(lambda _: self.write(path, field.value()))
        if field.known is not None:
            field.known.toggled.connect(lambda _: self.write(path, field.value()))
        self._loaders.append(lambda: field.set_value(self.model.draft.get(path)))
        self._row(form, path, label, field, hint)
        field.edit.setAccessibleName(label)
        return field
