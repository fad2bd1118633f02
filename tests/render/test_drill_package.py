"""A drill's package (issue 24 point 1): cannot be mistaken for a real report, cannot reach the
intake. Each of the four examples is rendered as a drill — one with its own recipients, the
others with none — and read back as its readers read it: every page of every PDF (pypdf's text
layer) says 演练, the e-mail (the ``email`` package, notmuch/GMime, mu) is addressed only to the
drill's own addresses or to nobody, and no output names the intake's address or fax number."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from datetime import datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pypdf
import pytest
from readers import gmime_read

from composer.core.drill import HEADLINE, OPENING, PAGE_HEADER, PREFIX
from composer.core.incident_io import parse_report
from composer.core.obligations import CHINA_TZ
from composer.core.rules import reporting_rules
from composer.render.package import build_package

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=CHINA_TZ)
NAMES = ("ransomware-retailer", "cii-grid-outage", "phishing-general", "central-organ-leak")
OWN = {"ransomware-retailer": (["drill-lead@example.com", "soc@example.org"], "0571-88881234")}
PDFS = ("report.pdf", "fax/cover.pdf", "fax/fax.pdf", "script.pdf")
INTAKE_EMAIL = reporting_rules().channels.email
INTAKE_FAX = reporting_rules().channels.fax


def _drill(name: str) -> dict:
    data = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    data["drill"] = True
    if name in OWN:
        data["drill_to"], data["drill_fax"] = OWN[name]
    return data


@pytest.fixture(scope="module")
def packages() -> dict[str, dict[str, bytes]]:
    return {name: build_package(parse_report(_drill(name)), generated_at=WHEN,
                                only=("pdf", "eml", "fax", "script"))
            for name in NAMES}


def _pages(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("name", NAMES)
def test_every_page_of_every_pdf_says_drill(packages, name: str) -> None:
    files = packages[name]
    for pdf in PDFS:
        pages = _pages(files[pdf])
        assert pages, pdf
        for n, text in enumerate(pages, start=1):
            assert PAGE_HEADER in text, f"{pdf} page {n}"
    report = _pages(files["report.pdf"])[0]
    assert f"{PREFIX}网络安全事件报告（" in report          # the title begins with 【演练】
    info = pypdf.PdfReader(io.BytesIO(files["report.pdf"])).metadata
    assert info.title.startswith(PREFIX)
    assert "演练：本报告为网络安全事件应急演练材料" in re.sub(r"\s", "", report)


@pytest.mark.parametrize("name", NAMES)
def test_the_cover_reads_do_not_send_and_shows_only_the_drills_fax(packages, name: str) -> None:
    assert len(_pages(packages[name]["fax/cover.pdf"])) == 1     # the drill adds no page
    cover = re.sub(r"[ \t]", "", "".join(_pages(packages[name]["fax/cover.pdf"])))
    assert re.sub(r"\s", "", HEADLINE) in cover
    assert "紧急" not in cover
    assert INTAKE_FAX not in cover and "12387受理" not in cover
    flat = re.sub(r"\s", "", cover)
    if name in OWN:
        assert f"收件传真{OWN[name][1]}页数" in flat
    else:
        assert "收件传真" not in flat                     # no number at all, never the intake's
    assert "收件单位演练收件人（演练材料，不报送受理平台）" in flat


@pytest.mark.parametrize("name", NAMES)
def test_the_email_goes_only_to_the_drills_addresses(packages, name: str) -> None:
    raw = packages[name]["message.eml"]
    msg = message_from_bytes(raw, policy=default)
    own = OWN.get(name, ([], ""))[0]
    to = [a.addr_spec for a in msg["To"].addresses] if msg["To"] is not None else []
    assert to == own                                      # none given: no To at all
    assert msg["Cc"] is None and msg["Bcc"] is None
    assert str(msg["Subject"]).startswith(PREFIX)
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            assert INTAKE_EMAIL not in part.get_content()
            assert part.get_content().lstrip().startswith("演练：") or "<strong>演练：" in \
                part.get_content()
    assert msg.get_body(("plain",)).get_content().splitlines()[2] == "演练收件人："
    decoded = gmime_read([raw])
    if decoded is not None:                               # notmuch (GMime)
        assert [a for _, a in decoded[0]["recipients"]] == own
        assert INTAKE_EMAIL not in json.dumps(decoded[0]["headers"])
        assert decoded[0]["headers"]["Subject"].startswith(PREFIX)


@pytest.mark.skipif(shutil.which("mu") is None, reason="mu (maildir-utils) not installed")
@pytest.mark.parametrize("name", NAMES)
def test_mu_shows_no_intake_recipient(packages, name: str, tmp_path: Path) -> None:
    path = tmp_path / "message.eml"
    path.write_bytes(packages[name]["message.eml"])
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    shown = subprocess.run(["mu", "view", str(path)], capture_output=True, env=env,
                           check=True).stdout.decode("utf-8")
    headers = shown.split("\n\n", 1)[0]
    to = [line for line in headers.splitlines() if line.startswith(("To:", "Cc:", "Bcc:"))]
    own = OWN.get(name, ([], ""))[0]
    assert to == ([f"To: {', '.join(own)}"] if own else [])
    assert INTAKE_EMAIL not in shown
    assert f"Subject: {PREFIX}" in headers


@pytest.mark.parametrize("name", NAMES)
def test_no_output_names_the_intake_as_recipient(packages, name: str) -> None:
    files = packages[name]
    texts = {"script.txt": files["script.txt"].decode("utf-8"),
             "manifest.json": files["manifest.json"].decode("utf-8")}
    for pdf in PDFS:
        texts[pdf] = "".join(_pages(files[pdf]))
        meta = pypdf.PdfReader(io.BytesIO(files[pdf])).metadata
        texts[pdf + " (info)"] = " ".join(str(v) for v in meta.values())
    msg = message_from_bytes(files["message.eml"], policy=default)
    texts["message.eml"] = "\n".join(
        [f"{k}: {v}" for k, v in msg.items()]
        + [p.get_content() for p in msg.walk() if p.get_content_maintype() == "text"])
    for where, text in texts.items():
        assert INTAKE_EMAIL not in text, where
        assert INTAKE_FAX not in text, where
    report = re.sub(r"\s", "", texts["report.pdf"])
    row = re.search(r"主送(.*?)报告单位", report)
    assert row is not None and row.group(1).startswith("演练收件人：")
    assert "受理平台（国家互联网应急中心）" not in row.group(1)


@pytest.mark.parametrize("name", NAMES)
def test_the_phone_script_opens_with_this_is_a_drill(packages, name: str) -> None:
    text = packages[name]["script.txt"].decode("utf-8")
    said = [line for line in text.splitlines()[2:]
            if line.strip() and not line.startswith(("■", "【"))]
    assert said[0].startswith(OPENING)                    # 「这是演练。…」
    assert text.startswith(PREFIX)
    assert "拨打 12387。" not in text and "请勿拨打 12387" in text
    sheet = text.split("■ 电话报告记录单", 1)[1]
    assert "拨打号码：____" in sheet                       # nobody to dial: left blank
    own = OWN.get(name)
    written = [line for line in text.splitlines() if line.startswith("【演练收件人")]
    assert written == ([f"【演练收件人：电子邮件 {'、'.join(own[0])}，传真 {own[1]}。】"] if own
                       else ["【演练收件人：未指定（演练材料，不报送受理平台）。】"])


@pytest.mark.parametrize("name", NAMES)
def test_the_manifest_records_the_drill(packages, name: str) -> None:
    manifest = json.loads(packages[name]["manifest.json"])
    assert manifest["drill"] is True


def test_a_real_package_has_no_drill_key_and_still_goes_to_the_intake() -> None:
    data = json.loads((EXAMPLES / "ransomware-retailer.json").read_text("utf-8"))
    files = build_package(parse_report(data), generated_at=WHEN, only=("pdf", "eml"))
    assert "drill" not in json.loads(files["manifest.json"])
    msg = message_from_bytes(files["message.eml"], policy=default)
    assert [a.addr_spec for a in msg["To"].addresses] == [INTAKE_EMAIL]
    assert all(PAGE_HEADER not in t for t in _pages(files["report.pdf"]))
    assert not str(msg["Subject"]).startswith(PREFIX)


def test_the_fax_keeps_the_header_line_and_the_mark_never_turns_black() -> None:
    """At the fax threshold the pale diagonal turns white — it cannot blot out text — while
    the black header line stays: a page holding only the mark, rasterised as the TIFF is."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from composer.render.drill_mark import HEADER_FROM_TOP, draw_drill_mark
    from composer.render.fax_pages import FAX_DPI, _fax_page

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    draw_drill_mark(canvas, *A4)
    canvas.showPage()
    canvas.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        image = _fax_page(doc[0])
    finally:
        doc.close()
    band = round((HEADER_FROM_TOP + 8 * 2.8346) / 72 * FAX_DPI[1])  # the header line's band
    ink = [y for y in range(image.height) if any(
        image.getpixel((x, y)) == 0 for x in range(0, image.width, 2))]
    assert ink, "the header line vanished from the fax"
    assert max(ink) < band, f"the diagonal mark prints black at line {max(ink)}"


def test_a_drill_fax_tiff_page_carries_the_header_line(packages) -> None:
    from PIL import Image

    tiff = Image.open(io.BytesIO(packages["ransomware-retailer"]["fax/fax.tif"]))
    assert tiff.n_frames == len(_pages(packages["ransomware-retailer"]["fax/fax.pdf"]))
    for frame in range(tiff.n_frames):
        tiff.seek(frame)
        page = tiff.convert("L")
        top = page.crop((0, 60, page.width, 160))          # ≈ 8–21 mm from the top
        assert top.getextrema()[0] == 0, f"page {frame + 1}: no header line in the fax"


def test_the_calendar_of_a_drill_says_drill() -> None:
    from composer.core.classify import classify
    from composer.core.owed import owed
    from composer.render.ics import calendar_ics

    report = parse_report(_drill("ransomware-retailer"))
    items = owed(report, classify(report), {report.report_type}, [])
    assert items
    ics = calendar_ics(report, items, now=WHEN).decode("utf-8")
    summaries = [line for line in ics.splitlines() if line.startswith("SUMMARY:")]
    assert summaries and all(s.startswith(f"SUMMARY:{PREFIX}") for s in summaries)
