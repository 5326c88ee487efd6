"""Messages shared between the reader's screens and widgets."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.app import App
from textual.message import Message


@dataclass
class AnnotationSaved(Message):
    """A verdict or note was written to the database (verdict None: cleared or a note alone)."""

    claim_id: str
    verdict: str | None
    note: str | None


@dataclass
class AnnotationFailed(Message):
    """A verdict or note could not be written; reason says why."""

    claim_id: str
    reason: str


def tell_screens(app: App[object], message: Message) -> None:
    """Post a (dataclass) message to every screen on the app's stack, a copy to each."""
    for screen in app.screen_stack:
        screen.post_message(replace(message))  # type: ignore[type-var]
