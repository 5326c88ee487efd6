"""The reader on hostile and extreme stories: markup, escapes, one article, 22, huge sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_factory import make_story, many_articles
from test_reader import reader, saved, status_text
from textual.widgets import DataTable

from newsreader.engine.analysis import analyze
from newsreader.ingest.reader import load_story
from store import AnnotationStore
from tui.app import make_app
from tui.screens.claims import ClaimsScreen
from tui.screens.reader import ReaderScreen

pytestmark = pytest.mark.slow


async def click_everything(pilot, screen) -> None:
    """Click every line of every article view: nothing may turn into an action."""
    for column in screen.columns:
        view = column.view
        top = view.scroll_offset.y
        for line in sorted(view.first_line.values()):
            if 0 <= line - top < view.scrollable_content_region.height:
                await pilot.click(view, offset=(3, line - top))


def drawn(screen) -> str:
    """The text the article views draw on screen, line by line."""
    lines = []
    for column in screen.columns:
        view = column.view
        lines += [view.render_line(y).text for y in range(view.size.height)]
    return "\n".join(lines)


PAYLOADS = [
    "Officials said [@click=app.quit]nothing[/] about the 12 drones on Monday.",
    "A closing [/foo] tag and [bold]bold[/bold] text reported 14 drones on Monday.",
    "An escape \x1b[31mred\x1b[0m and a title \x1b]0;pwned\x07 were sent on Monday.",
]


def hostile_story():
    """Two articles whose sentences, title and outlet carry markup."""
    story = make_story(
        [
            PAYLOADS,
            [
                "Officials said nothing about the 19 drones on Monday.",
                "A closing tag and bold text reported 19 drones on Monday.",
            ],
        ]
    )
    first = story.articles[0]
    hostile = type(first)(
        id=first.id,
        title="[@click=app.quit]Quit[/] and [/foo]",
        source=first.source,
        text=first.text,
        sentences=first.sentences,
        outlet="[b]Outlet[/b] [/bar]",
        date="[i]2025[/i]",
    )
    return type(story)(
        id=story.id,
        title="[@click=app.quit]story[/] [/x]",
        articles=(
            hostile,
            *story.articles[1:],
        ),
    )


async def test_markup_in_articles_is_shown_literally_and_does_nothing(db_path: Path) -> None:
    story = hostile_story()
    async with reader(story, analyze(story), db_path, size=(120, 40)) as (app, screen, pilot):
        await click_everything(pilot, screen)
        await pilot.press("p", "v", "n", *"[/note] [@click=app.quit]x", "enter")
        await pilot.pause()
        assert app.is_running
        shown = drawn(screen)
        assert "[@click=app.quit]nothing[/]" in shown
        assert "[/foo]" in shown and "[bold]bold[/bold]" in shown
        header = screen.columns[0].header.render().plain
        assert "[@click=app.quit]Quit[/] and [/foo]" in header
        assert "[b]Outlet[/b] [/bar]" in header
        panel = str(screen.query_one("#claim-panel-body").content)
        assert "[/note] [@click=app.quit]x" in panel
        [doc] = saved(db_path)
        assert doc["note"] == "[/note] [@click=app.quit]x"
        await pilot.press("tab")
        assert isinstance(app.screen, ClaimsScreen)
        table = app.screen.query_one(DataTable)
        cells = " ".join(str(table.get_row_at(r)[0]) for r in range(table.row_count))
        assert "[@click=app.quit]nothing[/]" in cells
        await pilot.press("enter")
        assert app.is_running and isinstance(app.screen, ReaderScreen)


async def test_escape_sequences_are_stripped_at_load(hostile_dir: Path, db_path: Path) -> None:
    story = load_story([str(hostile_dir)])
    async with reader(story, None, db_path, size=(120, 40)) as (app, screen, pilot):
        await click_everything(pilot, screen)
        await pilot.press("c", "p", "slash", *"[/", "enter", "escape")
        assert app.is_running
        shown = drawn(screen)
        assert "[@click=app.quit]x[/]" in shown and "[/foo]" in shown
        assert "\x1b" not in shown and "\x07" not in shown


async def test_a_single_article_opens(db_path: Path) -> None:
    story = make_story([["Only one report exists.", "It says 12 things happened."]])
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (_app, screen, pilot):
        await pilot.press("j", "l", "h", "c", "u", "f", "p")
        assert screen.shown.value == "unreviewed", "no conflicts in one article: skipped"
        await pilot.press("v")
        [doc] = saved(db_path)
        assert doc["status"] == "verified"
        assert all(i.status == "single-source" for i in screen.columns[0].view.items)


async def test_an_empty_article_and_a_story_without_sentences(db_path: Path) -> None:
    story = make_story([[], ["A lone sentence in the second report."]])
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (_app, screen, pilot):
        await pilot.press("h", "l", "j", "v", "tab", "tab", "question_mark", "escape")
        assert screen.column_index == 1
    empty = make_story([[], []])
    async with reader(empty, analyze(empty), db_path, size=(80, 24)) as (app, screen, pilot):
        await pilot.press("j", "l", "c", "u", "v", "n", "f", "p", "e", "tab")
        assert app.is_running
        assert "no sentences" in status_text(screen)


async def test_22_articles_scroll_sideways_with_the_cursor(db_path: Path) -> None:
    story = many_articles(22)
    async with reader(story, analyze(story), db_path, size=(160, 45)) as (_app, screen, pilot):
        assert len(screen.columns) == 22
        row = screen.query_one("#columns")
        assert row.virtual_size.width > row.size.width
        for index in range(1, 22):
            await pilot.press("l")
            column = screen.columns[screen.column_index]
            assert screen.column_index == index
            assert row.region.contains_region(column.region), index
            view = column.view
            line = view.first_line[screen.cursor] - view.scroll_offset.y
            assert 0 <= line < view.scrollable_content_region.height
        await pilot.press("c", "v")
        assert saved(db_path)


async def test_a_20000_character_sentence(db_path: Path) -> None:
    long_sentence = ("word " * 4000).strip()
    story = make_story(
        [[long_sentence, "A short one with 12 items."], ["A short one with 14 items."]]
    )
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (app, screen, pilot):
        assert len(story.articles[0].sentences[0].text) >= 19_999
        assert screen.view_of(screen.cursor).line_count[screen.cursor] > 100
        await pilot.press("p", "j", "k", "l", "h", "v", "tab")
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press("tab", "slash", *"word", "enter", "escape")
        assert app.is_running


async def test_tiny_terminals(demo_story, demo_analysis, db_path: Path) -> None:
    for size in ((80, 24), (60, 20), (40, 12)):
        async with reader(demo_story, demo_analysis, db_path, size=size) as (app, screen, pilot):
            await pilot.press("l", "j", "c", "p", "v", "tab", "tab", "question_mark", "escape")
            assert app.is_running
            view = screen.view_of(screen.cursor)
            assert view.first_line[screen.cursor] - view.scroll_offset.y >= 0


async def test_the_story_title_is_not_markup(db_path: Path) -> None:
    story = hostile_story()
    with AnnotationStore(db_path) as store:
        app = make_app(story, store)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running
            assert app.screen.title == "[@click=app.quit]story[/] [/x]"
