"""The editable draft: JSON-path access, validation through the one validator, derivation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.core.draft import (
    Draft,
    derived_draft,
    draft_from_json,
    draft_to_json,
    new_draft,
    profile_of,
)
from composer.core.model import ReportType
from composer.core.problem_text import problem_text, problems_under
from composer.core.validators import Problem

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"

OPERATOR = {"name": "华东优选零售有限公司", "kind": "other", "province": "浙江省",
            "contact": {"name": "刘洋", "phone": "010-66668888"}}


def example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def test_new_draft_discovered_now_in_china_to_the_minute():
    now = datetime(2026, 11, 20, 1, 30, 45, 123, tzinfo=UTC)
    d = new_draft(now=now)
    assert d.get("incident.discovered_at") == "2026-11-20T09:30:00+08:00"
    assert d.get("format") == "composer-incident/1"
    assert d.report_type is ReportType.INITIAL


def test_new_draft_reuses_profile_without_sharing_it():
    d = new_draft(OPERATOR)
    d.set("operator.contact.name", "王芳")
    assert OPERATOR["contact"]["name"] == "刘洋"
    assert d.get("operator.province") == "浙江省"


def test_set_and_prune_nested():
    d = Draft(data={})
    assert d.set("impact_facts.portal_outage.site", "key_news")
    assert d.get("impact_facts.portal_outage") == {"site": "key_news"}
    assert d.set("impact_facts.portal_outage.site", "  ")  # blank = remove
    assert "impact_facts" not in d.data
    assert not d.set("impact_facts.portal_outage.site", None)  # nothing to remove


def test_set_returns_false_when_unchanged():
    d = Draft(data={"incident": {"title": "x"}})
    assert not d.set("incident.title", "x")
    assert d.set("incident.title", "y")


def test_problems_come_from_the_validator_with_paths():
    d = new_draft()
    paths = {p.path for p in d.problems()}
    assert "operator" in paths and "incident.title" in paths
    assert d.report() is None and d.classification() is None
    d.data["operator"] = json.loads(json.dumps(OPERATOR))
    d.set("operator.contact.phone", "abc")
    d.set("incident.title", "测试")
    assert [p.path for p in d.problems()] == ["operator.contact.phone"]


def test_valid_example_becomes_report_and_classification():
    d = Draft(data=example("ransomware-retailer.json"))
    assert d.problems() == []
    assert d.report() is not None
    c = d.classification()
    assert c is not None and c.grading.level.value == "relatively_major"


@pytest.mark.parametrize("message, zh", [
    ("is required", "必须填写"),
    ("is not a phone number: 'abc'", "不是有效的电话号码（例如 010-66668888 或 13800138000）"),
    ("must be 18 characters, got 5", "应为 18 位，现为 5 位"),
    ("checksum character is X, expected 1", "校验位为 X，按校验规则应为 1，请核对"),
    ("is after incident.discovered_at", "不能晚于发现时间"),
    ("must be a number, got a string", "必须是数字"),
    ("must be at most 100, got 120", "不能大于 100"),
    ("something new", "something new"),
])
def test_problem_text_chinese(message, zh):
    assert problem_text(Problem("x", message)) == zh
    assert problem_text(Problem("x", message), "en") == message


def test_problems_under():
    ps = [Problem("operator.contact.phone", "a"), Problem("operator.contactx", "b"),
          Problem("operator.contact", "c")]
    assert [p.message for p in problems_under(ps, "operator.contact")] == ["a", "c"]


def test_derived_follow_up_keeps_chain_and_content():
    parent = Draft(data=example("ransomware-retailer.json"), id=7)
    child = derived_draft(parent, ReportType.FOLLOW_UP)
    assert child.parent_id == 7 and child.id is None
    assert child.report_type is ReportType.FOLLOW_UP
    assert child.get("incident.title") == parent.get("incident.title")
    child.set("incident.title", "改")
    assert parent.get("incident.title") != "改"


def test_derived_summary_needs_handling_end():
    parent = Draft(data=example("ransomware-retailer.json"), id=1)
    child = derived_draft(parent, ReportType.SUMMARY)
    assert [p.path for p in child.problems()] == ["incident.handling_completed_at"]
    discovered = datetime.fromisoformat(child.get("incident.discovered_at"))
    child.set("incident.handling_completed_at", (discovered + timedelta(days=2)).isoformat())
    assert child.problems() == []


def test_derived_rejects_initial_and_unsaved():
    with pytest.raises(ValueError):
        derived_draft(Draft(data={}, id=1), ReportType.INITIAL)
    with pytest.raises(ValueError):
        derived_draft(Draft(data={}), ReportType.FOLLOW_UP)


def test_profile_of_and_json_round_trip():
    d = new_draft(OPERATOR)
    d.fast_path, d.confirmed_level, d.step = True, "major", 4
    assert profile_of(d) == OPERATOR
    back = draft_from_json(json.loads(json.dumps(draft_to_json(d))), id=3, parent_id=2)
    assert (back.data, back.fast_path, back.confirmed_level, back.step, back.id,
            back.parent_id) == (d.data, True, "major", 4, 3, 2)
    assert profile_of(Draft(data={})) is None


def test_drop_unknown_keys_returns_their_paths():
    from composer.core.draft import Draft

    data = json.loads((EXAMPLES / "phishing-general.json").read_text(encoding="utf-8"))
    data["extra"] = 1
    data["operator"]["contact"]["fax"] = "x"
    draft = Draft(data=data)
    assert sorted(draft.drop_unknown_keys()) == ["extra", "operator.contact.fax"]
    assert draft.problems() == [] and draft.get("operator.contact.name") == "刘洋"


def test_a_missing_section_says_what_to_fill_in():
    from composer.core.problem_text import problem_text
    from composer.core.validators import Problem

    assert problem_text(Problem("operator", "is required")) == "请填写单位名称、单位类型和联系人"
    assert problem_text(Problem("incident", "is required"), "en").startswith("fill in")
    assert problem_text(Problem("operator.name", "is required")) == "必须填写"


def test_confirmed_level_travels_with_the_report_and_back():
    from composer.core.draft import Draft
    from composer.core.model import Level

    data = json.loads((EXAMPLES / "phishing-general.json").read_text(encoding="utf-8"))
    data["impact_facts"] = {"direct_loss_yuan": 6_000_000}
    draft = Draft(data=data)
    assert draft.report().level_confirmed is None
    draft.confirmed_level = "relatively_major"
    assert draft.report().level_confirmed is Level.RELATIVELY_MAJOR
    assert "level_confirmed" not in draft.data         # the attribute is the one place
    again = Draft(data={**data, "level_confirmed": "relatively_major"})
    assert again.confirmed_level == "relatively_major" and "level_confirmed" not in again.data


def test_validation_runs_once_per_content_and_never_goes_stale(monkeypatch):
    """Pages, header and preview all ask the draft on every change (issue 14: ~50 whole-text
    validations a keystroke); the validator now runs once per content, and a change made any
    way — set(), or the data dict changed in place — is seen at once."""
    from composer.core import draft as draft_module

    calls = []
    real = draft_module.parse_report
    monkeypatch.setattr(draft_module, "parse_report",
                        lambda data: calls.append(1) or real(data))
    d = Draft(data=example("ransomware-retailer.json"))
    first = d.report()
    assert first is not None and d.problems() == [] and d.classification() is not None
    assert d.report() is first and d.classification() is d.classification()
    assert len(calls) == 1
    assert d.set("incident.title", "改过的标题")
    assert d.report().incident.title == "改过的标题" and len(calls) == 2
    d.data["incident"]["title"] = "直接改的"                # not through set()
    assert d.report().incident.title == "直接改的"
    d.data["incident"].pop("title")
    assert d.report() is None and d.classification() is None
    assert any(p.path == "incident.title" for p in d.problems())
    d.confirmed_level = "major"                            # part of what is validated
    assert d.report() is None


def test_an_unprintable_number_is_still_validated():
    d = Draft(data=example("ransomware-retailer.json"))
    d.data["impact_facts"]["direct_loss_yuan"] = 10 ** 5000   # json.dumps refuses it
    assert d.report() is None
    assert any(p.path == "impact_facts.direct_loss_yuan" for p in d.problems())
