"""One finding of the workstation check (``composer doctor``): its status, what was found and,
for a problem, one line saying what to do. Chinese and English side by side."""

from __future__ import annotations

from dataclasses import dataclass

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass(frozen=True)
class Finding:
    status: str          # ok | warn | fail
    topic_zh: str
    topic_en: str
    zh: str
    en: str
    fix_zh: str = ""     # what to do: given for every fail (and for a warn that has a remedy)
    fix_en: str = ""

    def line(self, lang: str = "zh") -> str:
        word = {OK: "正常", WARN: "注意", FAIL: "问题"}[self.status] if lang == "zh" else {
            OK: "ok", WARN: "warn", FAIL: "FAIL"}[self.status]
        topic, text = (self.topic_zh, self.zh) if lang == "zh" else (self.topic_en, self.en)
        return f"{word:<4}  {topic}：{text}" if lang == "zh" else f"{word:<4}  {topic}: {text}"

    def fix_line(self, lang: str = "zh") -> str | None:
        fix = self.fix_zh if lang == "zh" else self.fix_en
        if not fix or self.status == OK:
            return None
        return f"      处理：{fix}" if lang == "zh" else f"      Fix: {fix}"

    def lines(self, lang: str = "zh") -> list[str]:
        fix = self.fix_line(lang)
        return [self.line(lang)] + ([fix] if fix else [])


__all__ = ["FAIL", "OK", "WARN", "Finding"]
