"""A database that cannot be saved to still opens: read-only, with the reason in the banner."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from test_reader import status_text

from newsreader.model import Story
from store import AnnotationStore
from store.storage import TEMP_PREFIX, backup_path
from tui.app import make_app
from tui.screens.reader import ReaderScreen

pytestmark = pytest.mark.slow


async def test_a_database_whose_backup_is_a_folder_opens_read_only_with_a_banner(
    demo_story: Story, db_path: Path, held_engine: threading.Event
) -> None:
    with AnnotationStore(db_path) as store:
        store.save_story(demo_story)
    backup_path(db_path).unlink(missing_ok=True)
    backup_path(db_path).mkdir()
    before = db_path.read_bytes()
    app = make_app(
        demo_story, None, analyse=held_engine, open_store=lambda: AnnotationStore(db_path)
    )
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            held_engine.set()
            await app.workers.wait_for_complete()
            for _ in range(5):
                await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            assert app.store is not None and app.store.read_only
            banner = status_text(screen)
            assert "READ-ONLY: cannot save" in banner
            assert f"{backup_path(db_path)} is a folder" in banner
            assert app.sub_title.startswith("READ-ONLY: cannot save")
            await pilot.press("v")
            assert "NOT SAVED" in status_text(screen)
    finally:
        if app.store is not None:
            app.store.close()
    assert db_path.read_bytes() == before
    assert json.loads(before)["annotations"] == {}
    assert not list(db_path.parent.glob(f"{TEMP_PREFIX}*"))
