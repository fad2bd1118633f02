"""Regulatory knowledge as data: grading criteria, categories, reporting routes, channels.

The JSON files under ``resources/rules/`` are loaded once into frozen dataclasses and checked
strictly (unknown keys, unknown levels, dangling fact paths are errors), so changing a threshold
is a one-line data edit and a typo in the data fails loudly at load time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from composer import resources
from composer.core.fields import Field, leaves_under
from composer.core.model import DefacementSite, Judgement, Level, OperatorKind, PortalSite, Region

STATUSES = ("confirmed", "single_source")
UNITS = ("duration", "percent", "people", "yuan", "times")

# Every fact path a rule may read (the leaves under impact_facts of the one field list), with
# the enumeration values it may compare against (None: a number).
_FACT_VALUES: dict[str, tuple[str, ...]] = {
    Field.PORTAL_SITE.under("impact_facts"): tuple(s.value for s in PortalSite),
    Field.POPULATION_REGION.under("impact_facts"): tuple(r.value for r in Region),
    Field.DEFACEMENT_SITE.under("impact_facts"): tuple(s.value for s in DefacementSite),
    Field.DEFACEMENT_RULING.under("impact_facts"): tuple(
        lv.value for lv in Level if lv is not Level.GENERAL),
    **{f.under("impact_facts"): tuple(j.value for j in Judgement)
       for f in (Field.DATA_THREAT, Field.SYSTEM_LOSS, Field.OTHER_THREAT)},
}
FACT_PATHS: dict[str, tuple[str, ...] | None] = {
    path: _FACT_VALUES.get(path) for path in leaves_under(Field.IMPACT_FACTS.value)}


# --- anchors into the verbatim text (GUIDE-2025.md) --------------------------------------------
# One scheme shared with the in-app 法规原文 view: art-1 … art-14 (Measures), art-7-1 … art-7-8
# (Art. 7 items), guide-1 … guide-4 (Guide sections 一 … 四), guide-L-c-N (符合下列情形之一, item N),
# guide-L-u-N (通常情况下 …, item N), guide-L-u-6-K (defacement sub-item （K）), guide-note (注).
_ANCHOR = re.compile(r"art-(?:[1-9]|1[0-4]|7-[1-8])|guide-note|guide-[1-4]"
                     r"|guide-[1-3]-c-[1-3]|guide-[1-3]-u-(?:[1-8]|6-[1-4])")
_ZH_NUM = "一二三四五六七八九十"
_SECTIONS_EN = ("I", "II", "III", "IV")


def _zh(n: int) -> str:
    """1 … 14 in Chinese numerals (十一, 十四)."""
    return _ZH_NUM[n - 1] if n <= 10 else "十" + _ZH_NUM[n - 11]


def is_guide_anchor(anchor: str) -> bool:
    return _ANCHOR.fullmatch(anchor) is not None


def guide_citation(anchor: str, lang: str = "zh") -> str:
    """The human citation of an anchor: ``guide-2-u-2`` → 《指南》二、通常情况第2项."""
    if not is_guide_anchor(anchor):
        raise ValueError(f"not a guide anchor: {anchor!r}")
    parts = anchor.split("-")
    zh = lang == "zh"
    if parts[0] == "art":
        art = int(parts[1])
        if len(parts) == 3:
            item = int(parts[2])
            return (f"《办法》第{_zh(art)}条第（{_zh(item)}）项" if zh
                    else f"Measures Art. {art} item ({item})")
        return f"《办法》第{_zh(art)}条" if zh else f"Measures Art. {art}"
    if parts[1] == "note":
        return "《指南》注" if zh else "Guide, closing note"
    section = int(parts[1])
    head = f"《指南》{_zh(section)}、" if zh else f"Guide {_SECTIONS_EN[section - 1]}"
    if len(parts) == 2:
        names = ("特别重大", "重大", "较大", "一般")
        return (head + f"{names[section - 1]}网络安全事件" if zh
                else head)
    kind, item = parts[2], int(parts[3])
    if kind == "c":
        return head + f"情形第{item}项" if zh else f"{head}, conditions item {item}"
    if len(parts) == 5:
        sub = int(parts[4])
        return (head + f"通常情况第{item}项（{sub}）" if zh
                else f"{head}, usual criteria item {item}({sub})")
    return head + f"通常情况第{item}项" if zh else f"{head}, usual criteria item {item}"


class RuleDataError(ValueError):
    """The bundled rule data is malformed (a packaging or editing mistake, not user input)."""


@dataclass(frozen=True, slots=True)
class Check:
    """One way a criterion can be met: a threshold (``minimum``) or an exact choice (``equals``)."""

    fact: str
    status: str
    guide: str           # anchor of the place in the Measures/Guide, e.g. "guide-2-u-2"
    reason: str          # Chinese template with {value} and {threshold}
    reason_en: str       # the same in English
    unit: str | None = None
    minimum: float | None = None
    equals: str | None = None
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Criterion:
    level: Level
    tests: tuple[Check, ...]


@dataclass(frozen=True, slots=True)
class Family:
    """All criteria reading one fact of ``impact_facts``, highest level first."""

    id: str
    fact: str
    zh: str
    en: str
    criteria: tuple[Criterion, ...]

    @property
    def top_level(self) -> Level:
        return max((c.level for c in self.criteria), key=lambda lv: lv.rank)


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    zh: str
    en: str
    parent: str | None = None
    ransom_items: bool = False


@dataclass(frozen=True, slots=True)
class Recipient:
    id: str                     # stable id, stored with each sending (core/history.py)
    zh: str
    en: str
    field: str | None = None
    fixed: str | None = None
    suffix: str = ""
    intake_counts: bool = False  # a sending to the 12387 intake (Art. 9) reaches it too


@dataclass(frozen=True, slots=True)
class Route:
    operator_kind: OperatorKind
    within_minutes: int
    basis: str
    recipients: tuple[Recipient, ...]


@dataclass(frozen=True, slots=True)
class Escalation:
    operator_kind: OperatorKind
    levels: tuple[Level, ...]
    by: str
    to: str
    within_minutes: int
    basis: str


@dataclass(frozen=True, slots=True)
class Channels:
    hotline: str
    website: str
    email: str
    fax: str
    wechat_mini_program: str
    wechat_account: str
    intake_zh: str
    intake_en: str


@dataclass(frozen=True, slots=True)
class ReportingRules:
    routes: tuple[Route, ...]
    escalations: tuple[Escalation, ...]
    summary_report_days: int
    channels: Channels

    def route(self, kind: OperatorKind) -> Route:
        return next(r for r in self.routes if r.operator_kind is kind)


def _keys(obj: Any, where: str, required: set[str],
          optional: frozenset[str] | set[str] = frozenset()) -> Mapping[str, Any]:
    if not isinstance(obj, Mapping):
        raise RuleDataError(f"{where}: expected an object")
    unknown = set(obj) - required - optional
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {sorted(unknown)}")
    missing = required - set(obj)
    if missing:
        raise RuleDataError(f"{where}: missing keys {sorted(missing)}")
    return obj


def _level(value: Any, where: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        raise RuleDataError(f"{where}: unknown level {value!r}") from None


def _check(raw: Any, where: str, family_fact: str) -> Check:
    t = _keys(raw, where, {"fact", "status", "guide", "reason", "reason_en"},
              {"unit", "min", "equals", "where", "note"})
    fact = t["fact"]
    if fact not in FACT_PATHS:
        raise RuleDataError(f"{where}.fact: unknown fact {fact!r}")
    if fact.split(".")[0] != family_fact:
        raise RuleDataError(f"{where}.fact: {fact!r} is not part of {family_fact!r}")
    if t["status"] not in STATUSES:
        raise RuleDataError(f"{where}.status: must be one of {STATUSES}")
    if not is_guide_anchor(t["guide"]) or not t["guide"].startswith("guide-"):
        raise RuleDataError(f"{where}.guide: {t['guide']!r} is not an anchor of the Guide")
    if ("min" in t) == ("equals" in t):
        raise RuleDataError(f"{where}: exactly one of 'min' and 'equals'")
    if "min" in t:
        if FACT_PATHS[fact] is not None:
            raise RuleDataError(f"{where}.min: {fact!r} is not a number")
        if t.get("unit") not in UNITS:
            raise RuleDataError(f"{where}.unit: must be one of {UNITS}")
        if not isinstance(t["min"], (int, float)) or t["min"] < 0:
            raise RuleDataError(f"{where}.min: must be a non-negative number")
    else:
        allowed = FACT_PATHS[fact]
        if allowed is None or t["equals"] not in allowed:
            raise RuleDataError(f"{where}.equals: {t['equals']!r} is not a value of {fact!r}")
    conditions = []
    for path, values in t.get("where", {}).items():
        allowed = FACT_PATHS.get(path)
        if allowed is None or path.split(".")[0] != family_fact:
            raise RuleDataError(f"{where}.where: {path!r} is not an enumerated part of the fact")
        bad = [v for v in values if v not in allowed]
        if bad or not values:
            raise RuleDataError(f"{where}.where.{path}: unknown values {bad}")
        conditions.append((path, tuple(values)))
    for key in ("reason", "reason_en"):
        if "min" in t and ("{value}" not in t[key] or "{threshold}" not in t[key]):
            raise RuleDataError(f"{where}.{key}: a threshold reason needs {{value}} and {{threshold}}")
    return Check(fact=fact, status=t["status"], guide=t["guide"], reason=t["reason"],
                 reason_en=t["reason_en"],
                 unit=t.get("unit"),
                minimum=t.get("min"), equals=t.get("equals"), where=tuple(conditions),
                note=t.get("note"))


def parse_grading(data: Any) -> tuple[Family, ...]:
    root = _keys(data, "grading", {"format", "families"}, {"source", "statuses"})
    if root["format"] != "composer-grading/1":
        raise RuleDataError("grading.format: expected composer-grading/1")
    families: list[Family] = []
    seen: set[str] = set()
    for i, raw in enumerate(root["families"]):
        where = f"grading.families[{i}]"
        f = _keys(raw, where, {"id", "fact", "zh", "en", "criteria"})
        if f["id"] in seen:
            raise RuleDataError(f"{where}.id: duplicate {f['id']!r}")
        seen.add(f["id"])
        criteria: list[Criterion] = []
        for j, rc in enumerate(f["criteria"]):
            cw = f"{where}.criteria[{j}]"
            c = _keys(rc, cw, {"level", "tests"})
            level = _level(c["level"], f"{cw}.level")
            if level is Level.GENERAL:
                raise RuleDataError(f"{cw}.level: 'general' is the fallback, not a criterion")
            tests = tuple(_check(t, f"{cw}.tests[{k}]", f["fact"]) for k, t in enumerate(c["tests"]))
            if not tests:
                raise RuleDataError(f"{cw}.tests: empty")
            criteria.append(Criterion(level=level, tests=tests))
        criteria.sort(key=lambda c: -c.level.rank)
        if len({c.level for c in criteria}) != len(criteria):
            raise RuleDataError(f"{where}.criteria: a level appears twice")
        families.append(Family(id=f["id"], fact=f["fact"], zh=f["zh"], en=f["en"],
                               criteria=tuple(criteria)))
    return tuple(families)


def parse_categories(data: Any) -> tuple[Category, ...]:
    root = _keys(data, "categories", {"format", "categories"}, {"source"})
    cats = []
    for i, raw in enumerate(root["categories"]):
        c = _keys(raw, f"categories[{i}]", {"id", "zh", "en"}, {"parent", "ransom_items"})
        cats.append(Category(id=c["id"], zh=c["zh"], en=c["en"], parent=c.get("parent"),
                             ransom_items=bool(c.get("ransom_items", False))))
    ids = {cat.id for cat in cats}
    if len(ids) != len(cats):
        raise RuleDataError("categories: duplicate id")
    for cat in cats:
        if cat.parent is not None and cat.parent not in ids:
            raise RuleDataError(f"categories.{cat.id}.parent: unknown category {cat.parent!r}")
    return tuple(cats)


def _kind(value: Any, where: str) -> OperatorKind:
    try:
        return OperatorKind(value)
    except ValueError:
        raise RuleDataError(f"{where}: unknown operator kind {value!r}") from None


def parse_reporting(data: Any) -> ReportingRules:
    root = _keys(data, "reporting", {"format", "routes", "escalations", "summary_report_days",
                                     "channels"}, {"source"})
    routes = []
    seen_ids: set[str] = set()
    for i, raw in enumerate(root["routes"]):
        w = f"reporting.routes[{i}]"
        r = _keys(raw, w, {"operator_kind", "within_minutes", "basis", "recipients"})
        recips = []
        for j, rr in enumerate(r["recipients"]):
            rec = _keys(rr, f"{w}.recipients[{j}]", {"id", "zh", "en"},
                        {"field", "fixed", "suffix", "intake_counts"})
            if not isinstance(rec.get("intake_counts", False), bool):
                raise RuleDataError(f"{w}.recipients[{j}].intake_counts: must be true or false")
            if ("field" in rec) == ("fixed" in rec):
                raise RuleDataError(f"{w}.recipients[{j}]: exactly one of 'field' and 'fixed'")
            if rec.get("field") not in (None, "protection_department", "cac_office", "province"):
                raise RuleDataError(f"{w}.recipients[{j}].field: not an operator field")
            if rec["id"] in seen_ids or rec["id"] == "intake":
                raise RuleDataError(f"{w}.recipients[{j}].id: {rec['id']!r} is used twice")
            seen_ids.add(rec["id"])
            recips.append(Recipient(id=rec["id"], zh=rec["zh"], en=rec["en"],
                                    field=rec.get("field"),
                                    fixed=rec.get("fixed"), suffix=rec.get("suffix", ""),
                                    intake_counts=rec.get("intake_counts", False)))
        routes.append(Route(operator_kind=_kind(r["operator_kind"], w),
                            within_minutes=int(r["within_minutes"]), basis=r["basis"],
                            recipients=tuple(recips)))
    if {r.operator_kind for r in routes} != set(OperatorKind):
        raise RuleDataError("reporting.routes: need exactly one route per operator kind")
    escalations = []
    for i, raw in enumerate(root["escalations"]):
        w = f"reporting.escalations[{i}]"
        e = _keys(raw, w, {"operator_kind", "levels", "by", "to", "within_minutes", "basis"})
        escalations.append(Escalation(
            operator_kind=_kind(e["operator_kind"], w),
            levels=tuple(_level(v, f"{w}.levels") for v in e["levels"]),
            by=e["by"], to=e["to"], within_minutes=int(e["within_minutes"]), basis=e["basis"]))
    ch = _keys(root["channels"], "reporting.channels",
               {"hotline", "website", "email", "fax", "wechat_mini_program", "wechat_account",
                "intake_zh", "intake_en"})
    return ReportingRules(routes=tuple(routes), escalations=tuple(escalations),
                          summary_report_days=int(root["summary_report_days"]),
                          channels=Channels(**ch))


@cache
def grading_rules() -> tuple[Family, ...]:
    return parse_grading(resources.read_json("rules/grading.json"))


@cache
def categories() -> tuple[Category, ...]:
    return parse_categories(resources.read_json("rules/categories.json"))


def category(category_id: str | None) -> Category | None:
    return next((c for c in categories() if c.id == category_id), None)


@cache
def reporting_rules() -> ReportingRules:
    return parse_reporting(resources.read_json("rules/reporting.json"))
