"""One writer per database file: an exclusive lock held for the lifetime of the store."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

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

    @property
    def held(self) -> bool:
        """True when this process is the writer."""
        return self.lock is not None

    def release(self) -> None:
        """Let another process become the writer."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None


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
    return WriterLock(lock)
