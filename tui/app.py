"""The newsreader Textual app: wires the story, the store and the screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from newsreader.errors import UserError
from newsreader.model import Analysis, Annotation, Story
from tui.screens.loading import LoadingScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from newsreader.library.cache import Analyser
    from newsreader.library.opening import OpenedStory, StoryOpener
    from store import AnnotationStore
    from tui.screens.reader import ReaderScreen

StoreOpener = Callable[[], "AnnotationStore"]

# The reader, the claims view, the help and the palette are imported when first needed:
# the loading screen must reach the terminal as early as possible.


def screen_actions() -> type[Provider]:
    """The command palette provider listing the active screen's actions."""
    from tui.commands import ScreenActions

    return ScreenActions


class NewsreaderApp(App[None]):
    """Compare reports side by side and record verdicts on claims."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {screen_actions}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
        Binding("o", "open_story", "Stories", id="app.open_story", tooltip="open another story"),
    ]

    def __init__(
        self,
        story: Story,
        store: AnnotationStore | None,
        analysis: Analysis | None = None,
        *,
        analyse: Analyser | None = None,
        open_store: StoreOpener | None = None,
        shown: Callable[[], None] | None = None,
    ) -> None:
        """The app for a story and a store; without an analysis ``analyse`` makes one in a
        worker (default, None: the engine, imported when first needed).

        Without a store, open_store opens it once the story is on screen (for a first start,
        when there is no database yet to read anything from). shown is called once the first
        frame is drawn.
        """
        if store is None and open_store is None:
            raise ValueError("the app needs a store or a way to open one")
        super().__init__()
        self._analyse = analyse
        # Called once the first frame is drawn.
        self._shown = shown
        self.story = story
        # None until open_store has opened it, just after the first frame.
        self.store: AnnotationStore | None = store
        self._open_store = open_store
        self.analysis = analysis
        self.orphans: list[Annotation] = []
        # Keys typed while the story is being analysed, replayed once the reader is up.
        self.typed_ahead: list[str] = []
        self.is_ready = False
        """Whether the first frame has been shown."""

    def on_mount(self) -> None:
        # Stronger tints where the terminal rounds colours to a 256-colour palette.
        self.set_class(self.console.color_system == "256", "-colors-256")
        # With 16 colours a reversed word can take the colour of its own background.
        self.set_class(self.console.color_system == "standard", "-colors-16")
        if self.store is not None:
            self._note_read_only(self.store)
        if self.analysis is not None:
            self.push_screen(self._reader(self.analysis))
        else:
            self.push_screen(LoadingScreen(self.story))

    def on_ready(self) -> None:
        # The first frame is being drawn (Ready comes just before it reaches the terminal).
        self.is_ready = True
        self.call_after_refresh(self._after_first_frame)

    def _loading_screen(self) -> LoadingScreen | None:
        """The loading screen, also under a help screen opened over it."""
        return next((s for s in self.screen_stack if isinstance(s, LoadingScreen)), None)

    def _after_first_frame(self) -> None:
        """The first frame is on screen: now the work it did not wait for."""
        if self._shown is not None:
            self._shown()
        # Imported here, after the frame, not in the analysis worker: its first lines then
        # hold no import, which would keep the worker from telling how it ended that long.
        import newsreader.library.opening  # noqa: F401

        loading = self._loading_screen()
        if loading is None:
            return
        loading.complete()
        if self.store is None:
            self.call_after_refresh(self._store_ready)
        else:
            # The engine's imports hold the GIL: they wait until the articles are drawn.
            self.set_timer(0.05, self.analyse)

    def _store_ready(self) -> None:
        """Open the database behind the shown story, then open the story from its cached
        analysis or analyse it."""
        assert self._open_store is not None
        try:
            self.store = self._open_store()
            self._note_read_only(self.store)
            opened = self.opener.open_cached(self.story)
        except UserError as exc:
            loading = self._loading_screen()
            if loading is not None:
                loading.show_error(str(exc), doing="opened")
            return
        if opened is None:
            self.set_timer(0.05, self.analyse)
        else:
            self._show_opened(opened)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def analyse(self) -> Analysis:
        """Analyse the story off the UI thread (the engine is imported there too)."""
        return self.opener.analyse(self.story)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Open the reader when the analysis is done, or say why it failed."""
        if event.worker.group != "analysis":
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, Analysis):
            try:
                # Cache the analysis, mark the story opened and re-attach its verdicts.
                opened = self.opener.open(self.story, event.worker.result)
            except UserError as exc:
                loading = self._loading_screen()
                if loading is not None:
                    loading.show_error(str(exc))
                return
            if self._loading_screen() is not None:
                self._show_opened(opened)
        elif event.state is WorkerState.ERROR:
            # The app may be closing: its screens are gone and there is nothing to tell.
            loading = self._loading_screen()
            if loading is not None:
                error = event.worker.error
                loading.show_error(str(error) or type(error).__name__)

    def _show_opened(self, opened: OpenedStory) -> None:
        """Replace the loading screen with the reader, then apply the keys typed meanwhile."""
        # Opening may have found that nothing can be saved (a full disk): say so too.
        self._note_read_only(self.the_store)
        self.analysis = opened.analysis
        self.orphans = list(opened.anchored.orphaned)
        # The help may be open over the loading screen: the reader replaces both.
        while len(self.screen_stack) > 2 and not isinstance(self.screen, LoadingScreen):
            self.pop_screen()
        self.switch_screen(self._reader(opened.analysis))
        self.call_after_refresh(self._replay_typed_ahead)

    def _note_read_only(self, store: AnnotationStore) -> None:
        """Say in the header, for the whole session, that nothing will be saved."""
        from newsreader.library.opening import read_only_title

        title = read_only_title(store)
        if title is not None:
            self.sub_title = title

    @property
    def opener(self) -> StoryOpener:
        """Opens stories from the open database with this app's analyser."""
        from newsreader.library.cache import run_engine
        from newsreader.library.opening import StoryOpener

        return StoryOpener(self.the_store, self._analyse or run_engine)

    @property
    def the_store(self) -> AnnotationStore:
        """The open database (it is open whenever a story can be read or picked)."""
        if self.store is None:
            raise UserError("the database is not open yet")
        return self.store

    def _replay_typed_ahead(self) -> None:
        keys, self.typed_ahead = self.typed_ahead, []
        for key in keys:
            self.simulate_key(key)

    def _reader(self, analysis: Analysis) -> ReaderScreen:
        from store.ui_state import load_position
        from tui.screens.reader import ReaderScreen

        position = load_position(self.the_store)
        start = position.sentence if position and position.story == analysis.story.id else None
        return ReaderScreen(analysis, self.the_store, start_sentence=start)

    def action_open_story(self) -> None:
        """Pick another story from the library (the demo story is always offered)."""
        from newsreader.library.cache import engine_key
        from newsreader.library.demo import load_demo_story
        from tui.screens.picker import StoryPicker

        if isinstance(self.screen, StoryPicker) or self.store is None:
            return
        stories = self.store.list_stories(always=[load_demo_story()], engine=engine_key())
        self.push_screen(StoryPicker(stories, current=self.story.id), self._story_picked)

    def _story_picked(self, story_id: str | None) -> None:
        """Open the picked story: at once from its cached analysis, else analyse it."""
        from newsreader.library.stories import library_story

        if story_id is None or story_id == self.story.id:
            return
        try:
            story = library_story(self.the_store, story_id)
            opened = self.opener.open_cached(story)
        except UserError as exc:
            self.notify(f"Cannot open: {exc}", severity="error", markup=False)
            return
        self.story, self.analysis = story, None
        if opened is None:
            # Not analysed by this engine yet: analyse in the worker (see above).
            self.switch_screen(LoadingScreen(story))
            self.set_timer(0.15, self.analyse)
            return
        self.analysis = opened.analysis
        self.switch_screen(self._reader(opened.analysis))

    def action_help(self) -> None:
        """Show the keys."""
        from tui.screens.claims import ClaimsScreen
        from tui.screens.help import HelpScreen
        from tui.screens.matrix import MatrixScreen
        from tui.screens.reader import ReaderScreen
        from tui.screens.scorecard import ScorecardScreen
        from tui.widgets.coverage_grid import CoverageGrid

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(
            HelpScreen(
                [
                    ("Reader", list(ReaderScreen.BINDINGS)),
                    ("Claims view", list(ClaimsScreen.BINDINGS)),
                    ("Coverage matrix", [*MatrixScreen.BINDINGS, *CoverageGrid.BINDINGS]),
                    ("Source scorecard", list(ScorecardScreen.BINDINGS)),
                    ("Everywhere", [b for b in self.BINDINGS if isinstance(b, Binding) and b.show]),
                ]
            )
        )


# The app's builder, as the command line and the tests call it.
make_app = NewsreaderApp
