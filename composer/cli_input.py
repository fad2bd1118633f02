"""Reading the incident file a command names: shared by the commands of ``composer.__main__``
and ``composer.cli_records`` (neither imports the other for it).

Exit status on failure, as CONTRACT.md says: 2 when it is not a regular file within the input
limit or not a valid incident (one ``json.path: problem`` line per problem on stderr), 1 when it
cannot be read otherwise.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from composer.core.model import Report

EXIT_ERROR, EXIT_INVALID = 1, 2


def read_input(name: str) -> bytes:
    """The input, read to at most one byte past the size limit (``/dev/zero`` must not hang);
    a named input must be a regular file (:mod:`composer.core.input_file`)."""
    from composer.core.input_file import read_input as read_file
    from composer.core.validators import INPUT_MAX_BYTES

    if name == "-":
        return sys.stdin.buffer.read(INPUT_MAX_BYTES + 1)
    return read_file(name, INPUT_MAX_BYTES + 1)   # one past: the loader says "too large"


def load(name: str) -> tuple[Report, bytes] | int:
    """The validated report and the bytes read, or the exit status (the reason printed)."""
    from composer.core.incident_io import loads_report
    from composer.core.input_file import UnreadableInput
    from composer.core.validators import PATH_SHOWN, InvalidIncident, printable, problem_lines

    try:
        data = read_input(name)
    except UnreadableInput as exc:
        print(f"{printable(name, PATH_SHOWN)}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        print(f"{printable(name, PATH_SHOWN)}: cannot read: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_ERROR
    try:
        return loads_report(data), data
    except InvalidIncident as exc:
        for line in problem_lines(exc.problems):
            print(line, file=sys.stderr)
        return EXIT_INVALID
