"""Figures, times and phone numbers as they are said on the telephone."""

from __future__ import annotations

import pytest

from composer.core import spoken


@pytest.mark.parametrize(("n", "text"), [
    (0, "零"), (7, "七"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百零五"),
    (1005, "一千零五"), (1050, "一千零五十"), (10000, "一万"), (10001, "一万零一"),
    (110000, "十一万"), (1200000, "一百二十万"), (1050000, "一百零五万"),
    (12000000, "一千二百万"), (100000000, "一亿"), (250000000, "二亿五千万"),
    (100050000, "一亿零五万"),
])
def test_cardinal(n, text):
    assert spoken.cardinal(n) == text


@pytest.mark.parametrize(("n", "text"), [
    (1200000, "约一百二十万"), (1234567, "约一百二十三万"), (2500000, "约二百五十万"),
    (9999, "九千九百九十九"), (123456789, "约一亿二千三百万"), (800000, "约八十万"),
])
def test_about_rounds_large_counts_as_said_on_the_phone(n, text):
    assert spoken.about(n) == text


@pytest.mark.parametrize(("hours", "text"), [
    (7, "七小时"), (2, "两小时"), (1.5, "一个半小时"), (0.5, "三十分钟"), (0.75, "四十五分钟"),
    (2.25, "两小时十五分钟"),
])
def test_hours(hours, text):
    assert spoken.hours_text(hours) == text


def test_phone_numbers_are_read_digit_by_digit_with_yao():
    assert spoken.digits("010-66668888") == "零幺零，六六六六，八八八八"
    assert spoken.digits("13812345678") == "幺三八，幺二三四，五六七八"


def test_reasons_read_their_figures_aloud():
    assert spoken.spoken_figures("公民个人信息泄露 1,200,000 人（≥ 1,000,000 人）") == \
        "公民个人信息泄露约一百二十万人，达到一百万人以上的标准"
    assert spoken.spoken_figures("整体中断运行 7 小时（≥ 6 小时）") == \
        "整体中断运行七小时，达到六小时以上的标准"
    assert spoken.spoken_figures("地市级行政区 35% 人口受到影响（≥ 30%）") == \
        "地市级行政区百分之三十五人口受到影响，达到百分之三十以上的标准"
