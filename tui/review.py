"""The reviewing session: verdicts and notes of one story, written through to the store.

Verdicts and notes flow one way: a screen asks the session to save one; the session writes
it and tells every screen (:class:`AnnotationSaved` or :class:`AnnotationFailed`), and each
screen shows it from the message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.message import Message

from newsreader.annotations.anchors import targets_for_claim
from newsreader.annotations.export import export_json
from newsreader.model import Analysis, Annotation, Verdict, is_plain_id
from store import AnnotationStore, StoreError
from store.storage import path_inside
from tui.messages import AnnotationFailed, AnnotationSaved

Tell = Callable[[Message], None]


def verdict_of(annotation: Annotation | None) -> str | None:
    """The verdict an annotation records ("verified" / "disputed"), None for a note alone."""
    return annotation.status.value if annotation is not None and annotation.has_verdict else None


class SaveFailed(Exception):
    """A verdict, note or export could not be written; the message says why."""


class ReadOnlyStore(SaveFailed):
    """The database is open read-only (another instance holds it)."""


class ReviewSession:
    """Keeps the story's annotations in memory and saves every change at once.

    Args:
        analysis: the story's analysis.
        store: where annotations are saved.
        tell: called with a message after every save, and after every failed one.
    """

    def __init__(
        self, analysis: Analysis, store: AnnotationStore, tell: Tell | None = None
    ) -> None:
        self.analysis = analysis
        self.store = store
        self._tell: Tell = tell or (lambda message: None)
        self.annotations: dict[str, Annotation] = {
            a.claim: a for a in store.all(story=analysis.story.id)
        }
        self._reviewed = {c for c, a in self.annotations.items() if a.has_verdict}

    @property
    def read_only(self) -> bool:
        """Whether the store refuses writes."""
        return bool(getattr(self.store, "read_only", False))

    @property
    def reviewed(self) -> set[str]:
        """Ids of the claims that carry a verdict (a note alone does not count)."""
        return self._reviewed

    def _remember(self, claim_id: str, annotation: Annotation | None) -> None:
        if annotation is None:
            self.annotations.pop(claim_id, None)
        else:
            self.annotations[claim_id] = annotation
        if annotation is not None and annotation.has_verdict:
            self._reviewed.add(claim_id)
        else:
            self._reviewed.discard(claim_id)

    def annotation(self, claim_id: str) -> Annotation | None:
        """The annotation on a claim, if any."""
        return self.annotations.get(claim_id)

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStore(f"{self.store.path} is open read-only: changes are not saved")

    def tag(self, claim_id: str, verdict: Verdict | None) -> Annotation | None:
        """Save a verdict on a claim (None clears it) and tell the screens; raises SaveFailed."""
        existing = self.annotations.get(claim_id)
        if verdict is None:
            if existing is None or not existing.note:
                return self._told(claim_id, lambda: self._drop(claim_id))
            verdict = Verdict.UNREVIEWED  # clearing the verdict keeps the note
        chosen = verdict
        return self._told(claim_id, lambda: self._save(claim_id, chosen))

    def note(self, claim_id: str, text: str) -> Annotation | None:
        """Save (or with empty text remove) a claim's note and tell the screens; raises
        SaveFailed.

        A note on a claim without a verdict is kept as an ``unreviewed`` annotation;
        removing it drops that annotation.
        """
        existing = self.annotations.get(claim_id)
        text = text.strip()
        if not text and (existing is None or not existing.has_verdict):
            return self._told(claim_id, lambda: self._drop(claim_id))
        verdict = existing.status if existing else Verdict.UNREVIEWED
        return self._told(claim_id, lambda: self._save(claim_id, verdict, text))

    def _told(self, claim_id: str, write: Callable[[], Annotation | None]) -> Annotation | None:
        """Run a write and tell the screens what came of it; raises SaveFailed."""
        try:
            self._check_writable()
            annotation = write()
        except SaveFailed as exc:
            self._tell(AnnotationFailed(claim_id, str(exc)))
            raise
        note = annotation.note if annotation is not None else None
        self._tell(AnnotationSaved(claim_id, verdict_of(annotation), note))
        return annotation

    def _save(self, claim_id: str, verdict: Verdict, note: str | None = None) -> Annotation:
        """Write a claim's annotation (None keeps the note as it is)."""
        claim = self.analysis.claim_index[claim_id]
        try:
            annotation = self.store.set_verdict(
                self.analysis.story.id,
                claim_id,
                verdict,
                targets_for_claim(self.analysis, claim),
                note=note,
            )
        except Exception as exc:  # any failure to write must reach the user
            raise SaveFailed(str(exc) or type(exc).__name__) from exc
        self._remember(claim_id, annotation)
        return annotation

    def _drop(self, claim_id: str) -> None:
        if claim_id not in self.annotations:
            return
        try:
            self.store.clear(self.analysis.story.id, claim_id)
        except Exception as exc:  # any failure to write must reach the user
            raise SaveFailed(str(exc) or type(exc).__name__) from exc
        self._remember(claim_id, None)

    def export(self, now: datetime | None = None) -> Path:
        """Write the story's annotations as JSON next to the database; returns the path."""
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        story_id = self.analysis.story.id
        # An id saved before ids were checked may hold anything: it never names the file then.
        label = story_id if is_plain_id(story_id) else "story"
        name = f"newsreader-export-{label}-{stamp}.json"
        try:
            path = path_inside(self.store.path.parent, name)
        except StoreError as exc:
            raise SaveFailed(str(exc)) from exc
        annotations = sorted(self.annotations.values(), key=lambda a: (a.created, a.id))
        document = export_json(annotations, now=now)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            raise SaveFailed(f"{path}: cannot write ({exc.strerror or exc})") from exc
        return path
