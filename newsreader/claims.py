"""Grouping related sentences across articles into claims with stable ids."""

from __future__ import annotations

import hashlib
import re

from newsreader.model import Claim, ClaimStatus, Relation, RelationKind, Sentence, Story


def _anchor_key(sentence: Sentence) -> str:
    normalized = re.sub(r"\W+", " ", sentence.text.lower()).strip()
    return f"{sentence.article_id}\n{normalized}"


def group_claims(story: Story, relations: list[Relation]) -> list[Claim]:
    """Merge related sentences into claims, at most one sentence per article per claim."""
    sentences = {s.id: s for a in story.articles for s in a.sentences}
    order = {s.id: n for n, s in enumerate(sentences.values())}
    members: dict[str, list[str]] = {sid: [sid] for sid in sentences}
    group_of: dict[str, str] = {sid: sid for sid in sentences}
    for relation in sorted(relations, key=lambda r: -r.score):
        ga, gb = group_of[relation.a], group_of[relation.b]
        if ga == gb:
            continue
        arts_a = {sentences[s].article_id for s in members[ga]}
        arts_b = {sentences[s].article_id for s in members[gb]}
        if arts_a & arts_b:
            continue
        members[ga].extend(members[gb])
        for sid in members.pop(gb):
            group_of[sid] = ga
    conflicts = {(r.a, r.b) for r in relations if r.kind is RelationKind.CONFLICT}
    claims: list[Claim] = []
    used_ids: set[str] = set()
    for group in sorted(members.values(), key=lambda g: min(order[s] for s in g)):
        group.sort(key=order.__getitem__)
        anchor = sentences[group[0]]
        digest = hashlib.sha1(_anchor_key(anchor).encode()).hexdigest()
        claim_id, n = f"c-{digest[:10]}", 2
        while claim_id in used_ids:
            claim_id, n = f"c-{digest[:10]}-{n}", n + 1
        used_ids.add(claim_id)
        in_group = set(group)
        if any(a in in_group and b in in_group for a, b in conflicts):
            status = ClaimStatus.CONFLICTING
        elif len(group) > 1:
            status = ClaimStatus.CORROBORATED
        else:
            status = ClaimStatus.SINGLE_SOURCE
        articles = tuple(dict.fromkeys(sentences[s].article_id for s in group))
        claims.append(Claim(id=claim_id, sentences=tuple(group), status=status, articles=articles))
    return claims
