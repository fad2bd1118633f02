"""Qt-free rendering: PDF report, e-mail draft, fax, package, phone script, calendar."""
