"""Register the bundled CJK font with Qt (the workstation may have no Chinese font at all)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from composer.resources import resource_path

FAMILY = "Composer Sans SC"


def bundled_font_files() -> list[Path]:
    try:
        from composer.render.fonts import font_files
    except ImportError:  # the render layer is optional for the GUI's look
        return [resource_path("fonts/ComposerSansSC-Regular.ttf"),
                resource_path("fonts/ComposerSansSC-Bold.ttf")]
    return font_files()


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
