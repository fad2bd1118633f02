"""GUI test helpers: a main window on a temporary database, typing as an IME does."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QApplication,
)

from composer.core.storage import Storage
from composer.gui import i18n
from composer.gui.app import setup_application


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture(autouse=True)
def _app_setup(qapp):
    """Fonts, locale and the Chinese default for every GUI test."""
    setup_application(lang="zh")
    yield
    from composer.gui.operations import wait_for_pools

    wait_for_pools(30000)
    i18n.install(qapp, "zh")


@pytest.fixture
def storage(tmp_path):
    s = Storage(tmp_path / "composer.sqlite3")
    s.begin_session()
    yield s
    s.close()


@pytest.fixture
def window(qtbot, storage):
    from composer.gui.mainwindow import MainWindow

    w = MainWindow(storage)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
