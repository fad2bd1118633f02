"""One fax page drawn and encoded: a PDF page as a 1728×2291 1-bit image at 204×196 dpi, and as
a one-page TIFF frame.

The part of rasterising that both the calling process (:mod:`composer.render.fax_raster`) and
the worker processes (:mod:`composer.render.fax_worker`) run, so that neither imports the other.
Importing this module loads neither PDFium, Pillow, reportlab nor the core.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from composer.render.pdfium_lock import PDFIUM_LOCK

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from PIL import Image

FAX_WIDTH = 1728          # pixels on a fax line (ITU-T T.4, A4/Letter)
FAX_HEIGHT = 2291         # lines of an A4 page in fine mode: 297 mm at 196 lpi is 2291.8; HylaFAX
                          # tiffcheck accepts 2291 as A4 and asks to RESIZE 2292 (297.03 mm)
FAX_DPI = (204, 196)
THRESHOLD = 160           # grey levels below this print black (keeps thin CJK strokes)

def _fax_page(page: pdfium.PdfPage, *, ink_is_one: bool = False,
              bitmap: pdfium.PdfBitmap | None = None) -> Image.Image:
    """One page as a 1728×2291 1-bit image, fitted and centred at 204×196 dpi (ink 0, paper 1;
    ``ink_is_one`` gives the bits the other way round, as the TIFF stores them).

    PDFium draws the page straight onto the white fax-sized grey bitmap at 204 dpi across and
    196 dpi down (no resampling), which is then thresholded without dithering. ``bitmap``: a
    :func:`_grey_bitmap` to draw on, made white again first (one for all the pages of a
    document instead of 4 MB allocated a page); without it, one is made for this page.
    """
    import pypdfium2.raw as pdfium_c

    w_pt, h_pt = page.get_size()
    sx, sy = FAX_DPI[0] / 72, FAX_DPI[1] / 72
    fit = min(1.0, FAX_WIDTH / (w_pt * sx), FAX_HEIGHT / (h_pt * sy))
    target = (min(FAX_WIDTH, round(w_pt * sx * fit)), min(FAX_HEIGHT, round(h_pt * sy * fit)))
    canvas = _grey_bitmap() if bitmap is None else bitmap
    try:
        if bitmap is not None:
            canvas.fill_rect((255, 255, 255, 255), 0, 0, FAX_WIDTH, FAX_HEIGHT)
        pdfium_c.FPDF_RenderPageBitmap(canvas, page, (FAX_WIDTH - target[0]) // 2,
                                       (FAX_HEIGHT - target[1]) // 2, target[0], target[1], 0,
                                       pdfium_c.FPDF_GRAYSCALE | pdfium_c.FPDF_ANNOT)
        grey = canvas.to_pil()
        ink, paper = (255, 0) if ink_is_one else (0, 255)
        return grey.point(lambda v: paper if v >= THRESHOLD else ink, mode="1")
    finally:
        if bitmap is None:
            canvas.close()


def _grey_bitmap() -> pdfium.PdfBitmap:
    """A white 8-bit grey PDFium bitmap of one fax page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    bitmap = pdfium.PdfBitmap.new_native(FAX_WIDTH, FAX_HEIGHT, pdfium_c.FPDFBitmap_Gray)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, FAX_WIDTH, FAX_HEIGHT)
    return bitmap


def _ink_is_one(image: Image.Image) -> Image.Image:
    """The bits as WhiteIsZero stores them: ink 1, paper 0 (see
    :func:`composer.render.fax.fax_tiff`)."""
    return image.point(lambda v: 255 - v)


def _tiff_frame(image: Image.Image, index: int, total: int, codec: str) -> bytes:
    """One page (drawn ink = 1) as a one-page TIFF; :func:`composer.render.fax.fax_tiff`
    appends these (Pillow's multi-page writer fixes the offsets)."""
    from PIL import TiffImagePlugin

    info = TiffImagePlugin.ImageFileDirectory_v2()
    # 262 (Photometric) is left to Pillow (MinIsBlack for mode "1") and rewritten to
    # WhiteIsZero by fax_tiff: asked for 262=0, Pillow flips the bits itself in a per-pixel
    # Python loop (~270 ms a page). The pages are already drawn ink = 1 instead.
    info[278] = FAX_HEIGHT          # RowsPerStrip: one strip a page
    info[266] = 1                       # FillOrder: MSB first
    info[254] = 2                       # NewSubfileType: page of a multi-page file
    info[297] = (index, total)          # PageNumber (rewritten below)
    if codec == "group3":
        info[292] = 4                   # T4Options: 1-D, fill bits before EOL
    buf = io.BytesIO()
    image.save(buf, format="TIFF", compression=codec, tiffinfo=info, dpi=FAX_DPI)
    return buf.getvalue()


def encoded(doc: pdfium.PdfDocument, indices: list[int], total: int, codec: str) -> list[bytes]:
    """The TIFF frames of pages ``indices`` of ``doc`` (PDFium under :data:`PDFIUM_LOCK`)."""
    out = []
    with PDFIUM_LOCK:
        bitmap = _grey_bitmap()
    try:
        for index in indices:
            with PDFIUM_LOCK:
                page = doc[index]
                try:
                    image = _fax_page(page, ink_is_one=True, bitmap=bitmap)
                finally:
                    page.close()
            out.append(_tiff_frame(image, index, total, codec))
    finally:
        with PDFIUM_LOCK:
            bitmap.close()
    return out
