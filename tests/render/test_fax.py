"""Fax cover, cover + report PDF, and the fax TIFF, read back with pypdf, PDFium and Pillow."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.core.model import Report
from composer.core.rules import reporting_rules
from composer.render import fax, fax_cover, fax_pages, fax_raster, fax_tiff, fonts
from composer.render.pdf_info import with_info

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
CST = timezone(timedelta(hours=8))
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=CST)


def _report(name: str = "ransomware-retailer") -> Report:
    return load_report(EXAMPLES / f"{name}.json")


def _pdf(pages: int = 3, size: tuple[float, float] = A4, square: bool = True) -> bytes:
    """A test report: text on each page, and a solid black square in the top-left quarter."""
    fonts.register()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=size)
    _, h = size
    for i in range(pages):
        c.setFont(fonts.SANS, 12)
        c.drawString(30 * mm, h - 30 * mm, f"第 {i + 1} 页 共 {pages} 页 报告正文")
        if square:
            c.rect(30 * mm, h - 100 * mm, 50 * mm, 50 * mm, stroke=0, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def _cover(report: Report | None = None, pages: int = 3) -> bytes:
    report = report or _report()
    return fax_cover.render_cover_pdf(report, classify(report), report_pages=pages, generated_at=WHEN)


def _text(pdf: bytes) -> str:
    """All text, line breaks removed (the cover wraps long values)."""
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def _text_sizes(pdf: bytes) -> list[float]:
    """The effective size in points of every visible text run on the first page."""
    sizes: list[float] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if text.strip():
            scale = (tm[3] * cm[3]) or (tm[0] * cm[0])
            sizes.append(abs(font_size * scale))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return sizes


def _content(pdf: bytes) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return page.get_contents().get_data().decode("latin-1")


# --- cover ----------------------------------------------------------------------------------


def test_cover_text() -> None:
    cover = _cover(pages=4)
    reader = PdfReader(io.BytesIO(cover))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = _text(cover)
    assert reporting_rules().channels.fax == "010-82992387"
    assert "010-82992387" in text
    assert "共 5 页" in text                               # 4 report pages + the cover
    assert "华东优选零售有限公司" in text and "刘洋" in text and "010-66668888" in text
    assert "国家互联网应急中心" in text and "12387" in text
    assert "紧急" in text and "2026-11-18 18:05" in text   # the Art. 4 deadline
    assert "2026-11-18 16:30" in text                      # when it was sent
    assert "会员系统遭勒索病毒攻击" in text and "较大" in text


def test_cover_has_no_other_phone_number() -> None:
    text = _text(_cover())
    numbers = set(re.findall(r"\d{3,4}-\d{7,8}", text))
    assert numbers == {"010-82992387", "010-66668888"}     # intake fax and the sender's own


def test_cover_for_general_incident_is_not_urgent() -> None:
    from dataclasses import replace as _replace
    text = _text(_cover(_replace(_report("phishing-general"), impact_assessed=True)))
    assert "紧急" not in text and "自愿报告" in text


def test_cover_for_unknown_impact_is_pending() -> None:
    """Issue 18: no impact fact known — the cover says 待研判 and the deadline if it proves
    较大 or above, never 一般事件 自愿报告."""
    text = _text(_cover(_report("phishing-general")))
    assert "级别待研判" in text and "自愿报告" not in text and "一般" not in text
    assert "如为较大以上事件，应于2026-11-2114:00（北京时间）前报送江苏省网信办" in "".join(
        text.split())


def test_cover_type_is_large_and_black() -> None:
    cover = _cover()
    sizes = _text_sizes(cover)
    assert sizes and min(sizes) >= 14 and max(sizes) >= 24
    content = _content(cover)
    for op in re.findall(r"((?:[\d.]+ ){1,4})(?:rg|g|RG|G|k|K)\b", content):
        assert set(op.split()) <= {"0", "1", "0.0", "1.0"}, f"grey or colour: {op}"


def test_cover_margins_are_clear() -> None:
    doc = pdfium.PdfDocument(_cover())
    image = doc[0].render(scale=1, grayscale=True, fill_color=(255, 255, 255, 255)).to_pil()
    doc.close()
    grey = image.convert("L")
    w, h = grey.size
    m = round(20 * mm)
    inner = grey.crop((m, m, w - m, h - m))
    assert inner.getextrema()[0] < 50                       # something is printed inside
    for strip in [(0, 0, w, m), (0, h - m, w, h), (0, 0, m, h), (w - m, 0, w, h)]:
        assert grey.crop(strip).getextrema()[0] == 255, f"ink in the margin {strip}"


def test_long_and_hostile_values_flow_uncut_and_the_cover_counts_its_pages() -> None:
    """Issue 21: long values are no longer shortened with "…" to fit one page; the cover runs
    onto more pages and its page count includes them."""
    r = _report()
    long_report = dataclasses.replace(
        r,
        operator=dataclasses.replace(r.operator, name="超长单位名称<b>&" * 60),
        incident=dataclasses.replace(r.incident, title="极长的事件标题\n第二行" * 80))
    cover = _cover(long_report)
    pages = len(PdfReader(io.BytesIO(cover)).pages)
    assert pages > 1
    text = _text(cover)
    assert "010-82992387" in text and f"共 {pages + 3} 页" in text and "<b>&" in text
    assert text.count("如页数不全或字迹不清") == pages       # the footer on every page
    # the name runs on from page to page (each page's footer is read before its table)
    footer = "如页数不全或字迹不清，请联系发件人：刘洋，电话010-66668888。"
    flowing = "".join(text.split()).replace(footer, "")
    assert flowing.count("超长单位名称<b>&") == 60 and "…" not in text


def test_negative_pages_refused() -> None:
    with pytest.raises(ValueError):
        _cover(pages=-1)


# --- cover + report -------------------------------------------------------------------------


def test_fax_pdf_concatenates() -> None:
    cover, report = _cover(pages=3), _pdf(3)
    combined = fax.fax_pdf(cover, report, created=WHEN)
    assert combined == fax.fax_pdf(cover, report, created=WHEN)   # deterministic
    assert b"/CreationDate(D:20261118083000+00'00')" in combined
    reader = PdfReader(io.BytesIO(combined))
    assert len(reader.pages) == 4
    assert "010-82992387" in reader.pages[0].extract_text()
    assert "第 1 页 共 3 页" in reader.pages[1].extract_text()
    assert "第 3 页 共 3 页" in reader.pages[3].extract_text()


def _classic_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 the catalog) with a classic cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\r\n0 %d\r\n0000000000 65535 f\r\n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n\r\n" % at for at in offsets)
    out += b"trailer\r\n<< /Size %d /Root 1 0 R >>\r\nstartxref\r\n%d\r\n%%%%EOF\r\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def test_info_update_finds_the_catalog_through_the_cross_reference_table() -> None:
    """A stream that happens to hold the text of another "1 0 obj" is not the catalog."""
    decoy = b"1 0 obj << /Type /Decoy >>"
    pdf = _classic_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>",
                        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(decoy), decoy)])
    reader = PdfReader(io.BytesIO(with_info(pdf, {"Title": "传真"}, lang="zh-CN")))
    assert reader.trailer["/Root"]["/Type"] == "/Catalog"
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    assert len(reader.pages) == 1 and reader.metadata.title == "传真"


# --- TIFF -----------------------------------------------------------------------------------


def _frames(tif: bytes) -> list[Image.Image]:
    im = Image.open(io.BytesIO(tif))
    out = []
    for i in range(im.n_frames):
        im.seek(i)
        frame = im.copy()
        frame.info = dict(im.info)
        frame.tag = dict(im.tag_v2)        # type: ignore[attr-defined]
        out.append(frame)
    return out


@pytest.mark.parametrize("compression", ["group3", "group4"])
def test_tiff_pages(compression: str) -> None:
    combined = fax.fax_pdf(_cover(pages=3), _pdf(3))
    tif = fax.fax_tiff(combined, compression=compression)
    frames = _frames(tif)
    assert len(frames) == 4
    for i, f in enumerate(frames):
        assert f.mode == "1"
        assert f.size == (1728, 2291)
        assert f.info["dpi"] == (204, 196)
        assert f.info["compression"] == compression
        assert f.tag[262] == 0 and f.tag[278] == 2291 and f.tag[266] == 1 and f.tag[254] == 2
        if compression == "group3":
            assert f.tag[292] == 4
        grey = f.convert("L")
        hist = grey.histogram()
        black, white = hist[0], hist[255]
        assert black + white == 1728 * 2291                     # 1-bit: nothing in between
        assert black > 0.003 * 1728 * 2291, f"page {i} is blank"
        assert white > 0.75 * 1728 * 2291, f"page {i} looks inverted"
    assert fax_tiff.tiff_page_numbers(tif) == [(0, 4), (1, 4), (2, 4), (3, 4)]


def test_tiff_is_not_inverted_or_flipped() -> None:
    """The black square top-left stays black and top-left; the rest of the page stays white."""
    (page,) = _frames(fax.fax_tiff(_pdf(1)))
    grey = page.convert("L")
    x0 = (1728 - round(210 / 25.4 * 204)) // 2             # A4 is centred on the line
    # square: 30..80 mm from the left, 50..100 mm from the top
    inside = (x0 + round(35 / 25.4 * 204), round(55 / 25.4 * 196),
              x0 + round(75 / 25.4 * 204), round(95 / 25.4 * 196))
    assert grey.crop(inside).getextrema() == (0, 0)
    mirror = (1728 - inside[2], 2291 - inside[3], 1728 - inside[0], 2291 - inside[1])
    assert grey.crop(mirror).getextrema() == (255, 255)
    assert grey.crop((0, 0, x0, 2291)).getextrema() == (255, 255)  # white side bands


def test_tiff_fits_letter_pages() -> None:
    (page,) = _frames(fax.fax_tiff(_pdf(1, size=LETTER)))
    assert page.size == (1728, 2291)
    assert page.convert("L").histogram()[0] > 0


def test_tiff_threshold_has_no_dither() -> None:
    """A mid-grey area becomes solid (white or black), never a dither pattern."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setFillGray(0.5)
    c.rect(20 * mm, 20 * mm, 100 * mm, 100 * mm, stroke=0, fill=1)
    c.showPage()
    c.save()
    (page,) = _frames(fax.fax_tiff(buf.getvalue()))
    x0 = (1728 - round(210 / 25.4 * 204)) // 2
    box = (x0 + round(30 / 25.4 * 204), 2291 - round(110 / 25.4 * 196),
           x0 + round(110 / 25.4 * 204), 2291 - round(30 / 25.4 * 196))
    lo, hi = page.convert("L").crop(box).getextrema()
    assert lo == hi


def test_tiff_bad_compression() -> None:
    with pytest.raises(ValueError):
        fax.fax_tiff(_pdf(1), compression="lzw")


@pytest.mark.skipif(shutil.which("tiffinfo") is None, reason="libtiff-tools not installed")
def test_tiffinfo_agrees(tmp_path: Path) -> None:
    path = tmp_path / "fax.tif"
    path.write_bytes(fax.fax_tiff(fax.fax_pdf(_cover(pages=2), _pdf(2))))
    out = subprocess.run(["tiffinfo", str(path)], capture_output=True, text=True, check=True)
    info = out.stdout
    assert info.count("TIFF Directory at offset") == 3
    assert info.count("Compression Scheme: CCITT Group 3") == 3
    assert info.count("Photometric Interpretation: min-is-white") == 3
    assert info.count("Image Width: 1728 Image Length: 2291") == 3
    assert info.count("Resolution: 204, 196 pixels/inch") == 3
    assert info.count("Rows/Strip: 2291") == 3
    for i in range(3):
        assert f"Page Number: {i}-3" in info
    assert "Warning" not in out.stderr and "Error" not in out.stderr


@pytest.mark.parametrize(("report_type", "handled", "lines", "deadline"), [
    ("initial", None, ("紧急",), ("2026-11-18 18:05（北京时间）前报送浙江省网信办（《办法》第四条，"
                                  "发现后 4 小时内）")),
    ("follow_up", None, ("续报",), ("首报：2026-11-18 18:05（北京时间）前报送浙江省网信办（《办法》"
                                    "第四条，发现后 4 小时内）；续报：无固定时限，出现重要新情况或调查"
                                    "取得进展时及时报送")),
    ("summary", "2026-11-20T17:30:00+08:00", ("事件处置总结报告",),
     "2026-12-20 17:30（北京时间）前报送浙江省网信办（《办法》第八条，处置结束后 30 日内）"),
])
def test_cover_urgency_follows_the_report_type(report_type, handled, lines, deadline) -> None:
    from dataclasses import replace as _replace

    from composer.core.classify import classify as _classify
    from composer.core.incident_io import load_report as _load
    from composer.core.model import ReportType
    from composer.core.validators import parse_time
    from composer.render.fax_cover import cover_rows, urgency_lines

    examples = Path(__file__).resolve().parents[1] / "data" / "examples"
    base = _load(examples / "ransomware-retailer.json")
    report = _replace(base, report_type=ReportType(report_type), incident=_replace(
        base.incident, handling_completed_at=parse_time(handled) if handled else None))
    assert urgency_lines(report, _classify(report)) == lines
    # the deadline this report answers, the first row under the boxed line
    rows = cover_rows(report, _classify(report), total_pages=3,
                      generated_at=report.incident.discovered_at)
    assert rows[0] == ("报告时限", deadline)


def _tiff_the_pillow_way(pdf: bytes, codec: str) -> bytes:
    """The reference: every page saved by Pillow straight into its multi-page TIFF writer, in
    one process (how fax_tiff wrote before pages were rasterised in worker processes)."""
    from PIL import TiffImagePlugin

    total = fax.page_count(pdf)
    buf = io.BytesIO()
    with TiffImagePlugin.AppendingTiffWriter(buf, new=True) as tf:
        for index, image in enumerate(fax.fax_pages(pdf)):
            info = TiffImagePlugin.ImageFileDirectory_v2()
            info[278] = fax_pages.FAX_HEIGHT
            info[266] = 1
            info[254] = 2
            info[297] = (index, total)
            if codec == "group3":
                info[292] = 4
            fax_pages._ink_is_one(image).save(tf, format="TIFF", compression=codec, tiffinfo=info,
                                        dpi=fax_pages.FAX_DPI)
            tf.newFrame()
    data = bytearray(buf.getvalue())
    fax_tiff._rewrite_tags(data, total)
    return bytes(data)


@pytest.mark.parametrize("compression", ["group3", "group4"])
def test_tiff_from_worker_processes_is_byte_identical(compression: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages rasterised in parallel processes (several chunks, more chunks than workers) give
    the same bytes as one process, every time, and as Pillow's own multi-page writer."""
    monkeypatch.setattr(fax_raster, "PAGES_PER_CHUNK", 2)
    pdf = fax.fax_pdf(_cover(pages=6), _pdf(6))
    seen: list[tuple[int, int]] = []
    serial = fax.fax_tiff(pdf, compression=compression, workers=1)
    parallel = fax.fax_tiff(pdf, compression=compression, workers=3,
                            progress=lambda done, total: seen.append((done, total)))
    assert parallel == serial
    assert fax.fax_tiff(pdf, compression=compression, workers=2) == parallel
    assert serial == _tiff_the_pillow_way(pdf, compression)
    assert seen == [(n, 7) for n in range(1, 8)]
    frames = _frames(parallel)
    assert len(frames) == 7
    assert fax_tiff.tiff_page_numbers(parallel) == [(n, 7) for n in range(7)]
    # each page is its own (the page number text differs), in order
    assert len({f.tobytes() for f in frames}) == 7


def test_long_fax_uses_workers_by_default() -> None:
    assert fax_raster.worker_count(fax_raster.PARALLEL_MIN_PAGES - 1) == 1
    assert 1 <= fax_raster.worker_count(200) <= fax_raster.MAX_WORKERS
