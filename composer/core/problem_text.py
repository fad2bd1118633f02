"""Problems in the user's language: what the validator says about a field, said on screen.

:func:`problem_text` turns a :class:`~composer.core.validators.Problem` into the inline message
(Chinese, or the validator's own English words); :func:`field_label` names a field by its
label (from the one field list, :data:`composer.core.fields.LABEL_ZH`).
"""

from __future__ import annotations

import re

from composer.core.fields import LABEL_ZH
from composer.core.validators import Problem

FIELD_ZH: dict[str, str] = {f.value: label for f, label in LABEL_ZH.items()}
"""Field labels by path (they hang off the one field list: composer.core.fields.LABEL_ZH)."""

_MESSAGE_ZH: tuple[tuple[str, str], ...] = (
    (r"^is in the future.*", "晚于当前时间，请核对日期"),
    (r"^is required for a summary report.*", "总结报告必须填写（30 日时限从处置结束时起算）"),
    (r"^is required for kind other.*", "“其他网络运营者”必须填写（报告送属地省级网信部门）"),
    (r"^is required for kind cii.*", "关键信息基础设施运营者必须填写（报告送保护工作部门）"),
    (r"^is required for kind central_state_organ.*",
     "中央和国家机关必须填写（报告送本部门网信工作机构）"),
    (r"^is required: one of .*", "请选择"),
    (r"^is required.*", "必须填写"),
    (r"^must not be empty.*", "不能为空"),
    (r"^is not a phone number.*", "不是有效的电话号码（例如 010-66668888 或 13800138000）"),
    (r"^is not an email address.*", "不是有效的电子邮箱地址"),
    (r"^is at the national intake.*",
     "是受理平台的地址：演练材料不发往受理平台，请填写参加演练人员的地址"),
    (r"^is the national intake's fax.*",
     "是受理平台的传真号码：演练材料不发往受理平台，请填写参加演练人员的传真号码"),
    (r"^must be a plain ASCII address.*", "须为英文字母和数字组成的地址（如 name@example.com）"),
    (r"^only applies to a drill.*", "仅适用于演练"),
    (r"^must be a list of e-mail addresses.*", "应为电子邮箱地址列表"),
    (r"^must be 18 characters, got (\d+)", r"应为 18 位，现为 \1 位"),
    (r"^contains characters not allowed in a credit code: (.*)", r"含有信用代码不允许的字符：\1"),
    (r"^checksum character is (.), expected (.)", r"校验位为 \1，按校验规则应为 \2，请核对"),
    (r"^is after incident\.discovered_at", "不能晚于发现时间"),
    (r"^is before incident\.discovered_at", "不能早于发现时间"),
    (r"^only applies to category ransomware", "仅适用于勒索病毒事件"),
    (r"^must be at most ([\d.]+(?:,\d{3})*).*", r"不能大于 \1"),
    (r"^is too long: ([\d,]+) characters, at most ([\d,]+)", r"过长：\1 个字符，最多 \2 个"),
    (r"^must be a single line.*", "只能填写一行（请删除换行）"),
    (r"^contains an unpaired surrogate.*", "含有无效字符（不成对的代理码位），请重新输入"),
    (r"^contains a control character \((U\+[0-9A-F]+)\).*", r"含有不可见的控制字符（\1），请删除"),
    (r"^must be between 2000-01-01 and 2100-12-31", "日期须在 2000-01-01 至 2100-12-31 之间"),
    (r"^UTC offset must be between.*", "时区偏移须在 -14:00 至 +14:00 之间"),
    (r"^must not be negative.*", "不能为负数"),
    (r"^must be a whole number.*", "必须是整数"),
    (r"^must be a number.*", "必须是数字"),
    (r"^must be a finite number", "必须是有限的数字"),
    (r"^needs a .*", "时间须含日期、时刻和时区"),
    (r"^not an ISO 8601 date-time.*", "时间格式不正确"),
    (r"^must be one of .*", "请从列表中选择"),
    (r"^contains a NUL character", "含有不可见的空字符"),
    (r"^gives a time or a body but status is not_yet", "选择“尚未报案”时不应填写报案时间或机关"),
    (r"^.* is listed twice", "重复列出"),
)


# A whole section missing (nothing typed yet): say what to fill in, not just "required".
_WHOLE_SECTION = {
    "operator": ("请填写单位名称、单位类型和联系人", "fill in the unit's name, kind and contact"),
    "incident": ("请填写事件名称和发现时间", "fill in the incident's title and discovery time"),
}


def problem_text(problem: Problem, lang: str = "zh") -> str:
    """The problem as an inline message. ``zh``: Chinese; ``en``: the validator's own words."""
    if problem.path in _WHOLE_SECTION and problem.message == "is required":
        zh, en = _WHOLE_SECTION[problem.path]
        return zh if lang == "zh" else en
    if lang != "zh":
        return problem.message
    for pattern, zh in _MESSAGE_ZH:
        if re.match(pattern, problem.message):
            return re.sub(pattern, zh, problem.message, count=1)
    return problem.message


def field_label(path: str) -> str:
    return FIELD_ZH.get(path, path)


def problems_under(problems: list[Problem], path: str) -> list[Problem]:
    """Problems at ``path`` or inside it (``operator.contact`` covers ``…contact.phone``)."""
    return [p for p in problems if p.path == path or p.path.startswith(path + ".")]


__all__ = ["FIELD_ZH", "field_label", "problem_text", "problems_under"]
