"""Annotations (verdicts and notes on claims) kept in a TinyDB file."""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from newsreader.model import Annotation, Target, Verdict
from store.storage import AtomicJSONStorage

TABLE = "annotations"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def annotation_from_doc(doc: dict[str, Any]) -> Annotation:
    """Build an Annotation from a stored document."""
    return Annotation(
        id=doc["id"],
        story=doc["story"],
        claim=doc["claim"],
        status=Verdict(doc["status"]),
        note=doc.get("note"),
        created=doc["created"],
        updated=doc["updated"],
        targets=tuple(Target(**t) for t in doc.get("targets", [])),
    )


def annotation_to_doc(annotation: Annotation) -> dict[str, Any]:
    """A stored document for an Annotation."""
    doc = asdict(annotation)
    doc["status"] = annotation.status.value
    return doc


class AnnotationStore:
    """Reads and writes annotations; every change is on disk when the call returns."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self._table = self._db.table(TABLE)

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, story: str, claim: str) -> Annotation | None:
        """The annotation on a claim of a story, if any."""
        q = Query()
        doc = self._table.get((q.story == story) & (q.claim == claim))
        return annotation_from_doc(doc) if doc else None

    def all(self, story: str | None = None) -> list[Annotation]:
        """All annotations, or those of one story, oldest first."""
        docs = self._table.all() if story is None else self._table.search(Query().story == story)
        return sorted((annotation_from_doc(d) for d in docs), key=lambda a: (a.created, a.id))

    def put(self, annotation: Annotation) -> None:
        """Insert or replace an annotation (matched by id)."""
        self._table.upsert(annotation_to_doc(annotation), Query().id == annotation.id)

    def set_verdict(
        self,
        story: str,
        claim: str,
        verdict: Verdict,
        targets: tuple[Target, ...],
        note: str | None = None,
    ) -> Annotation:
        """Record a verdict on a claim (keeping an existing note unless one is given)."""
        now = _now()
        existing = self.get(story, claim)
        if existing is None:
            annotation = Annotation(
                id=str(uuid.uuid4()),
                story=story,
                claim=claim,
                status=verdict,
                note=note,
                created=now,
                updated=now,
                targets=targets,
            )
        else:
            annotation = replace(
                existing,
                status=verdict,
                note=existing.note if note is None else note,
                updated=now,
                targets=targets,
            )
        self.put(annotation)
        return annotation

    def clear(self, story: str, claim: str) -> bool:
        """Remove the annotation on a claim; True if there was one."""
        q = Query()
        return bool(self._table.remove((q.story == story) & (q.claim == claim)))
