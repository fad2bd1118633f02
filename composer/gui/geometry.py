"""The main window's size and place: fits the screen, and comes back where the user left it.

The first start opens at most 1100×820 logical pixels and never larger than 94 % of the
screen's available area (so 下一步 is on a 1280×720 screen too, and at 150 % scaling); later
starts restore the saved geometry (``QWidget.saveGeometry``, kept as a storage setting) when
it still fits a screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from composer.core.storage import Storage

GEOMETRY = "window_geometry"   # storage setting: base64 of QWidget.saveGeometry()
PREFERRED = (1100, 820)
SCREEN_SHARE = 0.94


def first_size(available: QRect) -> tuple[int, int]:
    return (min(PREFERRED[0], int(available.width() * SCREEN_SHARE)),
            min(PREFERRED[1], int(available.height() * SCREEN_SHARE)))


def restore(window: QWidget, storage: Storage) -> None:
    saved = storage.load_setting(GEOMETRY)
    if isinstance(saved, str) and window.restoreGeometry(
            QByteArray.fromBase64(saved.encode("ascii"))):
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None or screen.availableGeometry().intersects(window.frameGeometry()):
            return
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)
    width, height = first_size(available)
    window.resize(width, height)
    window.move(available.x() + (available.width() - width) // 2,
                available.y() + (available.height() - height) // 2)


def save(window: QWidget, storage: Storage) -> bool:
    """Keep the window's geometry (on close). A failing database is not raised here: the window
    position is no user data, and the close must still reach the autosaver's question about
    unsaved edits (which names the failure). Returns whether it was stored."""
    from composer.gui.autosave import SAVE_ERRORS

    if not storage.is_open:
        return False
    try:
        storage.save_setting(GEOMETRY, bytes(window.saveGeometry().toBase64().data()).decode("ascii"))
    except SAVE_ERRORS:
        return False
    return True
