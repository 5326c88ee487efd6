"""CSV export: one row per quoted sentence of every annotation."""

from __future__ import annotations

import csv
import io

from newsreader.model import Annotation

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
]


def export_csv(annotations: list[Annotation]) -> str:
    """Annotations as CSV (an annotation without targets still gets one row)."""
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
        for t in a.targets or [None]:
            tail = [t.article, t.start, t.end, t.exact] if t else ["", "", "", ""]
            writer.writerow([*head, *tail])
    return out.getvalue()
