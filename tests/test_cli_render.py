"""``composer render`` end to end, in a subprocess, as a script or a SIEM export would run it."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
RANSOMWARE = EXAMPLES / "ransomware-retailer.json"
ALL = ["fax/cover.pdf", "fax/fax.pdf", "fax/fax.tif", "manifest.json", "message.eml",
       "report.pdf"]


def _run(*args: str, stdin: bytes | None = None, cwd: Path | None = None
         ) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "composer", "render", *args], input=stdin,
                          capture_output=True, cwd=cwd, timeout=120, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_render_writes_the_package(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    proc = _run(str(RANSOMWARE), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert _files(out) == ALL
    printed = proc.stdout.splitlines()
    assert sorted(Path(p).resolve().relative_to(out.resolve()).as_posix()
                  for p in printed) == ALL
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["input"]["sha256"] == hashlib.sha256(RANSOMWARE.read_bytes()).hexdigest()
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]


def test_invalid_input_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    data = json.loads(RANSOMWARE.read_text("utf-8"))
    data["operator"]["kind"] = "bank"
    data["incident"]["colour"] = "red"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    proc = _run(str(bad), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert any(line.startswith("operator.kind: ") for line in lines)
    assert any(line.startswith("incident.colour: ") or "colour" in line for line in lines)
    assert not (tmp_path / "out").exists()
    assert proc.stdout == ""


def test_non_json_input_exits_2(tmp_path: Path) -> None:
    proc = _run("-", "--out", str(tmp_path / "out"), stdin=b"{not json")
    assert proc.returncode == 2
    assert not (tmp_path / "out").exists()


def test_refuses_non_empty_dir_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", "utf-8")
    proc = _run(str(RANSOMWARE), "--out", str(out))
    assert proc.returncode == 1
    assert "--force" in proc.stderr
    assert _files(out) == ["notes.txt"]
    proc = _run(str(RANSOMWARE), "--out", str(out), "--only", "pdf", "--force")
    assert proc.returncode == 1                      # --force replaces only a package
    assert "notes.txt" not in proc.stderr and "manifest.json" in proc.stderr
    assert _files(out) == ["notes.txt"]
    (out / "notes.txt").unlink()
    assert _run(str(RANSOMWARE), "--out", str(out)).returncode == 0
    proc = _run(str(RANSOMWARE), "--out", str(out), "--only", "pdf", "--force")
    assert proc.returncode == 0, proc.stderr         # an earlier package is replaced
    assert _files(out) == ["manifest.json", "report.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_stdin_and_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _run("-", "--out", str(out), "--only", "eml,fax", stdin=RANSOMWARE.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert _files(out) == ["fax/cover.pdf", "fax/fax.pdf", "fax/fax.tif", "manifest.json",
                           "message.eml"]
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["only"] == ["eml", "fax"]
    assert manifest["input"]["sha256"] == hashlib.sha256(RANSOMWARE.read_bytes()).hexdigest()


@pytest.mark.parametrize("only", ["zip", "pdf,,html", ","])
def test_bad_only_exits_2(tmp_path: Path, only: str) -> None:
    proc = _run(str(RANSOMWARE), "--out", str(tmp_path / "out"), "--only", only)
    assert proc.returncode == 2
    assert "--only" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_missing_file_exits_1(tmp_path: Path) -> None:
    proc = _run(str(tmp_path / "nope.json"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert not (tmp_path / "out").exists()


def test_extra_recipients_with_to(tmp_path: Path) -> None:
    from email import message_from_bytes
    from email.policy import default

    out = tmp_path / "pkg"
    proc = _run(str(RANSOMWARE), "--out", str(out), "--only", "eml",
                "--to", "soc@example.cn,ciso@example.cn", "--to", "regulator@example.gov.cn")
    assert proc.returncode == 0, proc.stderr
    mail = message_from_bytes((out / "message.eml").read_bytes(), policy=default)
    assert [a.addr_spec for a in mail["To"].addresses] == [
        "12387@cert.org.cn", "soc@example.cn", "ciso@example.cn", "regulator@example.gov.cn"]
    bad = _run(str(RANSOMWARE), "--out", str(tmp_path / "bad"), "--to", "nobody")
    assert bad.returncode == 2
    assert bad.stderr.strip() == ("--to: not a valid e-mail address: 'nobody' "
                                  "(is not one e-mail address (local@domain))")
    assert not (tmp_path / "bad").exists()
