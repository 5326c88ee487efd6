"""Export of annotations in every supported format (the writers live in newsreader.annotations)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from newsreader.annotations import claimreview, markdown, table, w3c
from newsreader.annotations.native import (
    FORMAT_NAME,
    FORMAT_VERSION,
    annotation_to_dict,
    export_json,
)
from newsreader.model import Annotation, Story

__all__ = [
    "FORMATS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "annotation_to_dict",
    "export_json",
    "render",
]

Writer = Callable[[list[Annotation], Mapping[str, Story], datetime], str]


def _json_dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Writer] = {
    "json": lambda anns, stories, now: _json_dump(export_json(anns, now)),
    "w3c": lambda anns, stories, now: _json_dump(w3c.export_w3c(anns, stories)),
    "claimreview": lambda anns, stories, now: _json_dump(
        claimreview.export_claimreview(anns, stories)
    ),
    "csv": lambda anns, stories, now: table.export_csv(anns),
    "md": lambda anns, stories, now: markdown.export_markdown(anns, stories, now),
}


def render(
    fmt: str,
    annotations: list[Annotation],
    stories: Mapping[str, Story] | None = None,
    now: datetime | None = None,
) -> str:
    """Annotations as text in one of FORMATS (stories supply article titles and sources)."""
    return FORMATS[fmt](annotations, stories or {}, now or datetime.now(UTC))
