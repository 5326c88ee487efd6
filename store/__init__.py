"""Persistence for newsreader on TinyDB: annotations and stories."""

from store.annotations import AnnotationStore
from store.location import resolve_db_path
from store.storage import StoreError

__all__ = ["AnnotationStore", "StoreError", "resolve_db_path"]
