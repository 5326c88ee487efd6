"""What the app remembers between runs, in the database: the reader's last position (story
and sentence under the cursor) and the user's yes/no choices (such as showing the legend)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tinydb.table import Document

from store.database import Database

if TYPE_CHECKING:
    from store.store import AnnotationStore

TABLE = "ui_state"
DOC_ID = 1
PREFERENCES_ID = 2


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
        self._put(DOC_ID, {"story": position.story, "sentence": position.sentence})

    def preference(self, name: str, default: bool) -> bool:
        """A yes/no choice the user made in the app (the default when none is saved)."""
        doc = self._table.get(doc_id=PREFERENCES_ID)
        value = doc.get(name) if isinstance(doc, dict) else None
        return value if isinstance(value, bool) else default

    def save_preference(self, name: str, value: bool) -> None:
        """Remember a yes/no choice (written to disk at once)."""
        self._put(PREFERENCES_ID, {name: value})

    def _put(self, doc_id: int, fields: dict[str, object]) -> None:
        if self._table.contains(doc_id=doc_id):
            self._table.update(fields, doc_ids=[doc_id])
        else:
            self._table.insert(Document(fields, doc_id=doc_id))


def load_position(store: AnnotationStore) -> ReaderPosition | None:
    """The last saved reader position in a store, if any."""
    return store.ui_state.position()


def save_position(store: AnnotationStore, position: ReaderPosition) -> None:
    """Remember the reader position in a store (written to disk at once)."""
    store.ui_state.save_position(position)
