"""Grouping related sentences across articles into claims with stable ids.

Claims grow by average linkage over the relation graph, strongest links first: two groups
merge only when they come from different articles and at least half of the sentence pairs
between them are related. One relation alone can therefore not chain two unrelated
sentences into one claim through a third, and a claim never holds two sentences of the
same article.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from newsreader.model import (
    Claim,
    ClaimConflict,
    ClaimStatus,
    ConflictSide,
    Relation,
    RelationKind,
    Sentence,
    Story,
)

# Share of the sentence pairs between two groups that must be related for them to merge.
MIN_LINKED_SHARE = 0.5


def _anchor_key(sentence: Sentence) -> str:
    normalized = re.sub(r"\W+", " ", sentence.text.lower()).strip()
    return f"{sentence.article_id}\n{normalized}"


def claim_id(anchor: Sentence) -> str:
    """The id of a claim: a digest of its first sentence (article and normalised text)."""
    return f"c-{hashlib.sha1(_anchor_key(anchor).encode()).hexdigest()[:10]}"


@dataclass
class _Group:
    members: list[int]
    articles: set[str]
    version: int = 0
    links: dict[int, list[float]] = field(default_factory=dict)  # other -> [score sum, count]


def cluster(owners: list[str], edges: dict[tuple[int, int], float]) -> list[list[int]]:
    """Average-linkage clustering of sentence positions under the one-per-article rule."""
    groups = {n: _Group([n], {owner}) for n, owner in enumerate(owners)}
    for (i, j), score in edges.items():
        groups[i].links[j] = [score, 1.0]
        groups[j].links[i] = [score, 1.0]
    heap = [(-score, i, j, 0, 0) for (i, j), score in edges.items()]
    heapq.heapify(heap)
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        ga, gb = groups.get(a), groups.get(b)
        if ga is None or gb is None or ga.version != version_a or gb.version != version_b:
            continue
        if ga.articles & gb.articles:
            continue
        if len(gb.members) > len(ga.members):
            a, b, ga, gb = b, a, gb, ga
        ga.members.extend(gb.members)
        ga.articles |= gb.articles
        ga.version += 1
        del groups[b]
        ga.links.pop(b, None)
        for other, (total, count) in gb.links.items():
            if other == a:
                continue
            link = ga.links.setdefault(other, [0.0, 0.0])
            link[0] += total
            link[1] += count
            neighbour = groups[other].links
            neighbour.pop(b, None)
            neighbour[a] = link
        for other, (total, count) in ga.links.items():
            go = groups[other]
            pairs = len(ga.members) * len(go.members)
            if count >= MIN_LINKED_SHARE * pairs and not ga.articles & go.articles:
                x, y = (a, other) if a < other else (other, a)
                heapq.heappush(heap, (-total / pairs, x, y, groups[x].version, groups[y].version))
    return [g.members for g in groups.values()]


def group_claims(story: Story, relations: list[Relation]) -> list[Claim]:
    """Merge related sentences into claims, at most one sentence per article per claim."""
    sentences = [s for a in story.articles for s in a.sentences]
    position = {s.id: n for n, s in enumerate(sentences)}
    edges: dict[tuple[int, int], float] = {}
    for relation in relations:
        i, j = sorted((position[relation.a], position[relation.b]))
        edges[(i, j)] = max(edges.get((i, j), 0.0), relation.score)
    groups = cluster([s.article_id for s in sentences], edges)
    group_of = {n: g for g, members in enumerate(groups) for n in members}
    # A clash marks the claims on both sides, also when the two sentences ended up in
    # different claims (a sentence may already have a counterpart from that article).
    conflicting = {
        group_of[position[end]]
        for r in relations
        if r.kind is RelationKind.CONFLICT
        for end in (r.a, r.b)
    }
    # The clashes each sentence is an end of, with their place in the relations' order.
    clashes_of: dict[str, list[tuple[int, Relation]]] = {}
    for k, r in enumerate(relations):
        if r.kind is RelationKind.CONFLICT:
            clashes_of.setdefault(r.a, []).append((k, r))
            clashes_of.setdefault(r.b, []).append((k, r))
    by_id = {s.id: s for s in sentences}
    dates = {a.id: a.date for a in story.articles}
    claims: list[Claim] = []
    used_ids: set[str] = set()
    for g in sorted(range(len(groups)), key=lambda g: min(groups[g])):
        members = sorted(groups[g])
        base = claim_id(sentences[members[0]])
        ident, n = base, 2
        while ident in used_ids:
            ident, n = f"{base}-{n}", n + 1
        used_ids.add(ident)
        if g in conflicting:
            status = ClaimStatus.CONFLICTING
        elif len(members) > 1:
            status = ClaimStatus.CORROBORATED
        else:
            status = ClaimStatus.SINGLE_SOURCE
        touching = dict(c for m in members for c in clashes_of.get(sentences[m].id, ()))
        claims.append(
            Claim(
                id=ident,
                sentences=tuple(sentences[m].id for m in members),
                status=status,
                articles=tuple(dict.fromkeys(sentences[m].article_id for m in members)),
                conflicts=claim_conflicts(
                    story, [touching[k] for k in sorted(touching)], by_id, dates
                ),
            )
        )
    return claims


def _value_key(value: str) -> str:
    return re.sub(r"\W+", " ", value.lower()).strip()


def claim_conflicts(
    story: Story,
    clashes: list[Relation],
    sentences: dict[str, Sentence],
    dates: Mapping[str, str | None] | None = None,
) -> tuple[ClaimConflict, ...]:
    """The discrepancies of a claim with their sides: for each fact in dispute, the value
    each side states and the sentences and articles that state it (`dates`: the date of
    each article of the story, read from it when not given)."""
    if not clashes:
        return ()
    if dates is None:
        dates = {a.id: a.date for a in story.articles}
    facts: dict[tuple[str, frozenset[str]], dict[str, list[str]]] = {}
    details: dict[tuple[str, frozenset[str]], str] = {}
    shown: dict[tuple[tuple[str, frozenset[str]], str], str] = {}
    for relation in clashes:
        a, b = sentences[relation.a], sentences[relation.b]
        for reason in relation.reasons:
            left = a.text[reason.a_span[0] : reason.a_span[1]]
            right = b.text[reason.b_span[0] : reason.b_span[1]]
            values = (_value_key(left), _value_key(right))
            if values[0] == values[1]:
                continue
            fact = (reason.type, frozenset(values))
            sides = facts.setdefault(fact, {})
            details.setdefault(fact, reason.detail)
            for value, text, sentence in ((values[0], left, a), (values[1], right, b)):
                shown.setdefault((fact, value), text)
                holders = sides.setdefault(value, [])
                if sentence.id not in holders:
                    holders.append(sentence.id)
    found: list[ClaimConflict] = []
    for fact, sides in facts.items():
        built = []
        for value, holders in sides.items():
            articles = tuple(dict.fromkeys(sentences[h].article_id for h in holders))
            known = [dates[x] for x in articles if dates.get(x)]
            built.append(
                ConflictSide(
                    value=shown[(fact, value)],
                    sentences=tuple(holders),
                    articles=articles,
                    date=max(known) if known and len(known) == len(articles) else None,
                )
            )
        found.append(ClaimConflict(fact[0], details[fact], tuple(built), later_side(built)))
    return tuple(found)


def later_side(sides: list[ConflictSide]) -> int | None:
    """The side published later, when every side has dates (ISO strings) that differ."""
    if len(sides) != 2 or sides[0].date is None or sides[1].date is None:
        return None
    first, second = sides[0].date, sides[1].date
    if first == second or (("T" in first) != ("T" in second) and first[:10] == second[:10]):
        return None  # the same day, and only one of them says at what time
    return 0 if first > second else 1
