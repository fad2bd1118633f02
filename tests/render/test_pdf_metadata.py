"""Every PDF names the reporting unit as its Author and Chinese as its language (/Lang), and
the e-mail has one MIME-Version (issue 21, point 6)."""

from __future__ import annotations

import io
import json
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pypdf
from pdf_cases import GENERATED_AT

from composer.core.classify import classify
from composer.core.draft import Draft
from composer.core.incident_io import load_report
from composer.core.storage import Storage
from composer.render.package import build_package
from composer.render.record_pdf import record_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _meta(pdf: bytes) -> tuple[str | None, str | None]:
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    return reader.metadata.author, reader.trailer["/Root"].get("/Lang")


def test_every_package_pdf_has_the_unit_as_author_and_lang() -> None:
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    assert classify(report) is not None
    files = build_package(report, generated_at=GENERATED_AT, only="pdf,eml,fax,script")
    pdfs = [name for name in files if name.endswith(".pdf")]
    assert sorted(pdfs) == ["fax/cover.pdf", "fax/fax.pdf", "report.pdf", "script.pdf"]
    for name in pdfs:
        assert _meta(files[name]) == ("华东优选零售有限公司", "zh-CN"), name


def test_the_record_pdf_names_the_data_folders_unit(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "phishing-general.json").read_text("utf-8"))
    storage = Storage(tmp_path / "db.sqlite3")
    try:
        storage.save_profile(data["operator"])
        storage.record_submission(storage.save_draft(Draft(data=data)), "fax", GENERATED_AT, "r")
        pdf = record_pdf(storage, storage.verify_records(), generated_at=GENERATED_AT)
    finally:
        storage.close()
    assert _meta(pdf) == (" ".join(data["operator"]["name"].split()), "zh-CN")


def test_the_email_has_one_mime_version() -> None:
    report = load_report(EXAMPLES / "ransomware-retailer.json")
    eml = build_package(report, generated_at=GENERATED_AT, only="eml")["message.eml"]
    assert eml.count(b"MIME-Version:") == 1
    msg = message_from_bytes(eml, policy=default)
    assert msg["MIME-Version"] == "1.0"
    assert all(part["MIME-Version"] is None for part in msg.walk() if part is not msg)
