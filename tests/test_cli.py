"""The command line as CONTRACT.md fixes it: validate, classify, exit codes, stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer import __version__

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


def composer(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "composer", *args], check=False, input=stdin,
                          capture_output=True, env=env, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_classify_examples_match_expected(name: str) -> None:
    run = composer("classify", str(EXAMPLES / name))
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    want = EXPECTED[name]
    assert out["level"] == want["level"]
    assert out["reportable"] == want["reportable"]
    reports = [o for o in out["obligations"] if o["action"] == "report"]
    assert (reports[0]["due"] if reports else None) == want["first_due"]
    if want["to"] is None:
        assert not reports
    recipients = [o["to"] for o in reports]
    if name == "ransomware-retailer.json":
        assert recipients == ["浙江省网信办"]
    elif name == "cii-grid-outage.json":
        assert recipients == ["国家能源局", "公安机关"]
    elif name == "central-organ-leak.json":
        assert recipients == ["某部网络安全和信息化领导小组办公室"]
    for key in ("level_zh", "criteria", "obligations", "escalations", "missing"):
        assert key in out


def test_classify_reads_stdin() -> None:
    data = (EXAMPLES / "ransomware-retailer.json").read_bytes()
    run = composer("classify", "-", stdin=data)
    assert run.returncode == 0
    assert json.loads(run.stdout)["level"] == "relatively_major"


def test_validate_ok_and_invalid_lists_every_problem(tmp_path: Path) -> None:
    run = composer("validate", str(EXAMPLES / "phishing-general.json"))
    assert run.returncode == 0 and "valid" in run.stdout
    bad = json.loads((EXAMPLES / "phishing-general.json").read_text(encoding="utf-8"))
    bad["operator"]["kind"] = "company"
    bad["incident"]["discovered_at"] = "2026-11-21T10:00:00"
    bad["surprise"] = True
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    for command in ("validate", "classify"):
        run = composer(command, str(path))
        assert run.returncode == 2
        assert run.stdout == ""
        lines = run.stderr.strip().splitlines()
        assert "operator.kind: must be one of cii, central_state_organ, other" in lines
        assert any(line.startswith("incident.discovered_at: ") for line in lines)
        assert "surprise: unknown key (check the spelling)" in lines
        assert len(lines) == 3


def test_unreadable_file_is_exit_1_and_bad_json_exit_2(tmp_path: Path) -> None:
    run = composer("validate", str(tmp_path / "nope.json"))
    assert run.returncode == 1 and "cannot read" in run.stderr
    run = composer("validate", "-", stdin=b"{not json")
    assert run.returncode == 2 and run.stderr.startswith("$: not valid JSON")


def test_version() -> None:
    run = composer("--version")
    assert run.returncode == 0 and run.stdout.strip() == f"composer {__version__}"


def test_validate_warns_by_name_about_unprintable_characters(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "phishing-general.json").read_text(encoding="utf-8"))
    data["incident"]["title"] = "钓鱼\U0001F600事件"
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = composer("validate", str(path))
    assert run.returncode == 0
    assert run.stderr.strip() == ("warning: incident.title: cannot be printed with the bundled "
                                  "fonts: U+1F600 GRINNING FACE (printed as 〔U+1F600〕)")


def test_validate_warns_about_a_discovery_time_in_the_future(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "phishing-general.json").read_text(encoding="utf-8"))
    data["incident"]["discovered_at"] = "2099-11-21T10:00:00+08:00"
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = composer("validate", str(path))
    assert run.returncode == 0
    assert run.stderr.strip() == ("warning: incident.discovered_at: is in the future "
                                  "(check the date)")


@pytest.mark.parametrize(("report_type", "extra", "governing"), [
    ("initial", {}, ("report", "2026-11-18T18:05:00+08:00")),
    ("follow_up", {}, None),
    ("summary", {"handling_completed_at": "2026-11-20T17:30:00+08:00"},
     ("summary", "2026-12-20T17:30:00+08:00")),
])
def test_classify_names_the_deadline_this_report_answers(tmp_path: Path, report_type: str,
                                                         extra: dict, governing) -> None:
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["report_type"] = report_type
    data["incident"].update(extra)
    path = tmp_path / f"{report_type}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = json.loads(composer("classify", str(path)).stdout)
    got = out["governing"]
    assert (None if got is None else (got["action"], got["due"])) == governing
