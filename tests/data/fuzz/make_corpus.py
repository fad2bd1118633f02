"""Write the hostile corpus beside this script: one file per class of input that once reached
a traceback or an unclean message (issue 10), plus files exactly at the bounds (which must be
valid). Run it again after changing it; the files are committed so the tests need no generator.

    python tests/data/fuzz/make_corpus.py
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASE: dict[str, Any] = json.loads(
    (HERE.parent / "examples" / "ransomware-retailer.json").read_text(encoding="utf-8"))


def doc(**changes: Any) -> dict[str, Any]:
    """The example with ``section__key=value`` changes (``None`` removes the key)."""
    d = copy.deepcopy(BASE)
    for key, value in changes.items():
        node = d
        parts = key.split("__")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = value
    return d


def raw(d: dict[str, Any], raw_value: str, marker: str = "@RAW@") -> str:
    """``d`` as JSON with the string ``marker`` replaced by raw JSON text."""
    return json.dumps(d, ensure_ascii=False, indent=1).replace(json.dumps(marker), raw_value)


def corpus() -> dict[str, str | bytes]:
    c: dict[str, str | bytes] = {}
    # 1. numbers beyond what a float or a bound can hold
    c["bigint-400-digits-yuan.json"] = raw(doc(impact_facts__direct_loss_yuan="@RAW@"),
                                           "1" + "0" * 400)
    c["bigint-4300-digits-people.json"] = raw(doc(impact_facts__personal_info_leaked="@RAW@"),
                                              "9" * 4300)
    c["bigint-5000-digits-hours.json"] = raw(doc(impact_facts__cii_total_outage_hours="@RAW@"),
                                             "9" * 5000)
    c["float-1e400-percent.json"] = raw(doc(impact_facts__population={
        "region": "province", "percent": "@RAW@"}), "1e400")
    c["negative-huge-views.json"] = raw(doc(impact_facts__defacement={
        "site": "other", "views": "@RAW@"}), "-" + "9" * 400)
    c["hours-3e306.json"] = json.dumps(doc(impact_facts__cii_total_outage_hours=3e306))
    c["hours-1e308-portal.json"] = json.dumps(doc(impact_facts__portal_outage={
        "site": "provincial_portal", "hours": 1.7976931348623157e308}))
    c["nan-constant.json"] = raw(doc(impact_facts__direct_loss_yuan="@RAW@"), "NaN")
    # 2. nesting
    c["deep-array-100000.json"] = "[" * 100_000 + "]" * 100_000
    c["deep-object-1000.json"] = '{"a":' * 1000 + "1" + "}" * 1000
    c["deep-under-incident-other.json"] = raw(doc(incident__other="@RAW@"), "[" * 40 + "]" * 40)
    # 3./4. times at the ends of the calendar
    c["time-0001-plus14.json"] = json.dumps(doc(incident__discovered_at="0001-01-01T00:00:00+14:00",
                                                incident__occurred_at=None))
    c["time-9999-minus14.json"] = json.dumps(doc(
        incident__discovered_at="9999-12-31T23:59:59.999999-14:00"))
    c["time-summary-9999.json"] = json.dumps(doc(
        report_type="summary", incident__handling_completed_at="9999-12-31T23:59:00+08:00"))
    c["time-ransom-0001.json"] = json.dumps(doc(
        incident__ransom={"amount": "1 BTC", "demanded_at": "0001-01-01T00:00:00-14:00"}))
    c["time-offset-2359.json"] = json.dumps(doc(incident__discovered_at="2026-11-18T09:30+23:59"))
    # 5. unpaired surrogates (JSON escapes: the text itself is valid UTF-8)
    c["surrogate-title.json"] = json.dumps(doc(incident__title="勒索\ud800事件"))
    c["surrogate-low-contact.json"] = json.dumps(doc(operator__contact__name="\udc00"))
    c["surrogate-key.json"] = json.dumps(doc(incident__other="x") | {"\ud800key": 1})
    c["surrogate-unknown-value.json"] = json.dumps(doc() | {"notes": ["\udfff"]})
    # control characters, line breaks, over-long fields, quadratic e-mail
    c["esc-in-title.json"] = json.dumps(doc(incident__title="\x1b[2J\x1b]0;owned\x07标题"))
    c["cr-in-phone.json"] = json.dumps(doc(operator__contact__phone="010-6666\rforged: line"))
    c["newline-in-name.json"] = json.dumps(doc(operator__name="单位\nincident.title: fake"))
    c["nul-in-description.json"] = json.dumps(doc(incident__description="a\x00b"))
    c["long-name.json"] = json.dumps(doc(operator__name="单" * 201), ensure_ascii=False)
    c["long-description.json"] = json.dumps(doc(incident__description="字" * 20_001),
                                            ensure_ascii=False)
    c["email-quadratic-80k.json"] = json.dumps(doc(operator__contact__email="a@" + "a." * 40_000
                                                   + "@"))
    c["phone-80k-with-esc.json"] = json.dumps(doc(operator__contact__phone="\x1b" + "1" * 80_000))
    c["key-100k-with-crlf.json"] = json.dumps(doc() | {"k\r\nfake: x\x1b[31m" + "k" * 100_000: 1})
    c["many-unknown-keys.json"] = json.dumps(doc() | {f"unknown_{i}": i for i in range(5_000)})
    c["duplicate-key-with-esc.json"] = '{"\\u001b[31m": 1, "\\u001b[31m": 2}'
    # the optional keys of issue 8 (报案, 暂不掌握, 迟报原因)
    c["police-report-hostile.json"] = json.dumps(doc(incident__police_report={
        "status": "reported", "at": "9999-12-31T23:59:00-14:00",
        "to": "派出所\r\nX-Injected: 1\x1b[2J" + "所" * 300}))
    c["police-report-status-object.json"] = json.dumps(doc(incident__police_report={
        "status": {"reported": True}}))
    c["not-yet-known-hostile.json"] = json.dumps(doc(incident__not_yet_known=[
        "systems", "systems", ["location"], "\ud800", 10**30, None]))
    c["delay-reason-too-long.json"] = json.dumps(doc(incident__delay_reason="迟" * 20_001),
                                                 ensure_ascii=False)
    # not JSON, not UTF-8, not an object
    c["empty.json"] = b""
    c["not-utf8.json"] = b'{"format": "\xff\xfe"}'
    c["utf16.json"] = json.dumps(doc()).encode("utf-16")
    c["truncated.json"] = json.dumps(doc())[:300]
    c["array-top.json"] = "[]"
    c["string-top.json"] = '"\\ud800"'
    c["wrong-types.json"] = json.dumps(doc(operator=[], incident="x", impact_facts={
        "population": {"region": ["province"], "percent": {"a": 1}}, "data_threat": {}}))
    # exactly at the bounds: valid, and render must work
    c["valid-at-bounds.json"] = json.dumps(doc(
        report_type="summary",
        operator__name="单" * 200,
        incident__title="题" * 200,
        incident__discovered_at="2000-01-01T06:00:00+14:00",
        incident__occurred_at="2000-01-01T00:00:00+08:00",
        incident__handling_completed_at="2100-12-31T01:59:00-14:00",
        incident__ransom={"amount": "1 BTC", "demanded_at": "2000-01-01T00:00:00+08:00"},
        impact_facts__cii_total_outage_hours=87_600,
        impact_facts__direct_loss_yuan=10_000_000_000_000,
        impact_facts__personal_info_leaked=10_000_000_000,
        impact_facts__people_services_affected=10_000_000_000,
        impact_facts__portal_outage={"site": "provincial_portal", "hours": 87_600},
        impact_facts__defacement={"site": "other", "homepage_hours": 87_600,
                                  "other_page_hours": 0, "reposts": 1_000_000_000_000,
                                  "views": 1_000_000_000_000},
    ), ensure_ascii=False)
    c["valid-latest-discovery.json"] = json.dumps(doc(
        incident__discovered_at="2100-12-31T23:59:00+08:00",
        incident__occurred_at="2100-12-31T23:58:00+08:00"))
    return c


def main() -> None:
    for old in HERE.glob("*.json"):
        old.unlink()
    for name, content in corpus().items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (HERE / name).write_bytes(data)
    print(f"{len(corpus())} files in {HERE}")


if __name__ == "__main__":
    main()
