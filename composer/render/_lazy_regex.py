"""reportlab's URI pattern compiled when first used, not at import (issue 14 goal 2).

``reportlab.platypus.paragraph`` compiles ``uri_pat`` at import: a case-insensitive pattern
with character ranges up to U+FFFF that takes ≈ 20 ms to compile, a tenth of a cold render's
imports. It is only used to split URIs when a style asks for hyphenation or ``uriWasteReduce``,
which no Composer style does. :func:`install` (called by ``composer/render/__init__.py``, so
before any render module can import reportlab) adds an import hook that runs that one module
with ``re.compile`` returning, for that one pattern only, a stand-in that compiles the real
pattern the first time anything uses it. Every other pattern, and every other module, is
untouched; if reportlab changes the pattern, the hook simply no longer matches anything.
Importing this module imports no reportlab.
"""

from __future__ import annotations

import re
import sys
import threading
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

TARGET = "reportlab.platypus.paragraph"
URI_PREFIX = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
"""How reportlab's ``uri_pat`` begins (the pattern is compiled with ``re.I``)."""


class LazyPattern:
    """A compiled pattern that compiles itself on first use (thread-safe)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = _real_compile(self._pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"<LazyPattern {self._pattern[:30]!r}…, {state}>"


_real_compile = re.compile


def _lazy_compile(pattern: Any, flags: int = 0) -> Any:
    if isinstance(pattern, str) and pattern.startswith(URI_PREFIX) and flags == re.IGNORECASE:
        return LazyPattern(pattern, flags)
    return _real_compile(pattern, flags)


class _Loader:
    """The real loader of :data:`TARGET`, with ``re.compile`` swapped while it runs (plain
    classes, not the importlib ABCs: importing those costs more than this module saves)."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        re.compile = _lazy_compile  # type: ignore[assignment]
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = _real_compile

    def __getattr__(self, name: str) -> Any:       # get_source, get_filename, …
        return getattr(self._loader, name)


class _Finder:
    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != TARGET:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader)
                return spec
        return None


_FINDER = _Finder()


def install() -> None:
    """Add the import hook (once; a no-op once reportlab's paragraph module is loaded)."""
    if TARGET not in sys.modules and _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
