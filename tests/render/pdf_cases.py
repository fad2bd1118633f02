"""Reports for the PDF tests: adversarial text, every field filled, and very long ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from composer.core.model import (
    Contact,
    ImpactFacts,
    Incident,
    Operator,
    OperatorKind,
    Ransom,
    Report,
    ReportType,
)

CST = timezone(timedelta(hours=8))
GENERATED_AT = datetime(2026, 11, 18, 15, 30, 12, tzinfo=CST)

MARKUP = "<b>&amp; 5 < 6</b> & \"双引号\" 'single' <br/> <font name=x>"
PUNCT = "，。、；：？！（）「」『』“”‘’《》【】…—"
RARE = "堃喆昇玥珺䶮𠇔"
LONG_NUMBER = "1234567890123456789"
RANSOM_AMOUNT = "150 BTC（约合人民币 98,765,432.10 元）"

CLOSING = "，。、；：？！）」』”"


def punctuation_torture(repeat: int = 3) -> str:
    """Closing punctuation at every column of a line, runs of it, and Latin/number runs."""
    parts = []
    for _ in range(repeat):
        for k in range(1, 60):
            parts.append("字" * k + CLOSING[k % len(CLOSING)])
            parts.append("“引文" + "中" * (k % 7) + "。”）；")
            parts.append("（括号" + "a1" * (k % 5) + "）")
    return "".join(parts)


def adversarial(report_type: ReportType = ReportType.INITIAL) -> Report:
    text = f"{MARKUP}{PUNCT}{RARE}{LONG_NUMBER}"
    operator = Operator(
        name=f"{RARE}科技有限公司{MARKUP}",
        kind=OperatorKind.OTHER,
        contact=Contact(name=f"张{RARE[:2]}", phone="+86 010-6666 8888 转 1234567890123456789",
                        email="a.very.long.address.for.testing@sub.example.com.cn"),
        province="浙江省",
        credit_code="91330000MA27XXXX0X",
    )
    incident = Incident(
        title=f"勒索事件「{RARE}」{MARKUP}",
        discovered_at=datetime(2026, 11, 18, 6, 5, 59, tzinfo=UTC),   # 14:05 +08:00
        occurred_at=datetime(2026, 11, 18, 13, 30, tzinfo=CST),
        category="ransomware",
        systems=f"会员系统 {LONG_NUMBER} 号服务器；{PUNCT}",
        location=f"杭州市{RARE}路 1 号",
        description=text + "\n" + punctuation_torture(1),
        impact=f"影响 {LONG_NUMBER} 条记录。{PUNCT}",
        measures="已隔离。\n\n已恢复备份。",
        trend=text,
        cause=text,
        clues=f"攻击者 IP 203.0.113.7，邮箱 attacker@example.com；{MARKUP}",
        next_steps=text,
        support_requested=f"请求技术支持{PUNCT}",
        scene_preservation=text,
        other=text,
        ransom=Ransom(amount=RANSOM_AMOUNT, method=f"比特币{MARKUP}",
                      demanded_at=datetime(2026, 11, 18, 13, 40, tzinfo=CST)),
        suspected_crime=True,
        handling_completed_at=datetime(2026, 11, 20, 18, 0, tzinfo=CST),
    )
    return Report(operator=operator, incident=incident,
                  impact_facts=ImpactFacts(personal_info_leaked=1_200_000),
                  report_type=report_type)


def long_report(chars: int) -> Report:
    """A report whose text fields hold about ``chars`` characters of dense Chinese prose."""
    sentence = ("攻击者利用未修补的漏洞（CVE-2026-12345）进入内网，横向移动至数据库服务器，"
                f"加密了 {LONG_NUMBER} 个文件；“勒索信”要求支付赎金。{RARE}！")
    per_field = chars // 6
    body = "\n".join(sentence * 4 for _ in range(per_field // (4 * len(sentence)) + 1))
    base = adversarial()
    return replace(base, incident=replace(
        base.incident, description=body, impact=body, measures=body, trend=body, cause=body,
        clues=body))
