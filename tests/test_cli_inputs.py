"""Every input gets exit 2 and its path, never a traceback (issue 20 point 4): addresses with
encoded words, times out of range, ``--out /``, devices and FIFOs as input files, texts of
too many lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer.core.addresses import address_problem, is_address
from composer.core.classify import classify
from composer.core.incident_io import load_report, loads_report
from composer.core.validators import LINES_MAX, TEXT_MAX, InvalidIncident, line_count

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
EXAMPLE = EXAMPLES / "ransomware-retailer.json"

ISSUE_20_ADDRESSES = [
    "=?utf-8?b?ZXZpbEBhdHRhY2tlci5leGFtcGxlLCB4?=@b.cn",
    "=?utf-8?b?ZXZpbEBhdHRhY2tlci5leGFtcGxl?=@b.cn",
    "=??b??=@example.cn",
    "a=?utf-8?q?x?=b@example.cn",
    "user@=?utf-8?q?example?=.cn",
]


def composer(*args: str, env: dict[str, str] | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "composer", *args], check=False,
                          capture_output=True, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def with_contact_email(tmp_path: Path, email: str) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["operator"]["contact"]["email"] = email
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def assert_clean_invalid(run: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr
    for needle in needles:
        assert needle in run.stderr, run.stderr


@pytest.mark.parametrize("address", ISSUE_20_ADDRESSES)
def test_encoded_word_contact_address_exits_2_from_validate_and_render(
        tmp_path: Path, address: str) -> None:
    path = with_contact_email(tmp_path, address)
    assert_clean_invalid(composer("validate", str(path)), "operator.contact.email")
    run = composer("render", str(path), "--out", str(tmp_path / "out"))
    assert_clean_invalid(run, "operator.contact.email")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("address", ISSUE_20_ADDRESSES)
def test_encoded_word_to_address_exits_2(tmp_path: Path, address: str) -> None:
    run = composer("render", str(EXAMPLE), "--out", str(tmp_path / "out"), "--to", address,
                   "--only", "eml")
    assert_clean_invalid(run, "--to:")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text,ok", [
    ("a@b.cn", True), ("first.last+tag@mail.example.cn", True), ("x@xn--fiqs8s.cn", True),
    ("o'neil@example.cn", True), ("a" * 64 + "@b.cn", True), ("a" * 65 + "@b.cn", False),
    ("用户@例子.中国", False), ("a..b@c.cn", False), (".a@c.cn", False), ("a.@c.cn", False),
    ('"a b"@c.cn', False), ("a@[192.0.2.1]", False), ("a@-b.cn", False), ("a@b-.cn", False),
    ("a@b.123", False), ("a@" + "b" * 64 + ".cn", False), ("=?x?q?y?=@b.cn", False),
    ("a?=@b.cn", False), ("a@b.cn\n", True), ("a@b.cn\r\nBcc: x@y.cn", False),
])
def test_address_syntax(text: str, ok: bool) -> None:
    assert is_address(text) is ok, address_problem(text)


def test_address_check_is_linear() -> None:
    # the former pattern backtracked; a long hostile input must be refused as fast as a short one
    assert not is_address("a@" + "a." * 200_000 + "@")
    assert not is_address("a" * 1_000_000)


@pytest.mark.parametrize("epoch", ["253402300800", "99999999999", "0", "-1", "1e9", "x"])
def test_source_date_epoch_out_of_range_exits_2(tmp_path: Path, epoch: str) -> None:
    run = composer("render", str(EXAMPLE), "--out", str(tmp_path / "out"), "--only", "pdf",
                   env={"SOURCE_DATE_EPOCH": epoch})
    assert_clean_invalid(run, "SOURCE_DATE_EPOCH")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00",
                                  "2101-01-01T00:00:00+08:00", "2026-02-30T09:30:00+08:00"])
def test_generated_at_out_of_range_exits_2(tmp_path: Path, when: str) -> None:
    run = composer("render", str(EXAMPLE), "--out", str(tmp_path / "out"), "--only", "pdf",
                   "--generated-at", when)
    assert_clean_invalid(run, "--generated-at")


def test_render_out_root_exits_2() -> None:
    assert_clean_invalid(composer("render", str(EXAMPLE), "--out", "/"), "/: ")


@pytest.mark.parametrize("command", [["validate"], ["render", "--out", "OUT"], ["open"]])
def test_device_as_input_exits_2_at_once(tmp_path: Path, command: list[str]) -> None:
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    run = composer(*args[:1], "/dev/zero", *args[1:], timeout=60)
    assert_clean_invalid(run, "/dev/zero: is a device")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", ["validate", "open"])
def test_fifo_as_input_exits_2_at_once(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)          # no writer: opening it for reading the usual way blocks forever
    run = composer(command, str(fifo), timeout=60)
    assert_clean_invalid(run, "is a pipe (FIFO)")


def test_folder_as_input_exits_2(tmp_path: Path) -> None:
    assert_clean_invalid(composer("validate", str(tmp_path)), "is a folder")


# --- the bound on printed lines ----------------------------------------------------------------

LONG_TEXTS = ("systems", "location", "description", "impact", "measures", "trend", "cause",
              "clues", "next_steps", "support_requested", "scene_preservation", "other",
              "accountability", "remediation", "lessons", "delay_reason")


def many_lines(lines: int, width: int, char: str = "a") -> bytes:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for key in LONG_TEXTS:
        data["incident"][key] = "\n".join([char * width] * lines)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_the_issues_many_short_lines_file_is_refused_naming_the_bound(tmp_path: Path) -> None:
    source = many_lines(10_000, 1)         # the issue's 480 KB: 16 texts of 10,000 lines
    assert 300_000 < len(source) < 500_000
    path = tmp_path / "lines.json"
    path.write_bytes(source)
    run = composer("render", str(path), "--out", str(tmp_path / "out"))
    assert_clean_invalid(run, "incident.description: has too many lines: 10,000, at most "
                              f"{LINES_MAX:,}")
    assert not (tmp_path / "out").exists()


def test_line_count_counts_every_break_the_pdf_honours() -> None:
    assert line_count("a") == 1
    assert line_count("a\r\nb\rc\nd\u2028e\u2029f\x85g") == 7


def test_the_worst_text_within_the_limits_prints_a_bounded_number_of_pages() -> None:
    """One text at the worst shape the limits allow (LINES_MAX lines sharing TEXT_MAX
    characters, each line wrapping) adds at most PAGES_PER_TEXT pages (README "Input limits":
    16 such texts print ≈ 470 pages, whose whole package bench/bench_limits.py times)."""
    from composer.render.fax import page_count
    from composer.render.pdf import render_report_pdf

    pages_per_text = 40
    base = load_report(EXAMPLE)
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["incident"]["description"] = "\n".join(["字" * (TEXT_MAX // LINES_MAX - 1)]
                                                * LINES_MAX)
    worst = loads_report(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    with pytest.raises(InvalidIncident):
        data["incident"]["description"] += "\n字"
        loads_report(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    when = base.incident.discovered_at
    grown = (page_count(render_report_pdf(worst, classify(worst), generated_at=when))
             - page_count(render_report_pdf(base, classify(base), generated_at=when)))
    assert 0 < grown <= pages_per_text
