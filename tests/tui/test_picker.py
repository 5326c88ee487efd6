"""The story picker screen: rows from a real database file, enter picks, escape cancels."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App
from textual.widgets import DataTable

from newsreader.library.cache import analyse_cached
from newsreader.library.lookup import find_story
from newsreader.model import Story, Verdict
from store import AnnotationStore, StoryInfo
from tui.screens.picker import StoryPicker

pytestmark = pytest.mark.slow

HOSTILE_TITLE = "Breaking [/foo] news [@click=app.quit]now[/] [bold]x"


class Host(App[None]):
    """A bare app that shows the picker and keeps what it was dismissed with."""

    def __init__(self, stories: list[StoryInfo], current: str | None = None) -> None:
        super().__init__()
        self.stories = stories
        self.current = current
        self.results: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(StoryPicker(self.stories, self.current), self.results.append)


def _library(db_path: Path, demo_story: Story) -> list[StoryInfo]:
    """A database with the demo (analysed, one verdict) and a second story with a hostile title."""
    other = Story(id="hostile-story", title=HOSTILE_TITLE, articles=demo_story.articles[:2])
    with AnnotationStore(db_path) as store:
        store.save_story(demo_story)
        store.save_story(other)
        analysis, _ = analyse_cached(demo_story, store)
        claim = analysis.claims[0].id
        store.set_verdict(demo_story.id, claim, Verdict.DISPUTED, ())
        store.mark_opened(other.id)
        # Known only by an annotation: listed by the store, not offered by the picker.
        store.set_verdict("no-articles-saved", "c-1", Verdict.VERIFIED, ())
        stories = store.list_stories(always=[demo_story])
        assert stories[-1].id == "no-articles-saved" and stories[-1].articles == 0
        return stories


async def test_picker_lists_counts_and_picks_with_enter(db_path: Path, demo_story: Story) -> None:
    stories = _library(db_path, demo_story)
    app = Host(stories, current=demo_story.id)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        # Most recently opened first; the cursor starts on the story being read.
        assert table.get_row_at(0)[0] == Text(HOSTILE_TITLE)
        assert table.cursor_row == 1
        demo_row = table.get_row(demo_story.id)
        demo_info = next(s for s in stories if s.id == demo_story.id)
        assert demo_info.claims and demo_info.claims > 1
        assert [cell.plain for cell in demo_row[1:5]] == [
            "5",
            str(demo_info.claims),
            str(demo_info.conflicts),
            "1",
        ]
        hostile_row = table.get_row("hostile-story")
        assert [cell.plain for cell in hostile_row[1:5]] == ["2", "-", "-", "0"]
        await pilot.press("up", "enter")
        await pilot.pause()
    assert app.results == ["hostile-story"]
    # The title's markup was shown as text: the app is still running until the test ends.
    assert find_story("breaking news", [(s.id, s.title) for s in stories]) == "hostile-story"


async def test_picker_escape_cancels(db_path: Path, demo_story: Story) -> None:
    app = Host(_library(db_path, demo_story))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StoryPicker)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StoryPicker)
    assert app.results == [None]


async def test_picker_renders_hostile_title_literally(db_path: Path, demo_story: Story) -> None:
    app = Host(_library(db_path, demo_story))
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        shown = "\n".join(table.render_line(y).text for y in range(table.size.height))
        assert HOSTILE_TITLE in shown and "Articles" in shown
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == ["hostile-story"]
