"""CONTRACT.md "Channels and records": script, render --only script, calendar, log."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import icalendar
from pypdf import PdfReader

from composer.core.draft import Draft
from composer.core.incident_io import loads_report
from composer.core.obligations import CHINA_TZ
from composer.core.paths import database_path
from composer.core.storage import Storage
from composer.render.package import write_package

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
RANSOM = EXAMPLES / "ransomware-retailer.json"


def composer(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "composer", *args], check=False,
                          capture_output=True, env=env, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def test_script_prints_the_phone_script():
    run = composer("script", str(RANSOM))
    assert run.returncode == 0, run.stderr
    assert "12387 热线电话报告稿" in run.stdout and "约一百二十万人" in run.stdout
    assert "电话报告记录单" in run.stdout


def test_script_of_an_invalid_file_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "composer-incident/1"}', encoding="utf-8")
    run = composer("script", str(bad))
    assert run.returncode == 2 and run.stdout == "" and "operator" in run.stderr


def test_render_only_script_writes_text_and_pdf(tmp_path):
    run = composer("render", str(RANSOM), "--out", str(tmp_path / "pkg"), "--only", "script")
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "pkg" / "manifest.json").read_text("utf-8"))
    assert [f["path"] for f in manifest["files"]] == ["script.txt", "script.pdf"]
    assert "约一百二十万人" in (tmp_path / "pkg" / "script.txt").read_text("utf-8")
    assert len(PdfReader(tmp_path / "pkg" / "script.pdf").pages) >= 2


def test_render_default_is_still_the_three_outputs(tmp_path):
    run = composer("render", str(RANSOM), "--out", str(tmp_path / "pkg"))
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "pkg" / "script.txt").exists()


def test_calendar_writes_an_ics(tmp_path):
    data = json.loads(RANSOM.read_text("utf-8"))
    data["incident"]["handling_completed_at"] = "2026-11-25T10:00:00+08:00"
    src = tmp_path / "in.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = composer("calendar", str(src), "--out", str(tmp_path / "owed.ics"))
    assert run.returncode == 0, run.stderr
    cal = icalendar.Calendar.from_ical((tmp_path / "owed.ics").read_bytes())
    ends = [e.decoded("DTEND") for e in cal.walk("VEVENT") if "总结报告" in str(e["SUMMARY"])]
    assert ends == [datetime(2026, 12, 25, 10, 0, tzinfo=CHINA_TZ)]


def _record_two(tmp_path):
    store = Storage(database_path())
    draft_id = store.save_draft(Draft(data=json.loads(RANSOM.read_text("utf-8"))))
    source = RANSOM.read_bytes()
    when = datetime(2026, 11, 18, 15, 0, tzinfo=CHINA_TZ)
    pkg = write_package(loads_report(source), tmp_path / "pkg", source=source,
                        generated_at=when, only="pdf").out_dir
    store.record_submission(draft_id, "email", when, package_dir=pkg,
                            due=datetime(2026, 11, 18, 18, 5, tzinfo=CHINA_TZ))
    store.record_submission(draft_id, "hotline", datetime(2026, 11, 18, 19, 0, tzinfo=CHINA_TZ),
                            due=datetime(2026, 11, 18, 18, 5, tzinfo=CHINA_TZ))
    store.close()


def test_log_verify_and_export(tmp_path):
    _record_two(tmp_path)
    run = composer("log", "verify")
    assert run.returncode == 0, run.stderr
    assert "2 records" in run.stdout
    run = composer("log", "export", "--out", str(tmp_path / "log.pdf"))
    assert run.returncode == 0, run.stderr
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "log.pdf").pages)
    text = text.replace("\n", "")
    assert "报送记录" in text and "会员系统遭勒索病毒攻击" in text
    assert "按时" in text and "逾期 55 分钟" in text


def test_log_verify_names_the_first_broken_record(tmp_path):
    _record_two(tmp_path)
    db = sqlite3.connect(database_path())
    db.execute("DROP TRIGGER records_no_update")
    db.execute("UPDATE records SET body=replace(body, 'email', 'fax') WHERE seq=1")
    db.commit()
    db.close()
    run = composer("log", "verify")
    assert run.returncode == 1
    assert "first broken record 1" in run.stderr


def test_log_without_a_database_says_nothing_was_recorded_and_creates_none(tmp_path):
    run = composer("log", "verify")
    assert run.returncode == 0 and "no sending recorded" in run.stdout
    run = composer("log", "export", "--out", str(tmp_path / "empty.pdf"))
    assert run.returncode == 0, run.stderr
    assert "尚无报送记录" in PdfReader(tmp_path / "empty.pdf").pages[0].extract_text()
    assert not database_path().exists()
