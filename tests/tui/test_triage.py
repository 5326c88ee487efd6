"""Pilot tests of the reader as a triage desk: highlight and panel agree, the sides are named,
the screen explains itself, headers name outlets, the claims view triages, navigation keys."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from story_factory import handmade_analysis, make_story, many_articles
from test_reader import reader, saved, status_text
from textual.widgets import DataTable

from newsreader.annotations.claim_sides import claim_status, own_conflicts
from newsreader.engine.analysis import analyze
from newsreader.model import Analysis, ClaimConflict, ClaimStatus, ConflictSide
from tui.dialogs.note import NoteDialog
from tui.screens.claims import ClaimsScreen
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import (
    COUNTERPART_BAR,
    CURSOR_BAR,
    STATUS_MARK,
    VERDICT_MARK,
    status_mark,
)
from tui.widgets.column import HEADER_COUNTERS

pytestmark = pytest.mark.slow

EVERY_MARK = [
    CURSOR_BAR,
    COUNTERPART_BAR,
    status_mark("corroborated", 3),
    "=",
    *STATUS_MARK.values(),
]
EVERY_MARK += list(VERDICT_MARK.values())


def dated_bridge() -> Analysis:
    """The handmade bridge story with dates, and its conflict given with sides (14 vs 19)."""
    bridge = handmade_analysis()
    dates = ["2025-05-07", "2025-05-08", "2025-05-08"]
    story = replace(
        bridge.story,
        articles=tuple(
            replace(a, date=d) for a, d in zip(bridge.story.articles, dates, strict=True)
        ),
    )
    injured = bridge.claim_index["c-injured"]
    first, *rest = injured.sentences
    conflict = ClaimConflict(
        "numeric",
        "14 vs 19 people injured",
        (
            ConflictSide("14", (first,), ("a00",), "2025-05-07"),
            ConflictSide("19", tuple(rest), ("a01", "a02"), "2025-05-08"),
        ),
        later=1,
    )
    claims = tuple(
        replace(c, conflicts=(conflict,)) if c.id == "c-injured" else c for c in bridge.claims
    )
    return Analysis.build(story, bridge.relations, claims)


def lit(screen: ReaderScreen) -> set[str]:
    """Every sentence drawn with the counterpart highlight, in all columns."""
    return {sid for column in screen.columns for sid in column.view.counterparts}


def row_on_screen(screen: ReaderScreen, sentence_id: str) -> int:
    """The screen row of a sentence's first line."""
    view = screen.view_of(sentence_id)
    return view.region.y + view.first_line[sentence_id] - round(view.scroll_offset.y)


def panel_text(screen: ReaderScreen) -> str:
    return str(screen.query_one("#claim-panel-body").content)


# -- 1. the highlight and the panel point at the same sentences ----------------------------


async def test_the_highlight_is_exactly_the_claims_other_sentences_level_with_the_cursor(
    demo_story, db_path: Path
) -> None:
    analysis = analyze(demo_story)  # whatever the engine finds, compared with itself
    async with reader(demo_story, analysis, db_path) as (_app, screen, pilot):
        await pilot.press("p")
        checked = 0
        for claim in analysis.claims:
            if len(claim.sentences) < 3:
                continue
            for cursor in claim.sentences:
                screen.go_to(cursor)
                await pilot.pause()
                others = set(claim.sentences) - {cursor}
                assert lit(screen) == others, claim.id
                text = panel_text(screen)
                for sid in claim.sentences:
                    assert analysis.sentence(sid).text in text
                for sid in others:
                    assert row_on_screen(screen, sid) == row_on_screen(screen, cursor), sid
                checked += 1
        assert checked >= 3


async def test_a_counterpart_near_the_top_of_its_column_still_sits_level(db_path: Path) -> None:
    story = make_story(
        [
            [f"Filler sentence number {n} about the harbour works." for n in range(25)]
            + ["The ferry carried 40 passengers across the bay on Sunday."],
            ["The ferry carried 40 passengers across the bay on Sunday."]
            + [f"Another note {n} on the weather." for n in range(5)],
        ]
    )
    analysis = analyze(story)
    last = story.articles[0].sentences[-1].id
    claim = analysis.claim_for(last)
    if len(claim.sentences) < 2:
        pytest.skip("the engine did not pair the two identical sentences")
    async with reader(story, analysis, db_path, size=(80, 24)) as (_app, screen, pilot):
        await pilot.press("G")
        assert screen.cursor == last
        await pilot.pause()
        [other] = set(claim.sentences) - {last}
        assert row_on_screen(screen, other) == row_on_screen(screen, last)


# -- 2. status from the claim's own conflicts, sides named --------------------------------


async def test_a_conflicting_counterpart_keeps_its_conflict_colour(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path) as (_app, screen, pilot):
        await pilot.press("c")
        [other, *_] = screen.grid.counterparts(screen.cursor)
        view = screen.view_of(other)
        classes = view._state_classes(other)
        assert "article-view--counterpart-conflicting" in classes
        highlighted = view.get_visual_style(*classes).rich_style.bgcolor
        plain_counterpart = view.get_visual_style(
            "article-view--corroborated", "article-view--counterpart"
        ).rich_style.bgcolor
        assert highlighted != plain_counterpart


async def test_the_panel_names_which_outlet_holds_which_side(db_path: Path) -> None:
    analysis = dated_bridge()
    async with reader(analysis.story, analysis, db_path) as (_app, screen, pilot):
        await pilot.press("c", "p")
        await pilot.pause()
        text = panel_text(screen)
        assert "Why they conflict:" in text
        assert "14 — Outlet 1 · 2025-05-07 · earlier" in text
        assert "19 — Outlet 2, Outlet 3 · 2025-05-08 · the later report" in text
        for sid in analysis.claim_index["c-injured"].sentences:
            sentence = analysis.sentence(sid)
            value = "14" if sentence.article_id == "a00" else "19"
            outlet = f"Outlet {int(sentence.article_id[1:]) + 1}"
            assert f"{outlet} says {value}: {sentence.text}" in text


def test_a_claim_conflicts_only_on_its_own_sentences() -> None:
    analysis = dated_bridge()
    injured = analysis.claim_index["c-injured"]
    _first, *rest = injured.sentences
    # The 19s alone, with the engine's conflict still naming the 14 of another claim.
    agreeing = replace(injured, sentences=tuple(rest), articles=injured.articles[1:])
    assert own_conflicts(analysis, agreeing) == ()
    assert claim_status(analysis, agreeing) is ClaimStatus.CORROBORATED
    assert claim_status(analysis, injured) is ClaimStatus.CONFLICTING
    [conflict] = own_conflicts(analysis, injured)
    assert [side.value for side in conflict.sides] == ["14", "19"] and conflict.later == 1


# -- 3. the screen explains itself -------------------------------------------------------------


async def test_the_legend_names_every_mark_and_is_remembered(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path, size=(80, 24)) as (_app, screen, pilot):
        legend = screen.legend
        assert legend.display, "shown by default"
        drawn = legend.render_line(0).text
        for mark in EVERY_MARK:
            assert mark in drawn, mark
        await pilot.press("L")
        assert not legend.display
    async with reader(bridge.story, bridge, db_path, size=(80, 24)) as (_app, screen, pilot):
        assert not screen.legend.display, "the choice outlives a restart"
        await pilot.press("L")
        assert screen.legend.display


async def test_help_lists_every_key_mark_colour_and_header_counter(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path) as (app, _screen, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body").content)
        for mark in EVERY_MARK:
            assert f"  {mark} " in text or f" {mark} /" in text or f"/ {mark} " in text, mark
        for symbol, meaning in HEADER_COUNTERS:
            assert f"{symbol}N" in text and meaning in text
        for name in ("green tint", "red tint", "highlight", "reversed", "underlined", "of 5 ▸"):
            assert name in text
        for screen_type in (ReaderScreen, ClaimsScreen):
            for binding in screen_type.BINDINGS:
                assert binding.tooltip in text, binding.id


# -- 4. headers name the outlet --------------------------------------------------------------


async def test_headers_name_outlet_author_date_and_the_columns_out_of_sight(
    db_path: Path,
) -> None:
    story = many_articles(5, per_article=4)
    story = replace(
        story,
        articles=tuple(
            replace(a, author=f"Author {n}") for n, a in enumerate(story.articles, start=1)
        ),
    )
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (_app, screen, pilot):
        headers = [column.header.render().plain for column in screen.columns]
        assert headers[0].startswith("Outlet 1")
        assert "1 of 5" in headers[0] and "2025-05-07" in headers[0] and "Author 1" in headers[0]
        assert headers[1].splitlines()[0].endswith("2 of 5 ▸"), "more columns to the right"
        for _ in range(4):
            await pilot.press("l")
        await pilot.pause()
        headers = [column.header.render().plain for column in screen.columns]
        assert "◂ 4 of 5" in headers[3] and "▸" not in headers[4]


async def test_at_80x24_the_header_is_compact(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path, size=(80, 24)) as (_app, screen, _pilot):
        first = bridge.story.articles[0].sentences[0].id
        assert row_on_screen(screen, first) <= 3, "app header and two header lines"
    async with reader(bridge.story, bridge, db_path, size=(160, 45)) as (_app, screen, _pilot):
        assert row_on_screen(screen, first) == 6, "roomy: four header lines and a rule"


# -- 5. the claims view as the triage list ------------------------------------------------------


async def test_the_claims_view_puts_conflicts_first_and_sorts_by_text(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path) as (app, _screen, pilot):
        await pilot.press("tab")
        claims = app.screen
        assert isinstance(claims, ClaimsScreen)
        table = claims.query_one(DataTable)
        ids = [str(table.coordinate_to_cell_key((r, 0)).row_key.value) for r in range(7)]
        assert ids[0] == "c-injured", "conflicts first by default"
        statuses = [str(table.get_row_at(r)[3]) for r in range(table.row_count)]
        assert statuses == sorted(
            statuses, key=["conflicting", "single-source", "corroborated"].index
        )
        outlets = str(table.get_row_at(0)[2])
        assert outlets == "Outlet 1, Outlet 2, Outlet 3"
        while claims.sort_key != "claim":
            await pilot.press("r")
        firsts = [
            bridge.sentence(claims.grid.first_sentence(c.id)).text for c in claims.shown_claims()
        ]
        assert firsts == sorted(firsts, key=str.casefold)
        assert firsts != [
            bridge.sentence(claims.grid.first_sentence(c)).text for c in claims.grid.claim_order
        ]


async def test_space_shows_every_sentence_of_a_claim(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path) as (app, _screen, pilot):
        await pilot.press("tab")
        table = app.screen.query_one(DataTable)
        folded = str(table.get_row_at(0)[0])
        await pilot.press("space")
        cell = str(table.get_row_at(0)[0])
        for sid in bridge.claim_index["c-injured"].sentences:
            assert bridge.sentence(sid).text in cell
        assert len(cell) > len(folded)
        await pilot.press("space")
        assert str(table.get_row_at(0)[0]) == folded


async def test_the_claims_view_takes_the_readers_keys(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path) as (app, screen, pilot):
        await pilot.press("tab", "d")
        [doc] = saved(db_path)
        assert (doc["claim"], doc["status"]) == ("c-injured", "disputed")
        assert "saved: disputed" in str(app.screen.status.saving.content)
        await pilot.press("n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"check the hospital", "enter")
        assert isinstance(app.screen, ClaimsScreen)
        [doc] = saved(db_path)
        assert doc["note"] == "check the hospital"
        await pilot.press("e")
        [export] = db_path.parent.glob("newsreader-export-*.json")
        assert json.loads(export.read_text(encoding="utf-8"))["annotations"]
        await pilot.press("tab")
        assert app.screen is screen
        assert "1 reviewed" in status_text(screen), "the reader's status line is up to date"
        await pilot.press("tab", "q")
        await pilot.pause()
        assert not app.is_running


# -- 6. navigation -------------------------------------------------------------------------------


async def test_the_claims_view_takes_the_readers_moves_and_views(db_path: Path) -> None:
    from tui.screens.matrix import MatrixScreen
    from tui.screens.scorecard import ScorecardScreen

    story = make_story(
        [[f"Report {k} notes item {n} of the harbour works." for n in range(8)] for k in range(2)]
    )
    async with reader(story, analyze(story), db_path, size=(100, 30)) as (app, screen, pilot):
        await pilot.press("tab")
        claims = app.screen
        assert isinstance(claims, ClaimsScreen)
        table = claims.query_one(DataTable)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0
        key = claims.sort_key
        await pilot.press("r")
        assert claims.sort_key != key
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("tab", "s")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)


async def test_home_end_and_arrows_move_the_cursor_with_more_columns_than_fit(
    db_path: Path,
) -> None:
    # Six columns do not fit in 80 cells: the strip of columns scrolls, but the keys are
    # the reader's, not the strip's.
    story = make_story(
        [[f"Report {k} notes item {n} of the harbour works." for n in range(12)] for k in range(6)]
    )
    ids = [s.id for s in story.articles[0].sentences]
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (_app, screen, pilot):
        await pilot.press("end")
        assert screen.cursor == ids[-1]
        await pilot.press("home")
        assert screen.cursor == ids[0]
        await pilot.press("right")
        assert screen.cursor in {s.id for s in story.articles[1].sentences}
        await pilot.press("left")
        assert screen.cursor in set(ids)
        for _ in range(5):
            await pilot.press("right")
        assert screen.cursor in {s.id for s in story.articles[5].sentences}


async def test_first_last_and_page_keys(db_path: Path) -> None:
    story = make_story(
        [
            [f"Report one notes item {n} in the long list of harbour works." for n in range(40)],
            [f"Report two notes item {n} in the list." for n in range(3)],
        ]
    )
    ids = [s.id for s in story.articles[0].sentences]
    async with reader(story, analyze(story), db_path, size=(80, 24)) as (_app, screen, pilot):
        await pilot.press("G")
        assert screen.cursor == ids[-1]
        await pilot.press("g")
        assert screen.cursor == ids[0]
        await pilot.press("end")
        assert screen.cursor == ids[-1]
        await pilot.press("home")
        assert screen.cursor == ids[0]
        await pilot.press("pagedown")
        down = ids.index(screen.cursor)
        assert down > 2
        view = screen.view_of(screen.cursor)
        assert view.first_line[screen.cursor] - round(view.scroll_offset.y) >= 0
        await pilot.press("pagedown")
        assert ids.index(screen.cursor) > down
        await pilot.press("pageup", "pageup")
        assert screen.cursor == ids[0]


async def test_search_says_which_hit_the_cursor_is_on(db_path: Path) -> None:
    bridge = handmade_analysis()
    async with reader(bridge.story, bridge, db_path) as (_app, screen, pilot):
        await pilot.press("slash", *"mayor")
        hits = screen.search_hits
        assert len(hits) == 3
        assert "hit 1 of 3 for 'mayor'" in status_text(screen)
        await pilot.press("enter")
        assert "hit 2 of 3 for 'mayor'" in status_text(screen)
