"""Persistence for newsreader on TinyDB: annotations and stories, crash-safe and locked.

`database` is the file (lock, atomic storage, close); `annotations`, `stories`, `analyses`
and `ui_state` are the parts built on it; `store` joins them into :class:`AnnotationStore`,
the one object the app and the command line hold. `schema`, `storage`, `lock`, `table` and
`analysis_files` are the file's format and mechanics; `doctor` checks and restores a file;
`location` finds it.

Imports: the core (`newsreader`) and TinyDB; never the UI or Textual.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.annotations import MergeReport
    from store.doctor import Checkup
    from store.doctor import check as check_database
    from store.doctor import restore as restore_backup
    from store.location import resolve_db_path
    from store.storage import StoreError
    from store.store import AnnotationStore
    from store.stories import StoryInfo

__all__ = [
    "AnnotationStore",
    "Checkup",
    "MergeReport",
    "StoreError",
    "StoryInfo",
    "check_database",
    "resolve_db_path",
    "restore_backup",
]

# Where each name lives. A submodule loads on first use: finding the database path
# (store.location) must not load TinyDB, the lock and the schema.
_HOMES = {
    "AnnotationStore": ("store.store", "AnnotationStore"),
    "Checkup": ("store.doctor", "Checkup"),
    "MergeReport": ("store.annotations", "MergeReport"),
    "StoreError": ("store.storage", "StoreError"),
    "StoryInfo": ("store.stories", "StoryInfo"),
    "check_database": ("store.doctor", "check"),
    "resolve_db_path": ("store.location", "resolve_db_path"),
    "restore_backup": ("store.doctor", "restore"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _HOMES[name]
    except KeyError:
        raise AttributeError(f"module 'store' has no attribute {name!r}") from None
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value
