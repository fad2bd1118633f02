"""Resources and templates are reachable through the one gateway, as installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from composer import resources

ROOT = Path(__file__).resolve().parents[1]


def test_data_packages_are_installed() -> None:
    # `pip install .` maps resources/ and templates/ into the wheel as composer._resources and
    # composer._templates; the tests run against the installed package.
    assert importlib.util.find_spec("composer._resources") is not None
    assert importlib.util.find_spec("composer._templates") is not None


def test_every_resource_and_template_loads_through_the_gateway() -> None:
    for folder, read in (("resources", resources.read_bytes),
                         ("templates", lambda n: resources.template_source(n).encode())):
        source = ROOT / folder
        names = [p.relative_to(source).as_posix() for p in source.rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and p.name != "__init__.py"]
        assert names, folder
        for name in names:
            assert read(name) == (source / name).read_bytes(), name


def test_every_code_folder_is_a_package_of_the_wheel() -> None:
    """The wheel lists its packages by name (resources/ and templates/ are mapped in): a new
    folder of modules must be listed too, or `pip install .` leaves it out while the editable
    install used by the tests still finds it (composer.core.store once went missing so)."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
                 ["tool"]["setuptools"]["packages"])
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "composer").rglob("*.py")
            if "__pycache__" not in p.parts}
    assert code <= listed, f"not in [tool.setuptools] packages: {sorted(code - listed)}"
