"""Fax pages rasterised for the TIFF, in this process and in worker processes.

PDFium is not thread-safe, so a long fax is rasterised by processes: this one and fresh
worker interpreters (:mod:`composer.render.fax_worker`: never forks of a process that may run
Qt, and they die with it). Each worker opens the PDF bytes itself; pages are drawn by
:func:`composer.render.fax_pages._fax_page` and encoded one by one as one-page TIFFs, which
:func:`composer.render.fax.fax_tiff` joins in page order, so the file is byte-identical
whatever the number of workers. Importing this module loads neither PDFium, Pillow, reportlab
nor the core (workers import only what rasterising needs).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from composer.render.fax_pages import encoded
from composer.render.pdfium_lock import PDFIUM_LOCK

PARALLEL_MIN_PAGES = 16
"""Fewer pages are rasterised in the calling process alone: a worker would cost more."""
MAX_WORKERS = 4
PAGES_PER_CHUNK = 8
"""Pages a worker rasterises at a time; the calling process takes chunks from the front,
the workers from the back, until they meet."""


def worker_count(total: int) -> int:
    """Processes (this one included) worth using for ``total`` pages."""
    if total < PARALLEL_MIN_PAGES:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:          # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS, -(-total // PAGES_PER_CHUNK)))


def frames(pdf_bytes: bytes, total: int, codec: str, processes: int) -> Iterator[bytes]:
    """The encoded pages in page order, rasterised here and, with ``processes`` > 1, in
    ``processes - 1`` worker processes as well.

    The workers take chunks from the back; this process walks them from the front and draws
    itself every chunk no worker has started yet, so both ends work from the start (while the
    workers start up, too) and meet in the middle.
    """
    import pypdfium2 as pdfium

    chunks = [list(range(s, min(total, s + PAGES_PER_CHUNK)))
              for s in range(0, total, PAGES_PER_CHUNK)]
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf_bytes)
    try:
        if processes <= 1 or len(chunks) < 2:
            for chunk in chunks:
                yield from encoded(doc, chunk, total, codec)
            return
        from composer.render.fax_worker import Pool

        with Pool(processes - 1, pdf_bytes, codec) as pool:
            for i, done in pool.frames(chunks, total):
                yield from (done if done is not None else encoded(doc, chunks[i], total, codec))
    finally:
        with PDFIUM_LOCK:
            doc.close()
