"""The drill report's figures (issue 24): each drill against its route's Art. 4 limit (1 h /
2 h / 4 h, named), a figure that is not known said so — never invented — and real reports
never counted as drills."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from composer.core.draft import Draft, derived_draft
from composer.core.drill_timings import NO_PACKAGE, NO_SETTLED, read_drills
from composer.core.model import ReportType
from composer.core.obligations import CHINA_TZ
from composer.core.record_verify import open_read_only
from composer.core.storage import Storage

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _draft(name: str, **top) -> Draft:
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    data.update(top)
    return Draft(data=data)


def _drills(path: Path):
    db = open_read_only(path)
    try:
        return read_drills(db)
    finally:
        db.close()


def test_each_route_has_its_limit_and_missing_figures_say_so(tmp_path) -> None:
    path = tmp_path / "composer.sqlite3"
    store = Storage(path)
    cii = _draft("cii-grid-outage.json", drill=True)            # no settled_at, no package
    organ = _draft("central-organ-leak.json", drill=True)
    general = _draft("phishing-general.json", drill=True, impact_assessed=True)
    real = _draft("ransomware-retailer.json")                   # not a drill: not listed
    for d in (cii, organ, general, real):
        store.save_draft(d)
    assert cii.id is not None and organ.id is not None
    at = datetime(2026, 11, 19, 2, 10, tzinfo=CHINA_TZ)
    store.record_submission(cii.id, "other", at + timedelta(minutes=45),
                            recipient="public_security")
    follow = derived_draft(cii, ReportType.FOLLOW_UP)
    store.save_draft(follow)
    assert follow.id is not None
    store.record_submission(follow.id, "fax", at + timedelta(hours=5))
    store.close()
    drills = _drills(path)
    by_unit = {d.unit: d for d in drills}
    assert list(by_unit) == ["北方电网调度中心", "某部直属信息中心", "江南软件科技有限公司"]  # by discovery
    assert len(drills) == 3 and "华东优选零售有限公司" not in by_unit
    grid = by_unit["北方电网调度中心"]
    assert grid.within == "1 小时" and grid.limit.startswith(
        "1 小时（《办法》第四条：关键信息基础设施运营者，发现后 1 小时内向国家能源局、公安机关报告")
    settled, package, first, second = grid.marks
    assert (settled.at, settled.minutes, settled.verdict) == (None, None, NO_SETTLED)
    assert (package.at, package.minutes, package.verdict) == (None, None, NO_PACKAGE)
    assert first.minutes == 45 and first.verdict == "在时限内（余 15 分钟）"
    assert first.what == "报送（记录 1）：首报 → 公安机关（直接报送）"
    assert second.minutes == 300 and second.verdict == "续报，无固定时限"
    assert grid.first_sending is first
    assert by_unit["某部直属信息中心"].within == "2 小时"
    phishing = by_unit["江南软件科技有限公司"]
    assert phishing.within == "4 小时" and "定级为一般，不属必须报告，按较大以上事件的时限计" in \
        phishing.limit
    assert phishing.first_sending is None
