"""Messages shared between the reader's widgets and screens."""

from __future__ import annotations

from textual.message import Message


class SentenceClicked(Message):
    """A sentence was clicked with the mouse."""

    def __init__(self, sentence_id: str) -> None:
        super().__init__()
        self.sentence_id = sentence_id


class ClaimTagged(Message):
    """A verdict on a claim was saved (or cleared, when verdict is None)."""

    def __init__(self, claim_id: str, verdict: str | None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.verdict = verdict
