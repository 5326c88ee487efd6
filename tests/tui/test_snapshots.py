"""Snapshot tests of the reader's main states at 80x24 and 160x45 (pytest-textual-snapshot).

Regenerate after a deliberate UI change with `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import fcntl
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from story_factory import handmade_analysis, handmade_analysis_with_sides

from newsreader.model import Analysis
from store import AnnotationStore
from tui.app import NewsreaderApp, make_app

pytestmark = pytest.mark.slow

SIZES = [(80, 24), (160, 45)]
# A fixed database path: the status line shows it, and snapshots must not vary.
DB_DIR = Path(tempfile.gettempdir()) / "newsreader-snapshots"


def app_on(analysis: Analysis) -> Iterator[NewsreaderApp]:
    """The app on a fixed analysis (not the engine's, which may change), a fresh database.

    The path is shared by every checkout on the machine: a lock keeps two runs apart.
    """
    with open(f"{DB_DIR}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        shutil.rmtree(DB_DIR, ignore_errors=True)
        with AnnotationStore(DB_DIR / "db.json") as store:
            yield make_app(analysis.story, store, analysis)
        shutil.rmtree(DB_DIR, ignore_errors=True)


@pytest.fixture
def demo_app() -> Iterator[NewsreaderApp]:
    """The hand-made story and analysis."""
    yield from app_on(handmade_analysis())


@pytest.fixture
def sides_app() -> Iterator[NewsreaderApp]:
    """The hand-made story, its conflict with sides (one report against two)."""
    yield from app_on(handmade_analysis_with_sides())


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
class TestReaderSnapshots:
    """The reader screen in its main states."""

    def test_opened(self, snap_compare, demo_app, size) -> None:
        assert snap_compare(demo_app, terminal_size=size)

    def test_tagged_and_moved(self, snap_compare, demo_app, size) -> None:
        assert snap_compare(demo_app, press=["j", "v", "l", "j", "d"], terminal_size=size)

    def test_conflict_with_claim_panel(self, snap_compare, demo_app, size) -> None:
        assert snap_compare(demo_app, press=["c", "p"], terminal_size=size)

    def test_conflicts_filter(self, snap_compare, demo_app, size) -> None:
        assert snap_compare(demo_app, press=["f"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
class TestOtherViewSnapshots:
    """The claims view and the help screen."""

    def test_claims_view(self, snap_compare, demo_app, size) -> None:
        assert snap_compare(demo_app, press=["v", "c", "d", "tab"], terminal_size=size)

    def test_help(self, snap_compare, demo_app, size) -> None:
        assert snap_compare(demo_app, press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
class TestCoverageSnapshots:
    """The coverage matrix and the source scorecard."""

    def test_matrix(self, snap_compare, sides_app, size) -> None:
        assert snap_compare(sides_app, press=["v", "m", "j", "l"], terminal_size=size)

    def test_matrix_omitted_by_a_source(self, snap_compare, sides_app, size) -> None:
        assert snap_compare(sides_app, press=["m", "l", "w"], terminal_size=size)

    def test_scorecard(self, snap_compare, sides_app, size) -> None:
        async def tag_then_open(pilot) -> None:
            await pilot.press("c", "d", "j", "v")
            pilot.app.clear_notifications()
            await pilot.press("s")

        assert snap_compare(sides_app, run_before=tag_then_open, terminal_size=size)
