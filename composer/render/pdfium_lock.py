"""PDFium (through pypdfium2) is not thread-safe: every use of it in the process holds this lock.

The GUI previews pages on one thread while a package (fax TIFF, fax PDF) may be rendered on a
worker; both go through :data:`PDFIUM_LOCK`. Re-entrant, so a locked function may call another.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
