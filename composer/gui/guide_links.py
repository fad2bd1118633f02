"""Links to the law's text from the pages: each opens the 法规原文 window at an item.

:class:`GuideLinks` is a label "法规原文：《指南》二、通常情况第2项…"; :func:`link_citations` turns
the citations inside a label's text (the grading reasons) into links; :func:`attach_hint_links`
puts a :class:`GuideLinks` under every threshold hint of a page. The window itself is
:mod:`composer.gui.guide_view`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from composer.gui import i18n

if TYPE_CHECKING:
    from composer.gui.guide_view import GuideWindow

def _open(anchor: str, parent: QWidget) -> GuideWindow:
    """The 法规原文 window at ``anchor`` (its module is loaded when first opened, not with the
    first window)."""
    from composer.gui.guide_view import open_guide

    return open_guide(anchor, parent)


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
        import html  # with the pages that link, not with the first window

        from composer.core.guide import load_guide, place

        guide = load_guide()
        parts: list[str] = []
        self._anchors = []
        lang = i18n.language()
        for caption, value in entries:
            anchors = [a for a in _anchor_list(value) if a in guide and a not in self._anchors]
            if not anchors:
                continue
            self._anchors += anchors
            links = i18n.pick("、", ", ").join(f'<a href="{html.escape(a)}">{html.escape(place(a, lang))}</a>'
                             for a in anchors)
            parts.append(f"{html.escape(caption)}{i18n.pick('：', ': ')}{links}"
                         if caption else links)
        head = html.escape(lead if lead is not None else self.tr("法规原文"))
        self.setText(f"{head}{i18n.pick('：', ': ')}" + i18n.pick("；", "; ").join(parts)
                     if parts else "")
        self.setToolTip(self.tr("点击查看法规原文（随程序提供，无需联网）") if parts else "")
        self.setAccessibleName(self.tr("法规原文链接"))
        self.setVisible(bool(parts))

    def anchors(self) -> list[str]:
        return list(self._anchors)

    def open(self, anchor: str) -> GuideWindow:
        return _open(anchor, self.window())


def link_citations(label: QLabel, anchors: Iterable[str]) -> set[str]:
    """Turn the citations of ``anchors`` (《指南》二、通常情况第2项, as the grading reasons
    write them) in the plain text just set on ``label`` into links to the guide, keeping the
    text as it reads. Returns the anchors whose citation was found."""
    import html

    from composer.core.guide import load_guide, place

    guide = load_guide()
    lang = i18n.language()
    cites = {place(a, lang): a for a in anchors if a and a in guide}
    text = label.text()
    found: set[str] = set()
    if text == label.property("guideHtml"):  # already linked (no new text since)
        return set(label.property("guideFound") or ())
    if cites:
        # longest first: 第6项（1） before 第6项
        pattern = re.compile("|".join(re.escape(html.escape(c))
                                      for c in sorted(cites, key=len, reverse=True)))

        def link(m: re.Match[str]) -> str:
            anchor = cites[html.unescape(m.group(0))]
            found.add(anchor)
            return f'<a href="{html.escape(anchor)}">{m.group(0)}</a>'

        rich = "<br>".join(pattern.sub(link, html.escape(line)) for line in text.split("\n"))
        if found:
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(rich)
            label.setProperty("guideHtml", rich)
            label.setProperty("guideFound", sorted(found))
    if not found:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setProperty("guideHtml", None)
    label.setTextInteractionFlags(label.textInteractionFlags()
                                  | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    if not label.property("guideLinked"):
        label.setProperty("guideLinked", True)
        label.linkActivated.connect(lambda anchor: _open(anchor, label.window()))
    return found


def attach_hint_links(page: QWidget, anchors_for: Callable[[str], object] | None = None
                      ) -> list[GuideLinks]:
    """Under every threshold hint (``<path>#hint``) of ``page`` whose fact the rule data ties
    to the Guide (``anchors_for(fact)``, by default :func:`composer.core.guide.fact_anchors`),
    a :class:`GuideLinks` named ``<path>#guide``."""
    if anchors_for is None:
        from composer.core.guide import fact_anchors

        anchors_for = fact_anchors
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
        layout.insertWidget(layout.indexOf(hint) + 1, links)  # parented before it is shown
        links.set_links([("", anchors)])
        made.append(links)
    return made


__all__ = ["GuideLinks", "attach_hint_links", "link_citations"]
