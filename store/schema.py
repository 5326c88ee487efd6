"""The database layout, its version and the migrations from every earlier version.

Versions:
    1. Only an ``annotations`` table (and TinyDB's empty ``_default``); no ``meta`` table.
    2. A ``meta`` table holding ``{"schema": 2}``, a ``stories`` table (snapshots of articles)
       and annotations with an ``orphaned`` flag set when re-anchoring could not place them.
    3. An ``analyses`` table (one cached analysis per story, valid for one content fingerprint
       and engine version), an optional ``opened`` time on stories, and an optional
       ``ui_state`` table (where the reader was left).
    4. No ``analyses`` table: cached analyses live in files beside the database
       (:mod:`store.analysis_files`); the migration hands the version 3 entries to the store,
       which writes them there (:func:`legacy_analyses`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from store.storage import Tables, invalid_file
from store.validate import annotation_problem, doc_id_problem, story_problem

SCHEMA_VERSION = 4
META = "meta"
STORIES = "stories"
ANNOTATIONS = "annotations"
ANALYSES = "analyses"  # version 3 only
UI_STATE = "ui_state"  # the reader's last position (store.ui_state)
KNOWN_TABLES = {META, STORIES, ANNOTATIONS, ANALYSES, UI_STATE, "_default"}
META_DOC_ID = "1"

STATUSES = {"verified", "disputed", "unreviewed"}


def schema_version(data: Tables) -> int:
    """The schema version of loaded tables (a file without a meta table is version 1)."""
    meta = data.get(META) or {}
    doc = meta.get(META_DOC_ID)
    if doc is None:
        return 1
    version = doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return -1
    return version


def _v1_to_v2(data: Tables) -> Tables:
    annotations = {
        key: {**doc, "note": doc.get("note"), "targets": doc.get("targets", []), "orphaned": False}
        for key, doc in (data.get(ANNOTATIONS) or {}).items()
    }
    return {
        **data,
        META: {META_DOC_ID: {"schema": 2}},
        STORIES: data.get(STORIES, {}),
        ANNOTATIONS: annotations,
    }


def _v2_to_v3(data: Tables) -> Tables:
    return {**data, META: {META_DOC_ID: {"schema": 3}}, ANALYSES: data.get(ANALYSES, {})}


def _v3_to_v4(data: Tables) -> Tables:
    # The entries themselves are moved by the store (see legacy_analyses).
    return {
        **{name: table for name, table in data.items() if name != ANALYSES},
        META: {META_DOC_ID: {"schema": 4}},
    }


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}

ANALYSIS_TEXT_KEYS = ("story", "fingerprint", "engine")


def legacy_analyses(data: Tables) -> list[dict[str, Any]]:
    """The cached analyses a version 3 file holds in its ``analyses`` table (read before
    migrating); entries without their story, fingerprint, engine or data are left out."""
    if schema_version(data) != 3:
        return []
    return [
        doc
        for doc in (data.get(ANALYSES) or {}).values()
        if all(isinstance(doc.get(key), str) for key in ANALYSIS_TEXT_KEYS)
        and isinstance(doc.get("data"), dict)
    ]


def check_and_migrate(path: Path, data: Tables) -> tuple[Tables, int]:
    """Validate loaded tables and bring them to the current schema.

    Returns the migrated tables and the version found in the file. Raises
    :class:`store.storage.StoreError` for files of another shape or a newer version.
    """
    found = schema_version(data)
    if found == -1:
        raise invalid_file(path, "the meta table has no valid schema version")
    if found > SCHEMA_VERSION:
        raise invalid_file(
            path,
            f"schema version {found} is newer than this newsreader supports "
            f"({SCHEMA_VERSION}); upgrade newsreader",
        )
    foreign = set(data) - KNOWN_TABLES
    if data.get("_default"):
        foreign.add("_default (not empty)")
    if foreign:
        raise invalid_file(path, f"unknown tables: {', '.join(sorted(foreign))}")
    _check_annotations(path, data.get(ANNOTATIONS) or {})
    _check_stories(path, data.get(STORIES) or {})
    _check_ids(path, UI_STATE, data.get(UI_STATE) or {})
    version = found
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data, found


def _check_annotations(path: Path, table: dict[str, Any]) -> None:
    for key, doc in table.items():
        problem = doc_id_problem(key) or annotation_problem(doc)
        if problem is None and doc["status"] not in STATUSES:
            problem = f"unknown status {doc['status'][:40]!r}"
        if problem is not None:
            raise invalid_file(path, f"annotation {key[:40]!r}: {problem}")


def _check_stories(path: Path, table: dict[str, Any]) -> None:
    for key, doc in table.items():
        problem = doc_id_problem(key) or story_problem(doc)
        if problem is not None:
            raise invalid_file(path, f"saved story {key[:40]!r}: {problem}")


def _check_ids(path: Path, name: str, table: dict[str, Any]) -> None:
    for key in table:
        problem = doc_id_problem(key)
        if problem is not None:
            raise invalid_file(path, f"{name} document {key[:40]!r}: {problem}")
