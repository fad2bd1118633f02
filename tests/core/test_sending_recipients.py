"""Issue 18 points 3–4, record side: each sending names whom it reached; a correction's
sending names the sending it corrects; both are chained and read back from the records."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from composer.core.draft import Draft, correction_draft
from composer.core.history import INTAKE
from composer.core.model import OperatorKind
from composer.core.obligations import CHINA_TZ
from composer.core.storage import Storage
from composer.core.submissions import (
    default_recipient,
    recipient_label,
    recipient_name,
    recipients,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
AT = datetime(2026, 11, 21, 9, 0, tzinfo=CHINA_TZ)


def test_the_choices_are_the_route_recipients_and_the_intake():
    assert [r.id for r in recipients(OperatorKind.CII)] == [
        "protection_department", "public_security", INTAKE]
    assert [r.id for r in recipients(OperatorKind.OTHER)] == ["provincial_cac", INTAKE]
    assert [r.id for r in recipients(OperatorKind.CENTRAL_STATE_ORGAN)] == ["cac_office", INTAKE]
    assert recipient_label(INTAKE) == "12387 受理平台"
    assert default_recipient("fax", OperatorKind.CII) == INTAKE
    assert default_recipient("other", OperatorKind.CII) == "protection_department"
    assert default_recipient("other", OperatorKind.OTHER) == "provincial_cac"
    assert recipient_name("provincial_cac", {"province": "江苏省"}) == "江苏省网信办"
    assert recipient_name("protection_department",
                          {"protection_department": "国家能源局"}) == "国家能源局"
    assert recipient_name("public_security", {}) == "公安机关"
    assert recipient_name(INTAKE, {"province": "江苏省"}) == ""


def test_recipient_and_correction_are_chained_and_read_back(tmp_path):
    store = Storage(tmp_path / "s.sqlite3")
    first = Draft(data=json.loads((EXAMPLES / "cii-grid-outage.json").read_text("utf-8")))
    store.save_draft(first)
    store.record_submission(first.id, "email", AT)
    store.record_submission(first.id, "other", AT + timedelta(minutes=10),
                            recipient="protection_department", recipient_name="国家能源局")
    fix = correction_draft(first)
    store.save_draft(fix)
    store.record_submission(fix.id, "other", AT + timedelta(minutes=40),
                            recipient="protection_department", recipient_name="国家能源局")
    recs = store.records()
    assert [r.body["recipient"] for r in recs] == [INTAKE, "protection_department",
                                                   "protection_department"]
    assert recs[1].body["recipient_name"] == "国家能源局"
    assert recs[2].body["correction"] is True
    assert recs[2].body["corrects"] == 2          # the corrected report's sending to the same body
    assert recs[0].body["correction"] is False and recs[0].body["corrects"] is None
    assert recs[0].body["incident_title"] == first.title
    sent = store.history(fix.id)
    assert [(s.recipient, s.correction, s.corrects) for s in sent] == [
        (INTAKE, False, None), ("protection_department", False, None),
        ("protection_department", True, 2)]
    (row,) = sqlite3.connect(store.path).execute(
        "SELECT recipient, corrects FROM submissions WHERE id=3").fetchall()
    assert row == ("protection_department", 2)
    subs = store.submissions(first.id)
    assert [(s.recipient, s.record_seq) for s in subs] == [
        (INTAKE, 1), ("protection_department", 2)]
    assert store.verify_records().ok
    store.close()


def test_a_correction_of_a_report_sent_only_to_the_intake_names_that_sending(tmp_path):
    store = Storage(tmp_path / "s.sqlite3")
    first = Draft(data=json.loads((EXAMPLES / "phishing-general.json").read_text("utf-8")))
    store.save_draft(first)
    store.record_submission(first.id, "fax", AT)
    fix = correction_draft(first)
    store.save_draft(fix)
    store.record_submission(fix.id, "other", AT + timedelta(hours=1), recipient="provincial_cac")
    assert store.records()[1].body["corrects"] == 1
    store.close()
