"""Issue 20 point 5: a damaged database page is found, a copy kept, the readable drafts listed,
and a new database built from everything still readable."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from composer.core.draft import new_draft
from composer.core.storage import Storage
from composer.core.store import damage


def damage_a_drafts_leaf(path) -> int:
    """Overwrite one leaf page of the drafts table (in the middle); returns its page."""
    db = sqlite3.connect(path)
    size = db.execute("PRAGMA page_size").fetchone()[0]
    leaves = [r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name='drafts' "
                                       "AND pagetype='leaf' ORDER BY pageno")]
    db.close()
    victim = leaves[len(leaves) // 2]
    with open(path, "r+b") as fh:
        fh.seek((victim - 1) * size)
        fh.write(b"\xde\xad" * (size // 2))
    return victim


def _many(path, n=40):
    s = Storage(path)
    s.save_profile({"name": "某单位"})
    for i in range(n):
        d = new_draft()
        d.set("incident.title", f"草稿{i}")
        d.set("incident.description", "经过" * 1500)        # about one page a draft
        s.save_draft(d)
    s.close()


def test_a_sound_database_is_not_damaged(tmp_path):
    path = tmp_path / "composer.sqlite3"
    _many(path, 3)
    assert damage.check(path) is None
    assert damage.check(tmp_path / "none.sqlite3") is None


def test_a_damaged_page_is_found_copied_salvaged_and_replaced(tmp_path):
    path = tmp_path / "composer.sqlite3"
    _many(path)
    damage_a_drafts_leaf(path)
    found = damage.check(path)
    assert found is not None and "btreeInitPage() returns error" in found.problems[0]
    before = path.read_bytes()
    copy = damage.keep_copy(path, now=datetime(2026, 12, 5, 9, 30))
    assert copy.name == "composer.sqlite3.damaged-20261205-093000"
    assert copy.read_bytes() == before
    again = damage.keep_copy(path, now=datetime(2026, 12, 5, 9, 30))
    assert again != copy and copy.read_bytes() == before        # never overwritten
    salvaged = damage.salvage_drafts(path)
    titles = {d.title for d in salvaged}
    assert 30 <= len(salvaged) < 40 and "草稿0" in titles and "草稿39" in titles
    copied = damage.start_afresh(path)
    assert copied["drafts"] == len(salvaged) and copied["profile"] == 1
    assert damage.check(path) is None
    s = Storage(path)
    assert {d.title for d in s.list_drafts()} == titles
    assert s.load_profile() == {"name": "某单位"}
    s.close()
    assert copy.read_bytes() == before


def test_a_file_that_is_no_database_can_start_afresh(tmp_path):
    path = tmp_path / "composer.sqlite3"
    path.write_bytes(b"this is not a database" * 300)
    found = damage.check(path)
    assert found is not None and "not a database" in found.problems[0]
    assert damage.salvage_drafts(path) == []
    damage.keep_copy(path)
    assert damage.start_afresh(path) == {}
    s = Storage(path)
    assert s.list_drafts() == []
    s.close()
