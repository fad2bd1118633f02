"""Issue 20: the record proves what it shows. Each tampering the outside probe found makes
`composer log verify` exit 1 naming the record (or row); damaged rows are broken records, never
tracebacks; verify and export change nothing on disk; the 报送记录 prints the records, not the
editable tables."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from record_scene import build_scene

from composer.__main__ import main
from composer.core import records
from composer.core.paths import database_path

TRIGGERS = ("records_no_update", "records_no_delete")


@pytest.fixture
def scene() -> Path:
    return build_scene(database_path().parent)


def sql(db: Path, *statements: str, args: tuple = ()) -> None:
    con = sqlite3.connect(db)
    for t in TRIGGERS:
        con.execute(f"DROP TRIGGER IF EXISTS {t}")
    for s in statements:
        con.execute(s, args if "?" in s else ())
    con.commit()
    con.close()


def rehash(db: Path, seq: int, **changes) -> None:
    con = sqlite3.connect(db)
    body = json.loads(con.execute("SELECT body FROM records WHERE seq=?", (seq,)).fetchone()[0])
    con.close()
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(body.get(key), dict):
            body[key].update(value)
        else:
            body[key] = value
    data = records.canonical(body)
    sql(db, "UPDATE records SET body=?, sha256=? WHERE seq=?",
        args=(data.decode(), records.sha256_bytes(data), seq))


def verify(capsys) -> tuple[int, str]:
    code = main(["log", "verify"])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_scene_verifies(scene, capsys):
    code, text = verify(capsys)
    assert code == 0 and "ok: 4 records" in text


@pytest.mark.parametrize(("name", "named"), [
    ("insert a sending row", "submission 5"),
    ("delete the last record", "record 4"),
    ("delete the last record and its row", "record 4"),
    ("drop the records table", "record 1"),
    ("move a sending's time, delete the records after it", "record 3"),
    ("change a note", "record 3"),
    ("change a draft_id", "record 3"),
    ("change a sent report's title", "record 1"),
    ("extra file in a kept package", "record 1"),
    ("receipt path outside the data folder", "record 2"),
])
def test_each_tampering_is_named(scene, capsys, name, named):
    db = scene
    if name == "insert a sending row":     # the probe's one statement, no hash, no trigger
        con = sqlite3.connect(db)
        con.execute("INSERT INTO submissions (draft_id, channel, sent_at, note, recorded_at) "
                    "VALUES (1, 'fax', '2026-11-19T19:00:00+00:00', 'forged', "
                    "'2026-11-19T19:01:00+00:00')")
        con.commit()
        con.close()
    elif name == "delete the last record":
        sql(db, "DELETE FROM records WHERE seq=4")
    elif name == "delete the last record and its row":
        sql(db, "DELETE FROM records WHERE seq=4", "DELETE FROM submissions WHERE id=4")
    elif name == "drop the records table":
        sql(db, "DROP TABLE records", "DELETE FROM submissions")
    elif name.startswith("move"):
        rehash(db, 2, sent_at="2026-11-18T14:10:00+08:00",
               sent_at_utc="2026-11-18T06:10:00+00:00")
        sql(db, "UPDATE submissions SET sent_at='2026-11-18T06:10:00+00:00' WHERE id=2",
            "DELETE FROM records WHERE seq>2", "DELETE FROM submissions WHERE id>2")
    elif name == "change a note":
        sql(db, "UPDATE submissions SET note='按时送达' WHERE id=3")
    elif name == "change a draft_id":
        sql(db, "UPDATE submissions SET draft_id=1 WHERE id=3")
    elif name == "change a sent report's title":
        sql(db, "UPDATE drafts SET title='另一个事件' WHERE id=1")
    elif name == "extra file in a kept package":
        (folder,) = (db.parent / "sent").glob("00001-*")
        os.chmod(folder / "package", stat.S_IRWXU)
        (folder / "package" / "extra.pdf").write_bytes(b"%PDF not sent")
    elif name == "receipt path outside the data folder":
        rehash(db, 2, receipt_file={"path": "../../../../etc/passwd"})
    code, text = verify(capsys)
    assert code == 1, text
    assert named in text, text


@pytest.mark.parametrize(("value", "kind"), [
    ("[" * 50000 + "]" * 50000, "RecursionError"),
    (7, "TypeError"),
    (b"\x00\xff", "AttributeError"),
])
def test_damaged_rows_are_broken_records_not_tracebacks(scene, capsys, value, kind):
    sql(scene, "UPDATE records SET body=? WHERE seq=2", args=(value,))
    code, text = verify(capsys)
    assert code == 1 and "record 2" in text and "Traceback" not in text, (kind, text)
    assert main(["log", "export", "--out", str(scene.parent / "log.pdf")]) == 0
    capsys.readouterr()


def test_a_records_table_of_another_shape_is_named(scene, capsys):
    """The OperationalError case: a table that is there but cannot be read as records."""
    sql(scene, "DROP TABLE records", "CREATE TABLE records (x TEXT)")
    code, text = verify(capsys)
    assert code == 1 and "record 1 cannot be read" in text


def test_a_damaged_package_entry_is_named(scene, capsys):
    """The AttributeError case inside a record: a package entry that is not an object."""
    rehash(scene, 3, package=["not", "an", "object"])
    code, text = verify(capsys)
    assert code == 1 and "record 3" in text


def test_nothing_is_chained_on_open(scene):
    """Opening the database (as the app does) never adds a record for a row without one."""
    from composer.core.storage import Storage

    con = sqlite3.connect(scene)
    con.execute("INSERT INTO submissions (draft_id, channel, sent_at, note, recorded_at) "
                "VALUES (1, 'fax', '2026-11-19T19:00:00+00:00', 'forged', 'x')")
    con.commit()
    con.close()
    store = Storage(scene)
    store.begin_session()
    assert len(store.records()) == 4
    assert any("submission 5" in p for p in store.verify_records().problems)
    assert all(s.draft_id != 1 or s.record_seq is not None or s.note == "forged"
               for s in store.submissions(1))
    assert 5 not in {s.record_seq for s in store.history(1)}
    store.end_session()
    store.close()


def _state(data: Path) -> dict[str, tuple[str, int]]:
    """Every file of the data folder but the render's font cache (cache/: the PDF's fonts)."""
    out = {}
    for path in sorted(data.rglob("*")):
        if path.relative_to(data).parts[0] == "cache":
            continue
        st = os.lstat(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode) else ""
        out[str(path.relative_to(data))] = (digest, st.st_mode)
    return out


def test_verify_and_export_change_nothing_on_disk(scene, tmp_path):
    before = _state(scene.parent)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for args in (["log", "verify"], ["log", "export", "--out", str(tmp_path / "log.pdf")]):
        run = subprocess.run([sys.executable, "-m", "composer", *args], capture_output=True,
                             env=env, timeout=120, check=False)
        assert run.returncode == 0, run.stderr
    after = _state(scene.parent)
    assert after == before     # the database, the anchor, sent/: same files, bytes, modes
    assert "composer.sqlite3" in after and not any(n.endswith("-journal") for n in after)
    head = run.stdout.decode().splitlines()[-1]
    assert head.startswith("head ") and "4 records, chain intact" in head


def test_the_record_pdf_prints_the_records_not_the_tables(scene, tmp_path, capsys):
    """A sent report's title changed in the drafts table, a note changed in its row: the
    报送记录 still prints what the records say (and says the chain is broken)."""
    sql(scene, "UPDATE drafts SET title='另一个事件' WHERE id=1",
        "UPDATE submissions SET note='按时送达' WHERE id=3")
    out = tmp_path / "log.pdf"
    assert main(["log", "export", "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
    assert "另一个事件" not in text and "按时送达" not in text
    assert "事件：调度自动化系统整体中断" in text
    assert "不完整" in text and "更正标题" in text
    assert "更正 #1 的报送" in text and "保护工作部门（国家能源局）" in text
    head = next(line for line in stdout.splitlines() if line.startswith("head "))
    assert head.split()[1] in text.replace(" ", "")
