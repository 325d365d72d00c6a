"""Mentora: multi-tenant API for AI tutoring, with a stable 11-code error contract."""

__version__ = "0.1.0"
