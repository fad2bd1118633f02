"""The one jinja2 environment: strict (a missing variable is an error), HTML autoescaped.

Templates live in ``templates/`` and are read through :mod:`composer.resources` (the one
gateway), so they load the same from a checkout, an editable install and a wheel.

jinja2 is imported on the first render, not with this module: importing the e-mail module (for
its address checks, say) must not load it.

Compiling a template costs ≈ 8 ms; jinja2's own bytecode cache keeps the compiled code in
``<data dir>/cache/templates`` (private, like the rest of the data folder), so from the second
process on a template is loaded, not compiled. jinja2 stores the SHA-1 of the template text
with the code and uses the code only for the same text (and the same Python). A folder that
cannot be made or written means no cache, never an error; a cache file is read only if it is a
regular file of bounded size (never a FIFO or a device).
"""

from __future__ import annotations

import contextlib
import os
import stat
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer import resources
from composer.core import paths

if TYPE_CHECKING:
    from jinja2 import Environment, Template

CACHE_FILE_MAX = 1 << 20
"""Bytes of a cached template read at most (the largest is ≈ 20 KB)."""


def cache_dir() -> Path:
    """Where the compiled templates are kept: ``<data dir>/cache/templates``."""
    return paths.data_dir() / "cache" / "templates"


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
        bytecode_cache=_bytecode_cache(),
    )


def _bytecode_cache() -> Any:
    """jinja2's ``FileSystemBytecodeCache`` in the data folder, or None if it cannot be made;
    reading and writing failures just mean compiling (see the module docstring)."""
    from jinja2 import FileSystemBytecodeCache
    from jinja2.bccache import Bucket

    class _Cache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Bucket) -> None:
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            try:
                fd = os.open(self._get_cache_filename(bucket), flags)
            except OSError:
                return
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode) or info.st_size > CACHE_FILE_MAX:
                    return
                data = os.read(fd, CACHE_FILE_MAX + 1)
            except OSError:
                return
            finally:
                os.close(fd)
            if len(data) > CACHE_FILE_MAX:
                return
            try:
                bucket.bytecode_from_string(data)   # jinja2 checks its magic and checksum
            except (ValueError, EOFError, TypeError):
                bucket.reset()                       # not code marshal can read: compile

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    try:
        folder = cache_dir()
        for level in (folder.parent.parent, folder.parent, folder):
            paths.private_dir(level)
    except OSError:
        return None
    return _Cache(str(folder))


def render(name: str, /, **context: Any) -> str:
    """Render template ``name`` (e.g. ``"email.txt.j2"``) with ``context``."""
    return template(name).render(**context)


@cache
def template(name: str) -> Template:
    return environment().get_template(name)
