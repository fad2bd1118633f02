"""What a correction (更正) corrects: the report it names, and each field it changed.

Qt-free. :func:`corrected_sending` finds, in an incident's sending history, the sending of
the report being corrected (the first one that counts: it decides the timeliness a correction
inherits); :func:`corrects_of` turns it into the ``corrects`` the file records.
:func:`changes` compares the corrected report's stored draft with the correction, field by
field along the one field list (:class:`composer.core.fields.Field`), and says each change
old → new as a person reads it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from composer.core.art7 import PARTS
from composer.core.fields import LABEL_ZH, Field
from composer.core.history import SentReport
from composer.core.hygiene import clean
from composer.core.model import CorrectedReport, FieldChange
from composer.core.obligations import in_china

# what a correction is about, never a change of the report's content
_NOT_CONTENT = frozenset({Field.FORMAT, Field.CORRECTION, Field.CORRECTS,
                          Field.CORRECTS_SENT_AT, Field.CORRECTS_CHANNEL,
                          Field.CORRECTS_REFERENCE, Field.CORRECTION_NOTE,
                          # whom a drill goes to is no part of what it reports
                          Field.DRILL, Field.DRILL_TO, Field.DRILL_FAX})


def corrected_sending(history: Sequence[SentReport], draft_id: int) -> SentReport | None:
    """The first sending of draft ``draft_id`` that counts (a drill never does)."""
    sent = [s for s in history if s.draft_id == draft_id and not s.drill]
    return min(sent, key=lambda s: s.sent_at) if sent else None


def corrects_of(sending: SentReport) -> dict[str, str]:
    """The ``corrects`` object of the file for a correction of ``sending``."""
    out = {Field.CORRECTS_SENT_AT.key: sending.sent_at.isoformat(),
           Field.CORRECTS_CHANNEL.key: sending.channel}
    if sending.reference:
        out[Field.CORRECTS_REFERENCE.key] = sending.reference
    return out


def corrected_report(sending: SentReport) -> CorrectedReport:
    return CorrectedReport(sent_at=sending.sent_at, channel=sending.channel,
                           reference=sending.reference or None)


def _get(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _shown(field: Field, value: Any) -> str:
    """A stored value as a person reads it ("" = not given)."""
    from composer.core.statement_items import category_text

    if value is None or value == "" or value == [] or value is False:
        return ""
    if value is True:
        return "是"
    if isinstance(value, str):
        if field is Field.CATEGORY:
            return category_text(value) or value
        if field.key.endswith("_at"):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return clean(value.strip())
            if moment.utcoffset() is not None:
                return in_china(moment).strftime("%Y-%m-%d %H:%M") + "（北京时间）"
        return clean(value.strip())     # the text hygiene every output's text has had
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, (int, float)):
        return format(value, ",")
    return str(value)


def _leaves() -> tuple[Field, ...]:
    inner = {f.parent for f in Field}
    return tuple(f for f in Field if f.value not in inner and f not in _NOT_CONTENT)


def _label(f: Field) -> str:
    """The report's own word for a part of Art. 7 items 1–2 (事件地点, 赎金金额…), else the
    field's label."""
    part = next((p for p in PARTS if "incident." + p.key == f.value), None)
    return part.zh if part is not None else LABEL_ZH.get(f, f.value)


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[FieldChange, ...]:
    """Each field of the one field list whose value differs between the corrected report's
    data (``old``) and the correction's (``new``), in the list's order."""
    out: list[FieldChange] = []
    for f in _leaves():
        was, now = _shown(f, _get(old, f.value)), _shown(f, _get(new, f.value))
        if was != now:
            out.append(FieldChange(path=f.value, label=_label(f), old=was, new=now))
    return tuple(out)


__all__ = ["changes", "corrected_report", "corrected_sending", "corrects_of"]
