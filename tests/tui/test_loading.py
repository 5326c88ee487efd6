"""The loading screen and the first start: the articles at once, the database opened behind
them, then the reader."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_reader_untrusted import hostile_story

from newsreader.model import Story
from store import AnnotationStore, StoreError
from tui.app import make_app
from tui.screens.loading import LoadingScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.story_preview import StoryPreview

pytestmark = pytest.mark.slow


def preview_text(app) -> list[str]:
    """The lines the loading screen's preview draws."""
    preview = app.screen.query_one(StoryPreview)
    return [preview.render_line(y).text for y in range(preview.size.height)]


async def test_the_preview_shows_every_visible_article_and_scrolls_to_the_others(
    demo_story: Story, db_path: Path, held_engine: threading.Event
) -> None:
    with AnnotationStore(db_path) as store:
        app = make_app(demo_story, store, analyse=held_engine)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LoadingScreen)
            # Added after the first frame: the progress bar and the keys in the footer (on a
            # busy machine a few frames later).
            for _ in range(50):
                if app.screen.query("FooterKey"):
                    break
                await pilot.pause(0.05)
            assert app.screen.query("#loading-progress")
            assert {key.key for key in app.screen.query("FooterKey")} >= {"question_mark", "q"}
            lines = preview_text(app)
            first, second, third = demo_story.articles[:3]
            assert f"{len(first.sentences)} sentences · comparing…" in lines[1]
            # Compact at 80x24, as in the reader: two header lines, then the text.
            assert first.sentences[0].text.split()[0] in lines[2]
            # Two columns fit in 80 cells, as in the reader; the third is a sideways scroll away.
            assert f"{len(second.sentences)} sentences" in lines[1]
            assert f"{len(third.sentences)} sentences" not in "".join(lines)
            preview = app.screen.query_one(StoryPreview)
            assert preview.virtual_size.height > preview.size.height
            preview.scroll_to(x=40, animate=False, immediate=True)
            await pilot.pause()
            assert f"{len(third.sentences)} sentences" in preview_text(app)[1]
            held_engine.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)


async def test_the_preview_draws_markup_as_text(
    db_path: Path, held_engine: threading.Event
) -> None:
    story = hostile_story()
    with AnnotationStore(db_path) as store:
        app = make_app(story, store, analyse=held_engine)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            shown = "\n".join(preview_text(app))
            assert "[b]Outlet[/b] [/bar]" in shown and "[i]2025[/i]" in shown
            assert "[@click=app.quit]Quit[/] and [/foo]" in shown
            assert "[@click=app.quit]nothing[/]" in shown
            await pilot.click(StoryPreview, offset=(10, 6))
            assert app.is_running
            held_engine.set()


async def test_first_start_opens_the_database_after_the_articles_are_shown(
    demo_story: Story, db_path: Path, held_engine: threading.Event
) -> None:
    opened_on: list[object] = []

    def open_store() -> AnnotationStore:
        # The articles are already on screen when the database is opened.
        opened_on.append(app.screen.query_one(StoryPreview).size.height)
        return AnnotationStore(db_path)

    shown: list[bool] = []
    app = make_app(
        demo_story,
        None,
        analyse=held_engine,
        open_store=open_store,
        shown=lambda: shown.append(app.store is None),
    )
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LoadingScreen)
            assert opened_on and opened_on[0] > 0
            # Told once the first frame is drawn, before the database is opened.
            assert shown == [True]
            assert app.store is not None and not app.store.read_only
            # The snapshot is saved before the analysis ends, as for any other start.
            assert app.store.load_story(demo_story.id) == demo_story
            await pilot.press("j", "v")
            held_engine.set()
            await app.workers.wait_for_complete()
            for _ in range(5):
                await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.row_index == 1
    finally:
        if app.store is not None:
            app.store.close()
    with AnnotationStore(db_path) as store:
        [saved] = store.all(demo_story.id)
        assert saved.status.value == "verified"


async def test_first_start_read_only_says_so(
    demo_story: Story, db_path: Path, held_engine: threading.Event
) -> None:
    with AnnotationStore(db_path):
        app = make_app(
            demo_story,
            None,
            analyse=held_engine,
            open_store=lambda: AnnotationStore(db_path),
        )
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.store is not None and app.store.read_only
            assert app.sub_title.startswith("READ-ONLY:")
            held_engine.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
        app.store.close()


async def test_first_start_shows_why_the_database_cannot_be_opened(demo_story: Story) -> None:
    def broken() -> AnnotationStore:
        raise StoreError("/nowhere/db.json: cannot write")

    app = make_app(demo_story, None, open_store=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        message = str(app.screen.query_one("#loading-message").content)
        assert message == "The story could not be opened: /nowhere/db.json: cannot write"
        assert app.store is None
        await pilot.press("o", "q")
        await pilot.pause()
        assert not app.is_running


def test_make_app_needs_a_store_or_an_opener(demo_story: Story) -> None:
    with pytest.raises(ValueError):
        make_app(demo_story, None)


async def test_help_opened_before_the_first_frame_work_does_not_stall_it(
    demo_story: Story, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import NewsreaderApp
    from tui.screens.help import HelpScreen

    real_on_ready = NewsreaderApp.on_ready

    def help_first(self: NewsreaderApp) -> None:
        # A "?" typed at once is handled before the work that waits for the first frame.
        self.action_help()
        real_on_ready(self)

    monkeypatch.setattr(NewsreaderApp, "on_ready", help_first)
    app = make_app(demo_story, None, open_store=lambda: AnnotationStore(db_path))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            for _ in range(5):
                await pilot.pause()
            assert app.store is not None
            assert isinstance(app.screen, ReaderScreen)
            assert not any(isinstance(s, HelpScreen) for s in app.screen_stack)
    finally:
        if app.store is not None:
            app.store.close()
