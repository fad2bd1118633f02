"""A site not given is asked for when it could raise the level; a site that caps the level
says so (README decisions). At, just below and just above each number that matters."""

from __future__ import annotations

import json
from typing import Any

import pytest
from core_helpers import incident

from composer.core.classify import classification_json, classify
from composer.core.grading import Grading, grade
from composer.core.incident_io import dump_report, parse_report
from composer.core.model import Level

EM, M, RM, G = (Level.ESPECIALLY_MAJOR, Level.MAJOR, Level.RELATIVELY_MAJOR, Level.GENERAL)


def _grade(data: dict[str, Any]) -> Grading:
    return grade(parse_report(incident(impact_facts=data)).impact_facts)


def _site_missing(g: Grading, fact: str) -> Level | None:
    hits = [m for m in g.missing if m.fact == fact]
    assert len(hits) <= 1
    return hits[0].could_reach if hits else None


# defacement without a site: graded as `other` (较大 at most), the site asked for when the
# figures reach 重大/特别重大 on a higher-tier site
DEFACEMENT_NO_SITE = [
    ("homepage_hours", 6, EM), ("homepage_hours", 6.5, EM), ("homepage_hours", 5.5, M),
    ("homepage_hours", 2, M), ("homepage_hours", 1.5, None),
    ("other_page_hours", 24, EM), ("other_page_hours", 23.5, M), ("other_page_hours", 12, M),
    ("other_page_hours", 11.5, None),
    ("reposts", 100_000, EM), ("reposts", 100_001, EM), ("reposts", 99_999, M),
    ("reposts", 10_000, M), ("reposts", 9_999, None),
    ("views", 1_000_000, EM), ("views", 999_999, M), ("views", 100_000, M), ("views", 99_999, None),
]


@pytest.mark.parametrize(("key", "value", "could_reach"), DEFACEMENT_NO_SITE)
def test_defacement_without_site_asks_for_it(key: str, value: float,
                                             could_reach: Level | None) -> None:
    g = _grade({"defacement": {key: value}})
    assert g.level is RM                      # graded as before: the lowest tier, `other`
    assert _site_missing(g, "defacement.site") is could_reach
    assert "defacement" not in {m.fact for m in g.missing}  # the fact itself is given
    assert not g.remarks                      # nothing was chosen, so nothing "capped" it


def test_defacement_site_question_names_the_sites_and_the_place() -> None:
    (m,) = [m for m in _grade({"defacement": {"reposts": 100_000}}).missing
            if m.fact == "defacement.site"]
    assert m.zh == ("被篡改网站的类别未填写：若属于省级以上党政机关门户网站、中央重点新闻网站、"
                    "超大型网络平台等，可达特别重大（《指南》一、通常情况第6项）")
    assert m.en.startswith("Type of the defaced website not given: on a provincial-or-above")
    assert "especially major" in m.en and "Guide I, usual criteria item 6" in m.en
    assert m.sentence and "\n" not in m.zh
    (m,) = [m for m in _grade({"defacement": {"reposts": 10_000}}).missing
            if m.fact == "defacement.site"]
    assert "地市级以上党政机关、企事业单位门户网站" in m.zh and m.zh.endswith(
        "可达重大（《指南》二、通常情况第6项）")


# portal outage without a site: no portal criterion fires (as for `other`), the site is asked
PORTAL_NO_SITE = [(24, EM), (24.5, EM), (23.5, M), (6, M), (5.5, RM), (2, RM), (1.5, None)]


@pytest.mark.parametrize(("hours", "could_reach"), PORTAL_NO_SITE)
def test_portal_outage_without_site_asks_for_it(hours: float, could_reach: Level | None) -> None:
    g = _grade({"portal_outage": {"hours": hours}})
    assert g.level is G and not g.criteria and not g.remarks
    assert _site_missing(g, "portal_outage.site") is could_reach


def test_portal_site_question() -> None:
    (m,) = [m for m in _grade({"portal_outage": {"hours": 3}}).missing
            if m.fact == "portal_outage.site"]
    assert m.could_reach is RM
    assert m.zh == ("不能访问网站的类别未填写：若属于地市级以上党政机关、企事业单位门户网站或"
                    "省级以上重点新闻网站，可达较大（《指南》三、通常情况第1项）")


def test_site_is_asked_only_when_it_could_raise_the_overall_level() -> None:
    loss = {"direct_loss_yuan": 20_000_000}          # 重大 on its own
    assert _site_missing(_grade({**loss, "defacement": {"homepage_hours": 3}}),
                         "defacement.site") is None          # 重大 at most: no higher
    assert _site_missing(_grade({**loss, "defacement": {"homepage_hours": 6}}),
                         "defacement.site") is EM
    assert _site_missing(_grade({**loss, "portal_outage": {"hours": 10}}),
                         "portal_outage.site") is None
    assert _site_missing(_grade({"other_threat": "especially_serious",
                                 "defacement": {"reposts": 500_000}}), "defacement.site") is None


def test_a_site_given_is_never_asked_again() -> None:
    for site in ("other", "key_news", "provincial_portal"):
        g = _grade({"defacement": {"site": site, "reposts": 500_000}})
        assert not [m for m in g.missing if m.fact.endswith(".site")]
    g = _grade({"portal_outage": {"site": "other", "hours": 30}})
    assert not [m for m in g.missing if m.fact.endswith(".site")]


def test_a_ruling_without_a_site_stands_and_asks_nothing() -> None:
    g = _grade({"defacement": {"authority_ruling": "major"}})
    assert g.level is M and [c.guide for c in g.criteria] == ["guide-2-u-6-4"]
    assert _site_missing(g, "defacement.site") is None and not g.remarks


# a site that was given and caps the level: one line, the Guide's place cited
CAPS = [
    ({"site": "prefectural_portal", "reposts": 100_000}, M, EM, "《指南》一、通常情况第6项（2）"),
    ({"site": "prefectural_portal", "reposts": 100_001}, M, EM, "《指南》一、通常情况第6项（2）"),
    ({"site": "prefectural_portal", "reposts": 99_999}, M, None, None),
    ({"site": "provincial_portal", "reposts": 100_000}, EM, None, None),
    ({"site": "other", "homepage_hours": 2}, RM, M, "《指南》二、通常情况第6项（1）"),
    ({"site": "other", "homepage_hours": 1.5}, RM, None, None),
    ({"site": "other", "views": 1_000_000}, RM, EM, "《指南》一、通常情况第6项（3）"),
    ({"site": "key_news", "other_page_hours": 24}, M, EM, "《指南》一、通常情况第6项（1）"),
    ({"site": "key_news", "other_page_hours": 23.5}, M, None, None),
]


@pytest.mark.parametrize(("defacement", "level", "reached", "place"), CAPS)
def test_cap_is_said_in_one_line_with_the_place(defacement: dict[str, Any], level: Level,
                                                reached: Level | None, place: str | None) -> None:
    g = _grade({"defacement": defacement})
    assert g.level is level
    if reached is None:
        assert not g.remarks
        return
    (r,) = g.remarks
    assert r.fact == "defacement" and "\n" not in r.zh and "\n" not in r.en
    assert f"达到{reached.zh}的“" in r.zh and place in r.zh
    assert r.zh.endswith(f"定级以{level.zh}为限。")
    assert f"capped at {level.en.lower()}" in r.en


@pytest.mark.parametrize(("hours", "remark"), [(24, True), (24.5, True), (23.5, False)])
def test_portal_cap_at_below_above(hours: float, remark: bool) -> None:
    g = _grade({"portal_outage": {"site": "key_news", "hours": hours}})
    assert g.level is M
    assert bool(g.remarks) is remark
    if remark:
        assert g.remarks[0].zh == ("网站级别限定定级：不能访问时长达到特别重大的数值（《指南》一、"
                                   "通常情况第1项），但该网站不属该项所列网站，定级以重大为限。")


def test_classify_json_lists_the_site_with_its_question() -> None:
    report = parse_report(incident(impact_facts={"defacement": {"views": 2_000_000}}))
    out = classification_json(classify(report))
    assert out["level"] == "relatively_major"
    (site,) = [m for m in out["missing"] if m["fact"] == "defacement.site"]
    assert site["could_reach"] == "especially_major"
    assert site["guide"] == "guide-1-u-6"
    assert site["question"].startswith("被篡改网站的类别未填写：若属于省级以上党政机关门户网站")
    assert site["question_en"].startswith("Type of the defaced website not given")
    assert all("question_en" in m for m in out["missing"])
    json.dumps(out, ensure_ascii=False)
    report = parse_report(incident(impact_facts={"defacement": {"site": "key_news",
                                                                "views": 2_000_000}}))
    (remark,) = classification_json(classify(report))["remarks"]
    assert remark["fact"] == "defacement" and remark["guide"] == "guide-1-u-6-3"
    assert "《指南》一、通常情况第6项（3）" in remark["remark"]


def test_absent_site_loads_and_is_written_back_absent() -> None:
    data = incident(impact_facts={"portal_outage": {"hours": 7},
                                  "defacement": {"homepage_hours": 1}})
    report = parse_report(data)                   # a portal without a site used to be refused
    assert report.impact_facts.portal_outage is not None
    assert report.impact_facts.portal_outage.site is None
    assert report.impact_facts.defacement is not None
    assert report.impact_facts.defacement.site is None
    facts = dump_report(report)["impact_facts"]
    assert facts["portal_outage"] == {"hours": 7}       # unknown stays unknown, never "other"
    assert facts["defacement"] == {"homepage_hours": 1}
    assert parse_report(dump_report(report)) == report
