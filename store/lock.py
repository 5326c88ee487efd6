"""One writer per database file: an exclusive lock held for the lifetime of the store.

The lock is an advisory lock on ``<database>.lock``. Deleting that file would let a second
process lock a new one, so the writer checks before each save that the lock file is still
the one it holds (:meth:`WriterLock.confirm`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from store.storage import StoreError

LOCK_SUFFIX = ".lock"


def lock_path(path: Path) -> Path:
    """The lock file next to a database file."""
    return path.with_name(path.name + LOCK_SUFFIX)


@dataclass
class WriterLock:
    """The outcome of trying to become the writer: the held lock, or why not."""

    lock: FileLock | None
    reason: str = ""
    busy: bool = False
    identity: tuple[int, int] | None = field(default=None, compare=False)

    @property
    def held(self) -> bool:
        """True when this process is the writer."""
        return self.lock is not None

    def release(self) -> None:
        """Let another process become the writer."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def confirm(self) -> None:
        """Make sure this process is still the only writer before it saves.

        When the lock file was deleted or replaced, the new one is locked instead, unless
        another process holds it. Raises :class:`LockLost` (nothing may be saved) then.
        """
        if self.lock is None or _identity(Path(self.lock.lock_file)) == self.identity:
            return
        fresh = acquire_writer_lock(Path(self.lock.lock_file[: -len(LOCK_SUFFIX)]))
        if not fresh.held:
            raise LockLost(
                f"another program took over the database ({self.lock.lock_file} was "
                "replaced); reopen it to see its changes"
            )
        self.lock.release()
        self.lock, self.identity = fresh.lock, fresh.identity


class LockLost(StoreError):
    """Another process became the writer of the database (its lock file was replaced)."""


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file a path names now (None: no file)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def acquire_writer_lock(path: Path) -> WriterLock:
    """Try (without waiting) to become the only writer of a database file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return WriterLock(None, f"cannot create the folder {path.parent} ({exc.strerror or exc})")
    if not os.access(path.parent, os.W_OK):
        return WriterLock(None, f"the folder {path.parent} is not writable")
    lock = FileLock(lock_path(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return WriterLock(None, "the file is in use by another newsreader", busy=True)
    except OSError as exc:
        return WriterLock(None, f"cannot lock the file ({exc.strerror or exc})")
    return WriterLock(lock, identity=_identity(lock_path(path)))
