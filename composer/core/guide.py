"""The law's own words: the Measures' 14 articles and the Grading Guide, from bundled data.

``resources/guide/measures-guide-2025.json`` (built by ``tools/build_guide.py`` from the
verbatim final text) holds ordered items. Each has an ``anchor`` id (``art-4``, ``art-7-2``,
``guide-2-u-2``, ``guide-note``… — the ids the rule data's ``guide`` keys point to), a ``kind``,
its ``parent``, a ``label`` (第四条, 1., （1）…), the Chinese text verbatim (``zh``, one string a
paragraph) and an English summary (``en``, an unofficial translation).

:func:`load_guide` returns a :class:`Guide`; :meth:`Guide.search` finds plain text;
:func:`place` names an item for a link (《指南》二、通常情况第2项). Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from composer.resources import read_json

FORMAT = "composer-guide/1"
DATA = "guide/measures-guide-2025.json"

KINDS = ("title", "article", "article-item", "paragraph", "section", "lead", "criterion",
         "condition", "sub-item", "note")
BOLD_KINDS = ("title", "article", "section")  # their label is bold in the source
ARTICLE_GAP = "\u00a0"  # the source separates 第N条 from its text by a no-break space
_TOP_KEYS = {"format", "title_zh", "title_en", "source", "source_sha256", "translation_note_zh",
             "translation_note_en", "items"}
_ITEM_KEYS = {"anchor", "kind", "parent", "label", "zh", "en"}
_ANCHOR = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class GuideDataError(ValueError):
    """The bundled guide data is malformed (names the item and what is wrong)."""


@dataclass(frozen=True, slots=True)
class GuideItem:
    anchor: str
    kind: str
    parent: str | None
    label: str               # 第四条, （二）, 1., （1）, 注：, a title; "" for a plain paragraph
    zh: tuple[str, ...]      # the Chinese paragraphs, verbatim (after the label)
    en: str                  # English summary: an unofficial translation

    def paragraphs(self) -> tuple[str, ...]:
        """The Chinese text as shown: the label starts the first paragraph (a title or a
        section heading is a paragraph of its own)."""
        if self.kind in ("title", "section"):
            return (self.label, *self.zh)
        if not self.zh:
            return (self.label,)
        gap = ARTICLE_GAP if self.kind == "article" else ""
        return (self.label + gap + self.zh[0], *self.zh[1:])

    @property
    def text(self) -> str:
        """All the Chinese text of the item, one line a paragraph."""
        return "\n".join(self.paragraphs())


@dataclass(frozen=True, slots=True)
class Match:
    """A hit of :meth:`Guide.search`: characters ``start:end`` of one paragraph of an item
    (``field`` "zh": ``paragraphs()[paragraph]``; "en": the English summary, paragraph 0)."""

    anchor: str
    field: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Guide:
    items: tuple[GuideItem, ...]
    title_zh: str
    title_en: str
    source: str
    source_sha256: str
    translation_note_zh: str
    translation_note_en: str
    _index: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, data: Any) -> Guide:
        """Check and convert the parsed JSON (unknown keys, kinds, anchors, parents)."""
        if not isinstance(data, dict):
            raise GuideDataError("guide data: not an object")
        unknown = set(data) - _TOP_KEYS
        if unknown or set(data) != _TOP_KEYS:
            raise GuideDataError(f"guide data: unknown keys {sorted(unknown)}, "
                                 f"missing {sorted(_TOP_KEYS - set(data))}")
        if data["format"] != FORMAT:
            raise GuideDataError(f"guide data: format {data['format']!r}, expected {FORMAT!r}")
        items: list[GuideItem] = []
        index: dict[str, int] = {}
        for n, raw in enumerate(data["items"]):
            where = f"guide data: items[{n}]"
            if not isinstance(raw, dict) or set(raw) != _ITEM_KEYS:
                keys = sorted(raw) if isinstance(raw, dict) else raw
                raise GuideDataError(f"{where}: keys {keys}, expected {sorted(_ITEM_KEYS)}")
            anchor = raw["anchor"]
            if not isinstance(anchor, str) or not _ANCHOR.fullmatch(anchor):
                raise GuideDataError(f"{where}: bad anchor {anchor!r}")
            if anchor in index:
                raise GuideDataError(f"{where}: anchor {anchor} given twice")
            if raw["kind"] not in KINDS:
                raise GuideDataError(f"{where} ({anchor}): unknown kind {raw['kind']!r}")
            if raw["parent"] is not None and raw["parent"] not in index:
                raise GuideDataError(f"{where} ({anchor}): parent {raw['parent']!r} "
                                     "is not an earlier item")
            zh = raw["zh"]
            if (not isinstance(zh, list) or not all(isinstance(p, str) and p for p in zh)
                    or not isinstance(raw["label"], str)
                    or not isinstance(raw["en"], str) or not raw["en"].strip()):
                raise GuideDataError(f"{where} ({anchor}): label, zh or en malformed")
            index[anchor] = len(items)
            items.append(GuideItem(anchor=anchor, kind=raw["kind"], parent=raw["parent"],
                                   label=raw["label"], zh=tuple(zh), en=raw["en"]))
        return cls(items=tuple(items), title_zh=str(data["title_zh"]),
                   title_en=str(data["title_en"]), source=str(data["source"]),
                   source_sha256=str(data["source_sha256"]),
                   translation_note_zh=str(data["translation_note_zh"]),
                   translation_note_en=str(data["translation_note_en"]), _index=index)

    def __contains__(self, anchor: object) -> bool:
        return anchor in self._index

    def get(self, anchor: str) -> GuideItem | None:
        n = self._index.get(anchor)
        return None if n is None else self.items[n]

    def item(self, anchor: str) -> GuideItem:
        """The item with this anchor (KeyError names an unknown one)."""
        found = self.get(anchor)
        if found is None:
            raise KeyError(f"no guide item {anchor!r}")
        return found

    def children(self, anchor: str) -> tuple[GuideItem, ...]:
        return tuple(i for i in self.items if i.parent == anchor)

    def subtree(self, anchor: str) -> tuple[GuideItem, ...]:
        """The item and everything under it, in document order (contiguous in the data)."""
        inside = {anchor}
        out = []
        for i in self.items:
            if i.anchor == anchor or i.parent in inside:
                inside.add(i.anchor)
                out.append(i)
        return tuple(out)

    def ancestors(self, anchor: str) -> Iterator[GuideItem]:
        parent = self.item(anchor).parent
        while parent is not None:
            item = self.item(parent)
            yield item
            parent = item.parent

    def search(self, query: str, *, english: bool = False) -> list[Match]:
        """Every occurrence of ``query`` (plain text, case-insensitive) in document order:
        the Chinese paragraphs, and with ``english`` the English summaries after each item."""
        needle = query.lower()
        if not needle.strip():
            return []
        out: list[Match] = []
        for item in self.items:
            parts = [("zh", n, p) for n, p in enumerate(item.paragraphs())]
            if english:
                parts.append(("en", 0, item.en))
            for fld, n, text in parts:
                hay = text.lower()
                if len(hay) != len(text):  # a case mapping that changes lengths: exact only
                    hay, key = text, query
                else:
                    key = needle
                start = hay.find(key)
                while start >= 0:
                    out.append(Match(item.anchor, fld, n, start, start + len(key)))
                    start = hay.find(key, start + max(len(key), 1))
        return out


def source_paragraphs(text: str) -> list[str]:
    """Paragraphs of a markdown text (separated by blank lines, outer whitespace stripped)."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def markdown(guide: Guide) -> str:
    """The law's text in the source's markdown form (bold titles, headings and article
    numbers), paragraphs separated by a blank line: equal to the source when the data is."""
    out: list[str] = []
    for item in guide.items:
        paragraphs = list(item.paragraphs())
        if item.kind in BOLD_KINDS:
            paragraphs[0] = f"**{item.label}**" + paragraphs[0][len(item.label):]
        out += paragraphs
    return "\n\n".join(out)


@cache
def load_guide() -> Guide:
    """The bundled Measures and Guide (cached)."""
    return Guide.from_data(read_json(DATA))


def fact_anchors(fact: str) -> list[str]:
    """The Guide items the rule data ties to a fact (top-level key of ``impact_facts``), in
    the order of the rules (highest level first), each once. Rule data without ``guide`` keys
    gives none."""
    from composer.core.rules import grading_rules

    guide = load_guide()
    out: list[str] = []
    for family in grading_rules():
        if family.fact != fact:
            continue
        for criterion in family.criteria:
            for test in criterion.tests:
                value = getattr(test, "guide", None)
                values = [value] if isinstance(value, str) else list(value or ())
                out += [a for a in values if isinstance(a, str) and a in guide and a not in out]
    return out


_ARTICLE_ZH = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def place(anchor: str, lang: str = "zh") -> str:
    """A short citation of an item for a link: 《办法》第七条第（二）项, 《指南》二、通常情况第2项…
    The rule data's anchors are cited as :func:`composer.core.rules.guide_citation` cites them
    (the same words as the grading reasons); this adds the other items of the data (titles,
    Art. 7's paragraphs, the lead-in sentences). Unknown ids are returned as they are."""
    from composer.core.rules import guide_citation, is_guide_anchor

    zh = lang == "zh"
    if is_guide_anchor(anchor):
        return guide_citation(anchor, lang)
    if anchor == "measures":
        return "《国家网络安全事件报告管理办法》" if zh else "Measures"
    if anchor == "guide":
        return "《网络安全事件分级指南》" if zh else "Grading Guide"
    para = re.fullmatch(r"art-7-p([23])", anchor)
    if para:
        k = int(para.group(1))
        return f"《办法》第七条第{_ARTICLE_ZH[k - 1]}款" if zh else f"Measures Art. 7 ¶{k}"
    lead = re.fullmatch(r"guide-([1-3])-([cu])", anchor)
    if lead:
        head = guide_citation(f"guide-{lead.group(1)}", lang)
        if zh:
            return head + ("：符合下列情形之一" if lead.group(2) == "c" else "：通常情况")
        return head + (", conditions" if lead.group(2) == "c" else ", usual criteria")
    return anchor


__all__ = ["DATA", "FORMAT", "Guide", "GuideDataError", "GuideItem", "Match", "fact_anchors",
           "load_guide", "markdown", "place", "source_paragraphs"]
