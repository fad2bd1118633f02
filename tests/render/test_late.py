"""A late report says so (issue 8 item 8): PDF, fax cover and e-mail state the delay and why."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.core.obligations import lateness, span_zh
from composer.render.email import body_context
from composer.render.fax_cover import cover_rows, render_cover_pdf, urgency_lines
from composer.render.pdf import render_report_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
DUE = datetime.fromisoformat("2026-11-18T18:05:00+08:00")     # ransomware example: 14:05 + 4 h
LATE = DUE + timedelta(hours=1, minutes=12, seconds=30)


def text_of(pdf: bytes) -> str:
    import io
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join((p.extract_text() or "").split()) for p in reader.pages)


@pytest.fixture(scope="module")
def report():
    return load_report(EXAMPLES / "ransomware-retailer.json")


@pytest.mark.parametrize(("at", "late"), [
    (DUE, None), (DUE + timedelta(seconds=59), None), (DUE + timedelta(minutes=1), "1 分钟"),
    (LATE, "1 小时 12 分钟"), (DUE + timedelta(days=2, minutes=3), "2 天 3 分钟"),
    (DUE - timedelta(hours=1), None)])
def test_lateness_to_the_minute(report, at, late) -> None:
    found = lateness(report, classify(report).duties, at)
    assert (found.zh if found else None) == late


def test_span_text() -> None:
    assert span_zh(timedelta(hours=2)) == "2 小时" and span_zh(timedelta(0)) == "0 分钟"


def test_on_time_outputs_say_nothing_of_a_delay(report) -> None:
    c = classify(report)
    assert "迟报" not in text_of(render_report_pdf(report, c, generated_at=DUE))
    assert urgency_lines(report, c, DUE) == ("紧急",)
    assert cover_rows(report, c, total_pages=3, generated_at=DUE)[0] == (
        "报告时限", "2026-11-18 18:05（北京时间）前报送浙江省网信办（《办法》第四条，发现后 4 小时内）")
    timing = body_context(report, c, generated_at=DUE, attachment_name="r.pdf")["timing"]
    assert not any("迟报" in line for line in timing)


def test_late_pdf_states_delay_and_reason(report) -> None:
    c = classify(report)
    text = text_of(render_report_pdf(report, c, generated_at=LATE))
    assert "本报告晚于上述时限报送，迟报1小时12分钟（时限已过）" in text
    assert "迟报原因未说明" in text
    given = replace(report, incident=replace(report.incident, delay_reason="夜间告警未被及时发现"))
    assert "迟报原因夜间告警未被及时发现" in text_of(render_report_pdf(given, c, generated_at=LATE))


def test_late_fax_cover_shows_the_deadline_as_passed(report) -> None:
    given = replace(report, incident=replace(report.incident, delay_reason="夜间告警未被及时发现"))
    c = classify(given)
    assert urgency_lines(given, c, LATE) == ("紧急　迟报",)
    rows = cover_rows(given, c, total_pages=3, generated_at=LATE)
    # the deadline, then — in the words of the PDF — that it has passed: not a target any more
    assert rows[0] == ("报告时限", ("2026-11-18 18:05（北京时间）前报送浙江省网信办（《办法》第四条，"
                                   "发现后 4 小时内）\n本报告晚于上述时限报送，迟报 1 小时 12 分钟（时限已过）"))
    assert ("迟报原因", "夜间告警未被及时发现") in rows
    text = text_of(render_cover_pdf(given, c, report_pages=2, generated_at=LATE))
    assert "迟报1小时12分钟（时限已过）" in text and "夜间告警未被及时发现" in text


def test_late_email_states_delay_and_reason(report) -> None:
    from composer.render.templating import render
    given = replace(report, incident=replace(report.incident, delay_reason="夜间告警未被及时发现"))
    ctx = body_context(given, classify(given), generated_at=LATE, attachment_name="r.pdf")
    for template in ("email.txt.j2", "email.html.j2"):
        body = render(template, **ctx)
        assert "本报告晚于上述时限报送，迟报 1 小时 12 分钟（时限已过）" in body
        assert "迟报原因：夜间告警未被及时发现" in body


def test_general_incident_is_never_late() -> None:
    report = replace(load_report(EXAMPLES / "phishing-general.json"), impact_assessed=True)
    c = classify(report)
    far = report.incident.discovered_at + timedelta(days=3)
    assert "迟报" not in text_of(render_report_pdf(report, c, generated_at=far))
    assert urgency_lines(report, c, far) == ("一般事件　自愿报告",)


def test_pending_incident_is_not_called_late() -> None:
    """待研判: the deadline is the one that applies if it proves 较大 or above; lateness is
    not stated while the level is not settled."""
    report = load_report(EXAMPLES / "phishing-general.json")
    c = classify(report)
    far = report.incident.discovered_at + timedelta(days=3)
    assert "迟报" not in text_of(render_report_pdf(report, c, generated_at=far))
    assert urgency_lines(report, c, far)[0] == "紧急　级别待研判"
