"""Cached analyses kept beside the database: one file per story, never user data.

The folder ``<database>.cache`` next to the database file holds one file per story. A file
is two lines of JSON: a header (the story id, the content fingerprint and engine the analysis
is valid for, its claim and conflict counts, when it was saved), then the packed analysis.
Listing stories reads the headers only.

The folder is safe to delete: a missing, damaged, foreign or special file (a named pipe) is
a cache miss (the story is analysed again), never an error. Files are replaced atomically
(``write_atomically``), and only by the process that holds the database's writer lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from newsreader.errors import UserError
from newsreader.ingest.files import MIB, open_file, read_file
from newsreader.model import CachedAnalysis
from store.storage import TEMP_PREFIX, path_inside, remove_stale_temp_files, write_atomically

CACHE_SUFFIX = ".cache"
FORMAT = 1
# A header is a few hundred bytes; a longer first line is not one of ours.
HEADER_LIMIT = 64 * 1024
# The analysis of the largest story (many articles of up to 10 MB) stays well below this.
MAX_CACHE_BYTES = 256 * MIB
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_TEXT_KEYS = ("story", "fingerprint", "engine")


def cache_folder(db_path: Path) -> Path:
    """The folder holding the cached analyses of a database file."""
    return db_path.with_name(db_path.name + CACHE_SUFFIX)


def file_name(story_id: str) -> str:
    """The cache file of a story: a readable prefix and a hash of the exact id."""
    digest = hashlib.sha256(story_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    prefix = _UNSAFE.sub("-", story_id).strip("-")[:48]
    return f"{prefix}-{digest}.json" if prefix else f"{digest}.json"


@dataclass(frozen=True)
class CacheHeader:
    """What a cache file says about itself (its first line)."""

    story: str
    fingerprint: str
    engine: str
    claims: int | None
    conflicts: int | None
    saved: str

    def counts(self) -> dict[str, Any]:
        """The claim and conflict counts, as a story listing reads them."""
        return {"claims": self.claims, "conflicts": self.conflicts}


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_header(line: bytes) -> CacheHeader | None:
    """The header of a cache file from its first line; None when it is not a valid one."""
    try:
        doc = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return None
    if not all(isinstance(doc.get(key), str) for key in _TEXT_KEYS):
        return None
    saved = doc.get("saved")
    return CacheHeader(
        story=doc["story"],
        fingerprint=doc["fingerprint"],
        engine=doc["engine"],
        claims=_count(doc.get("claims")),
        conflicts=_count(doc.get("conflicts")),
        saved=saved if isinstance(saved, str) else "",
    )


def encode_entry(entry: CachedAnalysis, saved: str) -> list[bytes]:
    """The contents of a cache file for an entry: the header line, then the data."""
    header = {
        "format": FORMAT,
        "story": entry.story,
        "fingerprint": entry.fingerprint,
        "engine": entry.engine,
        "claims": entry.claims,
        "conflicts": entry.conflicts,
        "saved": saved,
    }
    # orjson escapes newlines inside strings: the first newline ends the header.
    return [orjson.dumps(header), b"\n", orjson.dumps(entry.data), b"\n"]


class AnalysisFiles:
    """The cache folder of one database: read by any process, written only by its writer.

    Args:
        folder: the cache folder (created on the first write).
        writable: this process holds the database's writer lock.
    """

    def __init__(self, folder: Path, writable: bool) -> None:
        self.folder = folder
        self.writable = writable

    def path_of(self, story_id: str) -> Path:
        """The file that holds (or would hold) a story's cached analysis."""
        return path_inside(self.folder, file_name(story_id))

    def header(self, story_id: str) -> CacheHeader | None:
        """The header of a story's cache file, when it has a valid one for this story."""
        header = read_header(self.path_of(story_id))
        return header if header is not None and header.story == story_id else None

    def data(self, story_id: str, fingerprint: str, engine: str) -> Any | None:
        """The analysis data cached for a story's fingerprint and engine, if any."""
        try:
            raw = read_file(self.path_of(story_id), MAX_CACHE_BYTES)
        except (OSError, UserError):
            # A missing, special (a named pipe) or oversized file is a cache miss.
            return None
        line, _, body = raw.partition(b"\n")
        header = parse_header(line)
        if header is None or (header.story, header.fingerprint, header.engine) != (
            story_id,
            fingerprint,
            engine,
        ):
            return None
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            return None

    def write(self, entry: CachedAnalysis, saved: str) -> bool:
        """Keep an entry (replacing the story's older one); False when it could not be saved.

        A cache that cannot be written only means analysing again next time.
        """
        if not self.writable:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path_of(entry.story), encode_entry(entry, saved), False)
        except OSError:
            return False
        return True

    def remove(self, story_id: str) -> None:
        """Forget a story's cached analysis (nothing when this process is not the writer)."""
        if self.writable:
            with contextlib.suppress(OSError):
                self.path_of(story_id).unlink(missing_ok=True)

    def files(self) -> Iterator[tuple[Path, CacheHeader | None]]:
        """Every cache file in the folder with its header (None when it is not valid)."""
        try:
            paths = sorted(self.folder.glob("*.json"))
        except OSError:
            return
        for path in paths:
            if path.is_file() and not path.name.startswith(TEMP_PREFIX):
                header = read_header(path)
                if header is not None and path.name != file_name(header.story):
                    header = None
                yield path, header

    def prune(self, stories: set[str], engine: str) -> list[Path]:
        """Remove the files of stories not in ``stories``, of another engine, or damaged."""
        if not self.writable:
            return []
        removed = []
        for path, header in list(self.files()):
            if header is None or header.story not in stories or header.engine != engine:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
        return removed

    def remove_stale_temp_files(self) -> None:
        """Delete temporary files left by a writer killed while caching an analysis."""
        if self.writable and self.folder.is_dir():
            remove_stale_temp_files(self.folder, "")


def read_header(path: Path) -> CacheHeader | None:
    """The header of a cache file (its first line only); None when missing or not valid."""
    try:
        with open_file(path) as file:
            line = file.readline(HEADER_LIMIT)
    except (OSError, UserError):
        return None
    return parse_header(line)
