"""The search bar: incremental search across all articles."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An input that searches as you type; enter finds the next hit, escape closes."""

    BINDINGS = [Binding("escape", "close", "Close search", id="search.close")]

    class Closed(Message):
        """The user closed the search bar."""

    def __init__(self) -> None:
        super().__init__(placeholder="search all articles (enter: next hit, escape: close)")
        self.id = "search"

    def action_close(self) -> None:
        """Close the search."""
        self.post_message(self.Closed())
