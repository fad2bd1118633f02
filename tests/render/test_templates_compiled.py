"""The precompiled jinja2 templates (templates/_compiled/, issue 14 goal 2) are current, are
used, and render exactly what compiling the template here renders; a stale one is ignored."""

from __future__ import annotations

import types
from pathlib import Path

from composer.render import templating

COMPILED = Path(__file__).resolve().parents[2] / "templates" / "_compiled"


def test_compiled_templates_are_current():
    import importlib

    import jinja2

    from composer import resources

    names = templating.template_names()
    assert names, "no templates found"
    shipped = {p.name for p in COMPILED.glob("*.py")}
    assert shipped == {"__init__.py", *(templating.module_name(n) + ".py" for n in names)}, \
        "run python tools/compile_templates.py"
    assert (COMPILED / "__init__.py").read_text(encoding="utf-8") == templating.COMPILED_INIT
    for name in names:
        module = importlib.import_module(
            f"{templating.COMPILED_PACKAGE}.{templating.module_name(name)}")
        assert module.SOURCE_SHA256 == templating.source_sha256(
            resources.template_source(name)), \
            f"{name} changed: run python tools/compile_templates.py"
        if module.JINJA2_VERSION != jinja2.__version__:
            # compiled with another jinja2 than the one installed here: never used, the
            # template is compiled at run time instead (same text, only slower)
            templating.template.cache_clear()
            assert not templating.template(name).filename.endswith(".py")
            templating.template.cache_clear()
            continue
        text = (COMPILED / (templating.module_name(name) + ".py")).read_text(encoding="utf-8")
        assert text == templating.compiled_source(name), \
            f"{name}: compiled module out of date; run python tools/compile_templates.py"


def _context_for(name: str) -> dict:
    from datetime import datetime, timedelta, timezone

    from composer.core.classify import classify
    from composer.core.incident_io import load_report
    from composer.render import email

    report = load_report(Path(__file__).resolve().parents[1] / "data" / "examples" /
                         "ransomware-retailer.json")
    when = datetime(2026, 11, 18, 16, 30, tzinfo=timezone(timedelta(hours=8)))
    return email.body_context(report, classify(report), generated_at=when,
                              attachment_name="报告.pdf")


def test_compiled_modules_are_used_and_render_the_same(monkeypatch):
    import jinja2
    import pytest
    from composer._templates._compiled import email_txt_j2

    if email_txt_j2.JINJA2_VERSION != jinja2.__version__:
        pytest.skip(f"compiled with jinja2 {email_txt_j2.JINJA2_VERSION}, "
                    f"{jinja2.__version__} installed")
    templating.template.cache_clear()
    try:
        env = templating.environment()
        for name in ("email.txt.j2", "email.html.j2"):
            compiled = templating.template(name)
            assert compiled.filename is not None and compiled.filename.endswith(
                templating.module_name(name) + ".py"), "the compiled module was not used"
            fresh = env.get_template(name)
            assert not fresh.filename.endswith(".py")     # compiled here from the text
            context = _context_for(name)
            assert compiled.render(**context) == fresh.render(**context)
    finally:
        templating.template.cache_clear()


def test_a_stale_compiled_module_is_ignored(monkeypatch):
    import sys

    name = "email.txt.j2"
    module = types.ModuleType(f"{templating.COMPILED_PACKAGE}.{templating.module_name(name)}")
    module.FINGERPRINT = "0" * 64                       # compiled from some other text
    module.root = lambda context: iter(["stale"])
    monkeypatch.setitem(sys.modules, module.__name__, module)
    templating.template.cache_clear()
    try:
        got = templating.template(name)
        assert not got.filename.endswith(".py")          # compiled here instead
        assert "stale" not in got.render(**_context_for(name))
    finally:
        templating.template.cache_clear()


def test_after_a_jinja2_upgrade_the_templates_are_compiled_at_run_time(monkeypatch):
    import jinja2

    name = "email.txt.j2"
    templating.template.cache_clear()
    try:
        shipped = templating.template(name).render(**_context_for(name))
        templating.template.cache_clear()
        monkeypatch.setattr(jinja2, "__version__", "99.0")
        got = templating.template(name)
        assert not got.filename.endswith(".py")
        assert got.render(**_context_for(name)) == shipped
    finally:
        templating.template.cache_clear()
