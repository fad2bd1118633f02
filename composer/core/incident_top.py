"""The top-level keys of ``composer-incident/1`` beside its three sections: the confirmed
level, the correction flag, and the Extensions (2026-12-05) of CONTRACT.md — ``impact_assessed``,
``corrects`` and ``correction_note``. Read strictly (one problem per bad key, with its JSON
path) and written back only when set, so a file without them reads and writes as before."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from composer.core.fields import Field, keys_under
from composer.core.model import CorrectedReport, Level, Report
from composer.core.validators import LINE_MAX, Reader, kind_of


@dataclass(frozen=True, slots=True)
class TopLevel:
    level_confirmed: Level | None = None
    correction: bool = False
    impact_assessed: bool = False
    corrects: CorrectedReport | None = None
    correction_note: str | None = None


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
    return TopLevel(level_confirmed=level_confirmed, correction=correction,
                    impact_assessed=impact_assessed, corrects=corrects,
                    correction_note=note if note and note.strip() else None)


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
    return out


__all__ = ["TopLevel", "dump_top_level", "read_top_level"]
