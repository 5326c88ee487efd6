"""Story snapshots: every article's cleaned text, metadata and sentence offsets, kept in the
database so a story reopens even if its files moved or changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tinydb import Query

from newsreader.library.story_data import story_from_record, story_to_record
from newsreader.model import Story
from store.analyses import Analyses
from store.annotations import Annotations
from store.clock import now
from store.database import Database
from store.schema import STORIES


@dataclass(frozen=True)
class StoryInfo:
    """A saved story as listed (without its texts)."""

    id: str
    title: str
    articles: int
    saved: str
    annotations: int = 0
    claims: int | None = None
    conflicts: int | None = None
    opened: str | None = None


def story_to_doc(story: Story, saved: str) -> dict[str, Any]:
    """A stored document for a story: its record (see story_data) and when it was saved."""
    record = story_to_record(story)
    return {"id": record["id"], "title": record["title"], "saved": saved, **record}


def story_from_doc(doc: dict[str, Any]) -> Story:
    """Rebuild a Story from its stored document (sentence texts are sliced from the text)."""
    return story_from_record(doc)


def story_info(
    doc: dict[str, Any], annotations: int = 0, counts: dict[str, Any] | None = None
) -> StoryInfo:
    """The listing entry of a stored story (annotations; claims and conflicts when known)."""
    counts = counts or {}
    opened = doc.get("opened")
    return StoryInfo(
        id=doc["id"],
        title=doc["title"],
        articles=len(doc["articles"]),
        saved=doc["saved"],
        annotations=annotations,
        claims=_count(counts.get("claims")),
        conflicts=_count(counts.get("conflicts")),
        opened=opened if isinstance(opened, str) else None,
    )


def unsaved_story_info(
    story: Story, annotations: int = 0, counts: dict[str, Any] | None = None
) -> StoryInfo:
    """The listing entry of a story that is always offered but not saved yet (the demo)."""
    counts = counts or {}
    return StoryInfo(
        id=story.id,
        title=story.title,
        articles=len(story.articles),
        saved="",
        annotations=annotations,
        claims=_count(counts.get("claims")),
        conflicts=_count(counts.get("conflicts")),
    )


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class Stories:
    """The saved stories of a database, listed with their annotations and cached analyses.

    Args:
        db: the database.
        annotations: its annotations (counted in listings, removed with a story if asked).
        analyses: its cached analyses (dropped when a story's snapshot changes).
    """

    def __init__(self, db: Database, annotations: Annotations, analyses: Analyses) -> None:
        self._db = db
        self._stories = db.table(STORIES)
        self._annotations = annotations
        self._analyses = analyses

    def ids(self) -> set[str]:
        """The ids of the saved stories."""
        return {str(doc["id"]) for doc in self._stories.all()}

    def save(self, story: Story) -> bool:
        """Save (or refresh) a story's snapshot; False when it was unchanged.

        A changed snapshot drops the story's cached analysis.
        """
        doc = story_to_doc(story, now())
        found = self._stories.get(Query().id == story.id)
        if found is not None:
            if "opened" in found:
                doc["opened"] = found["opened"]
            if {**found, "saved": doc["saved"]} == doc:
                return False
        with self._db.changing(STORIES, [found.doc_id] if found else []):
            if found is None:
                self._stories.insert(doc)
            else:
                self._stories.update(doc, doc_ids=[found.doc_id])
        self._analyses.forget(story.id)
        return True

    def mark_opened(self, story_id: str) -> bool:
        """Record that a saved story was opened just now; False when it is not saved."""
        found = self._stories.get(Query().id == story_id)
        if found is None:
            return False
        with self._db.changing(STORIES, [found.doc_id]):
            self._stories.update({"opened": now()}, doc_ids=[found.doc_id])
        return True

    def load(self, story_id: str) -> Story:
        """The saved snapshot of a story.

        Raises:
            KeyError: no story with this id is saved.
        """
        doc = self._stories.get(Query().id == story_id)
        if doc is None:
            raise KeyError(story_id)
        return story_from_doc(doc)

    def listing(self, always: Iterable[Story] = (), engine: str | None = None) -> list[StoryInfo]:
        """Saved stories, most recently opened (or saved) first, with their counts.

        Then the ``always`` stories not saved, then stories known only by their annotations
        (imported, or saved before stories were kept): no articles and an empty title.

        Args:
            always: stories listed even when not saved (the demo), after the saved ones.
            engine: count claims and conflicts only from analyses by this engine version
                (None: from any cached analysis).
        """
        counts, every = self._annotations.counts()

        def analysed(story_id: str) -> dict[str, Any] | None:
            header = self._analyses.header(story_id)
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

    def delete(self, story_id: str, annotations: bool = False) -> bool:
        """Delete a story's snapshot and cached analysis (and, if asked, its annotations).

        Returns True if the story was saved. The database changes in one atomic write; the
        cache file goes after it.
        """
        found = self._stories.get(Query().id == story_id)
        doomed = [a.id for a in self._annotations.all(story_id)] if annotations else []
        if found is not None or doomed:
            with self._db.deferred():
                if found is not None:
                    self._stories.remove(doc_ids=[found.doc_id])
                if doomed:
                    self._annotations.write([], remove=doomed)
        self._analyses.forget(story_id)
        return found is not None
