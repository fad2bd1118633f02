"""A few seconds of the in-process fuzz harness (bench/fuzz_inputs.py) on every run: mutated
examples through the loader, grading and rendering's text functions must never raise anything
but a clean validation problem. The long run (≥ 1,000,000 inputs) is the bench script itself."""

from __future__ import annotations

import importlib.util
import math
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "fuzz_inputs.py"
SECONDS = 3.0
MINIMUM = 192       # inputs, however loaded the machine (≈ 1 s on an idle one)


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_inputs", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_inputs"] = module       # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


fuzz = _harness()


def test_fuzz_for_a_few_seconds() -> None:
    # A fixed seed keeps CI reproducible; COMPOSER_FUZZ_SEED=<n> explores others (the long
    # bench run explores a million inputs).
    seed = int(os.environ.get("COMPOSER_FUZZ_SEED") or 20261130)
    tally = fuzz.run(None, seed, seconds=SECONDS, minimum=MINIMUM)
    assert not tally.uncaught, f"seed {seed}: {dict(tally.uncaught)} {tally.examples}"
    assert tally.inputs >= MINIMUM
    assert tally.argv >= MINIMUM // 4      # command lines too (bench/fuzz_args.py)
    # Neither all-valid nor all-invalid: both the problem path and grading/rendering are hit.
    assert tally.valid >= tally.inputs * 0.1 and tally.invalid >= tally.inputs * 0.3


def test_the_harness_finds_a_planted_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put back the old number check (math.isfinite on a huge int): the harness must catch it."""
    from composer.core import validators

    original = validators.Reader.number

    def old_number(self, m, key, path, whole, maximum=None):  # type: ignore[no-untyped-def]
        value = m.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            math.isfinite(value)          # OverflowError for an int beyond a float
        return original(self, m, key, path, whole, maximum)

    monkeypatch.setattr(validators.Reader, "number", old_number)
    tally = fuzz.run(1000, seed=11)
    assert tally.uncaught["OverflowError"] > 0


def test_a_broken_message_is_counted() -> None:
    """The oracle rejects an error line with a control character (not just exceptions)."""
    from composer.core.validators import InvalidIncident, Problem

    class Raw(Problem):
        def __str__(self) -> str:
            return f"{self.path}: {self.message}"

    def loader(data):  # type: ignore[no-untyped-def]
        raise InvalidIncident([Raw("incident.title", "bad \x1b[2J")])

    original = fuzz.loads_json
    fuzz.loads_json = loader
    try:
        with pytest.raises(fuzz.UncleanMessage):
            fuzz.check("{}")
    finally:
        fuzz.loads_json = original


def test_the_harness_finds_an_encoded_word_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put back the old renderer check (any atext, so ``=?…?=`` passed into the header parser):
    the addresses the harness makes must reach it."""
    import re

    from composer.render import email

    old = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                     r"@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                     r"(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
    monkeypatch.setattr(email, "address_problem",
                        lambda text: None if old.match(text.strip()) else "not plain")
    tally = fuzz.run(600, seed=5)
    assert sum(tally.uncaught.values()) > 0, tally


def test_the_harness_finds_an_unbounded_source_date_epoch(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Put back the old SOURCE_DATE_EPOCH reading (datetime.fromtimestamp of any 12 digits):
    the command lines the harness makes must reach it."""
    from datetime import UTC, datetime

    def old(option, environ=None):  # type: ignore[no-untyped-def]
        epoch = (environ or {}).get("SOURCE_DATE_EPOCH", "").strip()
        if option is None and epoch.isdigit() and len(epoch) <= 12:
            return datetime.fromtimestamp(int(epoch), UTC)
        return None

    monkeypatch.setattr(fuzz.fuzz_args, "generation_time", old)
    tally = fuzz.run(2000, seed=5)
    assert tally.uncaught["ValueError"] > 0, tally
