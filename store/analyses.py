"""The cached analyses of a database: files beside it, one per story (see
:mod:`store.analysis_files`), plus any still inside a version 3 database file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsreader.model import CachedAnalysis
from store.analysis_files import AnalysisFiles, CacheHeader, cache_folder
from store.clock import now
from store.database import Database


class Analyses:
    """The analyses cached for a database's stories.

    A read-only database, or one whose cache cannot be written, keeps nothing new (the
    analysis is simply redone next time).
    """

    def __init__(self, db: Database) -> None:
        self.files = AnalysisFiles(cache_folder(db.path), writable=not db.read_only)
        self._read_only = db.read_only
        # Analyses still inside a version 3 file: moved to their files by the writer, read
        # from memory by a read-only store. The database file loses them on its next save.
        self._legacy = self._move_legacy(db.legacy_analyses)
        if not db.read_only:
            self.files.remove_stale_temp_files()

    def _move_legacy(self, docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
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
            header = self.files.header(entry.story)
            if header is not None and (header.fingerprint, header.engine) == (
                entry.fingerprint,
                entry.engine,
            ):
                continue  # moved by an earlier open
            saved = doc.get("saved") if isinstance(doc.get("saved"), str) else now()
            if not self.files.write(entry, saved):
                left[entry.story] = doc
        return left

    def stop_saving(self) -> None:
        """Keep nothing new from now on (the database stopped saving)."""
        self._read_only = True
        self.files.writable = False

    def header(self, story_id: str) -> CacheHeader | None:
        """What is known of a story's cached analysis without reading its data."""
        header = self.files.header(story_id)
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

    def forget(self, story_id: str) -> None:
        """Drop a story's cached analysis."""
        self._legacy.pop(story_id, None)
        self.files.remove(story_id)

    def data(self, story_id: str, fingerprint: str, engine: str) -> Any | None:
        """The analysis data saved for a story's content fingerprint and engine version."""
        data = self.files.data(story_id, fingerprint, engine)
        legacy = self._legacy.get(story_id)
        if data is None and legacy is not None and legacy["fingerprint"] == fingerprint:
            return legacy["data"] if legacy["engine"] == engine else None
        return data

    def keep(self, entry: CachedAnalysis, saved: Callable[[], set[str]]) -> None:
        """Keep a story's analysis (it replaces any older one of the story).

        The files of stories not in ``saved()`` (the ids of the saved stories), of another
        engine version, or damaged are removed at the same time.
        """
        if self._read_only:
            return
        self._legacy.pop(entry.story, None)
        if self.files.write(entry, now()):
            self.files.prune(saved() | {entry.story}, entry.engine)
