"""The package on disk: layout, manifest, --only subsets, refusal, force and atomicity."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

import composer
from composer.core.incident_io import dumps_report, load_report
from composer.core.model import Report
from composer.render import package
from composer.render.package import PackageError, build_package, write_package

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
CST = timezone(timedelta(hours=8))
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=CST)
ALL = ["report.pdf", "message.eml", "fax/cover.pdf", "fax/fax.pdf", "fax/fax.tif",
       "manifest.json"]


def _report(name: str = "ransomware-retailer") -> Report:
    return load_report(EXAMPLES / f"{name}.json")


def _source(name: str = "ransomware-retailer") -> bytes:
    return (EXAMPLES / f"{name}.json").read_bytes()


def _tiny_pdf(report, classification, *, generated_at) -> bytes:
    """A stand-in renderer for tests about writing, not rendering (fast)."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.drawString(100, 700, f"tiny {generated_at.isoformat()}")
    c.showPage()
    c.save()
    return buf.getvalue()


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pkg") / "out"
    result = write_package(_report(), out, source=_source(), generated_at=WHEN)
    assert result.files == [out / rel for rel in ALL]
    return out


def test_layout(full: Path) -> None:
    assert sorted(_tree(full)) == sorted(ALL)


def test_manifest_matches_disk(full: Path) -> None:
    manifest = json.loads((full / "manifest.json").read_text("utf-8"))
    assert manifest["format"] == "composer-package/1"
    assert manifest["tool"] == {"name": "composer", "version": composer.__version__}
    assert manifest["generated_at"] == "2026-11-18T16:30:00+08:00"
    assert manifest["input"] == {"sha256": _sha(_source()), "of": "source"}
    assert manifest["level"] == "relatively_major" and manifest["only"] == ["pdf", "eml", "fax"]
    listed = {f["path"]: f for f in manifest["files"]}
    assert sorted(listed) == sorted(p for p in ALL if p != "manifest.json")
    for path, entry in listed.items():
        data = (full / path).read_bytes()
        assert entry["size"] == len(data)
        assert entry["sha256"] == _sha(data), path


def test_eml_attaches_report_pdf(full: Path) -> None:
    msg = message_from_bytes((full / "message.eml").read_bytes(), policy=default)
    (att,) = list(msg.iter_attachments())
    assert att.get_content() == (full / "report.pdf").read_bytes()
    assert msg["X-Unsent"] == "1"


def test_fax_pages_match_report(full: Path) -> None:
    report_pages = len(PdfReader(full / "report.pdf").pages)
    assert report_pages >= 1
    assert len(PdfReader(full / "fax/fax.pdf").pages) == report_pages + 1
    cover_text = PdfReader(full / "fax/cover.pdf").pages[0].extract_text()
    assert "010-82992387" in cover_text and f"共 {report_pages + 1} 页" in cover_text
    with Image.open(full / "fax/fax.tif") as im:
        assert im.n_frames == report_pages + 1
        assert im.size == (1728, 2291) and im.mode == "1"
    manifest = json.loads((full / "manifest.json").read_text("utf-8"))
    assert manifest["fax"] == {"pages": report_pages + 1, "compression": "group3"}


def test_no_temporary_leftovers(full: Path) -> None:
    assert [p.name for p in full.parent.iterdir()] == ["out"]


def test_input_hash_without_source() -> None:
    files = build_package(_report(), only=("pdf",), generated_at=WHEN, pdf_renderer=_tiny_pdf)
    manifest = json.loads(files["manifest.json"])
    canonical = dumps_report(_report()).encode("utf-8")
    assert manifest["input"] == {"sha256": _sha(canonical), "of": "canonical"}


def test_build_is_deterministic() -> None:
    a = build_package(_report(), source=b"x", generated_at=WHEN, pdf_renderer=_tiny_pdf)
    b = build_package(_report(), source=b"x", generated_at=WHEN, pdf_renderer=_tiny_pdf)
    assert a == b
    assert list(a) == ALL


@pytest.mark.parametrize(("only", "expected"), [
    (("pdf",), ["report.pdf"]),
    (("eml",), ["message.eml"]),
    (("fax",), ["fax/cover.pdf", "fax/fax.pdf", "fax/fax.tif"]),
    (("fax", "pdf", "pdf"), ["report.pdf", "fax/cover.pdf", "fax/fax.pdf", "fax/fax.tif"]),
    ("eml,pdf", ["report.pdf", "message.eml"]),
])
def test_only(tmp_path: Path, only, expected: list[str]) -> None:
    out = tmp_path / "out"
    result = write_package(_report(), out, source=b"{}", only=only, generated_at=WHEN,
                           pdf_renderer=_tiny_pdf)
    assert sorted(_tree(out)) == sorted([*expected, "manifest.json"])
    assert result.files[-1] == out / "manifest.json"
    manifest = json.loads((out / "manifest.json").read_bytes())
    assert [f["path"] for f in manifest["files"]] == expected
    assert manifest["only"] == [x for x in ("pdf", "eml", "fax") if x in expected_channels(
        expected)]


def expected_channels(paths: list[str]) -> set[str]:
    return {"pdf" if p == "report.pdf" else "eml" if p == "message.eml" else "fax"
            for p in paths}


def test_only_eml_still_attaches_the_pdf(tmp_path: Path) -> None:
    write_package(_report(), tmp_path / "o", source=None, only=("eml",), generated_at=WHEN,
                  pdf_renderer=_tiny_pdf)
    msg = message_from_bytes((tmp_path / "o" / "message.eml").read_bytes(), policy=default)
    (att,) = list(msg.iter_attachments())
    assert att.get_content() == _tiny_pdf(None, None, generated_at=WHEN)


@pytest.mark.parametrize("only", [(), ("pdf", "zip"), ("html",)])
def test_bad_only(tmp_path: Path, only) -> None:
    with pytest.raises(PackageError):
        write_package(_report(), tmp_path / "o", source=None, only=only,
                      pdf_renderer=_tiny_pdf)
    assert not (tmp_path / "o").exists()


def test_bad_extra_recipient_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="e-mail address"):
        write_package(_report(), tmp_path / "o", source=None, extra_recipients=["x\nBcc: y"],
                      pdf_renderer=_tiny_pdf)
    assert list(tmp_path.iterdir()) == []


def test_naive_time_refused(tmp_path: Path) -> None:
    with pytest.raises(PackageError):
        write_package(_report(), tmp_path / "o", source=None,
                      generated_at=datetime(2026, 1, 1), pdf_renderer=_tiny_pdf)


def _write(out: Path, **kw) -> package.PackageResult:
    kw.setdefault("only", ("pdf", "eml"))
    return write_package(_report(), out, source=b"{}", generated_at=WHEN,
                         pdf_renderer=_tiny_pdf, **kw)


def test_existing_empty_dir_is_used(tmp_path: Path) -> None:
    (tmp_path / "o").mkdir()
    _write(tmp_path / "o")
    assert (tmp_path / "o" / "report.pdf").is_file()


def test_refuses_non_empty_dir(tmp_path: Path) -> None:
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(PackageError, match="--force"):
        _write(out)
    assert _tree(out) == {"keep.txt": b"mine"}


def test_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "o").write_text("x")
    with pytest.raises(PackageError, match="not a directory"):
        _write(tmp_path / "o", force=True)
    assert (tmp_path / "o").read_text() == "x"


def test_force_replaces_a_composer_package(tmp_path: Path) -> None:
    out = tmp_path / "o"
    _write(out, only=("pdf", "fax"))
    assert "fax/fax.tif" in _tree(out)
    _write(out, force=True)
    assert sorted(_tree(out)) == ["manifest.json", "message.eml", "report.pdf"]
    assert [p.name for p in tmp_path.iterdir()] == ["o"]     # nothing set aside is left


def test_force_refuses_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("a")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PackageError, match="current directory"):
        _write(Path("."), force=True)
    assert _tree(tmp_path) == {"a.txt": b"a"}


def test_creates_missing_parents(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "b" / "o")
    assert (tmp_path / "a" / "b" / "o" / "manifest.json").is_file()


def _failing_writer(monkeypatch: pytest.MonkeyPatch, after: int, exc: Exception) -> list[Path]:
    written: list[Path] = []
    real = package._write_file

    def flaky(path: Path, data: bytes) -> None:
        if len(written) == after:
            raise exc
        real(path, data)
        written.append(path)

    monkeypatch.setattr(package, "_write_file", flaky)
    return written


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), RuntimeError("boom")])
def test_failure_mid_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          exc: Exception) -> None:
    written = _failing_writer(monkeypatch, 2, exc)
    with pytest.raises((PackageError, RuntimeError)):
        _write(tmp_path / "new" / "o")
    assert len(written) == 2                          # it really failed half-way
    assert list(tmp_path.iterdir()) == []             # not even the parent we created


def test_failure_mid_write_keeps_old_package(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "o"
    _write(out)
    before = _tree(out)
    _failing_writer(monkeypatch, 1, OSError(5, "I/O error"))
    with pytest.raises(PackageError, match="I/O error"):
        _write(out, force=True, only=("pdf", "eml", "fax"))
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["o"]


def test_failure_while_swapping_restores_old(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "o"
    _write(out)
    before = _tree(out)
    real_rename = os.rename

    def rename(src, dst) -> None:
        if Path(src).name.endswith(".partial"):
            raise OSError(18, "Invalid cross-device link")
        real_rename(src, dst)

    monkeypatch.setattr(package.os, "rename", rename)
    with pytest.raises(PackageError):
        _write(out, force=True, only=("pdf",))
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["o"]


def test_failure_while_rendering_writes_nothing(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(package.fax, "fax_tiff", broken)
    with pytest.raises(RuntimeError):
        _write(tmp_path / "p" / "o", only=("fax",))
    assert list(tmp_path.iterdir()) == []


def test_package_folder_gets_ordinary_permissions(tmp_path: Path) -> None:
    import stat

    from composer.core.incident_io import load_report
    from composer.render.package import write_package

    examples = Path(__file__).resolve().parents[1] / "data" / "examples"
    umask = os.umask(0o022)
    try:
        result = write_package(load_report(examples / "phishing-general.json"),
                               tmp_path / "pkg", source=None, only=("eml",))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(result.out_dir.stat().st_mode) == 0o755


def test_progress_names_each_stage_and_counts_fax_pages() -> None:
    from composer.core.incident_io import load_report

    report = load_report(EXAMPLES / "ransomware-retailer.json")
    seen: list[tuple[str, int, int]] = []
    files = package.build_package(report, generated_at=WHEN,
                                  progress=lambda *a: seen.append(a))
    pages = json.loads(files["manifest.json"])["fax"]["pages"]
    assert [s for s, _, _ in seen][:3] == ["pdf", "eml", "fax"]
    assert [(d, t) for s, d, t in seen[3:]] == [(n, pages) for n in range(1, pages + 1)]


def test_manifest_names_an_unsettled_level_as_every_output_does() -> None:
    """Issue 18: with no impact fact known the level is 待研判 — in the manifest too, never
    一般 (``level`` keeps the enumeration `composer classify` gives)."""
    pending = load_report(EXAMPLES / "phishing-general.json")
    manifest = json.loads(build_package(pending, generated_at=WHEN, only=("pdf",))
                          ["manifest.json"])
    assert (manifest["level"], manifest["level_zh"], manifest["settled"]) == (
        "general", "待研判", False)
    assessed = dataclasses.replace(pending, impact_assessed=True)
    manifest = json.loads(build_package(assessed, generated_at=WHEN, only=("pdf",))
                          ["manifest.json"])
    assert (manifest["level_zh"], manifest["settled"]) == ("一般", True)
    assert "sendings_sha256" not in manifest["input"]   # a report without sendings
