"""The story engine on the demo story and on small hand-made stories."""

from __future__ import annotations

from newsreader.engine.analysis import analyze
from newsreader.ingest.reader import Source, build_story
from newsreader.model import ClaimStatus, RelationKind


def _story(*texts: str):
    return build_story([Source(path=f"{i}.txt", raw=t) for i, t in enumerate(texts)])


def test_relations_join_different_articles(demo_analysis) -> None:
    assert demo_analysis.relations
    for relation in demo_analysis.relations:
        a = demo_analysis.sentence(relation.a)
        b = demo_analysis.sentence(relation.b)
        assert a.article_id != b.article_id


def test_every_sentence_is_in_exactly_one_claim(demo_analysis) -> None:
    seen = [sid for claim in demo_analysis.claims for sid in claim.sentences]
    all_ids = [s.id for a in demo_analysis.story.articles for s in a.sentences]
    assert sorted(seen) == sorted(all_ids)


def test_claim_ids_are_stable(demo_story, demo_analysis) -> None:
    again = analyze(demo_story)
    assert [c.id for c in again.claims] == [c.id for c in demo_analysis.claims]


def test_paraphrases_match_and_numbers_conflict() -> None:
    analysis = _story(
        "Police said 19 people were arrested after the protest in Lyon on Saturday.",
        "Police in Lyon arrested 14 people after Saturday's protest.",
    )
    [relation] = analysis_relations = analyze(analysis).relations
    assert relation.kind is RelationKind.CONFLICT
    reason = relation.reasons[0]
    a_text = analysis.articles[0].sentences[0].text
    b_text = analysis.articles[1].sentences[0].text
    assert a_text[slice(*reason.a_span)] == "19"
    assert b_text[slice(*reason.b_span)] == "14"
    assert len(analysis_relations) == 1


def test_unrelated_sentences_stay_single_source() -> None:
    result = analyze(
        _story(
            "The river flooded three villages in the north overnight.",
            "A new museum of modern art opened downtown with a concert.",
        )
    )
    assert not result.relations
    assert {c.status for c in result.claims} == {ClaimStatus.SINGLE_SOURCE}


def test_corroborated_claim() -> None:
    result = analyze(
        _story(
            "The central bank raised interest rates by half a point on Thursday.",
            "On Thursday the central bank raised interest rates by half a point.",
        )
    )
    assert [c.status for c in result.claims] == [ClaimStatus.CORROBORATED]


def test_a_sentence_related_to_most_of_a_claim_is_a_counterpart_of_all_of_it() -> None:
    from newsreader.engine.align import Pair
    from newsreader.engine.analysis import _within_claims
    from newsreader.model import Sentence

    owners = ["a", "b", "c", "e", "b"]
    sentences = [Sentence(f"{o}-{n}", o, n, "x", 0, 1) for n, o in enumerate(owners)]
    claim = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    # The second sentence of article b states the claim too: it meets two of its four.
    pairs = [Pair(i, j, 0.8, True) for i, j in claim] + [
        Pair(0, 4, 0.6, True),
        Pair(2, 4, 0.6, True),
    ]
    found = {(p.i, p.j) for p in _within_claims(sentences, pairs)}
    assert (3, 4) in found
    assert (1, 4) not in found  # one article's two sentences are never paired
    lone = [Pair(i, j, 0.8, True) for i, j in claim] + [Pair(0, 4, 0.6, True)]
    assert (3, 4) not in {(p.i, p.j) for p in _within_claims(sentences, lone)}
