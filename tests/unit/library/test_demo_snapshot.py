"""The demo story's snapshot: used only while everything it was made from is unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsreader.library.demo import build_demo_story, demo_seed_files, load_demo_story, seeds_dir
from newsreader.library.demo_snapshot import (
    installed_version,
    read_snapshot,
    write_snapshot,
)
from newsreader.library.story_data import story_from_rows, story_to_rows
from newsreader.model import Story

MODULES = ["ingest/reader.py", "ingest/cleaning.py", "engine/segment.py", "library/demo.py"]
LIBRARIES = {"nupunkt": "nupunkt", "slugify": "python-slugify"}


@pytest.fixture(scope="module")
def built() -> Story:
    return build_demo_story()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    return folder


def snapshot(tmp_path: Path, seeds: Path, story: Story) -> Path:
    path = tmp_path / "snapshot.json"
    write_snapshot(story, seeds, demo_seed_files(), MODULES, LIBRARIES, path)
    return path


def test_the_demo_story_is_what_building_it_gives(built: Story) -> None:
    assert load_demo_story() == built


def test_rows_round_trip(built: Story) -> None:
    assert story_from_rows(json.loads(json.dumps(story_to_rows(built)))) == built


def test_a_current_snapshot_is_read(tmp_path: Path, seeds: Path, built: Story) -> None:
    assert read_snapshot(seeds, snapshot(tmp_path, seeds, built)) == built


def test_a_changed_seed_file_makes_it_stale(tmp_path: Path, seeds: Path, built: Story) -> None:
    path = snapshot(tmp_path, seeds, built)
    article = seeds / demo_seed_files()[1]
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    assert read_snapshot(seeds, path) is None


def test_changed_code_or_library_makes_it_stale(tmp_path: Path, seeds: Path, built: Story) -> None:
    path = snapshot(tmp_path, seeds, built)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["made_from"]["modules"]["engine/segment.py"] = "0" * 64
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_snapshot(seeds, path) is None
    path = snapshot(tmp_path, seeds, built)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["made_from"]["libraries"]["nupunkt"][1] = "0.0.1"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_snapshot(seeds, path) is None


def test_a_missing_module_makes_it_stale(tmp_path: Path, seeds: Path, built: Story) -> None:
    path = tmp_path / "snapshot.json"
    write_snapshot(built, seeds, demo_seed_files(), [*MODULES, "gone.py"], LIBRARIES, path)
    assert read_snapshot(seeds, path) is None


@pytest.mark.parametrize("content", ["", "{", "[]", '{"made_from": {}, "story": {}}'])
def test_a_broken_snapshot_is_ignored(tmp_path: Path, seeds: Path, content: str) -> None:
    path = tmp_path / "snapshot.json"
    path.write_text(content, encoding="utf-8")
    assert read_snapshot(seeds, path) is None
    assert read_snapshot(seeds, tmp_path / "missing.json") is None


def test_installed_versions_are_found_without_metadata() -> None:
    from importlib.metadata import version

    assert installed_version("python-slugify", "slugify") == version("python-slugify")
    assert installed_version("nupunkt", "nupunkt") == version("nupunkt")
    assert installed_version("no-such-thing", "no_such_package_here") is None
