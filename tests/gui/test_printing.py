"""Printing: both sets go through a real QPrinter into a PDF file (what a PDF printer gets),
and the print preview dialog keeps its printer alive (the crash of issue 9)."""

from __future__ import annotations

import gc
import json

import pypdf
import pypdfium2 as pdfium
import pytest
from gui_helpers import EXAMPLES
from PySide6.QtCore import QThreadPool
from PySide6.QtPrintSupport import QPrinter

from composer.core.draft import Draft
from composer.gui.printing import PrintPreview, document_pdf, print_pdf_to_file
from composer.render.fax import page_count

A4_PT = (595.3, 841.9)
FAX_FINE_DPI = 196  # fax fine mode is 204×196 dpi: printed pages must be at least as sharp


def _draft(name: str) -> Draft:
    return Draft(data=json.loads((EXAMPLES / name).read_text(encoding="utf-8")))


def _ink_share(path, index: int) -> float:
    """The share of the page's pixels that are not white (at 30 dpi)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        image = doc[index].render(scale=30 / 72).to_pil().convert("L")
    finally:
        doc.close()
    histogram = image.histogram()
    return sum(histogram[:200]) / sum(histogram)


@pytest.mark.parametrize("kind", ["report", "fax"])
def test_printed_pdf_pages_are_a4_inked_and_fax_legible(tmp_path, kind):
    draft = _draft("ransomware-retailer.json")
    source = document_pdf(kind, draft.report(), draft.classification(), None)
    out = tmp_path / f"{kind}.pdf"
    painted = print_pdf_to_file(source, str(out), kind)
    expected = page_count(source)
    assert painted == expected >= (4 if kind == "fax" else 3)
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) == expected
    for index, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_PT[0]) < 2 and abs(height - A4_PT[1]) < 2, (width, height)
        assert _ink_share(out, index) > 0.005, f"page {index + 1} is blank"
        (image,) = page.images
        px_width, px_height = image.image.size
        dpi_x, dpi_y = px_width / (width / 72), px_height / (height / 72)
        assert min(dpi_x, dpi_y) >= FAX_FINE_DPI, (index, dpi_x, dpi_y)


def test_fax_set_is_cover_plus_report():
    draft = _draft("cii-grid-outage.json")
    report = document_pdf("report", draft.report(), draft.classification(), None)
    fax = document_pdf("fax", draft.report(), draft.classification(), report)
    assert page_count(fax) == page_count(report) + 1


def test_preview_dialog_owns_its_printer(qtbot):
    """The printer lives as long as the dialog, even when no one else holds it."""
    draft = _draft("phishing-general.json")
    pdf = document_pdf("report", draft.report(), draft.classification(), None)
    dialog = PrintPreview(pdf, "打印报告")
    qtbot.addWidget(dialog)
    gc.collect()
    assert isinstance(dialog.printer, QPrinter)
    assert dialog.printer.pageLayout().pageSize().id().name == "A4"
    dialog.show()
    qtbot.waitUntil(lambda: dialog.printed_pages == page_count(pdf), timeout=30000)
    dialog.close()
    QThreadPool.globalInstance().waitForDone(30000)
