"""Pilot tests: the real app on the demo story, with a real TinyDB file on disk."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from story_factory import handmade_analysis
from textual.widgets import DataTable, Input

from newsreader.annotations.claim_sides import claim_status
from newsreader.model import Analysis, ClaimStatus, Story
from store import AnnotationStore, StoreError
from tui.app import NewsreaderApp, make_app
from tui.dialogs.note import NoteDialog
from tui.screens.claims import ClaimsScreen
from tui.screens.help import HelpScreen
from tui.screens.loading import LoadingScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.column import ArticleColumn
from tui.widgets.status_line import StatusLine

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bridge() -> Analysis:
    """A fixed analysis with a known conflict, whatever the engine finds in the demo."""
    return handmade_analysis()


def saved(db_path: Path) -> list[dict]:
    """The annotations in the database file, read from disk."""
    if not db_path.exists():
        return []
    data = json.loads(db_path.read_text(encoding="utf-8"))
    return list(data.get("annotations", {}).values())


@asynccontextmanager
async def reader(
    story: Story,
    analysis: Analysis | None,
    db_path: Path,
    size: tuple[int, int] = (160, 45),
) -> AsyncIterator[tuple[NewsreaderApp, ReaderScreen, object]]:
    """Run the app on a story with a real store; yields the app, the reader and the pilot."""
    with AnnotationStore(db_path) as store:
        app = make_app(story, store, analysis)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            # Without an analysis the worker starts on a timer after the first frame: on a
            # busy machine it may not have started yet.
            for _ in range(100):
                if isinstance(app.screen, ReaderScreen):
                    break
                await pilot.pause(0.1)
                await app.workers.wait_for_complete()
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            yield app, screen, pilot


@asynccontextmanager
async def loading(
    story: Story, db_path: Path, held_engine: threading.Event
) -> AsyncIterator[tuple[NewsreaderApp, AnnotationStore, object]]:
    """Run the app on a story whose analysis waits for ``held_engine``; yields the app on
    its loading screen, the store and the pilot."""
    with AnnotationStore(db_path) as store:
        app = make_app(story, store, analyse=held_engine)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LoadingScreen)
            yield app, store, pilot


def status_text(screen: ReaderScreen) -> str:
    """What the status line says (position and saving state)."""
    line = screen.query_one(StatusLine)
    return f"{line.position.content} | {line.saving.content}"


async def test_opens_demo_story_in_five_columns(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, _pilot):
        columns = list(screen.query(ArticleColumn))
        assert len(columns) == 5
        first = demo_story.articles[0].sentences[0]
        assert screen.cursor == first.id
        assert screen.view_of(first.id).cursor == first.id
        header = columns[0].header.render().plain
        title = demo_story.articles[0].title
        assert header.splitlines()[2] in title, "the title, fitted to the header"
        assert title in str(columns[0].header.tooltip), "in full when pointed at"
        statuses = {item.status for column in screen.columns for item in column.view.items}
        assert {"corroborated", "single-source"} <= statuses
        assert "article 1/5" in status_text(screen)


async def test_every_sentence_has_a_gutter_symbol(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, _pilot):
        marks = {}
        for column in screen.columns:
            view = column.view
            for item in view.items:
                marks[item.status] = view.marks(item.id)[1]
                assert view.content_of(item.id).plain == f"{view.marks(item.id)} {item.text}"
        assert marks["single-source"] == "·"
        assert marks["corroborated"] in "=≡"
        drawn = "".join(screen.columns[0].view.render_line(0).text for _ in range(1))
        assert drawn.startswith("▌"), "the cursor bar marks the sentence without colour"


async def test_jk_and_arrows_move_in_the_column(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        ids = [s.id for s in demo_story.articles[0].sentences]
        await pilot.press("j")
        assert screen.cursor == ids[1]
        await pilot.press("down", "down")
        assert screen.cursor == ids[3]
        await pilot.press("k", "up")
        assert screen.cursor == ids[1]
        assert screen.view_of(ids[1]).cursor == ids[1]
        for _ in range(3):
            await pilot.press("k")
        assert screen.cursor == ids[0]


async def test_hl_land_on_the_counterpart(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        grid = screen.grid
        start = next(
            sid
            for sid in grid.columns[0]
            if any(grid.position[c][0] == 1 for c in grid.counterparts(sid))
        )
        screen.go_to(start)
        await pilot.pause()
        lit = [sid for column in screen.columns for sid in column.view.counterparts]
        assert lit and set(lit) <= set(grid.counterparts(start))
        await pilot.press("l")
        assert screen.column_index == 1
        assert screen.cursor in grid.counterparts(start)
        await pilot.press("right", "left", "h")
        assert screen.column_index == 0
        await pilot.press("h")
        assert screen.column_index == 0


async def test_counterparts_are_scrolled_beside_the_cursor(
    demo_story, demo_analysis, db_path
) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        grid = screen.grid
        # A sentence far down its column with a counterpart in another column.
        candidates = [sid for sid in grid.columns[0][8:] if grid.counterparts(sid)]
        assert candidates
        screen.go_to(candidates[-1])
        await pilot.pause()
        cursor = candidates[-1]
        view = screen.view_of(cursor)
        offset = view.first_line[cursor] - view.scroll_offset.y
        assert 0 <= offset < view.scrollable_content_region.height
        lined_up = 0
        for other_id in grid.counterparts(cursor):
            other = screen.view_of(other_id)
            assert other_id in other.counterparts
            wanted = min(other.first_line[s] for s in other.counterparts) - offset
            if 0 <= wanted <= other.max_scroll_y:
                assert other.scroll_offset.y == wanted
                lined_up += 1
        assert lined_up


async def test_tags_are_saved_at_once(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        await pilot.press("j")
        second = demo_story.articles[0].sentences[1].id
        claim = demo_analysis.claim_for(second)
        await pilot.press("v")
        [doc] = saved(db_path)
        assert doc["claim"] == claim.id and doc["status"] == "verified"
        assert len(doc["targets"]) == len(claim.sentences)
        for sid in claim.sentences:
            assert screen.view_of(sid).verdicts[sid] == "verified"
            assert screen.view_of(sid).marks(sid).startswith("✓")
        assert "saved: verified" in status_text(screen)
        await pilot.press("d")
        [doc] = saved(db_path)
        assert doc["status"] == "disputed"
        assert screen.view_of(second).marks(second).startswith("✗")
        await pilot.press("x")
        assert saved(db_path) == []
        assert second not in screen.view_of(second).verdicts
        assert "verdict cleared" in status_text(screen)


async def test_note_dialog_saves_on_enter_and_cancels_on_escape(
    demo_story, demo_analysis, db_path
) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):
        await pilot.press("v", "n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"call the ministry")
        await pilot.press("enter")
        assert app.screen is screen
        [doc] = saved(db_path)
        assert doc["note"] == "call the ministry" and doc["status"] == "verified"
        await pilot.press("n")
        assert app.screen.query_one("#note-input", Input).value == "call the ministry"
        await pilot.press(*" later")
        await pilot.press("escape")
        assert app.screen is screen
        [doc] = saved(db_path)
        assert doc["note"] == "call the ministry"
        await pilot.press("p")
        await pilot.pause()
        panel = str(screen.query_one("#claim-panel-body").content)
        assert "call the ministry" in panel and "verified" in panel


async def test_a_note_without_a_verdict_is_kept_and_outlives_clearing_a_verdict(
    demo_story, demo_analysis, db_path
) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):
        claim = demo_analysis.claim_of[screen.cursor]
        await pilot.press("n", *"ask the agency", "enter")
        assert app.screen is screen
        [doc] = saved(db_path)
        assert (doc["claim"], doc["status"], doc["note"]) == (claim, "unreviewed", "ask the agency")
        assert not screen.view_of(screen.cursor).marks(screen.cursor).startswith(("✓", "✗"))
        assert claim not in screen.session.reviewed, "a note alone is not a review"
        await pilot.press("d")
        [doc] = saved(db_path)
        assert (doc["status"], doc["note"]) == ("disputed", "ask the agency")
        await pilot.press("x")
        [doc] = saved(db_path)
        assert (doc["status"], doc["note"]) == ("unreviewed", "ask the agency"), "note kept"
        await pilot.press("n", *("backspace",) * 20, "enter")
        assert saved(db_path) == [], "emptying the only note removes the annotation"


async def test_c_and_shift_c_visit_conflicts(bridge, db_path) -> None:
    async with reader(bridge.story, bridge, db_path) as (_app, screen, pilot):
        assert bridge.claim_of[screen.cursor] != "c-injured"
        await pilot.press("c")
        assert bridge.claim_of[screen.cursor] == "c-injured"
        assert screen.column_index == 0, "lands on the claim's sentence in this column"
        await pilot.press("l")
        assert bridge.claim_of[screen.cursor] == "c-injured", "h/l land on the counterpart"
        await pilot.press("C", "c")
        assert bridge.claim_of[screen.cursor] == "c-injured", "the only conflict: nowhere else"
        await pilot.press("k", "k", "c")
        assert bridge.claim_of[screen.cursor] == "c-injured"


async def test_u_jumps_to_the_next_unreviewed_claim(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        await pilot.press("v")
        tagged = demo_analysis.claim_of[screen.cursor]
        await pilot.press("u")
        now = demo_analysis.claim_of[screen.cursor]
        assert now != tagged
        assert now not in {doc["claim"] for doc in saved(db_path)}


async def test_search_is_incremental_and_enter_finds_the_next_hit(
    demo_story, demo_analysis, db_path
) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"drone")
        hits = screen.search_hits
        assert len(hits) > 1
        assert "drone" in demo_analysis.sentence(screen.cursor).text.casefold()
        assert screen.view_of(screen.cursor).hits[screen.cursor]
        first = screen.cursor
        await pilot.press("enter")
        assert screen.cursor != first and screen.cursor in hits
        assert f"hit 2 of {len(hits)} for 'drone'" in status_text(screen)
        await pilot.press("escape")
        assert not screen.query_one("#search").display
        assert not any(column.view.hits for column in screen.columns)
        await pilot.press("j")  # keys reach the reader again
        assert screen.cursor != first or len(hits) == 1


async def test_f_cycles_all_conflicts_unreviewed(bridge, db_path) -> None:
    async with reader(bridge.story, bridge, db_path) as (_app, screen, pilot):
        await pilot.press("v")
        tagged = bridge.claim_of[screen.cursor]
        await pilot.press("f")
        assert screen.shown.value == "conflicts"
        shown = [s for s in screen.grid.reading_order if screen.view_of(s).visible(s)]
        assert shown and all(screen.grid.is_conflict(sid) for sid in shown)
        assert screen.grid.is_conflict(screen.cursor)
        await pilot.press("f")
        assert screen.shown.value == "unreviewed"
        for sid in bridge.claim_index[tagged].sentences:
            assert not screen.view_of(sid).visible(sid)
            assert sid not in screen.view_of(sid).first_line
        assert bridge.claim_of[screen.cursor] != tagged
        await pilot.press("f")
        assert screen.shown.value == "all"
        assert all(screen.view_of(s).visible(s) for s in screen.grid.reading_order)


async def test_p_shows_every_source_and_the_conflict_reasons(bridge, db_path) -> None:
    async with reader(bridge.story, bridge, db_path) as (_app, screen, pilot):
        panel = screen.query_one(ClaimPanel)
        assert not panel.display
        await pilot.press("c", "p")
        await pilot.pause()
        assert panel.display
        text = str(screen.query_one("#claim-panel-body").content)
        for sid in bridge.claim_index["c-injured"].sentences:
            assert bridge.sentence(sid).text in text
        assert "14 vs 19 people injured" in text and "conflicting" in text
        assert "Outlet 1" in text and "Outlet 3" in text
        await pilot.press("p")
        assert not panel.display


async def test_the_panel_quotes_a_clashing_sentence_of_another_claim(bridge, db_path) -> None:
    from dataclasses import replace

    from newsreader.model import Analysis, Claim

    first, *rest = bridge.claim_index["c-injured"].sentences
    split = tuple(
        c
        for claim in bridge.claims
        for c in (
            (
                replace(claim, sentences=tuple(rest), articles=claim.articles[1:]),
                Claim("c-fourteen", (first,), claim.status, claim.articles[:1]),
            )
            if claim.id == "c-injured"
            else (claim,)
        )
    )
    analysis = Analysis.build(bridge.story, bridge.relations, split)
    async with reader(analysis.story, analysis, db_path) as (_app, screen, pilot):
        screen.go_to(rest[0])
        await pilot.press("p")
        await pilot.pause()
        text = str(screen.query_one("#claim-panel-body").content)
        # The clash is with another claim: this one's own sentences agree.
        assert text.startswith("corroborated · 2 sources")
        assert "Why they conflict" not in text
        assert "Clashes with" in text and analysis.sentence(first).text in text
        assert "14 vs 19 people injured" in text


async def test_tab_opens_the_claims_view_and_enter_jumps(
    demo_story, demo_analysis, db_path
) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):
        await pilot.press("v")
        await pilot.press("tab")
        claims = app.screen
        assert isinstance(claims, ClaimsScreen)
        table = claims.query_one(DataTable)
        assert table.row_count == len(demo_analysis.claims)
        await pilot.press("f")  # conflicts only
        conflicting = [
            c
            for c in demo_analysis.claims
            if claim_status(demo_analysis, c) is ClaimStatus.CONFLICTING
        ]
        assert table.row_count == len(conflicting)
        await pilot.press("f", "f")  # back to all
        while claims.sort_key != "sources":
            await pilot.press("r")
        counts = [table.get_row_at(r)[1] for r in range(table.row_count)]
        assert counts == sorted(counts, reverse=True)
        await pilot.press("slash", *"Zelensk")
        assert 0 < table.row_count < len(demo_analysis.claims)
        await pilot.press("enter")  # from the filter to the table
        assert app.focused is table
        chosen = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        await pilot.press("enter")
        assert app.screen is screen
        assert demo_analysis.claim_of[screen.cursor] == chosen
        await pilot.press("tab", "tab")
        assert app.screen is screen


async def test_claims_view_tags_and_the_reader_shows_it(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):
        await pilot.press("tab", "d")
        table = app.screen.query_one(DataTable)
        chosen = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        [doc] = saved(db_path)
        assert doc["claim"] == chosen and doc["status"] == "disputed"
        assert str(table.get_row_at(table.cursor_row)[4]) == "disputed"
        await pilot.press("tab")
        for sid in demo_analysis.claim_index[chosen].sentences:
            assert screen.view_of(sid).verdicts[sid] == "disputed"
        await pilot.press("tab", "x", "tab")
        assert saved(db_path) == []
        first = demo_analysis.claim_index[chosen].sentences[0]
        assert first not in screen.view_of(first).verdicts


async def test_e_exports_json_next_to_the_database(bridge, db_path) -> None:
    async with reader(bridge.story, bridge, db_path) as (_app, screen, pilot):
        await pilot.press("v", "c", "d", "e")
        exports = list(db_path.parent.glob("newsreader-export-*.json"))
        assert len(exports) == 1
        document = json.loads(exports[0].read_text(encoding="utf-8"))
        assert document["format"] == "newsreader-annotations"
        assert sorted(a["status"] for a in document["annotations"]) == ["disputed", "verified"]
        assert str(exports[0]) in status_text(screen)


async def test_question_mark_shows_the_keys(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body").content)
        for phrase in ("next conflicting claim", "tag the claim verified", "table of all claims"):
            assert phrase in text
        await pilot.press("escape")
        assert app.screen is screen


async def test_q_quits(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, _screen, pilot):
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_every_reader_action_is_in_the_command_palette(
    demo_story, demo_analysis, db_path
) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tag the claim verified")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.screen is screen
        [doc] = saved(db_path)
        assert doc["status"] == "verified"


def test_bindings_have_ids_and_descriptions() -> None:
    for screen in (ReaderScreen, ClaimsScreen):
        for binding in screen.BINDINGS:
            assert binding.id and binding.description and binding.tooltip


async def test_clicking_a_sentence_moves_the_cursor(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        target = demo_story.articles[1].sentences[0].id
        view = screen.view_of(target)
        await pilot.click(view, offset=(4, view.first_line[target] - view.scroll_offset.y))
        assert screen.cursor == target
        assert screen.column_index == 1


async def test_a_failed_save_is_said_loudly(
    demo_story, demo_analysis, db_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (app, screen, pilot):

        def broken(*args: object, **kwargs: object) -> None:
            raise StoreError(f"{db_path}: cannot save (No space left on device)")

        monkeypatch.setattr(screen.store, "set_verdict", broken)
        bells = []
        monkeypatch.setattr(app, "bell", lambda: bells.append(1))
        await pilot.press("v")
        assert "NOT SAVED" in status_text(screen)
        assert "No space left" in status_text(screen)
        assert screen.query_one("#status-saving").has_class("-failed")
        assert screen.cursor not in screen.view_of(screen.cursor).verdicts
        assert bells
        assert saved(db_path) == []


async def test_a_read_only_store_refuses_edits(demo_story, demo_analysis, db_path) -> None:
    with AnnotationStore(db_path) as store:
        store.read_only = True  # type: ignore[attr-defined]
        app = make_app(demo_story, store, demo_analysis)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert "READ-ONLY" in status_text(screen)
            await pilot.press("v", "n")
            assert "NOT SAVED" in status_text(screen)
            assert not isinstance(app.screen, NoteDialog)
    assert saved(db_path) == []


async def test_tags_and_cursor_survive_a_restart(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        await pilot.press("v", "l", "j", "j")
        where = screen.cursor
    async with reader(demo_story, demo_analysis, db_path) as (_app, screen, pilot):
        assert screen.cursor == where
        first = demo_story.articles[0].sentences[0].id
        assert screen.view_of(first).verdicts[first] == "verified"


async def test_without_an_analysis_the_story_is_analysed_in_a_worker(
    demo_story, db_path, held_engine: threading.Event
) -> None:
    release = held_engine
    async with loading(demo_story, db_path, held_engine) as (app, _store, pilot):
        # The UI answers while the engine works: the help opens, and stays open
        # until the reader replaces the loading screen.
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert len(app.screen.columns) == len(demo_story.articles)
        assert len(app.screen_stack) == 2
        await pilot.press("j")
        assert app.screen.row_index == 1


async def test_a_failed_analysis_is_shown_not_raised(
    demo_story, db_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(story: Story) -> Analysis:
        raise ValueError("engine exploded")

    with AnnotationStore(db_path) as store:
        app = make_app(demo_story, store, analyse=broken)
        async with app.run_test(size=(120, 40)) as pilot:
            # The analysis starts on a timer after the first frame.
            message = ""
            # Waiting on the failed worker would re-raise its error here,
            # so the test only watches the screen.
            for _ in range(100):
                await pilot.pause(0.05)
                assert isinstance(app.screen, LoadingScreen)
                message = str(app.screen.query_one("#loading-message").content)
                if "engine exploded" in message:
                    break
            assert "engine exploded" in message
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running


async def test_every_built_in_theme_renders(demo_story, demo_analysis, db_path) -> None:
    async with reader(demo_story, demo_analysis, db_path, size=(100, 30)) as (app, screen, pilot):
        await pilot.press("c", "p")
        view = screen.view_of(screen.cursor)
        cursor_styles = set()
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            line = view.render_line(view.first_line[screen.cursor] - view.scroll_offset.y)
            blank = view.render_line(view.size.height - 1)
            assert line.text.startswith("▌"), theme
            # The cursor line is drawn in another style than the background.
            assert {s.style for s in line if s.text.strip()} != {next(iter(blank)).style}, theme
            cursor_styles.add(list(line)[2].style)
        # Colours follow the theme: nothing cached from the previous one.
        assert len(cursor_styles) > len(app.available_themes) // 2


async def test_no_color_keeps_states_readable(
    bridge, db_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with reader(bridge.story, bridge, db_path, size=(100, 30)) as (app, screen, pilot):
        assert app.no_color
        await pilot.press("v", "c")
        view = screen.view_of(screen.cursor)
        text = view.render_line(view.first_line[screen.cursor] - view.scroll_offset.y).text
        assert text.startswith("▌ ≠"), "cursor bar and conflict symbol, no colour needed"
        first = bridge.story.articles[0].sentences[0].id
        assert screen.view_of(first).marks(first).startswith("✓")


async def test_keys_typed_while_analysing_are_applied_when_the_reader_opens(
    demo_story, db_path, held_engine: threading.Event
) -> None:
    release = held_engine
    async with loading(demo_story, db_path, held_engine) as (app, store, pilot):
        await pilot.press("j", "j", "v")
        assert isinstance(app.screen, LoadingScreen)
        assert store.all() == []
        release.set()
        await app.workers.wait_for_complete()
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.row_index == 2
        [saved] = store.all()
        third = demo_story.articles[0].sentences[2].id
        assert saved.claim == app.screen.analysis.claim_for(third).id
        assert saved.status.value == "verified"


def cursor_rows(screen: ReaderScreen) -> range:
    """The screen rows the cursor sentence is drawn on."""
    view = screen.view_of(screen.cursor)
    top = view.region.y + view.first_line[screen.cursor] - view.scroll_offset.y
    return range(top, top + view.line_count[screen.cursor])


async def test_the_claim_panel_covers_the_columns_but_never_the_cursor(db_path: Path) -> None:
    from story_factory import make_story

    from newsreader.engine.analysis import analyze

    story = make_story(
        [
            [f"Report one says item {n} was counted on Monday in the harbour." for n in range(30)],
            [f"Report two says item {n} was counted on Monday in the harbour." for n in range(30)],
        ]
    )
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (_app, screen, pilot):
        heights = [column.view.size.height for column in screen.columns]
        await pilot.press("p")
        await pilot.pause()
        panel = screen.panel
        assert panel.display and panel.region.height >= 5
        # Drawn over the columns: they keep their size, nothing is wrapped again.
        assert [column.view.size.height for column in screen.columns] == heights
        for _ in range(len(story.articles[0].sentences) - 1):
            await pilot.press("j")
            await pilot.pause()
            assert max(cursor_rows(screen)) < panel.region.y
        assert screen.cursor == story.articles[0].sentences[-1].id
        # Closed, the blank room below the last sentence goes again.
        await pilot.press("p")
        await pilot.pause()
        assert all(column.view.reserve == 0 for column in screen.columns)
        assert max(cursor_rows(screen)) < screen.status.region.y


async def test_a_filter_reaches_the_columns_out_of_sight(db_path: Path) -> None:
    from story_factory import many_articles

    from newsreader.engine.analysis import analyze

    story = many_articles(8)
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (_app, screen, pilot):
        await pilot.press("f")  # conflicts only: the clashing injury counts
        await pilot.pause()
        assert screen.shown.value == "conflicts"
        last = screen.columns[-1]
        assert last.region.x >= screen.row.region.right  # out of sight
        for _ in range(len(screen.columns)):
            await pilot.press("l")
        await pilot.pause()
        assert screen.column_index == len(screen.columns) - 1
        view = last.view
        drawn = [view.render_line(y).text for y in range(view.size.height)]
        kept = [s for s in story.articles[-1].sentences if screen.grid.is_conflict(s.id)]
        hidden = [s for s in story.articles[-1].sentences if not screen.grid.is_conflict(s.id)]
        assert kept and hidden
        text = " ".join(" ".join(line.split()) for line in drawn)
        assert kept[0].text.split()[0] in text
        assert all(s.text[:30] not in text for s in hidden)
        assert set(view.first_line) == {s.id for s in kept}


async def test_the_reader_keeps_its_long_lived_objects_out_of_garbage_collections(
    demo_story, demo_analysis, db_path
) -> None:
    import gc

    async with reader(demo_story, demo_analysis, db_path) as (_app, _screen, pilot):
        await pilot.pause()
        assert gc.get_freeze_count() > 0, "frozen once drawn: no long pauses between keys"
    assert gc.get_freeze_count() == 0, "released with the reader (a new story starts over)"
