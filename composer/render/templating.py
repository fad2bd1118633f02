"""The one jinja2 environment: strict (a missing variable is an error), HTML autoescaped.

Templates live in ``templates/`` and are reached through the package ``composer._templates``
(see :mod:`composer.resources`), so they load the same from a checkout, an editable install and
a wheel.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("composer._templates", "."),
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
