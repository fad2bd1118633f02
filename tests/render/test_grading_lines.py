"""The report PDF and the e-mail say when the site capped the level (one line, the place cited)."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pypdf
import pytest

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.core.model import Defacement, DefacementSite, ImpactFacts, Level, Report
from composer.render.email import render_eml
from composer.render.pdf import render_report_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=timezone(timedelta(hours=8)))
CAP_LINE = ("说明：网站级别限定定级：传播数据达到特别重大的“特大范围”（《指南》一、通常情况第6项（2）），"
            "但该网站不属该项所列网站，定级以重大为限。")


def _defaced(site: DefacementSite, reposts: int) -> Report:
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    return dataclasses.replace(report, impact_facts=ImpactFacts(
        defacement=Defacement(site=site, reposts=reposts)))


def _pdf_text(report: Report) -> str:
    pdf = render_report_pdf(report, classify(report), generated_at=WHEN)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", re.sub(r"第 \d+ 页 共 \d+ 页", "", text))


def _bodies(report: Report) -> tuple[str, str]:
    raw = render_eml(report, classify(report), b"%PDF-1.4\n%%EOF\n", generated_at=WHEN)
    msg = message_from_bytes(raw, policy=default)
    assert isinstance(msg, EmailMessage)
    return (msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content())


@pytest.mark.parametrize(("site", "reposts", "level", "capped"), [
    (DefacementSite.PREFECTURAL_PORTAL, 100_000, Level.MAJOR, True),     # at
    (DefacementSite.PREFECTURAL_PORTAL, 99_999, Level.MAJOR, False),     # below
    (DefacementSite.PROVINCIAL_PORTAL, 100_000, Level.ESPECIALLY_MAJOR, False),
])
def test_pdf_says_the_site_capped_the_level(site, reposts, level, capped) -> None:
    report = _defaced(site, reposts)
    assert classify(report).grading.level is level
    text = _pdf_text(report)
    assert (re.sub(r"\s+", "", CAP_LINE) in text) is capped
    assert ("网站级别限定定级" in text) is capped
    assert f"{level.zh}" in text


@pytest.mark.parametrize(("reposts", "capped"), [(100_000, True), (99_999, False)])
def test_email_says_the_site_capped_the_level(reposts: int, capped: bool) -> None:
    text, html = _bodies(_defaced(DefacementSite.KEY_NEWS, reposts))
    assert (f"  {CAP_LINE}" in text.splitlines()) is capped  # a line of its own
    assert (f"<p>{CAP_LINE}</p>" in html) is capped
    # the line follows the grading reasons, before the deadlines
    if capped:
        assert text.index("二、事件级别") < text.index(CAP_LINE) < text.index("三、报告时限")


def test_examples_print_no_cap_line() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name == "expected.json":
            continue
        report = load_report(path)
        text, html = _bodies(report)
        assert "说明：" not in text and "说明：" not in html, path.name


def test_a_site_not_given_that_could_raise_the_level_is_printed() -> None:
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    report = dataclasses.replace(report, impact_facts=ImpactFacts(
        defacement=Defacement(reposts=100_000)))
    line = ("说明：被篡改网站的类别未填写：若属于省级以上党政机关门户网站、中央重点新闻网站、"
            "超大型网络平台等，可达特别重大（《指南》一、通常情况第6项）")
    assert classify(report).grading.level is Level.RELATIVELY_MAJOR
    assert re.sub(r"\s+", "", line) in _pdf_text(report)
    text, html = _bodies(report)
    assert f"  {line}" in text.splitlines() and f"<p>{line}</p>" in html
    below = dataclasses.replace(report, impact_facts=ImpactFacts(
        defacement=Defacement(reposts=9_999)))      # 较大 on any site: nothing to ask
    assert "说明：" not in _pdf_text(below) and "说明：" not in _bodies(below)[0]


def _cover_text(report: Report) -> str:
    from composer.render.fax_cover import render_cover_pdf

    pdf = render_cover_pdf(report, classify(report), report_pages=3, generated_at=WHEN)
    (page,) = pypdf.PdfReader(io.BytesIO(pdf)).pages    # still one page
    return re.sub(r"\s+", "", page.extract_text())


@pytest.mark.parametrize(("reposts", "capped"), [(100_000, True), (99_999, False)])
def test_fax_cover_script_and_fields_carry_the_same_remark_lines(reposts, capped) -> None:
    from composer.core.statement import statements
    from composer.render.script import build_script
    from composer.render.webform import report_fields

    report = _defaced(DefacementSite.KEY_NEWS, reposts)
    c = classify(report)
    assert ([r.text for r in statements(report, c).prefixed('remark.')] == [CAP_LINE]) is capped
    assert (re.sub(r"\s+", "", CAP_LINE) in _cover_text(report)) is capped
    script = build_script(report, c)
    said = script.said_lines
    assert (CAP_LINE in said) is capped        # said aloud, a line of its own
    if capped:   # after the reasons, before the deadline section
        body = script.body
        assert body.index("■ 四、级别和理由") < body.index(CAP_LINE) < body.index("■ 五、时限和后续")
    item2 = report_fields(report, c)[1].text.splitlines()
    assert (CAP_LINE in item2) is capped
    if not capped:
        assert "说明：" not in _cover_text(report) and not any("说明：" in s for s in said)


def test_site_not_given_line_on_the_cover_and_in_the_script() -> None:
    from composer.core.statement import statements
    from composer.render.script import build_script

    report = load_report(EXAMPLES / "ransomware-retailer.json")
    report = dataclasses.replace(report, impact_facts=ImpactFacts(
        defacement=Defacement(reposts=100_000)))
    (line,) = [r.text for r in statements(report, classify(report)).prefixed('remark.')]
    assert line.startswith("说明：被篡改网站的类别未填写")
    assert re.sub(r"\s+", "", line) in _cover_text(report)
    assert line in build_script(report, classify(report)).said_lines
