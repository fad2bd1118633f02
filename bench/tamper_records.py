"""Tamper with a recorded data folder in many distinct ways; count how many `composer log
verify` detects (exit 1, the record or row named) and check that verifying changed nothing.

    .venv/bin/python bench/tamper_records.py [--list]

Each case starts from a fresh copy of the scene of tests/core/record_scene.py (4 sendings of
one incident: packages, a receipt scan, a correction, a sending handed over directly), applies
one tampering (SQL statements, edits of the kept files or of the anchor, damaged rows) and runs
the real command line in-process. Prints one line per case and the detected count.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core"))

from record_scene import build_scene

from composer.core import records

TRIGGERS = ("records_no_update", "records_no_delete")


def sql(db: Path, *statements: str, args: tuple[object, ...] = ()) -> None:
    con = sqlite3.connect(db)
    for t in TRIGGERS:
        con.execute(f"DROP TRIGGER IF EXISTS {t}")
    for s in statements:
        con.execute(s, args if "?" in s else ())
    con.commit()
    con.close()


def body(db: Path, seq: int) -> dict:
    con = sqlite3.connect(db)
    text = con.execute("SELECT body FROM records WHERE seq=?", (seq,)).fetchone()[0]
    con.close()
    return json.loads(text)


def rewrite(db: Path, seq: int, change: Callable[[dict], None], *, rehash: bool = True,
            anchor: bool = False) -> None:
    """Change record ``seq``'s body; recompute its hash (and the anchor) if asked."""
    b = body(db, seq)
    change(b)
    data = records.canonical(b)
    digest = records.sha256_bytes(data) if rehash else "0" * 64
    con = sqlite3.connect(db)
    for t in TRIGGERS:
        con.execute(f"DROP TRIGGER IF EXISTS {t}")
    if rehash:
        con.execute("UPDATE records SET body=?, sha256=? WHERE seq=?",
                    (data.decode("utf-8"), digest, seq))
    else:
        con.execute("UPDATE records SET body=? WHERE seq=?", (data.decode("utf-8"), seq))
    con.commit()
    con.close()
    if anchor:
        records.anchor_path(db).write_text(json.dumps(
            {"format": records.ANCHOR_FORMAT, "seq": seq, "sha256": digest}))


def kept(data: Path, seq: int) -> Path:
    (folder,) = (data / "sent").glob(f"{seq:05d}-*")
    for dirpath, _dirs, _files in os.walk(folder):
        os.chmod(dirpath, stat.S_IRWXU)
    for dirpath, _dirs, files in os.walk(folder):
        for f in files:
            os.chmod(Path(dirpath) / f, stat.S_IRUSR | stat.S_IWUSR)
    return folder


def _sub(col: str, value: str, sid: int = 3) -> Callable[[Path, Path], None]:
    return lambda data, db: sql(db, f"UPDATE submissions SET {col}={value} WHERE id={sid}")


def _move_time_and_truncate(data: Path, db: Path) -> None:
    rewrite(db, 2, lambda b: b.update(sent_at="2026-11-18T14:10:00+08:00",
                                      sent_at_utc="2026-11-18T06:10:00+00:00"))
    sql(db, "UPDATE submissions SET sent_at='2026-11-18T06:10:00+00:00' WHERE id=2",
        "DELETE FROM records WHERE seq>2", "DELETE FROM submissions WHERE id>2")


def _swap(data: Path, db: Path) -> None:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT seq, submission_id, body, sha256 FROM records WHERE seq IN (1,2)"
                       " ORDER BY seq").fetchall()
    con.close()
    sql(db, "DELETE FROM records WHERE seq IN (1,2)")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO records VALUES (1, ?, ?, ?)", rows[1][1:])
    con.execute("INSERT INTO records VALUES (2, ?, ?, ?)", rows[0][1:])
    con.commit()
    con.close()


def _deep_body(data: Path, db: Path) -> None:
    sql(db, "UPDATE records SET body=? WHERE seq=2", args=("[" * 100000 + "]" * 100000,))


def _new_schema(data: Path, db: Path) -> None:
    sql(db, "DROP TABLE records", "CREATE TABLE records (x TEXT)")


def _fifo_anchor(data: Path, db: Path) -> None:
    path = records.anchor_path(db)
    path.unlink()
    os.mkfifo(path)


def _symlink_in_package(data: Path, db: Path) -> None:
    folder = kept(data, 1) / "package"
    os.symlink("/etc/passwd", folder / "passwd")


def _orphan(data: Path, db: Path) -> None:
    src = kept(data, 1)
    shutil.copytree(src, src.parent / "00009-deadbeef0000")


def _edit(rel: str, seq: int, data_bytes: bytes = b"changed") -> Callable[[Path, Path], None]:
    def run(data: Path, db: Path) -> None:
        (kept(data, seq) / rel).write_bytes(data_bytes)
    return run


def _add(rel: str, seq: int) -> Callable[[Path, Path], None]:
    def run(data: Path, db: Path) -> None:
        target = kept(data, seq) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"not sent")
    return run


def _remove(rel: str, seq: int) -> Callable[[Path, Path], None]:
    def run(data: Path, db: Path) -> None:
        target = kept(data, seq) / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    return run


def _draft_body(change: Callable[[dict], None], draft_id: int = 1
                ) -> Callable[[Path, Path], None]:
    def run(data: Path, db: Path) -> None:
        con = sqlite3.connect(db)
        b = json.loads(con.execute("SELECT body FROM drafts WHERE id=?", (draft_id,))
                       .fetchone()[0])
        change(b)
        con.execute("UPDATE drafts SET body=? WHERE id=?", (json.dumps(b, ensure_ascii=False),
                                                          draft_id))
        con.commit()
        con.close()
    return run


FORGED = ("INSERT INTO submissions (draft_id, channel, sent_at, note, recorded_at) VALUES "
          "(1, 'fax', '2026-11-19T19:00:00+00:00', 'forged', '2026-11-19T19:01:00+00:00')")

CASES: list[tuple[str, Callable[[Path, Path], None], str]] = [
    # (name, tampering, what the report must name)
    ("insert a forged sending row (one SQL statement)", lambda d, db: sql(db, FORGED),
     "submission 5"),
    ("delete a sending row", lambda d, db: sql(db, "DELETE FROM submissions WHERE id=2"),
     "record 2"),
    ("delete every sending row", lambda d, db: sql(db, "DELETE FROM submissions"), "record 1"),
    ("change a row's sent_at", _sub("sent_at", "'2026-11-18T05:00:00+00:00'"), "record 3"),
    ("change a row's channel", _sub("channel", "'email'"), "record 3"),
    ("change a row's note", _sub("note", "'按时'"), "record 3"),
    ("change a row's draft_id", _sub("draft_id", "1"), "record 3"),
    ("change a row's recipient", _sub("recipient", "'public_security'"), "record 3"),
    ("change a row's corrected record", _sub("corrects", "2"), "record 3"),
    ("change a row's recorded_at", _sub("recorded_at", "'2026-11-18T01:00:00+00:00'"),
     "record 3"),
    ("delete the last record", lambda d, db: sql(db, "DELETE FROM records WHERE seq=4"),
     "record 4"),
    ("delete the last record and its row",
     lambda d, db: sql(db, "DELETE FROM records WHERE seq=4", "DELETE FROM submissions WHERE id=4"),
     "record 4"),
    ("delete a middle record", lambda d, db: sql(db, "DELETE FROM records WHERE seq=2"),
     "record 2"),
    ("delete the first record", lambda d, db: sql(db, "DELETE FROM records WHERE seq=1"),
     "record 1"),
    ("drop the records table", lambda d, db: sql(db, "DROP TABLE records"), "record 1"),
    ("drop the records table and every row",
     lambda d, db: sql(db, "DROP TABLE records", "DELETE FROM submissions"), "record 1"),
    ("delete every record", lambda d, db: sql(db, "DELETE FROM records"), "record 1"),
    ("recreate the records table with another schema", _new_schema, "record 1"),
    ("change a record's channel, hash kept",
     lambda d, db: rewrite(db, 2, lambda b: b.update(channel="email"), rehash=False), "record 2"),
    ("change a record's channel and its hash", lambda d, db: rewrite(
        db, 2, lambda b: b.update(channel="email")), "record 3"),
    ("change the last record, its hash and its row", lambda d, db: (
        rewrite(db, 4, lambda b: b.update(note="伪造")),
        sql(db, "UPDATE submissions SET note='伪造' WHERE id=4")), "record 4"),
    ("move a sending's time and delete the records after it", _move_time_and_truncate,
     "record 3"),
    ("swap two records", _swap, "record 1"),
    ("change a record's stored hash",
     lambda d, db: sql(db, "UPDATE records SET sha256=? WHERE seq=3", args=("ab" * 32,)),
     "record 3"),
    ("re-serialise a record (not canonical) with its hash", lambda d, db: sql(
        db, "UPDATE records SET body=?, sha256=? WHERE seq=4", args=(
            json.dumps(body(db, 4)),
            hashlib.sha256(json.dumps(body(db, 4)).encode()).hexdigest())), "record 4"),
    ("record body is not JSON",
     lambda d, db: sql(db, "UPDATE records SET body='{not json' WHERE seq=2"), "record 2"),
    ("record body nested 100,000 deep (RecursionError)", _deep_body, "record 2"),
    ("record body is an integer (TypeError)",
     lambda d, db: sql(db, "UPDATE records SET body=7 WHERE seq=2"), "record 2"),
    ("record body is a BLOB (AttributeError)",
     lambda d, db: sql(db, "UPDATE records SET body=X'00ff' WHERE seq=2"), "record 2"),
    ("renumber the last record (4 → 9)",
     lambda d, db: sql(db, "UPDATE records SET seq=9 WHERE seq=4"), "record 4"),
    ("record points at another sending row",
     lambda d, db: sql(db, "UPDATE records SET submission_id=1 WHERE seq=2"), "record 2"),
    ("record's sending row link removed",
     lambda d, db: sql(db, "UPDATE records SET submission_id=NULL WHERE seq=2"), "record 2"),
    ("record's package entry is a list, rehashed", lambda d, db: rewrite(
        db, 4, lambda b: b.update(package=[1, 2]), anchor=True), "record 4"),
    ("receipt path ../../../../etc/passwd, rehashed and anchored", lambda d, db: rewrite(
        db, 2, lambda b: b["receipt_file"].update(path="../../../../etc/passwd")), "record 2"),
    ("receipt path ../../../../etc/passwd on the last record, anchor rewritten",
     lambda d, db: rewrite(db, 4, lambda b: b.update(receipt_file={
         "name": "passwd", "path": "../../../../etc/passwd",
         "sha256": records.sha256_file(Path("/etc/passwd"))}), anchor=True), "record 4"),
    ("package path /etc, anchor rewritten", lambda d, db: rewrite(
        db, 4, lambda b: b.update(package={"path": "/etc", "manifest_sha256": "0" * 64,
                                           "files": []}), anchor=True), "record 4"),
    ("change a sent report's title column",
     lambda d, db: sql(db, "UPDATE drafts SET title='改过的标题' WHERE id=1"), "record 1"),
    ("change a sent report's title inside its text",
     _draft_body(lambda b: b["data"]["incident"].update(title="改过的标题")), "record 1"),
    ("change a sent report's facts",
     _draft_body(lambda b: b["data"]["incident"].update(description="另一种说法")), "record 1"),
    ("delete a sent report", lambda d, db: sql(
        db, "PRAGMA foreign_keys=OFF", "DELETE FROM drafts WHERE id=1"), "record 1"),
    ("sent report's text replaced by garbage",
     lambda d, db: sql(db, "UPDATE drafts SET body='{' WHERE id=3"), "record 4"),
    ("extra file inside a kept package", _add("package/extra.txt", 1), "record 1"),
    ("extra folder and file inside a kept package", _add("package/fax/extra.pdf", 3),
     "record 3"),
    ("extra file beside a kept package", _add("extra.txt", 1), "record 1"),
    ("symbolic link inside a kept package", _symlink_in_package, "record 1"),
    ("kept report.pdf changed", _edit("package/report.pdf", 1), "record 1"),
    ("kept script.txt changed", _edit("package/script.txt", 3), "record 3"),
    ("kept manifest changed", _edit("package/manifest.json", 1, b"{}"), "record 1"),
    ("kept file deleted", _remove("package/report.pdf", 3), "record 3"),
    ("kept package folder deleted", _remove("package", 1), "record 1"),
    ("kept receipt scan changed", _edit("receipt/fax-report.png", 2), "record 2"),
    ("extra file beside the kept receipt", _add("receipt/other.png", 2), "record 2"),
    ("a kept copy no record names", _orphan, "record 9"),
    ("anchor deleted and the last record removed", lambda d, db: (
        records.anchor_path(db).unlink(), sql(db, "DELETE FROM records WHERE seq=4",
                                             "DELETE FROM submissions WHERE id=4")), "record"),
    ("anchor names a later record", lambda d, db: records.anchor_path(db).write_text(json.dumps(
        {"format": records.ANCHOR_FORMAT, "seq": 7, "sha256": "ab" * 32})), "record 5"),
    ("anchor is garbage", lambda d, db: records.anchor_path(db).write_text("garbage"),
     "record anchor"),
    ("anchor is a FIFO (must not hang)", _fifo_anchor, "record anchor"),
    ("database deleted, anchor kept", lambda d, db: db.unlink(), "record 1"),
    ("database replaced by garbage", lambda d, db: db.write_bytes(b"not a database" * 100),
     "cannot open the database"),
]


def run_verify(data: Path) -> tuple[int, str]:
    from composer.__main__ import main

    os.environ["COMPOSER_DATA_DIR"] = str(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["log", "verify"])
    return code, out.getvalue() + err.getvalue()


def fingerprint(path: Path) -> tuple[str, int] | None:
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mode


def main() -> int:
    if "--list" in sys.argv:
        for name, _, _ in CASES:
            print(name)
        return 0
    with tempfile.TemporaryDirectory(prefix="composer-tamper-") as tmp:
        pristine = Path(tmp) / "pristine" / "data"
        build_scene(pristine)
        code, text = run_verify(pristine)
        assert code == 0, text
        print(f"pristine: {text.strip()}")
        detected = 0
        unchanged = 0
        for i, (name, tamper, named) in enumerate(CASES, start=1):
            data = Path(tmp) / f"case{i}" / "data"
            shutil.copytree(pristine, data, symlinks=True)
            db = data / "composer.sqlite3"
            tamper(data, db)
            before = fingerprint(db)
            code, text = run_verify(data)
            ok = code == 1 and named in text
            unchanged += fingerprint(db) == before
            detected += ok
            first = text.strip().splitlines()[1:2] or text.strip().splitlines()[:1]
            print(f"{'detected' if ok else 'MISSED  '} {i:2d}. {name}: exit {code}; "
                  f"{first[0] if first else ''}"[:200])
        print(f"\ndetected {detected} of {len(CASES)} tamperings; database unchanged by "
              f"verify in {unchanged} of {len(CASES)}")
        return 0 if detected == len(CASES) else 1


if __name__ == "__main__":
    sys.exit(main())
