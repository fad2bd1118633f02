"""Reading and writing ``composer-incident/1`` files, strictly.

:func:`parse_report` checks everything at once and raises :class:`InvalidIncident` carrying
*every* problem as ``(json path, message)``; it never lets a traceback reach the user.
:func:`dump_report` writes the same format back, so load → dump → load is the identity.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from composer.core import art7, rules
from composer.core.atomic import atomic_write_bytes
from composer.core.fields import Field, keys_under
from composer.core.incident_top import dump_top_level, read_top_level
from composer.core.model import (
    FORMAT,
    Contact,
    Defacement,
    DefacementSite,
    ImpactFacts,
    Incident,
    Judgement,
    Level,
    Operator,
    OperatorKind,
    PoliceReport,
    Population,
    PortalOutage,
    PortalSite,
    Ransom,
    Region,
    Report,
    ReportType,
)
from composer.core.strict_json import loads_json
from composer.core.validators import (
    InvalidIncident,
    Problem,
    Reader,
    credit_code_problem,
    is_email,
    is_phone,
    kind_of,
    shown,
)

_TOP = keys_under("")
_OPERATOR = keys_under(Field.OPERATOR.value)
_CONTACT = keys_under(Field.CONTACT.value)
_INCIDENT = keys_under(Field.INCIDENT.value)
_INCIDENT_TEXT = ("systems", "location", "description", "impact", "measures", "trend", "cause",
                  "clues", "next_steps", "support_requested", "scene_preservation", "other",
                  "accountability", "remediation", "lessons", "delay_reason",
                  "safeguards", "emergency_plan", "harm_mitigation")
_POLICE_STATUS = ("not_yet", "reported")
_FACTS = keys_under(Field.IMPACT_FACTS.value)


def _operator(r: Reader, raw: Any) -> Operator | None:
    m = r.obj(raw, "operator", _OPERATOR)
    if m is None:
        return None
    name = r.text(m, "name", "operator", required=True)
    kind = r.choice(m, "kind", "operator", OperatorKind, required=True)
    province = r.text(m, "province", "operator", required=kind is OperatorKind.OTHER,
                      why="for kind other (the provincial CAC office receives the report)")
    protection = r.text(m, "protection_department", "operator", required=kind is OperatorKind.CII,
                        why="for kind cii (it receives the report)")
    cac = r.text(m, "cac_office", "operator", required=kind is OperatorKind.CENTRAL_STATE_ORGAN,
                 why="for kind central_state_organ (it receives the report)")
    credit = r.text(m, "credit_code", "operator")
    if credit is not None:
        credit = credit.strip().upper()
        if credit:
            why = credit_code_problem(credit)
            if why:
                r.fail("operator.credit_code", why)
        else:
            credit = None
    contact = None
    if m.get("contact") is None:
        r.fail("operator.contact", "is required (name and phone of the person to call back)")
    else:
        cm = r.obj(m["contact"], "operator.contact", _CONTACT)
        if cm is not None:
            cname = r.text(cm, "name", "operator.contact", required=True)
            phone = r.text(cm, "phone", "operator.contact", required=True)
            if phone and phone.strip() and not is_phone(phone):
                r.fail("operator.contact.phone", f"is not a phone number: {shown(phone)}")
            email = r.text(cm, "email", "operator.contact")
            if email is not None and email.strip() and not is_email(email):
                r.fail("operator.contact.email", f"is not an email address: {shown(email)}")
            if cname and phone:
                contact = Contact(name=cname, phone=phone, email=email or None)
    if name is None or kind is None or contact is None:
        return None
    return Operator(name=name, kind=kind, contact=contact, province=province,
                    protection_department=protection, cac_office=cac, credit_code=credit)


def _incident(r: Reader, raw: Any, report_type: ReportType | None) -> Incident | None:
    m = r.obj(raw, "incident", _INCIDENT)
    if m is None:
        return None
    title = r.text(m, "title", "incident", required=True)
    discovered = r.time(m, "discovered_at", "incident", required=True,
                        why="(when you discovered or learned of the incident)")
    occurred = r.time(m, "occurred_at", "incident")
    category = r.text(m, "category", "incident")
    cat = rules.category(category) if category is not None else None
    if category is not None and cat is None:
        r.fail("incident.category",
               "must be one of " + ", ".join(c.id for c in rules.categories()))
    texts = {k: r.text(m, k, "incident") for k in _INCIDENT_TEXT}
    ransom = None
    if m.get("ransom") is not None:
        rm = r.obj(m["ransom"], "incident.ransom", keys_under(Field.RANSOM.value))
        if cat is not None and not cat.ransom_items:
            r.fail("incident.ransom", "only applies to category ransomware")
        if rm is not None:
            ransom = Ransom(amount=r.text(rm, "amount", "incident.ransom"),
                            method=r.text(rm, "method", "incident.ransom"),
                            demanded_at=r.time(rm, "demanded_at", "incident.ransom"))
    crime = m.get("suspected_crime", False)
    if crime is None:
        crime = False
    if not isinstance(crime, bool):
        r.fail("incident.suspected_crime", f"must be true or false, got {kind_of(crime)}")
        crime = False
    not_yet_known = _not_yet_known(r, m.get("not_yet_known"))
    police = _police_report(r, m.get("police_report"))
    handled = r.time(m, "handling_completed_at", "incident",
                     required=report_type is ReportType.SUMMARY,
                     why="for a summary report (the 30-day limit runs from it)")
    if discovered is not None:
        if occurred is not None and occurred > discovered:
            r.fail("incident.occurred_at", "is after incident.discovered_at")
        if handled is not None and handled < discovered:
            r.fail("incident.handling_completed_at", "is before incident.discovered_at")
    if title is None or discovered is None:
        return None
    return Incident(title=title, discovered_at=discovered, occurred_at=occurred,
                    category=category if cat is not None else None, ransom=ransom,
                    suspected_crime=crime, handling_completed_at=handled,
                    not_yet_known=not_yet_known, police_report=police, **texts)


# --- extensions (README "Incident file extensions") ------------------------------------------

def _not_yet_known(r: Reader, raw: Any) -> tuple[str, ...]:
    """``incident.not_yet_known``: parts of Art. 7 items 1–2 marked 暂不掌握."""
    path = "incident.not_yet_known"
    if raw is None:
        return ()
    if not isinstance(raw, list):
        r.fail(path, f"must be a list of {', '.join(art7.KEYS)}, got {kind_of(raw)}")
        return ()
    out: list[str] = []
    for i, key in enumerate(raw):
        if not isinstance(key, str) or key not in art7.KEYS:
            r.fail(f"{path}[{i}]", "must be one of " + ", ".join(art7.KEYS))
        elif key in out:
            r.fail(f"{path}[{i}]", f"{key!r} is listed twice")
        else:
            out.append(key)
    return tuple(sorted(out, key=art7.KEYS.index))


def _police_report(r: Reader, raw: Any) -> PoliceReport | None:
    """``incident.police_report``: {"status": "not_yet"} or {"status": "reported", "at", "to"}."""
    path = "incident.police_report"
    if raw is None:
        return None
    m = r.obj(raw, path, keys_under(Field.POLICE_REPORT.value))
    if m is None:
        return None
    status = m.get("status")
    if status not in _POLICE_STATUS:
        r.fail(f"{path}.status", "must be one of " + ", ".join(_POLICE_STATUS))
        return None
    reported = status == "reported"
    at = r.time(m, "at", path, required=reported, why="when the police were told")
    to = r.text(m, "to", path)
    if not reported and (m.get("at") is not None or (to or "").strip()):
        r.fail(path, "gives a time or a body but status is not_yet")
    if reported and at is None:
        return None
    return PoliceReport(reported=reported, at=at if reported else None,
                        to=(to or "").strip() or None if reported else None)


def _facts(r: Reader, raw: Any) -> ImpactFacts:
    m = r.obj(raw, "impact_facts", _FACTS)
    if m is None:
        return ImpactFacts()
    p = "impact_facts"
    portal = population = defacement = None
    if m.get("portal_outage") is not None:
        pm = r.obj(m["portal_outage"], f"{p}.portal_outage", keys_under(Field.PORTAL_OUTAGE))
        if pm is not None:
            # the site may be unknown (README decisions): the hours still count, and grading
            # asks for the site when it could raise the level
            site = r.choice(pm, "site", f"{p}.portal_outage", PortalSite)
            hours = r.number(pm, "hours", f"{p}.portal_outage", whole=False)
            if hours is None and "hours" not in pm:
                r.fail(f"{p}.portal_outage.hours", "is required")
            if hours is not None:
                portal = PortalOutage(site=site, hours=hours)
    if m.get("population") is not None:
        pm = r.obj(m["population"], f"{p}.population", keys_under(Field.POPULATION))
        if pm is not None:
            region = r.choice(pm, "region", f"{p}.population", Region, required=True)
            pct = r.number(pm, "percent", f"{p}.population", whole=False, maximum=100)
            if pct is None and "percent" not in pm:
                r.fail(f"{p}.population.percent", "is required")
            if region is not None and pct is not None:
                population = Population(region=region, percent=pct)
    if m.get("defacement") is not None:
        dp = f"{p}.defacement"
        dm = r.obj(m["defacement"], dp, keys_under(Field.DEFACEMENT))
        if dm is not None:
            dsite = r.choice(dm, "site", dp, DefacementSite)  # None: not given
            ruling = r.choice(dm, "authority_ruling", dp, Level)
            if ruling is Level.GENERAL:
                r.fail(f"{dp}.authority_ruling",
                       "must be one of especially_major, major, relatively_major")
                ruling = None
            defacement = Defacement(
                site=dsite,
                homepage_hours=r.number(dm, "homepage_hours", dp, whole=False),
                other_page_hours=r.number(dm, "other_page_hours", dp, whole=False),
                reposts=r.number(dm, "reposts", dp, whole=True),
                views=r.number(dm, "views", dp, whole=True),
                authority_ruling=ruling)
    return ImpactFacts(
        cii_total_outage_hours=r.number(m, "cii_total_outage_hours", p, whole=False),
        cii_main_function_outage_hours=r.number(m, "cii_main_function_outage_hours", p,
                                                whole=False),
        portal_outage=portal, population=population,
        people_services_affected=r.number(m, "people_services_affected", p, whole=True),
        personal_info_leaked=r.number(m, "personal_info_leaked", p, whole=True),
        direct_loss_yuan=r.number(m, "direct_loss_yuan", p, whole=True),
        defacement=defacement,
        data_threat=r.choice(m, "data_threat", p, Judgement),
        system_loss=r.choice(m, "system_loss", p, Judgement),
        other_threat=r.choice(m, "other_threat", p, Judgement),
    )


def parse_report(data: Any) -> Report:
    """Convert parsed JSON into a :class:`Report`, or raise :class:`InvalidIncident`."""
    r = Reader()
    m = r.obj(data, "", _TOP)
    if m is None:
        raise InvalidIncident([Problem("$", f"must be a JSON object, got {kind_of(data)}")])
    if m.get("format") != FORMAT:
        r.fail("format", f"must be {FORMAT!r}" + (" (missing)" if "format" not in m else ""))
    report_type = r.choice(m, "report_type", "", ReportType) or ReportType.INITIAL
    operator = incident = None
    if m.get("operator") is None:
        r.fail("operator", "is required")
    else:
        operator = _operator(r, m["operator"])
    if m.get("incident") is None:
        r.fail("incident", "is required")
    else:
        incident = _incident(r, m["incident"], report_type)
    facts = _facts(r, m["impact_facts"]) if m.get("impact_facts") is not None else ImpactFacts()
    top = read_top_level(r, m)
    if r.problems or operator is None or incident is None:
        raise InvalidIncident(r.problems or [Problem("$", "incomplete incident")])
    return Report(operator=operator, incident=incident, impact_facts=facts,
                  report_type=report_type, level_confirmed=top.level_confirmed,
                  correction=top.correction, impact_assessed=top.impact_assessed,
                  corrects=top.corrects, correction_note=top.correction_note,
                  drill=top.drill, drill_to=top.drill_to, drill_fax=top.drill_fax)


def loads_report(text: str | bytes) -> Report:
    """Parse JSON text (UTF-8) into a :class:`Report`."""
    return parse_report(loads_json(text))


def load_report(path: str | Path) -> Report:
    return loads_report(Path(path).read_bytes())


# --- writing ---------------------------------------------------------------------------------

def _prune(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _t(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _e(value: Enum | None) -> str | None:
    return value.value if value is not None else None


def dump_report(report: Report) -> dict[str, Any]:
    """The JSON-ready ``composer-incident/1`` dictionary of ``report``."""
    op, inc, f = report.operator, report.incident, report.impact_facts
    incident: dict[str, Any] = {
        "title": inc.title, "discovered_at": _t(inc.discovered_at),
        "occurred_at": _t(inc.occurred_at), "category": inc.category,
    }
    incident.update({k: getattr(inc, k) for k in _INCIDENT_TEXT})
    if inc.ransom is not None:
        incident["ransom"] = _prune({"amount": inc.ransom.amount, "method": inc.ransom.method,
                                     "demanded_at": _t(inc.ransom.demanded_at)})
    incident["suspected_crime"] = True if inc.suspected_crime else None
    incident["not_yet_known"] = list(inc.not_yet_known) or None
    if inc.police_report is not None:
        incident["police_report"] = _prune({
            "status": "reported" if inc.police_report.reported else "not_yet",
            "at": _t(inc.police_report.at), "to": inc.police_report.to})
    incident["handling_completed_at"] = _t(inc.handling_completed_at)
    facts: dict[str, Any] = {
        "cii_total_outage_hours": f.cii_total_outage_hours,
        "cii_main_function_outage_hours": f.cii_main_function_outage_hours,
        "portal_outage": (_prune({"site": _e(f.portal_outage.site),
                                  "hours": f.portal_outage.hours}) if f.portal_outage else None),
        "population": ({"region": f.population.region.value, "percent": f.population.percent}
                       if f.population else None),
        "people_services_affected": f.people_services_affected,
        "personal_info_leaked": f.personal_info_leaked,
        "direct_loss_yuan": f.direct_loss_yuan,
        "defacement": _prune({
            "site": _e(f.defacement.site), "homepage_hours": f.defacement.homepage_hours,
            "other_page_hours": f.defacement.other_page_hours, "reposts": f.defacement.reposts,
            "views": f.defacement.views,
            "authority_ruling": _e(f.defacement.authority_ruling)}) if f.defacement else None,
        "data_threat": _e(f.data_threat), "system_loss": _e(f.system_loss),
        "other_threat": _e(f.other_threat),
    }
    return {
        "format": FORMAT,
        "report_type": report.report_type.value,
        "operator": _prune({
            "name": op.name, "kind": op.kind.value, "province": op.province,
            "protection_department": op.protection_department, "cac_office": op.cac_office,
            "credit_code": op.credit_code,
            "contact": _prune({"name": op.contact.name, "phone": op.contact.phone,
                               "email": op.contact.email}),
        }),
        "incident": _prune(incident),
        "impact_facts": _prune(facts),
        **dump_top_level(report),
    }


def dumps_report(report: Report) -> str:
    return json.dumps(dump_report(report), ensure_ascii=False, indent=2) + "\n"


def save_report(report: Report, path: str | Path) -> None:
    """Write ``report`` to ``path`` atomically (never a half-written file)."""
    atomic_write_bytes(Path(path), dumps_report(report).encode("utf-8"))


def validate_data(data: Any) -> list[Problem]:
    """All problems of a parsed JSON document (empty list: valid)."""
    try:
        parse_report(data)
    except InvalidIncident as exc:
        return exc.problems
    return []

