"""Hostile ids and file names: nothing is ever written outside the database folder."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hostile_cli import export_text, newsreader

from newsreader.model import Analysis, is_plain_id
from store import AnnotationStore, StoreError
from store.analysis_files import AnalysisFiles
from store.storage import path_inside
from tui.review import ReviewSession

pytestmark = pytest.mark.slow

TRAVERSAL = "../../../../../outside/x"
HOSTILE_IDS = [TRAVERSAL, "/etc/passwd", "..", ".", "", "a/b", "a\\b", "x\x1b]0;t\x07", "é", "a\0b"]


def _story_folder(root: Path, story_id: object) -> Path:
    folder = root / "a" / "b" / "story"
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text(
        "The council approved the budget on Monday.\n\nIt passed by 7 votes to 2.\n",
        encoding="utf-8",
    )
    (folder / "two.txt").write_text(
        "The city council passed its budget on Monday.\n\nThe vote was 7 to 2.\n",
        encoding="utf-8",
    )
    (folder / "story.json").write_text(json.dumps({"id": story_id}), encoding="utf-8")
    return folder


@pytest.mark.parametrize("story_id", HOSTILE_IDS)
def test_hostile_ids_are_not_plain(story_id: str) -> None:
    assert not is_plain_id(story_id)


@pytest.mark.parametrize("story_id", ["xi-moscow-visit-2025", "c-0123456789", "a1", "v1.2_x~y+z"])
def test_ordinary_ids_are_plain(story_id: str) -> None:
    assert is_plain_id(story_id)


def test_manifest_id_with_dots_and_slashes_is_slugged(tmp_path: Path) -> None:
    folder = _story_folder(tmp_path, TRAVERSAL)
    done = newsreader("analyze", "--json", str(folder), db=tmp_path / "db" / "newsreader.json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["story"]["id"] == "outside-x"
    assert "story.json: the story id" in done.stderr and "using 'outside-x'" in done.stderr


def test_manifest_id_of_another_type_is_replaced(tmp_path: Path) -> None:
    folder = _story_folder(tmp_path, ["x"])
    done = newsreader("analyze", "--json", str(folder), db=tmp_path / "db" / "newsreader.json")
    assert done.returncode == 0, done.stderr
    assert is_plain_id(json.loads(done.stdout)["story"]["id"])


@pytest.mark.parametrize("field", ["story", "claim", "id"])
def test_import_refuses_an_id_that_is_a_path(tmp_path: Path, field: str) -> None:
    db = tmp_path / "db" / "newsreader.json"
    export = tmp_path / "in.json"
    export.write_text(export_text(**{field: TRAVERSAL}), encoding="utf-8")
    done = newsreader("import", str(export), db=db)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and f"annotations[0].{field}: not a plain id" in done.stderr
    assert not db.exists()


def test_export_of_a_story_with_a_path_as_id_stays_in_the_folder(
    tmp_path: Path, demo_analysis: Analysis
) -> None:
    """A story saved before ids were checked keeps its id; the export file is still beside
    the database."""
    db = tmp_path / "deep" / "er" / "db" / "newsreader.json"
    story = replace(demo_analysis.story, id=TRAVERSAL)
    analysis = Analysis.build(story, demo_analysis.relations, demo_analysis.claims)
    with AnnotationStore(db) as store:
        session = ReviewSession(analysis, store)
        path = session.export(now=datetime(2026, 1, 2, tzinfo=UTC))
    assert path.parent == db.parent and path.is_file()
    assert not (tmp_path / "outside").exists()
    assert all(p.parent == db.parent for p in tmp_path.rglob("*") if p.is_file())


@pytest.mark.parametrize("name", ["../x", "a/b", "..", "", "x\0y"])
def test_path_inside_refuses_names_that_leave_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(StoreError, match="leads out of the folder"):
        path_inside(tmp_path, name)


@pytest.mark.parametrize("story_id", HOSTILE_IDS)
def test_cache_file_of_any_story_id_is_in_the_cache_folder(tmp_path: Path, story_id: str) -> None:
    files = AnalysisFiles(tmp_path / "cache", writable=True)
    assert files.path_of(story_id).parent == tmp_path / "cache"
