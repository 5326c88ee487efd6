"""Checking a database file and restoring its backup (``newsreader doctor``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from store.analysis_files import AnalysisFiles, cache_folder
from store.lock import acquire_writer_lock
from store.schema import (
    ANNOTATIONS,
    SCHEMA_VERSION,
    STORIES,
    check_and_migrate,
    legacy_analyses,
)
from store.storage import (
    TEMP_PREFIX,
    StoreError,
    Tables,
    backup_path,
    follow_link,
    parse_tables,
    read_database_bytes,
    write_atomically,
)


@dataclass
class Checkup:
    """What ``doctor`` found: readable lines, and whether the database is usable."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)
    problem: str = ""


def _read(path: Path) -> Tables:
    """Read a database file's tables as they are on disk."""
    try:
        raw = read_database_bytes(path)
    except FileNotFoundError:
        raise StoreError(f"{path}: cannot read (no such file)") from None
    return parse_tables(path, raw)


def _load(path: Path) -> tuple[Tables, int]:
    """Read, validate and migrate (in memory) a database file; also its schema version."""
    return check_and_migrate(path, _read(path))


def _summary(data: Tables) -> str:
    annotations = data.get(ANNOTATIONS, {}).values()
    orphans = sum(1 for a in annotations if a.get("orphaned"))
    return (
        f"{len(data.get(STORIES, {}))} stories, {len(annotations)} annotations, {orphans} orphaned"
    )


def check(path: Path, engine: str | None = None) -> Checkup:
    """Check a database file, its backup, leftovers, its lock and its cached analyses (those
    of another engine than ``engine`` count as outdated); never changes anything."""
    report = Checkup()
    say = report.lines.append
    try:
        path = follow_link(path)
    except StoreError as exc:
        report.ok, report.problem = False, str(exc)
        return report
    if path.is_dir():
        report.ok, report.problem = False, f"{path}: is a folder, not a database file"
        return report
    stories: set[str] | None = None
    if not path.exists():
        say(f"{path}: no database yet (it is created on the first verdict)")
    else:
        try:
            raw = _read(path)
            data, raw_version = check_and_migrate(path, raw)
        except StoreError as exc:
            report.ok, report.problem = False, str(exc)
        else:
            stories = {str(doc.get("id")) for doc in data.get(STORIES, {}).values()}
            say(f"{path}: OK, schema version {raw_version} ({_summary(data)})")
            if raw_version < SCHEMA_VERSION:
                say(f"  it will be upgraded to schema version {SCHEMA_VERSION} on the next save")
            inside = len(legacy_analyses(raw))
            if inside:
                verb = "moves" if inside == 1 else "move"
                say(
                    f"  {_analyses(inside)} inside the file {verb} to {cache_folder(path)} "
                    "when newsreader next opens it"
                )
            for doc in data.get(ANNOTATIONS, {}).values():
                if doc.get("orphaned"):
                    quote = " ".join((doc.get("targets") or [{}])[0].get("exact", "").split())
                    say(
                        f"  orphaned: {doc['story']} / {doc['claim']} ({doc['status']}): "
                        f'"{quote[:70]}"'
                    )
    if path.exists():
        lock = acquire_writer_lock(path)
        if not lock.held:
            say(f"  not writable now: {lock.reason}")
        lock.release()
    backup = backup_path(path)
    if backup.is_file():
        stamp = datetime.fromtimestamp(backup.stat().st_mtime, UTC).isoformat(timespec="seconds")
        try:
            say(f"{backup}: backup OK, saved {stamp} ({_summary(_load(backup)[0])})")
        except StoreError:
            say(f"{backup}: backup is damaged too")
    else:
        say(f"{backup}: no backup yet")
    _check_cache(path, stories, engine, say)
    folder, cache = path.parent, cache_folder(path)
    leftovers = list(folder.glob(f"{TEMP_PREFIX}*-{path.name}*")) if folder.is_dir() else []
    leftovers += list(cache.glob(f"{TEMP_PREFIX}*")) if cache.is_dir() else []
    if leftovers:
        say(f"  {len(leftovers)} temporary file(s) from an interrupted save (removed on next open)")
    return report


def _analyses(count: int) -> str:
    return f"{count} cached {'analysis' if count == 1 else 'analyses'}"


def _check_cache(
    path: Path, stories: set[str] | None, engine: str | None, say: Callable[[str], None]
) -> None:
    """Describe the cached analyses beside a database (``stories``: those it holds)."""
    folder = cache_folder(path)
    if folder.exists() and not folder.is_dir():
        say(f"{folder}: not a folder, so no analysis is cached (remove it)")
        return
    files = list(AnalysisFiles(folder, writable=False).files())
    if not files:
        say(f"{folder}: no cached analyses")
        return
    size = sum(p.stat().st_size for p, _ in files if p.exists()) / 1024
    say(f"{folder}: {_analyses(len(files))} ({size:.0f} KiB; safe to delete)")
    damaged = sum(1 for _, header in files if header is None)
    headers = [header for _, header in files if header is not None]
    kept = [h for h in headers if stories is None or h.story in stories]
    unsaved = len(headers) - len(kept)
    outdated = sum(1 for h in kept if engine is not None and h.engine != engine)
    if damaged or unsaved or outdated:
        say(
            f"  {damaged} damaged, {unsaved} of stories not in the library, {outdated} from "
            "another engine version: removed when newsreader next caches an analysis"
        )


def restore(path: Path) -> str:
    """Replace the database with its backup; the replaced file is kept beside it.

    Returns a line describing what was done. Raises StoreError when the backup is missing
    or damaged, or another newsreader holds the database.
    """
    path = follow_link(path)
    backup = backup_path(path)
    if not backup.is_file():
        raise StoreError(f"{path}: no backup to restore ({backup} does not exist)")
    try:
        _load(backup)
    except StoreError as exc:
        raise StoreError(f"{backup}: the backup is not usable either ({exc})") from None
    lock = acquire_writer_lock(path)
    if not lock.held:
        raise StoreError(f"{path}: cannot restore, {lock.reason}")
    try:
        kept = ""
        if path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            aside = path.with_name(f"{path.name}.replaced-{stamp}")
            try:
                shutil.copyfile(path, aside)
            except OSError as exc:
                raise StoreError(f"{path}: cannot keep a copy ({exc.strerror or exc})") from None
            kept = f"; the replaced file is kept as {aside}"
        try:
            write_atomically(path, [read_database_bytes(backup)], keep_backup=False)
        except OSError as exc:
            raise StoreError(f"{path}: cannot restore ({exc.strerror or exc})") from None
    finally:
        lock.release()
    return f"{path}: restored from {backup}{kept}"
