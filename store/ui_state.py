"""The reader's last position (story and sentence under the cursor), kept in the database."""

from __future__ import annotations

from dataclasses import dataclass

from tinydb.table import Document

from store.annotations import AnnotationStore

TABLE = "ui_state"
DOC_ID = 1


@dataclass(frozen=True)
class ReaderPosition:
    """Where the reader was: the story and the sentence under the cursor."""

    story: str
    sentence: str | None


def load_position(store: AnnotationStore) -> ReaderPosition | None:
    """The last saved reader position, if any."""
    doc = store._db.table(TABLE).get(doc_id=DOC_ID)
    if not isinstance(doc, dict) or not isinstance(doc.get("story"), str):
        return None
    sentence = doc.get("sentence")
    return ReaderPosition(doc["story"], sentence if isinstance(sentence, str) else None)


def save_position(store: AnnotationStore, position: ReaderPosition) -> None:
    """Remember the reader position (written to disk at once)."""
    table = store._db.table(TABLE)
    doc = {"story": position.story, "sentence": position.sentence}
    if table.contains(doc_id=DOC_ID):
        table.update(doc, doc_ids=[DOC_ID])
    else:
        table.insert(Document(doc, doc_id=DOC_ID))
