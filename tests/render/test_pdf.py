"""The report PDF: content, order, fonts, page numbers, metadata, line breaking, determinism."""

from __future__ import annotations

import io
import re
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4

from composer import __version__
from composer.core.classify import Classification, classify
from composer.core.grading import UNVERIFIED_NOTICE
from composer.core.incident_io import load_report
from composer.core.model import ImpactFacts, Level, Ransom, Report, ReportType
from composer.render import cjk_lines, fonts
from composer.render import pdf_layout as L
from composer.render.pdf import (
    ART7_PARA2,
    CONFIRMED_BY_UNIT,
    ITEM_HEADINGS,
    SUMMARY_HEADING,
    VOLUNTARY,
    render_report_pdf,
)

sys.path.insert(0, str(Path(__file__).parent))
from pdf_cases import (
    CLOSING,
    GENERATED_AT,
    LONG_NUMBER,
    MARKUP,
    PUNCT,
    RANSOM_AMOUNT,
    RARE,
    adversarial,
    long_report,
    punctuation_torture,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.json") if p.name != "expected.json")
FOOTER = re.compile(r"第 (\d+) 页 共 (\d+) 页")


def example(name: str) -> Report:
    return load_report(EXAMPLES / f"{name}.json")


def render(report: Report, classification: Classification | None = None,
           generated_at: datetime = GENERATED_AT) -> bytes:
    return render_report_pdf(report, classification or classify(report),
                             generated_at=generated_at)


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(pdf: bytes) -> str:
    """All text with page footers and whitespace removed (a field split over pages rejoins)."""
    return re.sub(r"\s+", "", FOOTER.sub("", "".join(pages_text(pdf))))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def adversarial_pdf() -> bytes:
    return render(adversarial())


@pytest.fixture(scope="module")
def ransomware_pdf() -> bytes:
    return render(example("ransomware-retailer"))


# --- content -----------------------------------------------------------------------------------


def test_every_adversarial_character_survives(adversarial_pdf: bytes) -> None:
    text = flat(adversarial_pdf)
    for needle in (MARKUP, PUNCT, RARE, LONG_NUMBER, RANSOM_AMOUNT, "<b>&amp;5<6",
                   "attacker@example.com", "203.0.113.7"):
        assert squash(needle) in text, needle
    for ch in squash(MARKUP + PUNCT + RARE + LONG_NUMBER + RANSOM_AMOUNT):
        assert ch in text, f"U+{ord(ch):04X} missing"


def test_rare_characters_extract_as_themselves(adversarial_pdf: bytes) -> None:
    # 𠇔 is above U+FFFF: needs the ToUnicode fix of composer.render.fonts.
    assert f"「{RARE}」" in squash(pages_text(adversarial_pdf)[0])


def test_user_markup_is_not_interpreted(adversarial_pdf: bytes) -> None:
    text = flat(adversarial_pdf)
    assert "<b>&amp;5<6</b>&\"双引号\"'single'<br/><fontname=x>" in text


def test_title_names_the_report_type() -> None:
    base = example("ransomware-retailer")
    for report_type in ReportType:
        pdf = render(replace(base, report_type=report_type))
        first = pages_text(pdf)[0].splitlines()[0].strip()
        assert first == f"网络安全事件报告（{report_type.zh}）"


def test_eight_headings_in_order(adversarial_pdf: bytes, ransomware_pdf: bytes) -> None:
    for pdf in (adversarial_pdf, ransomware_pdf):
        text = flat(pdf)
        positions = [text.find(squash(h)) for h in ITEM_HEADINGS]
        assert all(p >= 0 for p in positions), positions
        assert positions == sorted(positions)


def _item_bodies(pdf: bytes) -> list[str]:
    text = flat(pdf)
    cuts = [text.find(squash(h)) for h in ITEM_HEADINGS]
    ends = [*cuts[1:], text.find("报告单位（盖章）")]
    return [text[c + len(squash(h)):e] for c, e, h in zip(cuts, ends, ITEM_HEADINGS, strict=True)]


def test_empty_items_read_to_be_supplemented(ransomware_pdf: bytes) -> None:
    bodies = _item_bodies(ransomware_pdf)
    for body in bodies[2:]:
        assert body.startswith("待补报"), body
    # the place (item 2) is neither given nor marked: items 1-2 are not all there
    assert "事件地点：待补报" in bodies[1]
    assert squash(ART7_PARA2) not in flat(ransomware_pdf)


def test_fast_path_sentence_only_when_items_1_2_are_there() -> None:
    base = example("ransomware-retailer")
    marked = replace(base, incident=replace(base.incident, not_yet_known=("location",)))
    text = flat(render(marked))
    assert squash(ART7_PARA2) in text
    assert "事件地点：暂不掌握，将及时补报" in text
    placed = replace(base, incident=replace(base.incident, location="杭州市"))
    assert squash(ART7_PARA2) in flat(render(placed))
    # ransomware: the demanded amount is part of item 2
    no_amount = replace(placed, incident=replace(
        placed.incident, ransom=replace(placed.incident.ransom, amount=None)))
    text = flat(render(no_amount))
    assert squash(ART7_PARA2) not in text and "赎金金额：待补报" in text
    # a mark is stale once the value is typed: the value is printed
    both = replace(placed, incident=replace(placed.incident, not_yet_known=("location",)))
    assert "事件地点：杭州市" in flat(render(both))


def test_police_report_printed_exactly_as_stated() -> None:
    from composer.core.model import PoliceReport
    base = example("ransomware-retailer")
    crime = replace(base, incident=replace(base.incident, suspected_crime=True))
    text = flat(render(crime))
    assert "事件涉嫌违法犯罪。" in text and "报案" not in text.split("八、")[-1]
    assert "本单位依法向公安机关报案" not in text
    not_yet = replace(crime, incident=replace(crime.incident,
                                              police_report=PoliceReport(reported=False)))
    assert "事件涉嫌违法犯罪。尚未向公安机关报案。" in flat(render(not_yet))
    told = replace(crime, incident=replace(crime.incident, police_report=PoliceReport(
        reported=True, at=datetime.fromisoformat("2026-11-18T15:10:00+08:00"),
        to="杭州市公安局网警支队")))
    assert "已于2026-11-1815:10（北京时间）向杭州市公安局网警支队报案。" in flat(render(told))


def test_full_report_has_nothing_to_supplement(adversarial_pdf: bytes) -> None:
    text = flat(adversarial_pdf)
    assert "待补报" not in text
    assert squash(ART7_PARA2) not in text
    bodies = _item_bodies(adversarial_pdf)
    assert "请求技术支持" in bodies[5]
    assert "涉嫌违法犯罪" in bodies[7]


def test_art7_sentence_only_for_initial_reports() -> None:
    base = example("ransomware-retailer")
    assert squash(ART7_PARA2) not in flat(render(replace(base, report_type=ReportType.FOLLOW_UP)))
    # one later item given: no longer "items 1-2 first"
    partial = replace(base, incident=replace(base.incident, cause="弱口令"))
    text = flat(render(partial))
    assert squash(ART7_PARA2) not in text
    assert "待补报" in text


def test_header_block(ransomware_pdf: bytes) -> None:
    text = flat(ransomware_pdf)
    for needle in ("主送", "浙江省网信办", "12387@cert.org.cn", "010-82992387",
                   "华东优选零售有限公司（其他网络运营者）", "刘洋", "010-66668888",
                   "liuyang@example.cn", "2026-11-1814:05（北京时间）",
                   "较大", "公民个人信息泄露1,200,000人（≥1,000,000人）",
                   "2026-11-1818:05（北京时间）前报送浙江省网信办"):
        assert needle in text, needle
    assert "自愿报告" not in text
    assert UNVERIFIED_NOTICE not in text


def test_times_are_shown_in_beijing_time_to_the_minute(adversarial_pdf: bytes) -> None:
    # discovered_at is 06:05:59Z in the file
    text = flat(adversarial_pdf)
    assert "2026-11-1814:05（北京时间）" in text
    assert "14:05:59" not in text


def test_credit_code_shown_when_given(adversarial_pdf: bytes, ransomware_pdf: bytes) -> None:
    assert "统一社会信用代码：91330000MA27XXXX0X" in flat(adversarial_pdf)
    assert "统一社会信用代码" not in flat(ransomware_pdf)


def test_general_incident_is_a_voluntary_report() -> None:
    # settled 一般: the unit states that the impact facts it did not give do not apply
    text = flat(render(replace(example("phishing-general"), impact_assessed=True)))
    assert squash(VOLUNTARY) in text
    assert "报告时限" not in text and "待研判" not in text


def test_unknown_impact_is_pending_never_general() -> None:
    """Issue 18: no impact fact at all is 待研判 — never 一般, never 自愿报告 — with the route
    and deadline that apply if it proves 较大 or above, and the facts still being established."""
    text = flat(render(example("phishing-general")))
    assert "事件级别待研判" in text and "自愿报告" not in text and "一般" not in text
    assert "如为较大以上事件，应于2026-11-2114:00（北京时间）前报送江苏省网信办" in text
    assert "下列事实尚在核实" in text and "个人信息泄露人数" in text


def test_cii_lists_both_recipients() -> None:
    text = flat(render(example("cii-grid-outage")))
    assert "国家能源局" in text and "公安机关" in text
    assert "特别重大" in text


def test_ransom_items_only_for_ransomware(ransomware_pdf: bytes) -> None:
    text = flat(ransomware_pdf)
    for needle in ("赎金金额：3BTC", "支付方式：比特币转账至指定钱包",
                   "索要日期：2026-11-1813:40（北京时间）"):
        assert needle in text
    base = example("ransomware-retailer")
    not_ransomware = replace(base, incident=replace(base.incident, category="malware"))
    text = flat(render(not_ransomware))
    assert "勒索赎金" not in text and "3BTC" not in text
    no_ransom_data = replace(base, incident=replace(base.incident, ransom=None))
    assert "赎金金额：待补报" in flat(render(no_ransom_data))


def test_ransom_amount_of_adversarial_report(adversarial_pdf: bytes) -> None:
    assert f"赎金金额：{squash(RANSOM_AMOUNT)}" in flat(adversarial_pdf)


def test_needs_confirmation_notice() -> None:
    base = example("ransomware-retailer")
    # ≥ 100,000 people's services affected is 较大 on one source only: the level rests on it
    one_source = replace(base, impact_facts=ImpactFacts(people_services_affected=150_000))
    c = classify(one_source)
    assert c.grading.needs_confirmation
    pages = pages_text(render(one_source, c))
    assert UNVERIFIED_NOTICE in squash(pages[0])


def test_confirmed_level_replaces_the_unverified_notice() -> None:
    base = example("phishing-general")
    confirmed = replace(base, impact_facts=ImpactFacts(people_services_affected=150_000),
                        level_confirmed=Level.RELATIVELY_MAJOR)
    c = classify(confirmed)
    assert c.grading.needs_confirmation and c.level_confirmed
    text = squash("".join(pages_text(render(confirmed, c))))
    assert UNVERIFIED_NOTICE not in text
    assert squash(CONFIRMED_BY_UNIT) in text


def test_summary_report_shows_handling_completed() -> None:
    report = adversarial(ReportType.SUMMARY)
    text = flat(render(report))
    assert "网络安全事件报告（总结报告）" in text
    assert "事件处置结束时间：2026-11-2018:00（北京时间）" in text
    # Art. 8: accountability, remediation, lessons — after the eight items, 待补报 when empty
    assert text.index(squash(SUMMARY_HEADING)) > text.index(squash(ITEM_HEADINGS[7]))
    assert "（一）责任处理情况：待补报" in text
    filled = replace(report, incident=replace(report.incident, accountability="已约谈运维负责人。",
                                              remediation="已修补 VPN 漏洞。",
                                              lessons=f"加强补丁管理{MARKUP}"))
    text = flat(render(filled))
    assert "（一）责任处理情况：已约谈运维负责人。" in text
    assert "（三）经验教训：加强补丁管理" + squash(MARKUP) in text


def test_summary_section_only_in_summary_reports() -> None:
    text = flat(render(adversarial(ReportType.FOLLOW_UP)))
    assert "网络安全事件报告（续报）" in text and squash(SUMMARY_HEADING) not in text


# --- pages, fonts, metadata ------------------------------------------------------------------------


def test_footer_on_every_page(adversarial_pdf: bytes) -> None:
    pages = pages_text(adversarial_pdf)
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in text


def test_a4_pages(adversarial_pdf: bytes) -> None:
    for page in pypdf.PdfReader(io.BytesIO(adversarial_pdf)).pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=0.01)


def test_only_embedded_bundled_fonts(adversarial_pdf: bytes) -> None:
    seen = set()
    for page in pypdf.PdfReader(io.BytesIO(adversarial_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            seen.add(name.split("+", 1)[1])
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, name
            assert "/ToUnicode" in font, name
    # serif title and body (GB/T 9704 Song/FangSong roles), sans headings (黑体) and the sans
    # for the characters the serif lacks (𠇔 of the adversarial text)
    assert seen == {"ComposerSerifSC-Regular", "ComposerSerifSC-Bold", "ComposerSansSC-Regular",
                    "ComposerSansSC-Bold"}


def test_metadata(ransomware_pdf: bytes) -> None:
    meta = pypdf.PdfReader(io.BytesIO(ransomware_pdf)).metadata
    assert meta.title == "网络安全事件报告（首报）：会员系统遭勒索病毒攻击"
    assert meta.author == "华东优选零售有限公司"
    assert meta.creator == f"Composer {__version__}"
    assert "会员系统遭勒索病毒攻击" in meta.subject
    assert "首报" in meta["/Keywords"] and "较大事件" in meta["/Keywords"]
    assert meta["/CreationDate"] == "D:20261118153012+08'00'"


def test_metadata_of_adversarial_text() -> None:
    base = adversarial()
    report = replace(base, operator=replace(base.operator, name="A)B(C\\D 𠇔"),
                     incident=replace(base.incident, title="T)(\\\r\n <b>x"))
    meta = pypdf.PdfReader(io.BytesIO(render(report))).metadata
    assert meta.title == "网络安全事件报告（首报）：T)(\\ <b>x"
    assert meta.author == "A)B(C\\D 𠇔"


def test_signature_block_at_the_end(adversarial_pdf: bytes) -> None:
    last = squash(pages_text(adversarial_pdf)[-1])
    for needle in ("报告单位（盖章）", "负责人签字", "日期", "年", "月", "日"):
        assert needle in last
    assert flat(adversarial_pdf).find("报告单位（盖章）") > flat(adversarial_pdf).find(
        squash(ITEM_HEADINGS[7]))


def test_deterministic(ransomware_pdf: bytes) -> None:
    report = example("ransomware-retailer")
    assert render(report) == ransomware_pdf
    later = render(report, generated_at=GENERATED_AT + timedelta(minutes=1))
    assert later != ransomware_pdf


def test_naive_generated_at_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        render(example("phishing-general"), generated_at=datetime(2026, 11, 18, 15, 30))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_render(path: Path) -> None:
    report = load_report(path)
    pdf = render(report)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    text = flat(pdf)
    assert squash(report.incident.title) in text
    assert squash(report.operator.name) in text


def test_two_hundred_pages_render() -> None:
    """Their time is a figure of bench/bench_package.py (goal ≤ 3 s for the whole package)."""
    report = long_report(135_000)
    pdf = render(report)
    pages = pages_text(pdf)
    assert len(pages) >= 200
    assert f"第 {len(pages)} 页 共 {len(pages)} 页" in pages[-1]


def test_one_paragraph_over_many_pages() -> None:
    base = adversarial()
    text = "数据库服务器被加密，攻击者要求支付赎金。" * 3000         # 60,000 characters
    report = replace(base, incident=replace(base.incident, description=text + "终"))
    pdf = render(report)      # its time: bench/bench_render.py --long-paragraph
    assert squash(text + "终") in flat(pdf)


# --- line breaking -------------------------------------------------------------------------------


def _assert_kinsoku(lines: list[str]) -> None:
    for i, line in enumerate(lines):
        line = line.strip()
        if line:
            assert line[0] not in CLOSING, f"line {i} starts with closing punctuation: {line!r}"


def test_no_extracted_line_starts_with_closing_punctuation(adversarial_pdf: bytes) -> None:
    lines = [line for page in pages_text(adversarial_pdf) for line in page.splitlines()]
    assert len(lines) > 200
    _assert_kinsoku(lines)


def _line_texts(paragraph: L.CJKParagraph) -> list[str]:
    return ["".join(w.text for w in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("width", range(120, 460, 23))
def test_kinsoku_at_many_widths(width: int) -> None:
    fonts.register()
    text = punctuation_torture(1) + "〔注〕“引号”（括号）" + LONG_NUMBER * 3
    p = L.CJKParagraph(fonts.paragraph_markup(text), L.BODY)
    p.wrap(width, 1e9)
    lines = _line_texts(p)
    _assert_kinsoku(lines)
    for line in lines[:-1]:
        assert line.rstrip()[-1] not in cjk_lines.OPENING, line
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in p.blPara.lines:
        assert line.currentWidth <= width + 0.01     # nothing hangs into the margin


def test_kinsoku_reportlab_alone_would_fail() -> None:
    """The test above can fail: reportlab's own CJK wrap starts lines with ，"""
    from reportlab.platypus import Paragraph

    fonts.register()
    text = punctuation_torture(1)
    p = Paragraph(fonts.paragraph_markup(text), L.BODY)
    p.wrap(L.FRAME_WIDTH, 1e9)
    lines = p.blPara.lines          # one fragment: reportlab's wordSplit, kind 0 lines
    starts = {"".join(line[1]).strip()[:1] for line in lines}
    assert starts & set(CLOSING)


def test_numbers_are_not_cut() -> None:
    fonts.register()
    text = ("字" * 20 + f" {LONG_NUMBER} ") * 6
    p = L.CJKParagraph(fonts.paragraph_markup(text), L.BODY)
    p.wrap(L.FRAME_WIDTH, 1e9)
    assert all(LONG_NUMBER in line or "1" not in line for line in _line_texts(p))


def test_split_reuses_lines_exactly() -> None:
    """A paragraph split over pages draws the same lines as the unsplit paragraph."""
    fonts.register()
    text = fonts.paragraph_markup(punctuation_torture(2))
    whole = L.CJKParagraph(text, L.BODY)
    whole.wrap(L.FRAME_WIDTH, 1e9)
    expected = _line_texts(whole)
    pieces: list[str] = []
    rest = L.CJKParagraph(text, L.BODY)
    while True:
        rest.wrap(L.FRAME_WIDTH, 10 * L.BODY_LEADING)
        parts = rest.split(L.FRAME_WIDTH, 10 * L.BODY_LEADING)
        if len(parts) < 2:
            pieces += _line_texts(rest)
            break
        pieces += _line_texts(parts[0])
        rest = parts[1]
    assert pieces == expected


def test_ransom_given_for_other_category_is_not_printed() -> None:
    base = example("cii-grid-outage")
    with_ransom = replace(base, incident=replace(base.incident, ransom=Ransom(amount="99 BTC")))
    assert "99BTC" not in flat(render(with_ransom))
