"""The top-level keys of ``composer-incident/1`` beside its three sections: the confirmed
level, the correction flag, and the Extensions (2026-12-05) of CONTRACT.md — ``impact_assessed``,
``corrects``, ``correction_note`` and ``drill`` (with the drill's own recipients ``drill_to``
and ``drill_fax``). Read strictly (one problem per bad key, with its JSON
path) and written back only when set, so a file without them reads and writes as before."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from composer.core.drill import address_problem, fax_problem
from composer.core.fields import Field, keys_under
from composer.core.model import CorrectedReport, Level, Report
from composer.core.validators import LINE_MAX, Reader, kind_of, shown


@dataclass(frozen=True, slots=True)
class TopLevel:
    level_confirmed: Level | None = None
    correction: bool = False
    impact_assessed: bool = False
    corrects: CorrectedReport | None = None
    correction_note: str | None = None
    drill: bool = False
    drill_to: tuple[str, ...] = ()
    drill_fax: str | None = None


def _flag(r: Reader, m: Mapping[str, Any], f: Field) -> bool:
    value = m.get(f.key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        r.fail(f.value, f"must be true or false, got {kind_of(value)}")
        return False
    return value


def _line(r: Reader, m: Mapping[str, Any], f: Field) -> str | None:
    """A one-line text of at most LINE_MAX characters (channel names, receipt references)."""
    value = r.text(m, f.key, f.parent)
    if value is None:
        return None
    if len(value) > LINE_MAX:
        r.fail(f.value, f"is too long: {len(value):,} characters, at most {LINE_MAX:,}")
        return None
    if any(c in value for c in "\n\r\u2028\u2029\x85"):
        r.fail(f.value, "must be a single line (no line break)")
        return None
    return value.strip() or None


def _corrects(r: Reader, raw: Any) -> CorrectedReport | None:
    m = r.obj(raw, Field.CORRECTS.value, keys_under(Field.CORRECTS.value))
    if m is None:
        return None
    sent_at = r.time(m, Field.CORRECTS_SENT_AT.key, Field.CORRECTS.value)
    channel = _line(r, m, Field.CORRECTS_CHANNEL)
    reference = _line(r, m, Field.CORRECTS_REFERENCE)
    return CorrectedReport(sent_at=sent_at, channel=channel, reference=reference)


def _drill_to(r: Reader, raw: Any) -> tuple[str, ...]:
    """``drill_to``: a list of e-mail addresses (each a recipient of the drill's e-mail)."""
    path = Field.DRILL_TO.value
    if raw is None:
        return ()
    if not isinstance(raw, list):
        r.fail(path, f"must be a list of e-mail addresses, got {kind_of(raw)}")
        return ()
    out: list[str] = []
    for i, item in enumerate(raw):
        where = f"{path}[{i}]"
        if not isinstance(item, str):
            r.fail(where, f"must be a string, got {kind_of(item)}")
            continue
        why = address_problem(item)
        if why is not None:
            r.fail(where, why if "intake" in why else f"{why}: {shown(item)}")
        elif item.strip().lower() in (a.lower() for a in out):
            r.fail(where, f"{shown(item.strip())} is listed twice")
        else:
            out.append(item.strip())
    return tuple(out)


def _drill_fax(r: Reader, m: Mapping[str, Any]) -> str | None:
    value = r.text(m, Field.DRILL_FAX.key, "")
    if value is None or not value.strip():
        return None
    why = fax_problem(value)
    if why is not None:
        r.fail(Field.DRILL_FAX.value, why if "intake" in why else f"{why}: {shown(value)}")
        return None
    return value.strip()


def read_top_level(r: Reader, m: Mapping[str, Any]) -> TopLevel:
    """The top-level keys other than format, report_type and the three sections."""
    level_confirmed = r.choice(m, Field.LEVEL_CONFIRMED.key, "", Level)
    correction = _flag(r, m, Field.CORRECTION)
    impact_assessed = _flag(r, m, Field.IMPACT_ASSESSED)
    corrects = None
    if m.get(Field.CORRECTS.key) is not None:
        corrects = _corrects(r, m[Field.CORRECTS.key])
        if not correction:
            r.fail(Field.CORRECTS.value, 'only applies to a correction ("correction": true)')
    note = r.text(m, Field.CORRECTION_NOTE.key, "")
    if note is not None and not correction:
        r.fail(Field.CORRECTION_NOTE.value,
               'only applies to a correction ("correction": true)')
    drill = _flag(r, m, Field.DRILL)
    drill_to = _drill_to(r, m.get(Field.DRILL_TO.key))
    drill_fax = _drill_fax(r, m)
    for f in (Field.DRILL_TO, Field.DRILL_FAX):   # (a drill flag that is no boolean: said)
        if m.get(f.key) not in (None, [], "") and m.get(Field.DRILL.key) in (None, False):
            r.fail(f.value, 'only applies to a drill ("drill": true)')
    return TopLevel(level_confirmed=level_confirmed, correction=correction,
                    impact_assessed=impact_assessed, corrects=corrects,
                    correction_note=note if note and note.strip() else None,
                    drill=drill, drill_to=drill_to, drill_fax=drill_fax)


def dump_top_level(report: Report) -> dict[str, Any]:
    """The top-level keys that are set (absent ones stay absent: old files round-trip)."""
    out: dict[str, Any] = {}
    if report.level_confirmed:
        out[Field.LEVEL_CONFIRMED.key] = report.level_confirmed.value
    if report.correction:
        out[Field.CORRECTION.key] = True
    if report.impact_assessed:
        out[Field.IMPACT_ASSESSED.key] = True
    c = report.corrects
    if c is not None:
        out[Field.CORRECTS.key] = {k: v for k, v in (
            (Field.CORRECTS_SENT_AT.key, c.sent_at.isoformat() if c.sent_at else None),
            (Field.CORRECTS_CHANNEL.key, c.channel),
            (Field.CORRECTS_REFERENCE.key, c.reference)) if v is not None}
    if report.correction_note:
        out[Field.CORRECTION_NOTE.key] = report.correction_note
    if report.drill:
        out[Field.DRILL.key] = True
    if report.drill_to:
        out[Field.DRILL_TO.key] = list(report.drill_to)
    if report.drill_fax:
        out[Field.DRILL_FAX.key] = report.drill_fax
    return out


__all__ = ["TopLevel", "dump_top_level", "read_top_level"]
