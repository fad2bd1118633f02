"""Sending: the channel cards' actions (open the e-mail, print, save the fax TIFF, export what
is owed) and exporting the 报送记录.

:class:`Sending` gets the few things it needs passed in — the storage, the draft model, the
current package (:class:`~composer.gui.current_package.CurrentPackage`), the widget that owns its
dialogs, and a small :class:`SendingHost` (warn, status line, print, the folder last used) — and
is wired to the preview page's :class:`~composer.gui.channels.ChannelCards` by
:meth:`Sending.connect_preview`. What is opened, printed or saved is a file of the current
package (generated first when there is none), so a sending recorded afterwards keeps byte for
byte what was opened, printed or saved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from composer.core.atomic import atomic_write_bytes
from composer.core.storage import Storage
from composer.gui.current_package import CurrentPackage, now
from composer.gui.draft_model import DraftModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

    from composer.core.model import Report
    from composer.gui.channels import ChannelCards
    from composer.gui.page_preview import PreviewPage



class SendingHost(Protocol):
    """What :class:`Sending` asks of the window it works for."""

    def save_now(self, orderly: bool = False) -> bool: ...
    def warn(self, title: str, text: str) -> object: ...
    def show_status(self, text: str) -> None: ...
    def print_pdf(self, pdf: bytes, title: str) -> object: ...
    def start_folder(self) -> str: ...
    def remember_folder(self, folder: str | Path) -> None: ...


class FolderHost(Protocol):
    """Where save dialogs start (the folder used last) and what they remember."""

    def start_folder(self) -> str: ...
    def remember_folder(self, folder: str | Path) -> None: ...


def save_dialog(owner: QWidget, host: FolderHost, name: str, title: str, file_name: str,
                filter_: str, suffix: str, chosen: Callable[[str], Any]) -> QFileDialog:
    """A window-modal save dialog opened with ``open()`` (returned, so tests can use it),
    starting in the last folder used."""
    from PySide6.QtWidgets import QFileDialog  # loaded when first opened

    dialog = QFileDialog(owner, title, str(Path(host.start_folder()) / file_name), filter_)
    dialog.setObjectName(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)

    def selected(path: str) -> None:
        if path:
            host.remember_folder(Path(path).parent)
            chosen(path)
    dialog.fileSelected.connect(selected)
    dialog.open()
    return dialog


class Sending(QObject):
    """The sending actions of one window (see the module docstring). No signals."""

    def __init__(self, owner: QWidget, storage: Storage, model: DraftModel,
                 package: CurrentPackage, host: SendingHost):
        super().__init__(owner)
        self.owner = owner
        self.storage = storage
        self.model = model
        self.package = package
        self.host = host
        self.cards: ChannelCards | None = None

    def valid_package(self) -> Path | None:
        """The current package (:meth:`CurrentPackage.valid`)."""
        return self.package.valid()

    # --- the channel cards -------------------------------------------------------------------

    def connect_preview(self, preview: PreviewPage) -> None:
        """Wire the preview page's channel cards once the page is built (on its first visit;
        called again for each rebuilt UI)."""
        self.cards = None

        def wire() -> None:
            cards = preview.channels
            self.cards = cards
            cards.openEmailRequested.connect(self.open_email)
            cards.printFaxRequested.connect(lambda: self.print_document("fax"))
            cards.saveFaxTiffRequested.connect(lambda: self.save_fax_tiff())
            cards.printScriptRequested.connect(self.print_script)
            cards.exportCalendarRequested.connect(lambda: self.export_calendar())
            self.update_sent()

        if preview.is_built:
            wire()
        else:
            preview.built.connect(wire)

    def update_sent(self) -> None:
        """The channel cards learn which report types have been sent."""
        cards = self.cards
        if cards is None or not isValid(cards):    # not built yet, or gone with a rebuilt UI
            return
        from composer.core.owed import sent_types  # with the preview page, not at start-up

        draft_id = self.model.draft.id
        try:
            cards.sent_types = (sent_types(self.storage, draft_id) if draft_id is not None
                                else set())
            cards.history = self.storage.history(draft_id) if draft_id is not None else []
        except sqlite3.Error:
            pass      # a failing database: the autosave banner says so; the cards keep theirs
        cards.refresh()

    # --- the package -------------------------------------------------------------------------

    def _report(self) -> Report | None:
        report = self.model.draft.report()
        if report is None:
            self.host.warn(self.tr("报告还有问题"), self.tr("报告还有问题，请先按提示修改。"))
        return report

    # --- the channels' actions -----------------------------------------------------------------

    def open_file(self, path: Path) -> None:
        """Open the e-mail draft ``path`` in the mail client; say what failed and how to fix it,
        with the path, when that cannot work (composer/gui/desktop_open.py)."""
        from composer import desktop
        from composer.gui.desktop_open import open_path

        open_path(self.owner, path, desktop.EML, self.host.warn)

    def open_email(self) -> None:
        """Open message.eml in the mail client: the current package's, else that of a package
        generated now."""
        package = self.package.valid()
        if package is not None and (package / "message.eml").is_file():
            self.open_file(package / "message.eml")
            return
        report = self._report()
        if report is None or self.model.draft.id is None:
            return
        self.package.generate(report, lambda out_dir: self.open_file(out_dir / "message.eml"),
                            self.tr("正在准备邮件…"), self.tr("无法准备邮件"))

    def print_document(self, kind: str) -> None:
        """Print the report (``report.pdf``), the fax set (``fax/fax.pdf``) or the phone
        script with its record sheet (``script.pdf``) of the current package — generating
        one first when there is none — so what is printed is what a recorded sending keeps."""
        report = self._report()
        if report is None:
            return
        name, title = {"fax": ("fax/fax.pdf", self.tr("打印传真件")),
                       "script": ("script.pdf", self.tr("打印电话稿和记录单"))}.get(
            kind, ("report.pdf", self.tr("打印报告")))
        self.package.with_file(report, name, lambda pdf: self.host.print_pdf(pdf, title),
                               self.tr("正在准备打印…"), self.tr("无法打印"))

    def print_script(self) -> None:
        self.print_document("script")

    def _save_dialog(self, name: str, title: str, file_name: str, filter_: str, suffix: str,
                     chosen: Callable[[str], Any]) -> QFileDialog:
        return save_dialog(self.owner, self.host, name, title, file_name, filter_, suffix,
                           chosen)

    def _write(self, name: str, data: bytes) -> bool:
        try:
            atomic_write_bytes(Path(name), data)
        except OSError as exc:
            self.host.warn(self.tr("无法保存"), f"{name}\n{exc.strerror or exc}")
            return False
        return True

    def save_fax_tiff(self, name: str | None = None) -> QFileDialog | None:
        """Save the package's fax/fax.tif: to ``name``, or where the user chooses (the dialog
        is returned)."""
        report = self._report()
        if report is None:
            return None
        if name is None:
            return self._save_dialog("fax-tiff-dialog", self.tr("保存传真 TIFF"), "fax.tif",
                                     self.tr("传真 TIFF (*.tif *.tiff)"), "tif",
                                     lambda path: self.save_fax_tiff(path))
        target = name

        def save(data: bytes) -> None:
            if self._write(target, data):
                self.host.show_status(self.tr("传真 TIFF 已保存：") + target)
        self.package.with_file(report, "fax/fax.tif", save, self.tr("正在生成传真 TIFF…"),
                               self.tr("无法保存"))
        return None

    def export_calendar(self, name: str | None = None) -> Path | QFileDialog | None:
        """Write what is owed as an .ics: to ``name`` (returns the path), or where the user
        chooses (returns the dialog)."""
        from composer.render.ics import calendar_ics

        report = self._report()
        if report is None:
            return None
        cards = self.cards
        items = cards.owed_items() if cards is not None and isValid(cards) else []
        if not items:
            self.host.warn(self.tr("没有待办事项"), self.tr("记录报送后才有需补报、续报和总结报告的事项。"))
            return None
        if name is None:
            return self._save_dialog("calendar-dialog", self.tr("导出日历"), "composer.ics",
                                     self.tr("日历文件 (*.ics)"), "ics",
                                     lambda path: self.export_calendar(path))
        if not self._write(name, calendar_ics(report, items, now=now())):
            return None
        self.host.show_status(self.tr("日历已导出：") + name)
        return Path(name)

    # --- the 报送记录 ---------------------------------------------------------------------------

    def export_log(self, name: str | None = None) -> Path | QFileDialog | None:
        """文件 → 导出报送记录: check the record, write the 报送记录 PDF, and say whether it
        held."""
        if name is None:
            return self._save_dialog("export-log-dialog", self.tr("导出报送记录"), "报送记录.pdf",
                                     self.tr("PDF 文件 (*.pdf)"), "pdf",
                                     lambda path: self.export_log(path))
        from composer.render.record_pdf import record_pdf

        self.host.save_now()
        result = self.storage.verify_records()
        pdf = record_pdf(self.storage, result, generated_at=now())
        if not self._write(name, pdf):
            return None
        if result.ok:
            self.host.show_status(
                self.tr("报送记录已导出（记录链完整，共 %1 条）：").replace("%1", str(result.checked))
                + name)
        else:
            self.host.warn(self.tr("报送记录不完整"),
                           self.tr("记录链在第 %1 条记录处不成立，导出的 PDF 已注明：")
                           .replace("%1", str(result.first_broken)) + "\n"
                           + "\n".join(result.problems[:5]) + f"\n{name}")
        return Path(name)


__all__ = ["FolderHost", "Sending", "SendingHost", "save_dialog"]
