"""The newsreader store: one database file and its parts, as the one object the app and the
command line hold.

The parts are built on one :class:`store.database.Database` (the file, its lock, its
atomic storage): :class:`store.annotations.Annotations` (verdicts and notes),
:class:`store.stories.Stories` (story snapshots), :class:`store.analyses.Analyses` (cached
analyses, in files beside the database, so a verdict save never rewrites them) and
:class:`store.ui_state.UiState` (the reader's last position).

One process at a time is the writer of a database file: it holds a lock for as long as the
store is open. Another process opening the same file gets a read-only store
(``store.read_only`` is True and ``store.read_only_reason`` says why); its writes raise
:class:`StoreError` and change nothing. Every write is on disk (atomically, with a backup of
the previous copy) when the call returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsreader.annotations.anchors import Reanchored
from newsreader.model import Analysis, Annotation, CachedAnalysis, Story, Target, Verdict
from store.analyses import Analyses
from store.annotations import Annotations, MergeReport
from store.database import Database
from store.storage import CannotSave
from store.stories import Stories, StoryInfo
from store.ui_state import UiState

Targets = tuple[Target, ...]


class AnnotationStore:
    """Reads and writes annotations, stories, cached analyses and UI state of one database.

    Args:
        path: the database file (created on the first write).
        read_only: None (default) to become the writer when the file is free and open
            read-only otherwise; True to never write; False to require being the writer
            (raises :class:`StoreError` when another process holds the file).

    Attributes:
        database: the file, its lock and storage.
        annotations, stories, analyses, ui_state: the parts built on it.
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
        self.database = Database(path, read_only)
        self.path = self.database.path
        self.read_only = self.database.read_only
        self.read_only_reason = self.database.read_only_reason
        self.schema_found = self.database.schema_found
        self.analyses = Analyses(self.database)
        self.analysis_files = self.analyses.files
        self.annotations = Annotations(self.database)
        self.stories = Stories(self.database, self.annotations, self.analyses)
        self.ui_state = UiState(self.database)

    def stop_saving(self, error: Exception) -> None:
        """Go on read-only after a save failed (a full disk): reading goes on, nothing more
        is written, and ``read_only_reason`` says why (from ``error``)."""
        why = f"cannot save, {error.why}" if isinstance(error, CannotSave) else str(error)
        self.database.stop_saving(why)
        self.read_only, self.read_only_reason = True, why
        self.annotations.read_only = True
        self.analyses.stop_saving()

    def close(self) -> None:
        """Close the database and give up the writer lock."""
        self.database.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Annotations (see store.annotations) -------------------------------------------------

    def get(self, story: str, claim: str) -> Annotation | None:
        """The (attached) annotation on a claim of a story, if any."""
        return self.annotations.get(story, claim)

    def get_by_id(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, attached or orphaned."""
        return self.annotations.get_by_id(annotation_id)

    def all(self, story: str | None = None) -> list[Annotation]:
        """All annotations (orphans included), or those of one story, oldest first."""
        return self.annotations.all(story)

    def attached(self, story: str | None = None) -> list[Annotation]:
        """Annotations placed on a claim of the current analysis (orphans left out)."""
        return self.annotations.attached(story)

    def orphans(self, story: str | None = None) -> list[Annotation]:
        """Annotations whose sentences a new analysis of their story no longer has."""
        return self.annotations.orphans(story)

    def put(self, annotation: Annotation) -> None:
        """Insert or replace an annotation (matched by id)."""
        self.annotations.put(annotation)

    def set_verdict(
        self, story: str, claim: str, verdict: Verdict, targets: Targets, note: str | None = None
    ) -> Annotation:
        """Record a verdict on a claim (keeping an existing note unless one is given)."""
        return self.annotations.set_verdict(story, claim, verdict, targets, note)

    def set_note(self, story: str, claim: str, note: str | None) -> Annotation | None:
        """Set (or with None/"" remove) the note of a claim's annotation."""
        return self.annotations.set_note(story, claim, note)

    def clear(self, story: str, claim: str) -> bool:
        """Remove the annotation on a claim; True if there was one."""
        return self.annotations.clear(story, claim)

    def remove(self, annotation_id: str) -> bool:
        """Remove an annotation (e.g. an orphan) by id; True if there was one."""
        return self.annotations.remove(annotation_id)

    def reanchor(self, story_id: str, analysis: Analysis) -> Reanchored:
        """Re-attach a story's annotations to a new analysis of it and save the result."""
        return self.annotations.reanchor(story_id, analysis)

    def merge(self, annotations: Iterable[Annotation], dry_run: bool = False) -> MergeReport:
        """Merge annotations from elsewhere (an import) in one atomic write."""
        return self.annotations.merge(annotations, dry_run)

    # Stories (see store.stories) ---------------------------------------------------------

    def save_story(self, story: Story) -> bool:
        """Save (or refresh) a snapshot of a story's articles; False when it was unchanged."""
        return self.stories.save(story)

    def mark_opened(self, story_id: str) -> bool:
        """Record that a saved story was opened just now; False when it is not saved."""
        return self.stories.mark_opened(story_id)

    def load_story(self, story_id: str) -> Story:
        """The saved snapshot of a story (KeyError when there is none)."""
        return self.stories.load(story_id)

    def list_stories(
        self, always: Iterable[Story] = (), engine: str | None = None
    ) -> list[StoryInfo]:
        """Saved stories, most recently opened first, then ``always``, then annotation-only."""
        return self.stories.listing(always, engine)

    def delete_story(self, story_id: str, annotations: bool = False) -> bool:
        """Delete a story's snapshot and cached analysis (and, if asked, its annotations)."""
        return self.stories.delete(story_id, annotations)

    # Analysis cache (see store.analyses) -------------------------------------------------

    def cached_analysis(self, story_id: str, fingerprint: str, engine: str) -> Any | None:
        """The analysis data saved for a story's content fingerprint and engine version."""
        return self.analyses.data(story_id, fingerprint, engine)

    def cache_analysis(self, entry: CachedAnalysis) -> None:
        """Keep a story's analysis (one entry per story: it replaces any older one)."""
        self.analyses.keep(entry, saved=self.stories.ids)
