"""The province-level regions (rule data): the list, its checks, reading old free text, and the
recipient named from it (江苏 → 江苏省网信办; 兵团 → its own office)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer import resources
from composer.core.incident_io import loads_report
from composer.core.obligations import recipient_name
from composer.core.regions import match_region, parse_regions, regions
from composer.core.rules import RuleDataError, reporting_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
MAINLAND = ("北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
            "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
            "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
            "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区")


def _data() -> dict:
    return copy.deepcopy(resources.read_json("rules/regions.json"))


def test_the_31_mainland_regions_and_the_corps_by_their_official_names():
    names = [r.name for r in regions()]
    assert len(MAINLAND) == 31 and names == [*MAINLAND, "新疆生产建设兵团"]


@pytest.mark.parametrize(("text", "name"), [
    ("江苏", "江苏省"), ("江苏省", "江苏省"), ("jiangsu", "江苏省"), ("Jiangsu Province", "江苏省"),
    (" JiangSu ", "江苏省"), ("ＪＩＡＮＧＳＵ", "江苏省"), ("北京", "北京市"), ("Beijing Shi", "北京市"),  # noqa: RUF001 (full-width letters on purpose)
    ("广西", "广西壮族自治区"), ("广西自治区", "广西壮族自治区"), ("Inner Mongolia", "内蒙古自治区"),
    ("西藏", "西藏自治区"), ("Tibet", "西藏自治区"), ("新疆", "新疆维吾尔自治区"),
    ("兵团", "新疆生产建设兵团"), ("新疆兵团", "新疆生产建设兵团"), ("XPCC", "新疆生产建设兵团"),
    ("Shanxi", "山西省"), ("Shaanxi", "陕西省"),
])
def test_old_free_text_is_matched(text, name):
    region = match_region(text)
    assert region is not None and region.name == name


@pytest.mark.parametrize("text", ["", "  ", "杭州", "江苏省南京市", "Jiang", "香港", None])
def test_what_is_no_region_is_not_guessed(text):
    assert match_region(text) is None


def _provincial(province: str) -> str:
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["operator"]["province"] = province
    report = loads_report(json.dumps(data, ensure_ascii=False))
    route = next(r for r in reporting_rules().routes if r.operator_kind.value == "other")
    return recipient_name(route.recipients[0], report)


def test_the_recipient_is_named_from_the_list():
    assert _provincial("江苏") == "江苏省网信办"
    assert _provincial("jiangsu") == "江苏省网信办"
    assert _provincial("兵团") == "新疆生产建设兵团网信办"        # its own office
    assert _provincial("新疆") == "新疆维吾尔自治区网信办"
    assert _provincial("某地") == "某地网信办"                    # not on the list: as written


def test_classify_names_the_recipient_from_the_list(tmp_path):
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text(encoding="utf-8"))
    data["operator"]["province"] = "江苏"
    path = tmp_path / "jiangsu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "composer", "classify", str(path)],
                         capture_output=True, check=False, timeout=120,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.decode("utf-8"))
    assert [o["to"] for o in out["obligations"] if o["action"] == "report"] == ["江苏省网信办"]


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["regions"][0].update(capital="北京"), "unknown keys"),
    (lambda d: d["regions"][0].pop("short"), "missing keys"),
    (lambda d: d["regions"][1].update(id="beijing"), "used twice"),
    (lambda d: d["regions"][1].update(aliases=["北京"]), "would mean both"),
    (lambda d: d["regions"][2].update(short="河南"), "is not part of"),
    (lambda d: d["regions"][3].update(en=""), "non-empty"),
    (lambda d: d.update(format="composer-regions/2"), "is not composer-regions/1"),
])
def test_malformed_region_data_is_refused(change, message):
    data = _data()
    change(data)
    with pytest.raises(RuleDataError, match=message):
        parse_regions(data)
