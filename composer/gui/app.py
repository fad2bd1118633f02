"""QApplication setup and the GUI entry point ``run(path_or_None) -> exit status``.

Environment (for tests and benchmarks):
``COMPOSER_SMOKE_QUIT_MS`` — quit that many ms after the first window is shown;
``COMPOSER_STARTUP_T0`` — a ``time.time()`` of the process start: the time to the first shown
window, the RSS and which heavy render modules are already loaded are printed to stderr as
``startup: first-window <s> rss-kb <kb> render-modules <comma list, or -> cpu <s>`` (cpu: user
+ system time of the process so far, which the machine's load does not inflate).

Start-up stays light: the render stack (reportlab, PDFium, Pillow, jinja2) is imported when it
is first needed (preview, package, print), on the worker thread that needs it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from composer import __version__
from composer.core import paths
from composer.core.storage import Storage
from composer.gui import i18n
from composer.gui.fonts import register_fonts
from composer.resources import resource_path


def setup_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The one QApplication: name, icon, bundled fonts, zh_CN locale and translators."""
    app = QApplication.instance()
    if app is None:
        from composer.gui.qt_fatal import guard

        with guard():   # Qt's abort (no display, missing libraries) becomes our diagnosis
            app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Composer")
    app.setOrganizationName("Composer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("composer")
    app.setWindowIcon(QIcon(str(resource_path("icons/composer.png"))))
    register_fonts(app)
    i18n.install(app, lang or i18n.load_language())
    app.setApplicationDisplayName(QCoreApplication.translate("App", "网络安全事件报告"))
    return app


def _rss_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


RENDER_MODULES = ("reportlab", "pypdfium2", "PIL", "jinja2")
"""Top-level packages the first window must not wait for (checked by tests/test_startup.py)."""


def loaded_render_modules() -> list[str]:
    return [name for name in RENDER_MODULES if name in sys.modules]


def check_database() -> bool:
    """A damaged database file is named at start, with the drafts still readable and a copy
    kept beside it, and the user chooses: start afresh, continue, or quit (False)."""
    from composer.core.store import damage

    path = paths.database_path()
    found = damage.check(path)
    if found is None:
        return True
    from composer.gui.damaged_dialog import DamagedDatabaseDialog

    try:
        copy: Path | None = damage.keep_copy(path)
    except OSError:
        copy = None
    dialog = DamagedDatabaseDialog(path, found.problems, copy, damage.salvage_drafts(path))
    dialog.exec()
    if dialog.result_value == "afresh" and copy is not None:
        try:
            damage.start_afresh(path)
        except (OSError, sqlite3.Error) as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, QCoreApplication.translate("App", "无法新建草稿数据库"),
                                 f"{path}\n{exc}")
            return False
        return True
    return dialog.result_value is not None


def run(path: str | None = None) -> int:
    """Start the desktop app (optionally with an incident file loaded). Returns the exit code."""
    from composer.gui.mainwindow import MainWindow

    app = setup_application()
    if not check_database():
        return 1
    try:
        storage = Storage()
        recovered = storage.begin_session()
    except (OSError, sqlite3.Error) as exc:
        # Unwritable data folder, full disk, a database from a newer version…: say where.
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, QCoreApplication.translate("App", "无法打开草稿数据库"),
                             f"{paths.database_path()}\n{exc}")
        return 1
    window = MainWindow(storage)
    if path is not None:
        window.open_file(path)
    window.show()
    from composer.startup_failure import clear

    clear()   # the window opened: a note of an earlier failed start no longer applies
    t0 = os.environ.get("COMPOSER_STARTUP_T0")
    if t0:
        def report() -> None:
            print(f"startup: first-window {time.time() - float(t0):.3f} rss-kb {_rss_kb()} "
                  f"render-modules {','.join(loaded_render_modules()) or '-'} "
                  f"cpu {time.process_time():.3f}", file=sys.stderr, flush=True)
        QTimer.singleShot(0, report)
    if recovered:
        QTimer.singleShot(0, lambda: window.reports.offer_recovery(recovered))
    smoke = os.environ.get("COMPOSER_SMOKE_QUIT_MS")
    if smoke:
        QTimer.singleShot(int(smoke), app.quit)
    try:
        code = app.exec()
    finally:
        from composer.gui import operations

        operations.stop_all()       # background work ends with the window, at its next page
        workers = sys.modules.get("composer.render.fax_worker")
        if workers is not None:
            workers.stop_all()      # quitting never waits on a fax worker process
        operations.wait_for_pools(60000)  # no worker (render or I/O) outlives the app
        window.save_now(orderly=True)
        # a failing database was shown in the window already; the next start says so
        with contextlib.suppress(sqlite3.Error):
            storage.end_session()
        storage.close()
    return code
