"""Window-side actions of the channel cards, and recording a sending with what was sent.

:func:`connect_window` wires a main window's :class:`~composer.gui.channels.ChannelCards` (on the
preview page) to these actions; the main window calls it once per UI build. Rendering runs off the
GUI thread through :func:`composer.gui.operations.run_operation`; writes are atomic.

:func:`record_sending` keeps the exact package sent: the latest generated package of the report
if it is still unchanged (checked against its manifest), else a package generated now from the
report as it stands — copied read-only into the data directory by the storage.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from composer.core import flow
from composer.core.atomic import atomic_write_bytes
from composer.core.obligations import CHINA_TZ, governing
from composer.core.records import Receipt, RecordError, sha256_bytes
from composer.gui.operations import run_operation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

SPOKEN_OR_TYPED = ("hotline", "website", "wechat")
"""Channels where the report is said or typed: the kept package also holds the phone script."""


def _now() -> datetime:
    return datetime.now(CHINA_TZ).replace(microsecond=0)


def connect_window(window: Any) -> None:
    """Wire the channel cards of the preview page to the window once the page is built (it
    is built on its first visit)."""
    preview = window.wizard.pages[flow.Step.PREVIEW]

    def wire() -> None:
        cards = preview.channels
        cards.openEmailRequested.connect(lambda: open_email(window))
        cards.printFaxRequested.connect(lambda: window.print_document("fax"))
        cards.saveFaxTiffRequested.connect(lambda: save_fax_tiff(window))
        cards.printScriptRequested.connect(lambda: print_script(window))
        cards.exportCalendarRequested.connect(lambda: export_calendar(window))
        update_sent(window)

    if preview.is_built:
        wire()
    else:
        preview.built.connect(wire)


def update_sent(window: Any) -> None:
    """The channel cards learn which report types have been sent (nothing to do before the
    preview page is built: :func:`connect_window` calls this then)."""
    preview = window.wizard.pages[flow.Step.PREVIEW]
    if not preview.is_built:
        return
    from composer.core.owed import sent_types  # with the preview page, not at start-up

    cards = preview.channels
    draft_id = window.model.draft.id
    try:
        cards.sent_types = (sent_types(window.storage, draft_id) if draft_id is not None
                            else set())
        cards.history = window.storage.history(draft_id) if draft_id is not None else []
    except sqlite3.Error:
        pass      # a failing database: the autosave banner says so; the cards keep what they had
    cards.refresh()


def valid_package(window: Any) -> Path | None:
    """The latest package generated for this report as it stands: its manifest.json still has
    the recorded hash, and the manifest's input hash is that of the current report (a package
    made before the last edit is not what would be sent now)."""
    draft_id = window.model.draft.id
    report = window.model.draft.report()
    if draft_id is None or report is None:
        return None
    current = sha256_bytes(_source(report))
    for package in reversed(window.storage.packages(draft_id)):
        manifest = Path(package.out_dir) / "manifest.json"
        try:
            data = manifest.read_bytes()
        except OSError:
            continue
        if sha256_bytes(data) != package.manifest_sha256:
            continue
        try:
            made_from = json.loads(data).get("input", {}).get("sha256")
        except (ValueError, AttributeError):
            continue
        if made_from == current:
            return Path(package.out_dir)
    return None


def _source(report: Any) -> bytes:
    """The incident file a package is made from (its SHA-256 is the manifest's input hash)."""
    from composer.core.incident_io import dumps_report

    return dumps_report(report).encode("utf-8")


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


def _report(window: Any):  # type: ignore[no-untyped-def]
    report = window.model.draft.report()
    if report is None:
        window._warn(QCoreApplication.translate("Sending", "报告还有问题"), QCoreApplication.translate("Sending", "报告还有问题，请先按提示修改。"))
    return report


def open_file(window: Any, path: Path) -> None:
    """Open the e-mail draft ``path`` in the mail client; say what failed and how to fix it,
    with the path, when that cannot work (composer/gui/desktop_open.py)."""
    from composer import desktop
    from composer.gui.desktop_open import open_path

    open_path(window, path, desktop.EML)


def open_email(window: Any) -> None:
    """Open message.eml in the mail client: the generated package's if it is unchanged, else a
    whole package generated now into the data folder's ``outbox/`` and registered as this
    report's latest package — so a sending recorded afterwards keeps exactly the e-mail that
    was opened."""
    package = valid_package(window)
    if package is not None and (package / "message.eml").is_file():
        open_file(window, package / "message.eml")
        return
    report = _report(window)
    if report is None or window.model.draft.id is None:
        return
    outbox_package(window, report, lambda out_dir: open_file(window, out_dir / "message.eml"),
                   QCoreApplication.translate("Sending", "正在准备邮件…"),
                   QCoreApplication.translate("Sending", "无法准备邮件"))


def outbox_package(window: Any, report: Any, then: Callable[[Path], Any], busy: str,
                   failed: str) -> None:
    """Generate a whole package of ``report`` (report, e-mail, fax set, phone script) into the
    data folder's ``outbox/`` off the GUI thread, register it as the report's latest package,
    then call ``then(out_dir)`` — what is opened or printed next is what a recorded sending
    keeps."""
    from composer.gui import font_setting
    from composer.gui.output import package_dir_name

    draft_id = window.model.draft.id
    window.save_now()
    extra = tuple(window.package_recipients())   # none for a drill
    when = _now()
    out_dir = window.storage.data_root / "outbox" / package_dir_name(window.model.draft, when)
    source = _source(report)

    def work() -> Any:
        from composer.render.package import write_package

        return write_package(report, out_dir, source=source, generated_at=when,
                             extra_recipients=extra, only=("pdf", "eml", "fax", "script"),
                             pdf_renderer=font_setting.render_pdf)

    def written(result: Any) -> None:
        files = [Path(f) for f in result.files]
        digest = sha256_bytes((out_dir / "manifest.json").read_bytes())
        window.storage.record_package(draft_id, out_dir, files, digest, when)
        then(out_dir)

    run_operation(window, busy, work, on_success=written,
                  on_failure=lambda exc: window._warn(failed, str(exc)))


def with_package_file(window: Any, report: Any, name: str, then: Callable[[bytes], Any],
                      busy: str, failed: str) -> None:
    """``then(bytes)`` of the package file ``name`` (``fax/fax.pdf``, ``fax/fax.tif`` …): from
    the current package if it has it unchanged, else from a package generated now
    (:func:`outbox_package`). So what is printed or saved is byte for byte what a recorded
    sending keeps."""
    package = valid_package(window)
    data = package_file(package, name) if package is not None else None
    if data is not None:
        then(data)
        return

    def made(out_dir: Path) -> None:
        made_data = package_file(out_dir, name)
        if made_data is None:
            window._warn(failed, str(out_dir / name))
            return
        then(made_data)
    outbox_package(window, report, made, busy, failed)


def _save_dialog(window: Any, name: str, title: str, file_name: str, filter_: str,
                 suffix: str, chosen: Callable[[str], Any]) -> QFileDialog:
    """A window-modal save dialog opened with ``open()`` (returned, so tests can use it),
    starting in the last folder used."""
    start = window.start_folder() if hasattr(window, "start_folder") else str(Path.home())
    from PySide6.QtWidgets import QFileDialog  # loaded when first opened

    dialog = QFileDialog(window, title, str(Path(start) / file_name), filter_)
    dialog.setObjectName(name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)

    def selected(path: str) -> None:
        if path:
            if hasattr(window, "remember_folder"):
                window.remember_folder(Path(path).parent)
            chosen(path)
    dialog.fileSelected.connect(selected)
    dialog.open()
    return dialog


def save_fax_tiff(window: Any, name: str | None = None) -> QFileDialog | None:
    """Save the fax set as a fax TIFF: to ``name``, or where the user chooses (the dialog is
    returned)."""
    report = _report(window)
    if report is None:
        return None
    if name is None:
        return _save_dialog(window, "fax-tiff-dialog",
                            QCoreApplication.translate("Sending", "保存传真 TIFF"), "fax.tif",
                            QCoreApplication.translate("Sending", "传真 TIFF (*.tif *.tiff)"),
                            "tif", lambda path: save_fax_tiff(window, path))

    def save(data: bytes) -> None:
        try:
            atomic_write_bytes(Path(name), data)
        except OSError as exc:
            window._warn(QCoreApplication.translate("Sending", "无法保存"),
                         f"{name}\n{exc.strerror or exc}")
            return
        window.statusBar().showMessage(
            QCoreApplication.translate("Sending", "传真 TIFF 已保存：") + str(name))

    # the package's fax/fax.tif: the TIFF a fax server sends is the one the record keeps
    with_package_file(window, report, "fax/fax.tif", save,
                      QCoreApplication.translate("Sending", "正在生成传真 TIFF…"),
                      QCoreApplication.translate("Sending", "无法保存"))
    return None


def print_script(window: Any) -> None:
    report = _report(window)
    if report is None:
        return

    def work() -> bytes:
        from composer.core.classify import classify
        from composer.render.script import build_script, script_pdf

        return script_pdf(build_script(report, classify(report)), generated_at=_now())

    run_operation(window, QCoreApplication.translate("Sending", "正在准备打印…"), work,
                  on_success=lambda pdf: window._print_pdf(pdf, QCoreApplication.translate("Sending", "打印电话稿和记录单")),
                  on_failure=lambda exc: window._warn(QCoreApplication.translate("Sending", "无法打印"), str(exc)))


def export_calendar(window: Any, name: str | None = None) -> Path | QFileDialog | None:
    """Write what is owed as an .ics: to ``name`` (returns the path), or where the user
    chooses (returns the dialog)."""
    from composer.render.ics import calendar_ics

    report = _report(window)
    if report is None:
        return None
    cards = window.wizard.pages[flow.Step.PREVIEW].channels
    items = cards.owed_items()
    if not items:
        window._warn(QCoreApplication.translate("Sending", "没有待办事项"),
                     QCoreApplication.translate("Sending",
                                                "记录报送后才有需补报、续报和总结报告的事项。"))
        return None
    if name is None:
        return _save_dialog(window, "calendar-dialog",
                            QCoreApplication.translate("Sending", "导出日历"), "composer.ics",
                            QCoreApplication.translate("Sending", "日历文件 (*.ics)"), "ics",
                            lambda path: export_calendar(window, path))
    try:
        atomic_write_bytes(Path(name), calendar_ics(report, items, now=_now()))
    except OSError as exc:
        window._warn(QCoreApplication.translate("Sending", "无法保存"),
                     f"{name}\n{exc.strerror or exc}")
        return None
    window.statusBar().showMessage(QCoreApplication.translate("Sending", "日历已导出：") + name)
    return Path(name)


def record_sending(window: Any, draft_id: int, value: Any, done: Callable[[], None],
                   failed: Callable[[str], Any] | None = None) -> None:
    """Keep ``value`` (a SubmissionInput) with the package sent, then call ``done``.

    The package kept is the latest generated one if unchanged — for the hotline, website and
    WeChat channels only if it holds the phone script — else one generated now with every
    output and the script.

    If nothing could be recorded (a file no longer matches its manifest, the package cannot be
    made, the database fails) ``failed(reason)`` is called at once — nothing is queued to be
    recorded later — or, without ``failed``, a warning names the reason."""
    from composer.gui.autosave import SAVE_ERRORS

    def refused(reason: str) -> None:
        if failed is not None:
            failed(reason)
        else:
            window._warn(QCoreApplication.translate("Sending", "无法记录报送"), reason)

    report = window.model.draft.report()
    package = valid_package(window)
    if (package is not None and value.channel in SPOKEN_OR_TYPED
            and not (package / "script.txt").is_file()):
        package = None     # what was said or typed: keep a package with the script and fields
    due = None
    if report is not None:
        from composer.core.classify import classify

        obligation = governing(report.report_type, classify(report).duties)
        due = obligation.due if obligation is not None else None
    receipt = Receipt(reference=value.reference, person=value.person,
                      message_id=value.message_id, file=value.receipt_file)

    def store(package_dir: Path | None) -> None:
        try:
            window.storage.record_submission(draft_id, value.channel, value.sent_at, value.note,
                                             sent_by=value.sent_by, receipt=receipt,
                                             package_dir=package_dir, due=due)
        except RecordError as exc:
            refused(str(exc))
            return
        except SAVE_ERRORS as exc:
            refused(QCoreApplication.translate("Sending", "草稿数据库无法写入（%1）")
                    .replace("%1", (str(exc).strip() or type(exc).__name__).splitlines()[0]))
            return
        update_sent(window)
        done()

    if package is not None or report is None:
        store(package)
        return
    extra = tuple(window.package_recipients())   # none for a drill
    when = _now()

    def work() -> Path:
        from composer.render.package import write_package

        tmp = Path(tempfile.mkdtemp(prefix="composer-sent-"))
        return write_package(report, tmp / "package", source=_source(report),
                             generated_at=when, extra_recipients=extra,
                             only=("pdf", "eml", "fax", "script")).out_dir

    def built(path: Path) -> None:
        try:
            store(path)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)

    run_operation(window, QCoreApplication.translate("Sending", "正在存档所报送的材料…"), work,
                  on_success=built, on_failure=lambda exc: refused(str(exc)))


def export_log(window: Any, name: str | None = None) -> Path | QFileDialog | None:
    """文件 → 导出报送记录: check the chain, write the 报送记录 PDF, and say whether it held."""
    if name is None:
        return _save_dialog(window, "export-log-dialog",
                            QCoreApplication.translate("Sending", "导出报送记录"), "报送记录.pdf",
                            QCoreApplication.translate("Sending", "PDF 文件 (*.pdf)"), "pdf",
                            lambda path: export_log(window, path))
    from composer.render.record_pdf import record_pdf

    window.save_now()
    result = window.storage.verify_records()
    try:
        atomic_write_bytes(Path(name), record_pdf(window.storage, result, generated_at=_now()))
    except OSError as exc:
        window._warn(QCoreApplication.translate("Sending", "无法保存"),
                     f"{name}\n{exc.strerror or exc}")
        return None
    if result.ok:
        window.statusBar().showMessage(
            QCoreApplication.translate("Sending", "报送记录已导出（记录链完整，共 %1 条）：")
            .replace("%1", str(result.checked)) + name)
    else:
        window._warn(QCoreApplication.translate("Sending", "报送记录不完整"),
                     QCoreApplication.translate(
                         "Sending", "记录链在第 %1 条记录处不成立，导出的 PDF 已注明：")
                     .replace("%1", str(result.first_broken)) + "\n"
                     + "\n".join(result.problems[:5]) + f"\n{name}")
    return Path(name)
