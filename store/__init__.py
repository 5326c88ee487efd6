"""Persistence for newsreader on TinyDB: annotations and stories, crash-safe and locked."""

from store.annotations import AnnotationStore, MergeReport
from store.doctor import Checkup
from store.doctor import check as check_database
from store.doctor import restore as restore_backup
from store.location import resolve_db_path
from store.storage import StoreError
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
