"""The story engine: align sentences, detect conflicts, group claims."""

from __future__ import annotations

from newsreader.engine.align import align
from newsreader.engine.claims import group_claims
from newsreader.engine.conflicts import find_conflicts
from newsreader.engine.story_facts import StoryFacts
from newsreader.engine.version import ENGINE_VERSION
from newsreader.model import Analysis, Relation, RelationKind, Story

__all__ = ["ENGINE_VERSION", "analyze"]


def analyze(story: Story, semantic: bool | None = None) -> Analysis:
    """Analyse a story: relations between sentences of different articles, and claims.

    `semantic` adds word embeddings to the alignment when the optional extra is installed
    (None: only when the NEWSREADER_SEMANTIC environment variable asks for it).
    """
    sentences = [s for a in story.articles for s in a.sentences]
    relations: list[Relation] = []
    pairs = align(story, semantic=semantic)
    found = [find_conflicts(sentences[p.i], sentences[p.j]) for p in pairs]
    # Checked once every pair is read, so the story's index reuses their features.
    featured = frozenset(sentences[n].id for p in pairs for n in (p.i, p.j))
    facts = StoryFacts(story, featured)
    for pair, reasons in zip(pairs, found, strict=True):
        a, b = sentences[pair.i], sentences[pair.j]
        if reasons:
            reasons = facts.keep(reasons, a, b)
        kind = RelationKind.CONFLICT if reasons else RelationKind.MATCH
        relations.append(Relation(a.id, b.id, kind, round(pair.score, 4), tuple(reasons)))
    claims = group_claims(story, relations)
    return Analysis.build(story, tuple(relations), tuple(claims))
