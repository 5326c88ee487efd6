"""The annotations of a database: verdicts and notes on claims, anchored to their sentences.

Every write is on disk (atomically, with a backup of the previous copy) when the call
returns; a write that fails raises :class:`store.storage.StoreError` and changes nothing,
on disk or in memory.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from tinydb import Query

from newsreader.annotations.anchors import Reanchored, reattach
from newsreader.annotations.native import annotation_to_dict
from newsreader.model import Analysis, Annotation, Target, Verdict
from store.clock import now
from store.database import Database
from store.schema import ANNOTATIONS

TABLE = ANNOTATIONS


def _instant(stamp: str) -> datetime:
    """An ISO-8601 time as an aware datetime (naive times are taken as UTC)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


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
        targets=tuple(
            Target(t["article"], t["exact"], t["prefix"], t["suffix"], t["start"], t["end"])
            for t in doc.get("targets", [])
        ),
        orphaned=bool(doc.get("orphaned", False)),
    )


def annotation_to_doc(annotation: Annotation) -> dict[str, Any]:
    """A stored document for an Annotation (the shape of the JSON export)."""
    return annotation_to_dict(annotation)


@dataclass
class MergeReport:
    """What an import changed: ids of annotations added, replaced by newer ones, or kept."""

    added: list[Annotation] = field(default_factory=list)
    updated: list[Annotation] = field(default_factory=list)
    unchanged: list[Annotation] = field(default_factory=list)
    kept: list[Annotation] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the import wrote anything."""
        return bool(self.added or self.updated)


class Annotations:
    """Reads and writes the annotations table of a database, with look-ups by claim and id."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(ANNOTATIONS)
        self.read_only = db.read_only
        self._rebuild_index()

    def _rebuild_index(self) -> None:
        self._by_claim: dict[tuple[str, str], int] = {}
        self._by_id: dict[str, int] = {}
        self._last_doc_id = 0
        # The raw table: building TinyDB Documents for every annotation costs more than this.
        for key, doc in self._db.raw_table(ANNOTATIONS).items():
            doc_id = int(key)
            self._index(doc_id, doc)
            self._last_doc_id = max(self._last_doc_id, doc_id)

    def _index(self, doc_id: int, doc: dict[str, Any]) -> None:
        self._by_id[doc["id"]] = doc_id
        if not doc.get("orphaned"):
            self._by_claim[(doc["story"], doc["claim"])] = doc_id

    def _unindex(self, doc_id: int, doc: dict[str, Any]) -> None:
        """Forget a stored document (about to be replaced or removed) in the look-ups."""
        if self._by_id.get(doc["id"]) == doc_id:
            del self._by_id[doc["id"]]
        key = (doc["story"], doc["claim"])
        if self._by_claim.get(key) == doc_id:
            del self._by_claim[key]

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Annotations per story: those attached to a claim, and all (orphans included)."""
        attached: dict[str, int] = {}
        every: dict[str, int] = {}
        for doc in self._table.all():
            every[doc["story"]] = every.get(doc["story"], 0) + 1
            if not doc.get("orphaned"):
                attached[doc["story"]] = attached.get(doc["story"], 0) + 1
        return attached, every

    def get(self, story: str, claim: str) -> Annotation | None:
        """The (attached) annotation on a claim of a story, if any."""
        doc_id = self._by_claim.get((story, claim))
        if doc_id is None:
            return None
        doc = self._table.get(doc_id=doc_id)
        return annotation_from_doc(doc) if isinstance(doc, dict) else None

    def get_by_id(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, attached or orphaned."""
        doc_id = self._by_id.get(annotation_id)
        doc = self._table.get(doc_id=doc_id) if doc_id is not None else None
        return annotation_from_doc(doc) if isinstance(doc, dict) else None

    def all(self, story: str | None = None) -> list[Annotation]:
        """All annotations (orphans included), or those of one story, oldest first."""
        docs = self._table.all() if story is None else self._table.search(Query().story == story)
        return sorted((annotation_from_doc(d) for d in docs), key=lambda a: (a.created, a.id))

    def attached(self, story: str | None = None) -> list[Annotation]:
        """Annotations placed on a claim of the current analysis (orphans left out).

        This is what a reader should paint: ``{a.claim: a for a in store.attached(story)}``.
        """
        return [a for a in self.all(story) if not a.orphaned]

    def orphans(self, story: str | None = None) -> list[Annotation]:
        """Annotations whose sentences a new analysis of their story no longer has."""
        return [a for a in self.all(story) if a.orphaned]

    def put(self, annotation: Annotation) -> None:
        """Insert or replace an annotation (matched by id)."""
        self.write([annotation])

    def write(self, annotations: Iterable[Annotation], remove: Iterable[str] = ()) -> None:
        """Insert, replace and remove annotations (by id) in one atomic write."""
        removals = {i: self._by_id[i] for i in remove if i in self._by_id}
        # Documents by stored (string) id: one string per id, shared by the table and the
        # storage's hints (a large import holds them all).
        written: dict[str, dict[str, Any]] = {}
        for annotation in annotations:
            doc_id = self._by_id.get(annotation.id)
            if doc_id is None:
                self._last_doc_id += 1
                doc_id = self._last_doc_id
            written[str(doc_id)] = annotation_to_doc(annotation)
        removed = [str(doc_id) for doc_id in removals.values()]
        stored = self._db.raw_table(ANNOTATIONS)
        touched = [*removed, *written]
        replaced = {key: stored[key] for key in touched if key in stored}
        with self._db.changing(ANNOTATIONS, touched):
            self._table.put_many(written, remove=removed)
        # The write succeeded: only now bring the look-up tables up to date.
        for key, doc in replaced.items():
            self._unindex(int(key), doc)
        for key, doc in written.items():
            self._index(int(key), doc)

    def set_verdict(
        self,
        story: str,
        claim: str,
        verdict: Verdict,
        targets: tuple[Target, ...],
        note: str | None = None,
    ) -> Annotation:
        """Record a verdict on a claim (keeping an existing note unless one is given).

        An empty note removes the existing one.
        """
        stamp = now()
        existing = self.get(story, claim)
        if existing is None:
            annotation = Annotation(
                id=str(uuid.uuid4()),
                story=story,
                claim=claim,
                status=verdict,
                note=note or None,
                created=stamp,
                updated=stamp,
                targets=targets,
            )
        else:
            annotation = replace(
                existing,
                status=verdict,
                note=existing.note if note is None else (note or None),
                updated=stamp,
                targets=targets,
            )
        self.put(annotation)
        return annotation

    def set_note(self, story: str, claim: str, note: str | None) -> Annotation | None:
        """Set (or with None/"" remove) the note of a claim's annotation.

        Returns the updated annotation, or None when the claim has no verdict yet (a note
        hangs on a verdict: tag the claim first).
        """
        existing = self.get(story, claim)
        if existing is None:
            return None
        annotation = replace(existing, note=note or None, updated=now())
        self.put(annotation)
        return annotation

    def clear(self, story: str, claim: str) -> bool:
        """Remove the annotation on a claim; True if there was one."""
        existing = self.get(story, claim)
        if existing is None:
            return False
        self.write([], remove=[existing.id])
        return True

    def remove(self, annotation_id: str) -> bool:
        """Remove an annotation (e.g. an orphan) by id; True if there was one."""
        if annotation_id not in self._by_id:
            return False
        self.write([], remove=[annotation_id])
        return True

    def reanchor(self, story_id: str, analysis: Analysis) -> Reanchored:
        """Re-attach a story's annotations to a new analysis of it and save the result.

        Annotations follow their quoted sentences to their claim in ``analysis``; those
        that cannot be placed are kept and flagged orphaned (see :meth:`orphans`). Nothing
        is written when nothing moved; a read-only store computes the result without saving.
        """
        result = reattach(self.all(story_id), analysis)
        if result.changed and not self.read_only:
            self.write(result.changed)
        return result

    def merge(self, annotations: Iterable[Annotation], dry_run: bool = False) -> MergeReport:
        """Merge annotations from elsewhere (an import) in one atomic write.

        An annotation already here unchanged is skipped; on a clash (same id, or the same
        claim of the same story) the one with the newer ``updated`` time wins. With
        ``dry_run`` nothing is written; the report says what would change.
        """
        report = MergeReport()
        incoming: dict[str, Annotation] = {}
        removals: list[str] = []
        for annotation in annotations:
            current = self.get_by_id(annotation.id) or incoming.get(annotation.id)
            if current is None and not annotation.orphaned:
                current = self.get(annotation.story, annotation.claim)
            if current is None:
                report.added.append(annotation)
            elif current == annotation:
                report.unchanged.append(annotation)
                continue
            elif _instant(annotation.updated) > _instant(current.updated):
                report.updated.append(annotation)
                if current.id != annotation.id:
                    removals.append(current.id)
            else:
                report.kept.append(current)
                continue
            incoming[annotation.id] = annotation
        if (incoming or removals) and not dry_run:
            # The look-up by id is done with: let it go before the write, which holds every
            # document of a large import (and its encoding) at once.
            changes, incoming = list(incoming.values()), {}
            self.write(changes, remove=removals)
        return report
