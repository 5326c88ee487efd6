"""The newsreader Textual app: wires the story, the store and the reader screen."""

from __future__ import annotations

from textual.app import App

from newsreader.analysis import analyze
from newsreader.model import Analysis, Story
from store import AnnotationStore
from tui.screens.reader import ReaderScreen


class NewsreaderApp(App[None]):
    """Compare reports side by side and record verdicts on claims."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"

    def __init__(self, analysis: Analysis, store: AnnotationStore) -> None:
        super().__init__()
        self.analysis = analysis
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen(self.analysis, self.store))


def make_app(
    story: Story, store: AnnotationStore, analysis: Analysis | None = None
) -> NewsreaderApp:
    """Build the app for a story and a store (tests pass a temporary store)."""
    return NewsreaderApp(analysis or analyze(story), store)
