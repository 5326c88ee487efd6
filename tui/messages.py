"""Messages shared between the reader's screens and widgets."""

from __future__ import annotations

from textual.message import Message


class AnnotationSaved(Message):
    """A verdict or note was written to the database (verdict None: cleared)."""

    def __init__(self, claim_id: str, verdict: str | None, note: str | None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.verdict = verdict
        self.note = note


class AnnotationFailed(Message):
    """A verdict or note could not be written; reason says why."""

    def __init__(self, claim_id: str, reason: str) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.reason = reason
