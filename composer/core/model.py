"""Domain objects of a ``composer-incident/1`` file: typed, immutable, Qt-free.

Parsing and validation live in :mod:`composer.core.incident_io`; this module only says what an
incident *is*. ``None`` always means "not given / unknown".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

FORMAT = "composer-incident/1"


class _Choice(str, Enum):
    """An enumeration whose value is the id used in files."""

    def __str__(self) -> str:
        return str(self.value)


class OperatorKind(_Choice):
    CII = "cii"
    CENTRAL_STATE_ORGAN = "central_state_organ"
    OTHER = "other"

    @property
    def zh(self) -> str:
        return {
            "cii": "关键信息基础设施运营者",
            "central_state_organ": "中央和国家机关各部门及其直属单位",
            "other": "其他网络运营者",
        }[self.value]

    @property
    def en(self) -> str:
        return {
            "cii": "Critical information infrastructure operator",
            "central_state_organ": "Central/state organ or directly affiliated unit",
            "other": "Other network operator",
        }[self.value]


class ReportType(_Choice):
    INITIAL = "initial"
    FOLLOW_UP = "follow_up"
    SUMMARY = "summary"

    @property
    def zh(self) -> str:
        return {"initial": "首报", "follow_up": "续报", "summary": "总结报告"}[self.value]

    @property
    def en(self) -> str:
        return {"initial": "Initial report", "follow_up": "Follow-up report",
                "summary": "Summary report"}[self.value]


class Level(_Choice):
    """Incident levels of the Grading Guide, ordered by :attr:`rank`."""

    ESPECIALLY_MAJOR = "especially_major"
    MAJOR = "major"
    RELATIVELY_MAJOR = "relatively_major"
    GENERAL = "general"

    @property
    def rank(self) -> int:
        return {"especially_major": 3, "major": 2, "relatively_major": 1, "general": 0}[self.value]

    @property
    def zh(self) -> str:
        return {"especially_major": "特别重大", "major": "重大", "relatively_major": "较大",
                "general": "一般"}[self.value]

    @property
    def en(self) -> str:
        return {"especially_major": "Especially major", "major": "Major",
                "relatively_major": "Relatively major", "general": "General"}[self.value]

    @property
    def reportable(self) -> bool:
        """较大 or above must be reported under Art. 4."""
        return self.rank >= Level.RELATIVELY_MAJOR.rank

    @classmethod
    def by_rank(cls, rank: int) -> Level:
        return next(level for level in cls if level.rank == rank)


class Judgement(_Choice):
    """The user's judgement of a qualitative condition of the Guide."""

    ESPECIALLY_SERIOUS = "especially_serious"
    SERIOUS = "serious"
    RELATIVELY_SERIOUS = "relatively_serious"


class PortalSite(_Choice):
    PROVINCIAL_PORTAL = "provincial_portal"
    PREFECTURAL_PORTAL = "prefectural_portal"
    ENTERPRISE_PORTAL = "enterprise_portal"    # 企事业单位门户网站, prefecture level or above
    CENTRAL_NEWS = "central_news"
    KEY_NEWS = "key_news"
    OTHER = "other"                            # a site the Guide does not name: nothing fires


class Region(_Choice):
    PROVINCE = "province"
    PREFECTURE = "prefecture"

    @property
    def zh(self) -> str:
        return {"province": "省级行政区", "prefecture": "地市级行政区"}[self.value]


class DefacementSite(_Choice):
    """Grouped by the highest level whose site list names them; the group caps the level."""

    # 特别重大
    PROVINCIAL_PORTAL = "provincial_portal"
    CENTRAL_NEWS = "central_news"
    SUPER_LARGE_PLATFORM = "super_large_platform"
    # 重大
    PREFECTURAL_PORTAL = "prefectural_portal"
    ENTERPRISE_PORTAL = "enterprise_portal"
    KEY_NEWS = "key_news"
    LARGE_PLATFORM = "large_platform"
    # 较大
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    phone: str
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Operator:
    name: str
    kind: OperatorKind
    contact: Contact
    province: str | None = None
    protection_department: str | None = None
    cac_office: str | None = None
    credit_code: str | None = None

    @property
    def runs_cii(self) -> bool:
        """The operator runs critical information infrastructure: kind cii, or a central/state
        organ that names a protection department (REGULATION.md open point)."""
        return self.kind is OperatorKind.CII or (
            self.kind is OperatorKind.CENTRAL_STATE_ORGAN
            and bool((self.protection_department or "").strip()))


@dataclass(frozen=True, slots=True)
class Ransom:
    amount: str | None = None
    method: str | None = None
    demanded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PoliceReport:
    """Whether and when the police were told of a suspected crime (Art. 4, last paragraph):
    ``reported`` False = not yet; True = reported ``at`` (required) ``to`` (optional)."""

    reported: bool
    at: datetime | None = None
    to: str | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    title: str
    discovered_at: datetime
    occurred_at: datetime | None = None
    category: str | None = None
    systems: str | None = None
    location: str | None = None
    description: str | None = None
    impact: str | None = None
    measures: str | None = None
    trend: str | None = None
    cause: str | None = None
    clues: str | None = None
    next_steps: str | None = None
    support_requested: str | None = None
    scene_preservation: str | None = None
    other: str | None = None
    ransom: Ransom | None = None
    suspected_crime: bool = False
    handling_completed_at: datetime | None = None
    # Summary report (Art. 8), an extension of composer-incident/1: the analysis of cause,
    # measures and harm reuse the fields above; these three have no Art. 7 counterpart.
    accountability: str | None = None      # 责任处理情况
    remediation: str | None = None         # 整改落实情况
    lessons: str | None = None             # 经验教训
    # The Art. 11 account of a summary report (issue 24), each optional, printed when given:
    # the protective measures in place before the incident, whether (and under which plan)
    # it was handled under the emergency plan, what reduced the harm.
    safeguards: str | None = None          # 事发前已采取的防护措施
    emergency_plan: str | None = None      # 按应急预案处置情况
    harm_mitigation: str | None = None     # 有效减轻危害的情况
    # Extensions of composer-incident/1 (README "Incident file extensions"):
    # parts of Art. 7 items 1–2 the unit marks as not yet known (composer.core.art7.KEYS),
    # printed 「暂不掌握，将及时补报」;
    not_yet_known: tuple[str, ...] = ()
    # whether/when/to whom the police were told; the reason a report is late (迟报原因).
    police_report: PoliceReport | None = None
    delay_reason: str | None = None


@dataclass(frozen=True, slots=True)
class PortalOutage:
    site: PortalSite | None   # None: not given (grades as the lowest tier, and is asked for)
    hours: float


@dataclass(frozen=True, slots=True)
class Population:
    region: Region
    percent: float


@dataclass(frozen=True, slots=True)
class Defacement:
    # None: not given. It grades as the lowest tier (`other`, as before) and grading lists the
    # site as missing when the figures would reach higher on a site of a higher tier.
    site: DefacementSite | None = None
    homepage_hours: float | None = None
    other_page_hours: float | None = None
    reposts: int | None = None
    views: int | None = None
    authority_ruling: Level | None = None


@dataclass(frozen=True, slots=True)
class ImpactFacts:
    """The facts grading reads. ``None`` = unknown (or, for judgements, not applicable)."""

    cii_total_outage_hours: float | None = None
    cii_main_function_outage_hours: float | None = None
    portal_outage: PortalOutage | None = None
    population: Population | None = None
    people_services_affected: int | None = None
    personal_info_leaked: int | None = None
    direct_loss_yuan: int | None = None
    defacement: Defacement | None = None
    data_threat: Judgement | None = None
    system_loss: Judgement | None = None
    other_threat: Judgement | None = None


@dataclass(frozen=True, slots=True)
class CorrectedReport:
    """The report a 更正 corrects, as sent (extension ``corrects``): when, by which channel
    (a channel id of :mod:`composer.core.submissions` or the unit's own words), and the
    receipt's reference (受理编号, Message-ID) when there is one. ``sent_at`` None: the file
    names the report without its sending time."""

    sent_at: datetime | None = None
    channel: str | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field a correction changed, as a person reads it (never part of the file: the app
    finds it by comparing the corrected report's stored draft with the correction)."""

    path: str            # a composer.core.fields.Field path
    label: str           # its label
    old: str             # the corrected report's value, as printed ("" = not given)
    new: str             # the correction's value ("" = removed)


INTAKE = "intake"
"""The CAC's unified intake (12387): hotline, website, mini-program, WeChat account, e-mail, fax
(:mod:`composer.core.history`)."""


@dataclass(frozen=True, slots=True)
class SentReport:
    """One recorded sending of a report of an incident, as the sending record says it
    (:mod:`composer.core.history` explains the fields)."""

    report_type: ReportType
    sent_at: datetime            # timezone-aware
    channel: str                 # a channel id of composer.core.submissions.channels()
    recipient: str = INTAKE      # a route recipient's id, or INTAKE
    correction: bool = False     # the report sent was a 更正
    reference: str = ""          # 受理编号 or the e-mail's Message-ID, when recorded
    record_seq: int | None = None    # the sending record's number, when chained
    draft_id: int | None = None
    drill: bool = False          # a drill (演练): never counts as the unit's report
    corrects: int | None = None  # a correction: the record seq of the sending it corrects
    due: datetime | None = None  # the deadline the record says this sending answered
    recipient_name: str = ""     # the recipient's name for the unit (e.g. 国家能源局)

    def __post_init__(self) -> None:
        if self.sent_at.utcoffset() is None:
            raise ValueError("sent_at must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Report:
    """One incident report: a whole ``composer-incident/1`` document."""

    operator: Operator
    incident: Incident
    impact_facts: ImpactFacts = field(default_factory=ImpactFacts)
    report_type: ReportType = ReportType.INITIAL
    # Extension of composer-incident/1: the level the reporting unit confirmed against the
    # Guide's text, for a grading that rests on numbers not confirmed as final text.
    level_confirmed: Level | None = None
    # Extension of composer-incident/1: this report corrects an earlier report of the same
    # type that was already sent (更正); outputs name the type as e.g. 首报（更正）.
    correction: bool = False
    # Extensions (2026-12-05), CONTRACT.md: the unit states that the impact facts it did not
    # give do not apply (settles a level that would otherwise be 待研判) ...
    impact_assessed: bool = False
    # ... and, for a correction, the report it corrects and what changed.
    corrects: CorrectedReport | None = None
    correction_note: str | None = None
    # Extension (2026-12-05): a drill (演练). Every output says so and none is addressed to the
    # intake; the drill's own recipients (``drill_to`` e-mail addresses, ``drill_fax``) replace
    # it (composer.core.drill).
    drill: bool = False
    drill_to: tuple[str, ...] = ()
    drill_fax: str | None = None
    # Not part of the file: the fields a correction changed (found by the app, see FieldChange).
    changes: tuple[FieldChange, ...] = ()
    # Not part of the file: the recorded sendings of this incident, from the sending record
    # (the app; ``composer render`` when the data folder's record holds the incident), for
    # the Art. 11 account of a summary report. None: not known where the report is made.
    sendings: tuple[SentReport, ...] | None = None

    @property
    def type_zh(self) -> str:
        """The report type as the outputs print it: 首报, or 首报（更正） for a correction (no
        middle dot: the bundled bold serif face has no U+00B7)."""
        return self.report_type.zh + ("（更正）" if self.correction else "")
