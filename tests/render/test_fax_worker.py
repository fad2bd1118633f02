"""The fax helper process (composer.render.fax_worker, issue 14 goal 2): the package it helps
build is byte-identical to the one built in one process, and whatever goes wrong with the
helper, the package is still built (in this process, same bytes)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from composer.core.incident_io import load_report
from composer.render import fax, fax_raster, fax_tiff, fax_worker, package

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
WHEN = "2026-11-18T16:30:00+08:00"


@pytest.fixture(scope="module")
def report():
    return load_report(EXAMPLES / "ransomware-retailer.json")


def _build(report, monkeypatch, helper: str, compression: str = "group3") -> dict[str, bytes]:
    from datetime import datetime

    monkeypatch.setenv("COMPOSER_FAX_HELPER", helper)
    return package.build_package(report, only=("pdf", "fax"), fax_compression=compression,
                                 generated_at=datetime.fromisoformat(WHEN))


@pytest.fixture
def used(monkeypatch):
    """How many report frames each helper delivered (None: it delivered nothing usable)."""
    seen: list[int | None] = []
    real = fax_worker.FaxRaster.report_frames

    def report_frames(self, codec):
        frames = real(self, codec)
        seen.append(None if frames is None else len(frames))
        return frames

    monkeypatch.setattr(fax_worker.FaxRaster, "report_frames", report_frames)
    return seen


@pytest.mark.parametrize("compression", ["group3", "group4"])
def test_the_helper_gives_the_same_bytes_as_one_process(report, monkeypatch, used, compression):
    alone = _build(report, monkeypatch, "0", compression)
    assert used == []
    helped = _build(report, monkeypatch, "1", compression)
    pages = fax.page_count(helped["report.pdf"])
    assert used == [pages]                       # the helper drew every report page
    assert helped == alone
    assert fax_tiff.tiff_page_numbers(helped["fax/fax.tif"]) == [(i, pages + 1)
                                                           for i in range(pages + 1)]


def _broken_child(monkeypatch, program: str) -> None:
    monkeypatch.setattr(fax_worker, "_CHILD", program)


@pytest.mark.parametrize("program", [
    "import sys; sys.stdout.buffer.write(b'OK\\x00\\x00\\x00\\x05junk')",   # a lying reply
    "import sys; sys.stdout.buffer.write(b'ER whatever')",                 # a refusal
    "import sys; sys.exit(3)",                                            # no reply at all
    "raise SystemExit('crash')",
])
def test_a_helper_that_fails_leaves_the_work_to_this_process(report, monkeypatch, used,
                                                              program):
    alone = _build(report, monkeypatch, "0")
    _broken_child(monkeypatch, program)
    helped = _build(report, monkeypatch, "1")
    assert used == [None]
    assert helped == alone


def test_a_helper_that_cannot_start_is_no_error(report, monkeypatch, tmp_path):
    alone = _build(report, monkeypatch, "0")
    monkeypatch.setattr(fax_worker.sys, "executable", str(tmp_path / "no-such-python"))
    monkeypatch.setenv("COMPOSER_FAX_HELPER", "1")
    assert fax_worker.start() is None
    assert _build(report, monkeypatch, "1") == alone


def test_a_hanging_helper_is_killed_and_the_work_done_here(report, monkeypatch, used):
    alone = _build(report, monkeypatch, "0")
    _broken_child(monkeypatch, "import time; time.sleep(60)")
    monkeypatch.setattr(fax_worker, "TIMEOUT", 1.0)
    start = time.monotonic()
    helped = _build(report, monkeypatch, "1")
    assert time.monotonic() - start < 30
    assert used == [None]
    assert helped == alone


def test_long_faxes_keep_their_process_pool(report, monkeypatch, used):
    monkeypatch.setattr(fax_raster, "PARALLEL_MIN_PAGES", 2)
    alone = _build(report, monkeypatch, "0")
    helped = _build(report, monkeypatch, "1")
    assert used == []                            # the helper was stopped, not asked
    assert helped == alone


def test_an_unused_helper_is_stopped(monkeypatch):
    monkeypatch.setenv("COMPOSER_FAX_HELPER", "1")
    helper = fax_worker.start()
    assert helper is not None
    helper.close()
    assert helper._proc.poll() is not None
    assert helper.report_frames("group3") is None
    helper.close()                               # twice is fine


def test_the_helper_is_used_only_where_it_may_pay(monkeypatch):
    monkeypatch.setenv("COMPOSER_FAX_HELPER", "0")
    assert not fax_worker.enabled()
    monkeypatch.setenv("COMPOSER_FAX_HELPER", "1")
    assert fax_worker.enabled()
    monkeypatch.delenv("COMPOSER_FAX_HELPER")
    monkeypatch.setattr(fax_worker.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(fax_worker, "_other_runnable", lambda: 0)
    assert not fax_worker.enabled()              # one CPU: nothing to overlap with
    monkeypatch.setattr(fax_worker.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert fax_worker.enabled()                  # the other core is idle
    monkeypatch.setattr(fax_worker, "_other_runnable", lambda: 1)
    assert not fax_worker.enabled()              # someone else is using it
    monkeypatch.setattr(fax_worker, "_other_runnable", lambda: None)
    assert fax_worker.enabled()                  # not known: assume it is free
    monkeypatch.setattr(fax_worker.sys, "frozen", True, raising=False)
    monkeypatch.setenv("COMPOSER_FAX_HELPER", "1")
    assert not fax_worker.enabled()


def test_the_runnable_count_is_read_where_the_system_has_it():
    count = fax_worker._other_runnable()
    if Path("/proc/loadavg").exists():
        assert isinstance(count, int) and count >= 0
    else:
        assert count is None


def test_replies_are_parsed_strictly():
    import struct

    def reply(*frames: bytes) -> bytes:
        return b"OK" + struct.pack(">I", len(frames)) + b"".join(
            struct.pack(">Q", len(f)) + f for f in frames)

    assert fax_worker._parse_reply(reply(b"a", b"bc")) == [b"a", b"bc"]
    good = reply(b"abc", b"de")
    for bad in (good[:-1], good + b"x", b"ER" + good[2:], reply(), b"", b"OK"):
        assert fax_worker._parse_reply(bad) is None
