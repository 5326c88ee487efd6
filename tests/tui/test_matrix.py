"""Pilot tests of the coverage matrix and the source scorecard, with a real database file."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from story_factory import handmade_analysis_with_sides, many_articles
from textual.widgets import DataTable, Static

from newsreader.cli.main import main
from newsreader.library.analysis_json import analysis_from_dict
from newsreader.model import Analysis, Claim, ClaimStatus
from store import AnnotationStore
from tui.app import NewsreaderApp, make_app
from tui.screens.help import HelpScreen
from tui.screens.matrix import MatrixScreen
from tui.screens.reader import ReaderScreen
from tui.screens.scorecard import ScorecardScreen
from tui.widgets.coverage_grid import CoverageGrid

pytestmark = pytest.mark.slow

GLYPHS = {"●": "states", "≠": "differs", "": "silent"}


@asynccontextmanager
async def running(
    analysis: Analysis, db_path: Path, size: tuple[int, int] = (160, 45)
) -> AsyncIterator[tuple[NewsreaderApp, object]]:
    """The app on an analysis with a real store, the reader shown; yields app and pilot."""
    with AnnotationStore(db_path) as store:
        app = make_app(analysis.story, store, analysis)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            yield app, pilot


async def open_matrix(app: NewsreaderApp, pilot) -> tuple[MatrixScreen, CoverageGrid]:
    await pilot.press("m")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MatrixScreen)
    return screen, screen.query_one(CoverageGrid)


def drawn_marks(grid: CoverageGrid, line: int) -> dict[str, str]:
    """The marks drawn on a line of the grid, by article id, for the columns on screen."""
    text = grid.render_line(line).text
    first, last = grid.visible_columns()
    found = {}
    for column in range(first, last + 1):
        start, end = grid.column_box(column)
        if start >= grid.fixed_width() and end <= len(text):
            found[grid.article_ids[column]] = GLYPHS[text[start:end].strip()]
    return found


def expected_from_json(claim: dict, article_of: dict[str, str]) -> dict[str, str]:
    """The marks a claim of `analyze --json` calls for: its sources state it; on each of
    its own conflicts (sides narrowed to the claim's sentences, as the reader shows them;
    a conflict left with one side is another claim's), sources on a side other than the
    one most sources take differ (on a tie, every side)."""
    members = set(claim["sentences"])
    marks = {article_of[s]: "states" for s in members}
    for conflict in claim["conflicts"]:
        sides = [
            {article_of[s] for s in side["sentences"] if s in members} for side in conflict["sides"]
        ]
        sides = [side for side in sides if side]
        if len(sides) < 2:
            continue
        sizes = [len(side) for side in sides]
        leaders = [n for n, size in enumerate(sizes) if size == max(sizes)]
        for n, side in enumerate(sides):
            for article in side:
                if len(leaders) > 1 or n != leaders[0]:
                    marks[article] = "differs"
    return marks


def row_index(grid: CoverageGrid, claim_id: str) -> int:
    return next(n for n, row in enumerate(grid.rows) if row.claim.id == claim_id)


async def go_to(pilot, grid: CoverageGrid, row: int, column: int) -> None:
    """Move the matrix cursor with the keys."""
    await pilot.press(*(["j"] * row), *(["l"] * column))
    assert (grid.cursor.row, grid.cursor.column) == (row, column)


# -- the matrix and `analyze --json` ---------------------------------------------------------


async def test_rows_and_marks_match_analyze_json(demo_story, tmp_path: Path, db_path: Path) -> None:
    """The matrix of the analysis the command prints, drawn cell by cell."""
    out = tmp_path / "analysis.json"
    assert main(["analyze", "--json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    analysis = analysis_from_dict(data, demo_story)
    article_of = {s["id"]: a["id"] for a in data["articles"] for s in a["sentences"]}
    expected = {c["id"]: expected_from_json(c, article_of) for c in data["claims"]}
    async with running(analysis, db_path) as (app, pilot):
        _, grid = await open_matrix(app, pilot)
        assert {row.claim.id for row in grid.rows} == set(expected)
        for row in grid.rows:
            assert {a: c.mark.value for a, c in row.cells.items()} == expected[row.claim.id]
        counts = [row.sources for row in grid.rows]
        assert counts == sorted(counts, reverse=True)
        assert grid.article_ids == [a["id"] for a in data["articles"]]
        # What is drawn: every row on screen, every source column.
        shown = grid.scrollable_content_region.height - 1
        for line in range(1, min(shown, len(grid.rows)) + 1):
            row = grid.rows[grid.scroll_offset.y + line - 1]
            marks = drawn_marks(grid, line)
            assert set(marks) == set(grid.article_ids)
            assert marks == {a: expected[row.claim.id].get(a, "silent") for a in marks}
            assert str(row.sources) == grid.render_line(line).text.split()[0]
        header = grid.render_line(0).text
        assert all(name[:8] in header for name in app.screen.names)


async def test_a_differing_source_is_drawn_apart(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        screen, grid = await open_matrix(app, pilot)
        line = row_index(grid, "c-injured") + 1
        assert drawn_marks(grid, line) == {"a00": "differs", "a01": "states", "a02": "states"}
        legend = str(screen.query_one("#matrix-legend", Static).content)
        assert "● states" in legend and "≠ differs" in legend and "silent" in legend
        await go_to(pilot, grid, row_index(grid, "c-injured"), 0)
        detail = str(screen.query_one("#matrix-detail", Static).content)
        assert "Outlet 1" in detail and "differs: 14" in detail
        assert "19: Outlet 2, Outlet 3" in detail


# -- filters and sorting ---------------------------------------------------------------------


async def test_filters_conflicts_single_source_and_what_a_source_omits(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        screen, grid = await open_matrix(app, pilot)
        every = {c.id for c in analysis.claims}
        assert {row.claim.id for row in grid.rows} == every
        await pilot.press("f")
        conflicting = {c.id for c in analysis.claims if c.status is ClaimStatus.CONFLICTING}
        assert {row.claim.id for row in grid.rows} == conflicting
        await pilot.press("f")
        single = {c.id for c in analysis.claims if len(c.articles) == 1}
        assert {row.claim.id for row in grid.rows} == single
        await pilot.press("f")
        # The cursor is on the first source: what it omits.
        omitted = {c.id for c in analysis.claims if "a00" not in c.articles}
        assert {row.claim.id for row in grid.rows} == omitted
        summary = screen.query_one("#matrix-summary", Static)
        assert "omitted by Outlet 1" in str(summary.content)
        await pilot.press("f")
        assert {row.claim.id for row in grid.rows} == every
        # w: what the source under the cursor omits; again: all claims.
        await pilot.press("l", "w")
        assert {row.claim.id for row in grid.rows} == {
            c.id for c in analysis.claims if "a01" not in c.articles
        }
        assert "omitted by Outlet 2" in str(summary.content)
        assert all(drawn_marks(grid, n + 1)["a01"] == "silent" for n in range(len(grid.rows)))
        await pilot.press("w")
        assert {row.claim.id for row in grid.rows} == every


async def test_sort_by_story_order(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        screen, grid = await open_matrix(app, pilot)
        await pilot.press("r")
        first_seen = list(
            dict.fromkeys(
                analysis.claim_of[s.id] for a in analysis.story.articles for s in a.sentences
            )
        )
        assert [row.claim.id for row in grid.rows] == first_seen
        assert "story order" in str(screen.query_one("#matrix-summary", Static).content)


# -- jumping to the reader -----------------------------------------------------------------


async def test_enter_jumps_to_the_sources_sentence_of_the_claim(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        _, grid = await open_matrix(app, pilot)
        await go_to(pilot, grid, row_index(grid, "c-mayor"), 2)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        mayor = analysis.claim_index["c-mayor"]
        [own] = [s for s in mayor.sentences if s.startswith("a02")]
        assert reader.cursor == own
        assert reader.view_of(own).cursor == own


async def test_enter_on_a_silent_source_lands_on_the_claims_first_sentence(
    db_path: Path,
) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        await pilot.press("f")  # the reader shows conflicts only
        _, grid = await open_matrix(app, pilot)
        night = analysis.claim_index["c-night"]
        await go_to(pilot, grid, row_index(grid, "c-night"), 1)
        assert grid.current_row is not None and "a01" not in grid.current_row.cells
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.cursor == night.sentences[0]
        # The conflicts filter hid the claim: the reader shows every sentence again.
        assert reader.shown.value == "all"


async def test_escape_goes_back_without_moving(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        before = app.screen.cursor
        _, _grid = await open_matrix(app, pilot)
        await pilot.press("j", "j", "escape")
        assert isinstance(app.screen, ReaderScreen) and app.screen.cursor == before


# -- many sources ------------------------------------------------------------------------------


def many_sources(count: int) -> Analysis:
    """`count` reports: the first three sentences shared by all, the rest their own."""
    story = many_articles(count, per_article=5)
    claims = [
        Claim(
            f"c-shared-{k}",
            tuple(a.sentences[k].id for a in story.articles),
            ClaimStatus.CORROBORATED,
            tuple(a.id for a in story.articles),
        )
        for k in range(3)
    ]
    claims += [
        Claim(f"c-{s.id}", (s.id,), ClaimStatus.SINGLE_SOURCE, (a.id,))
        for a in story.articles
        for s in a.sentences[3:]
    ]
    return Analysis.build(story, (), tuple(claims))


async def test_two_hundred_sources_scroll_sideways(db_path: Path) -> None:
    analysis = many_sources(200)
    async with running(analysis, db_path, size=(80, 24)) as (app, pilot):
        screen, grid = await open_matrix(app, pilot)
        assert len(grid.rows) == len(analysis.claims)
        first, last = grid.visible_columns()
        assert first == 0 and last < 199
        summary = screen.query_one("#matrix-summary", Static)
        assert "of 200 ▸" in str(summary.content)
        await pilot.press(*["l"] * 199)
        first, last = grid.visible_columns()
        assert last == 199 and first > 0
        assert "◂" in str(summary.content)
        assert "Outlet 200" in grid.render_line(0).text
        # The shared claims sit on top and every source states them.
        assert set(drawn_marks(grid, 1).values()) == {"states"}
        await pilot.press("z")
        assert grid.compact and "200" in grid.render_line(0).text
        assert "Outlet 200" in str(screen.query_one("#matrix-detail", Static).content)


# -- verdicts and the scorecard ----------------------------------------------------------------


def saved_verdicts(db_path: Path) -> dict[str, str]:
    """The verdicts in the database file, read from disk, by claim."""
    data = json.loads(db_path.read_text(encoding="utf-8"))
    return {
        a["claim"]: a["status"]
        for a in data.get("annotations", {}).values()
        if a["status"] != "unreviewed"
    }


def table_rows(table: DataTable) -> dict[str, list[str]]:
    """The scorecard's rows as text, by outlet."""
    rows = {}
    for key in table.rows:
        cells = [str(getattr(c, "plain", c)) for c in table.get_row(key)]
        rows[cells[0]] = cells[1:]
    return rows


async def test_scorecard_counts_after_verdicts_saved_in_the_store(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        await pilot.press("c", "d")  # the conflicting claim, disputed from the reader
        _, grid = await open_matrix(app, pilot)
        await go_to(pilot, grid, row_index(grid, "c-mayor"), 0)
        await pilot.press("v")  # verified from the matrix
        line = grid.render_line(row_index(grid, "c-mayor") + 1).text
        assert line.split()[:2] == ["3", "✓"]
        await pilot.press("escape", "s")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        shown = table_rows(app.screen.query_one(DataTable))
        verdicts = saved_verdicts(db_path)
        assert verdicts == {"c-injured": "disputed", "c-mayor": "verified"}
        for article in analysis.story.articles:
            own = [c for c in analysis.claims if article.id in c.articles]
            stated = len(own)
            corroborated = sum(c.status is ClaimStatus.CORROBORATED for c in own)
            conflicting = sum(c.status is ClaimStatus.CONFLICTING for c in own)
            single = sum(c.status is ClaimStatus.SINGLE_SOURCE for c in own)
            differs = 1 if article.id == "a00" else 0  # 14 where the others say 19
            verified = sum(verdicts.get(c.id) == "verified" for c in own)
            disputed = sum(verdicts.get(c.id) == "disputed" for c in own)
            counts = [1, stated, corroborated, conflicting, single, differs, verified, disputed]
            assert shown[article.outlet] == [str(n) for n in counts]
        assert shown["Outlet 1"][-2:] == ["1", "1"]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_scorecard_sorts_by_the_next_column(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, ScorecardScreen)
        summary = screen.query_one("#scorecard-summary", Static)
        assert "sorted by stated" in str(summary.content)
        await pilot.press("r", "r", "r")
        assert "sorted by single-source" in str(summary.content)
        rows = table_rows(screen.query_one(DataTable))
        singles = [int(cells[4]) for cells in rows.values()]
        assert singles == sorted(singles, reverse=True)


# -- help and palette --------------------------------------------------------------------------


async def test_help_lists_the_matrix_and_scorecard_keys_and_marks(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        _, _grid = await open_matrix(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.build().plain
        lines = text.splitlines()
        assert any(line.split()[:2] == ["m", "coverage"] for line in lines)
        assert any(line.split()[:2] == ["s", "source"] for line in lines)
        for section in ("Keys: Coverage matrix", "Keys: Source scorecard", "Coverage matrix marks"):
            assert section in lines
        for words in ("claims the source under the cursor omits", "the source states the claim"):
            assert words in text
        assert any(line.split()[:1] == ["≠"] for line in lines)
        assert any(line.split()[:1] == ["●"] for line in lines)


async def test_the_palette_opens_the_matrix(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    async with running(analysis, db_path) as (app, pilot):
        await pilot.press("ctrl+p", *"coverage matrix")
        for _ in range(50):  # the palette searches in the background
            if str(app.screen.query("CommandList").first().highlighted) != "None":
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MatrixScreen)


async def test_a_source_column_cut_at_the_edge_is_announced(demo_analysis, db_path: Path) -> None:
    async with running(demo_analysis, db_path, size=(80, 24)) as (app, pilot):
        screen, grid = await open_matrix(app, pilot)
        _, last = grid.visible_columns()
        summary = str(screen.query_one("#matrix-summary", Static).content)
        box = grid.column_box(last)
        if box[1] > grid.scrollable_content_region.width:
            assert summary.endswith("▸"), summary
        else:
            assert last < len(grid.article_ids) - 1 or not summary.endswith("▸")
