"""The parts of :class:`composer.core.storage.Storage`, one concern each.

``base`` opens the database (schema, pragmas, transactions, errors); ``drafts`` the reports and
drafts; ``sending`` what was sent (the hash-chained record and the packages kept); ``settings``
the organisation profile and settings; ``sessions`` sessions, crash recovery and which window
edits which draft; ``damage`` what can still be read from a damaged database file.
"""
