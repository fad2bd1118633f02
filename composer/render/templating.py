"""The one jinja2 environment: strict (a missing variable is an error), HTML autoescaped.

Templates live in ``templates/`` and are read through :mod:`composer.resources` (the one
gateway), so they load the same from a checkout, an editable install and a wheel.

jinja2 is imported on the first render, not with this module: importing the e-mail module (for
its address checks, say) must not load it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from composer import resources

if TYPE_CHECKING:
    from jinja2 import Environment


def _source(name: str) -> tuple[str, None, None] | None:
    # (source, filename, uptodate): templates ship with the app and never change while it runs.
    try:
        return resources.template_source(name), None, None
    except (FileNotFoundError, ValueError):
        return None  # jinja2 raises TemplateNotFound


@cache
def environment() -> Environment:
    from jinja2 import Environment, FunctionLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FunctionLoader(_source),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "htm"),
                                     default_for_string=False, default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, /, **context: Any) -> str:
    """Render template ``name`` (e.g. ``"email.txt.j2"``) with ``context``."""
    return environment().get_template(name).render(**context)
