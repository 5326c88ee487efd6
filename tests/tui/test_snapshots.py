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
from story_factory import handmade_analysis

from store import AnnotationStore
from tui.app import NewsreaderApp, make_app

pytestmark = pytest.mark.slow

SIZES = [(80, 24), (160, 45)]
# A fixed database path: the status line shows it, and snapshots must not vary.
DB_DIR = Path(tempfile.gettempdir()) / "newsreader-snapshots"


@pytest.fixture
def demo_app() -> Iterator[NewsreaderApp]:
    """A fixed story and analysis (not the engine's, which may change) and a fresh database.

    The path is shared by every checkout on the machine: a lock keeps two runs apart.
    """
    with open(f"{DB_DIR}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        shutil.rmtree(DB_DIR, ignore_errors=True)
        analysis = handmade_analysis()
        with AnnotationStore(DB_DIR / "db.json") as store:
            yield make_app(analysis.story, store, analysis)
        shutil.rmtree(DB_DIR, ignore_errors=True)


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
