"""The province-level regions a unit reports in: the 31 of the mainland and the Xinjiang
Production and Construction Corps (新疆生产建设兵团, with a cyberspace affairs office of its own).

Rule data (``resources/rules/regions.json``), loaded once and checked like the other rule data:
unknown keys, duplicate ids and a name or alias that could mean two regions are errors. The
province field of a unit is chosen from this list in the app; :func:`match_region` reads what
older files hold as free text (江苏, 江苏省, Jiangsu, jiangsu province …) so the recipient is
always named from the list (江苏省网信办, never 江苏网信办).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from composer import resources
from composer.core.rules import RuleDataError, _keys

# what a Latin spelling may add to the name (Jiangsu Province, Beijing Shi, Guangxi Zizhiqu)
_LATIN_SUFFIXES = ("autonomousregion", "municipality", "province", "zizhiqu", "sheng", "shi")
_CHINESE_SUFFIXES = ("省", "市", "自治区")


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name: str          # the official full name: 江苏省, 广西壮族自治区, 新疆生产建设兵团
    short: str         # 江苏, 广西, 兵团
    en: str
    aliases: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        """Every form a file may hold that means this region (not yet normalised)."""
        chinese = (self.name, self.short, *(self.short + s for s in _CHINESE_SUFFIXES))
        return (*chinese, self.en, self.id, *self.aliases)


def _normal(text: str) -> str:
    """Case, spaces, hyphens and underscores do not count; nor a Latin 'province' suffix."""
    key = re.sub(r"[\s\-_'.,·]+", "", unicodedata.normalize("NFKC", text)).casefold()
    if key.isascii():
        for suffix in _LATIN_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                break
    return key


def parse_regions(data: Any) -> tuple[Region, ...]:
    root = _keys(data, "regions", {"format", "regions"}, {"source"})
    if root["format"] != "composer-regions/1":
        raise RuleDataError(f"regions.format: {root['format']!r} is not composer-regions/1")
    out: list[Region] = []
    for i, raw in enumerate(root["regions"]):
        where = f"regions.regions[{i}]"
        r = _keys(raw, where, {"id", "name", "short", "en"}, {"aliases"})
        texts = [r["id"], r["name"], r["short"], r["en"], *r.get("aliases", [])]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            raise RuleDataError(f"{where}: every name must be a non-empty text")
        if r["short"] not in r["name"]:
            raise RuleDataError(f"{where}.short: {r['short']!r} is not part of {r['name']!r}")
        out.append(Region(id=r["id"], name=r["name"], short=r["short"], en=r["en"],
                          aliases=tuple(r.get("aliases", []))))
    owner: dict[str, str] = {}
    for region in out:
        if region.id in {o.id for o in out if o is not region}:
            raise RuleDataError(f"regions: id {region.id!r} is used twice")
        for spelling in region.spellings():
            key = _normal(spelling)
            if owner.setdefault(key, region.id) != region.id:
                raise RuleDataError(f"regions: {spelling!r} would mean both {owner[key]!r} "
                                    f"and {region.id!r}")
    return tuple(out)


@cache
def regions() -> tuple[Region, ...]:
    return parse_regions(resources.read_json("rules/regions.json"))


@cache
def _by_spelling() -> dict[str, Region]:
    return {_normal(s): region for region in regions() for s in region.spellings()}


def region_by_name(name: str | None) -> Region | None:
    """The region whose official full name is exactly ``name``."""
    return next((r for r in regions() if r.name == name), None)


def match_region(text: str | None) -> Region | None:
    """The region ``text`` means — its full or short name, with or without 省/市/自治区, its
    English or pinyin name (any case, spaces ignored) or a known alias — else None (the app
    then asks the user to choose)."""
    if not text or not text.strip():
        return None
    return _by_spelling().get(_normal(text))


__all__ = ["Region", "match_region", "parse_regions", "region_by_name", "regions"]
