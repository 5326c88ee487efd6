"""Who says what on a claim: the sides of its conflicts and the sources that state it.

Reports and exports read claims through these functions. When the engine gives a claim
structured conflicts (``claim.conflicts``, each with sides), those are used; otherwise the
sides come from the claim's conflict relations and the differing spans of their reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from newsreader.engine.claims import claim_conflicts as grouped_conflicts
from newsreader.engine.claims import later_side
from newsreader.model import (
    Analysis,
    Article,
    Claim,
    ClaimConflict,
    ClaimStatus,
    ConflictSide,
    RelationKind,
    Sentence,
)


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
    """One side of a conflict: the value stated and a source stating it; with the side's
    publication date when known, and whether its reports are the later ones."""

    value: str
    source: Source
    date: str | None = None
    later: bool = False


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
        later = getattr(conflict, "later", None)
        sides = tuple(
            Side(str(getattr(side, "value", "")), source, getattr(side, "date", None), n == later)
            for n, side in enumerate(getattr(conflict, "sides", ()))
            for source in (_source_of(analysis, sid) for sid in getattr(side, "sentences", ()))
            if source is not None
        )
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


def own_conflicts(analysis: Analysis, claim: Claim) -> tuple[ClaimConflict, ...]:
    """The conflicts among the claim's own sentences, each side narrowed to its members.

    A clash between one of its sentences and a sentence of another claim is not the claim's
    conflict: it neither makes the claim conflicting nor names a side of it. Without
    structured conflicts from the engine, they come from the conflict relations between
    the claim's sentences.
    """
    members = set(claim.sentences)
    if not claim.conflicts:
        clashes = [
            relation
            for sid in claim.sentences
            for relation in analysis.relations_of(sid)
            if relation.kind is RelationKind.CONFLICT
            and relation.a == sid
            and relation.b in members
        ]
        return grouped_conflicts(analysis.story, clashes, analysis.sentence_index)
    dates = {a.id: a.date for a in analysis.story.articles}
    found = []
    for conflict in claim.conflicts:
        sides = []
        for side in conflict.sides:
            sentences = tuple(s for s in side.sentences if s in members)
            if not sentences:
                continue
            if sentences == side.sentences:
                sides.append(side)
                continue
            articles = tuple(
                dict.fromkeys(
                    analysis.sentence_index[s].article_id
                    for s in sentences
                    if s in analysis.sentence_index
                )
            )
            known = [dates[a] for a in articles if dates.get(a)]
            date = max(known) if known and len(known) == len(articles) else None
            sides.append(ConflictSide(side.value, sentences, articles, date))
        if len(sides) < 2:
            continue
        if len(sides) == len(conflict.sides):
            found.append(conflict)
        else:
            found.append(replace(conflict, sides=tuple(sides), later=later_side(sides)))
    return tuple(found)


def claim_status(analysis: Analysis, claim: Claim) -> ClaimStatus:
    """How the sources relate on this claim, from its own conflicts and sentences only."""
    return status_of(claim, own_conflicts(analysis, claim))


def status_of(claim: Claim, conflicts: tuple[ClaimConflict, ...]) -> ClaimStatus:
    """A claim's status given its own conflicts (see `own_conflicts`)."""
    if conflicts:
        return ClaimStatus.CONFLICTING
    return ClaimStatus.CORROBORATED if len(claim.sentences) > 1 else ClaimStatus.SINGLE_SOURCE
