"""The step indicator above the wizard: the seven steps, which one the user is on, which are
done and which the report skips (处置与分析 on the fast path)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget, QWizard

from composer.core import flow
from composer.gui.draft_model import DraftModel

CURRENT_STYLE = "background:#174ea6; color:#ffffff; font-weight:bold;"
DONE_STYLE = "color:#174ea6;"
LATER_STYLE = "color:#555555;"
SKIPPED_STYLE = "color:#9a9a9a; text-decoration:line-through;"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class StepIndicator(QLabel):
    """「① 报告单位 › ② 事件基本情况 › …」 with the current step highlighted; its accessible name
    says it in words (第 2 步，共 7 步：事件基本情况). Follows the wizard's page and the draft
    (the path can change: the fast path skips a step). Its height follows the window's width,
    never what is typed."""

    def __init__(self, wizard: QWizard, model: DraftModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("step-indicator")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(10, 4, 10, 4)
        self.setWordWrap(True)      # a narrow window: two lines (its width, never typing)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.wizard = wizard
        self.model = model
        self._shown = ""
        wizard.currentIdChanged.connect(lambda _: self.refresh())
        model.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        current = self.wizard.currentId()
        path = flow.path_of(self.model.draft)
        parts, name = [], ""
        for number, step in enumerate(flow.ORDER, 1):
            page = self.wizard.page(int(step))
            title = page.title() if page is not None else step.name
            if step == current:
                style, name = CURRENT_STYLE, title
            elif step not in path:
                style = SKIPPED_STYLE
            elif current >= 0 and step < current:
                style = DONE_STYLE
            else:
                style = LATER_STYLE
            parts.append(f'<span style="{style}">&nbsp;{"①②③④⑤⑥⑦"[number - 1]} '
                         f"{_escape(title)}&nbsp;</span>")
        text = " › ".join(parts)
        if text == self._shown:
            return                  # every keystroke changes the draft: nothing to redo
        self._shown = text
        self.setText(text)
        position = flow.ORDER.index(flow.Step(current)) + 1 if current >= 0 else 0
        self.setAccessibleName(self.tr("第 %1 步，共 %2 步：%3").replace(
            "%1", str(position)).replace("%2", str(len(flow.ORDER))).replace("%3", name))
