"""Keep-with rules on random reports (issue 21): seeded reports of many lengths and field
mixes, each rendered in-process and read back with poppler's text positions: no text box
overlaps another or leaves its page, no heading stands at a page's foot, the last item stays
with the signature when they fit on one page, the last page has two body lines before the
signature, and lines broken early for 禁则 are justified to the right edge."""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta
from pathlib import Path

import page_boxes
import pytest
from pdf_cases import GENERATED_AT

from composer.core.classify import classify
from composer.core.hygiene import clean_report
from composer.core.incident_io import load_report
from composer.core.model import Report, ReportType
from composer.core.statement_art11 import HEADING as ART11_HEADING
from composer.render import pdf_layout as L
from composer.render.cjk_lines import MAX_CHAR_SPACE_EM
from composer.render.pdf import ITEM_HEADINGS, SUMMARY_HEADING, render_report_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
HEADINGS = (*ITEM_HEADINGS, SUMMARY_HEADING, ART11_HEADING)   # 十: a summary's Art. 11
SIGNATURE = ("报告单位（盖章）", "负责人签字", "日期")
COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
          "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
          "使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反")
CLOSE = "，。、；：？！）”"
TEXT_FIELDS = ("systems", "location", "description", "impact", "measures", "trend", "cause",
               "clues", "next_steps", "support_requested", "scene_preservation", "other",
               "accountability", "remediation", "lessons", "safeguards", "emergency_plan",
               "harm_mitigation")
FRAME_TOP = L.MARGIN_TOP
FRAME_BOTTOM = L.PAGE_HEIGHT - L.MARGIN_BOTTOM
RIGHT_EDGE = L.MARGIN_LEFT + L.FRAME_WIDTH
COUNT = 200


def _text(rng: random.Random, length: int) -> str:
    out: list[str] = []
    while len(out) < length:
        r = rng.random()
        if r < 0.08:
            out.append(rng.choice(CLOSE) + (rng.choice("。”）") if rng.random() < 0.3 else ""))
        elif r < 0.1:
            out.append("（" + rng.choice(COMMON))
        elif r < 0.12:
            out.append(rng.choice(["2026", "VPN", "10.0.0.1", "CVE-2026-1234"]))
        elif r < 0.13 and length > 60:
            out.append("\n")
        else:
            out.append(rng.choice(COMMON))
    return "".join(out)[:length].strip() or "无"


def _lengths(rng: random.Random) -> int:
    return rng.choice([0] * 8 + [1, 5, 14, 27, 28, 29, 40, 56, 57, 80, 120, 250, 500])


def random_report(seed: int) -> Report:
    rng = random.Random(seed)
    base = load_report(EXAMPLES / rng.choice(["ransomware-retailer.json", "cii-grid-outage.json",
                                                   "phishing-general.json", "central-organ-leak.json"]))
    inc = base.incident
    changes: dict[str, object] = {f: (_text(rng, n) if (n := _lengths(rng)) else None)
                                  for f in TEXT_FIELDS}
    changes["title"] = _text(rng, rng.choice([4, 12, 30, 60]))
    kind = rng.choice([ReportType.INITIAL, ReportType.INITIAL, ReportType.FOLLOW_UP,
                       ReportType.SUMMARY])
    if kind is ReportType.SUMMARY:
        changes["handling_completed_at"] = inc.discovered_at + timedelta(days=2)
    if rng.random() < 0.3:
        changes["delay_reason"] = _text(rng, rng.choice([10, 80]))
    report = dataclasses.replace(base, report_type=kind,
                                 incident=dataclasses.replace(inc, **changes))
    if rng.random() < 0.3:
        report = dataclasses.replace(report, operator=dataclasses.replace(
            report.operator, name=_text(rng, rng.choice([25, 60, 200]))))
    return report


def _kind(line: page_boxes.Box) -> str:
    text = line.text
    if any(text.startswith(h[:6]) for h in HEADINGS):
        return "heading"
    if text.startswith(SIGNATURE):
        return "signature"
    return "body"


def _classified(pages: list[page_boxes.Page]) -> list[list[tuple[str, page_boxes.Box]]]:
    """Each page's lines in the frame, in reading order, as (kind, line); a heading's wrapped
    second line counts as heading."""
    out = []
    for page in pages:
        lines = [b for b in page.lines if b.y1 <= FRAME_BOTTOM + 1]
        kinds: list[tuple[str, page_boxes.Box]] = []
        pending = ""
        for line in lines:
            if pending and pending.startswith(line.text[:4]):
                kinds.append(("heading", line))
                pending = pending[len(line.text):]
                continue
            kind = _kind(line)
            if kind == "heading":
                full = next(h for h in HEADINGS if line.text.startswith(h[:6]))
                pending = full[len(line.text):]
            else:
                pending = ""
            kinds.append((kind, line))
        out.append(kinds)
    return out


def layout_problems(pdf: bytes) -> list[str]:
    pages = page_boxes.pages(pdf)
    problems = []
    for n, page in enumerate(pages, 1):
        if page_boxes.overlaps(page):
            problems.append(f"page {n}: overlapping text {page_boxes.overlaps(page)[:2]}")
        off = page_boxes.outside(page, L.MARGIN_LEFT, RIGHT_EDGE, FRAME_TOP - 2,
                                 page.height - 20)
        if off:
            problems.append(f"page {n}: text outside the type area {off[:2]}")
    lines = _classified(pages)
    for n, page in enumerate(lines):
        for i, (kind, _) in enumerate(page):
            if kind != "heading" or (i + 1 < len(page) and page[i + 1][0] == "heading"):
                continue
            following = [k for k, _ in page[i + 1:]]
            after = next((j for j, k in enumerate(following) if k != "body"), None)
            if after is None:   # the item runs on to the next page: two of its lines here
                after = len(following)
                nxt = lines[n + 1] if n + 1 < len(lines) else []
                ended = not nxt or nxt[0][0] != "body"
                if after < 2 and not ended:
                    problems.append(f"page {n + 1}: heading with {after} line(s) at its foot")
    if len(lines) > 1:
        last = lines[-1]
        sig = next(i for i, (k, _) in enumerate(last) if k == "signature")
        if sum(k == "body" for k, _ in last[:sig]) < 2:
            problems.append("last page: fewer than two body lines before the signature")
        heads = [(p, i) for p, page in enumerate(lines) for i, (k, _) in enumerate(page)
                 if k == "heading"]
        hp, hi = heads[-1]
        if hp == len(lines) - 2:
            # the last item and the signature on two pages: together they must not fit one
            first = lines[hp][hi][1]
            on_first = lines[hp][-1][1].y1 - first.y0
            on_last = last[-1][1].y1 - last[0][1].y0
            if on_first + on_last + L.BODY_LEADING < L.FRAME_HEIGHT - 60:
                problems.append(f"last item ({on_first + on_last:.0f} pt with the signature) "
                                "split from it although they fit one page")
    return problems


def short_lines(pdf: bytes) -> tuple[int, int]:
    """(non-final body lines, those ending short of the right edge by half a character up to
    a quarter line or a quarter em between characters — what a character carried over for 禁则
    leaves): a line followed, at one leading, by an unindented line of the same paragraph. (A
    line that keeps a long Latin word whole, or would need wider spacing, may stay ragged.)"""
    total = short = 0
    for page in page_boxes.pages(pdf):
        body = [b for b in page.lines if b.y1 <= FRAME_BOTTOM + 1 and b.x0 < L.MARGIN_LEFT + 1]
        for a, b in zip(page.lines, page.lines[1:], strict=False):
            if a not in body or b not in body or abs((b.y0 - a.y0) - L.BODY_LEADING) > 0.5:
                continue
            if not a.text or not b.text or a.text[-1].isascii() or b.text[0].isascii():
                continue
            total += 1
            room = min(L.FRAME_WIDTH / 4,
                       MAX_CHAR_SPACE_EM * L.BODY_SIZE * (len(a.text) - 1))
            short += RIGHT_EDGE - room <= a.x1 < RIGHT_EDGE - L.BODY_SIZE / 2
    return total, short


pytestmark = pytest.mark.skipif(not page_boxes.available(),
                                reason="pdftotext (poppler-utils) not installed; .ci/run installs it")


def test_random_reports_keep_every_rule() -> None:
    failures, pages, justified = [], 0, [0, 0]
    for seed in range(COUNT):
        report = clean_report(random_report(seed)).report
        pdf = render_report_pdf(report, classify(report), generated_at=GENERATED_AT)
        problems = layout_problems(pdf)
        pages += len(page_boxes.pages(pdf)) if problems else 0
        if problems:
            failures.append((seed, problems))
        total, short = short_lines(pdf)
        justified[0] += total
        justified[1] += short
    assert not failures, failures[:5]
    assert justified[0] > 1000 and justified[1] == 0, justified


def test_the_checks_see_a_heading_left_at_a_pages_foot() -> None:
    """The checks themselves: a story with a heading forced to a page's foot is caught."""
    from reportlab.platypus import PageBreak, Spacer

    st = L.report_styles(__import__("composer.render.typefaces", fromlist=["bundled"]).bundled())
    import io

    buf = io.BytesIO()
    doc = L.document(buf)
    story = [Spacer(1, L.FRAME_HEIGHT - 3 * L.BODY_LEADING),
             L.CJKParagraph(ITEM_HEADINGS[7], st.heading), PageBreak(),
             L.CJKParagraph("正文" * 30, st.body), L.CJKParagraph("报告单位（盖章）：", st.body)]
    doc.build(story)
    assert any("at its foot" in p for p in layout_problems(buf.getvalue()))
