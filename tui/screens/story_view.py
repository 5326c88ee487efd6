"""What the views opened from the reader share: the story's analysis, the reviewing session
and the story's coverage matrix (made once by the reader)."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import Screen

from newsreader.library.coverage import Coverage, coverage
from newsreader.model import Analysis
from tui.review import ReviewSession

Result = TypeVar("Result")


def verdict_bindings(view: str) -> list[Binding]:
    """The keys that tag the claim under the cursor, with ids under the view's name."""
    return [
        Binding("v", "tag('verified')", "Verified", id=f"{view}.verified", tooltip="tag verified"),
        Binding("d", "tag('disputed')", "Disputed", id=f"{view}.disputed", tooltip="tag disputed"),
        Binding("x", "tag('')", "Clear", id=f"{view}.clear", tooltip="clear the verdict"),
    ]


def leaving_bindings(view: str) -> list[Binding]:
    """Help and quit, with ids under the view's name."""
    return [
        Binding("question_mark", "app.help", "Help", id=f"{view}.help", tooltip="this help"),
        Binding("q", "app.quit", "Quit", id=f"{view}.quit", tooltip="quit (all is saved)"),
    ]


class StoryView(Screen[Result]):
    """A screen over the reader showing the whole story in another way."""

    def __init__(
        self, analysis: Analysis, session: ReviewSession, matrix: Coverage | None = None
    ) -> None:
        super().__init__()
        self.analysis = analysis
        self.session = session
        self.matrix = matrix or coverage(analysis)
