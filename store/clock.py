"""The time stamps the store writes."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    """The current time as ISO 8601 in UTC, to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")
