"""Export of annotations in every supported format (the writers live in newsreader.annotations)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsreader.annotations import claimreview, markdown, table, w3c
from newsreader.annotations.native import (
    FORMAT_NAME,
    FORMAT_VERSION,
    annotation_to_dict,
    export_json,
)
from newsreader.model import Analysis, Annotation, Article, Story

__all__ = [
    "FORMATS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ExportContext",
    "annotation_to_dict",
    "export_json",
    "render",
]


@dataclass(frozen=True)
class ExportContext:
    """What an export knows besides the annotations.

    ``stories`` and ``analyses`` (by story id) give titles, sources, claim texts and statuses;
    ``reviewer`` signs ClaimReviews and the report; ``read_document`` returns an article's
    source document as a consumer of the export reads it (None when that cannot be known).
    """

    stories: Mapping[str, Story] = field(default_factory=dict)
    analyses: Mapping[str, Analysis] = field(default_factory=dict)
    reviewer: str | None = None
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    read_document: Callable[[Article], str | None] | None = None


Writer = Callable[[list[Annotation], ExportContext], str]


def _json_dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Writer] = {
    "json": lambda anns, ctx: _json_dump(export_json(anns, ctx.now)),
    "w3c": lambda anns, ctx: _json_dump(
        w3c.export_w3c(anns, ctx.stories, read_document=ctx.read_document)
    ),
    "claimreview": lambda anns, ctx: _json_dump(
        claimreview.export_claimreview(anns, ctx.stories, reviewer=ctx.reviewer)
    ),
    "csv": lambda anns, ctx: table.export_csv(anns, ctx.stories, ctx.analyses),
    "md": lambda anns, ctx: markdown.export_markdown(
        anns, ctx.stories, ctx.now, analyses=ctx.analyses, reviewer=ctx.reviewer
    ),
}


def render(
    fmt: str,
    annotations: list[Annotation],
    stories: Mapping[str, Story] | None = None,
    now: datetime | None = None,
    context: ExportContext | None = None,
) -> str:
    """Annotations as text in one of FORMATS (stories supply article titles and sources)."""
    if context is None:
        context = ExportContext(stories=stories or {}, now=now or datetime.now(UTC))
    return FORMATS[fmt](annotations, context)
