"""The one place that knows where bundled resources and templates live.

Everything under ``resources/`` and ``templates/`` is reached through these functions, so the
code works the same from a source checkout, an editable install and a wheel.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from pathlib import Path
from typing import Any

_RESOURCES = "composer._resources"
_TEMPLATES = "composer._templates"


@cache
def _root(package: str, folder: str) -> Path:
    """The folder of the data package ``package`` (a wheel, an editable install, a frozen
    bundle: Composer always runs from files on disk), or the folder ``folder`` beside
    ``composer/`` in a source checkout whose ``composer/`` shadows the installed package
    (``python -m pytest`` or ``python -m composer`` from the repository root)."""
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError:
        module = None
    origin = getattr(module, "__file__", None)
    if origin:
        return Path(origin).parent
    source = Path(__file__).resolve().parent.parent / folder
    if source.is_dir():
        return source
    raise ModuleNotFoundError(f"Composer's data ({package}) is not installed")


def _child(root: Path, name: str) -> Path:
    parts = [p for p in name.split("/") if p]
    if not parts or any(p in (".", "..") for p in parts):
        raise ValueError(f"bad resource name: {name!r}")
    node = root
    for part in parts:
        node = node / part
    return node


def resource(name: str) -> Path:
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
    """A real filesystem path for a resource (fonts need one for reportlab and Qt)."""
    return resource(name)


def templates_root() -> Path:
    return _root(_TEMPLATES, "templates")


def template_source(name: str) -> str:
    """The text of a template under templates/ (for the jinja2 loader)."""
    return _child(templates_root(), name).read_text(encoding="utf-8")
