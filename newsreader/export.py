"""Export formats for annotations."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from newsreader.model import Annotation

FORMAT_NAME = "newsreader-annotations"
FORMAT_VERSION = 1


def annotation_to_dict(annotation: Annotation) -> dict[str, Any]:
    """One annotation in the JSON export shape."""
    return {
        "id": annotation.id,
        "story": annotation.story,
        "claim": annotation.claim,
        "status": annotation.status.value,
        "note": annotation.note,
        "created": annotation.created,
        "updated": annotation.updated,
        "targets": [asdict(t) for t in annotation.targets],
    }


def export_json(annotations: list[Annotation], now: datetime | None = None) -> dict[str, Any]:
    """The JSON export document for a list of annotations."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": stamp,
        "annotations": [annotation_to_dict(a) for a in annotations],
    }
