"""The editable draft: an incident being typed, possibly incomplete or invalid.

The draft keeps the ``composer-incident/1`` JSON-shaped dictionary exactly as the user has typed
it so far, plus a few wizard facts (fast path, confirmed level). It becomes a
:class:`~composer.core.model.Report` only through :func:`composer.core.incident_io.parse_report`,
so validation lives in one place; its :class:`~composer.core.incident_io.Problem` paths name the
fields the GUI shows inline errors under (:func:`composer.core.problem_text.problem_text` says
them in Chinese).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from composer.core.classify import Classification, classify
from composer.core.correction import changes, corrects_of
from composer.core.fields import Field
from composer.core.history import SentReport
from composer.core.hygiene import Finding, clean_report
from composer.core.incident_io import dump_report, parse_report
from composer.core.model import FORMAT, Report, ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.stored_time import aware_time
from composer.core.validators import UNKNOWN_KEY, InvalidIncident, Problem

_Parsed = tuple[Report | None, tuple[Problem, ...], list[Classification], tuple[Finding, ...]]
"""The report (text cleaned), the problems, the grading (made on demand) and what the text
hygiene removed."""


def now_in_china() -> datetime:
    """Now in Asia/Shanghai, to the minute (the default discovery time)."""
    return datetime.now(CHINA_TZ).replace(second=0, microsecond=0)


@dataclass
class Draft:
    """One report being composed. ``data`` is composer-incident/1 shaped (maybe incomplete).

    ``id``/``parent_id`` are storage ids (``None`` until first saved / for a first report);
    ``step`` is the wizard step the user was on; ``confirmed_level`` is the level the user
    confirmed against the text when the grading rests on unverified numbers. Whether the level
    is settled or 待研判 is the classification's (:attr:`Classification.settled`), the same on
    every page: looking at an empty impact page settles nothing. ``corrected`` is, for a 更正,
    the data of the report it corrects as it was sent (kept with the draft, not in the file):
    :meth:`report` lists each field the correction changed. ``settled_at`` is, for a drill
    (演练), when its level was first settled (China time, to the second; :meth:`note_settled`)
    — kept with the draft, not in the file, for the drill's timings.
    """

    data: dict[str, Any]
    fast_path: bool = False
    confirmed_level: str | None = None
    step: int = 0
    id: int | None = None
    parent_id: int | None = None
    corrected: dict[str, Any] | None = None
    settled_at: datetime | None = None
    sendings: tuple[SentReport, ...] | None = None
    """The recorded sendings of this draft's incident, given by the app from the sending record
    (never stored with the draft): :meth:`report` carries them for the Art. 11 account of a
    summary report. None: not known."""
    revision: int = 0
    """The storage's revision this draft was loaded or last saved at (a save from an older
    revision than the stored one is refused: composer/core/store/drafts.py)."""
    _parsed: dict[str, _Parsed] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    """The validator's answers for the last data seen, by its JSON text (see :meth:`_parse`)."""

    def enter_step(self, step: int) -> None:
        """The wizard shows ``step``."""
        self.step = step

    # --- field access by JSON path ---------------------------------------------------------

    def get(self, path: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set(self, path: str, value: Any) -> bool:
        """Set (or, for ``None``/blank text, remove) a value. Returns whether anything changed.

        Removing the last key of a nested object removes the object too, so an untouched
        composite fact (e.g. ``impact_facts.portal_outage``) stays absent = unknown.
        """
        if isinstance(value, str) and not value.strip():
            value = None
        if self.get(path) == value and (value is not None or not self._has(path)):
            return False
        parts = path.split(".")
        if value is None:
            chain = [self.data]
            for part in parts[:-1]:
                nxt = chain[-1].get(part)
                if not isinstance(nxt, dict):
                    return False
                chain.append(nxt)
            chain[-1].pop(parts[-1], None)
            for depth in range(len(parts) - 1, 0, -1):  # prune empty parents
                if chain[depth]:
                    break
                chain[depth - 1].pop(parts[depth - 1], None)
            return True
        node = self.data
        for part in parts[:-1]:
            if not isinstance(node.get(part), dict):
                node[part] = {}
            node = node[part]
        node[parts[-1]] = value
        return True

    def _has(self, path: str) -> bool:
        sentinel = object()
        return self.get(path, sentinel) is not sentinel

    # --- validation, through the one validator --------------------------------------------

    def drop_unknown_keys(self) -> list[str]:
        """Remove keys the format does not know (typos in a file opened from elsewhere: no
        widget could ever fix them). Returns their JSON paths, for telling the user."""
        paths = [p.path for p in self.problems() if p.message == UNKNOWN_KEY]
        for path in paths:
            self.set(path, None)
        return paths

    def _parse(self, data: dict[str, Any]) -> _Parsed:
        """``parse_report(data)`` once per content: every change of the draft asks each page,
        the header and the preview for the problems, the report and the level — about 50
        validations of the whole text per keystroke before (issue 14). The key is the data's
        JSON text, so a change made any way (not only through :meth:`set`) is seen; the last
        two contents are kept (with and without the confirmed level)."""
        try:
            key: str | None = json.dumps(data, ensure_ascii=False, default=repr) + (
                "" if self.corrected is None else "\0corrected") + (
                "" if self.sendings is None else "\0" + repr(self.sendings))
        except (ValueError, RecursionError):     # e.g. an integer of 5,000 digits: the
            key = None                           # validator says what is wrong, uncached
        hit = self._parsed.get(key) if key is not None else None
        if hit is not None:
            return hit
        try:
            cleaned = clean_report(parse_report(data))
            report = cleaned.report
            if report.correction and isinstance(self.corrected, dict):
                report = replace(report, changes=changes(self.corrected, data))
            if self.sendings is not None:
                report = replace(report, sendings=self.sendings)
            result: _Parsed = (report, (), [], cleaned.findings)
        except InvalidIncident as exc:
            result = (None, tuple(exc.problems), [], ())
        if key is not None:
            if len(self._parsed) >= 2:
                self._parsed.clear()
            self._parsed[key] = result
        return result

    def problems(self) -> list[Problem]:
        return list(self._parse(self.data)[1])

    def __post_init__(self) -> None:
        # A file may carry the confirmation (``level_confirmed``); while editing, the
        # attribute is the one place it lives, and :meth:`report` puts it back.
        stored = self.data.pop("level_confirmed", None) if isinstance(self.data, dict) else None
        if self.confirmed_level is None and isinstance(stored, str):
            self.confirmed_level = stored

    def _with_level(self) -> dict[str, Any]:
        if self.confirmed_level is None:
            return self.data
        return {**self.data, "level_confirmed": self.confirmed_level}

    def report(self) -> Report | None:
        """The validated report, or None while anything is wrong. Its text is cleaned
        (:func:`composer.core.hygiene.clean_report`): this is what every output of the app is
        made from; :attr:`data` keeps the text exactly as typed."""
        return self._parse(self._with_level())[0]

    def text_findings(self) -> tuple[Finding, ...]:
        """What the text hygiene removed from :meth:`report`, field by field (for the
        warnings shown before generating)."""
        return self._parse(self._with_level())[3]

    def classification(self) -> Classification | None:
        report, _, classified, _ = self._parse(self._with_level())
        if report is None:
            return None
        if not classified:                  # graded once per content, like the validation
            classified.append(classify(report))
        return classified[0]

    @property
    def drill(self) -> bool:
        """A drill (演练, top-level ``"drill": true``): never for the intake."""
        return self.data.get(Field.DRILL.value) is True

    def note_settled(self, now: datetime | None = None) -> bool:
        """For a drill: remember when its level was first settled (graded, not 待研判) —
        ``now`` or the current time in China. Returns whether it was noted just now."""
        if not self.drill or self.settled_at is not None:
            return False
        c = self.classification()
        if c is None or not c.settled:
            return False
        moment = now or datetime.now(CHINA_TZ)
        self.settled_at = moment.astimezone(CHINA_TZ).replace(microsecond=0)
        return True

    @property
    def report_type(self) -> ReportType:
        try:
            return ReportType(self.data.get("report_type", "initial"))
        except ValueError:
            return ReportType.INITIAL

    @property
    def title(self) -> str:
        return str(self.get("incident.title") or "")

    def copy(self) -> Draft:
        return Draft(data=copy.deepcopy(self.data), fast_path=self.fast_path,
                     confirmed_level=self.confirmed_level, step=self.step, id=self.id,
                     parent_id=self.parent_id, corrected=copy.deepcopy(self.corrected),
                     settled_at=self.settled_at, sendings=self.sendings,
                     revision=self.revision)


def new_draft(profile: dict[str, Any] | None = None, *, now: datetime | None = None,
              drill: bool = False) -> Draft:
    """A fresh initial report: the saved organisation profile, discovered "now" (China time).
    ``drill``: a drill (演练) — it stays one, and so do its follow-ups and corrections."""
    data: dict[str, Any] = {"format": FORMAT, "report_type": ReportType.INITIAL.value}
    if drill:
        data[Field.DRILL.value] = True
    if profile:
        data["operator"] = copy.deepcopy(profile)
    discovered = (now or now_in_china()).astimezone(CHINA_TZ).replace(second=0, microsecond=0)
    data["incident"] = {"discovered_at": discovered.isoformat()}
    return Draft(data=data)


def derived_draft(parent: Draft, report_type: ReportType) -> Draft:
    """A follow-up (续报) or summary report (总结报告) started from an earlier report.

    Keeps everything known so far (the same incident, the same channel) and the chain
    (``parent_id``); the user then updates what changed.
    """
    if report_type is ReportType.INITIAL:
        raise ValueError("a derived report is a follow-up or a summary")
    if parent.id is None:
        raise ValueError("save the earlier report first")
    data = copy.deepcopy(parent.data)
    data["report_type"] = report_type.value
    # a follow-up/summary of a correction is not one itself
    for key in (Field.CORRECTION, Field.CORRECTS, Field.CORRECTION_NOTE):
        data.pop(key.value, None)
    return Draft(data=data, fast_path=False, confirmed_level=parent.confirmed_level,
                 parent_id=parent.id, settled_at=parent.settled_at)


def correction_draft(parent: Draft, corrects: SentReport | None = None) -> Draft:
    """A 更正 of a sent report: the same report type and facts, to be corrected and sent
    again; the chain (``parent_id``) says which report it corrects, ``corrects`` (its first
    recorded sending, :func:`composer.core.correction.corrected_sending`) when and how it was
    sent — the correction's timeliness is that report's. The parent's data is kept as
    :attr:`Draft.corrected`, so the correction lists what it changed."""
    if parent.id is None:
        raise ValueError("save the earlier report first")
    data = copy.deepcopy(parent.data)
    data[Field.CORRECTION.value] = True   # extension of composer-incident/1 (README)
    data.pop(Field.CORRECTION_NOTE.value, None)
    if corrects is not None:
        data[Field.CORRECTS.value] = corrects_of(corrects)
    else:
        data.pop(Field.CORRECTS.value, None)
    corrected = copy.deepcopy(parent.data)
    if parent.confirmed_level is not None:
        corrected[Field.LEVEL_CONFIRMED.value] = parent.confirmed_level
    return Draft(data=data, fast_path=parent.fast_path,
                 confirmed_level=parent.confirmed_level, parent_id=parent.id,
                 corrected=corrected, settled_at=parent.settled_at)


def profile_of(draft: Draft) -> dict[str, Any] | None:
    """The organisation profile part of a draft (saved once, reused for the next report)."""
    operator = draft.get("operator")
    return copy.deepcopy(operator) if isinstance(operator, dict) and operator else None


def keeps_profile(saved: dict[str, Any] | None, draft: Draft) -> bool:
    """Whether moving on from step 1 saves the draft's unit as this workstation's profile
    unless the user says otherwise: when no profile is saved yet, or when the draft is the saved
    unit's own (the same unit name; its changed phone or contact is then kept). Another unit's
    file, opened to read or check, does not replace the profile unless the user asks."""
    if not saved:
        return True
    operator = draft.get("operator")
    name = operator.get("name") if isinstance(operator, dict) else None
    return not name or name == saved.get("name")


def draft_from_report(report: Report) -> Draft:
    return Draft(data=dump_report(report))


def draft_to_json(draft: Draft) -> dict[str, Any]:
    out: dict[str, Any] = {"data": draft.data, "fast_path": draft.fast_path,
                           "confirmed_level": draft.confirmed_level, "step": draft.step}
    if draft.corrected is not None:
        out["corrected"] = draft.corrected
    if draft.settled_at is not None:
        out["settled_at"] = draft.settled_at.isoformat()
    return out


def draft_from_json(obj: dict[str, Any], *, id: int | None = None,
                    parent_id: int | None = None) -> Draft:
    """A stored draft (an older one may carry ``impact_seen``: no longer needed, ignored)."""
    corrected = obj.get("corrected")
    return Draft(data=dict(obj.get("data") or {}), fast_path=bool(obj.get("fast_path")),
                 confirmed_level=obj.get("confirmed_level"), step=int(obj.get("step") or 0),
                 id=id, parent_id=parent_id,
                 corrected=dict(corrected) if isinstance(corrected, dict) else None,
                 settled_at=aware_time(obj.get("settled_at")))


__all__ = [
    "Draft",
    "derived_draft",
    "draft_from_json",
    "draft_from_report",
    "draft_to_json",
    "new_draft",
    "now_in_china",
    "profile_of",
]
