"""Each output imports only what it needs (issue 11 item 9, issue 14): checked in a subprocess
that runs ``composer render`` and then lists the loaded modules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent / "data" / "examples" / "ransomware-retailer.json"

PROBE = r"""
import json, sys
from composer.__main__ import main
code = main(sys.argv[1:])
print(json.dumps({"code": code,
                  "pdfium": any(m.split(".")[0] == "pypdfium2" for m in sys.modules),
                  "jinja2": any(m.split(".")[0] == "jinja2" for m in sys.modules),
                  "reportlab": "reportlab" in sys.modules}))
"""


def _render(tmp_path: Path, only: str) -> dict[str, bool]:
    out = subprocess.run(  # noqa: PLW1510 (status asserted)
        [sys.executable, "-c", PROBE, "render", str(EXAMPLE), "--out", str(tmp_path / "o"),
         "--only", only], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    return result


# Pillow is not listed: reportlab imports it itself, and deferring it (a LazyLoader module put
# into sys.modules) saved ≈ 10 ms on --only pdf/eml alone, nothing on a whole package or the app
# (issue 23: removed).
@pytest.mark.parametrize(("only", "pdfium", "jinja2"), [
    ("pdf", False, False),
    ("eml", False, True),
    ("fax", True, False),
])
def test_render_loads_only_what_the_output_needs(tmp_path, only, pdfium, jinja2):
    got = _render(tmp_path, only)
    assert got["reportlab"]
    assert (got["pdfium"], got["jinja2"]) == (pdfium, jinja2)
    written = sorted(p.relative_to(tmp_path / "o").as_posix()
                     for p in (tmp_path / "o").rglob("*") if p.is_file())
    assert "manifest.json" in written and len(written) >= 2
