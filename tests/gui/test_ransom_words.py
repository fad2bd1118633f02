"""Art. 7's words for the ransom parts of item 2 (赎金金额、支付方式、索要日期) are the same
everywhere: the input form, the problem messages, the fast-path checklist, the PDF wording."""

from __future__ import annotations

from composer.core import art7, problem_text
from composer.core.flow import Step

PATHS = ("incident.ransom.amount", "incident.ransom.method", "incident.ransom.demanded_at")


def test_core_and_render_share_the_words():
    assert art7.RANSOM_LABELS == ("赎金金额", "支付方式", "索要日期")
    assert tuple(p.zh for p in art7.PARTS if p.ransom) == art7.RANSOM_LABELS
    assert tuple(problem_text.FIELD_ZH[p] for p in PATHS) == art7.RANSOM_LABELS


def test_input_labels_are_art7_words(window):
    page = window.wizard.pages[Step.BASIC]
    page.ensure_built()
    shown = tuple(page._labels[p][0].text() for p in PATHS)
    assert shown == art7.RANSOM_LABELS
