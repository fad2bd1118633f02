"""Printing: both sets go through a real QPrinter into a PDF file (what a PDF printer gets),
and the print preview dialog keeps its printer alive (the crash of issue 9)."""

from __future__ import annotations

import gc
import json

import pypdf
import pypdfium2 as pdfium
import pytest
from gui_helpers import EXAMPLES, settle
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from composer.core.draft import Draft
from composer.gui.operations import wait_for_pools
from composer.gui.printing import PrintPreview, a4_printer, document_pdf, print_pdf_to_file
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


def _printed_page(page):
    """The page image a printed page was painted from, put together from its strips (each
    overlaps the next by one row)."""
    from PIL import Image

    strips = [image.image.convert("L") for image in page.images]
    width = strips[0].size[0]
    out = Image.new("L", (width, sum(s.size[1] for s in strips) - len(strips) + 1), 255)
    top = 0
    for strip in strips:
        out.paste(strip, (0, top))
        top += strip.size[1] - 1
    return out


def _differs(source: bytes, page, index: int) -> tuple[float, int]:
    """Mean and largest grey-level difference between a printed page's pixels and the same
    page of ``source`` rasterised at the printing resolution: a seam, a missing or shifted
    strip shows at once (the printer's JPEG stays within a few levels)."""
    import io

    from PIL import Image, ImageChops, ImageStat

    from composer.gui.preview import MAX_PRINT_DPI, rasterise

    (expected,) = rasterise(source, MAX_PRINT_DPI, [index])
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    expected.save(buffer, "PNG")
    want = Image.open(io.BytesIO(bytes(buffer.data()))).convert("L")
    got = _printed_page(page)
    assert got.size == want.size, (got.size, want.size)
    diff = ImageChops.difference(got, want)
    return ImageStat.Stat(diff).mean[0], diff.getextrema()[1]


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
        # painted in strips (the GUI thread never waits for one long call): each as sharp
        # as fax fine mode, together the whole height
        sizes = [image.image.size for image in page.images]
        assert len(sizes) > 1 and len({w for w, _ in sizes}) == 1
        dpi_x = sizes[0][0] / (width / 72)
        rows = sum(h for _, h in sizes) - (len(sizes) - 1)       # one row overlaps the next
        assert min(dpi_x, rows / (height / 72)) >= FAX_FINE_DPI, (index, dpi_x, rows)
        mean, worst = _differs(source, page, index)
        assert mean < 1 and worst < 80, (index, mean, worst)


def test_fax_set_is_cover_plus_report():
    draft = _draft("cii-grid-outage.json")
    report = document_pdf("report", draft.report(), draft.classification(), None)
    fax = document_pdf("fax", draft.report(), draft.classification(), report)
    assert page_count(fax) == page_count(report) + 1


def test_preview_dialog_owns_its_printer(qtbot, tmp_path):
    """The printer lives as long as the dialog, even when no one else holds it."""
    draft = _draft("phishing-general.json")
    pdf = document_pdf("report", draft.report(), draft.classification(), None)
    dialog = PrintPreview(pdf, "打印报告")
    qtbot.addWidget(dialog)
    gc.collect()
    assert isinstance(dialog.printer, QPrinter)
    assert dialog.printer.pageLayout().pageSize().id().name == "A4"
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.drawn >= 1, timeout=30000)   # the first page in view
    assert dialog.printed_pages == 0                  # the preview printed nothing
    out = tmp_path / "printed.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))
    dialog.print_to(dialog.printer)
    qtbot.waitUntil(lambda: dialog.printed_pages == page_count(pdf), timeout=60000)
    assert len(pypdf.PdfReader(str(out)).pages) == page_count(pdf)
    dialog.close()
    wait_for_pools(30000)


def _long_pdf(pages: int) -> bytes:
    """A report of about ``pages`` pages (its description repeated)."""
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["incident"]["description"] = "值班人员发现会员数据库服务器文件被加密。" * 300
    for key in ("impact", "measures", "cause", "trend", "clues", "next_steps", "other"):
        data["incident"][key] = "处置情况说明。" * 700
    draft = Draft(data=data)
    pdf = document_pdf("report", draft.report(), draft.classification(), None)
    while page_count(pdf) < pages:
        pdf = _concatenate(pdf, pdf)
    return pdf


def _concatenate(first: bytes, second: bytes) -> bytes:
    import io

    writer = pypdf.PdfWriter()
    for part in (first, second):
        writer.append(pypdf.PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_long_report_opens_at_once_and_holds_few_pages(qtbot):
    pdf = _long_pdf(200)
    total = page_count(pdf)
    dialog = PrintPreview(pdf, "打印报告")
    qtbot.addWidget(dialog)
    dialog.resize(760, 720)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.total == total and dialog.pages.drawn > 0, timeout=60000)
    assert dialog.findChild(QLabel, "print-preview-where").text() == f"第 1 页，共 {total} 页"
    bar = dialog.pages.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100 * 500)  # the placeholders are laid out
    bar.setValue(bar.maximum())                       # to the end: the last pages are drawn
    qtbot.waitUntil(lambda: total - 1 in dialog.pages.images, timeout=60000)
    assert dialog.pages.drawn <= 12 and 0 not in dialog.pages.images
    assert dialog.findChild(QLabel, "print-preview-where").text().endswith(f"共 {total} 页")
    dialog.close()
    wait_for_pools(30000)


def test_a_cancelled_job_leaves_nothing_and_a_page_range_is_honoured(qtbot, tmp_path):
    pdf = _long_pdf(20)
    dialog = PrintPreview(pdf, "打印报告")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.total > 0, timeout=60000)
    printer = dialog.printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "cancelled.pdf"
    printer.setOutputFileName(str(out))
    done: list[int] = []
    dialog.printed.connect(done.append)
    job = dialog.print_to(printer)
    job.cancel()
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    assert done == [0] and not out.exists()
    assert "已取消" in dialog.findChild(QLabel, "print-preview-status").text()
    ranged = tmp_path / "pages-2-3.pdf"
    printer.setOutputFileName(str(ranged))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    dialog.print_to(printer)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=60000)
    assert done[1] == 2 and len(pypdf.PdfReader(str(ranged)).pages) == 2
    dialog.close()
    wait_for_pools(30000)


def test_print_button_asks_the_print_dialog_and_prints_only_when_told(qtbot, tmp_path):
    """打印… opens Qt's print dialog (which selects the system's default printer where there is
    one: the test cancels it — nothing goes to paper); nothing prints until the dialog says so,
    and then the job runs in the background."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QPushButton

    draft = _draft("phishing-general.json")
    pdf = document_pdf("report", draft.report(), draft.classification(), None)
    dialog = PrintPreview(pdf, "打印报告")
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.findChild(QPushButton, "print-preview-print")
    qtbot.waitUntil(button.isEnabled, timeout=30000)
    button.click()
    chooser = dialog.findChild(QPrintDialog, "print-dialog")
    assert chooser is not None and chooser.isVisible() and chooser.printer() is dialog.printer
    chooser.reject()
    settle()
    assert dialog.job is None and dialog.printed_pages == 0
    out = tmp_path / "chosen.pdf"
    own = a4_printer("test")
    own.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    own.setOutputFileName(str(out))
    dialog.set_printer(own)
    dialog.print_to(own)                        # what 打印 in the dialog does, on our printer
    qtbot.waitUntil(lambda: dialog.printed_pages == page_count(pdf), timeout=60000)
    assert len(pypdf.PdfReader(str(out)).pages) == page_count(pdf)
    dialog.close()
    wait_for_pools(30000)
