"""Pilot tests: the real app on the demo story, with a real TinyDB file on disk."""

from __future__ import annotations

import json
from pathlib import Path

from newsreader.ingest import load_story
from store import AnnotationStore
from tui.app import make_app
from tui.screens.reader import ReaderScreen
from tui.widgets.column import ArticleColumn
from tui.widgets.sentence import SentenceView


def _saved(db_path: Path) -> list[dict]:
    data = json.loads(db_path.read_text(encoding="utf-8"))
    return list(data["annotations"].values())


async def test_opens_demo_story_in_five_columns(demo_story, demo_analysis, db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        app = make_app(demo_story, store, demo_analysis)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            assert len(screen.query(ArticleColumn)) == 5
            first = demo_story.articles[0].sentences[0]
            assert screen.current.sentence_id == first.id
            assert screen.current.has_class("-cursor")
            statuses = {v.status for v in screen.query(SentenceView)}
            assert {"corroborated", "single-source"} <= statuses


async def test_keys_tag_claims_and_save_at_once(demo_story, demo_analysis, db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        app = make_app(demo_story, store, demo_analysis)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.press("j")
            screen = app.screen
            second = demo_story.articles[0].sentences[1].id
            assert screen.current.sentence_id == second
            await pilot.press("v")
            claim = demo_analysis.claim_for(second).id
            [saved] = _saved(db_path)
            assert saved["claim"] == claim and saved["status"] == "verified"
            assert screen.current.has_class("-verified")
            await pilot.press("d")
            [saved] = _saved(db_path)
            assert saved["status"] == "disputed"
            await pilot.press("x")
            assert _saved(db_path) == []
            assert not screen.current.has_class("-disputed")


async def test_tags_survive_restart(demo_story, demo_analysis, db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        app = make_app(demo_story, store, demo_analysis)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("v")
    with AnnotationStore(db_path) as store:
        app = make_app(demo_story, store, demo_analysis)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.screen.current.verdict == "verified"


async def test_columns_and_counterparts(demo_story, demo_analysis, db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        app = make_app(demo_story, store, demo_analysis)
        async with app.run_test(size=(160, 45)) as pilot:
            screen = app.screen
            await pilot.press("l")
            assert screen.column_index == 1
            await pilot.press("h", "h")
            assert screen.column_index == 0
            # Move to a corroborated sentence: its counterparts are highlighted elsewhere.
            for _ in range(40):
                if screen.current.status == "corroborated":
                    break
                await pilot.press("j")
            assert screen.current.status == "corroborated"
            highlighted = list(screen.query(".-counterpart"))
            assert highlighted
            assert all(isinstance(v, SentenceView) for v in highlighted)


async def test_hostile_article_is_literal_and_inert(hostile_dir: Path, db_path: Path) -> None:
    story = load_story([str(hostile_dir)])
    with AnnotationStore(db_path) as store:
        app = make_app(story, store)
        async with app.run_test(size=(120, 40)) as pilot:
            for view in app.screen.query(SentenceView):
                await pilot.click(view)
            await pilot.pause()
            assert app.is_running
            shown = "\n".join(str(v.content) for v in app.screen.query(SentenceView))
            assert "[@click=app.quit]x[/]" in shown
            assert "[/foo]" in shown and "[bold]" in shown
            assert "\x1b" not in shown
