"""Claims: grouping related sentences across articles, status and stable ids."""

from __future__ import annotations

import random

from newsreader.engine.analysis import analyze
from newsreader.engine.claims import claim_id, group_claims
from newsreader.ingest.reader import Source, build_story
from newsreader.model import ClaimStatus, Reason, Relation, RelationKind, Story


def _story(*texts: str) -> Story:
    return build_story([Source(path=f"{i}.txt", raw=t) for i, t in enumerate(texts)])


def _ids(story: Story) -> list[list[str]]:
    return [[s.id for s in a.sentences] for a in story.articles]


# Four articles of three sentences each; relations are written by hand below.
GRID = _story(
    *(
        f"Report {n} first line about topic alpha.\n"
        f"Report {n} second line about topic beta.\n"
        f"Report {n} third line about topic gamma.\n"
        for n in "ABCD"
    )
)
S = _ids(GRID)


def _match(a: str, b: str, score: float = 0.6) -> Relation:
    return Relation(a, b, RelationKind.MATCH, score)


def _claim_of(claims, sentence_id: str) -> set[str]:
    return next(set(c.sentences) for c in claims if sentence_id in c.sentences)


def test_one_link_does_not_chain_unrelated_sentences() -> None:
    # A0-B0 and C0-D0 are strong pairs; a single weak link B0-C0 must not join them.
    relations = [
        _match(S[0][0], S[1][0], 0.9),
        _match(S[2][0], S[3][0], 0.9),
        _match(S[1][0], S[2][0], 0.5),
    ]
    claims = group_claims(GRID, relations)
    assert _claim_of(claims, S[0][0]) == {S[0][0], S[1][0]}
    assert _claim_of(claims, S[2][0]) == {S[2][0], S[3][0]}


def test_a_densely_related_group_becomes_one_claim() -> None:
    members = [S[k][1] for k in range(4)]
    relations = [
        _match(a, b, 0.7) for x, a in enumerate(members) for b in members[x + 1 :] if a != b
    ]
    claims = group_claims(GRID, relations)
    assert _claim_of(claims, members[0]) == set(members)


def test_half_linked_groups_merge_but_a_chain_does_not_grow_forever() -> None:
    # A path A2-B2-C2-D2: neighbours merge in pairs, the two pairs are linked by one
    # relation out of four sentence pairs, which is not enough.
    chain = [S[k][2] for k in range(4)]
    relations = [_match(chain[k], chain[k + 1], 0.8 - 0.1 * k) for k in range(3)]
    claims = group_claims(GRID, relations)
    assert max(len(c.sentences) for c in claims) <= 2


def test_a_claim_holds_at_most_one_sentence_per_article() -> None:
    relations = [
        _match(S[0][0], S[1][0], 0.8),
        _match(S[0][0], S[1][1], 0.7),
        _match(S[1][0], S[1][1], 0.9),  # same article: never joins a claim
    ]
    claims = group_claims(GRID, relations)
    articles = GRID.articles
    owner = {s.id: a.id for a in articles for s in a.sentences}
    for claim in claims:
        assert len({owner[s] for s in claim.sentences}) == len(claim.sentences)
    assert _claim_of(claims, S[0][0]) == {S[0][0], S[1][0]}


def test_every_sentence_is_in_exactly_one_claim_and_status_follows_relations() -> None:
    conflict = Relation(
        S[0][1], S[2][1], RelationKind.CONFLICT, 0.7, (Reason("numeric", "3 vs 4", (0, 1), (0, 1)),)
    )
    relations = [_match(S[0][0], S[1][0]), conflict]
    claims = group_claims(GRID, relations)
    flat = sorted(s for claim in claims for s in claim.sentences)
    assert flat == sorted(s for ids in S for s in ids)
    status = {s: c.status for c in claims for s in c.sentences}
    assert status[S[0][0]] is ClaimStatus.CORROBORATED
    assert status[S[0][1]] is ClaimStatus.CONFLICTING
    assert status[S[3][2]] is ClaimStatus.SINGLE_SOURCE


def test_grouping_does_not_depend_on_relation_order() -> None:
    relations = [
        _match(S[0][0], S[1][0], 0.9),
        _match(S[1][0], S[2][0], 0.8),
        _match(S[0][0], S[2][0], 0.7),
        _match(S[2][0], S[3][0], 0.6),
        _match(S[0][1], S[3][1], 0.5),
    ]
    expected = [(c.id, c.sentences, c.status) for c in group_claims(GRID, relations)]
    shuffled = relations[:]
    random.Random(7).shuffle(shuffled)
    assert [(c.id, c.sentences, c.status) for c in group_claims(GRID, shuffled)] == expected


FIRE = (
    "A fire destroyed the old grain mill in Velden on Tuesday night.\n"
    "Nobody was hurt, the fire brigade said.\n",
    "The old grain mill in Velden burned down on Tuesday night.\n"
    "The fire brigade said nobody was hurt.\n",
)


def test_claim_ids_survive_reanalysis_and_a_new_article() -> None:
    first = analyze(_story(*FIRE))
    again = analyze(_story(*FIRE))
    assert [c.id for c in first.claims] == [c.id for c in again.claims]
    extended = analyze(
        _story(*FIRE, "Velden's old grain mill was destroyed by fire on Tuesday night.\n")
    )
    mill = first.story.articles[0].sentences[0]
    before = first.claim_for(mill.id)
    after = extended.claim_for(mill.id)
    assert before.id == after.id == claim_id(mill)
    assert len(after.sentences) == 3
    assert after.status is ClaimStatus.CORROBORATED


def test_claims_on_a_story_group_the_paraphrases() -> None:
    analysis = analyze(_story(*FIRE))
    groups = sorted(len(c.sentences) for c in analysis.claims)
    assert groups == [2, 2]
    assert {c.status for c in analysis.claims} == {ClaimStatus.CORROBORATED}


def test_a_clash_across_two_claims_marks_both_conflicting() -> None:
    reason = Reason("antonym", "directly vs indirectly", (0, 6), (0, 8))
    relations = [
        _match(S[0][0], S[1][0], 0.9),  # A0 and B0 state one claim...
        # ...and A1 contradicts B0, but A already has a sentence in that claim.
        Relation(S[0][1], S[1][0], RelationKind.CONFLICT, 0.5, (reason,)),
    ]
    claims = group_claims(GRID, relations)
    status = {sid: c.status for c in claims for sid in c.sentences}
    assert _claim_of(claims, S[0][0]) == {S[0][0], S[1][0]}
    assert _claim_of(claims, S[0][1]) == {S[0][1]}
    assert status[S[0][0]] is ClaimStatus.CONFLICTING
    assert status[S[0][1]] is ClaimStatus.CONFLICTING
    assert status[S[2][0]] is ClaimStatus.SINGLE_SOURCE
