"""The note dialog: one line of text on a claim; enter saves, escape cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteDialog(ModalScreen[str | None]):
    """Ask for a note; dismisses with the text, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, claim_text: str, note: str | None) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog") as box:
            box.border_title = "Note on this claim"
            box.border_subtitle = "enter saves · escape cancels"
            yield Static(Content(self.claim_text), id="note-claim")
            yield Input(value=self.note, placeholder="your note", id="note-input")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
