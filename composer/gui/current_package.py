"""Which package the app sends: the current one when it still says what would be sent now,
else one generated now — always through :func:`composer.gui.packaging.write`.

:class:`CurrentPackage` answers for the report in the draft model: :meth:`CurrentPackage.valid`
is the latest package registered for it whose manifest still has its recorded hash and was made
from the report as it stands; :meth:`CurrentPackage.generate` writes one into the data folder's
``outbox/`` off the GUI thread and registers it; :meth:`CurrentPackage.with_file` hands over one
file of the current package (generating it first when needed). So what is opened, printed,
saved or recorded is byte for byte the same package.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from composer.core.history import fingerprint
from composer.core.obligations import CHINA_TZ
from composer.core.records import sha256_bytes
from composer.core.storage import Storage
from composer.gui import packaging
from composer.gui.draft_model import DraftModel
from composer.gui.operations import run_operation

if TYPE_CHECKING:
    from composer.core.model import Report
    from composer.render.package import PackageResult


def now() -> datetime:
    return datetime.now(CHINA_TZ).replace(microsecond=0)


def package_file(package: Path, name: str) -> bytes | None:
    """``name`` (e.g. ``fax/fax.pdf``) of ``package``, if its bytes are those its manifest lists."""
    try:
        listed = json.loads((package / "manifest.json").read_bytes())["files"]
        data = (package / name).read_bytes()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    digest = sha256_bytes(data)
    return data if any(f.get("path") == name and f.get("sha256") == digest
                       for f in listed if isinstance(f, dict)) else None


def has_script(package: Path) -> bool:
    return package_file(package, "script.txt") is not None


class CurrentPackage(QObject):
    """The package of the report in ``model`` (see the module docstring). ``warn(title,
    text)`` says why a package could not be made; ``save_now()`` stores the draft first."""

    def __init__(self, owner: QWidget, storage: Storage, model: DraftModel,
                 warn: Callable[[str, str], object], save_now: Callable[[], object]):
        super().__init__(owner)
        self.owner = owner
        self.storage = storage
        self.model = model
        self._warn = warn
        self._save_now = save_now

    def valid(self) -> Path | None:
        """The latest package generated for this report as it stands: its manifest.json still
        has the recorded hash, and the manifest's input hash is that of the current report (a
        package made before the last edit is not what would be sent now)."""
        draft_id = self.model.draft.id
        report = self.model.draft.report()
        if draft_id is None or report is None:
            return None
        current = sha256_bytes(packaging.source_bytes(report))
        # a summary states its incident's sendings (Art. 11): a package made before another
        # sending was recorded is not what would be sent now either
        sendings = fingerprint(report.sendings)
        for package in reversed(self.storage.packages(draft_id)):
            manifest = Path(package.out_dir) / "manifest.json"
            try:
                data = manifest.read_bytes()
            except OSError:
                continue
            if sha256_bytes(data) != package.manifest_sha256:
                continue
            try:
                made = json.loads(data).get("input", {})
                made_from, made_with = made.get("sha256"), made.get("sendings_sha256")
            except (ValueError, AttributeError):
                continue
            if made_from == current and made_with == sendings:
                return Path(package.out_dir)
        return None

    def generate(self, report: Report, then: Callable[[Path], Any], busy: str,
                 failed: str) -> None:
        """Generate the package of ``report`` into the data folder's ``outbox/`` off the GUI
        thread, register it as the report's latest package, then call ``then(out_dir)``."""
        draft_id = self.model.draft.id
        self._save_now()
        settings = packaging.unit_settings(self.storage, drill=self.model.draft.drill)
        when = now()
        out_dir = packaging.new_package_dir(self.storage.data_root / "outbox",
                                            self.model.draft, when)

        def work() -> PackageResult:
            return packaging.write(report, out_dir, settings=settings, generated_at=when)

        def written(result: PackageResult) -> None:
            self.register(draft_id, result, when)
            then(out_dir)

        def refused(exc: Exception) -> None:
            self._warn(failed, str(exc))

        run_operation(self.owner, busy, work, on_success=written, on_failure=refused)

    def register(self, draft_id: int | None, result: PackageResult, when: datetime) -> None:
        if draft_id is None:
            return
        files = [Path(f) for f in result.files]
        digest = sha256_bytes((result.out_dir / "manifest.json").read_bytes())
        self.storage.record_package(draft_id, result.out_dir, files, digest, when)

    def with_file(self, report: Report, name: str, then: Callable[[bytes], Any],
                  busy: str, failed: str) -> None:
        """``then(bytes)`` of the package file ``name`` (``fax/fax.pdf``, ``report.pdf`` …):
        from the current package if it has it unchanged, else from one generated now."""
        package = self.valid()
        data = package_file(package, name) if package is not None else None
        if data is not None:
            then(data)
            return

        def made(out_dir: Path) -> None:
            made_data = package_file(out_dir, name)
            if made_data is None:
                self._warn(failed, str(out_dir / name))
                return
            then(made_data)
        self.generate(report, made, busy, failed)


__all__ = ["CurrentPackage", "has_script", "now", "package_file"]
