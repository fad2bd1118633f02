"""Settings → 报告字体: a workstation FangSong is offered and used; a font whose licence forbids
embedding is listed but cannot be chosen, with the reason."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from fontTools.ttLib import TTFont
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from composer.core import flow
from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.gui import font_setting
from composer.resources import resource_path

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "ransomware-retailer.json"


def _font(path: Path, ps_name: str, fs_type: int) -> None:
    with TTFont(str(resource_path("fonts/ComposerSerifSC-Bold.ttf"))) as font:
        font["OS/2"].fsType = fs_type
        font["name"].setName(ps_name, 6, 3, 1, 0x409)
        font.save(str(path))


@pytest.fixture
def font_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "fonts"
    d.mkdir()
    _font(d / "simfang.ttf", "TestFangSong", 0x0000)
    _font(d / "FZXBSJW.TTF", "TestRestricted", 0x0002)
    monkeypatch.setenv("COMPOSER_FONT_DIRS", str(d))
    yield d
    font_setting.set_current_choice(font_setting.FontChoice())


def _used_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[1])
    return names


def test_workstation_fangsong_is_chosen_stored_and_used(font_dir, window, storage, qtbot):
    fonts_box = window.wizard.pages[flow.Step.PROFILE].report_fonts
    qtbot.waitUntil(lambda: fonts_box.is_scanned)   # the folders are searched in the background
    body = window.findChild(QComboBox, "report-font-body")
    title = window.findChild(QComboBox, "report-font-title")
    assert body is not None and title is not None
    assert body.itemText(0).startswith("内置")
    fang = body.findData(str(font_dir / "simfang.ttf"))
    assert fang > 0 and body.model().item(fang).isEnabled()
    restricted = title.findData(str(font_dir / "FZXBSJW.TTF"))
    assert restricted > 0 and not title.model().item(restricted).isEnabled()
    assert "fsType" in title.itemData(restricted, Qt.ItemDataRole.ToolTipRole)
    assert "许可不允许嵌入" in title.itemText(restricted)

    body.setCurrentIndex(fang)
    body.activated.emit(fang)                      # what a click on the item emits
    assert storage.load_setting("report_fonts") == {"body": str(font_dir / "simfang.ttf"),
                                                    "title": None}
    report = load_report(EXAMPLE)
    pdf = font_setting.render_pdf(report, classify(report),
                                  generated_at=report.incident.discovered_at)
    used = _used_fonts(pdf)
    assert "TestFangSong" in used and "ComposerSerifSC-Regular" not in used
    assert "TestRestricted" not in used


def test_a_refused_file_says_why(font_dir, window):
    fonts_box = window.wizard.pages[flow.Step.PROFILE].report_fonts
    title = window.findChild(QComboBox, "report-font-title")
    assert not fonts_box.use_file(title, str(font_dir / "FZXBSJW.TTF"))
    assert "fsType" in fonts_box.problem.text() and not fonts_box.problem.isHidden()
    assert title.currentIndex() == 0
    assert fonts_box.use_file(title, str(font_dir / "simfang.ttf"))
    assert fonts_box.problem.isHidden()


def test_a_stored_choice_survives_the_background_search(font_dir, window, storage, qtbot):
    """The stored body font is shown at once (by its path) and, once the search has listed
    the workstation's fonts, by its name; a stored font that is gone stays chosen, by path."""
    page = window.wizard.pages[flow.Step.PROFILE]
    fonts_box = font_setting.ReportFonts(page, page.new_form("x"))
    gone = str(font_dir / "removed.ttf")
    fonts_box.set_choice(font_setting.FontChoice(body=str(font_dir / "simfang.ttf"), title=gone))
    assert fonts_box.body.currentData() == str(font_dir / "simfang.ttf")
    qtbot.waitUntil(lambda: fonts_box.is_scanned)
    assert fonts_box.body.currentData() == str(font_dir / "simfang.ttf")
    assert "simfang" not in fonts_box.body.currentText()      # the font's label, not its path
    assert fonts_box.title.currentData() == gone and fonts_box.title.currentText() == gone
    assert fonts_box.body.itemData(fonts_box.body.count() - 1) == fonts_box._OTHER
