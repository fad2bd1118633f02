"""The fax channel: cover + report as one PDF, and the fax TIFF of it.

* The cover sheet is :mod:`composer.render.fax_cover`; :func:`fax_set` puts it before the report.
* :func:`fax_pdf` — the cover followed by the report, page by page (PDFium import, fonts kept).
* :func:`fax_tiff` — every page rasterised with PDFium on white, A4 centred on a 1728-pixel
  line, 2291 lines, 204×196 dpi ("fine"), thresholded to 1 bit without dithering, CCITT G3
  (1-D, the safest default for fax software) or G4, one strip a page, WhiteIsZero, PageNumber
  (the container: :mod:`composer.render.fax_tiff`).
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
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from composer import __version__
from composer.core.classify import Classification
from composer.core.model import Report
from composer.core.statement_level import report_title
from composer.render.fax_cover import cover_subject, render_cover_pdf
from composer.render.fax_pages import _fax_page, _grey_bitmap
from composer.render.fax_tiff import tiff_from_frames
from composer.render.oneline import header_text
from composer.render.pdf_info import with_info
from composer.render.pdfium_lock import PDFIUM_LOCK

if TYPE_CHECKING:
    from PIL import Image

COMPRESSIONS = {"group3": "group3", "group4": "group4", "g3": "group3", "g4": "group4"}

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
    document information, and the catalog gets ``/Lang (zh-CN)`` again, both written as an
    incremental update (PDFium can set neither).
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
    merged = _fixed_id(_fixed_date(buf.getvalue(), created), cover_pdf, report_pdf)
    if info:
        merged = with_info(merged, {**info, "Producer": "PDFium",
                              "CreationDate": pdf_date(created or datetime(2000, 1, 1, tzinfo=UTC)),
                              "ModDate": pdf_date(created or datetime(2000, 1, 1, tzinfo=UTC))},
                        lang="zh-CN")   # PDFium's merge drops the sources' /Lang
    return merged


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
        bitmap = _grey_bitmap()
    try:
        for i in range(len(doc)):
            with PDFIUM_LOCK:
                page = doc[i]
                try:
                    image = _fax_page(page, bitmap=bitmap)
                finally:
                    page.close()
            yield image
    finally:
        with PDFIUM_LOCK:
            bitmap.close()
            doc.close()


def fax_tiff(pdf_bytes: bytes, *, compression: str = "group3", workers: int | None = None,
             progress: Callable[[int, int], None] | None = None) -> bytes:
    """Multi-page fax TIFF of ``pdf_bytes`` (compression ``group3`` or ``group4``).

    ``workers``: processes rasterising pages, this one included (default: one per CPU, up to
    :data:`~composer.render.fax_raster.MAX_WORKERS`, from
    :data:`~composer.render.fax_raster.PARALLEL_MIN_PAGES` pages; 1 = this process alone).
    The bytes do not depend on it. ``progress(pages done, pages in all)`` is called in this
    thread after each page. Workers are fresh processes (``spawn``), never forks of this
    one: a script that calls this needs the usual ``if __name__ == "__main__":`` guard.
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
    return tiff_from_frames(fax_raster.frames(pdf_bytes, total, codec, count), total, progress)
