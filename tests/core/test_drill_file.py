"""A drill (演练) in the incident file and the draft (issue 24 point 1): top-level ``drill``
with the drill's own recipients (``drill_to``, ``drill_fax``) read strictly like the other
top-level keys, old files unchanged, ``classify`` saying so, a drill staying a drill through
follow-ups and corrections, and the draft remembering when the drill's level was settled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from composer.core.classify import classification_json, classify
from composer.core.draft import (
    Draft,
    correction_draft,
    derived_draft,
    draft_from_json,
    draft_to_json,
    new_draft,
)
from composer.core.drill import addressees, fax_problem
from composer.core.incident_io import dump_report, load_report, parse_report
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.problem_text import problem_text
from composer.core.validators import InvalidIncident

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _data(name: str = "ransomware-retailer.json", **top) -> dict:
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    data.update(top)
    return data


def _problems(data: dict) -> dict[str, str]:
    with pytest.raises(InvalidIncident) as err:
        parse_report(data)
    return {p.path: p.message for p in err.value.problems}


def test_old_files_load_and_write_back_unchanged() -> None:
    for path in EXAMPLES.glob("*-*.json"):
        data = json.loads(path.read_text("utf-8"))
        report = load_report(path)
        assert report.drill is False and report.drill_to == () and report.drill_fax is None
        assert dump_report(report) == parse_and_dump(data)
        assert "drill" not in dump_report(report)
        assert "drill" not in classification_json(classify(report))


def parse_and_dump(data: dict) -> dict:
    return dump_report(parse_report(data))


def test_a_drill_round_trips_with_its_recipients() -> None:
    data = _data(drill=True, drill_to=[" lead@example.com", "soc@example.org"],
                 drill_fax="0571-88881234")
    report = parse_report(data)
    assert report.drill and report.drill_to == ("lead@example.com", "soc@example.org")
    out = dump_report(report)
    assert out["drill"] is True and out["drill_to"] == ["lead@example.com", "soc@example.org"]
    assert parse_report(out) == report
    assert classification_json(classify(report))["drill"] is True
    a = addressees(report)
    assert a.emails == report.drill_to and a.fax == "0571-88881234" and a.hotline is None


def test_a_drill_without_recipients_addresses_nobody() -> None:
    a = addressees(parse_report(_data(drill=True)))
    assert a.emails == () and a.fax is None and a.hotline is None
    real = addressees(parse_report(_data()))
    assert real.emails == ("12387@cert.org.cn",) and real.fax == "010-82992387"


def test_drill_keys_are_read_strictly() -> None:
    problems = _problems(_data(drill="yes", drill_to="lead@example.com", drill_fax="传真"))
    assert problems["drill"] == "must be true or false, got a string"
    assert problems["drill_to"].startswith("must be a list of e-mail addresses")
    assert problems["drill_fax"].startswith("is not a phone number")
    problems = _problems(_data(drill=True, drill_to=[
        "12387@cert.org.cn", "x", 5, "a@example.com", "A@Example.com", "张三@例子.中国",
        "cncert@CERT.org.cn"]))
    assert "national intake" in problems["drill_to[0]"]
    assert problems["drill_to[1]"] == "is not an email address: 'x'"
    assert problems["drill_to[2]"] == "must be a string, got a number"
    assert problems["drill_to[4]"] == "'A@Example.com' is listed twice"
    assert problems["drill_to[5]"] == "is not an email address: '张三@例子.中国'"
    assert "national intake" in problems["drill_to[6]"]
    assert "drill_to[3]" not in problems


@pytest.mark.parametrize("number", ["010-82992387", "+86 10 8299 2387", "010 8299 2387",
                                    "0086-10-82992387", "82992387", "010-82992387 转 12"])
def test_the_intakes_fax_is_never_a_drills_fax(number: str) -> None:
    assert "national intake" in (fax_problem(number) or "")
    assert "national intake" in _problems(_data(drill=True, drill_fax=number))["drill_fax"]


def test_recipients_only_with_a_drill() -> None:
    problems = _problems(_data(drill_to=["lead@example.com"], drill_fax="0571-88881234"))
    assert problems == {"drill_to": 'only applies to a drill ("drill": true)',
                        "drill_fax": 'only applies to a drill ("drill": true)'}


def test_problems_read_in_chinese() -> None:
    draft = Draft(data=_data(drill=True, drill_to=["12387@cert.org.cn"], drill_fax="010-82992387"))
    texts = {p.path: problem_text(p) for p in draft.problems()}
    assert texts["drill_to[0]"].startswith("是受理平台的地址")
    assert texts["drill_fax"].startswith("是受理平台的传真号码")


def test_a_drill_stays_a_drill_through_follow_ups_and_corrections() -> None:
    parent = Draft(data=_data(drill=True, drill_to=["lead@example.com"]))
    parent.id = 4
    parent.settled_at = datetime(2026, 11, 18, 14, 20, 5, tzinfo=CHINA_TZ)
    for child in (derived_draft(parent, ReportType.FOLLOW_UP),
                  derived_draft(parent, ReportType.SUMMARY), correction_draft(parent)):
        assert child.drill and child.data["drill_to"] == ["lead@example.com"]
        assert child.settled_at == parent.settled_at      # graded once, for the incident
    assert new_draft(drill=True).drill and not new_draft().drill


def test_the_draft_remembers_when_the_drills_level_was_first_settled() -> None:
    draft = new_draft(json.loads((EXAMPLES / "phishing-general.json").read_text("utf-8"))
                      ["operator"], drill=True)
    first = datetime(2026, 11, 18, 14, 30, 7, 123, tzinfo=CHINA_TZ)
    assert not draft.note_settled(first)                 # no title yet: nothing graded
    draft.set("incident.title", "演练：钓鱼邮件")
    assert draft.classification() is not None and not draft.classification().settled
    assert not draft.note_settled(first)                 # 待研判 is not settled
    draft.set("impact_facts.personal_info_leaked", 1_200_000)
    assert draft.note_settled(first)
    assert draft.settled_at == datetime(2026, 11, 18, 14, 30, 7, tzinfo=CHINA_TZ)
    assert not draft.note_settled(datetime(2026, 11, 18, 15, 0, tzinfo=CHINA_TZ))  # first only
    stored = json.loads(json.dumps(draft_to_json(draft)))
    assert stored["settled_at"] == "2026-11-18T14:30:07+08:00"
    assert "settled_at" not in stored["data"]            # the draft's, not the file's
    assert draft_from_json(stored).settled_at == draft.settled_at
    assert draft.copy().settled_at == draft.settled_at
    real = Draft(data=_data())
    assert not real.note_settled(first) and real.settled_at is None
    assert "settled_at" not in draft_to_json(real)
    assert draft_from_json({"data": {}, "settled_at": "yesterday"}).settled_at is None


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "composer", *args], capture_output=True,
                          env=env, timeout=120, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(),
                                       proc.stderr.decode())


def test_cli_classify_says_drill_and_render_refuses_the_intake_with_to(tmp_path: Path) -> None:
    path = tmp_path / "drill.json"
    path.write_text(json.dumps(_data(drill=True), ensure_ascii=False), "utf-8")
    run = _cli("classify", str(path))
    assert run.returncode == 0 and json.loads(run.stdout)["drill"] is True
    out = tmp_path / "out"
    run = _cli("render", str(path), "--out", str(out), "--only", "eml",
               "--to", "drill-lead@example.com,12387@cert.org.cn")
    assert run.returncode == 2 and not out.exists()
    assert "--to: 12387@cert.org.cn is at the national intake" in run.stderr
    run = _cli("render", str(path), "--out", str(out), "--only", "eml",
               "--to", "drill-lead@example.com")
    assert run.returncode == 0, run.stderr
    from email import message_from_bytes
    from email.policy import default

    msg = message_from_bytes((out / "message.eml").read_bytes(), policy=default)
    assert [a.addr_spec for a in msg["To"].addresses] == ["drill-lead@example.com"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_data(drill=True, drill_to=["12387@cert.org.cn"])), "utf-8")
    run = _cli("validate", str(bad))
    assert run.returncode == 2 and run.stderr.startswith("drill_to[0]: is at the national")


def test_a_drill_corrections_recipients_are_no_change_of_the_report() -> None:
    parent = Draft(data=_data(drill=True, drill_to=["lead@example.com"]))
    parent.id = 4
    fix = correction_draft(parent)
    fix.set("drill_to", ["other@example.com"])
    fix.set("drill_fax", "0571-88881234")
    fix.set("incident.location", "杭州市")
    report = fix.report()
    assert report is not None and [c.path for c in report.changes] == ["incident.location"]
