"""The fax channel: a cover sheet, cover + report as one PDF, and a Class F-style fax TIFF.

* :func:`render_cover_pdf` — A4 cover sheet to the national intake's fax number (from the rule
  data, never hard-coded), in large high-contrast type (≥ 14 pt, no grey), 25 mm margins.
* :func:`fax_pdf` — the cover followed by the report, page by page (PDFium import, fonts kept).
* :func:`fax_tiff` — every page rasterised with PDFium on white, A4 centred on a 1728-pixel
  line, 2291 lines, 204×196 dpi ("fine"), thresholded to 1 bit without dithering, CCITT G3
  (1-D, the safest default for fax software) or G4, one strip a page, WhiteIsZero, PageNumber.
  Long documents are rasterised in parallel worker processes (PDFium is not thread-safe, so
  threads would not help); each worker opens the PDF bytes itself, pages are encoded one by one
  and joined in page order, so the file is byte-identical to the one-process result.

Qt-free. PDFium is not thread-safe: call these from one thread at a time. PDFium, Pillow and
the reportlab page layout are imported by the functions that use them, so importing this module
(e.g. in a worker process, or for ``render --only pdf``) stays cheap.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from composer import __version__
from composer.core.classify import Classification
from composer.core.model import Report, ReportType
from composer.core.obligations import governing, lateness
from composer.core.rules import reporting_rules
from composer.render.fax_raster import (  # noqa: F401  (the fax page geometry lives there)
    FAX_DPI,
    FAX_HEIGHT,
    FAX_WIDTH,
    THRESHOLD,
    _fax_page,
    _grey_bitmap,
    _ink_is_one,
)
from composer.render.pdf_info import with_info
from composer.render.pdfium_lock import PDFIUM_LOCK
from composer.render.wording import (
    fmt_time,
    grading_remarks,
    header_text,
    level_text,
    report_title,
)

if TYPE_CHECKING:
    from PIL import Image
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table

    from composer.render.fax_worker import FaxRaster

COMPRESSIONS = {"group3": "group3", "group4": "group4", "g3": "group3", "g4": "group4"}

MARGIN = 25 * mm
BODY_PT, TITLE_PT, LEADING = 15, 30, 21


# --- cover sheet ------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib.styles import ParagraphStyle

    from composer.render import fonts

    fonts.register()
    body = ParagraphStyle("fax-body", fontName=fonts.SANS, fontSize=BODY_PT, leading=LEADING,
                          textColor="black", wordWrap="CJK")
    return {
        "body": body,
        "label": ParagraphStyle("fax-label", parent=body, fontName=fonts.SANS_BOLD),
        "title": ParagraphStyle("fax-title", parent=body, fontName=fonts.SANS_BOLD,
                                fontSize=TITLE_PT, leading=TITLE_PT * 1.3, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("fax-subtitle", parent=body, fontName=fonts.SANS_BOLD,
                                   fontSize=20, leading=27, alignment=TA_CENTER),
        "urgent": ParagraphStyle("fax-urgent", parent=body, fontName=fonts.SANS_BOLD,
                                 fontSize=20, leading=27, alignment=TA_CENTER),
    }


def _cut(text: str, limit: int) -> str:
    return header_text(text, limit)


def cover_rows(report: Report, classification: Classification, *, total_pages: int,
               generated_at: datetime, limit: int = 90) -> list[tuple[str, str]]:
    """The (label, value) lines of the cover sheet, plain text."""
    ch = reporting_rules().channels
    op, contact = report.operator, report.operator.contact
    rows = [
        ("收件单位", f"{ch.intake_zh}（{ch.hotline} 受理）"),
        ("收件传真", ch.fax),
        ("发件单位", _cut(op.name, limit)),
        ("联 系 人", _cut(contact.name, 40)),
        ("联系电话", _cut(contact.phone, 40)),
    ]
    if contact.email:
        # never cut (an address with "…" is useless): the line breaker wraps it
        rows.append(("电子邮箱", header_text(contact.email, 400)))
    rows += [
        ("发送时间", f"{fmt_time(generated_at)}（北京时间）"),
        ("事　　由", _cut(f"网络安全事件{report.type_zh}：{report.incident.title}", limit)),
        ("事件级别", "\n".join([level_text(classification),
                                *(_cut(r, limit * 2) for r in grading_remarks(classification))])),
        ("页　　数", f"共 {total_pages} 页（含本封面）"),
    ]
    late = (lateness(report, classification.duties, generated_at)
            if classification.grading.reportable else None)
    if late is not None:
        reason = (report.incident.delay_reason or "").strip()
        rows.append(("迟报原因", _cut(reason, limit * 2) if reason else "未说明"))
    return rows


def urgency_lines(report: Report, classification: Classification,
                  generated_at: datetime | None = None) -> tuple[str, ...]:
    """The boxed lines: "紧急" and the deadline this report answers, or what kind it is.
    Sent after that deadline (``generated_at``), the deadline shows as passed, not a target."""
    if not classification.grading.reportable:
        return ("一般事件　自愿报告",)
    late = (lateness(report, classification.duties, generated_at)
            if generated_at is not None else None)
    if late is not None and late.obligation.due is not None:
        return ("紧急　迟报", f"报告时限 {fmt_time(late.obligation.due)}（北京时间）已过",
                f"迟报 {late.zh}")
    due = governing(report.report_type, classification.duties)
    if report.report_type is ReportType.SUMMARY:
        return ("事件处置总结报告",) + (
            (f"报送时限：{fmt_time(due.due)}（北京时间）",) if due and due.due else ())
    if report.report_type is ReportType.FOLLOW_UP:
        return ("续报",)
    if due is not None and due.due is not None:
        return ("紧急", f"报告时限：{fmt_time(due.due)}（北京时间）")
    return ("紧急",)


def cover_subject(report: Report) -> str:
    """The cover's and the fax set's PDF Subject: what is being faxed, to whom."""
    ch = reporting_rules().channels
    return header_text(f"网络安全事件{report.type_zh}：{report.incident.title}"
                       f"（传真至{ch.intake_zh} {ch.fax}）", 200)


def render_cover_pdf(report: Report, classification: Classification, *, report_pages: int,
                     generated_at: datetime) -> bytes:
    """The one-page A4 cover sheet; ``report_pages`` excludes the cover."""
    from reportlab.pdfgen.canvas import Canvas

    from composer.render import fonts
    from composer.render.pdf_layout import CJKParagraph, fix_signature, pdf_date

    if report_pages < 0:
        raise ValueError("report_pages must not be negative")
    styles = _styles()
    total = report_pages + 1
    page_w, page_h = A4
    width = page_w - 2 * MARGIN
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1, initialFontName=fonts.SANS)
    stamp = pdf_date(generated_at)
    c.setDateFormatter(lambda *_: stamp)
    fix_signature(c, generated_at)
    c.setTitle(f"传真封面 {fmt_time(generated_at)}")
    c.setAuthor(header_text(report.operator.name, 120))
    c.setSubject(cover_subject(report))
    c.setCreator(f"Composer {__version__}")
    c.setStrokeColor("black")
    c.setFillColor("black")

    y = page_h - MARGIN
    for text, style in (("传　真", "title"), ("网络安全事件报告", "subtitle")):
        para = CJKParagraph(fonts.paragraph_markup(text), styles[style])
        _, h = para.wrap(width, page_h)
        y -= h
        para.drawOn(c, MARGIN, y)
    y -= 6 * mm

    urgent = CJKParagraph("<br/>".join(fonts.paragraph_markup(line)
                                       for line in urgency_lines(report, classification,
                                                                 generated_at)),
                          styles["urgent"])
    _, h = urgent.wrap(width - 8 * mm, page_h)
    box_h = h + 6 * mm
    y -= box_h
    c.setLineWidth(2.5)
    c.rect(MARGIN, y, width, box_h, stroke=1, fill=0)
    urgent.drawOn(c, MARGIN + 4 * mm, y + 3 * mm)
    y -= 8 * mm

    footer = CJKParagraph(fonts.paragraph_markup(
        f"如页数不全或字迹不清，请联系发件人：{_cut(report.operator.contact.name, 40)}，"
        f"电话 {_cut(report.operator.contact.phone, 40)}。"), styles["body"])
    _, footer_h = footer.wrap(width, page_h)
    room = y - MARGIN - footer_h - 8 * mm
    for limit in (90, 60, 40, 24):   # shorten long names/titles until the table fits the page
        table = _table(cover_rows(report, classification, total_pages=total,
                                  generated_at=generated_at, limit=limit), styles, width)
        _, table_h = table.wrap(width, page_h)
        if table_h <= room:
            break
    table.drawOn(c, MARGIN, y - table_h)
    footer.drawOn(c, MARGIN, MARGIN)
    c.showPage()
    c.save()
    return buf.getvalue()


def _table(rows: list[tuple[str, str]], styles: dict[str, ParagraphStyle],
           width: float) -> Table:
    from reportlab.platypus import Table, TableStyle

    from composer.render import fonts
    from composer.render.pdf_layout import CJKParagraph

    label_w = 32 * mm
    data = [[CJKParagraph(fonts.paragraph_markup(label), styles["label"]),
             CJKParagraph(fonts.paragraph_markup(value), styles["body"])] for label, value in rows]
    table = Table(data, colWidths=[label_w, width - label_w])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.SANS, BODY_PT),   # else reportlab declares Helvetica
        ("GRID", (0, 0), (-1, -1), 1, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


# --- cover + report ---------------------------------------------------------------------------


def page_count(pdf_bytes: bytes) -> int:
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf_bytes)
        try:
            return len(doc)
        finally:
            doc.close()


def fax_set(report: Report, classification: Classification, report_pdf: bytes, *,
            generated_at: datetime) -> tuple[bytes, bytes]:
    """``(cover.pdf, fax.pdf)``: the cover counting the report's pages, then cover + report."""
    cover = render_cover_pdf(report, classification, report_pages=page_count(report_pdf),
                             generated_at=generated_at)
    info = {"Title": f"传真：{report_title(report)}　{header_text(report.incident.title, 120)}",
            "Author": header_text(report.operator.name, 120),
            "Subject": cover_subject(report),
            "Creator": f"Composer {__version__}"}
    return cover, fax_pdf(cover, report_pdf, created=generated_at, info=info)


def fax_pdf(cover_pdf: bytes, report_pdf: bytes, *, created: datetime | None = None,
            info: dict[str, str] | None = None) -> bytes:
    """``cover_pdf`` followed by ``report_pdf``, as one PDF.

    PDFium stamps the save time and a random /ID; both are replaced (in place, same length) by
    ``created`` (default: 2000-01-01, like reportlab's invariant mode) and a hash of the inputs,
    so equal inputs give equal bytes. ``info`` (Title, Author, Subject, Creator) becomes the
    document information, written as an incremental update (PDFium cannot set it).
    """
    import pypdfium2 as pdfium

    from composer.render.pdf_layout import pdf_date

    with PDFIUM_LOCK:
        out = pdfium.PdfDocument.new()
        sources = [pdfium.PdfDocument(cover_pdf), pdfium.PdfDocument(report_pdf)]
        try:
            for src in sources:
                out.import_pages(src)
            buf = io.BytesIO()
            out.save(buf)
        finally:
            for src in sources:
                src.close()
            out.close()
    out = _fixed_id(_fixed_date(buf.getvalue(), created), cover_pdf, report_pdf)
    if info:
        out = with_info(out, {**info, "Producer": "PDFium",
                              "CreationDate": pdf_date(created or datetime(2000, 1, 1, tzinfo=UTC)),
                              "ModDate": pdf_date(created or datetime(2000, 1, 1, tzinfo=UTC))})
    return out


_CREATION_DATE = re.compile(rb"/CreationDate\s*\((D:[0-9]{14}\+00'00')\)")


def _fixed_date(pdf: bytes, created: datetime | None) -> bytes:
    moment = (created.astimezone(UTC) if created is not None
              else datetime(2000, 1, 1, tzinfo=UTC))
    stamp = moment.strftime("D:%Y%m%d%H%M%S+00'00'").encode("ascii")
    out = bytearray(pdf)
    for m in _CREATION_DATE.finditer(pdf):
        if len(m.group(1)) == len(stamp):
            out[m.start(1):m.end(1)] = stamp
    return bytes(out)


_TRAILER_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def _fixed_id(pdf: bytes, *inputs: bytes) -> bytes:
    """PDFium writes a random trailer /ID: replace it (same length) with a hash of the inputs,
    so equal inputs give equal bytes."""
    matches = list(_TRAILER_ID.finditer(pdf, max(0, len(pdf) - 4096)))
    if not matches:
        return pdf
    m = matches[-1]
    digest = hashlib.sha256(b"".join(hashlib.sha256(x).digest() for x in inputs)).hexdigest()
    first = digest[: len(m.group(1))].upper().encode("ascii")
    second = digest[: len(m.group(2))].upper().encode("ascii")
    out = bytearray(pdf)
    out[m.start(1):m.end(1)] = first
    out[m.start(2):m.end(2)] = second
    return bytes(out)


# --- TIFF -------------------------------------------------------------------------------------


def fax_pages(pdf_bytes: bytes) -> Iterator[Image.Image]:
    """The fax images of every page of ``pdf_bytes``, one at a time.

    Each page is rasterised under :data:`PDFIUM_LOCK`; the lock is not held across ``yield``.
    """
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf_bytes)
    try:
        for i in range(len(doc)):
            with PDFIUM_LOCK:
                page = doc[i]
                try:
                    image = _fax_page(page)
                finally:
                    page.close()
            yield image
    finally:
        with PDFIUM_LOCK:
            doc.close()


def fax_tiff(pdf_bytes: bytes, *, compression: str = "group3", workers: int | None = None,
             progress: Callable[[int, int], None] | None = None,
             helper: FaxRaster | None = None) -> bytes:
    """Multi-page fax TIFF of ``pdf_bytes`` (compression ``group3`` or ``group4``).

    ``workers``: processes rasterising pages, this one included (default: one per CPU, up to
    :data:`~composer.render.fax_raster.MAX_WORKERS`, from
    :data:`~composer.render.fax_raster.PARALLEL_MIN_PAGES` pages; 1 = this process alone).
    The bytes do not depend on it. ``progress(pages done, pages in all)`` is called in this
    thread after each page. Workers are fresh processes (``spawn``), never forks of this
    one: a script that calls this needs the usual ``if __name__ == "__main__":`` guard.
    ``helper`` (:mod:`composer.render.fax_worker`): a process already rasterising the last
    ``helper.pages`` pages (the report); only the pages before them are drawn here (same bytes;
    everything is drawn here if the helper fails).
    """
    from composer.render import fax_raster

    try:
        codec = COMPRESSIONS[compression]
    except KeyError:
        raise ValueError(f"compression must be group3 or group4, got {compression!r}") from None
    total = page_count(pdf_bytes)
    if total == 0:
        raise ValueError("the PDF has no pages")
    count = fax_raster.worker_count(total) if workers is None else max(1, workers)
    if helper is not None and count == 1 and 0 < helper.pages < total:
        # the last pages are the report the helper is rasterising: draw the first ones here
        head = list(fax_raster.frames(pdf_bytes, total - helper.pages, codec, 1))
        tail = helper.report_frames(codec)
        if tail is not None and len(tail) == helper.pages:
            return tiff_from_frames([*head, *tail], total, progress)
    return tiff_from_frames(fax_raster.frames(pdf_bytes, total, codec, count), total, progress)


def tiff_from_frames(frames: Iterable[bytes], total: int,
                     progress: Callable[[int, int], None] | None = None) -> bytes:
    """The fax TIFF of ``total`` one-page TIFF frames (:mod:`composer.render.fax_raster`), in
    page order: appended, then 262 and 297 rewritten in every page (see :func:`fax_tiff`)."""
    from PIL import TiffImagePlugin

    buf = io.BytesIO()
    with TiffImagePlugin.AppendingTiffWriter(buf, new=True) as tf:
        for done, frame in enumerate(frames, 1):
            tf.write(frame)     # what Pillow writes when it saves the page into ``tf``
            tf.newFrame()
            if progress is not None:
                progress(done, total)
    data = bytearray(buf.getvalue())
    _rewrite_tags(data, total)
    return bytes(data)


def _ifds(data: bytes | bytearray) -> Iterator[tuple[str, int]]:
    order = {b"II": "<", b"MM": ">"}[bytes(data[:2])]
    (offset,) = struct.unpack_from(order + "I", data, 4)
    seen: set[int] = set()
    while offset and offset not in seen:
        seen.add(offset)
        yield order, offset
        (count,) = struct.unpack_from(order + "H", data, offset)
        (offset,) = struct.unpack_from(order + "I", data, offset + 2 + 12 * count)


def _rewrite_tags(data: bytearray, total: int) -> None:
    """In every IFD, in place: 262 := 0 (WhiteIsZero), 297 := SHORT[2] (page, total)."""
    for page, (order, ifd) in enumerate(_ifds(data)):
        (count,) = struct.unpack_from(order + "H", data, ifd)
        found = set()
        for i in range(count):
            entry = ifd + 2 + 12 * i
            (tag,) = struct.unpack_from(order + "H", data, entry)
            if tag == 262:
                struct.pack_into(order + "HHIHH", data, entry, 262, 3, 1, 0, 0)
                found.add(tag)
            elif tag == 297:
                struct.pack_into(order + "HHIHH", data, entry, 297, 3, 2, page, total)
                found.add(tag)
        if found != {262, 297}:
            raise ValueError(f"TIFF page {page} lacks tags {sorted({262, 297} - found)}")


def tiff_page_numbers(data: bytes) -> list[tuple[int, int]]:
    """The (page, total) of every IFD, read straight from the file (for checks and tests)."""
    out = []
    for order, ifd in _ifds(data):
        (count,) = struct.unpack_from(order + "H", data, ifd)
        for i in range(count):
            entry = ifd + 2 + 12 * i
            tag, typ, n, a, b = struct.unpack_from(order + "HHIHH", data, entry)
            if tag == 297:
                out.append((a, b) if (typ, n) == (3, 2) else (-1, -1))
    return out
