"""CI runs exactly the README's test command, and that command checks style and types before
the tests (ruff and mypy, pinned in the test extra)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_test_command() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"Set up, check style and types, and run the tests:\n\n```sh\n(.+)\n```",
                      text)
    assert found, "README.md: the test command's block is not where it was"
    return found.group(1)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    last = [ln for ln in lines if ln.strip() and not ln.startswith("#")][-1]
    assert last == readme_test_command()


def test_the_test_command_lints_and_type_checks_before_the_tests() -> None:
    steps = readme_test_command().split(" && ")
    assert steps[-3:] == [".venv/bin/ruff check", ".venv/bin/mypy", ".venv/bin/pytest"]
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]["test"]
    pinned = {r.split("==")[0] for r in extra if "==" in r}
    assert {"ruff", "mypy"} <= pinned, extra
