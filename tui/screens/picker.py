"""The story picker: every story in the library with its counts; enter opens one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable

from newsreader.library.stories import opened_label
from store import StoryInfo

COLUMNS = (
    ("Title", "title"),
    ("Articles", "articles"),
    ("Claims", "claims"),
    ("Conflicts", "conflicts"),
    ("Verdicts", "verdicts"),
    ("Last opened", "opened"),
)


def _number(value: int | None) -> Text:
    return Text("-" if value is None else str(value), justify="right")


def _opened(stamp: str | None) -> Text:
    return Text(opened_label(stamp), style="" if stamp else "dim")


class StoryPicker(ModalScreen[str | None]):
    """Lists stories (titles, articles, claims, conflicts, verdicts); dismisses with the id
    of the story picked with enter (or a click), or None on escape.

    Args:
        stories: the stories to offer, in order (``store.list_stories(always=[demo], ...)``);
            those without saved articles (known only by annotations) are left out.
        current: the id of the story being read, where the cursor starts.
    """

    DEFAULT_CSS = """
    StoryPicker {
        align: center middle;
    }
    StoryPicker > #picker {
        width: 90%;
        max-width: 140;
        height: auto;
        max-height: 80%;
        border: thick $accent;
        background: $surface;
    }
    StoryPicker DataTable {
        height: auto;
        max-height: 100%;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
    ]

    def __init__(self, stories: Sequence[StoryInfo], current: str | None = None) -> None:
        super().__init__()
        self.stories = [story for story in stories if story.articles]
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="picker") as box:
            box.border_title = "Stories"
            box.border_subtitle = "enter opens · escape cancels"
            yield DataTable(cursor_type="row", zebra_stripes=True, id="stories")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in COLUMNS:
            table.add_column(label, key=key)
        for story in self.stories:
            table.add_row(
                Text(story.title),  # untrusted: a Text is never parsed as markup
                _number(story.articles),
                _number(story.claims),
                _number(story.conflicts),
                _number(story.annotations),
                _opened(story.opened),
                key=story.id,
            )
        if self.current is not None and self.current in {s.id for s in self.stories}:
            table.move_cursor(row=table.get_row_index(self.current), animate=False)
        table.focus()

    @on(DataTable.RowSelected)
    def _picked(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(event.row_key.value)

    def action_cancel(self) -> None:
        """Close the picker without choosing a story."""
        self.dismiss(None)
