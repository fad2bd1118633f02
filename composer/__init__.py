"""Composer: grade a cybersecurity incident and compose the report package."""

__version__ = "0.1.0"
