"""The tests exercise the checkout they live in, never an installed copy elsewhere.

With a non-editable install, in-process tests would import site-packages while subprocess
tests run the checkout: an edit would be half tested. The README's test command installs
editable; this test fails when ``composer`` (or its resources) comes from anywhere else.
"""

from __future__ import annotations

from pathlib import Path

import composer
from composer import resources

CHECKOUT = Path(__file__).resolve().parents[1]


def test_composer_is_imported_from_this_checkout() -> None:
    where = Path(composer.__file__).resolve()
    assert where.is_relative_to(CHECKOUT / "composer"), (
        f"composer is imported from {where}, not from the checkout {CHECKOUT}: "
        "install it editable (pip install -e '.[test]'), as the README says")


def test_resources_and_templates_come_from_this_checkout() -> None:
    for found, folder in ((resources.resource("rules/grading.json"), "resources"),
                          (resources.templates_root(), "templates")):
        path = Path(str(found)).resolve()
        assert path.is_relative_to(CHECKOUT / folder), (
            f"{folder} are read from {path}, not from the checkout {CHECKOUT}")
