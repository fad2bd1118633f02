"""``composer log ledger`` and ``composer log drill`` (CONTRACT.md "Extensions (2026-12-05)"),
and ``composer render`` of a summary report whose incident the data folder's record holds
(issue 24): run through the real command line on a data folder with real and drill
sendings (tests/core/ledger_scene.py). The workbook is opened with openpyxl and converted to
CSV by LibreOffice Calc (headless, a profile of the test's own), the drill report read back
with pypdf, the summary's PDF checked for the Art. 11 table."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent / "core"))
from ledger_scene import GRID, build

from composer.core.drill import PAGE_HEADER, PAGE_MARK
from composer.core.paths import database_path
from composer.render.ledger_xlsx import COLUMNS

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
HEADERS = [h for h, _ in COLUMNS]


def composer(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "composer", *args], check=False,
                          capture_output=True, env=env, timeout=180)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def scene(monkeypatch):
    return build(database_path().parent, monkeypatch)


def _sheet_rows(path: Path) -> tuple[list[list[object]], openpyxl.Workbook]:
    wb = openpyxl.load_workbook(path)
    ws = wb["报送台账"]
    return [list(r) for r in ws.iter_rows(values_only=True)], wb


def test_the_ledger_opens_with_openpyxl_rows_and_figures_right(scene, tmp_path) -> None:
    out = tmp_path / "台账.xlsx"
    run = composer("log", "ledger", "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [str(out), "7 report(s) sent"]
    rows, wb = _sheet_rows(out)
    ws = wb["报送台账"]
    assert rows[0] == HEADERS and len(rows) == 8
    assert ws.freeze_panes == "A2"
    col = {h: i for i, h in enumerate(HEADERS)}
    assert not any("演练" in str(r[col["报告类型"]]) for r in rows[1:])
    verdicts = [r[col["是否按时"]] for r in rows[1:]]
    assert verdicts == ["按时", "迟报 1 小时", "按时", "迟报 35 分钟", "原报告按时", "无固定时限",
                        "按时"]
    assert [r[col["迟报分钟数"]] for r in rows[1:]] == [0, 60, 0, 35, 0, None, 0]
    police = rows[4]
    assert police[col["报送对象"]] == "公安机关"
    assert police[col["发现时间（北京时间）"]] == GRID.replace(tzinfo=None)   # a real date
    assert ws.cell(row=5, column=col["报送时间（北京时间）"] + 1).is_date
    assert ws.cell(row=5, column=col["报送时间（北京时间）"] + 1).number_format == "yyyy-mm-dd hh:mm"
    assert police[col["报送时间（北京时间）"]] == datetime(2026, 11, 19, 3, 45)
    assert len(police[col["记录 SHA-256"]]) == 64 and police[col["记录编号"]] == 2
    assert ws.column_dimensions["C"].width >= 2 * len("调度自动化系统整体中断")  # fits the title
    summary = {r[0]: r[1] for r in wb["年度汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["其中按时"] == 3 and summary["其中迟报"] == 2 and summary["报送次数"] == 7
    assert summary["记录链校验"] == "完整，共 8 条记录" and "演练次数" not in summary


def test_drills_only_with_drills_and_the_year_filter(scene, tmp_path) -> None:
    out = tmp_path / "with-drills.xlsx"
    assert composer("log", "ledger", "--out", str(out), "--drills").returncode == 0
    rows, wb = _sheet_rows(out)
    drills = [r for r in rows[1:] if str(r[HEADERS.index("报告类型")]).startswith("【演练】")]
    assert len(rows) == 9 and len(drills) == 1
    summary = {r[0]: r[1] for r in wb["年度汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["演练次数"] == 1 and summary["其中按时"] == 3     # real figures unchanged
    out = tmp_path / "2027.xlsx"
    run = composer("log", "ledger", "--out", str(out), "--year", "2027")
    assert run.returncode == 0 and run.stdout.splitlines()[1] == "1 report(s) sent in 2027"
    rows, wb = _sheet_rows(out)
    assert [r[HEADERS.index("报告类型")] for r in rows[1:]] == ["总结报告"]
    assert wb["年度汇总"]["A1"].value == "2027 年度网络安全事件报送台账汇总"


def test_bad_outputs_and_years_exit_2(scene, tmp_path) -> None:
    for args in (["--out", str(tmp_path)], ["--out", "/dev/null"],
                 ["--out", str(tmp_path / "x.xlsx"), "--year", "1999"]):
        run = composer("log", "ledger", *args)
        assert run.returncode == 2, (args, run.stderr)
        assert "Traceback" not in run.stderr
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "elsewhere.pdf")
    run = composer("log", "drill", "--out", str(link))
    assert run.returncode == 2 and not (tmp_path / "elsewhere.pdf").exists()


def _calc_available(tmp_path: Path) -> str | None:
    """Why LibreOffice Calc cannot run here (None: it can): soffice absent, or present
    without Calc (it cannot even convert a two-cell CSV)."""
    if shutil.which("soffice") is None:
        return "soffice (LibreOffice) is not installed: .ci/run installs libreoffice-calc-nogui"
    probe = tmp_path / "probe.csv"
    probe.write_text("a,1\n", encoding="utf-8")
    _soffice(tmp_path, probe, "xlsx")
    if not (tmp_path / "probe.xlsx").exists():
        return "LibreOffice has no Calc here: install libreoffice-calc-nogui"
    return None


def _soffice(tmp_path: Path, source: Path, to: str) -> subprocess.CompletedProcess[bytes]:
    profile = (tmp_path / "lo-profile").as_uri()     # never the user's own profile
    return subprocess.run(["soffice", "--headless", "--norestore",
                           f"-env:UserInstallation={profile}", "--convert-to", to,
                           "--outdir", str(tmp_path), str(source)],
                          capture_output=True, timeout=180, check=False,
                          env={**os.environ, "HOME": str(tmp_path)})


def test_the_ledger_opens_in_libreoffice_calc(scene, tmp_path) -> None:
    why = _calc_available(tmp_path)
    if why is not None:
        pytest.skip(why)
    book = tmp_path / "ledger.xlsx"
    assert composer("log", "ledger", "--out", str(book), "--drills").returncode == 0
    # every sheet to UTF-8 CSV (filter token 12: -1), cells as shown (token 9)
    run = _soffice(tmp_path, book, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
                                   "true,false,false,-1")
    ledger = tmp_path / "ledger-报送台账.csv"
    assert ledger.exists(), run.stdout + run.stderr
    rows = list(csv.reader(ledger.read_text("utf-8").splitlines()))
    assert rows[0] == HEADERS and len(rows) == 9
    col = {h: i for i, h in enumerate(HEADERS)}
    police = next(r for r in rows if r[col["报送对象"]] == "公安机关")
    assert police[col["报送时间（北京时间）"]] == "2026-11-19 03:45"      # the date, as shown
    assert police[col["是否按时"]] == "迟报 35 分钟" and police[col["迟报分钟数"]] == "35"
    assert [r[col["是否按时"]] for r in rows[1:]].count("按时") == 3
    assert sum(r[col["报告类型"]].startswith("【演练】") for r in rows[1:]) == 1
    summary = tmp_path / "ledger-年度汇总.csv"
    figures = dict(r[:2] for r in csv.reader(summary.read_text("utf-8").splitlines()) if r)
    assert figures["其中按时"] == "3" and figures["其中迟报"] == "2"


def test_the_drill_report_says_演练_on_every_page(scene, tmp_path) -> None:
    out = tmp_path / "drill.pdf"
    run = composer("log", "drill", "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [str(out), "1 drill(s)"]
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert pages and all(PAGE_HEADER in t and PAGE_MARK in t for t in pages)
    text = "".join(pages).replace("\n", "")
    assert "4 小时（《办法》第四条：其他网络运营者，发现后 4 小时内向浙江省网信办报告）" in text
    assert "定级（级别首次确定）2026-11-18 14:1712 分钟在时限内（余 3 小时 48 分钟）" in text
    assert "首个报送材料包2026-11-18 14:3530 分钟在时限内" in text
    assert "超出时限 1 小时" in text
    assert "首报首次报送：发现后 300 分钟（5 小时），超出时限 1 小时（对照时限 4 小时）。" in text


def _summary_file(tmp_path: Path, example: str) -> Path:
    text = (EXAMPLES / example).read_text("utf-8").replace(
        '"report_type": "initial"', '"report_type": "summary"').replace(
        '"discovered_at"', '"handling_completed_at": "2026-12-20T18:00:00+08:00", '
                           '"discovered_at"', 1)
    src = tmp_path / f"summary-{example}"
    src.write_text(text, encoding="utf-8")
    return src


def _pdf_text(path: Path) -> str:
    return "".join("".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_render_of_a_summary_takes_its_table_from_the_record(scene, tmp_path) -> None:
    src = _summary_file(tmp_path, "cii-grid-outage.json")
    run = composer("render", str(src), "--out", str(tmp_path / "pkg"), "--only", "pdf",
                   "--generated-at", "2027-01-05T10:00:00+08:00")
    assert run.returncode == 0, run.stderr
    assert "lists 5 recorded sending(s)" in run.stderr
    text = _pdf_text(tmp_path / "pkg" / "report.pdf")
    assert "十、依法报告及处置情况（《办法》第十一条）" in text
    assert "迟报35分钟" in text and "原报告按时" in text and "以上共5次报送" in text
    assert "GA-2026" not in text                      # receipts stay in the 报送记录
    # an incident the record does not hold: the section says where the table comes from
    other = _summary_file(tmp_path, "central-organ-leak.json")
    run = composer("render", str(other), "--out", str(tmp_path / "other"), "--only", "pdf")
    assert run.returncode == 0 and "note:" not in run.stderr
    text = _pdf_text(tmp_path / "other" / "report.pdf")
    assert "本报告生成时未取得本事件的报送记录，故未列出。" in text and "以上共" not in text
