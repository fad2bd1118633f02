"""Recording a sending (记录报送) with exactly what was sent.

:class:`Recording` opens the 记录报送 dialog (:mod:`composer.gui.submission_dialog`) with the
package it will keep, then keeps it: the package the dialog named (or, when there is none, one
generated now through :func:`composer.gui.packaging.write`) and the receipt file are copied off
the GUI thread (:func:`composer.core.record_archive.stage`); the record is appended on the GUI
thread, which owns the storage. A sending that cannot be recorded opens the dialog again at
once with everything typed and the reason: never a silent retry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from composer.core.obligations import CHINA_TZ, governing
from composer.core.records import Receipt, RecordError
from composer.core.storage import Storage
from composer.gui import packaging
from composer.gui.current_package import CurrentPackage, has_script, now
from composer.gui.draft_model import DraftModel
from composer.gui.operations import run_operation
from composer.gui.submission_dialog import SubmissionDialog, SubmissionInput, package_to_keep

if TYPE_CHECKING:
    from composer.core.record_archive import Staged
    from composer.render.package import PackageResult



class Recording(QObject):
    """Records the sendings of the report in ``model``. ``warn(title, text)`` names a failure;
    ``save_now()`` stores the draft first; ``recorded()`` runs after a sending was recorded;
    ``start_folder()`` is where the receipt file dialog starts. No signals."""

    def __init__(self, owner: QWidget, storage: Storage, model: DraftModel,
                 package: CurrentPackage, *, warn: Callable[[str, str], object],
                 save_now: Callable[[], object], recorded: Callable[[], None],
                 start_folder: Callable[[], str]):
        super().__init__(owner)
        self.owner = owner
        self.storage = storage
        self.model = model
        self.package = package
        self._warn = warn
        self._save_now = save_now
        self._recorded = recorded
        self._start_folder = start_folder

    def record_submission(self, retry: SubmissionInput | None = None, reason: str = ""
                          ) -> SubmissionDialog | None:
        """Ask when, how and to whom the report was sent, and keep that record (evidence,
        Art. 10–11). ``retry``: what the user filled in before recording failed for
        ``reason`` — the dialog opens again with it."""
        self._save_now()
        draft = self.model.draft
        draft_id = draft.id
        if draft_id is None:
            return None
        profile = self.storage.load_profile() or {}
        report = draft.report()
        package = self.package.valid()
        operator = draft.get("operator")
        dialog = SubmissionDialog(
            datetime.now(CHINA_TZ), self.owner,
            sent_by=str((profile.get("contact") or {}).get("name", "")), package=package,
            package_has_script=package is not None and has_script(package),
            kind=report.operator.kind if report is not None else None,
            operator=operator if isinstance(operator, dict) else None,
            start_folder=self._start_folder(), drill=draft.drill)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if retry is not None:
            dialog.show_failure(retry, reason)

        def done(_: int) -> None:
            value = dialog.result_value
            if value is None:
                return

            def failed(why: str) -> None:
                if self.model.draft.id == draft_id:
                    self.record_submission(value, why)
                else:   # another report is open now: name the reason at once
                    self._warn(self.tr("无法记录报送"), why)
            self.record_sending(draft_id, value, self._recorded, failed)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def record_sending(self, draft_id: int, value: SubmissionInput, done: Callable[[], None],
                       failed: Callable[[str], Any] | None = None) -> None:
        """Keep ``value`` with the package sent, then call ``done``.

        The package kept is ``value.package`` (what the dialog named), else the current package
        if it fits the channel (:func:`~composer.gui.submission_dialog.package_to_keep`), else
        one generated now. The copy is made off the GUI thread; the record is appended on it.
        If nothing could be recorded ``failed(reason)`` is called at once — nothing is queued
        to be recorded later — or, without ``failed``, a warning names the reason."""
        from composer.core import record_archive
        from composer.gui.autosave import SAVE_ERRORS

        def refused(reason: str) -> None:
            if failed is not None:
                failed(reason)
            else:
                self._warn(self.tr("无法记录报送"), reason)

        report = self.model.draft.report()
        package = value.package
        if package is None:
            current = self.package.valid()
            package = package_to_keep(current, current is not None and has_script(current),
                                      value.channel)
        due = None
        if report is not None:
            from composer.core.classify import classify

            obligation = governing(report.report_type, classify(report).duties)
            due = obligation.due if obligation is not None else None
        receipt = Receipt(reference=value.reference, person=value.person,
                          message_id=value.message_id, file=value.receipt_file)
        settings = packaging.unit_settings(self.storage, drill=self.model.draft.drill)
        data_root = self.storage.data_root
        when = now()
        out_dir = packaging.new_package_dir(data_root / "outbox", self.model.draft, when)

        def work() -> tuple[PackageResult | None, Staged | None]:
            made = None
            keep = package
            if keep is None and report is not None:
                made = packaging.write(report, out_dir, settings=settings, generated_at=when)
                keep = made.out_dir
            return made, record_archive.stage(data_root, keep, receipt.file)

        def store(result: tuple[PackageResult | None, Staged | None]) -> None:
            made, staged = result
            try:
                if made is not None:
                    self.package.register(draft_id, made, when)
                self.storage.record_submission(
                    draft_id, value.channel, value.sent_at, value.note, sent_by=value.sent_by,
                    receipt=receipt, due=due, recipient=value.recipient,
                    recipient_name=value.recipient_name, staged=staged)
            except RecordError as exc:
                record_archive.discard(staged)
                refused(str(exc))
                return
            except SAVE_ERRORS as exc:
                record_archive.discard(staged)
                refused(self.tr("草稿数据库无法写入（%1）").replace(
                    "%1", (str(exc).strip() or type(exc).__name__).splitlines()[0]))
                return
            done()

        run_operation(self.owner, self.tr("正在存档所报送的材料…"), work, on_success=store,
                      on_failure=lambda exc: refused(str(exc)))


__all__ = ["Recording"]
