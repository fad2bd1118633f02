"""Readers nobody here wrote, for tests: GMime (through notmuch), qpdf, pdffonts, HylaFAX's
tiffcheck. Each helper returns None when its tool is not installed (the test then skips;
.ci/run installs them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HYLAFAX_DIRS = [Path(p) for p in os.environ.get("COMPOSER_HYLAFAX", "").split(os.pathsep) if p]
HYLAFAX_DIRS.append(Path(tempfile.gettempdir()) / "composer-ci-hylafax")


def _walk(node: object, into: list[str]) -> None:
    if isinstance(node, dict):
        if node.get("filename"):
            into.append(node["filename"])
        _walk(node.get("content"), into)
    elif isinstance(node, list):
        for x in node:
            _walk(x, into)


def _messages_of(node: object):
    if isinstance(node, dict) and "headers" in node:
        yield node
    elif isinstance(node, list):
        for x in node:
            yield from _messages_of(x)


def gmime_read(messages: list[bytes]) -> list[dict] | None:
    """Each message as notmuch (GMime) decodes it, in the order given: ``{"headers": {...},
    "filenames": [...], "senders": [(name, address)], "recipients": [(name, address)]}``
    (the address lists as GMime parses From and To); None without notmuch."""
    if shutil.which("notmuch") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        mail = root / "mail"
        for sub in ("cur", "new", "tmp"):
            (mail / sub).mkdir(parents=True)
        for i, data in enumerate(messages):
            # one Message-ID per file, or notmuch would merge copies of the same message
            data = data.replace(b"Message-ID: <", f"Message-ID: <n{i}.".encode(), 1)
            (mail / "cur" / f"{i:05d}:2,").write_bytes(data)
        cfg = root / "config"
        cfg.write_text(f"[database]\npath={mail}\n[new]\ntags=new\n[user]\nname=t\n"
                       "primary_email=t@example.org\n", encoding="utf-8")
        env = {**os.environ, "NOTMUCH_CONFIG": str(cfg)}
        subprocess.run(["notmuch", "new", "--quiet"], env=env, check=True,
                       capture_output=True)
        out = subprocess.run(["notmuch", "show", "--format=json", "--entire-thread=false",
                              "--include-html=false", "--body=true", "*"], env=env,
                             check=True, capture_output=True).stdout

        def addresses(msg_id: str, kind: str) -> list[tuple[str, str]]:
            raw = subprocess.run(["notmuch", "address", "--format=json", f"--output={kind}",
                                  "--deduplicate=no", f"id:{msg_id}"], env=env, check=True,
                                 capture_output=True).stdout
            return [(a["name"], a["address"]) for a in json.loads(raw)]

        found: dict[int, dict] = {}
        for m in _messages_of(json.loads(out)):
            index = int(Path(m["filename"][0]).name.split(":")[0])
            names: list[str] = []
            _walk(m.get("body"), names)
            found[index] = {"headers": m["headers"], "filenames": names,
                            "senders": addresses(m["id"], "sender"),
                            "recipients": addresses(m["id"], "recipients")}
    return [found[i] for i in range(len(messages))]


def qpdf_check(pdf: Path) -> tuple[int, str] | None:
    """``(exit status, output)`` of ``qpdf --check``; None without qpdf."""
    if shutil.which("qpdf") is None:
        return None
    r = subprocess.run(["qpdf", "--check", str(pdf)], check=False, capture_output=True,
                       text=True)
    return r.returncode, r.stdout + r.stderr


def pdffonts(pdf: Path) -> list[dict[str, str]] | None:
    """The rows of ``pdffonts`` (name, type, emb, sub); None without poppler-utils."""
    if shutil.which("pdffonts") is None:
        return None
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    header = out[1]        # dashes: column widths
    spans, start = [], 0
    for part in header.split(" "):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    rows = []
    for line in out[2:]:
        cells = [line[a:b].strip() for a, b in spans]
        rows.append({"name": cells[0], "type": cells[1], "emb": cells[3], "sub": cells[4]})
    return rows


def tiffcheck_command() -> list[str] | None:
    """How to run HylaFAX's tiffcheck (unpacked from the .deb by .ci/run), or None."""
    for base in HYLAFAX_DIRS:
        binary = base / "usr/lib/hylafax/bin/tiffcheck"
        if binary.exists():
            return ["env", f"LD_LIBRARY_PATH={base / 'usr/lib/hylafax'}", str(binary)]
    if shutil.which("tiffcheck"):
        return ["tiffcheck"]
    return None


def tiffcheck(tif: Path) -> str | None:
    """tiffcheck's verdict for a fine-mode fax (``OK``, ``RESIZE`` …) and its notes."""
    cmd = tiffcheck_command()
    if cmd is None:
        return None
    r = subprocess.run([*cmd, "-r", "196", str(tif)], check=False, capture_output=True,
                       text=True)
    return (r.stdout + r.stderr).strip()
