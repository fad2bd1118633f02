"""法规原文: the Measures and the Grading Guide in a window of their own, and links to them.

:func:`open_guide` shows the one (non-modal) :class:`GuideWindow`, reused while it exists, and
scrolls to and highlights an item by its anchor id (``guide-2-u-2``; see
:mod:`composer.core.guide`). The text comes from the bundled data, verbatim; the English UI adds
each item's English summary, labelled as an unofficial translation. Ctrl+F opens a find bar
(Enter / F3 next, Shift+Enter / Shift+F3 previous, match count, Esc closes it).

:class:`GuideLinks` is a small label of links ("《指南》二、通常情况第2项") that open the window
at an item; :func:`attach_hint_links` puts one under every threshold hint of a page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.guide import Guide, GuideItem, fact_anchors, load_guide, place
from composer.gui import i18n

HIGHLIGHT = QColor("#fff0a0")      # the item that was asked for
MATCH = QColor("#ffd8a8")          # every find match
CURRENT = QColor("#ff9c40")        # the current find match
SUMMARY_GREY = QColor("#555555")
NOTE_STYLE = "background: #eef3fb; border: 1px solid #8aa4cc; padding: 4px;"

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
        self.resize(820, 760)

        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setObjectName("guide-translation-note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.note)
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
        for w in (self.find_label, self.find_edit, self.find_count, self.find_prev,
                  self.find_next, self.find_close):
            bar.addWidget(w, 1 if w is self.find_edit else 0)
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
                     ("Esc", self.find_bar, self.close_find))
        for key, owner, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut
                                if owner is not self else Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self.rebuild()

    # --- building -----------------------------------------------------------------------------

    def rebuild(self) -> None:
        """(Re)write the texts and the document in the UI language; keeps item and query."""
        self._lang = i18n.language()
        english = self._lang == "en"
        self.setWindowTitle(self.tr("法规原文") + " — " + self.guide.title_zh)
        self.note.setText(
            self.tr("国家互联网信息办公室2025年9月11日公布、2025年11月1日起施行的正式文本，"
                    "随程序提供，无需联网。")
            + ("\n" + self.guide.translation_note_en if english else ""))
        self.text.setAccessibleName(self.tr("法规原文"))
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
            self._highlight_item(self.current_anchor)
        self._search()

    def _write_document(self, english: bool) -> None:
        doc = QTextDocument(self.text)
        doc.setDefaultFont(self.text.font())
        doc.setDocumentMargin(12)
        cursor = QTextCursor(doc)
        self._blocks.clear()
        self._starts.clear()
        base = QTextCharFormat()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        summary = QTextCharFormat()
        summary.setForeground(SUMMARY_GREY)
        summary.setFontItalic(True)
        summary_tag = QTextCharFormat(summary)
        summary_tag.setFontWeight(QFont.Weight.Bold)
        first = True
        for item in self.guide.items:
            start_block = None
            for n, para in enumerate(item.paragraphs()):
                fmt = self._block_format(item, n)
                if first:
                    cursor.setBlockFormat(fmt)
                    first = False
                else:
                    cursor.insertBlock(fmt)
                if start_block is None:
                    start_block = cursor.block().blockNumber()
                self._starts[(item.anchor, "zh", n)] = cursor.position()
                label = len(item.label) if n == 0 and item.kind not in ("lead", "paragraph") \
                    else 0
                if item.kind in ("title", "section") and n == 0:
                    label = len(para)
                cursor.insertText(para[:label], bold if label else base)
                cursor.insertText(para[label:], base)
            if english:
                fmt = self._block_format(item, 1)
                fmt.setTopMargin(1)
                cursor.insertBlock(fmt)
                tag = self.tr("非官方翻译：")
                cursor.insertText(tag, summary_tag)
                self._starts[(item.anchor, "en", 0)] = cursor.position()
                cursor.insertText(item.en, summary)
            assert start_block is not None
            self._blocks[item.anchor] = (start_block, cursor.block().blockNumber())
        self.text.setDocument(doc)  # deletes the previous one (a child of the browser)

    @staticmethod
    def _block_format(item: GuideItem, n: int) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(4)
        indent = {"article-item": 2, "paragraph": 0, "criterion": 1, "condition": 1,
                  "sub-item": 3}.get(item.kind, 0)
        fmt.setLeftMargin(indent * 14)
        if n == 0 and item.kind == "title":
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            fmt.setTopMargin(18)
            fmt.setBottomMargin(8)
            fmt.setHeadingLevel(1)
        elif n == 0 and item.kind == "section":
            fmt.setTopMargin(14)
            fmt.setHeadingLevel(2)
        elif n == 0 and item.kind in ("article", "lead", "note"):
            fmt.setTopMargin(8)
        if item.kind == "title" and n > 0:
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return fmt

    # --- items --------------------------------------------------------------------------------

    def show_anchor(self, anchor: str) -> bool:
        """Scroll to the item (and what is under it) and highlight it. False if unknown."""
        if anchor not in self.guide:
            self.status.setText(self.tr("没有找到条目：") + anchor)
            self.status.show()
            return False
        self.status.hide()
        self.current_anchor = anchor
        self._highlight_item(anchor)
        self._scroll_to_block(self._blocks[anchor][0])
        QTimer.singleShot(0, self, lambda: self._scroll_to_block(self._blocks[anchor][0])
                          if self.current_anchor == anchor else None)
        return True

    def _highlight_item(self, anchor: str) -> None:
        self._item_selections = []
        last_anchor = self.guide.subtree(anchor)[-1].anchor
        first, last = self._blocks[anchor][0], self._blocks[last_anchor][1]
        doc = self.text.document()
        for number in range(first, last + 1):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(doc.findBlockByNumber(number))
            sel.format.setBackground(HIGHLIGHT)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            self._item_selections.append(sel)
        self._apply_selections()

    def highlighted_text(self) -> str:
        """The plain text of the highlighted blocks (for tests and accessibility)."""
        if self.current_anchor is None:
            return ""
        return "\n".join(s.cursor.block().text() for s in self._item_selections)

    def _scroll_to_block(self, number: int) -> None:
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the text's real width, before measuring where the block is
        block = self.text.document().findBlockByNumber(number)
        top = self.text.document().documentLayout().blockBoundingRect(block).top()
        bar = self.text.verticalScrollBar()
        bar.setValue(min(bar.maximum(), max(0, int(top) - 24)))

    def first_visible_block(self) -> int:
        """The number of the first block at the top of the view."""
        return self.text.cursorForPosition(QPoint(0, 0)).block().blockNumber()

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


def _anchor_list(value: object) -> list[str]:
    """A ``guide`` attribute of the rule data: one anchor id, several, or none."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Iterable):
        return [v for v in value if isinstance(v, str) and v]
    return []


class GuideLinks(QLabel):
    """"法规原文：" and one link per (caption, anchor); clicking opens the guide there.

    Hidden while it has no links. ``anchors()`` lists what it links to.
    """

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.linkActivated.connect(self.open)
        self._anchors: list[str] = []
        self.hide()

    def set_links(self, entries: Iterable[tuple[str, object]], lead: str | None = None) -> None:
        """``entries``: (caption, anchor or anchors); a caption may be "" (the place alone)."""
        guide = load_guide()
        parts: list[str] = []
        self._anchors = []
        lang = i18n.language()
        for caption, value in entries:
            anchors = [a for a in _anchor_list(value) if a in guide and a not in self._anchors]
            if not anchors:
                continue
            self._anchors += anchors
            links = "、".join(f'<a href="{html.escape(a)}">{html.escape(place(a, lang))}</a>'
                             for a in anchors)
            parts.append(f"{html.escape(caption)}{i18n.pick('：', ': ')}{links}"
                         if caption else links)
        head = html.escape(lead if lead is not None else self.tr("法规原文"))
        self.setText(f"📖 {head}{i18n.pick('：', ': ')}" + "；".join(parts) if parts else "")
        self.setToolTip(self.tr("点击查看法规原文（随程序提供，无需联网）") if parts else "")
        self.setAccessibleName(self.tr("法规原文链接"))
        self.setVisible(bool(parts))

    def anchors(self) -> list[str]:
        return list(self._anchors)

    def open(self, anchor: str) -> GuideWindow:
        return open_guide(anchor, self.window())


def attach_hint_links(page: QWidget, anchors_for: Callable[[str], object] = fact_anchors
                      ) -> list[GuideLinks]:
    """Under every threshold hint (``<path>#hint``) of ``page`` whose fact the rule data ties
    to the Guide (``anchors_for(fact)``), a :class:`GuideLinks` named ``<path>#guide``."""
    made = []
    for hint in page.findChildren(QLabel):
        name = hint.objectName()
        if not name.endswith("#hint"):
            continue
        path = name[: -len("#hint")]
        parts = path.split(".")
        if len(parts) < 2 or parts[0] != "impact_facts":
            continue
        anchors = _anchor_list(anchors_for(parts[1]))
        box = hint.parentWidget()
        layout = box.layout() if box is not None else None
        if not anchors or not isinstance(layout, QVBoxLayout):
            continue
        links = GuideLinks(path + "#guide")
        links.set_links([("", anchors)])
        layout.insertWidget(layout.indexOf(hint) + 1, links)
        made.append(links)
    return made


__all__ = ["GuideLinks", "GuideWindow", "attach_hint_links", "open_guide"]
