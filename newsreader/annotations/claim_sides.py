"""Who says what on a claim: the sides of its conflicts and the sources that state it.

Reports and exports read claims through these functions. When the engine gives a claim
structured conflicts (``claim.conflicts``, each with sides), those are used; otherwise the
sides come from the claim's conflict relations and the differing spans of their reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsreader.model import Analysis, Article, Claim, RelationKind, Sentence


@dataclass(frozen=True)
class Source:
    """A sentence of the claim and the article it comes from."""

    sentence: Sentence
    article: Article

    @property
    def outlet(self) -> str:
        """The outlet's name, else the article's title, else its id."""
        return self.article.outlet or self.article.title or self.article.id


@dataclass(frozen=True)
class Side:
    """One side of a conflict: the value stated and a source stating it."""

    value: str
    source: Source


@dataclass(frozen=True)
class Conflict:
    """A fact the sources of a claim disagree on, with a readable detail and its sides."""

    detail: str
    sides: tuple[Side, ...]


def claim_sources(analysis: Analysis, claim: Claim) -> tuple[Source, ...]:
    """The claim's sentences with their articles, in the claim's order."""
    articles = {a.id: a for a in analysis.story.articles}
    sources = []
    for sentence_id in claim.sentences:
        sentence = analysis.sentence_index.get(sentence_id)
        if sentence is not None and sentence.article_id in articles:
            sources.append(Source(sentence, articles[sentence.article_id]))
    return tuple(sources)


def claim_text(analysis: Analysis, claim: Claim) -> str:
    """The claim in words: its first sentence."""
    sources = claim_sources(analysis, claim)
    return " ".join(sources[0].sentence.text.split()) if sources else ""


def claim_conflicts(analysis: Analysis, claim: Claim) -> tuple[Conflict, ...]:
    """The conflicts of a claim with their sides (empty for a claim without conflicts)."""
    structured = _structured(analysis, getattr(claim, "conflicts", None))
    return structured if structured else _from_relations(analysis, claim)


def _source_of(analysis: Analysis, sentence_id: str) -> Source | None:
    """A sentence of the story (of this claim or another) with its article."""
    sentence = analysis.sentence_index.get(sentence_id)
    article = next(
        (a for a in analysis.story.articles if sentence and a.id == sentence.article_id), None
    )
    return Source(sentence, article) if sentence is not None and article is not None else None


def _structured(analysis: Analysis, conflicts: Any) -> tuple[Conflict, ...]:
    """Conflicts the engine attached to the claim (any shape it lacks is passed over)."""
    found = []
    for conflict in conflicts or ():
        sources = [
            (str(getattr(side, "value", "")), _source_of(analysis, sentence_id))
            for side in getattr(conflict, "sides", ())
            for sentence_id in getattr(side, "sentences", ())
        ]
        sides = tuple(Side(value, source) for value, source in sources if source is not None)
        if sides:
            found.append(Conflict(str(getattr(conflict, "detail", "")), sides))
    return tuple(found)


def _from_relations(analysis: Analysis, claim: Claim) -> tuple[Conflict, ...]:
    """Conflicts from the claim's conflict relations (the other side may be in another claim)."""
    found: dict[tuple[str, str, str], Conflict] = {}
    for relation in {r for sid in claim.sentences for r in analysis.relations_of(sid)}:
        a, b = _source_of(analysis, relation.a), _source_of(analysis, relation.b)
        if relation.kind is not RelationKind.CONFLICT or a is None or b is None:
            continue
        for reason in relation.reasons or (None,):
            detail = reason.detail if reason else ""
            sides = (
                Side(_span(a.sentence.text, reason.a_span) if reason else "", a),
                Side(_span(b.sentence.text, reason.b_span) if reason else "", b),
            )
            found.setdefault((detail, relation.a, relation.b), Conflict(detail, sides))
    return tuple(found[key] for key in sorted(found))


def _span(text: str, span: tuple[int, int]) -> str:
    start, end = span
    return " ".join(text[max(0, start) : max(0, end)].split())
