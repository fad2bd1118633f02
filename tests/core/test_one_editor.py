"""Issue 25: one draft, one editor. A save from a stale revision is refused with a clear error
and nothing is lost; a draft another live Composer edits is claimed by it, and a claim whose
process is gone can be taken over."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from composer.core.draft import new_draft
from composer.core.storage import DraftChangedElsewhere, Storage


def test_two_storages_saving_the_same_draft_the_second_is_refused_and_nothing_is_lost(tmp_path):
    path = tmp_path / "composer.sqlite3"
    a, b = Storage(path), Storage(path)
    draft = new_draft()
    draft.set("incident.title", "原标题")
    a.save_draft(draft)
    mine, theirs = a.load_draft(draft.id), b.load_draft(draft.id)
    assert mine.revision == theirs.revision == 1
    mine.set("incident.title", "改过的标题")                       # window A: the title
    a.save_draft(mine)
    theirs.set("incident.measures", "已隔离主机")                  # window B: the measures
    with pytest.raises(DraftChangedElsewhere, match=rf"report #{draft.id} was changed "
                       r"elsewhere .*revision 1 here, 2 stored.*nothing was overwritten"):
        b.save_draft(theirs)
    stored = b.load_draft(draft.id)
    assert stored.title == "改过的标题" and stored.get("incident.measures") is None
    assert theirs.get("incident.measures") == "已隔离主机"          # B's text is still in B
    assert theirs.revision == 1
    # B chooses to keep its version: it saves over the newer revision knowingly
    theirs.revision = stored.revision
    b.save_draft(theirs)
    assert a.load_draft(draft.id).get("incident.measures") == "已隔离主机"
    assert a.stored_revision(draft.id) == 3
    a.close()
    b.close()


def test_an_unchanged_save_is_not_a_conflict_and_catches_up(tmp_path):
    path = tmp_path / "composer.sqlite3"
    a, b = Storage(path), Storage(path)
    draft = new_draft()
    a.save_draft(draft)
    other = b.load_draft(draft.id)
    draft.set("incident.title", "A")
    a.save_draft(draft)
    other.set("incident.title", "A")                # the same text: nothing to overwrite
    b.save_draft(other)
    assert other.revision == draft.revision == 2
    a.close()
    b.close()


def test_claims_name_the_other_editor_and_only_a_dead_one_is_replaced(tmp_path):
    path = tmp_path / "composer.sqlite3"
    a = Storage(path)
    a.begin_session()
    draft = new_draft()
    a.save_draft(draft)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from composer.core.storage import Storage
        s = Storage({str(path)!r})
        s.begin_session()
        assert s.claim_draft({draft.id}, "窗口甲") is None
        print("ready", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        other = a.claim_draft(draft.id, "窗口乙")
        assert other is not None and other.alive and other.pid == holder.pid
        assert other.window == "窗口甲"
        assert a.editor_of(draft.id) == other
    finally:
        holder.kill()
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    gone = a.editor_of(draft.id)
    assert gone is not None and not gone.alive           # its process is gone
    assert a.claim_draft(draft.id, "窗口乙") is None      # a stale claim is replaced
    assert a.editor_of(draft.id) is None                 # ours now
    a.release_draft(draft.id)
    a.end_session()
    a.close()


def test_a_live_claim_is_only_taken_over_when_asked_and_ends_with_its_session(tmp_path):
    path = tmp_path / "composer.sqlite3"
    a = Storage(path)
    a.begin_session()
    draft = new_draft()
    a.save_draft(draft)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from composer.core.storage import Storage
        s = Storage({str(path)!r})
        s.begin_session()
        assert s.claim_draft({draft.id}, "窗口甲") is None
        print("ready", flush=True)
        sys.stdin.readline()
        s.end_session()
        print("ended", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert a.claim_draft(draft.id, "窗口乙") is not None          # alive: refused
        assert a.claim_draft(draft.id, "窗口乙", take_over=True) is None
        assert a.editor_of(draft.id) is None                         # ours now
        a.release_draft(draft.id)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "ended"
        assert a.editor_of(draft.id) is None          # an ended session leaves no claim
    finally:
        holder.kill()
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    a.end_session()
    a.close()
