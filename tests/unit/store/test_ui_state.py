"""The reader position kept in the database (store.ui_state)."""

from __future__ import annotations

import json
from pathlib import Path

from store import AnnotationStore
from store.ui_state import ReaderPosition, load_position, save_position


def test_position_round_trip_on_disk(db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        assert load_position(store) is None
        save_position(store, ReaderPosition("story-a", "s-3"))
        save_position(store, ReaderPosition("story-b", "s-7"))
    data = json.loads(db_path.read_text(encoding="utf-8"))
    assert list(data["ui_state"].values()) == [{"story": "story-b", "sentence": "s-7"}]
    with AnnotationStore(db_path) as store:
        assert load_position(store) == ReaderPosition("story-b", "s-7")


def test_a_malformed_position_is_ignored(db_path: Path) -> None:
    db_path.write_text(json.dumps({"ui_state": {"1": {"story": 12}}}), encoding="utf-8")
    with AnnotationStore(db_path) as store:
        assert load_position(store) is None
        save_position(store, ReaderPosition("story", None))
        assert load_position(store) == ReaderPosition("story", None)
