"""A TinyDB storage that validates the file and replaces it atomically on every write."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from newsreader.errors import UserError


class StoreError(UserError):
    """The database file cannot be used (not a newsreader database, unreadable, unwritable)."""


def read_database(path: Path) -> dict[str, Any] | None:
    """Read and validate a database file; None when it does not exist yet."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read database ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StoreError(f"{path}: not a newsreader database (not valid JSON)") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise StoreError(f"{path}: not a newsreader database (unexpected JSON shape)")
    return data


class AtomicJSONStorage(Storage):
    """Read once; on write, write a temp file, fsync it and rename it over the database."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._data = read_database(self.path)

    def read(self) -> dict[str, Any] | None:
        """Return the whole database (None when empty)."""
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Persist the whole database atomically."""
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".newsreader-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot save ({exc.strerror or exc})") from None
        self._data = data

    def close(self) -> None:
        """Nothing to release: every write is already on disk."""
