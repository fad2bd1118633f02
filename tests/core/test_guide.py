"""The bundled law text: complete, verbatim, well-formed; lookup, search and citations."""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import re
from pathlib import Path

import pytest

from composer.core.guide import (
    DATA,
    Guide,
    GuideDataError,
    fact_anchors,
    load_guide,
    markdown,
    place,
    source_paragraphs,
)
from composer.core.rules import grading_rules
from composer.resources import read_json

# SHA-256 of the law's text in GUIDE-2025.md (from the Measures' title to the end, paragraphs
# stripped and joined by one blank line), recorded when the data was built.
SOURCE_SHA256 = "1424abe63b67d6dbe122abaecc2ef1f55f20c13dbbde518d791c250c0d27e57d"
ROOT = Path(__file__).resolve().parents[2]
SPEC_CANDIDATES = [p / "shared" / "spec" / "GUIDE-2025.md" for p in ROOT.parents[:3]]


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide()


def test_the_data_gives_back_the_source_text(guide):
    text = markdown(guide)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == SOURCE_SHA256
    assert guide.source_sha256 == SOURCE_SHA256


def test_the_data_equals_the_spec_when_the_spec_is_at_hand(guide):
    spec = next((p for p in SPEC_CANDIDATES if p.is_file()), None)
    if spec is None:
        pytest.skip("GUIDE-2025.md not beside the repository")
    text = spec.read_text(encoding="utf-8")
    law = text[text.index("**国家网络安全事件报告管理办法**"):]
    assert markdown(guide) == "\n\n".join(source_paragraphs(law))


def test_the_tool_rebuilds_the_committed_data_when_the_spec_is_at_hand():
    spec = next((p for p in SPEC_CANDIDATES if p.is_file()), None)
    if spec is None:
        pytest.skip("GUIDE-2025.md not beside the repository")
    loader = importlib.util.spec_from_file_location("build_guide", ROOT / "tools" / "build_guide.py")
    assert loader is not None and loader.loader is not None
    tool = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(tool)
    built = tool.build(spec.read_text(encoding="utf-8"))
    assert built == read_json(DATA)
    # a paragraph the parser does not know is an error, not silently dropped or misfiled
    with pytest.raises(tool.SourceError, match="unrecognised"):
        tool.build(spec.read_text(encoding="utf-8").replace("注：本指南", "附：本指南"))


def test_every_article_and_item_is_there(guide):
    anchors = [i.anchor for i in guide.items]
    assert anchors[:2] == ["measures", "art-1"]
    assert [a for a in anchors if re.fullmatch(r"art-\d+", a)] == [f"art-{n}" for n in
                                                                   range(1, 15)]
    assert [a for a in anchors if re.fullmatch(r"art-7-\d", a)] == [f"art-7-{k}" for k in
                                                                    range(1, 9)]
    assert {"art-7-p2", "art-7-p3", "guide", "guide-note"} <= set(anchors)
    for s in (1, 2, 3):
        assert f"guide-{s}" in guide
        assert [a for a in anchors if re.fullmatch(rf"guide-{s}-c-\d", a)] == \
            [f"guide-{s}-c-{n}" for n in range(1, 4)]
        assert [a for a in anchors if re.fullmatch(rf"guide-{s}-u-\d", a)] == \
            [f"guide-{s}-u-{n}" for n in range(1, 9)]
        assert [a for a in anchors if re.fullmatch(rf"guide-{s}-u-6-\d", a)] == \
            [f"guide-{s}-u-6-{k}" for k in range(1, 5)]
    assert guide.item("guide-4").zh[0].startswith("除上述网络安全事件外")
    assert len(anchors) == len(set(anchors)) == 82


def test_known_sentences_verbatim(guide):
    assert guide.item("guide-2-u-2").text == \
        "2.关键信息基础设施整体中断运行1小时以上或主要功能中断运行3小时以上。"
    assert guide.item("guide-1-u-2").zh == ("关键信息基础设施整体中断运行6小时以上或主要功能中断运行24小时以上。",)
    assert guide.item("art-4").text.startswith("第四条\u00a0网络运营者在发现或获知涉及本单位")
    assert "最迟不得超过1小时" in guide.item("art-4").zh[1]
    assert guide.item("art-7-2").label == "（二）"
    assert guide.item("art-7-p2").zh[0].startswith("对于规定时间内不能判定事发原因")
    assert guide.item("guide-2-u-4").zh[0].endswith("篡改、仿冒，对国家安全和社会稳定构成严重威胁。")
    assert guide.item("guide-1-u-4").zh[0].endswith("篡改、假冒，对国家安全和社会稳定构成特别严重威胁。")
    assert guide.item("guide-3-u-6-1").text == "（1）在主页上出现并持续30分钟以上，或在其他页面出现并持续2小时以上；"
    assert guide.item("guide-note").text == "注：本指南中的“以上”均包括本数。"
    assert guide.item("art-14").zh == ("本办法自2025年11月1日起施行。",)


def test_structure_parents_and_kinds(guide):
    assert guide.item("art-7-3").parent == "art-7"
    assert guide.item("guide-2-u-6-1").parent == "guide-2-u-6"
    assert [i.anchor for i in guide.ancestors("guide-2-u-6-1")] == \
        ["guide-2-u-6", "guide-2-u", "guide-2", "guide"]
    sub = [i.anchor for i in guide.subtree("art-7")]
    assert sub == ["art-7", *(f"art-7-{k}" for k in range(1, 9)), "art-7-p2", "art-7-p3"]
    assert [i.anchor for i in guide.subtree("art-1")] == ["art-1"]  # not art-10 … art-14
    assert {i.kind for i in guide.items} == {"title", "article", "article-item", "paragraph",
                                             "section", "lead", "criterion", "condition",
                                             "sub-item", "note"}
    assert all(i.en.strip() for i in guide.items)


def test_unknown_keys_and_bad_items_are_refused():
    good = read_json(DATA)
    Guide.from_data(copy.deepcopy(good))
    bad = copy.deepcopy(good)
    bad["extra"] = 1
    with pytest.raises(GuideDataError, match="extra"):
        Guide.from_data(bad)
    bad = copy.deepcopy(good)
    bad["items"][3]["note"] = "x"
    with pytest.raises(GuideDataError, match=r"items\[3\]"):
        Guide.from_data(bad)
    bad = copy.deepcopy(good)
    bad["items"][5]["anchor"] = bad["items"][4]["anchor"]
    with pytest.raises(GuideDataError, match="given twice"):
        Guide.from_data(bad)
    bad = copy.deepcopy(good)
    bad["items"][2]["parent"] = "art-99"
    with pytest.raises(GuideDataError, match="parent"):
        Guide.from_data(bad)
    bad = copy.deepcopy(good)
    bad["items"][2]["kind"] = "chapter"
    with pytest.raises(GuideDataError, match="kind"):
        Guide.from_data(bad)
    bad = copy.deepcopy(good)
    bad["items"][2]["en"] = " "
    with pytest.raises(GuideDataError, match="malformed"):
        Guide.from_data(bad)


def test_lookup(guide):
    assert guide.get("art-99") is None
    with pytest.raises(KeyError, match="art-99"):
        guide.item("art-99")
    assert "guide-2-u-2" in guide and "guide-9" not in guide


def test_search(guide):
    hits = guide.search("关键信息基础设施整体中断运行")
    assert [h.anchor for h in hits] == ["guide-1-u-2", "guide-2-u-2", "guide-3-u-2"]
    h = hits[1]
    para = guide.item(h.anchor).paragraphs()[h.paragraph]
    assert para[h.start:h.end] == "关键信息基础设施整体中断运行"
    assert h.start == 2  # after the label "2."
    assert len(guide.search("大范围")) >= 6
    assert guide.search("   ") == []
    assert guide.search("nothing like this") == []
    # English summaries only when asked, case-insensitively
    assert guide.search("ransomware") == []
    en = guide.search("RANSOMWARE", english=True)
    assert [(m.anchor, m.field) for m in en] == [("art-7-2", "en")]
    assert guide.item("art-7-2").en[en[0].start:en[0].end].lower() == "ransomware"
    # overlapping text: each occurrence once, in order
    assert [m.start for m in guide.search("以上", english=False)
            if m.anchor == "guide-note"] == [8]


def test_place():
    assert place("art-4") == "《办法》第四条"
    assert place("art-11") == "《办法》第十一条"
    assert place("art-7-2") == "《办法》第七条第（二）项"
    assert place("art-7-p2") == "《办法》第七条第二款"
    assert place("guide-2-u-2") == "《指南》二、通常情况第2项"
    assert place("guide-3-c-2") == "《指南》三、情形第2项"
    assert place("guide-1-u-6-3") == "《指南》一、通常情况第6项（3）"
    assert place("guide-2-u") == "《指南》二、重大网络安全事件：通常情况"
    assert place("guide-note") == "《指南》注"
    assert place("guide") == "《网络安全事件分级指南》"
    assert place("art-7-2", "en") == "Measures Art. 7 item (2)"
    assert place("art-7-p3", "en") == "Measures Art. 7 ¶3"
    assert place("guide-2-u-2", "en") == "Guide II, usual criteria item 2"
    assert place("nonsense-1") == "nonsense-1"
    assert place("guide-9-u-1") == "guide-9-u-1"


def test_every_item_has_a_citation(guide):
    for item in guide.items:
        assert place(item.anchor) != item.anchor and place(item.anchor, "en") != item.anchor


def test_every_anchor_of_the_rule_data_is_an_item(guide):
    """The grading rules point into this text: each of their anchors exists, and every
    numbered condition of the three reportable levels is cited by some rule."""
    cited = {t.guide for family in grading_rules() for c in family.criteria for t in c.tests}
    assert cited and cited <= {i.anchor for i in guide.items}
    for s in (1, 2, 3):
        for n in (1, 2, 3, 4, 5, 7):
            assert f"guide-{s}-u-{n}" in cited
    assert fact_anchors("cii_total_outage_hours") == ["guide-1-u-2", "guide-2-u-2", "guide-3-u-2"]
    assert fact_anchors("no_such_fact") == []
