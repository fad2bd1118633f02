"""The one way the app writes a package: every output, in the unit's settings.

Generating a package (预览与输出 → 生成), opening the e-mail, printing the report, the fax set or
the phone script, saving the fax TIFF and recording a sending all go through :func:`write` with
the :class:`UnitSettings` read from the storage (the extra e-mail recipients and the report
typefaces): so the package a recorded sending keeps is byte for byte the one opened, printed or
named in the 记录报送 dialog, whichever action made it. :func:`write` runs on the worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.render.font_files import FontChoice

if TYPE_CHECKING:
    from composer.core.classify import Classification
    from composer.core.draft import Draft
    from composer.core.model import Report
    from composer.core.storage import Storage
    from composer.render.package import PackageResult

OUTPUTS = ("pdf", "eml", "fax", "script")
"""What every package the app writes holds: report, e-mail, fax set, and the phone script (the
record of a call or of a typed web form keeps the script that was read out)."""
EMAIL_RECIPIENTS = "email_recipients"  # storage setting: extra To addresses of the e-mail draft


@dataclass(frozen=True, slots=True)
class UnitSettings:
    """The organisation settings a package is made with."""

    extra_recipients: tuple[str, ...] = ()
    fonts: FontChoice = field(default_factory=FontChoice)


def unit_settings(storage: Storage, *, drill: bool = False) -> UnitSettings:
    """The settings (read on the GUI thread, which owns the storage): the extra recipients as
    stored — none for a drill (演练), whose e-mail goes only to its own recipients
    (composer.core.drill) — and the report typefaces as chosen on the profile page (what the
    preview shows)."""
    from composer.gui import font_setting

    extra = [] if drill else storage.load_setting(EMAIL_RECIPIENTS, [])
    return UnitSettings(tuple(str(a) for a in extra) if isinstance(extra, list) else (),
                        font_setting.current_choice())


def package_dir_name(draft: Draft, now: datetime) -> str:
    """A folder name for one package: time, report type, title (safe on every filesystem)."""
    # Windows forbids \\ / : * ? " < > | and control characters, and a trailing dot or space
    title = re.sub(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+', "_", draft.title).strip("._")[:40]
    title = title.rstrip("._") or "report"
    return f"{now:%Y%m%d-%H%M%S}-{draft.report_type.value}-{title}"


def new_package_dir(parent: Path, draft: Draft, now: datetime) -> Path:
    """A folder for a new package under ``parent`` that does not exist yet (two packages made
    within the same second — a report and its correction — get ``…-2``, ``…-3``)."""
    name = package_dir_name(draft, now)
    target = Path(parent) / name
    n = 1
    while target.exists():
        n += 1
        target = Path(parent) / f"{name}-{n}"
    return target


def source_bytes(report: Report) -> bytes:
    """The incident file a package is made from (its SHA-256 is the manifest's input hash)."""
    from composer.core.incident_io import dumps_report

    return dumps_report(report).encode("utf-8")


def pdf_renderer(fonts: FontChoice) -> Callable[..., bytes]:
    """``render_report_pdf`` in the typefaces of ``fonts``; a file refused since it was chosen
    falls back to the bundled serif (the settings page already said why)."""
    def render(report: Report, classification: Classification, *,
               generated_at: datetime) -> bytes:
        from composer.render.pdf import render_report_pdf
        from composer.render.typefaces import FontRefused, bundled, typeface

        try:
            face = typeface(fonts)
        except FontRefused:
            face = bundled()
        return bytes(render_report_pdf(report, classification, generated_at=generated_at,
                                       typeface=face))
    return render


def write(report: Report, out_dir: Path, *, settings: UnitSettings, generated_at: datetime,
          progress: Callable[[str, int, int], None] | None = None) -> PackageResult:
    """Write the package of ``report`` into ``out_dir`` (call off the GUI thread)."""
    from composer.render.package import write_package

    return write_package(report, out_dir, source=source_bytes(report), only=OUTPUTS,
                         generated_at=generated_at,
                         extra_recipients=settings.extra_recipients,
                         pdf_renderer=pdf_renderer(settings.fonts), progress=progress)


__all__ = ["EMAIL_RECIPIENTS", "OUTPUTS", "UnitSettings", "new_package_dir", "package_dir_name",
           "pdf_renderer", "source_bytes", "unit_settings", "write"]
