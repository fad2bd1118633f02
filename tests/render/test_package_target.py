"""The target folder: --force replaces only a Composer package, one writer at a time (a real
OS lock, real concurrent CLI processes), leftovers of a kill -9 cleaned on the next run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from composer.core.incident_io import load_report
from composer.render import target
from composer.render.package import PackageError, write_package

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
RANSOMWARE = EXAMPLES / "ransomware-retailer.json"
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=timezone(timedelta(hours=8)))



def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=False, **kw)

def _tiny_pdf(report, classification, *, generated_at) -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.drawString(72, 720, "x")
    c.showPage()
    c.save()
    return buf.getvalue()


def _write(out: Path, **kw):
    kw.setdefault("only", ("pdf", "eml"))
    return write_package(load_report(RANSOMWARE), out, source=b"{}", generated_at=WHEN,
                         pdf_renderer=_tiny_pdf, **kw)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


# --- --force -------------------------------------------------------------------------------


def test_force_replaces_a_package_with_every_output_including_the_phone_script(tmp_path: Path):
    """Every output the package can hold is part of the layout --force recognises."""
    out = tmp_path / "pkg"
    _write(out, only=("pdf", "eml", "script"))
    assert (out / "script.txt").exists()
    _write(out, force=True)
    assert sorted(_tree(out)) == ["manifest.json", "message.eml", "report.pdf"]


def test_force_refuses_a_folder_with_a_thesis(tmp_path: Path) -> None:
    out = tmp_path / "o"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "thesis.txt").write_text("四年的心血", "utf-8")
    with pytest.raises(PackageError, match=r"no manifest\.json"):
        _write(out, force=True)
    assert _tree(out) == {"docs/thesis.txt": "四年的心血".encode()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o"]


def test_force_refuses_a_package_with_a_foreign_file(tmp_path: Path) -> None:
    out = tmp_path / "o"
    _write(out)
    (out / "docs").mkdir()
    (out / "docs" / "thesis.txt").write_text("mine", "utf-8")
    before = _tree(out)
    with pytest.raises(PackageError, match="docs"):
        _write(out, force=True)
    assert _tree(out) == before


def test_force_refuses_a_layout_file_the_manifest_does_not_list(tmp_path: Path) -> None:
    out = tmp_path / "o"
    _write(out, only=("pdf",))                     # the manifest lists report.pdf only
    (out / "message.eml").write_text("someone else's draft", "utf-8")
    with pytest.raises(PackageError, match=r"message\.eml"):
        _write(out, force=True)


def test_force_refuses_a_foreign_manifest(tmp_path: Path) -> None:
    out = tmp_path / "o"
    out.mkdir()
    (out / "manifest.json").write_text(json.dumps({"format": "npm", "files": []}), "utf-8")
    with pytest.raises(PackageError, match="not a composer-package/1"):
        _write(out, force=True)
    (out / "manifest.json").write_text("{", "utf-8")
    with pytest.raises(PackageError, match="cannot be read"):
        _write(out, force=True)


def test_cli_force_refuses_thesis_with_the_reason(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "thesis.txt").write_text("keep", "utf-8")
    proc = _run([sys.executable, "-m", "composer", "render", str(RANSOMWARE),
                           "--out", str(out), "--force"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1
    assert "only an empty folder or a Composer package" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (out / "docs" / "thesis.txt").read_text("utf-8") == "keep"


# --- the lock --------------------------------------------------------------------------------


def test_a_held_lock_refuses_a_second_writer_and_is_removed_after(tmp_path: Path) -> None:
    out = tmp_path / "o"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from composer.render.target import TargetLock
        with TargetLock(Path({str(out)!r})):
            print("locked", flush=True)
            time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(PackageError, match="another Composer is writing"):
            _write(out)
        assert list(out.iterdir()) == []
    finally:
        holder.kill()                                  # kill -9: the OS drops the lock
        holder.wait()
        holder.stdout.close()
    assert target.lock_path(out).exists()              # a kill leaves the file, not the lock
    _write(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o"]


CLI = [sys.executable, "-m", "composer", "render", str(RANSOMWARE), "--only", "pdf,eml"]


@pytest.mark.parametrize("exists", [True, False], ids=["empty-folder", "new-folder"])
def test_four_concurrent_cli_renders_exactly_one_wins(tmp_path: Path, exists: bool) -> None:
    out = tmp_path / "out"
    if exists:
        out.mkdir()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795000000")
    procs = [subprocess.Popen([*CLI, "--out", str(out)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for _ in range(4)]
    results = [(p.wait(120), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    codes = sorted(r[0] for r in results)
    assert codes == [0, 1, 1, 1], results
    for code, _, err in results:
        if code == 1:
            assert ("another Composer is writing" in err or "not empty" in err), err
            assert "Traceback" not in err
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    import hashlib
    for f in manifest["files"]:
        assert hashlib.sha256((out / f["path"]).read_bytes()).hexdigest() == f["sha256"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# --- kill -9 leftovers ------------------------------------------------------------------------

# A real render in a child process that announces the moment it is inside the write and then
# stalls there, so the parent's kill -9 lands exactly in the window the probe hit by chance.
KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from composer.core.incident_io import load_report
    from composer.render import package
    phase = sys.argv[2]
    if phase == "write":
        real = package._write_file
        def slow(path, data):
            real(path, data)
            print("inside", flush=True)
            time.sleep(60)
        package._write_file = slow
    else:                      # "swap": after the old package was moved aside
        real_rename = os.rename
        def rename(src, dst):
            real_rename(src, dst)
            if ".old-" in str(dst):
                print("inside", flush=True)
                time.sleep(60)
        package.os.rename = rename
    package.write_package(load_report(sys.argv[3]), sys.argv[1], only=("pdf",),
                          force=True)
""")


@pytest.mark.parametrize("phase", ["write", "swap"])
def test_kill_9_during_render_then_next_run_cleans(tmp_path: Path, phase: str) -> None:
    out = tmp_path / "pkg"
    assert _run([*CLI, "--out", str(out)], capture_output=True).returncode == 0
    before = _tree(out)
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(out), phase,
                              str(RANSOMWARE)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "inside"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    hidden = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".pkg."))
    if phase == "write":
        assert any(n.endswith(".partial") for n in hidden), hidden
        assert _tree(out) == before                      # the old package is untouched
    else:
        assert any(".old-" in n for n in hidden) and not out.exists(), hidden
    # The next run (a real CLI render) cleans up; the swap case first restores the package.
    proc = _run([*CLI, "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 1 and "not empty" in proc.stderr, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]
    assert _tree(out) == before
    proc = _run([*CLI, "--out", str(out), "--force"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]


def test_folders_that_only_look_like_leftovers_are_not_touched(tmp_path: Path) -> None:
    """Issue 20: a name is no proof. Folders named like this target's leftovers (or another
    target's) that no writer of ours recorded survive, with what they hold."""
    other = tmp_path / ".pkg.v2.0123abcd.partial"      # belongs to a folder named "pkg.v2"
    other.mkdir()
    look_alike = tmp_path / ".pkg.0123abcd.partial"
    look_alike.mkdir()
    foreign_old = tmp_path / ".pkg.old-1-1"
    foreign_old.mkdir()
    (foreign_old / "report.pdf").write_bytes(b"not ours")
    _write(tmp_path / "pkg")
    assert other.exists() and look_alike.exists()
    assert (foreign_old / "report.pdf").read_bytes() == b"not ours"
    _write(tmp_path / "pkg", force=True)               # and again, with a lock file left
    assert (foreign_old / "report.pdf").read_bytes() == b"not ours"


def test_a_forged_record_naming_a_foreign_folder_deletes_nothing(tmp_path: Path) -> None:
    """A lock file left behind names folders by identity: a record whose folder is not the
    recorded one (another inode), or a name outside this target's leftovers, is ignored."""
    foreign_old = tmp_path / ".pkg.old-1-1"
    foreign_old.mkdir()
    (foreign_old / "report.pdf").write_bytes(b"not ours")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "report.pdf").write_bytes(b"mine")
    info = os.stat(elsewhere)
    target.lock_path(tmp_path / "pkg").write_text(
        f"aside\t.pkg.old-1-1\t{info.st_dev}\t{info.st_ino + 1}\n"
        f"partial\t../elsewhere\t{info.st_dev}\t{info.st_ino}\n"
        f"partial\telsewhere\t{info.st_dev}\t{info.st_ino}\n")
    _write(tmp_path / "pkg")
    assert (foreign_old / "report.pdf").read_bytes() == b"not ours"
    assert (elsewhere / "report.pdf").read_bytes() == b"mine"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_a_lock_file_symlink_creates_nothing_where_it_points(tmp_path: Path) -> None:
    pointed = tmp_path / "victim" / "created-by-composer"
    pointed.parent.mkdir()
    target.lock_path(tmp_path / "pkg").symlink_to(pointed)
    with pytest.raises(PackageError, match="symbolic link"):
        _write(tmp_path / "pkg")
    assert not os.path.lexists(pointed) and not (tmp_path / "pkg").exists()
    existing = tmp_path / "victim" / "existing.txt"
    existing.write_text("keep", "utf-8")
    target.lock_path(tmp_path / "pkg").unlink()
    target.lock_path(tmp_path / "pkg").symlink_to(existing)
    with pytest.raises(PackageError, match="symbolic link"):
        _write(tmp_path / "pkg")
    assert existing.read_text("utf-8") == "keep"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_lock_file_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    os.mkfifo(target.lock_path(tmp_path / "pkg"))
    with pytest.raises(PackageError, match="not a regular file"):
        _write(tmp_path / "pkg")


# --- a file saved into the target during the render -------------------------------------------


def _saving_into(folder: Path, name: str = "notes.txt"):  # type: ignore[no-untyped-def]
    """A PDF renderer that, like a user saving a file at that moment, puts a file into
    ``folder`` while the package is being rendered (after the target was checked)."""
    def render(report, classification, *, generated_at):  # type: ignore[no-untyped-def]
        (folder / name).write_text("saved during the render", "utf-8")
        return _tiny_pdf(report, classification, generated_at=generated_at)
    return render


def test_a_file_saved_into_an_empty_target_during_the_render_survives(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    out.mkdir()
    with pytest.raises(PackageError, match=r"notes\.txt appeared .* it was kept"):
        write_package(load_report(RANSOMWARE), out, source=b"{}", generated_at=WHEN,
                      only=("pdf",), pdf_renderer=_saving_into(out))
    assert _tree(out) == {"notes.txt": b"saved during the render"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]


def test_a_file_saved_into_a_replaced_package_during_the_render_survives(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    _write(out)
    before = _tree(out)
    with pytest.raises(PackageError, match=r"notes\.txt appeared .* it was kept"):
        write_package(load_report(RANSOMWARE), out, source=b"{}", generated_at=WHEN,
                      only=("pdf",), force=True, pdf_renderer=_saving_into(out))
    assert _tree(out) == {**before, "notes.txt": b"saved during the render"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]


def test_a_folder_made_at_the_target_during_the_render_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "pkg"

    def render(report, classification, *, generated_at):  # type: ignore[no-untyped-def]
        out.mkdir()
        (out / "draft.docx").write_bytes(b"someone else's")
        return _tiny_pdf(report, classification, generated_at=generated_at)

    with pytest.raises(PackageError, match=r"draft\.docx appeared"):
        write_package(load_report(RANSOMWARE), out, source=b"{}", generated_at=WHEN,
                      only=("pdf",), pdf_renderer=render)
    assert _tree(out) == {"draft.docx": b"someone else's"}


def test_cli_render_says_which_file_appeared_and_exits_1(tmp_path: Path) -> None:
    """The real command line, with a file saved into the target while the report is laid
    out (the child patches the PDF renderer to save it at that moment)."""
    out = tmp_path / "pkg"
    out.mkdir()
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from composer.render import pdf
        real = pdf.render_report_pdf
        def render(*args, **kw):
            Path({str(out)!r}, "notes.txt").write_text("mine", "utf-8")
            return real(*args, **kw)
        pdf.render_report_pdf = render
        from composer.__main__ import main
        sys.exit(main(["render", {str(RANSOMWARE)!r}, "--out", {str(out)!r},
                       "--only", "pdf"]))
    """)
    proc = _run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert f"{out / 'notes.txt'} appeared" in proc.stderr and "Traceback" not in proc.stderr
    assert _tree(out) == {"notes.txt": b"mine"}


def test_no_leftovers_after_a_normal_run(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "pkg")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["pkg"]
