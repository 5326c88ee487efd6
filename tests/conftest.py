"""Shared fixtures: temporary databases, the demo story, hostile articles."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsreader.engine.analysis import analyze
from newsreader.library.demo import load_demo_story
from newsreader.model import Analysis, Story

HOSTILE_TEXT = (
    "Hostile [b]headline[/b] with [@click=app.bell]markup[/]\n\n"
    "Officials said [bold]nothing[/bold] about the [/foo] closing tag today.\n\n"
    "A click payload [@click=app.quit]x[/] was found in 12 documents on Monday.\n\n"
    "An escape \x1b[31mred\x1b[0m sequence and a title \x1b]0;pwned\x07 were sent.\n"
)


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real database: point the default at a temp file."""
    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "default-db.json"))


@pytest.fixture(scope="session")
def demo_story() -> Story:
    return load_demo_story()


@pytest.fixture(scope="session")
def demo_analysis(demo_story: Story) -> Analysis:
    return analyze(demo_story)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """A story folder with one article full of markup and escape sequences."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(
        "Officials said nothing about the closing tag today.\n\n"
        "A click payload was found in 14 documents on Monday.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def held_engine() -> HeldEngine:
    """An analyser for the app that holds the analysis until the returned event is set."""
    return HeldEngine()


class HeldEngine(threading.Event):
    """An event that, called as an analyser, waits for itself to be set, then analyses."""

    def __call__(self, story: Story) -> Analysis:
        self.wait(10)
        return analyze(story)
