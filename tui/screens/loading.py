"""The loading screen: the articles at once, with a progress bar while they are compared."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from newsreader.model import Story
from tui.widgets.story_preview import StoryPreview


class LoadingScreen(Screen[None]):
    """A preview of the articles and a progress indicator while the engine works."""

    BINDINGS = [
        Binding("question_mark", "app.help", "Help", id="loading.help", tooltip="the keys"),
        Binding("q", "app.quit", "Quit", id="loading.quit", tooltip="quit"),
    ]

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        sentences = sum(len(a.sentences) for a in self.story.articles)
        yield Header()
        with Horizontal(id="loading"):
            yield Static(
                Content(f"Comparing {len(self.story.articles)} articles ({sentences} sentences)…"),
                id="loading-message",
            )
        # The articles are readable at once; their highlights arrive with the analysis.
        yield StoryPreview(self.story, id="preview")

    def on_mount(self) -> None:
        self.title = self.story.title
        if self.app.is_ready:  # type: ignore[attr-defined]
            self.call_after_refresh(self.complete)

    def complete(self) -> None:
        """Add what the first frame goes without: the progress bar, the keys in the footer,
        the preview's full height.

        The app calls this once its first frame is on screen (the articles come first).
        """
        # Imported here: the first frame goes without them.
        from textual.widgets import Footer, ProgressBar

        if self.query(Footer):
            return
        if not self.query_one("#loading-message").has_class("-failed"):
            progress = ProgressBar(total=None, show_eta=False, id="loading-progress")
            self.query_one("#loading").mount(progress)
        self.mount(Footer())
        # A footer fills itself when the bindings change: tell it, once it is mounted.
        self.call_after_refresh(self.refresh_bindings)
        self.query_one(StoryPreview).measure()

    def on_key(self, event: events.Key) -> None:
        """Keep keys typed before the reader is ready; the app replays them."""
        if event.key in self.app.active_bindings or self.query_one("#loading-message").has_class(
            "-failed"
        ):
            return
        self.app.typed_ahead.append(event.key)  # type: ignore[attr-defined]
        event.stop()

    def show_error(self, reason: str, doing: str = "analysed") -> None:
        """Say that the story could not be analysed (or opened); the app stays open, q quits."""
        for progress in self.query("#loading-progress"):
            progress.display = False
        message = self.query_one("#loading-message", Static)
        message.add_class("-failed")
        message.update(Content(f"The story could not be {doing}: {reason}"))
