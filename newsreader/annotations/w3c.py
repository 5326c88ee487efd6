"""W3C Web Annotation (JSON-LD) export: the format Hypothesis and other annotation tools read.

Each annotation becomes an ``Annotation`` with motivation ``assessing``: a body with purpose
``assessing`` holding the verdict, one with purpose ``commenting`` holding the note, and one
target per quoted sentence. They are wrapped in an ``AnnotationCollection`` with a single
embedded page.

Every selector is true of the document its target's ``source`` names. The
TextQuoteSelector (exact, prefix, suffix) is always given. A TextPositionSelector is given
only where its offsets hold: for a ``urn:newsreader:article:`` source (the article's cleaned
text, as ``analyze --json`` prints it) the offsets into that text; for a file or address, the
offsets of the quote in that document as ``read_document`` returns it, and none when the
quote is not found there or the document cannot be read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from newsreader.annotations.sources import annotation_uri, article_url, find_article, source_uri
from newsreader.model import Annotation, Article, Story, Target

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


ReadDocument = Callable[[Article], str | None]


def quote_position(document: str, target: Target) -> tuple[int, int] | None:
    """Where a target's quote stands in a document: its old offsets when the quote is there,
    else the occurrence whose context fits best; None when the document lacks it."""
    exact = target.exact
    if not exact:
        return None
    if document[target.start : target.end] == exact:
        return target.start, target.end
    starts, at = [], document.find(exact)
    while at != -1:
        starts.append(at)
        at = document.find(exact, at + 1)
    if not starts:
        return None

    def fit(start: int) -> int:
        before = document[max(0, start - len(target.prefix)) : start]
        after = document[start + len(exact) : start + len(exact) + len(target.suffix)]
        return _common_tail(before, target.prefix) + _common_head(after, target.suffix)

    best = max(starts, key=fit)
    return best, best + len(exact)


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_head(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _selectors(
    stories: Mapping[str, Story],
    annotation: Annotation,
    target: Target,
    read_document: ReadDocument | None,
) -> list[dict[str, Any]]:
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": target.exact,
            "prefix": target.prefix,
            "suffix": target.suffix,
        }
    ]
    article = find_article(stories, annotation.story, target.article)
    if article_url(article) is None:
        # The source is the newsreader URN: it names the cleaned text the offsets index.
        span: tuple[int, int] | None = (target.start, target.end)
    else:
        document = read_document(article) if read_document and article else None
        span = quote_position(document, target) if document is not None else None
    if span is not None:
        selectors.append({"type": "TextPositionSelector", "start": span[0], "end": span[1]})
    return selectors


def w3c_annotation(
    annotation: Annotation,
    stories: Mapping[str, Story],
    read_document: ReadDocument | None = None,
) -> dict[str, Any]:
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
            "selector": _selectors(stories, annotation, target, read_document),
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


def export_w3c(
    annotations: list[Annotation],
    stories: Mapping[str, Story],
    read_document: ReadDocument | None = None,
) -> dict[str, Any]:
    """An AnnotationCollection holding every annotation."""
    items = [w3c_annotation(a, stories, read_document) for a in annotations]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "newsreader annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
