"""The status line: where the cursor is, the filter, and whether the last change was saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class StatusLine(Horizontal):
    """Position and filter on the left; the saving state on the right."""

    def __init__(self) -> None:
        super().__init__(id="status-line")
        self.position = Static(id="status-position", markup=False)
        self.saving = Static(id="status-saving", markup=False)

    def compose(self) -> ComposeResult:
        yield self.position
        yield self.saving

    def show_position(self, text: str) -> None:
        """Describe where the cursor is."""
        self.position.update(Content(text), layout=False)

    def show_saved(self, text: str) -> None:
        """Say that a change reached the database."""
        self.saving.set_class(False, "-failed")
        self.saving.update(Content(text))

    def show_failed(self, text: str) -> None:
        """Say loudly that a change was not saved."""
        self.saving.set_class(True, "-failed")
        self.saving.update(Content(text))
