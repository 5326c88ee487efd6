"""The story engine: align sentences, detect conflicts, group claims."""

from __future__ import annotations

import gc

from newsreader.engine.align import Pair, align
from newsreader.engine.claims import cluster, group_claims
from newsreader.engine.conflicts import claim_figure_reasons, find_conflicts, same_fact_reasons
from newsreader.engine.relative_dates import reference_days, relative_date_reasons
from newsreader.engine.story_facts import StoryFacts
from newsreader.engine.version import ENGINE_VERSION
from newsreader.model import Analysis, Relation, RelationKind, Sentence, Story

__all__ = ["ENGINE_VERSION", "analyze"]

# Claims of up to this many sentences get every pair of their sentences as a relation; a
# larger one (a story of many reports, or of near copies) keeps the pairs that were aligned
# (a report of one event rarely states one claim in more than one or two sentences).
COMPLETE_UP_TO = 6
# A sentence related to at least this share of another claim's sentences states it too.
ALSO_STATES = 0.5


def analyze(story: Story, semantic: bool | None = None) -> Analysis:
    """Analyse a story: relations between sentences of different articles, and claims.

    `semantic` adds word embeddings to the alignment when the optional extra is installed
    (None: only when the NEWSREADER_SEMANTIC environment variable asks for it).
    """
    # The analysis makes many small objects that all live until it returns: looking for
    # garbage among them costs a sixth of its time and finds none.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyze(story, semantic)
    finally:
        if collecting:
            gc.enable()


def _analyze(story: Story, semantic: bool | None) -> Analysis:
    sentences = [s for a in story.articles for s in a.sentences]
    relations: list[Relation] = []
    pairs = _within_claims(sentences, align(story, semantic=semantic))
    found = [find_conflicts(sentences[p.i], sentences[p.j]) for p in pairs]
    facts = StoryFacts(story)
    days = reference_days(story.articles)
    for pair, reasons in zip(pairs, found, strict=True):
        a, b = sentences[pair.i], sentences[pair.j]
        if reasons and not pair.worded:
            reasons = same_fact_reasons(reasons, a.text, b.text)
        if not reasons:
            reasons = claim_figure_reasons(a.text, b.text, named=not pair.worded)
        if not reasons:
            reasons = relative_date_reasons(a.text, days[a.article_id], b.text, days[b.article_id])
        if reasons:
            reasons = facts.keep(reasons, a, b)
        kind = RelationKind.CONFLICT if reasons else RelationKind.MATCH
        relations.append(Relation(a.id, b.id, kind, round(pair.score, 4), tuple(reasons)))
    claims = group_claims(story, relations)
    return Analysis.build(story, tuple(relations), tuple(claims))


def _within_claims(sentences: list[Sentence], pairs: list[Pair]) -> list[Pair]:
    """The aligned pairs and every other cross-article pair of sentences that end up in one
    claim: a claim's sentences all state it, so each is a counterpart of the others."""
    edges = {(p.i, p.j): p.score for p in pairs}
    worded = {(p.i, p.j) for p in pairs if p.worded}
    owners = [s.article_id for s in sentences]
    groups = cluster(owners, edges)
    group_of = {n: g for g, members in enumerate(groups) for n in members}
    weakest: dict[int, float] = {}
    for (i, j), score in edges.items():
        if group_of[i] == group_of[j]:
            weakest[group_of[i]] = min(score, weakest.get(group_of[i], score))
    found = dict(edges)
    linked: dict[int, dict[int, int]] = {}  # sentence -> group -> counterparts in it
    for i, j in edges:
        for x, y in ((i, j), (j, i)):
            if group_of[y] != group_of[x]:
                row = linked.setdefault(x, {})
                row[group_of[y]] = row.get(group_of[y], 0) + 1
    for g, members in enumerate(groups):
        if not 3 <= len(members) <= COMPLETE_UP_TO:
            continue
        ordered = sorted(members)
        for x, i in enumerate(ordered):
            for j in ordered[x + 1 :]:
                found.setdefault((i, j), weakest[g])
    # A sentence related to most of another claim's sentences states that claim too (a
    # wire lead packs several; a report may state one twice): it is a counterpart of all
    # of them, though it belongs to its own claim.
    for i, row in linked.items():
        for g, count in row.items():
            members = groups[g]
            if not 3 <= len(members) <= COMPLETE_UP_TO or count < max(
                2, ALSO_STATES * len(members)
            ):
                continue
            for j in members:
                if owners[j] != owners[i]:
                    found.setdefault((min(i, j), max(i, j)), weakest[g])
    return [Pair(i, j, s, (i, j) in worded) for (i, j), s in sorted(found.items())]
