"""The crash smoke test's runner: the real app (``composer.gui.app.run``) in THIS process,
driven through every entry of :data:`smoke_registry.REGISTRY`.

Run by tests/gui/test_smoke.py in a subprocess (a segfault is a failed test, not a dead
pytest):  python tests/gui/smoke_run.py EXAMPLE.json WORKDIR [zh|en]

It leaves a crashed session with the example in the database first, so the app offers it back
(the recovery dialog) and the filled report is restored from there. Exit status 0 only when
every entry ran and the coverage check found nothing; it prints ``SMOKE OK`` and the names.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QRadioButton,
    QTabBar,
    QWidget,
)
from smoke_registry import REGISTRY, REGISTRY_FILE

from composer.core.flow import Step

QUIT = "action-quit"
_QT_INTERNAL = ("qt_", "__qt__")


def _ours(widget: QWidget) -> bool:
    return type(widget).__module__.startswith("composer")


def _in_qt_dialog(obj) -> bool:
    """Inside one of Qt's own dialogs (file dialog, print preview) or a tab bar's scroll
    arrows: not our buttons."""
    parent = obj.parent()
    while parent is not None:
        if (isinstance(parent, QDialog) and not _ours(parent)) or isinstance(parent, QTabBar):
            return True
        parent = parent.parent()
    return False


def inventory(roots: list[QWidget]) -> tuple[dict[str, str], list[str]]:
    """Named menu actions and buttons under ``roots`` (name → description), and descriptions
    of the unnamed ones. Check boxes and radio buttons are answers, not actions; Qt's
    internal buttons (qt_*) and a dialog box's standard/reject buttons (they close it) are
    left out."""
    named: dict[str, str] = {}
    unnamed: list[str] = []
    for root in roots:
        for page in getattr(getattr(root, "wizard", None), "pages", {}).values():
            page.ensure_built()   # every page is reachable; pages are built on first visit
        where = type(root).__name__
        for action in root.findChildren(QAction):
            if (action.isSeparator() or action.menu() is not None or not action.text()
                    or _in_qt_dialog(action)):
                continue
            desc = f"menu action '{action.text()}' in {where}"
            if action.objectName():
                named[action.objectName()] = desc
            else:
                unnamed.append(desc)
        for button in root.findChildren(QAbstractButton):
            name = button.objectName()
            if (isinstance(button, (QCheckBox, QRadioButton)) or name.startswith(_QT_INTERNAL)
                    or _in_qt_dialog(button)):
                continue
            box = button.parent()
            if isinstance(box, QDialogButtonBox) and (
                    box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
                    or box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole):
                continue
            page = button.parent()
            while page is not None and not _ours(page):
                page = page.parent()
            desc = (f"{type(button).__name__} '{button.text()}' in "
                    f"{type(page).__name__ if page is not None else where}")
            if name:
                named[name] = desc
            else:
                unnamed.append(desc)
    return named, unnamed


def entry(name: str, registry: dict) -> str | None:
    """The registry key covering ``name``: itself, or a family ``prefix*``."""
    if name in registry:
        return name
    return next((k for k in registry if k.endswith("*") and name.startswith(k[:-1])), None)


def coverage_problems(seen: dict[str, str], unnamed: list[str], ran: set[str],
                      registry: dict) -> list[str]:
    """What the smoke test did not cover, each said so that the fix is obvious."""
    problems = [f"unnamed {desc}: give it an objectName and add it to REGISTRY in "
                f"{REGISTRY_FILE}" for desc in dict.fromkeys(unnamed)]
    for name, desc in seen.items():
        if entry(name, registry) is None:
            problems.append(f"'{name}' ({desc}) is not in the smoke test: add the line "
                            f"\"{name}\": press,  (or a driver that opens, uses and closes "
                            f"what it shows) to REGISTRY in {REGISTRY_FILE}")
        elif name not in ran:
            problems.append(f"'{name}' ({desc}) is registered but never ran: the driver of "
                            f"the entry that shows it must call smoke.press('{name}')")
    found = {entry(name, registry) for name in seen}
    problems += [f"'{name}' is in REGISTRY ({REGISTRY_FILE}) but no such action or button "
                 f"exists: fix the name or remove the line" for name in registry
                 if name not in found]
    return problems


class Smoke:
    """The running app, for the drivers of smoke_registry.py."""

    def __init__(self, example: Path, tmp: Path):
        self.example = example
        self.tmp = tmp
        self.ran: list[str] = []
        self.seen: dict[str, str] = {}
        self.unnamed: list[str] = []
        self.printed: list[Path] = []
        self.filled_id: int | None = None

    # --- the app -------------------------------------------------------------------------

    @property
    def window(self):  # type: ignore[no-untyped-def]
        from composer.gui.mainwindow import MainWindow
        return next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible())

    def settle(self, ms: int = 30) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QCoreApplication.sendPostedEvents(None, 52)  # DeferredDelete: stale widgets go now

    def wait(self, cond: Callable[[], object], timeout: int = 10000) -> None:
        end = time.monotonic() + timeout / 1000
        while not cond():
            if time.monotonic() > end:
                raise TimeoutError(f"waited {timeout} ms for {getattr(cond, '__qualname__', cond)}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)

    def scan(self, extra: list[QWidget] = ()) -> None:  # type: ignore[assignment]
        roots = [self.window] + [w for w in QApplication.topLevelWidgets()
                                 if w.isVisible() and _ours(w) and w is not self.window]
        named, unnamed = inventory(roots + list(extra))
        self.seen.update(named)
        self.unnamed += unnamed

    def find(self, name: str):  # type: ignore[no-untyped-def]
        """The shown action or button called ``name`` (actions count as shown)."""
        roots = [self.window] + [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for root in roots:
            for cls in (QAction, QAbstractButton):
                for found in root.findChildren(cls, name):
                    if isinstance(found, QAction) or found.isVisible():
                        return found
        for root in roots:  # hidden: the caller says so
            found = root.findChild(QAbstractButton, name)
            if found is not None:
                return found
        raise LookupError(f"no action or button named '{name}' exists")

    def trigger(self, name: str) -> None:
        """A user's click on the button / choice of the menu entry."""
        self.scan()
        target = self.find(name)
        assert target.isEnabled(), f"'{name}' is disabled when its turn came"
        if isinstance(target, QAction):
            target.trigger()
        else:
            assert target.isVisible(), f"'{name}' is not visible when its turn came"
            QTest.mouseClick(target, Qt.MouseButton.LeftButton)
        self.settle()

    def press(self, name: str) -> None:
        """Run the table's entry for ``name`` (and count it as covered)."""
        key = entry(name, REGISTRY)
        if key is None:
            raise KeyError(f"'{name}' is not in REGISTRY ({REGISTRY_FILE})")
        print(f"smoke: {name}", flush=True)
        self.ran.append(name)
        REGISTRY[key](self, name)
        if name != QUIT:
            self.settle()
            self.scan()

    def go(self, step: Step) -> None:
        self.window.wizard.go_to(int(step))
        assert self.window.wizard.currentId() == int(step), (step, self.window.wizard.currentId())
        self.settle()

    def dialog(self, cls: type, name: str) -> QWidget:
        found: list[QWidget] = []

        def shown() -> bool:
            found[:] = [w for w in QApplication.topLevelWidgets()
                        if isinstance(w, cls) and w.objectName() == name and w.isVisible()]
            return bool(found)
        self.wait(shown)
        self.scan()
        return found[0]

    def close_dialogs(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                w.reject()
        self.settle()

    def answer_modal(self, answer: Callable[[QWidget], None],
                     accept: Callable[[QWidget], bool] | None = None) -> None:
        """Answer the next application-modal dialog that blocks in exec() (e.g. the file
        dialog of the print preview's 打印 on a PDF printer)."""
        from PySide6.QtWidgets import QFileDialog
        accept = accept or (lambda w: isinstance(w, QFileDialog))
        timer = QTimer()
        timer.setInterval(50)

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is not None and accept(modal):
                timer.stop()
                answer(modal)
        timer.timeout.connect(poll)
        timer.start()
        self._timer = timer

    def reopen_filled(self) -> None:
        assert self.filled_id is not None
        self.window.open_draft(self.filled_id)
        self.settle()


def drive(smoke: Smoke, status: dict[str, object]) -> None:
    try:
        smoke.dialog(QWidget, "recovery-dialog")
        smoke.press("recovery-restore")
        smoke.filled_id = smoke.window.model.draft.id
        smoke.scan()
        for key in REGISTRY:
            in_window, _ = inventory([smoke.window])
            for name in in_window:
                if entry(name, REGISTRY) == key and name != QUIT and name not in smoke.ran:
                    smoke.press(name)
        smoke.scan()
        from composer.gui.operations import running_count
        smoke.wait(lambda: running_count() == 0, 60000)  # no operation left hanging
        problems = coverage_problems(smoke.seen, smoke.unnamed, set(smoke.ran) | {QUIT},
                                     REGISTRY)
        smoke.settle(300)
        status["problems"] = problems
        status["covered"] = sorted(set(smoke.ran) | {QUIT})
        status["entries"] = sorted({entry(n, REGISTRY) for n in smoke.ran} | {QUIT})
        status["printed"] = [str(p) for p in smoke.printed]
        smoke.press(QUIT)
    except BaseException:  # noqa: BLE001 (reported, then the app exits non-zero)
        status["error"] = traceback.format_exc()
        QApplication.exit(4)


def main(argv: list[str]) -> int:
    from composer.core.draft import Draft
    from composer.core.storage import Storage
    from composer.gui import i18n
    from composer.gui.app import run, setup_application

    example, tmp = Path(argv[0]), Path(argv[1])
    lang = argv[2] if len(argv) > 2 else "zh"
    tmp.mkdir(parents=True, exist_ok=True)
    crashed = Storage()          # a session that never ended: its drafts are offered back
    crashed.begin_session()
    crashed.save_draft(Draft(data=json.loads(example.read_text(encoding="utf-8"))))
    crashed.close()
    i18n.save_language(lang)
    setup_application()
    status: dict[str, object] = {}
    hook_errors: list[str] = []

    def hook(kind, value, tb) -> None:  # type: ignore[no-untyped-def]
        hook_errors.append("".join(traceback.format_exception(kind, value, tb)))
        print(hook_errors[-1], file=sys.stderr, flush=True)
    sys.excepthook = hook
    QTimer.singleShot(200, lambda: drive(Smoke(example, tmp), status))
    code = run(None)
    if status.get("error"):
        print(status["error"], file=sys.stderr)
        return 4
    if hook_errors:
        return 5
    if code != 0:
        return code
    problems = status.get("problems")
    if problems is None:
        print("smoke: the drive never finished", file=sys.stderr)
        return 6
    if problems:
        print("SMOKE COVERAGE:\n" + "\n".join(f"  - {p}" for p in problems), file=sys.stderr)
        return 3
    print("SMOKE OK " + json.dumps({"covered": status["covered"],
                                    "entries": status["entries"],
                                    "printed": status["printed"]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
