"""Errors that reach the user as one clear line."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""
