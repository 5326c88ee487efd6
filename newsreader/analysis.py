"""The story engine: align sentences, detect conflicts, group claims."""

from __future__ import annotations

from newsreader.align import align
from newsreader.claims import group_claims
from newsreader.conflicts import find_conflicts
from newsreader.engine_version import ENGINE_VERSION
from newsreader.model import Analysis, Relation, RelationKind, Story
from newsreader.story_facts import StoryFacts

__all__ = ["ENGINE_VERSION", "analyze"]


def analyze(story: Story, semantic: bool | None = None) -> Analysis:
    """Analyse a story: relations between sentences of different articles, and claims.

    `semantic` adds word embeddings to the alignment when the optional extra is installed
    (None: only when the NEWSREADER_SEMANTIC environment variable asks for it).
    """
    sentences = [s for a in story.articles for s in a.sentences]
    relations: list[Relation] = []
    facts = StoryFacts(story)
    for pair in align(story, semantic=semantic):
        a, b = sentences[pair.i], sentences[pair.j]
        reasons = find_conflicts(a, b)
        if reasons:
            reasons = facts.keep(reasons, a, b)
        kind = RelationKind.CONFLICT if reasons else RelationKind.MATCH
        relations.append(Relation(a.id, b.id, kind, round(pair.score, 4), tuple(reasons)))
    claims = group_claims(story, relations)
    return Analysis.build(story, tuple(relations), tuple(claims))
