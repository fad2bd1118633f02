"""Regenerate the precompiled jinja2 templates in templates/_compiled/ (issue 14 goal 2).

Compiling the e-mail templates costs a cold render ≈ 15 ms; the app ships them compiled instead,
as ordinary Python modules (pip byte-compiles them like the rest of the app).
:mod:`composer.render.templating` uses a module only while its recorded fingerprint (SHA-256 of
the template text, the jinja2 version and the environment's options) matches, and compiles the
template itself otherwise; ``tests/render/test_templates_compiled.py`` fails while a module is
out of date. Run after changing a template or the environment:

    python tools/compile_templates.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer.render import templating


def main() -> int:
    out = ROOT / "templates" / "_compiled"
    out.mkdir(exist_ok=True)
    wanted = {}
    for name in templating.template_names():
        wanted[templating.module_name(name) + ".py"] = templating.compiled_source(name)
    wanted["__init__.py"] = templating.COMPILED_INIT
    for stale in out.glob("*.py"):
        if stale.name not in wanted:
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")
    for file, text in sorted(wanted.items()):
        path = out / file
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
