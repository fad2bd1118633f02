# The few PDFium C names Composer calls through pypdfium2.raw (ctypes: objects that have an
# `_as_parameter_`, such as PdfBitmap and PdfPage, are passed as they are).
FPDFBitmap_Gray: int
FPDF_GRAYSCALE: int
FPDF_ANNOT: int

def FPDF_RenderPageBitmap(
    bitmap: object,
    page: object,
    start_x: int,
    start_y: int,
    size_x: int,
    size_y: int,
    rotate: int,
    flags: int,
) -> None: ...
