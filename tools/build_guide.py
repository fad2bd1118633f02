#!/usr/bin/env python3
"""Build ``resources/guide/measures-guide-2025.json`` from the verbatim law text (dev-only).

Reads the final text of the Measures (《国家网络安全事件报告管理办法》, 14 articles) and of the
Grading Guide (《网络安全事件分级指南》) from ``GUIDE-2025.md`` (the spec's primary source) and
writes it as ordered items, each with an anchor id, a kind, the Chinese text verbatim and an
English summary (an unofficial translation, written here by hand, ``SUMMARIES_EN``).

Anchor ids (shared with the rule data's ``guide`` keys):

- ``measures`` (the title), ``art-1`` … ``art-14``; Art. 7's items ``art-7-1`` … ``art-7-8`` and
  its second and third paragraphs ``art-7-p2``, ``art-7-p3``;
- ``guide`` (the title), sections ``guide-1`` … ``guide-4``; in section L the lead-in sentences
  ``guide-L-c`` (符合下列情形之一…) and ``guide-L-u`` (通常情况下…), their items ``guide-L-c-N`` and
  ``guide-L-u-N``, the defacement sub-items ``guide-L-u-6-K``; the closing note ``guide-note``.

The tool checks that the items give back the source paragraphs character for character
(:func:`composer.core.guide.markdown`) and records the SHA-256 of that text; the tests check the
committed data against the same figure. Usage, from the repository root::

    python tools/build_guide.py [--src ../shared/spec/GUIDE-2025.md] \
        [--out resources/guide/measures-guide-2025.json]

Runtime code never imports this module.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from composer.core.guide import ARTICLE_GAP, FORMAT, Guide, markdown, source_paragraphs

START = "**国家网络安全事件报告管理办法**"
SECTION_NUMBERS = "一二三四"
ITEM_NUMBERS = "一二三四五六七八"
ARTICLE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                   "十一", "十二", "十三", "十四"]

_OTHER_1 = ("Other incidents posing an especially serious threat to, or having an especially "
            "serious impact on, national security, social order, economic development and the "
            "public interest.")
_OTHER_2 = ("Other incidents posing a serious threat to, or having a serious impact on, national "
            "security, social order, economic development and the public interest.")
_OTHER_3 = ("Other incidents posing a relatively serious threat to, or having a relatively "
            "serious impact on, national security, social order, economic development and the "
            "public interest.")
_LIFE = ("the work and life (water, electricity, gas, oil, heating, transport, medical care, "
         "shopping and the like)")

SUMMARIES_EN: dict[str, str] = {
    "measures": "Measures for the Reporting of National Cybersecurity Incidents "
                "(Cyberspace Administration of China, 11 September 2025).",
    "art-1": "Purpose and legal basis: the Measures regulate incident reporting so that losses "
             "and harm are contained in time. They rest on the Cybersecurity Law, the Data "
             "Security Law, the Personal Information Protection Law and the Regulations on the "
             "Security Protection of Critical Information Infrastructure.",
    "art-2": "Scope: network operators that build or operate networks, or provide services "
             "through networks, within the PRC must report cybersecurity incidents as these "
             "Measures provide.",
    "art-3": "The national cyberspace administration coordinates incident reporting nationwide; "
             "each provincial cyberspace administration coordinates it within its region.",
    "art-4": "On discovering or learning of an incident, the operator grades it with the Grading "
             "Guide (annex). Incidents graded relatively major (较大) or above are reported: "
             "if critical information infrastructure (CII) is involved, at once to the protection "
             "department and the public security organ, within 1 hour at the latest (for major "
             "and especially major incidents the protection department reports on to the national "
             "cyberspace administration and the State Council public security department within "
             "30 minutes). Central and state organs and their directly affiliated units report "
             "to their department's cyberspace body within 2 hours (which reports major and "
             "especially major incidents to the national cyberspace administration within 1 "
             "hour). All other operators report to the provincial cyberspace administration of "
             "their locality within 4 hours (which reports major and especially major incidents "
             "to the national cyberspace administration within 1 hour and informs the relevant "
             "departments at its level). Sector rules apply in addition; a suspected crime is "
             "reported to the public security organ.",
    "art-5": "Operators must require, by contract or otherwise, the organisations or persons "
             "providing them security or operations services to report the incidents they detect "
             "to the operator in time and to help it report under these Measures.",
    "art-6": "Social organisations and individuals are encouraged to report incidents of "
             "relatively major (较大) level or above that they learn of.",
    "art-7": "A report of an incident must contain the following items:",
    "art-7-1": "(1) The name of the unit concerned and basic facts about the system or facility "
               "concerned.",
    "art-7-2": "(2) When and where the incident was discovered or occurred, its type and level, "
               "the impact and harm caused so far, the measures taken and their effect; for a "
               "ransomware attack also the amount, method and date of the ransom payment "
               "demanded.",
    "art-7-3": "(3) How the incident is likely to develop and the further impact and harm it "
               "may cause.",
    "art-7-4": "(4) A preliminary analysis of the cause.",
    "art-7-5": "(5) Leads for tracing and investigation, including but not limited to possible "
               "information on the attacker, the attack path and the vulnerabilities involved.",
    "art-7-6": "(6) The further response measures planned and any support requested.",
    "art-7-7": "(7) How the incident scene is preserved.",
    "art-7-8": "(8) Other matters that should be reported.",
    "art-7-p2": "Where the cause, impact or trend cannot be determined within the time limit, "
                "items (1) and (2) may be reported first and the rest supplemented in time.",
    "art-7-p3": "After the report, the unit concerned must report in time any important new "
                "development or interim progress of the investigation.",
    "art-8": "Within 30 days after the handling of an incident ends, the operator analyses its "
             "cause, the emergency measures, the harm, accountability, remediation and lessons, "
             "and submits an incident handling summary report through the original channel.",
    "art-9": "Cyberspace administrations run the 12387 incident reporting hotline, a website, "
             "e-mail, fax and other channels to receive incident reports.",
    "art-10": "An operator that fails to report as these Measures require is penalised under the "
              "relevant laws and administrative regulations. Late, omitted, false or concealed "
              "reports that lead to serious harmful consequences are penalised more heavily, for "
              "the operator and the persons responsible. Departments that handle reports and "
              "fail to report are held accountable.",
    "art-11": "Where the operator had taken reasonable and necessary protective measures, "
              "handled the incident under its emergency plan, effectively reduced its impact and "
              "harm, and reported in time as required, the unit and persons may, as the case "
              "warrants, be treated leniently or not held liable.",
    "art-12": "Definitions. A cybersecurity incident is an event that, through human causes, "
              "attacks, vulnerabilities, hardware or software defects or failures, force majeure "
              "or other factors, harms networks and information systems or their data and "
              "business applications and has a negative impact on the state, society or the "
              "economy. Network operators are the owners and administrators of networks and "
              "network service providers. The Grading Guide follows the national standard GB/T "
              "20986-2023 and gives quantitative grading indicators by limited enumeration.",
    "art-13": "Reports of incidents involving state secrets follow the rules of the competent "
              "departments.",
    "art-14": "These Measures take effect on 1 November 2025.",
    "guide": "Cybersecurity Incident Grading Guide (the annex of the Measures).",
    "guide-1": "I. Especially major (特别重大) cybersecurity incidents.",
    "guide-1-c": "An incident meeting any of the following is especially major:",
    "guide-1-c-1": "Important networks and information systems suffer especially serious system "
                   "loss: large-scale paralysis, business processing capability lost.",
    "guide-1-c-2": "Core data, important data or massive (海量) personal information of citizens "
                   "is lost, stolen, tampered with or counterfeited (假冒), an especially serious "
                   "threat to national security and social stability.",
    "guide-1-c-3": _OTHER_1,
    "guide-1-u": "Usually, an incident meeting any of the following conditions can be judged "
                 "especially major:",
    "guide-1-u-1": "Portal websites of Party and government organs at provincial level or above, "
                   "or central key news websites, cannot be accessed for 24 hours or more because "
                   "of an attack or failure.",
    "guide-1-u-2": "Critical information infrastructure is down as a whole for 6 hours or more, "
                   "or its main functions are down for 24 hours or more.",
    "guide-1-u-3": f"Affects {_LIFE} of 50% or more of the population of one or more "
                   "provincial-level regions, or of 10 million people or more.",
    "guide-1-u-4": "Core data or important data is leaked, stolen, tampered with or "
                   "counterfeited (假冒), an especially serious threat to national security and "
                   "social stability.",
    "guide-1-u-5": "Personal information of 100 million people or more is leaked.",
    "guide-1-u-6": "Portal websites of Party and government organs at provincial level or above, "
                   "central key news websites, very large (超大型) online platforms and the like "
                   "are defaced by an attack and illegal, harmful information spreads on an "
                   "especially large scale (特大范围), established by any of the following:",
    "guide-1-u-6-1": "(1) Shown on the home page for 6 hours or more, or on other pages for 24 "
                     "hours or more;",
    "guide-1-u-6-2": "(2) Forwarded 100,000 times or more on social platforms;",
    "guide-1-u-6-3": "(3) Viewed or clicked 1,000,000 times or more;",
    "guide-1-u-6-4": "(4) Found to be an especially large-scale spread by a cyberspace "
                     "administration or public security organ at provincial level or above.",
    "guide-1-u-7": "Direct economic loss of 100 million yuan or more.",
    "guide-1-u-8": _OTHER_1,
    "guide-2": "II. Major (重大) cybersecurity incidents.",
    "guide-2-c": "An incident meeting any of the following, and not especially major, is major:",
    "guide-2-c-1": "Important networks and information systems suffer serious system loss: long "
                   "interruption or partial paralysis, business processing capability greatly "
                   "affected.",
    "guide-2-c-2": "Core data, important data or a large amount (大量) of personal information of "
                   "citizens is lost, stolen, tampered with or counterfeited (假冒), a serious "
                   "threat to national security and social stability.",
    "guide-2-c-3": _OTHER_2,
    "guide-2-u": "Usually, an incident meeting any of the following conditions can be judged "
                 "major:",
    "guide-2-u-1": "Portal websites of Party and government organs or of enterprises and public "
                   "institutions at prefecture level or above, or key news websites at "
                   "provincial level or above, cannot be accessed for 6 hours or more because of "
                   "an attack or failure.",
    "guide-2-u-2": "Critical information infrastructure is down as a whole for 1 hour or more, "
                   "or its main functions are down for 3 hours or more.",
    "guide-2-u-3": f"Affects {_LIFE} of 50% or more of the population of one or more "
                   "prefecture-level regions, or of 1 million people or more.",
    "guide-2-u-4": "Core data or important data is leaked, stolen, tampered with or imitated "
                   "(仿冒), a serious threat to national security and social stability.",
    "guide-2-u-5": "Personal information of 10 million people or more is leaked.",
    "guide-2-u-6": "Portal websites of Party and government organs or of enterprises and public "
                   "institutions at prefecture level or above, key news websites at provincial "
                   "level or above, large or larger online platforms and the like are defaced by "
                   "an attack and illegal, harmful information spreads on a large scale (大范围), "
                   "established by any of the following:",
    "guide-2-u-6-1": "(1) Shown on the home page for 2 hours or more, or on other pages for 12 "
                     "hours or more;",
    "guide-2-u-6-2": "(2) Forwarded 10,000 times or more on social platforms;",
    "guide-2-u-6-3": "(3) Viewed or clicked 100,000 times or more;",
    "guide-2-u-6-4": "(4) Found to be a large-scale spread by a cyberspace administration or "
                     "public security organ at provincial level or above.",
    "guide-2-u-7": "Direct economic loss of 20 million yuan or more.",
    "guide-2-u-8": _OTHER_2,
    "guide-3": "III. Relatively major (较大) cybersecurity incidents.",
    "guide-3-c": "An incident meeting any of the following, and not major, is relatively major:",
    "guide-3-c-1": "Important networks and information systems suffer relatively large system "
                   "loss: interruption, clearly reduced system efficiency, business processing "
                   "capability affected.",
    "guide-3-c-2": "Important data or a relatively large amount (较大量) of personal information "
                   "of citizens is lost, stolen, tampered with or counterfeited (假冒), a "
                   "relatively serious threat to national security and social stability.",
    "guide-3-c-3": _OTHER_3,
    "guide-3-u": "Usually, an incident meeting any of the following conditions can be judged "
                 "relatively major:",
    "guide-3-u-1": "Portal websites of Party and government organs or of enterprises and public "
                   "institutions at prefecture level or above, or key news websites at "
                   "provincial level or above, cannot be accessed for 2 hours or more because of "
                   "an attack or failure.",
    "guide-3-u-2": "Critical information infrastructure is down as a whole for 10 minutes or "
                   "more, or its main functions are down for 30 minutes or more.",
    "guide-3-u-3": f"Affects {_LIFE} of 30% or more of the population of one or more "
                   "prefecture-level regions, or of 100,000 people or more.",
    "guide-3-u-4": "Important data is leaked or stolen, a relatively serious threat to national "
                   "security and social stability.",
    "guide-3-u-5": "Personal information of 1 million people or more is leaked.",
    "guide-3-u-6": "Portal websites of Party and government organs or of enterprises and public "
                   "institutions, key news websites, online platforms and the like are defaced "
                   "by an attack and illegal, harmful information spreads on a relatively large "
                   "scale (较大范围), established by any of the following:",
    "guide-3-u-6-1": "(1) Shown on the home page for 30 minutes or more, or on other pages for 2 "
                     "hours or more;",
    "guide-3-u-6-2": "(2) Forwarded 1,000 times or more on social platforms;",
    "guide-3-u-6-3": "(3) Viewed or clicked 10,000 times or more;",
    "guide-3-u-6-4": "(4) Found to be a relatively large-scale spread by a cyberspace "
                     "administration or public security organ at provincial level or above.",
    "guide-3-u-7": "Direct economic loss of 5 million yuan or more.",
    "guide-3-u-8": _OTHER_3,
    "guide-4": "IV. General (一般) cybersecurity incidents: all other incidents posing a certain "
               "threat to, or having a certain impact on, national security, social order, "
               "economic development and the public interest.",
    "guide-note": "Note: throughout the Guide, 以上 (\"or more\", \"at or above\") includes the "
                  "number itself.",
}


class SourceError(ValueError):
    """The source text does not have the expected structure."""


def region(text: str) -> list[str]:
    """The law's paragraphs (from the Measures' title to the end), as in the source."""
    start = text.find(START)
    if start < 0:
        raise SourceError(f"{START} not found")
    return source_paragraphs(text[start:])


def _item(anchor: str, kind: str, parent: str | None, label: str,
          zh: list[str]) -> dict[str, Any]:
    return {"anchor": anchor, "kind": kind, "parent": parent, "label": label, "zh": zh,
            "en": SUMMARIES_EN.get(anchor, "")}


def parse(paragraphs: list[str]) -> list[dict[str, Any]]:
    """Items from the source paragraphs (a small state machine over their shapes)."""
    items: list[dict[str, Any]] = []
    doc = ""            # "measures" or "guide"
    article = 0
    section = 0
    mode = ""           # "c" (符合下列情形之一) or "u" (通常情况下) inside a Guide section
    number = 0          # the last numbered item of the current list
    for p in paragraphs:
        heading = re.fullmatch(r"\*\*(.+)\*\*", p)
        if heading and "**" not in heading.group(1):
            title = heading.group(1)
            sec = re.fullmatch(r"([一二三四])、(.+)", title)
            if sec:
                section, mode, number = SECTION_NUMBERS.index(sec.group(1)) + 1, "", 0
                items.append(_item(f"guide-{section}", "section", "guide", title, []))
            else:
                doc = "measures" if not doc else "guide"
                items.append(_item(doc, "title", None, title, []))
            continue
        art = re.fullmatch(r"\*\*第(.+?)条\*\*" + ARTICLE_GAP + "(.+)", p)
        if art:
            article = ARTICLE_NUMBERS.index(art.group(1)) + 1
            items.append(_item(f"art-{article}", "article", "measures",
                               f"第{art.group(1)}条", [art.group(2)]))
            continue
        if "**" in p:
            raise SourceError(f"unexpected emphasis: {p[:40]}")
        if doc == "measures":
            sub = re.fullmatch(r"（([一二三四五六七八])）(.+)", p)
            if article == 7 and sub:
                k = ITEM_NUMBERS.index(sub.group(1)) + 1
                items.append(_item(f"art-7-{k}", "article-item", "art-7",
                                   f"（{sub.group(1)}）", [sub.group(2)]))
            elif article == 7 and items[-1]["kind"] in ("article-item", "paragraph"):
                k = sum(1 for i in items if i["kind"] == "paragraph") + 2
                items.append(_item(f"art-7-p{k}", "paragraph", "art-7", "", [p]))
            else:  # the title's date line, or a further paragraph of the article
                items[-1]["zh"].append(p)
            continue
        if section == 0:
            raise SourceError(f"text outside a Guide section: {p[:40]}")
        if p.startswith(("符合下列情形之一", "通常情况下")):
            mode, number = ("c" if p.startswith("符合") else "u"), 0
            items.append(_item(f"guide-{section}-{mode}", "lead", f"guide-{section}", "", [p]))
            continue
        num = re.fullmatch(r"(\d+)\.(.+)", p)
        if num and mode:
            number = int(num.group(1))
            items.append(_item(f"guide-{section}-{mode}-{number}",
                               "criterion" if mode == "c" else "condition",
                               f"guide-{section}-{mode}", f"{number}.", [num.group(2)]))
            continue
        sub = re.fullmatch(r"（(\d)）(.+)", p)
        if sub and mode == "u" and number:
            items.append(_item(f"guide-{section}-u-{number}-{sub.group(1)}", "sub-item",
                               f"guide-{section}-u-{number}", f"（{sub.group(1)}）",
                               [sub.group(2)]))
            continue
        if p.startswith("注："):
            items.append(_item("guide-note", "note", "guide", "注：", [p[len("注："):]]))
            continue
        if section == 4 and not mode and items[-1]["anchor"] == "guide-4" and not items[-1]["zh"]:
            items[-1]["zh"].append(p)  # 四、一般: one sentence, no list
            continue
        raise SourceError(f"unrecognised paragraph: {p[:40]}")
    return items


def build(text: str) -> dict[str, Any]:
    paragraphs = region(text)
    items = parse(paragraphs)
    missing = [i["anchor"] for i in items if not i["en"]]
    if missing:
        raise SourceError(f"no English summary for {missing}")
    extra = sorted(set(SUMMARIES_EN) - {i["anchor"] for i in items})
    if extra:
        raise SourceError(f"English summaries for unknown anchors {extra}")
    source = "\n\n".join(paragraphs)
    data = {
        "format": FORMAT,
        "title_zh": "《国家网络安全事件报告管理办法》及附件《网络安全事件分级指南》",
        "title_en": "Measures for the Reporting of National Cybersecurity Incidents and the "
                    "Cybersecurity Incident Grading Guide (annex)",
        "source": "国家互联网信息办公室 2025-09-11 公布，2025-11-01 施行；"
                  "spec/GUIDE-2025.md (verbatim final text)",
        "source_sha256": hashlib.sha256(source.encode("utf-8")).hexdigest(),
        "translation_note_zh": "英文为非官方摘要翻译，仅供参考，以中文原文为准。",
        "translation_note_en": "English: unofficial summary translation for orientation only. "
                               "The Chinese text is the only authoritative text.",
        "items": items,
    }
    guide = Guide.from_data(data)  # the loader's checks (keys, kinds, anchors, parents)
    if markdown(guide) != source:
        raise SourceError("the items do not give back the source text")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path,
                        default=ROOT.parent.parent / "shared" / "spec" / "GUIDE-2025.md")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "resources" / "guide" / "measures-guide-2025.json")
    args = parser.parse_args(argv)
    try:
        data = build(args.src.read_text(encoding="utf-8"))
    except (OSError, SourceError) as exc:
        print(f"build_guide: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['items'])} items, sha256 {data['source_sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
