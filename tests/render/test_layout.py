"""Layout without holes: headings keep two lines (not the whole paragraph), the signature keeps
the last lines, header rows never split, the fax cover wraps addresses — looked at as pixels and
as page text."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pypdfium2 as pdfium
from pdf_cases import GENERATED_AT, adversarial

from composer.core.classify import classify
from composer.core.model import Report, ReportType
from composer.render import fax_cover
from composer.render import pdf_layout as L
from composer.render.pdf import render_report_pdf

SCALE = 72 / 72          # 1 px per pt


def _render(report: Report) -> bytes:
    return render_report_pdf(report, classify(report), generated_at=GENERATED_AT)


def _lowest_ink(pdf: bytes) -> list[float]:
    """Per page, how far above the bottom of the type area the lowest body ink sits (pt)."""
    out = []
    doc = pdfium.PdfDocument(pdf)
    try:
        for i in range(len(doc)):
            img = doc[i].render(scale=SCALE, grayscale=True).to_pil().convert("L")
            w, h = img.size
            frame_bottom = h - L.MARGIN_BOTTOM * SCALE            # px from the top
            body = img.crop((0, 0, w, round(frame_bottom) + 2))
            rows = [y for y in range(body.size[1])
                    if body.crop((0, y, w, y + 1)).getextrema()[0] < 128]
            out.append(frame_bottom - max(rows))
    finally:
        doc.close()
    return out


def _pages_text(pdf: bytes) -> list[str]:
    return ["".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


PARA = "本段文字用于检验分页：攻击者利用漏洞进入内网并加密文件，单位已隔离受影响主机。" * 9


def test_no_half_empty_pages_in_a_summary_report() -> None:
    base = adversarial(ReportType.SUMMARY)
    long = "\n".join([PARA] * 4)
    report = replace(base, incident=replace(base.incident, trend=long, cause=long, clues=long,
                                            scene_preservation=long, other=long))
    pdf = _render(report)
    gaps = _lowest_ink(pdf)
    assert len(gaps) >= 4
    # every page but the last is filled to within three lines of the bottom of the type area
    assert all(gap < 3 * L.BODY_LEADING for gap in gaps[:-1]), gaps


def test_signature_never_stands_alone() -> None:
    base = adversarial()
    checked = 0
    for n in range(0, 400, 20):
        report = replace(base, incident=replace(base.incident, other=PARA[: n + 10] or "无"))
        last = _pages_text(_render(report))[-1]
        before = last.split("报告单位（盖章）")[0]
        # more than the page number of the previous page: real text precedes the signature
        assert len(before) >= 5, (n, last[:80])
        checked += 1
    assert checked == 20


def test_header_rows_move_whole() -> None:
    base = adversarial()
    long = "某" * 190
    report = replace(base, operator=replace(
        base.operator, name=long + "公司",
        contact=replace(base.operator.contact, name="联" * 190)),
        incident=replace(base.incident, title="题" * 190))
    pages = _pages_text(_render(report))
    # the contact row: its label and the whole value on one page
    where = [i for i, t in enumerate(pages) if "联" * 40 in t]
    phone = [i for i, t in enumerate(pages) if "电话：+86" in t]
    assert where and phone and where[0] == phone[0]
    label_page = next(i for i, t in enumerate(pages) if "联系人" + "联" * 10 in t)
    assert label_page == where[0]


def test_fax_cover_wraps_a_long_address() -> None:
    base = adversarial()
    address = "a.really.very.long.mailbox.name.for.the.duty.officer@security-operations." \
              "subsidiary.example.com.cn"
    report = replace(base, operator=replace(base.operator, contact=replace(
        base.operator.contact, email=address)))
    cover = fax_cover.render_cover_pdf(report, classify(report), report_pages=3,
                                 generated_at=GENERATED_AT)
    text = "".join(pypdf.PdfReader(io.BytesIO(cover)).pages[0].extract_text().split())
    assert address in text and "…" not in text.split("电子邮箱")[1][:len(address) + 2]
