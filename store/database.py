"""One database file: its writer lock, its crash-safe storage and the TinyDB tables on it.

The parts of the store (:mod:`store.annotations`, :mod:`store.stories`,
:mod:`store.analyses`, :mod:`store.ui_state`) are built on a :class:`Database` and use only
its public methods; none reads another part's state.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB

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
from store.table import FastTable


def _empty_tables() -> dict[str, dict[str, Any]]:
    return {
        META: {META_DOC_ID: {"schema": SCHEMA_VERSION}},
        STORIES: {},
        ANNOTATIONS: {},
    }


class Database:
    """A newsreader database file, opened as its writer when it is free.

    Args:
        path: the database file (created on the first write).
        read_only: None (default) to become the writer when the file is free and open
            read-only otherwise; True to never write; False to require being the writer.

    Attributes:
        read_only: True when this database refuses writes.
        read_only_reason: why it is read-only ("" for the writer).
        schema_found: the schema version the file had on disk (0 for a new file).
        legacy_analyses: cached analyses still inside a version 3 file (the analyses part
            moves them to their files).

    Raises:
        StoreError: the file is not a valid newsreader database, or ``read_only=False`` and
            the file is in use.
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
        self.legacy_analyses = legacy_analyses(raw or {})
        if self._lock.held:
            remove_stale_temp_files(self.path.parent, self.path.name)
        self.storage = SafeJSONStorage(
            self.path,
            read_only=self.read_only,
            reason=self.read_only_reason,
            data=data,
            before_save=self._lock.confirm,
        )
        self._db = TinyDB(storage=lambda: self.storage)
        self._db.table_class = FastTable

    def table(self, name: str) -> FastTable:
        """A table of the database (read through to the storage: no query cache)."""
        return cast(FastTable, self._db.table(name, cache_size=0))

    def raw_table(self, name: str) -> dict[str, Any]:
        """A table's documents by id as stored (faster than building TinyDB Documents)."""
        return self.storage.read().get(name) or {}

    @contextmanager
    def changing(self, table: str, doc_ids: Iterable[str | int]) -> Iterator[None]:
        """Name the documents of a table that the writes inside change (see the storage)."""
        with self.storage.changing(table, doc_ids):
            yield

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Group the writes inside into one atomic write at the end of the block."""
        with self.storage.deferred():
            yield

    def stop_saving(self, reason: str) -> None:
        """Refuse every write from now on (a save failed: a full disk), and give up the
        writer lock; ``reason`` says why (shown as the read-only reason)."""
        self.read_only, self.read_only_reason = True, reason
        self.storage.read_only, self.storage.reason = True, reason
        self._lock.release()

    def close(self) -> None:
        """Close the database and give up the writer lock."""
        self._db.close()
        self._lock.release()
