"""Register the bundled CJK font with Qt (the workstation may have no Chinese font at all)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from composer.resources import resource_path

FAMILY = "Composer Sans SC"


def bundled_font_files() -> list[Path]:
    """The bundled UI faces (Composer Sans SC) under resources/fonts/, read from the folder:
    asking the render layer would import reportlab before the first window. The print faces
    (Composer Serif SC) are for reportlab only and are not loaded into Qt."""
    folder = resource_path("fonts/README.md").parent
    return sorted(p for p in folder.glob("ComposerSans*") if p.suffix.lower() in (".ttf", ".otf"))


def register_fonts(app: QApplication) -> list[str]:
    """Add every bundled face; make the CJK family the application font. Returns families."""
    families: list[str] = []
    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(families[0] if FAMILY not in families else FAMILY)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    return families
