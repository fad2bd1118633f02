"""Every package, checked by tools nobody here wrote: qpdf --check and pdffonts on every PDF,
HylaFAX's tiffcheck on every fax TIFF, GMime (notmuch) on the e-mail — across the examples and
the adversarial cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_cases import GENERATED_AT, adversarial
from readers import gmime_read, pdffonts, qpdf_check, tiffcheck

from composer.core.incident_io import load_report
from composer.core.model import Report, ReportType
from composer.render.email import attachment_names, display_name, subject_line
from composer.render.package import write_package

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _cases() -> dict[str, Report]:
    cases = {p.stem: load_report(p) for p in sorted(EXAMPLES.glob("*.json"))
             if p.name != "expected.json"}
    cases["adversarial"] = adversarial()
    cases["adversarial-summary"] = adversarial(ReportType.SUMMARY)
    return cases


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, Path]]:
    root = tmp_path_factory.mktemp("packages")
    out = {}
    for name, report in _cases().items():
        write_package(report, root / name, generated_at=GENERATED_AT,
                      only=("pdf", "eml", "fax", "script"))
        out[name] = (report, root / name)
    return out


def _pdfs(packages: dict[str, tuple[Report, Path]]) -> list[Path]:
    found = [p for _, d in packages.values() for p in sorted(d.rglob("*.pdf"))]
    assert len(found) == 4 * len(packages)        # report, cover, fax set, phone script
    return found


def test_qpdf_check_is_clean(packages: dict[str, tuple[Report, Path]]) -> None:
    for pdf in _pdfs(packages):
        result = qpdf_check(pdf)
        if result is None:
            pytest.skip("qpdf not installed; .ci/run installs it")
        code, out = result
        assert code == 0 and "No syntax or stream encoding errors" in out, (pdf, out)
        assert "WARNING" not in out, (pdf, out)


def test_every_font_is_embedded_with_distinct_subset_tags(
        packages: dict[str, tuple[Report, Path]]) -> None:
    for pdf in _pdfs(packages):
        rows = pdffonts(pdf)
        if rows is None:
            pytest.skip("pdffonts (poppler-utils) not installed; .ci/run installs it")
        assert rows, pdf
        assert all(r["emb"] == "yes" for r in rows), (pdf, rows)
        assert not any("Helvetica" in r["name"] for r in rows), (pdf, rows)
        names = [r["name"] for r in rows]
        assert all(re.fullmatch(r"[A-Z]{6}\+\S+", n) for n in names), names
        tags = [n.split("+")[0] for n in names]
        assert len(set(tags)) == len(tags), (pdf, names)      # ISO 32000-1 §9.6.4


def test_tiffcheck_accepts_every_fax_page_as_it_is(
        packages: dict[str, tuple[Report, Path]]) -> None:
    for _, directory in packages.values():
        verdict = tiffcheck(directory / "fax" / "fax.tif")
        if verdict is None:
            pytest.skip("HylaFAX tiffcheck not available; .ci/run unpacks it")
        assert verdict.splitlines()[0] == "OK", verdict


def test_gmime_decodes_every_header(packages: dict[str, tuple[Report, Path]]) -> None:
    reports = [r for r, _ in packages.values()]
    decoded = gmime_read([(d / "message.eml").read_bytes() for _, d in packages.values()])
    if decoded is None:
        pytest.skip("notmuch (GMime) not installed; .ci/run installs it")
    from composer.core.classify import classify

    for report, got in zip(reports, decoded, strict=True):
        assert got["headers"]["Subject"] == subject_line(report, classify(report))
        email = report.operator.contact.email
        assert got["senders"] == ([(display_name(report), email)] if email else [])
        assert got["recipients"] == [("", "12387@cert.org.cn")]
        assert got["filenames"] == [attachment_names(report, GENERATED_AT)[0]]


def test_fax_pdfs_carry_real_metadata(packages: dict[str, tuple[Report, Path]]) -> None:
    import pypdf

    for _report, directory in packages.values():
        cover = pypdf.PdfReader(directory / "fax" / "cover.pdf").metadata
        combined = pypdf.PdfReader(directory / "fax" / "fax.pdf").metadata
        for meta in (cover, combined):
            assert meta["/CreationDate"] == "D:20261118153012+08'00'"
            assert meta.subject and meta.subject != "unspecified"
            assert "传真" in meta.subject and meta.title
        assert combined.title.startswith("传真：网络安全事件报告（")
        assert "Composer" in (combined.creator or "")


def test_record_pdf_passes_the_same_checks(tmp_path: Path) -> None:
    import json

    from composer.core.draft import Draft
    from composer.core.storage import Storage
    from composer.render.record_pdf import record_pdf

    storage = Storage(tmp_path / "db.sqlite3")
    try:
        draft = Draft(data=json.loads((EXAMPLES / "phishing-general.json").read_text("utf-8")))
        storage.record_submission(storage.save_draft(draft), "fax", GENERATED_AT, "回执 001")
        pdf = tmp_path / "record.pdf"
        pdf.write_bytes(record_pdf(storage, storage.verify_records(), generated_at=GENERATED_AT))
    finally:
        storage.close()
    rows, check = pdffonts(pdf), qpdf_check(pdf)
    if rows is None or check is None:
        pytest.skip("pdffonts/qpdf not installed; .ci/run installs them")
    assert check[0] == 0 and "WARNING" not in check[1]
    assert rows and all(r["emb"] == "yes" for r in rows)
    assert not any("Helvetica" in r["name"] for r in rows)
