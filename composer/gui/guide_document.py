"""The 法规原文 window's text: the guide data written into a QTextDocument.

Each item's Chinese paragraphs are blocks (the label bold, titles centred, list items indented);
in the English UI a grey italic block "Unofficial translation: …" follows each item. The
positions of the blocks and paragraphs are kept so the window can highlight an item and mark
the matches of :meth:`composer.core.guide.Guide.search`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from composer.core.guide import Guide, GuideItem

SUMMARY_GREY = QColor("#555555")


@dataclass
class WrittenGuide:
    document: QTextDocument
    blocks: dict[str, tuple[int, int]]          # anchor -> first, last block number
    starts: dict[tuple[str, str, int], int]     # (anchor, "zh"|"en", paragraph) -> position


def write_document(guide: Guide, parent: QObject, font: QFont,
                   summary_tag: str | None) -> WrittenGuide:
    """The document of the whole text; with ``summary_tag`` (the English UI) each item's
    English summary follows it, introduced by that tag."""
    doc = QTextDocument(parent)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(12)
    cursor = QTextCursor(doc)
    blocks: dict[str, tuple[int, int]] = {}
    starts: dict[tuple[str, str, int], int] = {}
    base = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    summary = QTextCharFormat()
    summary.setForeground(SUMMARY_GREY)
    summary.setFontItalic(True)
    tag_format = QTextCharFormat(summary)
    tag_format.setFontWeight(QFont.Weight.Bold)
    first = True
    for item in guide.items:
        start_block = None
        for n, para in enumerate(item.paragraphs()):
            fmt = block_format(item, n)
            if first:
                cursor.setBlockFormat(fmt)
                first = False
            else:
                cursor.insertBlock(fmt)
            if start_block is None:
                start_block = cursor.block().blockNumber()
            starts[(item.anchor, "zh", n)] = cursor.position()
            label = len(item.label) if n == 0 and item.kind not in ("lead", "paragraph") else 0
            if item.kind in ("title", "section") and n == 0:
                label = len(para)
            cursor.insertText(para[:label], bold if label else base)
            cursor.insertText(para[label:], base)
        if summary_tag is not None:
            fmt = block_format(item, 1)
            fmt.setTopMargin(1)
            cursor.insertBlock(fmt)
            cursor.insertText(summary_tag, tag_format)
            starts[(item.anchor, "en", 0)] = cursor.position()
            cursor.insertText(item.en, summary)
        assert start_block is not None
        blocks[item.anchor] = (start_block, cursor.block().blockNumber())
    return WrittenGuide(doc, blocks, starts)


def block_format(item: GuideItem, n: int) -> QTextBlockFormat:
    """The layout of paragraph ``n`` of an item (n > 0: a further paragraph or the summary)."""
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


__all__ = ["WrittenGuide", "block_format", "write_document"]
