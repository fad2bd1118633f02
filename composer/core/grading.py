"""Grade an incident under the Incident Grading Guide, from the rule data.

The level is the highest any criterion reaches ("以上" includes the threshold itself). Each fired
family reports its highest level with a Chinese reason quoting the fact and the threshold.
``missing`` lists the unknown facts that could still raise the level. When the level rests only on
numbers that are not confirmed final text, :attr:`Grading.needs_confirmation` is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from composer.core.model import ImpactFacts, Level
from composer.core.rules import Check, Family, grading_rules, guide_citation

UNVERIFIED_NOTICE = "依据未核实，请对照原文"
UNVERIFIED_NOTICE_EN = "Basis not verified against the final text: please check and confirm."


@dataclass(frozen=True, slots=True)
class FiredCriterion:
    id: str              # the family id, e.g. "cii_total_outage"
    level: Level
    reason: str          # Chinese, quotes the fact and the threshold
    reason_en: str       # the same in English
    status: str          # confirmed | single_source
    fact: str            # the fact path that met the test
    guide: str = ""      # anchor of the Guide's item, e.g. "guide-2-u-2" (rules.guide_citation)


@dataclass(frozen=True, slots=True)
class Remark:
    """Why a fact that was given did not grade as one might expect (one line, the Guide's
    place cited). The outputs print it beside the grading reasons."""

    fact: str
    zh: str
    en: str
    guide: str = ""      # anchor of the Guide's item whose figures were reached


@dataclass(frozen=True, slots=True)
class MissingFact:
    fact: str            # top-level key of impact_facts, or "defacement.site"/"portal_outage.site"
    zh: str
    en: str
    could_reach: Level
    sentence: bool = False  # zh/en are a whole sentence that already names the level
    guide: str = ""         # anchor of the Guide's item the sentence cites


@dataclass(frozen=True, slots=True)
class Grading:
    level: Level
    criteria: tuple[FiredCriterion, ...]
    missing: tuple[MissingFact, ...]
    confirmed_level: Level       # the level reached by confirmed criteria alone
    remarks: tuple[Remark, ...] = ()

    @property
    def reportable(self) -> bool:
        return self.level.reportable

    @property
    def notes_zh(self) -> list[str]:
        """The one-line notes the outputs print beside the grading reasons: a site that capped
        the level (or kept a criterion from applying), and a site not given that could raise
        it."""
        return [r.zh for r in self.remarks] + [m.zh for m in self.missing if m.sentence]

    @property
    def needs_confirmation(self) -> bool:
        """No confirmed criterion backs the level: the user must check it against the text."""
        return self.confirmed_level.rank < self.level.rank


def fact_value(facts: ImpactFacts, path: str) -> Any:
    """The value at a dotted fact path (enums as their ids), or None when unknown."""
    node: Any = facts
    for part in path.split("."):
        node = getattr(node, part, None)
        if node is None:
            return None
    return node.value if isinstance(node, Enum) else node


# --- formatting of values and thresholds ------------------------------------------------------

def format_minutes(minutes: float, lang: str = "zh") -> str:
    minutes = round(minutes, 1)
    hour, minute = ("小时", "分钟") if lang == "zh" else ("h", "min")
    if minutes >= 60:
        h, m = divmod(minutes, 60)
        m = round(m, 1)
        hours = f"{int(h)} {hour}"
        return hours if m == 0 else f"{hours} {_num(m)} {minute}"
    return f"{_num(minutes)} {minute}"


def _num(x: float) -> str:
    """A number exactly as given (thousands separated): 49.999 stays 49.999, never 50."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return format(Decimal(repr(float(x))), ",f")


_UNIT_WORDS = {"zh": {"people": " 人", "yuan": " 元", "times": " 次"},
               "en": {"people": " people", "yuan": " yuan", "times": ""}}


def format_quantity(unit: str | None, value: float, lang: str = "zh") -> str:
    """A value in a unit of the rule data: minutes, percent, people, yuan, times (zh or en)."""
    if unit == "duration":
        return format_minutes(value, lang)
    if unit == "percent":
        return f"{_num(value)}%"
    return _num(value) + _UNIT_WORDS[lang].get(unit or "", "")


def format_given(unit: str | None, raw: float, lang: str = "zh") -> str:
    """A fact's figure as the file gives it (durations in hours): 0.75 → 45 分钟, 1.5 →
    1 小时 30 分钟, but 5.9999 → 5.9999 小时 — never a figure rounded across a threshold."""
    if unit == "duration":
        minutes = float(raw) * 60
        if abs(minutes - round(minutes)) <= 1e-6:
            return format_minutes(round(minutes), lang)
        return f"{_num(raw)} " + ("小时" if lang == "zh" else "h")
    return format_quantity(unit, raw, lang)


def _measure(test: Check, raw: Any) -> float:
    """The fact in the test's unit (durations: hours in the file, minutes in the rules)."""
    if test.unit == "duration":
        return round(float(raw) * 60, 6)
    return float(raw)


# A site that is not given grades as the lowest tier, ``other`` (the least any site gives: the
# 较大 defacement list names every site, no portal list names ``other``); grading then lists the
# site as missing when a site of a higher tier would raise the level (README decisions).
SITE_FACTS = {"portal_outage": "portal_outage.site", "defacement": "defacement.site"}
UNKNOWN_SITE_GRADES_AS = "other"


def _meets(test: Check, facts: ImpactFacts) -> tuple[bool, float | None]:
    for path, allowed in test.where:
        value = fact_value(facts, path)
        if value is None and path in SITE_FACTS.values():
            value = UNKNOWN_SITE_GRADES_AS
        if value not in allowed:
            return False, None
    raw = fact_value(facts, test.fact)
    if raw is None:
        return False, None
    if test.equals is not None:
        return raw == test.equals, None
    assert test.minimum is not None
    value = _measure(test, raw)
    return value >= test.minimum, value


def cite(text: str, anchor: str, lang: str = "zh") -> str:
    """``text`` followed by the place of the Guide it rests on."""
    if lang == "zh":
        return f"{text}——{guide_citation(anchor)}"
    return f"{text} ({guide_citation(anchor, 'en')})"


def _reason(test: Check, raw: Any, lang: str = "zh") -> str:
    template = test.reason if lang == "zh" else test.reason_en
    if test.minimum is not None and raw is not None:
        template = template.format(value=format_given(test.unit, raw, lang),
                                   threshold=format_quantity(test.unit, test.minimum, lang))
    return cite(template, test.guide, lang)


def _grade_family(family: Family, facts: ImpactFacts) -> tuple[FiredCriterion | None, bool]:
    """The family's highest fired criterion, and whether a confirmed test fired at that level."""
    for criterion in family.criteria:  # highest level first
        met = [(t, v) for t in criterion.tests for ok, v in [_meets(t, facts)] if ok]
        if not met:
            continue
        # Prefer a confirmed test as the stated reason.
        met.sort(key=lambda tv: tv[0].status != "confirmed")
        test, _ = met[0]
        raw = fact_value(facts, test.fact) if test.minimum is not None else None
        fired = FiredCriterion(id=family.id, level=criterion.level, reason=_reason(test, raw),
                               reason_en=_reason(test, raw, "en"), status=test.status,
                               fact=test.fact, guide=test.guide)
        return fired, test.status == "confirmed"
    return None, False


def _confirmed_level(family: Family, facts: ImpactFacts) -> int:
    for criterion in family.criteria:
        if any(t.status == "confirmed" and _meets(t, facts)[0] for t in criterion.tests):
            return criterion.level.rank
    return Level.GENERAL.rank


CII_FACTS = ("cii_total_outage_hours", "cii_main_function_outage_hours")


def _unmet_where(test: Check, facts: ImpactFacts) -> bool:
    """The fact meets the test's number but its site (or region) is not one the test names."""
    if not test.where:
        return False
    bare = Check(fact=test.fact, status=test.status, guide=test.guide, reason=test.reason,
                 reason_en=test.reason_en, unit=test.unit, minimum=test.minimum,
                 equals=test.equals)
    return _meets(bare, facts)[0] and not _meets(test, facts)[0]


# What reaching a level's figures is called, per family (the Guide's words for defacement).
_FIGURES = {"portal_outage": ("不能访问时长", "the outage reaches"),
            "defacement": ("传播数据", "the spread figures reach")}
_SCALE = {"especially_major": ("的“特大范围”", "“especially wide spread”"),
          "major": ("的“大范围”", "“wide spread”"),
          "relatively_major": ("的“较大范围”", "“relatively wide spread”")}

# The sites each level's list names (《指南》通常情况第1项 and 第6项), for asking for the site.
_SITE_LISTS: dict[tuple[str, str], tuple[str, str]] = {
    ("portal_outage", "especially_major"): (
        "省级以上党政机关门户网站、中央重点新闻网站",
        "a provincial-or-above Party/government portal or a central key news website"),
    ("portal_outage", "major"): (
        "地市级以上党政机关、企事业单位门户网站或省级以上重点新闻网站",
        ("a prefecture-or-above Party/government or enterprise/public-institution portal, or a "
        "provincial-or-above key news website")),
    ("defacement", "especially_major"): (
        "省级以上党政机关门户网站、中央重点新闻网站、超大型网络平台等",
        ("a provincial-or-above Party/government portal, a central key news website, a "
        "super-large platform or the like")),
    ("defacement", "major"): (
        "地市级以上党政机关、企事业单位门户网站、省级以上重点新闻网站、大型以上网络平台等",
        ("a prefecture-or-above Party/government or enterprise/public-institution portal, a "
        "provincial-or-above key news website, a large-or-above platform or the like")),
}
_SITE_LISTS[("portal_outage", "relatively_major")] = _SITE_LISTS[("portal_outage", "major")]
_SITE_SUBJECT = {"portal_outage": ("不能访问网站", "unreachable website"),
                 "defacement": ("被篡改网站", "defaced website")}


def _blocked(family: Family, facts: ImpactFacts, above: int) -> list[tuple[Level, Check]]:
    """The criteria above rank ``above`` whose figures are met but whose site list is not."""
    return [(c.level, t) for c in family.criteria for t in c.tests
            if c.level.rank > above and _unmet_where(t, facts)]


def _site_remark(family: Family, facts: ImpactFacts, fired_rank: int) -> Remark | None:
    """One line for a site that was given and keeps the figures from the level they reach."""
    blocked = _blocked(family, facts, fired_rank)
    if not blocked:
        return None
    top, test = max(blocked, key=lambda lt: lt[0].rank)
    if family.id == "portal_outage" and not fired_rank:
        return Remark(
            fact=family.fact, guide=test.guide,
            zh="网站不能访问：该网站不是《指南》通常情况第1项列举的党政机关、企事业单位门户"
               "网站或重点新闻网站，该项标准不适用。",
            en="Website unreachable: the site is not one of the portals or key news "
               "websites the Guide names (usual criteria item 1), so this criterion does "
               "not apply.")
    reached = Level.by_rank(fired_rank)
    fig_zh, fig_en = _FIGURES[family.id]
    scale_zh, scale_en = (_SCALE[top.value] if family.id == "defacement"
                          else ("的数值", "value"))
    return Remark(
        fact=family.fact, guide=test.guide,
        zh=f"网站级别限定定级：{fig_zh}达到{top.zh}{scale_zh}（{guide_citation(test.guide)}），"
           f"但该网站不属该项所列网站，定级以{reached.zh}为限。",
        en=f"Capped by the site: {fig_en} the {top.en.lower()} {scale_en} "
           f"({guide_citation(test.guide, 'en')}), but the site is not one that item "
           f"names, so the level is capped at {reached.en.lower()}.")


def _remarks(families: tuple[Family, ...], facts: ImpactFacts,
             fired: list[FiredCriterion]) -> list[Remark]:
    """One line for each given site that keeps its figures from the level they reach."""
    out: list[Remark] = []
    fired_rank = {c.id: c.level.rank for c in fired}
    for family in families:
        path = SITE_FACTS.get(family.id)
        if path is None or fact_value(facts, path) is None:  # an unknown site is asked for
            continue
        remark = _site_remark(family, facts, fired_rank.get(family.id, 0))
        if remark is not None:
            out.append(remark)
    return out


def _missing_sites(families: tuple[Family, ...], facts: ImpactFacts,
                   level: Level) -> list[MissingFact]:
    """A site not given whose figures would reach above ``level`` on a higher-tier site."""
    out: list[MissingFact] = []
    for family in families:
        path = SITE_FACTS.get(family.id)
        if (path is None or fact_value(facts, family.fact) is None
                or fact_value(facts, path) is not None):
            continue
        blocked = _blocked(family, facts, level.rank)
        if not blocked:
            continue
        top = max((lv for lv, _ in blocked), key=lambda lv: lv.rank)
        sites_zh, sites_en = _SITE_LISTS[(family.id, top.value)]
        subject_zh, subject_en = _SITE_SUBJECT[family.id]
        anchor = "guide-{}-u-{}".format(4 - top.rank, 6 if family.id == "defacement" else 1)
        out.append(MissingFact(
            fact=path, could_reach=top, sentence=True, guide=anchor,
            zh=f"{subject_zh}的类别未填写：若属于{sites_zh}，可达{top.zh}"
               f"（{guide_citation(anchor)}）",
            en=f"Type of the {subject_en} not given: on {sites_en}, this reaches "
               f"{top.en.lower()} ({guide_citation(anchor, 'en')})"))
    return out


def grade(facts: ImpactFacts, families: tuple[Family, ...] | None = None, *,
          cii: bool = True) -> Grading:
    """Grade ``facts``. ``cii=False`` (the operator runs no critical information
    infrastructure): the CII outage facts are not asked, so never listed as missing; a CII
    figure that was given anyway still counts."""
    families = grading_rules() if families is None else families
    fired: list[FiredCriterion] = []
    confirmed_rank = Level.GENERAL.rank
    for family in families:
        hit, _ = _grade_family(family, facts)
        if hit is not None:
            fired.append(hit)
        confirmed_rank = max(confirmed_rank, _confirmed_level(family, facts))
    fired.sort(key=lambda c: -c.level.rank)
    level = fired[0].level if fired else Level.GENERAL
    # a site not given comes first: it concerns figures the user has already entered
    missing = tuple(_missing_sites(families, facts, level)) + tuple(
        MissingFact(fact=f.fact, zh=f.zh, en=f.en, could_reach=f.top_level)
        for f in families
        if fact_value(facts, f.fact) is None and f.top_level.rank > level.rank
        and (cii or f.fact not in CII_FACTS)
    )
    return Grading(level=level, criteria=tuple(fired), missing=missing,
                   confirmed_level=Level.by_rank(confirmed_rank),
                   remarks=tuple(_remarks(families, facts, fired)))


STATUS_ZH = {"confirmed": "已核实", "single_source": "单一来源"}
STATUS_EN = {"confirmed": "confirmed", "single_source": "one source only"}


_THRESHOLD_SUFFIXES = ("（≥ {threshold}）", " (≥ {threshold})")


def _threshold_phrase(reason: str) -> str:
    """Turn a reason template ("… {value}（≥ {threshold}）…") into "… ≥ {threshold} …"."""
    for suffix in _THRESHOLD_SUFFIXES:
        reason = reason.replace("{value}" + suffix, "≥ {threshold}")
    if "{value}" in reason:  # the value stands mid-sentence: "… {value} 人口受到影响（≥ …）"
        for suffix in _THRESHOLD_SUFFIXES:
            reason = reason.replace(suffix, "")
        reason = reason.replace("{value}", "≥ {threshold}")
    return reason


def threshold_lines(fact: str, families: tuple[Family, ...] | None = None,
                    lang: str = "zh") -> list[str]:
    """Explanation of the thresholds a fact (top-level key) is compared with, one line a level.

    Used by the GUI next to each input; generated from the rule data, never duplicated.
    """
    families = grading_rules() if families is None else families
    lines: list[str] = []
    for family in families:
        if family.fact != fact:
            continue
        for criterion in family.criteria:
            parts = []
            for t in criterion.tests:
                what = t.reason if lang == "zh" else t.reason_en
                if t.minimum is not None:
                    what = _threshold_phrase(what).format(
                        threshold=format_quantity(t.unit, t.minimum, lang))
                if t.status != "confirmed":
                    what += (f"〔{STATUS_ZH[t.status]}〕" if lang == "zh"
                             else f" [{STATUS_EN[t.status]}]")
                parts.append(what)
            if lang == "zh":
                lines.append(f"{criterion.level.zh}：" + "；或 ".join(parts))
            else:
                lines.append(f"{criterion.level.en}: " + "; or ".join(parts))
    return lines
