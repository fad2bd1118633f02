"""The fax cover holds any valid input (issue 21): every field at its contract limit (README
"Input limits"), late and not late, and seeded random field lengths — every cell wraps in its
column, nothing overlaps or leaves the page, the cover flows onto further pages, its page
count counts them, and fax.pdf and fax.tif carry the same pages."""

from __future__ import annotations

import io
import json
import random
from datetime import datetime, timedelta
from pathlib import Path

import page_boxes
import pytest
from pdf_cases import CST
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from composer.core.classify import classify
from composer.core.hygiene import clean_report
from composer.core.incident_io import loads_report
from composer.core.model import Report
from composer.render import fax, fax_cover
from composer.render.pdf import render_report_pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"
DEADLINE = datetime(2026, 11, 18, 18, 5, tzinfo=CST)      # the example's first report is due
ON_TIME, LATE = DEADLINE - timedelta(hours=1), DEADLINE + timedelta(hours=3)
UNIT = "华东优选零售有限公司"
MAX_EMAIL = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".cn"
MAX_PHONE = "+8" + "6" * 30 + " 转 123456"


def _report(**fields: str) -> Report:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    op, contact, inc = data["operator"], data["operator"]["contact"], data["incident"]
    for key, value in fields.items():
        where = {"name": op, "contact_name": contact, "phone": contact, "email": contact}.get(
            key, inc)
        where[{"contact_name": "name"}.get(key, key)] = value
    return clean_report(loads_report(json.dumps(data).encode())).report   # valid input only


def maximal() -> Report:
    assert len(MAX_EMAIL) == 254
    return _report(name=(UNIT * 20)[:200], contact_name="欧阳" * 100, phone=MAX_PHONE,
                   email=MAX_EMAIL, title=("勒索病毒攻击导致会员系统中断" * 15)[:200],
                   delay_reason=("夜间值班人员未能及时发现告警，" * 1334)[:20000])


def cover_problems(cover: bytes, report_pages: int) -> list[str]:
    pages = page_boxes.pages(cover)
    problems = []
    m = fax_cover.MARGIN
    for n, page in enumerate(pages, 1):
        if page_boxes.overlaps(page):
            problems.append(f"page {n}: overlapping {page_boxes.overlaps(page)[:2]}")
        off = page_boxes.outside(page, m, page.width - m, m, page.height - m)
        if off:
            problems.append(f"page {n}: outside the margins {off[:2]}")
        if not any(line.text.startswith("如页数不全或字迹不清") for line in page.lines):
            problems.append(f"page {n}: no footer")
    text = "".join("".join(line.text for line in page.lines) for page in pages)
    if f"共{len(pages) + report_pages}页（含本封面）" not in text.replace(" ", ""):
        problems.append(f"page count is not {len(pages)} + {report_pages}")
    return problems


pytestmark = pytest.mark.skipif(not page_boxes.available(),
                                reason="pdftotext (poppler-utils) not installed; .ci/run installs it")


@pytest.mark.parametrize("when", [ON_TIME, LATE], ids=["on time", "late"])
def test_every_field_at_its_limit(when: datetime) -> None:
    report = maximal()
    c = classify(report)
    report_pdf = render_report_pdf(report, c, generated_at=when)
    report_pages = fax.page_count(report_pdf)
    cover, combined = fax.fax_set(report, c, report_pdf, generated_at=when)
    cover_pages = len(PdfReader(io.BytesIO(cover)).pages)
    assert cover_pages >= 2                                  # it flows, nothing is cut
    assert cover_problems(cover, report_pages) == []
    value_x = fax_cover.MARGIN + 32 * mm                       # the value column
    text = "".join("".join(line.text for line in page.lines if line.x0 >= value_x - 1)
                   for page in page_boxes.pages(cover)).replace(" ", "")
    for value in (report.operator.name, report.operator.contact.name, MAX_EMAIL,
                  report.incident.title, MAX_PHONE.replace(" ", "")):
        assert value.replace(" ", "") in text, value[:20]
    labels = "".join(line.text for page in page_boxes.pages(cover) for line in page.lines)
    assert ("迟报原因" in labels) is (when == LATE)
    assert len(PdfReader(io.BytesIO(combined)).pages) == cover_pages + report_pages
    tiff = fax.fax_tiff(combined, workers=1)
    assert Image.open(io.BytesIO(tiff)).n_frames == cover_pages + report_pages


def test_random_covers_never_overprint() -> None:
    rng = random.Random(21)
    for _ in range(40):
        def text(limit: int) -> str:
            n = rng.choice([1, 10, 30, 60, 120, limit])
            chars = "国家网络安全事件报告受理平台，（）—ABC 123"
            return "".join(rng.choice(chars) for _ in range(n)).strip() or "甲"

        report = _report(name=text(200), contact_name=text(200), title=text(200),
                         email=rng.choice(["liu@example.cn", MAX_EMAIL]),
                         delay_reason=text(20000))
        when = rng.choice([ON_TIME, LATE])
        pages = rng.choice([1, 3, 12])
        cover = fax_cover.render_cover_pdf(report, classify(report), report_pages=pages,
                                           generated_at=when)
        assert cover_problems(cover, pages) == [], (report.operator.name[:20], when)


def test_the_drawing_takes_any_rows_and_lines() -> None:
    rows = [(f"第{i}行", "内容" * (i * 7)) for i in range(1, 25)]
    pdf, pages = fax_cover.draw_cover(rows, ["紧急"] * 9, "页脚" * 40, generated_at=ON_TIME,
                                      meta={"title": "t", "author": "a"})
    assert pages == len(PdfReader(io.BytesIO(pdf)).pages) >= 3
    problems = [p for p in cover_problems(pdf, 0) if "page count" not in p and "footer" not in p]
    assert problems == []
