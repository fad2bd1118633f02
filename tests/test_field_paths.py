"""One typed list of field paths (issue 23 point 5): every field path written anywhere in the
code — composer/ and the templates — is declared in composer.core.fields.Field.

A dotted string literal that starts at a section of the file (``operator.…``, ``incident.…``,
``impact_facts.…``, ``corrects.…``), or at a key inside one (``ransom.amount``,
``portal_outage.site`` — the relative form the rule data and the not-yet-known marks use), must
be a declared path; so must the tail of a path built in an f-string (``f"{root}.ransom"``).
A typo in a path — a field that would silently read as "not given" — fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from composer.core.fields import PATHS, Field, keys_under, label

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("operator", "incident", "impact_facts", "corrects")
DOTTED = re.compile(r"[a-z_]+(\.[a-z_]+)+")
TAIL = re.compile(r"\.[a-z_]+(\.[a-z_]+)*")
QUOTED = re.compile(r"""["']([a-z_]+(?:\.[a-z_]+)+)["']""")
NOT_FIELDS = frozenset({"incident.json"})      # a file name (the exported incident file)
KEYS = frozenset(f.key for f in Field)


def _roots_of(first: str) -> list[str]:
    """The sections a path starting with ``first`` can be relative to."""
    if first in SECTIONS:
        return [""]
    return [s + "." for s in SECTIONS if first in keys_under(s)]


def _undeclared(text: str) -> bool:
    """A dotted literal that names a field path not in the list."""
    if text in NOT_FIELDS:
        return False
    roots = _roots_of(text.split(".")[0])
    return bool(roots) and not any(root + text in PATHS for root in roots)


def _bad_tail(text: str) -> bool:
    """The tail of an f-string path (``.portal_outage.site``, starting at a field's key) that
    ends no declared path (``.pdf``, ``.json`` start at no field's key: not paths)."""
    return text.split(".")[1] in KEYS and not any(p.endswith(text) for p in PATHS)


def _literals(tree: ast.AST) -> list[tuple[int, str, bool]]:
    """(line, text, inside an f-string) of every string constant."""
    out: list[tuple[int, str, bool]] = []
    in_fstring: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    in_fstring.add(id(part))
                    out.append((part.lineno, part.value, True))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in in_fstring):
            out.append((node.lineno, node.value, False))
    return out


def _problems() -> list[str]:
    problems = []
    seen = 0
    for path in sorted((ROOT / "composer").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for line, text, formatted in _literals(tree):
            where = f"{path.relative_to(ROOT)}:{line}: {text!r}"
            if DOTTED.fullmatch(text) and _roots_of(text.split(".")[0]):
                seen += 1
            if DOTTED.fullmatch(text) and _undeclared(text):
                problems.append(where)
            elif formatted and TAIL.fullmatch(text) and _bad_tail(text):
                problems.append(where + " (built in an f-string)")
    for path in sorted((ROOT / "templates").glob("*.j2")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            for text in QUOTED.findall(line):
                if _undeclared(text):
                    problems.append(f"{path.relative_to(ROOT)}:{n}: {text!r}")
    assert seen > 100, f"the walk found only {seen} field paths: is it still looking?"
    return problems


def test_every_field_path_in_the_code_is_declared() -> None:
    problems = _problems()
    assert not problems, "field paths not in composer.core.fields.Field:\n" + "\n".join(problems)


def test_the_walk_finds_a_typo(tmp_path: Path) -> None:
    source = ('draft.get("incident.ransom.amout")\nfacts["portal_outage.sites"]\n'
              'f"{root}.defacement.view"\nok = ("incident.ransom.amount", "composer.core")\n')
    found = [(text, formatted) for _, text, formatted in _literals(ast.parse(source))
             if (DOTTED.fullmatch(text) and _undeclared(text))
             or (formatted and TAIL.fullmatch(text) and _bad_tail(text))]
    assert sorted(found) == sorted([("incident.ransom.amout", False),
                                    ("portal_outage.sites", False), (".defacement.view", True)])


def test_the_list_is_the_loaders_and_has_a_label_for_every_field() -> None:
    from composer.core import incident_io
    from composer.core.rules import FACT_PATHS

    assert keys_under("") == incident_io._TOP
    assert set(FACT_PATHS) == {p[len("impact_facts."):] for p in PATHS
                               if p.startswith("impact_facts.")} - {
        "portal_outage", "population", "defacement"}
    unlabelled = [f.value for f in Field if f not in (Field.FORMAT,) and label(f) == f.value]
    assert unlabelled == []
