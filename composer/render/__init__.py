"""Qt-free rendering: PDF report, e-mail draft, fax, package, phone script, calendar."""

from composer.render import _lazy_regex

_lazy_regex.install()
