"""W3C Web Annotation (JSON-LD) export: the format Hypothesis and other annotation tools read.

Each annotation becomes an ``Annotation`` with motivation ``assessing``: a body with purpose
``assessing`` holding the verdict, one with purpose ``commenting`` holding the note, and one
target per quoted sentence, with a TextQuoteSelector and a TextPositionSelector. They are
wrapped in an ``AnnotationCollection`` with a single embedded page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsreader.annotations.sources import annotation_uri, source_uri
from newsreader.model import Annotation, Story

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def w3c_annotation(annotation: Annotation, stories: Mapping[str, Story]) -> dict[str, Any]:
    """One annotation in the Web Annotation data model."""
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": annotation.status.value,
            "format": "text/plain",
        }
    ]
    if annotation.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": annotation.note,
                "format": "text/plain",
            }
        )
    targets = [
        {
            "source": source_uri(stories, annotation, target),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": target.exact,
                    "prefix": target.prefix,
                    "suffix": target.suffix,
                },
                {"type": "TextPositionSelector", "start": target.start, "end": target.end},
            ],
        }
        for target in annotation.targets
    ]
    return {
        "@context": CONTEXT,
        "id": annotation_uri(annotation),
        "type": "Annotation",
        "motivation": "assessing",
        "created": annotation.created,
        "modified": annotation.updated,
        "body": bodies,
        "target": targets,
    }


def export_w3c(annotations: list[Annotation], stories: Mapping[str, Story]) -> dict[str, Any]:
    """An AnnotationCollection holding every annotation."""
    items = [w3c_annotation(a, stories) for a in annotations]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "newsreader annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
