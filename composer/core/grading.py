"""Grade an incident under the Incident Grading Guide, from the rule data.

The level is the highest any criterion reaches ("以上" includes the threshold itself). Each fired
family reports its highest level with a Chinese reason quoting the fact and the threshold.
``missing`` lists the unknown facts that could still raise the level. When the level rests only on
numbers that are not confirmed final text, :attr:`Grading.needs_confirmation` is set.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    """Why a fact that was given did not grade as one might expect (one line)."""

    fact: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class MissingFact:
    fact: str            # top-level key of impact_facts
    zh: str
    en: str
    could_reach: Level


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
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


_UNIT_WORDS = {"zh": {"people": " 人", "yuan": " 元", "times": " 次"},
               "en": {"people": " people", "yuan": " yuan", "times": ""}}


def format_quantity(unit: str | None, value: float, lang: str = "zh") -> str:
    """A value in a unit of the rule data: minutes, percent, people, yuan, times (zh or en)."""
    if unit == "duration":
        return format_minutes(value, lang)
    if unit == "percent":
        return f"{_num(value)}%"
    return _num(value) + _UNIT_WORDS[lang].get(unit or "", "")


def _measure(test: Check, raw: Any) -> float:
    """The fact in the test's unit (durations: hours in the file, minutes in the rules)."""
    if test.unit == "duration":
        return round(float(raw) * 60, 6)
    return float(raw)


def _meets(test: Check, facts: ImpactFacts) -> tuple[bool, float | None]:
    for path, allowed in test.where:
        if fact_value(facts, path) not in allowed:
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


def _reason(test: Check, value: float | None, lang: str = "zh") -> str:
    template = test.reason if lang == "zh" else test.reason_en
    if test.minimum is not None and value is not None:
        template = template.format(value=format_quantity(test.unit, value, lang),
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
        test, value = met[0]
        fired = FiredCriterion(id=family.id, level=criterion.level, reason=_reason(test, value),
                               reason_en=_reason(test, value, "en"), status=test.status,
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


def _remarks(families: tuple[Family, ...], facts: ImpactFacts,
             fired: list[FiredCriterion]) -> list[Remark]:
    """One line for a given fact whose site keeps it from the level its figures reach."""
    out: list[Remark] = []
    fired_rank = {c.id: c.level.rank for c in fired}
    for family in families:
        if family.id not in ("portal_outage", "defacement"):
            continue
        blocked = [c.level for c in family.criteria for t in c.tests
                   if c.level.rank > fired_rank.get(family.id, 0) and _unmet_where(t, facts)]
        if not blocked:
            continue
        if family.id == "portal_outage" and family.id not in fired_rank:
            out.append(Remark(
                fact=family.fact,
                zh="网站不能访问：所选网站不是《指南》通常情况第1项列举的党政机关、企事业单位门户"
                   "网站或重点新闻网站，该项标准不适用。",
                en="Website unreachable: the site chosen is not one of the portals or key news "
                   "websites the Guide names (usual criteria item 1), so this criterion does "
                   "not apply."))
        else:
            top = max(blocked, key=lambda lv: lv.rank)
            reached = (Level.by_rank(fired_rank[family.id]) if family.id in fired_rank
                       else None)
            zh_now = f"按所选网站最高为{reached.zh}" if reached else "所选网站不适用该项标准"
            en_now = (f"the site chosen caps it at {reached.en.lower()}" if reached
                      else "the site chosen does not qualify")
            out.append(Remark(
                fact=family.fact,
                zh=f"{family.zh}：传播数据达到{top.zh}的数值，但{top.zh}所列网站不包括所选网站，"
                   f"{zh_now}（《指南》通常情况第6项）。",
                en=f"{family.en}: the figures reach the {top.en.lower()} values, but the "
                   f"{top.en.lower()} list of sites does not name the site chosen; {en_now} "
                   "(Guide, usual criteria item 6)."))
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
    missing = tuple(
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
