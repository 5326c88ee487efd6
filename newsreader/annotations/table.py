"""CSV export: one row per quoted sentence of every annotation."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from newsreader.annotations.claim_sides import claim_text
from newsreader.annotations.sources import article_url, find_article
from newsreader.model import Analysis, Annotation, Story

# The first twelve columns are the original ones (``status`` is the verdict); columns are
# only ever added at the end.
COLUMNS = [
    "annotation_id",
    "story",
    "claim",
    "status",
    "note",
    "created",
    "updated",
    "orphaned",
    "article",
    "start",
    "end",
    "exact",
    "story_title",
    "claim_text",
    "claim_status",
    "verdict",
    "article_title",
    "outlet",
    "author",
    "date",
    "url",
]


def claim_facts(annotation: Annotation, analyses: Mapping[str, Analysis]) -> tuple[str, str]:
    """The text and status of an annotation's claim ("" for a status no analysis gives)."""
    analysis = analyses.get(annotation.story)
    claim = analysis.claim_index.get(annotation.claim) if analysis else None
    if analysis is not None and claim is not None and not annotation.orphaned:
        return claim_text(analysis, claim), claim.status.value
    first = annotation.targets[0].exact if annotation.targets else ""
    return " ".join(first.split()), ""


def export_csv(
    annotations: list[Annotation],
    stories: Mapping[str, Story] | None = None,
    analyses: Mapping[str, Analysis] | None = None,
) -> str:
    """Annotations as CSV (an annotation without targets still gets one row)."""
    stories, analyses = stories or {}, analyses or {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in annotations:
        head = [
            a.id,
            a.story,
            a.claim,
            a.status.value,
            a.note or "",
            a.created,
            a.updated,
            "yes" if a.orphaned else "no",
        ]
        story = stories.get(a.story)
        text, status = claim_facts(a, analyses)
        about = [story.title if story else "", text, status, a.status.value]
        for t in a.targets or [None]:
            tail = [t.article, t.start, t.end, t.exact] if t else ["", "", "", ""]
            article = find_article(stories, a.story, t.article) if t else None
            source = (
                [
                    article.title,
                    article.outlet or "",
                    article.author or "",
                    article.date or "",
                    article_url(article) or "",
                ]
                if article
                else ["", "", "", "", ""]
            )
            writer.writerow([*head, *tail, *about, *source])
    return out.getvalue()
