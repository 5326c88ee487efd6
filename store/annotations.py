"""The newsreader database: annotations (verdicts and notes on claims) and story snapshots.

Cached analyses are not in the database file: they live in files beside it
(:mod:`store.analysis_files`), so a verdict save never rewrites them.

One process at a time is the writer of a database file: it holds a lock for as long as the
store is open. Another process opening the same file gets a read-only store
(``store.read_only`` is True and ``store.read_only_reason`` says why); its writes raise
:class:`StoreError` and change nothing. Every write is on disk (atomically, with a backup of
the previous copy) when the call returns.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Document

from newsreader.annotations.anchors import Reanchored, reattach
from newsreader.model import Analysis, Annotation, CachedAnalysis, Story, Target, Verdict
from store.analysis_files import AnalysisFiles, CacheHeader, cache_folder
from store.lock import WriterLock, acquire_writer_lock
from store.schema import (
    ANNOTATIONS,
    META,
    META_DOC_ID,
    SCHEMA_VERSION,
    STORIES,
    check_and_migrate,
    legacy_analyses,
)
from store.storage import (
    SafeJSONStorage,
    StoreError,
    follow_link,
    read_database,
    remove_stale_temp_files,
)
from store.stories import (
    StoryInfo,
    story_from_doc,
    story_info,
    story_to_doc,
    unsaved_story_info,
)
from store.table import FastTable

TABLE = ANNOTATIONS


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


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
    """A stored document for an Annotation."""
    doc = asdict(annotation)
    doc["status"] = annotation.status.value
    return doc


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


def _empty_tables() -> dict[str, dict[str, Any]]:
    return {
        META: {META_DOC_ID: {"schema": SCHEMA_VERSION}},
        STORIES: {},
        ANNOTATIONS: {},
    }


class AnnotationStore:
    """Reads and writes annotations and stories; every change is on disk when the call returns.

    Args:
        path: the database file (created on the first write).
        read_only: None (default) to become the writer when the file is free and open
            read-only otherwise; True to never write; False to require being the writer
            (raises :class:`StoreError` when another process holds the file).

    Attributes:
        read_only: True when this store refuses writes (show a notice, disable editing).
        read_only_reason: why it is read-only ("" for the writer).
        schema_found: the schema version the file had on disk (0 for a new file).
        analysis_files: the cached analyses kept beside the database file.

    Raises:
        StoreError: the file is not a valid newsreader database (one line naming the file
            and its backup), or ``read_only=False`` and the file is in use.

    For a reader UI: paint ``attached(story)``; tag with ``set_verdict``, ``set_note`` and
    ``clear``; when ``read_only`` is True show ``read_only_reason`` and disable editing.
    Every write raises :class:`StoreError` (a one-line, user-facing message) when it could
    not be saved; the store is then unchanged, on disk and in memory.
    """

    def __init__(self, path: str | Path, read_only: bool | None = None) -> None:
        self.path = follow_link(Path(path))
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file")
        self._lock = WriterLock(None, "opened read-only")
        if read_only is not True:
            self._lock = acquire_writer_lock(self.path)
            if not self._lock.held and read_only is False:
                advice = "; close the other newsreader first" if self._lock.busy else ""
                raise StoreError(f"{self.path}: cannot write, {self._lock.reason}{advice}")
        try:
            raw = read_database(self.path)
            data, self.schema_found = (
                check_and_migrate(self.path, raw) if raw is not None else (_empty_tables(), 0)
            )
        except BaseException:
            self._lock.release()
            raise
        self.read_only = not self._lock.held
        self.read_only_reason = self._lock.reason
        self.analysis_files = AnalysisFiles(cache_folder(self.path), writable=self._lock.held)
        # Analyses still inside a version 3 file: moved to their files by the writer, read
        # from memory by a read-only store. The database file loses them on its next save.
        self._legacy = self._move_legacy_analyses(legacy_analyses(raw or {}))
        if self._lock.held:
            remove_stale_temp_files(self.path.parent, self.path.name)
            self.analysis_files.remove_stale_temp_files()
        self._storage = SafeJSONStorage(
            self.path,
            read_only=self.read_only,
            reason=self.read_only_reason,
            data=data,
            before_save=self._lock.confirm,
        )
        self._db = TinyDB(storage=lambda: self._storage)
        self._db.table_class = FastTable
        self._table = self._db.table(ANNOTATIONS, cache_size=0)
        self._stories = self._db.table(STORIES, cache_size=0)
        self._rebuild_index()

    def _rebuild_index(self) -> None:
        self._by_claim: dict[tuple[str, str], int] = {}
        self._by_id: dict[str, int] = {}
        self._key_of: dict[int, tuple[str, str]] = {}
        self._last_doc_id = 0
        # The raw table: building TinyDB Documents for every annotation costs more than this.
        for key, doc in (self._storage.read().get(ANNOTATIONS) or {}).items():
            doc_id = int(key)
            self._index(doc_id, doc)
            self._last_doc_id = max(self._last_doc_id, doc_id)

    def _index(self, doc_id: int, doc: dict[str, Any]) -> None:
        self._unindex(doc_id)
        self._by_id[doc["id"]] = doc_id
        if not doc.get("orphaned"):
            key = (doc["story"], doc["claim"])
            self._by_claim[key] = doc_id
            self._key_of[doc_id] = key

    def _unindex(self, doc_id: int, annotation_id: str | None = None) -> None:
        if annotation_id is not None:
            self._by_id.pop(annotation_id, None)
        key = self._key_of.pop(doc_id, None)
        if key is not None and self._by_claim.get(key) == doc_id:
            del self._by_claim[key]

    def close(self) -> None:
        """Close the database and give up the writer lock."""
        self._db.close()
        self._lock.release()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Annotations -------------------------------------------------------------------------

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
        self._write([annotation])

    def _write(self, annotations: Iterable[Annotation], remove: Iterable[str] = ()) -> None:
        """Insert, replace and remove annotations in one atomic write."""
        removals = {i: self._by_id[i] for i in remove if i in self._by_id}
        written: list[tuple[int, dict[str, Any]]] = []
        for annotation in annotations:
            doc_id = self._by_id.get(annotation.id)
            if doc_id is None:
                self._last_doc_id += 1
                doc_id = self._last_doc_id
            written.append((doc_id, annotation_to_doc(annotation)))
        touched = [*removals.values(), *(doc_id for doc_id, _ in written)]
        with self._storage.changing(ANNOTATIONS, touched), self._storage.deferred():
            if removals:
                self._table.remove(doc_ids=list(removals.values()))
            for doc_id, doc in written:
                if doc["id"] in self._by_id:
                    self._table.update(doc, doc_ids=[doc_id])
                else:
                    self._table.insert(Document(doc, doc_id=doc_id))
        # The write succeeded: only now bring the look-up tables up to date.
        for annotation_id, doc_id in removals.items():
            self._unindex(doc_id, annotation_id)
        for doc_id, doc in written:
            self._index(doc_id, doc)

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
        now = _now()
        existing = self.get(story, claim)
        if existing is None:
            annotation = Annotation(
                id=str(uuid.uuid4()),
                story=story,
                claim=claim,
                status=verdict,
                note=note or None,
                created=now,
                updated=now,
                targets=targets,
            )
        else:
            annotation = replace(
                existing,
                status=verdict,
                note=existing.note if note is None else (note or None),
                updated=now,
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
        annotation = replace(existing, note=note or None, updated=_now())
        self.put(annotation)
        return annotation

    def clear(self, story: str, claim: str) -> bool:
        """Remove the annotation on a claim; True if there was one."""
        existing = self.get(story, claim)
        if existing is None:
            return False
        self._write([], remove=[existing.id])
        return True

    def remove(self, annotation_id: str) -> bool:
        """Remove an annotation (e.g. an orphan) by id; True if there was one."""
        if annotation_id not in self._by_id:
            return False
        self._write([], remove=[annotation_id])
        return True

    def reanchor(self, story_id: str, analysis: Analysis) -> Reanchored:
        """Re-attach a story's annotations to a new analysis of it and save the result.

        Annotations follow their quoted sentences to their claim in ``analysis``; those
        that cannot be placed are kept and flagged orphaned (see :meth:`orphans`). Nothing
        is written when nothing moved; a read-only store computes the result without saving.
        """
        result = reattach(self.all(story_id), analysis)
        if result.changed and not self.read_only:
            self._write(result.changed)
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
            self._write(incoming.values(), remove=removals)
        return report

    # Stories -----------------------------------------------------------------------------

    def save_story(self, story: Story) -> bool:
        """Save (or refresh) a snapshot of a story's articles; False when it was unchanged.

        The snapshot holds every article's cleaned text, metadata and sentence offsets, so
        :meth:`load_story` can reopen the story even if its files moved or changed. A changed
        snapshot drops the story's cached analysis.
        """
        doc = story_to_doc(story, _now())
        found = self._stories.get(Query().id == story.id)
        if found is not None:
            if "opened" in found:
                doc["opened"] = found["opened"]
            if {**found, "saved": doc["saved"]} == doc:
                return False
        with self._storage.changing(STORIES, [found.doc_id] if found else []):
            if found is None:
                self._stories.insert(doc)
            else:
                self._stories.update(doc, doc_ids=[found.doc_id])
        self._forget_analysis(story.id)
        return True

    def mark_opened(self, story_id: str) -> bool:
        """Record that a saved story was opened just now; False when it is not saved."""
        found = self._stories.get(Query().id == story_id)
        if found is None:
            return False
        with self._storage.changing(STORIES, [found.doc_id]):
            self._stories.update({"opened": _now()}, doc_ids=[found.doc_id])
        return True

    def load_story(self, story_id: str) -> Story:
        """The saved snapshot of a story.

        Raises:
            KeyError: no story with this id is saved.
        """
        doc = self._stories.get(Query().id == story_id)
        if doc is None:
            raise KeyError(story_id)
        return story_from_doc(doc)

    def list_stories(
        self, always: Iterable[Story] = (), engine: str | None = None
    ) -> list[StoryInfo]:
        """Saved stories, most recently opened (or saved) first, with their counts.

        Then the ``always`` stories not saved, then stories known only by their annotations
        (imported, or saved before stories were kept): no articles and an empty title.

        Args:
            always: stories listed even when not saved (the demo), after the saved ones.
            engine: count claims and conflicts only from analyses by this engine version
                (None: from any cached analysis).
        """
        counts: dict[str, int] = {}
        every: dict[str, int] = {}
        for doc in self._table.all():
            every[doc["story"]] = every.get(doc["story"], 0) + 1
            if not doc.get("orphaned"):
                counts[doc["story"]] = counts.get(doc["story"], 0) + 1

        def analysed(story_id: str) -> dict[str, Any] | None:
            header = self._cache_header(story_id)
            if header is None or (engine is not None and header.engine != engine):
                return None
            return header.counts()

        infos = [
            story_info(doc, counts.get(doc["id"], 0), analysed(doc["id"]))
            for doc in self._stories.all()
        ]
        infos.sort(key=lambda s: s.opened or s.saved, reverse=True)
        listed = {info.id for info in infos}
        for story in always:
            if story.id not in listed:
                infos.append(unsaved_story_info(story, counts.get(story.id, 0), analysed(story.id)))
                listed.add(story.id)
        for story_id in sorted(every.keys() - listed):
            infos.append(StoryInfo(story_id, "", 0, "", annotations=every[story_id]))
        return infos

    def delete_story(self, story_id: str, annotations: bool = False) -> bool:
        """Delete a story's snapshot and cached analysis (and, if asked, its annotations).

        Returns True if the story was saved. The database changes in one atomic write; the
        cache file goes after it.
        """
        found = self._stories.get(Query().id == story_id)
        doomed = [a.id for a in self.all(story_id)] if annotations else []
        if found is not None or doomed:
            with self._storage.deferred():
                if found is not None:
                    self._stories.remove(doc_ids=[found.doc_id])
                if doomed:
                    self._write([], remove=doomed)
        self._forget_analysis(story_id)
        return found is not None

    # Analysis cache ----------------------------------------------------------------------

    def _move_legacy_analyses(self, docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """Write a version 3 file's cached analyses to their files (the writer); what is
        left to serve from memory (a read-only store, or an entry that could not be written)."""
        left: dict[str, dict[str, Any]] = {}
        for doc in docs:
            entry = CachedAnalysis(
                story=doc["story"],
                fingerprint=doc["fingerprint"],
                engine=doc["engine"],
                data=doc["data"],
                claims=doc.get("claims"),  # type: ignore[arg-type]
                conflicts=doc.get("conflicts"),  # type: ignore[arg-type]
            )
            header = self.analysis_files.header(entry.story)
            if header is not None and (header.fingerprint, header.engine) == (
                entry.fingerprint,
                entry.engine,
            ):
                continue  # moved by an earlier open
            saved = doc.get("saved") if isinstance(doc.get("saved"), str) else _now()
            if not self.analysis_files.write(entry, saved):
                left[entry.story] = doc
        return left

    def _cache_header(self, story_id: str) -> CacheHeader | None:
        header = self.analysis_files.header(story_id)
        legacy = self._legacy.get(story_id)
        if header is None and legacy is not None:
            header = CacheHeader(
                story=story_id,
                fingerprint=legacy["fingerprint"],
                engine=legacy["engine"],
                claims=legacy.get("claims"),
                conflicts=legacy.get("conflicts"),
                saved=str(legacy.get("saved", "")),
            )
        return header

    def _forget_analysis(self, story_id: str) -> None:
        self._legacy.pop(story_id, None)
        self.analysis_files.remove(story_id)

    def cached_analysis(self, story_id: str, fingerprint: str, engine: str) -> Any | None:
        """The analysis data saved for a story's content fingerprint and engine version."""
        data = self.analysis_files.data(story_id, fingerprint, engine)
        legacy = self._legacy.get(story_id)
        if data is None and legacy is not None and legacy["fingerprint"] == fingerprint:
            return legacy["data"] if legacy["engine"] == engine else None
        return data

    def cache_analysis(self, entry: CachedAnalysis) -> None:
        """Keep a story's analysis (one entry per story: it replaces any older one).

        The entry goes to the story's cache file beside the database; the files of stories
        no longer saved, of another engine version, or damaged are removed at the same
        time. A read-only store, or one whose cache cannot be written, keeps nothing (the
        analysis is simply redone next time).
        """
        if self.read_only:
            return
        self._legacy.pop(entry.story, None)
        if self.analysis_files.write(entry, _now()):
            saved = {str(doc["id"]) for doc in self._stories.all()}
            self.analysis_files.prune(saved | {entry.story}, entry.engine)
