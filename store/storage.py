"""A crash-safe TinyDB storage: validated reads, atomic writes, a backup of the last good copy.

Every write serialises the whole database (TinyDB's storage model), writes it to a temporary
file in the database's folder, flushes and fsyncs it, renames it over the database with
``os.replace`` and fsyncs the folder. Before the rename, the current file is hard-linked as
``<name>.bak``, so the previous good copy survives whatever happens to the database file.

The data lives in memory; serialised tables and documents are cached so a write re-encodes
only what changed (see :meth:`SafeJSONStorage.changing`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from newsreader.errors import UserError
from newsreader.ingest.files import GIB, FileRefused, read_file, special_kind

TEMP_PREFIX = ".newsreader-tmp-"
BACKUP_SUFFIX = ".bak"
# Far beyond any real library (100,000 annotations take about 80 MB).
MAX_DATABASE_BYTES = GIB

Tables = dict[str, dict[str, Any]]
Buffer = bytes | memoryview
WRITE_BATCH = 1024  # IOV_MAX on Linux


class StoreError(UserError):
    """The database file cannot be used (not a newsreader database, unreadable, unwritable)."""


class CannotSave(StoreError):
    """A save failed on the file system (a full disk, a folder that is not writable).

    Attributes:
        why: the reason alone, without the file ("the disk is full").
    """

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path}: cannot save, {why}; the previous file is intact")
        self.why = why


def backup_path(path: Path) -> Path:
    """Where the last good copy of a database file is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def backup_hint(path: Path) -> str:
    """A phrase naming the backup and how to restore it (for error messages)."""
    backup = backup_path(path)
    if backup.is_file():
        return f"last good copy: {backup} (restore with 'newsreader doctor --restore --db {path}')"
    return "no backup copy exists"


def path_inside(folder: Path, name: str) -> Path:
    """The file ``name`` directly in ``folder``; a name that would lead elsewhere is refused."""
    separators = {os.sep, os.altsep or os.sep, "\0"}
    if name in ("", ".", "..") or any(sep in name for sep in separators):
        raise StoreError(f"{folder}: refusing a file name that leads out of the folder: {name!r}")
    return folder / name


def invalid_file(path: Path, why: str) -> StoreError:
    """The one-line error for a database file that cannot be loaded."""
    return StoreError(
        f"{path}: not a newsreader database ({why}); file left untouched; {backup_hint(path)}"
    )


def parse_tables(path: Path, raw: bytes) -> Tables:
    """Decode and shape-check the bytes of a database file."""
    if not raw.strip():
        raise invalid_file(path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        why = f"not valid JSON at byte {exc.pos}"
        if "after document" in exc.msg:
            why = f"trailing garbage after the JSON data at byte {exc.pos}"
        elif "end of data" in exc.msg:
            why = "truncated: the JSON data ends early"
        raise invalid_file(path, why) from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise invalid_file(path, "unexpected JSON shape")
    return data


def follow_link(path: Path) -> Path:
    """The file a database path names: a symbolic link's final target, where saves go (the
    link itself is never replaced); a link to nothing is refused."""
    if not path.is_symlink():
        return path
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise StoreError(
            f"{path}: a symbolic link to {path.resolve()}, which does not exist "
            "(point the link at a database file, or remove it)"
        ) from None
    except (OSError, RuntimeError):
        raise StoreError(f"{path}: a symbolic link that leads in a loop") from None
    kind = special_kind(target.stat().st_mode)
    if kind is not None:
        raise StoreError(
            f"{path}: a symbolic link to {target}, not an ordinary file ({kind}); "
            "refusing to read it"
        )
    return target


def read_database_bytes(path: Path) -> bytes:
    """The bytes of a database file (or its backup): an ordinary file, up to the size limit.

    Raises:
        FileNotFoundError: there is no such file.
        StoreError: it is a folder, a named pipe, a device, too large or unreadable.
    """
    try:
        return read_file(path, MAX_DATABASE_BYTES)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise StoreError(f"{path}: is a folder, not a database file") from None
    except FileRefused as exc:
        raise StoreError(f"{exc} (not a newsreader database file)") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read database ({exc.strerror or exc})") from None


def read_database(path: Path) -> Tables | None:
    """Read and validate a database file; None when it does not exist yet."""
    try:
        raw = read_database_bytes(path)
    except FileNotFoundError:
        return None
    return parse_tables(path, raw)


def file_state(path: Path) -> tuple[int, ...] | None:
    """Which file a path names and its size and time: any save by anyone changes it."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def fsync_dir(folder: Path) -> None:
    """Make a rename in a folder durable (no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, chunks: Sequence[Buffer]) -> None:
    """Write every chunk, a batch of buffers per system call (no joining in memory)."""
    if not hasattr(os, "writev"):  # Windows
        chunks = [b"".join(chunks)]
    for at in range(0, len(chunks), WRITE_BATCH):
        batch = chunks[at : at + WRITE_BATCH]
        written = os.writev(fd, batch) if len(batch) > 1 else os.write(fd, batch[0])
        rest = b"".join(batch)[written:] if written < sum(map(len, batch)) else b""
        while rest:
            rest = rest[os.write(fd, rest) :]


def write_atomically(path: Path, chunks: Sequence[Buffer], keep_backup: bool = True) -> None:
    """Replace a file with new contents so that a crash leaves the old or the new file whole.

    Args:
        path: the file to replace.
        chunks: the new contents, in pieces (written in order, never joined in memory).
        keep_backup: first hard-link the current file as ``<name>.bak``.
    """
    folder = path.parent
    tmp = folder / f"{TEMP_PREFIX}{os.getpid()}-{path.name}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        try:
            if os.chmod in os.supports_fd:
                with contextlib.suppress(OSError):
                    # The new file keeps the permissions the user gave the old one.
                    os.chmod(fd, stat.S_IMODE(os.stat(path).st_mode))
            _write_all(fd, chunks)
            # fdatasync: the data and its size, without timestamps (all a reader needs).
            getattr(os, "fdatasync", os.fsync)(fd)
        finally:
            os.close(fd)
        if keep_backup and path.exists():
            _link_backup(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def _link_backup(path: Path) -> None:
    """Keep the current (good) file as the backup: a hard link, or a copy where links fail."""
    backup = backup_path(path)
    if backup.is_dir() and not backup.is_symlink():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a backup copy", str(backup))
    staging = path.with_name(f"{TEMP_PREFIX}{os.getpid()}-{backup.name}")
    staging.unlink(missing_ok=True)
    try:
        try:
            os.link(path, staging)
        except OSError:
            shutil.copyfile(path, staging)
        os.replace(staging, backup)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


def remove_stale_temp_files(folder: Path, name: str) -> list[Path]:
    """Delete temporary files left by a writer that was killed mid-write."""
    removed = []
    with contextlib.suppress(OSError):
        for candidate in folder.glob(f"{TEMP_PREFIX}*-{name}*"):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def save_failure(path: Path, exc: OSError) -> CannotSave:
    """The user-facing error for a failed save (naming the other file when one is at fault)."""
    if exc.errno == errno.ENOSPC:
        return CannotSave(path, "the disk is full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return CannotSave(path, "the folder is not writable")
    why = exc.strerror or str(exc)
    other = exc.filename2 or exc.filename
    if other and Path(other).name != path.name and TEMP_PREFIX not in str(other):
        why = f"{other} {why}"
    return CannotSave(path, why)


def _fragment(key: str, doc: Any) -> bytes:
    """One ``,"id":{...}`` member of a table object (with its leading comma)."""
    return b"," + orjson.dumps(key) + b":" + orjson.dumps(doc)


class SafeJSONStorage(Storage):
    """TinyDB storage: the database in memory, written atomically with a backup on each change.

    Args:
        path: the database file (created on the first write).
        read_only: refuse every write with a :class:`StoreError` naming ``reason``.
        reason: why the storage is read-only (shown to the user).
        data: already-loaded tables (skips reading the file again).
        before_save: called before each save; raises to refuse it (the writer's lock check).

    A save is refused when the file is no longer the one read or last written here (another
    program wrote it): writing would throw that program's changes away.
    """

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        reason: str = "",
        data: Tables | None = None,
        before_save: Callable[[], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.reason = reason
        self._before_save = before_save
        self._seen = file_state(self.path)
        self._data: Tables = data if data is not None else (read_database(self.path) or {})
        # The cached table object is kept alive so that an identity check cannot be fooled.
        self._table_cache: dict[str, tuple[dict[str, Any], list[Buffer]]] = {}
        self._doc_cache: dict[str, dict[str, bytes]] = {}
        self._hints: dict[str, set[str]] | None = None
        self._deferred = 0
        self._pending = False
        self._good_chunks = self.serialise()

    def read(self) -> Tables:
        """Return the tables (a fresh outer dict: TinyDB replaces the table it changes)."""
        return dict(self._data)

    def write(self, data: Tables) -> None:
        """Persist the whole database atomically (or later, inside :meth:`deferred`)."""
        if self.read_only:
            self._data = self._reload_good()
            raise StoreError(f"{self.path}: read-only, not saved ({self.reason})")
        self._data = data
        if self._deferred:
            self._pending = True
            return
        self._flush()

    @contextlib.contextmanager
    def changing(self, table: str, doc_ids: Iterable[str | int]) -> Iterator[None]:
        """Name every document of a table that the writes inside add, remove or edit.

        Only those documents are re-encoded (TinyDB's ``update`` edits documents in place,
        which cannot be noticed otherwise). Without a hint, or when the table's ids do not
        match the hint, every document of a changed table is re-encoded.
        """
        self._hints = {table: {str(d) for d in doc_ids}}
        try:
            yield
        finally:
            self._hints = None

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Group several TinyDB operations into one atomic write at the end of the block.

        If the block raises, nothing is written and the in-memory data goes back to the last
        saved state.
        """
        self._deferred += 1
        try:
            yield
        except BaseException:
            self._deferred -= 1
            if not self._deferred:
                self._pending = False
                self._data = self._reload_good()
            raise
        self._deferred -= 1
        if not self._deferred and self._pending:
            self._pending = False
            self._flush()

    def serialise(self, data: Tables | None = None) -> list[Buffer]:
        """The file contents for the data, in pieces, re-encoding only what changed."""
        data = self._data if data is None else data
        chunks: list[Buffer] = [b"{"]
        for n, (name, table) in enumerate(data.items()):
            chunks.append((b"," if n else b"") + orjson.dumps(name) + b":{")
            chunks.extend(self._encode_table(name, table))
            chunks.append(b"}")
        chunks.append(b"}")
        return chunks

    def _encode_table(self, name: str, table: dict[str, Any]) -> list[Buffer]:
        """A table's members, each ``,"id":{...}`` (the first without its comma)."""
        cached = self._table_cache.get(name)
        if cached is not None and cached[0] is table:
            return cached[1]
        hints = self._hints.get(name) if self._hints is not None else None
        fragments = self._doc_cache.get(name)
        if fragments is None or hints is None:
            fragments = {key: _fragment(key, doc) for key, doc in table.items()}
        else:
            # A hint names every document added, removed or edited in place.
            for key in hints:
                if key in table:
                    fragments[key] = _fragment(key, table[key])
                else:
                    fragments.pop(key, None)
            if fragments.keys() != table.keys():
                fragments = {key: _fragment(key, doc) for key, doc in table.items()}
        self._doc_cache[name] = fragments
        members: list[Buffer] = list(fragments.values())
        if members:
            members[0] = memoryview(members[0])[1:]
        self._table_cache[name] = (table, members)
        return members

    def _flush(self) -> None:
        try:
            if self._before_save is not None:
                self._before_save()
            if file_state(self.path) != self._seen:
                raise StoreError(
                    f"the database was changed by another program ({self.path}); "
                    "reopen it to see the changes"
                )
            chunks = self.serialise()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, chunks)
            self._seen = file_state(self.path)
        except BaseException as exc:
            self._forget_caches()
            self._data = self._reload_good()
            if isinstance(exc, OSError):
                raise save_failure(self.path, exc) from None
            raise
        self._good_chunks = chunks

    def _forget_caches(self) -> None:
        self._table_cache.clear()
        self._doc_cache.clear()

    def _reload_good(self) -> Tables:
        """The last saved data, decoded afresh (TinyDB edits documents in place)."""
        return orjson.loads(b"".join(self._good_chunks))

    def close(self) -> None:
        """Nothing to release: every write is already on disk."""
