"""A disk that refuses writes, and a backup path taken by a folder: stories still open, read-only
with the reason shown; a save that fails names the file at fault and leaves nothing behind."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from hostile_cli import export_text, imported, newsreader, one_line_error

import store.storage
from newsreader.library.opening import StoryOpener, read_only_notice, read_only_title
from newsreader.model import Analysis, Story, Verdict
from store import AnnotationStore, StoreError
from store.storage import TEMP_PREFIX, backup_path


def _leftovers(db: Path) -> list[Path]:
    return sorted(db.parent.rglob(f"{TEMP_PREFIX}*"))


@pytest.fixture
def library(tmp_path: Path, demo_story: Story, demo_analysis: Analysis) -> Path:
    """A database with the demo story opened once (snapshot, cached analysis, a verdict)."""
    db = tmp_path / "db" / "newsreader.json"
    with AnnotationStore(db) as opened:
        StoryOpener(opened, lambda _story: demo_analysis).open(demo_story, demo_analysis)
        claim = demo_analysis.claims[0]
        opened.set_verdict(demo_story.id, claim.id, Verdict.VERIFIED, ())
    return db


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of a file's contents fails as on a full disk (ENOSPC)."""

    def no_space(fd: int, chunks: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.storage, "_write_all", no_space)


def test_a_full_disk_opens_a_saved_story_read_only(
    library: Path, demo_story: Story, full_disk: None
) -> None:
    before = library.read_bytes()
    with AnnotationStore(library) as opened:
        assert not opened.read_only
        story = opened.load_story(demo_story.id)
        shown = StoryOpener(opened).open_cached(story)
        assert shown is not None and len(opened.attached(demo_story.id)) == 1
        assert opened.read_only
        assert read_only_title(opened) == "READ-ONLY: cannot save, the disk is full"
        assert read_only_notice(opened) == (
            f"{library}: cannot save, the disk is full; opened read-only, verdicts will not be "
            "saved"
        )
        with pytest.raises(StoreError, match="read-only"):
            opened.set_verdict(demo_story.id, "c-x", Verdict.DISPUTED, ())
    assert library.read_bytes() == before
    assert _leftovers(library) == []


@pytest.mark.usefixtures("full_disk")
def test_a_full_disk_opens_a_new_story_read_only(
    tmp_path: Path, demo_story: Story, demo_analysis: Analysis
) -> None:
    db = tmp_path / "fresh.json"
    with AnnotationStore(db) as opened:
        shown = StoryOpener(opened).open(demo_story, demo_analysis)
        assert shown.analysis is demo_analysis and opened.read_only
    assert not db.exists() and _leftovers(db) == []


def test_a_backup_that_is_a_folder_is_named_and_leaves_no_temporary_file(
    library: Path, demo_story: Story
) -> None:
    before = library.read_bytes()
    backup_path(library).unlink()
    backup_path(library).mkdir()
    with AnnotationStore(library) as opened, pytest.raises(StoreError) as refused:
        opened.set_verdict(demo_story.id, "c-x", Verdict.DISPUTED, ())
    assert f"{backup_path(library)} is a folder, not a backup copy" in str(refused.value)
    assert library.read_bytes() == before
    assert _leftovers(library) == []


def test_a_backup_that_is_a_folder_opens_the_story_read_only_naming_it(
    library: Path, demo_story: Story
) -> None:
    backup_path(library).unlink()
    backup_path(library).mkdir()
    with AnnotationStore(library) as opened:
        assert StoryOpener(opened).open_cached(opened.load_story(demo_story.id)) is not None
        assert opened.read_only
        assert f"{backup_path(library)} is a folder" in (read_only_title(opened) or "")
    assert _leftovers(library) == []


@pytest.mark.slow
def test_an_import_with_a_backup_folder_is_one_line_naming_it(tmp_path: Path) -> None:
    db = imported(tmp_path)
    export = tmp_path / "good.json"
    before = db.read_bytes()
    backup_path(db).unlink(missing_ok=True)
    backup_path(db).mkdir()
    export.write_text(export_text(id="a2", claim="c2"), encoding="utf-8")
    done = newsreader("import", str(export), db=db)
    one_line_error(done, str(db), f"{backup_path(db)} is a folder")
    assert db.read_bytes() == before
    assert _leftovers(db) == []
