"""The `analyze --json` contract: an Analysis as plain JSON-ready data."""

from __future__ import annotations

from typing import Any

from newsreader.library.story_data import article_contract
from newsreader.model import (
    Analysis,
    Claim,
    ClaimConflict,
    ClaimStatus,
    ConflictSide,
    Reason,
    Relation,
    RelationKind,
    Story,
)


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """Serialise an analysis in the stable contract shape (fields are only ever added)."""
    story = analysis.story
    return {
        "story": {"id": story.id, "title": story.title},
        "articles": [article_contract(article) for article in story.articles],
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
                "conflicts": [_conflict_to_dict(x) for x in c.conflicts],
            }
            for c in analysis.claims
        ],
    }


def analysis_from_dict(data: dict[str, Any], story: Story) -> Analysis:
    """Rebuild an analysis of ``story`` from its contract shape (the inverse of
    :func:`analysis_to_dict`; the articles come from ``story``, fields unknown here are
    ignored).

    Raises:
        ValueError: the data does not fit the contract or names sentences ``story`` lacks.
    """
    try:
        relations = tuple(
            Relation(
                a=r["a"],
                b=r["b"],
                kind=RelationKind(r["kind"]),
                score=float(r["score"]),
                reasons=tuple(
                    Reason(
                        type=reason["type"],
                        detail=reason["detail"],
                        a_span=_span(reason["a_span"]),
                        b_span=_span(reason["b_span"]),
                    )
                    for reason in r.get("reasons", ())
                ),
            )
            for r in data["relations"]
        )
        claims = tuple(
            Claim(
                id=c["id"],
                sentences=tuple(c["sentences"]),
                status=ClaimStatus(c["status"]),
                articles=tuple(c.get("articles", ())),
                conflicts=tuple(_conflict_from_dict(x) for x in c.get("conflicts", ())),
            )
            for c in data["claims"]
        )
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"not an analysis ({type(exc).__name__}: {exc})") from None
    _check_fits(story, relations, claims)
    return Analysis.build(story, relations, claims)


def _check_fits(story: Story, relations: tuple[Relation, ...], claims: tuple[Claim, ...]) -> None:
    """Raise ValueError unless the claims share out the story's sentences exactly (each
    sentence in one claim, distinct claim ids) and everything else names only the story's
    sentences and articles."""
    known = [s.id for a in story.articles for s in a.sentences]
    conflicts = [x for c in claims for x in c.conflicts]
    sides = [side for x in conflicts for side in x.sides]
    claimed = [sid for c in claims for sid in c.sentences]
    ids = [c.id for c in claims]
    sentences = [*claimed, *(sid for r in relations for sid in (r.a, r.b))]
    sentences += [sid for side in sides for sid in side.sentences]
    articles = [*(a for c in claims for a in c.articles), *(a for x in sides for a in x.articles)]
    if not all(isinstance(text, str) for text in (*ids, *sentences, *articles)):
        raise ValueError("the analysis holds an id that is not a string")
    if len(set(ids)) != len(ids) or not all(c.sentences for c in claims):
        raise ValueError("the analysis has repeated or empty claims")
    if len(claimed) != len(known) or set(claimed) != set(known):
        raise ValueError("the claims do not share out the story's sentences")
    if not set(sentences) <= set(known) or not set(articles) <= {a.id for a in story.articles}:
        raise ValueError("the analysis names sentences or articles the story lacks")
    if any(x.later is not None and not 0 <= x.later < len(x.sides) for x in conflicts):
        raise ValueError("a claim's conflict names a side it lacks")


def _span(value: Any) -> tuple[int, int]:
    start, end = value
    return int(start), int(end)


def _conflict_to_dict(conflict: ClaimConflict) -> dict[str, Any]:
    return {
        "type": conflict.type,
        "detail": conflict.detail,
        "sides": [
            {
                "value": side.value,
                "sentences": list(side.sentences),
                "articles": list(side.articles),
                "date": side.date,
            }
            for side in conflict.sides
        ],
        "later": conflict.later,
    }


def _conflict_from_dict(data: dict[str, Any]) -> ClaimConflict:
    later = data.get("later")
    return ClaimConflict(
        type=str(data["type"]),
        detail=str(data["detail"]),
        sides=tuple(
            ConflictSide(
                value=str(side["value"]),
                sentences=tuple(side["sentences"]),
                articles=tuple(side["articles"]),
                date=side.get("date"),
            )
            for side in data["sides"]
        ),
        later=int(later) if later is not None else None,
    )
