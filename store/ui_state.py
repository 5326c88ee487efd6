"""The reader's last position (story and sentence under the cursor), kept in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tinydb.table import Document

from store.database import Database

if TYPE_CHECKING:
    from store.store import AnnotationStore

TABLE = "ui_state"
DOC_ID = 1


@dataclass(frozen=True)
class ReaderPosition:
    """Where the reader was: the story and the sentence under the cursor."""

    story: str
    sentence: str | None


class UiState:
    """What the app remembers between runs, in the database's ``ui_state`` table."""

    def __init__(self, db: Database) -> None:
        self._table = db.table(TABLE)

    def position(self) -> ReaderPosition | None:
        """The last saved reader position, if any."""
        doc = self._table.get(doc_id=DOC_ID)
        if not isinstance(doc, dict) or not isinstance(doc.get("story"), str):
            return None
        sentence = doc.get("sentence")
        return ReaderPosition(doc["story"], sentence if isinstance(sentence, str) else None)

    def save_position(self, position: ReaderPosition) -> None:
        """Remember the reader position (written to disk at once)."""
        doc = {"story": position.story, "sentence": position.sentence}
        if self._table.contains(doc_id=DOC_ID):
            self._table.update(doc, doc_ids=[DOC_ID])
        else:
            self._table.insert(Document(doc, doc_id=DOC_ID))


def load_position(store: AnnotationStore) -> ReaderPosition | None:
    """The last saved reader position in a store, if any."""
    return store.ui_state.position()


def save_position(store: AnnotationStore, position: ReaderPosition) -> None:
    """Remember the reader position in a store (written to disk at once)."""
    store.ui_state.save_position(position)
