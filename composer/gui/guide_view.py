"""法规原文: the Measures and the Grading Guide in a window of their own, and links to them.

:func:`open_guide` shows the one (non-modal) :class:`GuideWindow`, reused while it exists, and
scrolls to and highlights an item by its anchor id (``guide-2-u-2``; see
:mod:`composer.core.guide`). The text comes from the bundled data, verbatim; the English UI adds
each item's English summary, labelled as an unofficial translation. Ctrl+F opens a find bar
(Enter / F3 next, Shift+Enter / Shift+F3 previous, match count, Esc closes it).

The links that open it from the pages are in :mod:`composer.gui.guide_links`.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QShortcut,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.guide import Guide, load_guide, place
from composer.gui import i18n, wheel
from composer.gui.guide_document import write_document

HIGHLIGHT = QColor("#fff0a0")      # the item that was asked for
MATCH = QColor("#ffd8a8")          # every find match
CURRENT = QColor("#ff9c40")        # the current find match
NOTE_STYLE = "background: #eef3fb; border: 1px solid #8aa4cc; padding: 4px;"

SCREEN_SHARE = 0.94                # as the main window (composer/gui/geometry.py)

_window: GuideWindow | None = None


class GuideWindow(QWidget):
    """The law text with item highlighting and a find bar. Use :func:`open_guide`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guide-window")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.guide: Guide = load_guide()
        self.current_anchor: str | None = None
        self.matches: list[tuple[int, int]] = []   # document positions (start, end)
        self.current_match = -1
        self._lang = ""
        self._blocks: dict[str, tuple[int, int]] = {}          # anchor -> first, last block
        self._starts: dict[tuple[str, str, int], int] = {}     # (anchor, field, n) -> position
        self._fit_screen(parent)

        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setObjectName("guide-translation-note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.note)
        self.location = QLabel()
        self.location.setObjectName("guide-location")
        self.location.setWordWrap(True)
        self.location.setTextFormat(Qt.TextFormat.PlainText)
        self.location.hide()
        self.goto_label = QLabel()
        self.goto = QComboBox()  # the articles and the Guide's sections, to jump to
        wheel.guard(self.goto)
        self.goto.setObjectName("guide-goto")
        self.goto.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.goto.setMinimumContentsLength(24)
        self.goto_label.setBuddy(self.goto)
        self.goto.activated.connect(lambda i: self.show_anchor(self.goto.itemData(i)))
        top = QHBoxLayout()
        for w in (self.location, self.goto_label, self.goto):
            top.addWidget(w, 1 if w is self.location else 0)
        layout.addLayout(top)
        self.text = QTextBrowser()
        self.text.setObjectName("guide-text")
        self.text.setOpenLinks(False)
        layout.addWidget(self.text, 1)
        self.status = QLabel()
        self.status.setObjectName("guide-status")
        self.status.hide()
        layout.addWidget(self.status)

        self.find_bar = QWidget()
        self.find_bar.setObjectName("guide-find-bar")
        bar = QHBoxLayout(self.find_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.find_label = QLabel()
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("guide-find")
        self.find_label.setBuddy(self.find_edit)
        self.find_count = QLabel()
        self.find_count.setObjectName("guide-find-count")
        self.find_count.setMinimumWidth(90)
        self.find_prev = QToolButton()
        self.find_prev.setObjectName("guide-find-prev")
        self.find_next = QToolButton()
        self.find_next.setObjectName("guide-find-next")
        self.find_close = QToolButton()
        self.find_close.setObjectName("guide-find-close")
        for part in (self.find_label, self.find_edit, self.find_count, self.find_prev,
                     self.find_next, self.find_close):
            bar.addWidget(part, 1 if part is self.find_edit else 0)
        layout.addWidget(self.find_bar)
        self.find_bar.hide()

        self.find_edit.textChanged.connect(self._search)
        self.find_edit.returnPressed.connect(self.next_match)
        self.find_next.clicked.connect(self.next_match)
        self.find_prev.clicked.connect(self.previous_match)
        self.find_close.clicked.connect(self.close_find)
        shortcuts = ((QKeySequence.StandardKey.Find, self, self.open_find),
                     (QKeySequence.StandardKey.FindNext, self, self.next_match),
                     (QKeySequence.StandardKey.FindPrevious, self, self.previous_match),
                     ("Shift+Return", self.find_edit, self.previous_match),
                     ("Shift+Enter", self.find_edit, self.previous_match),
                     ("Esc", self, self._escape),      # wherever the focus is
                     ("Ctrl+W", self, self.close))     # (⌘W on macOS)
        for key, owner, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut
                                if owner is not self else Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self.rebuild()

    def _fit_screen(self, parent: QWidget | None) -> None:
        """820×760 where the screen allows, else at most 94 % of it (a 1280×720 screen shows
        the find bar and the window's bottom edge too), placed wholly on the screen."""
        screen = (parent.screen() if parent is not None else None) or self.screen()
        if screen is None:
            self.resize(820, 760)
            return
        free = screen.availableGeometry()
        width, height = (min(820, int(free.width() * SCREEN_SHARE)),
                         min(760, int(free.height() * SCREEN_SHARE)))
        self.resize(width, height)
        self.move(free.x() + (free.width() - width) // 2,
                  free.y() + (free.height() - height) // 2)

    def _escape(self) -> None:
        """Esc closes the find bar when it is open, else the window."""
        if self.find_bar.isVisible():
            self.close_find()
        else:
            self.close()

    # --- building -----------------------------------------------------------------------------

    def rebuild(self) -> None:
        """(Re)write the texts and the document in the UI language; keeps item and query."""
        self._lang = i18n.language()
        english = self._lang == "en"
        self.setWindowTitle(self.tr("法规原文") + " — " + self.guide.title_zh)
        self.note.setText(
            self.tr("《办法》及附件《分级指南》全文：国家互联网信息办公室2025年9月11日公布，"
                    "2025年11月1日起施行。逐字录自注明来源为“网信中国”的转载；随程序提供，无需联网。")
            + ("\n" + self.guide.translation_note_en if english else ""))
        self.text.setAccessibleName(self.tr("法规原文"))
        self.goto_label.setText(self.tr("跳转到(&J)："))
        self.goto.clear()
        for item in self.guide.items:
            if item.kind in ("title", "article", "section", "note"):
                name = item.label if item.kind != "note" else item.text[:12] + "…"
                if item.kind == "article":
                    name += " " + item.zh[0][:14] + "…"
                self.goto.addItem(f"{place(item.anchor, 'en')} — {name}" if english else name,
                                  item.anchor)
        self.find_label.setText(self.tr("查找(&F)："))
        self.find_edit.setPlaceholderText(self.tr("输入要查找的文字"))
        self.find_prev.setText(self.tr("上一个"))
        self.find_prev.setToolTip(self.tr("上一个 (Shift+Enter, Shift+F3)"))
        self.find_next.setText(self.tr("下一个"))
        self.find_next.setToolTip(self.tr("下一个 (Enter, F3)"))
        self.find_close.setText(self.tr("关闭"))
        self.find_close.setToolTip(self.tr("关闭查找 (Esc)"))
        self._write_document(english)
        if self.current_anchor is not None:
            self._show_location()
            self._highlight_item(self.current_anchor)
        self._search()

    def _write_document(self, english: bool) -> None:
        written = write_document(self.guide, self.text, self.text.font(),
                                 self.tr("非官方翻译：") if english else None)
        self._blocks, self._starts = written.blocks, written.starts
        self.text.setDocument(written.document)  # deletes the previous one (its child)

    # --- items --------------------------------------------------------------------------------

    def show_anchor(self, anchor: str) -> bool:
        """Scroll to the item (and what is under it) and highlight it. False if unknown."""
        if anchor not in self.guide:
            self.status.setText(self.tr("没有找到条目：") + anchor)
            self.status.show()
            return False
        self.status.hide()
        self.current_anchor = anchor
        self._show_location()
        self.goto.setCurrentIndex(self.goto.findData(next(
            (i.anchor for i in (self.guide.item(anchor), *self.guide.ancestors(anchor))
             if self.goto.findData(i.anchor) >= 0), None)))
        self._highlight_item(anchor)
        self._scroll_to_block(self._blocks[anchor][0])
        QTimer.singleShot(0, self, lambda: self._scroll_to_block(self._blocks[anchor][0])
                          if self.current_anchor == anchor else None)
        return True

    def _show_location(self) -> None:
        """"Highlighted: 《指南》二、通常情况第2项 (二、重大网络安全事件)" above the text."""
        anchor = self.current_anchor
        if anchor is None:
            self.location.hide()
            return
        lang = i18n.language()
        text = place(anchor, lang)
        top = [i for i in self.guide.ancestors(anchor) if i.kind == "section"]
        if top and not text.endswith(top[0].label):
            text += i18n.pick(f"（{top[0].label}）", f" ({top[0].en.rstrip('.')})")
        self.location.setText(self.tr("已定位并以黄色标出：") + text)
        self.location.show()

    def _highlight_item(self, anchor: str) -> None:
        self._item_selections = []
        last_anchor = self.guide.subtree(anchor)[-1].anchor
        first, last = self._blocks[anchor][0], self._blocks[last_anchor][1]
        doc = self.text.document()
        for number in range(first, last + 1):
            block = doc.findBlockByNumber(number)
            sel = QTextEdit.ExtraSelection()
            # the whole block with its end: every line of a wrapped one, to the full width
            sel.cursor = QTextCursor(block)
            sel.cursor.setPosition(min(block.position() + block.length(),
                                       doc.characterCount() - 1),
                                   QTextCursor.MoveMode.KeepAnchor)
            sel.format.setBackground(HIGHLIGHT)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            self._item_selections.append(sel)
        self._apply_selections()

    def highlighted_text(self) -> str:
        """The plain text of the highlighted blocks (for tests and accessibility)."""
        if self.current_anchor is None:
            return ""
        return "\n".join(s.cursor.selectedText().rstrip("\u2029")
                         for s in self._item_selections)

    def _scroll_to_block(self, number: int) -> None:
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the text's real width, before measuring where the block is
        block = self.text.document().findBlockByNumber(number)
        top = self.text.document().documentLayout().blockBoundingRect(block).top()
        bar = self.text.verticalScrollBar()
        # a fifth of the view above the item: the lead-in or heading it belongs to stays in sight
        above = self.text.viewport().height() // 5
        bar.setValue(min(bar.maximum(), max(0, int(top) - above)))

    def block_in_view(self, anchor: str) -> bool:
        """Whether the item's first block is in the upper half of the view now."""
        block = self.text.document().findBlockByNumber(self._blocks[anchor][0])
        top = self.text.document().documentLayout().blockBoundingRect(block).top()
        y = top - self.text.verticalScrollBar().value()
        return 0 <= y <= self.text.viewport().height() / 2

    # --- find ---------------------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()
        self._search()

    def close_find(self) -> None:
        self.find_bar.hide()
        self.text.setFocus()
        self._search()

    def _search(self) -> None:
        query = self.find_edit.text() if self.find_bar.isVisibleTo(self) else ""
        hits = self.guide.search(query, english=self._lang == "en")
        self.matches = [(self._starts[(h.anchor, h.field, h.paragraph)] + h.start,
                         self._starts[(h.anchor, h.field, h.paragraph)] + h.end) for h in hits]
        self.current_match = 0 if self.matches else -1
        if self.matches and self.current_anchor is not None:
            # start at the first match at or after the highlighted item
            top = self.text.document().findBlockByNumber(
                self._blocks[self.current_anchor][0]).position()
            self.current_match = next((i for i, (s, _) in enumerate(self.matches) if s >= top), 0)
        self._show_match()

    def next_match(self) -> None:
        if self.matches:
            self.current_match = (self.current_match + 1) % len(self.matches)
            self._show_match()

    def previous_match(self) -> None:
        if self.matches:
            self.current_match = (self.current_match - 1) % len(self.matches)
            self._show_match()

    def _show_match(self) -> None:
        query = self.find_edit.text().strip() if self.find_bar.isVisibleTo(self) else ""
        if not query:
            self.find_count.setText("")
        elif not self.matches:
            self.find_count.setText(self.tr("无匹配"))
        else:
            self.find_count.setText(self.tr("第 %1/%2 处").replace(
                "%1", str(self.current_match + 1)).replace("%2", str(len(self.matches))))
        self.find_prev.setEnabled(len(self.matches) > 1)
        self.find_next.setEnabled(len(self.matches) > 1)
        self._match_selections = []
        doc = self.text.document()
        for i, (start, end) in enumerate(self.matches):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(doc)
            sel.cursor.setPosition(start)
            sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.format.setBackground(CURRENT if i == self.current_match else MATCH)
            self._match_selections.append(sel)
        self._apply_selections()
        if self.current_match >= 0:
            cursor = QTextCursor(doc)
            cursor.setPosition(self.matches[self.current_match][1])
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def current_match_text(self) -> str:
        if self.current_match < 0:
            return ""
        start, end = self.matches[self.current_match]
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _apply_selections(self) -> None:
        self.text.setExtraSelections(getattr(self, "_item_selections", [])
                                     + getattr(self, "_match_selections", []))

    # --- language -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self._language_changed)
        super().changeEvent(event)

    def _language_changed(self) -> None:
        if shiboken6.isValid(self) and self._lang != i18n.language():
            self.rebuild()


def open_guide(anchor: str | None = None, parent: QWidget | None = None) -> GuideWindow:
    """Show the 法规原文 window (reused while it exists), at ``anchor`` if given."""
    global _window
    window = _window
    if window is None or not shiboken6.isValid(window):
        window = GuideWindow(parent.window() if parent is not None else None)
        _window = window
    else:
        if parent is not None and window.parentWidget() is not parent.window():
            window.setParent(parent.window(), Qt.WindowType.Window)  # lives as long as it
        if window._lang != i18n.language():
            window.rebuild()
    window.show()
    window.raise_()
    window.activateWindow()
    if anchor:
        window.show_anchor(anchor)
    return window


__all__ = ["GuideWindow", "open_guide"]
