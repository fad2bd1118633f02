"""``python -m composer.gui.qt_probe``: what Qt can do on this machine, as JSON lines.

Run by ``composer doctor`` in a child process: a broken Qt installation aborts the process that
loads it (Qt's platform plugin failing calls qFatal), and the doctor must survive to say so.
One line is printed as soon as PySide6 imports (its version), another once a QApplication
exists (platform, printers): when the platform plugin aborts, the doctor still knows which Qt
it is, and reads Qt's own reason from this process's stderr.
"""

from __future__ import annotations

import json
import sys


def _say(data: dict[str, object]) -> None:
    print(json.dumps(data), flush=True)


def probe() -> dict[str, object]:
    out: dict[str, object] = {}
    try:
        import PySide6
        from PySide6 import QtCore

        out["pyside"] = PySide6.__version__
        out["qt"] = QtCore.qVersion()
        _say(out)
        from PySide6.QtWidgets import QApplication

        app = QApplication(["composer-doctor"])
        out["platform"] = app.platformName()
        from PySide6.QtPrintSupport import QPrinterInfo

        out["printers"] = list(QPrinterInfo.availablePrinterNames())
        out["default_printer"] = QPrinterInfo.defaultPrinterName()
    except Exception as exc:  # noqa: BLE001 (the doctor reports whatever went wrong)
        out["error"] = f"{type(exc).__name__}: {exc}"
    return out


if __name__ == "__main__":
    _say(probe())
    sys.exit(0)
