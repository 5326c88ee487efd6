"""The `analyze --json` contract: an Analysis as plain JSON-ready data."""

from __future__ import annotations

from typing import Any

from newsreader.model import Analysis


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """Serialise an analysis in the stable contract shape (fields are only ever added)."""
    story = analysis.story
    return {
        "story": {"id": story.id, "title": story.title},
        "articles": [
            {
                "id": article.id,
                "title": article.title,
                "source": article.source,
                "outlet": article.outlet,
                "author": article.author,
                "date": article.date,
                "sentences": [
                    {"id": s.id, "text": s.text, "start": s.start, "end": s.end}
                    for s in article.sentences
                ],
            }
            for article in story.articles
        ],
        "relations": [
            {
                "a": r.a,
                "b": r.b,
                "kind": r.kind.value,
                "score": r.score,
                "reasons": [
                    {
                        "type": reason.type,
                        "detail": reason.detail,
                        "a_span": list(reason.a_span),
                        "b_span": list(reason.b_span),
                    }
                    for reason in r.reasons
                ],
            }
            for r in analysis.relations
        ],
        "claims": [
            {
                "id": c.id,
                "sentences": list(c.sentences),
                "status": c.status.value,
                "articles": list(c.articles),
            }
            for c in analysis.claims
        ],
    }
