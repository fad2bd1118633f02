"""Numbers, times and phone numbers the way one says them on the telephone, in Chinese.

Qt-free. Used by the hotline phone script (:mod:`composer.render.script`):

* :func:`cardinal` — 1200000 → ``一百二十万``, 1050 → ``一千零五十``, 250000000 → ``二亿五千万``.
* :func:`about` — large counts rounded the way they are said on the phone: 1200000 →
  ``约一百二十万``, 1234567 → ``约一百二十三万``; below ten thousand the exact number.
* :func:`hours_text` — 7 → ``七小时``, 1.5 → ``一个半小时``, 0.75 → ``四十五分钟``.
* :func:`digits` — a telephone number read digit by digit, 1 as 幺 (``零幺零，六六六六…``).
* :func:`spoken_figures` — a grading reason with its figures read out.
* :func:`spoken_time` — a time as said: ``十一月十八日十四时零五分``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from decimal import ROUND_DOWN, Decimal

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_PHONE_DIGITS = "零幺二三四五六七八九"


def _below_10000(n: int) -> str:
    """0 < n < 10000, with 零 for skipped places (一千零五), 十 not 一十 only at the start."""
    out: list[str] = []
    zero = False
    for place in range(3, -1, -1):
        d = (n // 10 ** place) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + _SMALL_UNITS[place])
    return "".join(out)


def cardinal(n: int) -> str:
    """A non-negative whole number in Chinese numerals (十二, 一百二十万, 一亿零五百万)."""
    if n < 0:
        return "负" + cardinal(-n)
    if n == 0:
        return "零"
    groups = []
    while n:
        n, group = divmod(n, 10000)
        groups.append(group)
    out = ""
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out += "零"
        out += _below_10000(group) + ("", "万", "亿", "万亿")[index]
        need_zero = False
    if out.startswith("一十"):
        out = out[1:]
    return out


def decimal_text(x: float) -> str:
    """12 → 十二, 35.5 → 三十五点五; at most six decimals, cut (never rounded up: 5.9999999
    stays below 6, so a figure is never said across a threshold; 5e-324 → 零)."""
    d = Decimal(str(x)).quantize(Decimal("0.000001"), rounding=ROUND_DOWN)
    whole = int(d)
    frac = format(d - whole, "f").partition(".")[2].rstrip("0")
    text = cardinal(whole)
    return text + ("点" + "".join(_DIGITS[int(c)] for c in frac) if frac else "")


def _round_sig(n: int, digits: int) -> int:
    """``n`` cut to ``digits`` significant digits (never rounded up: every threshold of the
    Guide has at most three significant digits, so a cut figure stays on its side of it —
    999,999 is never said as 约一百万)."""
    if n == 0:
        return 0
    scale = 10 ** max(len(str(n)) - digits, 0)
    return int((n // scale) * scale)


def about(n: int) -> str:
    """A count as said on the phone: exact below 10,000; else 约 and three significant digits,
    cut (1200000 → 约一百二十万, 2500000 → 约二百五十万, 123456789 → 约一亿二千三百万,
    999999 → 约九十九万九千)."""
    if n < 10000:
        return cardinal(n)
    return "约" + cardinal(_round_sig(n, 3))


def hours_text(hours: float) -> str:
    """A duration given in hours: 7 → 七小时, 1.5 → 一个半小时, 0.5 → 三十分钟, 2.25 → 两小时十五分钟;
    a figure that is not a whole number of minutes is said as given (5.9999 → 五点九九九九小时,
    never 六小时)."""
    exact = hours * 60
    minutes = round(exact)
    if abs(exact - minutes) > 1e-6:
        return decimal_text(hours) + "小时"
    h, m = divmod(minutes, 60)
    if h == 0:
        return cardinal(m) + "分钟"
    hour_word = ("两" if h == 2 else cardinal(h))
    if m == 0:
        return hour_word + "小时"
    if m == 30:
        return hour_word + "个半小时"
    return hour_word + "小时" + cardinal(m) + "分钟"


def percent_text(value: float) -> str:
    """35 → 百分之三十五."""
    return "百分之" + decimal_text(value)


def digits(number: str) -> str:
    """A telephone number read digit by digit, groups kept (010-66668888 → 零幺零，六六六六，八八八八).

    1 is read 幺 as is usual on the phone; characters other than digits and separators stay.
    """
    groups = [g for g in re.split(r"[\s\-–—()（）]+", number.strip()) if g]
    chunks = []
    for group in groups:
        while len(group) > 4 and group.isdigit():   # 66668888 is said in fours
            cut = len(group) % 4 or 4
            chunks.append(group[:cut])
            group = group[cut:]
        chunks.append(group)
    return "，".join("".join(_PHONE_DIGITS[int(c)] if c.isdigit() else c for c in g)
                     for g in chunks)


_QUANTITY = re.compile(r"(\d[\d,]*(?:\.\d+)?) ?(人|元|次|小时|分钟|%)")


def _speak_quantity(match: re.Match[str]) -> str:
    number, unit = match.group(1).replace(",", ""), match.group(2)
    value = float(number)
    if unit == "%":
        return percent_text(value)
    if unit in ("小时", "分钟"):
        return (decimal_text(value) if not value.is_integer() else cardinal(int(value))) + unit
    if value.is_integer():
        return about(int(value)) + unit
    return decimal_text(value) + unit


def spoken_figures(text: str) -> str:
    """A grading reason read aloud: figures in words, "（≥ X）" as "，达到X以上的标准".

    ``公民个人信息泄露 1,200,000 人（≥ 1,000,000 人）`` →
    ``公民个人信息泄露约一百二十万人，达到一百万人以上的标准``.
    """
    def threshold(match: re.Match[str]) -> str:
        inner = _QUANTITY.sub(_speak_quantity, match.group(1).strip())
        return "，达到" + inner.replace("约", "") + "以上的标准"

    text = re.sub(r"（≥\s*([^）]*)）", threshold, text)
    text = _QUANTITY.sub(_speak_quantity, text)
    return re.sub(r"\s+(?=[\u4e00-\u9fff约])|(?<=[\u4e00-\u9fff])\s+", "", text)


_CHINA = timezone(timedelta(hours=8))


def spoken_time(moment: datetime) -> str:
    """``十一月十八日十四时零五分`` (China time; the year is on the written report)."""
    t = moment.astimezone(_CHINA)
    minute = "整" if t.minute == 0 else ("零" if t.minute < 10 else "") + cardinal(t.minute) + "分"
    return f"{cardinal(t.month)}月{cardinal(t.day)}日{cardinal(t.hour)}时{minute}"
