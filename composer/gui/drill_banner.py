"""The drill banner: under the header on every page while a drill (演练) is open, with the
drill's own recipients.

A drill's package never goes to the intake (:mod:`composer.core.drill`): its e-mail goes only
to the addresses typed here (``drill_to``; none: the draft has no recipient) and its fax cover
shows only the number typed here (``drill_fax``; none: no number). Both are stored in the
draft (the incident file's extension keys); what is wrong with them is said right under them,
in the validator's words.

Signals: none (it writes into the :class:`~composer.gui.draft_model.DraftModel`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from composer.core.drill import split_addresses
from composer.core.fields import Field
from composer.core.problem_text import problem_text
from composer.gui import i18n
from composer.gui.draft_model import DraftModel

STYLE = ("#drill-banner { background: #fff0d9; border-top: 3px solid #b35c00;"
         " border-bottom: 3px solid #b35c00; } #drill-banner QLabel { color: #6b3500; }"
         " #drill-banner QLabel#drill-problems { color: #a4262c; }")
EN_LINE = "Drill mode: this report is drill material and is never sent to the intake."
"""Said under the Chinese line in the Chinese UI too: whoever looks must not miss it."""

_INDEX = re.compile(r"^drill_to\[(\d+)\]$")


class DrillBanner(QFrame):
    """Shown only while the open draft is a drill; read-only once the drill is a record."""

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drill-banner")
        self.setStyleSheet(STYLE)
        self.model = model
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 4, 10, 4)
        grid.setVerticalSpacing(4)
        self.title = QLabel(self.tr("演练模式：本报告为演练材料，不会报送受理平台"))
        self.title.setObjectName("drill-banner-text")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        grid.addWidget(self.title, 0, 0, 1, 2)
        if i18n.language() == "zh":
            english = QLabel(EN_LINE)
            english.setObjectName("drill-banner-en")
            english.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(english, 0, 2, 1, 2)
        self.to = QLineEdit()
        self.to.setObjectName("drill-to")
        self.to.setPlaceholderText(self.tr("参加演练人员的邮箱，多个用逗号分隔（可不填）"))
        self.to.setAccessibleName(self.tr("演练收件邮箱"))
        self.fax = QLineEdit()
        self.fax.setObjectName("drill-fax")
        self.fax.setPlaceholderText(self.tr("可不填"))
        self.fax.setAccessibleName(self.tr("演练传真号码"))
        to_label, fax_label = QLabel(self.tr("演练收件邮箱：")), QLabel(self.tr("演练传真："))
        to_label.setBuddy(self.to)
        fax_label.setBuddy(self.fax)
        grid.addWidget(to_label, 1, 0)
        grid.addWidget(self.to, 1, 1)
        grid.addWidget(fax_label, 1, 2)
        grid.addWidget(self.fax, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 1)
        self.problems = QLabel()
        self.problems.setObjectName("drill-problems")
        self.problems.setWordWrap(True)
        grid.addWidget(self.problems, 2, 0, 1, 4)
        self.to.textEdited.connect(self._to_edited)
        self.fax.textEdited.connect(
            lambda text: self.model.set(Field.DRILL_FAX.value, text.strip() or None))
        model.replaced.connect(self._fill)
        model.changed.connect(self._update)
        self._fill()

    def _to_edited(self, text: str) -> None:
        self.model.set(Field.DRILL_TO.value, split_addresses(text) or None)

    def _fill(self) -> None:
        """The stored recipients into the fields (a draft was opened or replaced)."""
        draft = self.model.draft
        to = draft.get(Field.DRILL_TO.value)
        self.to.setText(", ".join(str(a) for a in to) if isinstance(to, list) else "")
        fax = draft.get(Field.DRILL_FAX.value)
        self.fax.setText(fax if isinstance(fax, str) else "")
        self._update()

    def _update(self) -> None:
        draft = self.model.draft
        self.setVisible(draft.drill)
        if not draft.drill:
            return
        for edit in (self.to, self.fax):
            edit.setReadOnly(self.model.read_only)
        lang = i18n.language()
        lines = []
        for p in draft.problems():
            index = _INDEX.match(p.path)
            if index is not None:
                lines.append(self.tr("演练收件邮箱第 %1 个：").replace(
                    "%1", str(int(index.group(1)) + 1)) + problem_text(p, lang))
            elif p.path in (Field.DRILL_TO.value, Field.DRILL_FAX.value):
                name = self.tr("演练收件邮箱：") if p.path == Field.DRILL_TO.value else \
                    self.tr("演练传真：")
                lines.append(name + problem_text(p, lang))
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
