"""The one place that knows where bundled resources and templates live.

Everything under ``resources/`` and ``templates/`` is reached through these functions, so the
code works the same from a source checkout, an editable install and a wheel.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_RESOURCES = "composer._resources"
_TEMPLATES = "composer._templates"


@cache
def _root(package: str, folder: str) -> Traversable:
    """The installed data package, or the folder beside ``composer/`` in a source checkout.

    A data package on disk (a wheel, an editable install, a checkout) is its folder, found
    from its ``__init__.py`` without importing importlib.resources and zipfile at start-up
    (issue 14); anything else (a zip import) goes through ``importlib.resources``. The
    fallback covers running from a checkout whose ``composer/`` shadows the installed
    package (``python -m pytest`` or ``python -m composer`` from the repository root).
    """
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError:
        source = Path(__file__).resolve().parent.parent / folder
        if source.is_dir():
            return source
        raise
    origin = getattr(module, "__file__", None)
    if origin and Path(origin).is_file():
        return Path(origin).parent
    from importlib.resources import files

    return files(package)


def _child(root: Traversable, name: str) -> Traversable:
    parts = [p for p in name.split("/") if p]
    if not parts or any(p in (".", "..") for p in parts):
        raise ValueError(f"bad resource name: {name!r}")
    node = root
    for part in parts:
        node = node / part
    return node


def resource(name: str) -> Traversable:
    """A file under resources/, e.g. ``resource("rules/grading.json")``."""
    return _child(_root(_RESOURCES, "resources"), name)


def read_bytes(name: str) -> bytes:
    return resource(name).read_bytes()


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")


@cache
def read_json(name: str) -> Any:
    """Parsed JSON data file under resources/ (cached: treat the result as read-only)."""
    return json.loads(read_text(name))


def resource_path(name: str) -> Path:
    """A real filesystem path for a resource (fonts need one for reportlab and Qt).

    Wheels and editable installs both unpack to the filesystem, so ``as_file`` returns the file
    in place; the context manager is entered and kept for the process lifetime otherwise.
    """
    node = resource(name)
    if isinstance(node, Path):
        return node
    from importlib.resources import as_file

    ctx = as_file(node)
    path = ctx.__enter__()  # kept open for the life of the process
    return Path(path)


def templates_root() -> Traversable:
    return _root(_TEMPLATES, "templates")


def template_source(name: str) -> str:
    """The text of a template under templates/ (for the jinja2 loader)."""
    return _child(templates_root(), name).read_text(encoding="utf-8")
