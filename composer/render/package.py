"""The submission package: every output channel rendered and written into one directory.

Layout (CONTRACT.md)::

    DIR/report.pdf  DIR/message.eml  DIR/fax/cover.pdf  DIR/fax/fax.pdf  DIR/fax/fax.tif
    DIR/manifest.json

``only`` selects channels: ``pdf`` → report.pdf; ``eml`` → message.eml (the report PDF is
rendered in memory and attached, but report.pdf is written only if ``pdf`` is selected too);
``fax`` → the three files under fax/ (likewise built from the in-memory report PDF).
manifest.json is always written and lists exactly the files written.

:func:`build_package` is pure (inputs → ``{relative path: bytes}``), for the GUI and tests;
:func:`write_package` adds the atomic write: the whole package is built in memory, written into
a hidden temporary directory beside DIR, and renamed into place. An existing non-empty DIR is
refused unless ``force``, and ``force`` replaces only a Composer package (see
:mod:`composer.render.target`); then the old DIR is renamed aside, the new one renamed in, and
the old one deleted. On any failure nothing new is left behind and an existing DIR is untouched.
One writer per DIR at a time (an OS lock); what a killed writer left is cleaned on the next
run.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from composer import __version__
from composer.core.atomic import fsync_dir
from composer.core.classify import PENDING_ZH, Classification, classify
from composer.core.history import fingerprint
from composer.core.hygiene import clean_report
from composer.core.incident_io import dumps_report
from composer.core.model import Report
from composer.core.obligations import in_china
from composer.render import fax, target  # fax is light: PDFium, Pillow, layout load on use
from composer.render.checks import manifest_notes

OUTPUTS = ("pdf", "eml", "fax")
OPTIONAL = ("script",)
"""Written only when asked for with ``only`` (the default stays the three of CONTRACT.md)."""
MANIFEST = target.MANIFEST
MANIFEST_FORMAT = target.MANIFEST_FORMAT
FILES = target.FILES

PdfRenderer = Callable[..., bytes]
"""``(report, classification, *, generated_at) -> PDF bytes``, like ``render_report_pdf``."""

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)`` while a package is built: stage ``"pdf"``, ``"eml"``,
``"fax"`` (``done``/``total`` in fax pages; 0/0 while the fax PDF is put together) or
``"write"``. Called in the building thread."""


class PackageError(Exception):
    """A user-facing reason the package cannot be written (one line, no traceback)."""


@dataclass(frozen=True, slots=True)
class PackageResult:
    out_dir: Path
    files: list[Path]                       # every file written, manifest.json last
    manifest: dict[str, Any] = field(repr=False)


def normalize_only(only: Iterable[str] | str) -> tuple[str, ...]:
    """The selection in canonical order, without repeats; :class:`PackageError` if invalid."""
    items = [only] if isinstance(only, str) else list(only)
    wanted = {x.strip() for item in items for x in item.split(",") if x.strip()}
    bad = sorted(wanted - set(OUTPUTS + OPTIONAL))
    if bad or not wanted:
        raise PackageError(f"--only must be a non-empty subset of "
                           f"{', '.join(OUTPUTS + OPTIONAL)}, got {', '.join(bad) or 'nothing'}")
    return tuple(x for x in OUTPUTS + OPTIONAL if x in wanted)


def _when(generated_at: datetime | None) -> datetime:
    if generated_at is None:
        return in_china(datetime.now().astimezone()).replace(microsecond=0)
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise PackageError("generated_at needs a UTC offset")
    return generated_at


def _default_pdf_renderer() -> PdfRenderer:
    from composer.render.pdf import render_report_pdf

    return render_report_pdf


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_package(report: Report, *, source: bytes | None = None,
                  only: Iterable[str] | str = OUTPUTS, generated_at: datetime | None = None,
                  extra_recipients: Sequence[str] = (), fax_compression: str = "group3",
                  classification: Classification | None = None,
                  pdf_renderer: PdfRenderer | None = None,
                  progress: Progress | None = None) -> dict[str, bytes]:
    """Every file of the package as ``{relative path: bytes}``, manifest.json last.

    ``source`` is the incident file as read (its SHA-256 goes into the manifest); without it,
    the canonical JSON of ``report`` is hashed instead. The text hygiene
    (:func:`composer.core.hygiene.clean_report`) is applied here, once, before any output;
    manifest.json lists what it changed. Only what the selected outputs need is imported
    (``only="pdf"`` loads neither PDFium, Pillow nor jinja2).
    """
    def step(stage: str, done: int = 0, total: int = 0) -> None:
        if progress is not None:
            progress(stage, done, total)

    selection = normalize_only(only)
    when = _when(generated_at)
    given = report
    report, findings = clean_report(report)   # every output below gets the same clean text
    classification = classify(report) if classification is None else classification
    renderer = _default_pdf_renderer() if pdf_renderer is None else pdf_renderer
    step("pdf")
    report_pdf = renderer(report, classification, generated_at=when)
    files: dict[str, bytes] = {}
    extra: dict[str, Any] = {}
    if "pdf" in selection:
        files["report.pdf"] = report_pdf
    if "eml" in selection:
        from composer.render.email import InvalidAddress, render_eml  # ≈ 50 ms: on demand

        step("eml")
        try:
            files["message.eml"] = render_eml(report, classification, report_pdf,
                                              generated_at=when,
                                              extra_recipients=extra_recipients)
        except InvalidAddress as exc:
            raise PackageError(str(exc)) from None
    if "fax" in selection:
        step("fax")
        cover, combined = fax.fax_set(report, classification, report_pdf, generated_at=when)
        files["fax/cover.pdf"] = cover
        files["fax/fax.pdf"] = combined
        files["fax/fax.tif"] = fax.fax_tiff(
            combined, compression=fax_compression,
            progress=lambda done, total: step("fax", done, total))
        extra["fax"] = {"pages": fax.page_count(combined),
                        "compression": fax.COMPRESSIONS[fax_compression]}
    if "script" in selection:
        from composer.render.script import build_script, script_pdf, script_text

        script = build_script(report, classification)
        files["script.txt"] = script_text(script).encode("utf-8")
        files["script.pdf"] = script_pdf(script, generated_at=when)
    if source is not None:
        input_info = {"sha256": _sha256(source), "of": "source"}
    else:
        input_info = {"sha256": _sha256(dumps_report(given).encode("utf-8")),
                      "of": "canonical"}
    stated = fingerprint(report.sendings)
    if stated is not None:      # the sendings a summary states (Art. 11): part of its input
        input_info["sendings_sha256"] = stated
    g = classification.grading
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "tool": {"name": "composer", "version": __version__},
        "generated_at": when.isoformat(timespec="seconds"),
        "input": input_info,
        "level": g.level.value,
        # as every output names it: 待研判 while unsettled (``level`` keeps what the known
        # facts reach, as `composer classify` gives it)
        "level_zh": g.level.zh if classification.settled else PENDING_ZH,
        "settled": classification.settled,
        "reportable": g.reportable,
        "needs_confirmation": g.needs_confirmation,
        "level_confirmed": classification.level_confirmed,
        "only": list(selection),
        **({"drill": True} if report.drill else {}),   # a drill (演练): never for the intake
        "files": [{"path": path, "size": len(data), "sha256": _sha256(data)}
                  for path, data in files.items()],
        **extra,
        **manifest_notes(report, findings),
    }
    files[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


# --- writing ----------------------------------------------------------------------------------


def _is_empty_dir(path: Path) -> bool:
    with os.scandir(path) as it:
        return next(it, None) is None


def _check_target(out_dir: Path, force: bool) -> target.Snapshot | None:
    """What ``out_dir`` holds (None: it does not exist; empty: an empty folder); raise if it
    may not be written."""
    if not os.path.lexists(out_dir):
        return None
    if out_dir.is_symlink() or not out_dir.is_dir():
        raise PackageError("exists and is not a directory")
    if _is_empty_dir(out_dir):
        return {}
    if not force:
        raise PackageError("directory is not empty; use --force to replace it")
    resolved, cwd = out_dir.resolve(), Path.cwd().resolve()
    if resolved == cwd or resolved in cwd.parents or resolved.parent == resolved:
        raise PackageError("refusing to replace the current directory or one of its parents")
    try:
        target.check_replaceable(out_dir)
        return target.snapshot(out_dir)
    except target.TargetError as exc:
        raise PackageError(str(exc)) from None


def _write_tree(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        _write_file(root / rel, data)
    for sub in sorted({(root / rel).parent for rel in files}, key=lambda p: -len(p.parts)):
        fsync_dir(sub)


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _appeared(out_dir: Path, rel: str | None) -> target.TargetChanged:
    where = out_dir / rel if rel else out_dir
    return target.TargetChanged(f"{where} appeared or changed in the folder while the package "
                                "was being rendered; it was kept and nothing was written — "
                                "render again into an empty folder (or with --force)")


def _install(lock: target.TargetLock, tmp: Path, out_dir: Path,
             before: target.Snapshot | None) -> None:
    """Rename ``tmp`` to ``out_dir``: into a missing or still empty folder, or, with ``before``
    (what the folder held when it was checked), swapping the old package out. Whatever
    appeared in the folder meanwhile stops the install and is kept (:class:`TargetChanged`)."""
    if before is None:
        try:
            os.rename(tmp, out_dir)      # fails if someone created a non-empty DIR meanwhile
        except OSError:
            if os.path.lexists(out_dir):
                raise _appeared(out_dir, _first_entry(out_dir)) from None
            raise
        return
    if not before:
        try:
            os.rmdir(out_dir)            # only while empty: a file saved meanwhile stays
        except OSError as exc:
            if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
                raise _appeared(out_dir, _first_entry(out_dir)) from None
            raise
        os.rename(tmp, out_dir)
        return
    old = target.aside_name(out_dir)
    lock.record("aside", out_dir, old.name)   # the same folder, soon under the name ``old``
    try:
        os.rename(out_dir, old)
    except PermissionError:
        # Windows refuses to move a folder while a program holds one of its files open
        raise target.TargetError(f"{out_dir.name} cannot be replaced now: a file in it is "
                                 "probably open in another program (a PDF viewer?); close it "
                                 "and try again — nothing was changed") from None
    changed = target.first_change(before, target.snapshot(old))
    if changed is not None:
        os.rename(old, out_dir)          # put the folder back as it is, the newcomer with it
        raise _appeared(out_dir, changed)
    try:
        os.rename(tmp, out_dir)
    except BaseException:
        os.rename(old, out_dir)          # put the old package back
        raise
    if not target.remove_package_files(old):
        raise target.TargetChanged(
            f"the package was written, but something appeared in the previous package while "
            f"it was being replaced; it was kept in {old}")


def _first_entry(folder: Path) -> str | None:
    try:
        with os.scandir(folder) as it:
            return min((entry.name for entry in it), default=None)
    except OSError:
        return None


def write_package(report: Report, out_dir: str | os.PathLike[str], *,
                  source: bytes | None = None, only: Iterable[str] | str = OUTPUTS,
                  force: bool = False, generated_at: datetime | None = None,
                  extra_recipients: Sequence[str] = (), fax_compression: str = "group3",
                  pdf_renderer: PdfRenderer | None = None,
                  progress: Progress | None = None) -> PackageResult:
    """Build the package and write it into ``out_dir`` atomically; :class:`PackageError`.

    One writer per folder (:class:`composer.render.target.TargetLock`): a second concurrent
    writer fails at once. Leftovers of a killed earlier writer are cleaned first; nothing that
    Composer did not write is ever deleted (:mod:`composer.render.target`).
    """
    out_dir = Path(os.path.abspath(out_dir))
    if not out_dir.name or out_dir.parent == out_dir:
        raise PackageError("is the root of the file system: name a folder for the package")
    created: list[Path] = []             # parent directories we made, deepest last
    for parent in reversed(out_dir.parents):
        if not parent.exists():
            try:
                parent.mkdir()
            except OSError as exc:
                _remove_created(created)
                raise PackageError(f"cannot create {parent}: {exc.strerror or exc}") from None
            created.append(parent)
    done = False
    try:
        with target.TargetLock(out_dir) as lock:
            target.clean_leftovers(lock)
            before = _check_target(out_dir, force)
            files = build_package(report, source=source, only=only, generated_at=generated_at,
                                  extra_recipients=extra_recipients,
                                  fax_compression=fax_compression, pdf_renderer=pdf_renderer,
                                  progress=progress)
            if progress is not None:
                progress("write", 0, 0)
            _write_atomically(lock, files, out_dir, before)
            done = True
    except target.TargetError as exc:
        raise PackageError(str(exc)) from None
    except OSError as exc:
        raise PackageError(f"cannot write the package: {exc.strerror or exc}") from None
    finally:
        if not done:
            _remove_created(created)
    manifest = json.loads(files[MANIFEST])
    return PackageResult(out_dir=out_dir, files=[out_dir / rel for rel in files],
                         manifest=manifest)


def _write_atomically(lock: target.TargetLock, files: dict[str, bytes], out_dir: Path,
                      before: target.Snapshot | None) -> None:
    tmp: Path | None = target.partial_name(out_dir)
    assert tmp is not None
    os.mkdir(tmp)                        # ordinary folder mode (umask), exclusive
    try:
        lock.record("partial", tmp)
        _write_tree(tmp, files)
        _install(lock, tmp, out_dir, before)
        tmp = None
        fsync_dir(out_dir.parent)
    finally:
        if tmp is not None:
            target.remove_package_files(tmp)


def _remove_created(created: list[Path]) -> None:
    for parent in reversed(created):
        try:
            parent.rmdir()
        except OSError:
            break
