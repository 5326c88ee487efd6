"""Pilot test: the o key opens another story from the library (cache miss, then hit)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable

from newsreader.library.cache import load_cached
from newsreader.library.opening import StoryOpener
from store import AnnotationStore
from tui.app import make_app
from tui.screens.picker import StoryPicker
from tui.screens.reader import ReaderScreen

pytestmark = pytest.mark.slow


async def test_o_opens_another_story(db_path: Path, demo_story, demo_analysis) -> None:
    other = replace(demo_story, id="other", title="Other story", articles=demo_story.articles[1:4])
    with AnnotationStore(db_path) as store:
        store.save_story(other)  # saved, never analysed: a cache miss
        opened = StoryOpener(store).open(demo_story)
        app = make_app(demo_story, store, opened.analysis)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, StoryPicker)
            table = app.screen.query_one(DataTable)
            assert table.row_count == 2
            await pilot.press("down", "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen), app.screen
            assert app.screen.analysis.story.id == "other"
            assert load_cached(other, store) is not None
            # back to the demo: a cache hit
            await pilot.press("o")
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.analysis.story.id == demo_story.id
            await pilot.press("o", "escape")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
        infos = {s.id: s for s in store.list_stories()}
        assert infos["other"].opened and infos["other"].claims
