"""The rule data is loaded strictly: typos in data fail at load time."""

from __future__ import annotations

import copy

import pytest

from composer import resources
from composer.core.model import Level
from composer.core.rules import (
    FACT_PATHS,
    RuleDataError,
    categories,
    grading_rules,
    parse_categories,
    parse_grading,
    parse_reporting,
    reporting_rules,
)


def grading_data():
    return copy.deepcopy(resources.read_json("rules/grading.json"))


def test_bundled_rules_load() -> None:
    families = grading_rules()
    assert {f.fact for f in families} == {p.split(".")[0] for p in FACT_PATHS}
    for family in families:
        assert [c.level for c in family.criteria] == [
            Level.ESPECIALLY_MAJOR, Level.MAJOR, Level.RELATIVELY_MAJOR]
    assert [c.id for c in categories()][:2] == ["malware", "ransomware"]
    channels = reporting_rules().channels
    assert (channels.email, channels.fax, channels.hotline) == (
        "12387@cert.org.cn", "010-82992387", "12387")


# REGULATION.md's marks: bold = confirmed, [1 src] = single_source; nothing rests on the draft.
SINGLE_SOURCE = {
    ("cii_total_outage", "major", "cii_total_outage_hours"),
    ("cii_main_function_outage", "major", "cii_main_function_outage_hours"),
    ("portal_outage", "relatively_major", "portal_outage.hours"),
    ("people_services", "relatively_major", "people_services_affected"),
    ("defacement", "major", "defacement.other_page_hours"),
    ("defacement", "relatively_major", "defacement.homepage_hours"),
    ("defacement", "relatively_major", "defacement.other_page_hours"),
    ("defacement", "relatively_major", "defacement.reposts"),
    ("defacement", "relatively_major", "defacement.views"),
    ("defacement", "relatively_major", "defacement.authority_ruling"),
}


def test_statuses_match_the_regulation_marks() -> None:
    seen = set()
    for f in grading_rules():
        for c in f.criteria:
            for t in c.tests:
                key = (f.id, c.level.value, t.fact)
                expected = "single_source" if key in SINGLE_SOURCE else "confirmed"
                assert t.status == expected, key
                seen.add(key)
    assert seen >= SINGLE_SOURCE
    assert "draft_only" not in str(resources.read_json("rules/grading.json"))


def test_cii_major_thresholds_are_the_final_texts() -> None:
    mins = {(f.id, c.level.value): c.tests[0].minimum for f in grading_rules()
            for c in f.criteria}
    assert mins[("cii_total_outage", "major")] == 60           # 1 h (the draft said 2 h)
    assert mins[("cii_main_function_outage", "major")] == 180  # 3 h (the draft said 6 h)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["families"][0].update(typo=1), "unknown keys"),
    (lambda d: d["families"][0]["criteria"][0].update(level="huge"), "unknown level"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(fact="cii_outage"),
     "unknown fact"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(fact="direct_loss_yuan"),
     "is not part of"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(status="maybe"), "status"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(status="draft_only"),
     "status"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(guide="guide-2-u-9"),
     "not an anchor"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(guide="art-4"),
     "not an anchor"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].pop("guide"), "missing keys"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(equals="x"), "exactly one"),
    (lambda d: d["families"][2]["criteria"][0]["tests"][0]["where"].update(
        {"portal_outage.site": ["moon"]}), "unknown values"),
    (lambda d: d["families"][1].update(id=d["families"][0]["id"]), "duplicate"),
    (lambda d: d.update(format="composer-grading/0"), "format"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].pop("reason_en"), "missing keys"),
    (lambda d: d["families"][0]["criteria"][0]["tests"][0].update(reason_en="no value"),
     "needs {value}"),
])
def test_bad_grading_data_is_rejected(mutate, message) -> None:
    data = grading_data()
    mutate(data)
    with pytest.raises(RuleDataError, match=message):
        parse_grading(data)


def test_bad_category_and_reporting_data_is_rejected() -> None:
    cats = copy.deepcopy(resources.read_json("rules/categories.json"))
    cats["categories"][1]["parent"] = "nope"
    with pytest.raises(RuleDataError, match="unknown category"):
        parse_categories(cats)
    rep = copy.deepcopy(resources.read_json("rules/reporting.json"))
    rep["routes"].pop()
    with pytest.raises(RuleDataError, match="one route per operator kind"):
        parse_reporting(rep)
    rep = copy.deepcopy(resources.read_json("rules/reporting.json"))
    rep["channels"]["phone"] = "123"
    with pytest.raises(RuleDataError, match="unknown keys"):
        parse_reporting(rep)


def test_a_threshold_is_a_data_edit() -> None:
    data = grading_data()
    data["families"][5]["criteria"][2]["tests"][0]["min"] = 2_000_000  # personal info, 较大
    from composer.core.grading import grade
    from composer.core.model import ImpactFacts
    families = parse_grading(data)
    assert grade(ImpactFacts(personal_info_leaked=1_500_000), families).level is Level.GENERAL
    assert grade(ImpactFacts(personal_info_leaked=1_500_000)).level is Level.RELATIVELY_MAJOR


def test_resource_gateway_refuses_escapes() -> None:
    with pytest.raises(ValueError):
        resources.resource("../pyproject.toml")
