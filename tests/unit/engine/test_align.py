"""Alignment: candidate pairs, the pair scorer and the choice of counterparts."""

from __future__ import annotations

import numpy as np
import pytest

from newsreader.engine import align as align_module
from newsreader.engine.align import align, candidate_pairs, select_pairs
from newsreader.engine.similarity import (
    build_corpus,
    inverse_frequencies,
    match_threshold,
    pair_score,
    score_pairs,
)
from newsreader.ingest.reader import Source, build_story
from newsreader.model import Story


def _story(*texts: str) -> Story:
    return build_story([Source(path=f"{i}.txt", raw=t) for i, t in enumerate(texts)])


def _texts(story: Story, pairs) -> set[tuple[str, str]]:
    flat = [s.text for a in story.articles for s in a.sentences]
    return {(flat[p.i], flat[p.j]) for p in pairs}


FERRY = _story(
    "The ferry Margarethe ran aground near Skerry Point on Sunday night.\n"
    "All 212 passengers were taken ashore by lifeboats before dawn.\n"
    "The harbour office blamed a broken rudder.\n",
    "Lifeboats brought all 212 passengers ashore before dawn on Monday.\n"
    "A broken rudder caused the accident, the harbour office said.\n"
    "The Margarethe ran aground close to Skerry Point late on Sunday.\n",
    "Fishing quotas for the coming season were published by the ministry.\n"
    "The new quotas cut the cod catch by a third.\n",
)


def test_paraphrases_are_counterparts_and_other_topics_are_not() -> None:
    found = _texts(FERRY, align(FERRY))
    assert (
        "The ferry Margarethe ran aground near Skerry Point on Sunday night.",
        "The Margarethe ran aground close to Skerry Point late on Sunday.",
    ) in found
    assert (
        "All 212 passengers were taken ashore by lifeboats before dawn.",
        "Lifeboats brought all 212 passengers ashore before dawn on Monday.",
    ) in found
    assert (
        "The harbour office blamed a broken rudder.",
        "A broken rudder caused the accident, the harbour office said.",
    ) in found
    assert len(found) == 3
    assert not any("quota" in a or "quota" in b for a, b in found)


def test_relations_join_different_articles_only_once_each() -> None:
    pairs = align(FERRY)
    flat = [s for a in FERRY.articles for s in a.sentences]
    assert all(flat[p.i].article_id != flat[p.j].article_id for p in pairs)
    assert len({(p.i, p.j) for p in pairs}) == len(pairs)
    assert all(p.i < p.j for p in pairs)


def test_sentence_with_two_claims_meets_both_counterparts() -> None:
    story = _story(
        "The bridge over the Vesna river reopened on Friday, and the toll was scrapped "
        "for lorries weighing under twelve tonnes.\n",
        "Engineers reopened the Vesna river bridge on Friday after repairs.\n"
        "The toll for lorries under twelve tonnes has been scrapped.\n",
    )
    found = _texts(story, align(story))
    assert len(found) == 2


def test_no_flooding_best_counterparts_per_article() -> None:
    # Words alone (no figures or dates, which link as facts): only the best few pair up.
    story = _story(
        "Volunteers planted oak saplings along the canal path in Dornfeld.\n",
        "Volunteers planted oak saplings along the Dornfeld canal path.\n"
        "The oak saplings now line the canal path in Dornfeld.\n"
        "Volunteers from Dornfeld planted saplings along the canal.\n"
        "The canal path in Dornfeld got new oak saplings from volunteers.\n"
        "Oak saplings were planted by volunteers on the canal path.\n",
    )
    pairs = align(story)
    assert 1 <= len(pairs) <= align_module.MAX_PER_ARTICLE
    scores = sorted((p.score for p in pairs), reverse=True)
    assert scores[-1] >= align_module.RELATIVE_CUT * scores[0]


def test_words_every_article_repeats_do_not_make_a_match() -> None:
    # The mayor and the town are in every sentence: they say nothing about which claim.
    story = _story(
        "Mayor Okonkwo of Tarnby opened the new library.\n"
        "Mayor Okonkwo of Tarnby said the budget is balanced.\n"
        "Mayor Okonkwo of Tarnby thanked the firefighters.\n",
        "Mayor Okonkwo of Tarnby visited the flooded farms.\n"
        "Mayor Okonkwo of Tarnby wants a second ferry line.\n"
        "Mayor Okonkwo of Tarnby met the teachers' union.\n",
    )
    assert not _texts(story, align(story))
    story_with_claim = _story(
        story.articles[0].text + "\nMayor Okonkwo of Tarnby cut the bus fare to one euro.\n",
        story.articles[1].text
        + "\nThe bus fare drops to one euro, Mayor Okonkwo of Tarnby said.\n",
    )
    assert _texts(story_with_claim, align(story_with_claim)) == {
        (
            "Mayor Okonkwo of Tarnby cut the bus fare to one euro.",
            "The bus fare drops to one euro, Mayor Okonkwo of Tarnby said.",
        )
    }


def test_candidates_find_what_brute_force_finds() -> None:
    flat = [s for a in FERRY.articles for s in a.sentences]
    number = {a.id: n for n, a in enumerate(FERRY.articles)}
    owner = np.array([number[s.article_id] for s in flat])
    corpus = build_corpus([s.text for s in flat])
    left, right = np.triu_indices(len(flat), k=1)
    cross = owner[left] != owner[right]
    left, right = left[cross], right[cross]
    scores = score_pairs(corpus, left, right)
    brute = select_pairs(left, right, scores, owner, match_threshold())
    expected = set(zip(left[brute].tolist(), right[brute].tolist(), strict=True))
    assert expected == {(p.i, p.j) for p in align(FERRY)}
    cand_left, cand_right = candidate_pairs(corpus, owner)
    assert expected <= set(zip(cand_left.tolist(), cand_right.tolist(), strict=True))


def test_pair_score_is_symmetric_bounded_and_ranks_paraphrases_first() -> None:
    a = "The council approved the new cycle lanes on Tuesday."
    b = "On Tuesday the council approved new cycle lanes."
    c = "The council postponed the vote on parking fees."
    assert pair_score(a, b) == pytest.approx(pair_score(b, a))
    assert 0.0 <= pair_score(a, c) < pair_score(a, b) <= 1.0
    assert pair_score(a, a) == pytest.approx(1.0)
    assert pair_score(a, b) >= match_threshold()


def test_rarity_comes_from_the_given_corpus() -> None:
    a = "Kestrel Airways cancelled flights to Oslo."
    b = "Kestrel Airways added flights to Rome."
    airline_news = inverse_frequencies(
        [f"Kestrel Airways flights to {city} were full." for city in ("Bergen", "Riga", "Turku")]
        + [a, b]
    )
    general_news = inverse_frequencies(
        ["The river rose overnight.", "Schools stayed closed.", "Flights resumed.", a, b]
    )
    assert airline_news["kestrel"] < general_news["kestrel"]
    assert pair_score(a, b, airline_news) < pair_score(a, b, general_news)


def test_hostile_input_does_not_break_alignment() -> None:
    endless = " ".join(["word", "1,234", "zebra"] * 2500)
    story = _story(
        endless,
        "Das Wetter in Berlin war am Montag sonnig und warm.\n",
        "12 34 56 78 90 12 34 56.\n3.5% 7% 9.25% 100 200.\n",
        "Das Wetter in Berlin war am Montag sonnig.\n",
    )
    pairs = align(story)
    found = _texts(story, pairs)
    assert (
        "Das Wetter in Berlin war am Montag sonnig und warm.",
        "Das Wetter in Berlin war am Montag sonnig.",
    ) in found


def test_single_article_and_single_sentence_stories() -> None:
    assert align(_story("Only one report exists about the storm.")) == []
    story = _story("The storm hit the coast.", "A storm hit the coast on Monday.")
    assert len(align(story)) == 1


def test_semantic_mode_runs_when_installed() -> None:
    pytest.importorskip("wordllama")
    pairs = align(FERRY, semantic=True)
    assert (
        "The harbour office blamed a broken rudder.",
        "A broken rudder caused the accident, the harbour office said.",
    ) in _texts(FERRY, pairs)


CLASHING = [
    (
        "No firefighters were injured in the blaze, officials said.",
        "Two firefighters were injured in the blaze, officials said.",
    ),
    (
        "The company will build a new gas pipeline to the coast.",
        "The company will build a new oil pipeline to the coast.",
    ),
    ("The summit opens on Tuesday in Geneva.", "The summit opens on Wednesday in Geneva."),
    (
        "At least 19 drones were shot down overnight, the ministry said.",
        "The ministry said 14 drones were downed during the night.",
    ),
    ("Prices rose 3% in March.", "In March, prices fell by 3 percent."),
    (
        "Twelve people were rescued from the collapsed building.",
        "Rescuers pulled 12 people from the rubble of the building.",
    ),
]


@pytest.mark.parametrize(("a", "b"), CLASHING)
def test_sentences_that_clash_on_one_fact_are_still_aligned(a: str, b: str) -> None:
    story = _story(
        "The weather in the region was calm all week.\nLocal schools reopened.\n" + a + "\n",
        "Schools in the area opened again.\nThe regional weather stayed calm.\n" + b + "\n",
    )
    assert (a, b) in _texts(story, align(story))


def test_sentences_made_only_of_common_terms_relate_to_nothing() -> None:
    # Every content word of the first and last lines is repeated throughout the story:
    # they state no claim of their own and must not pull in other sentences.
    body_a = "".join(f"Mayor Okonkwo of Tarnby {v} the {o}.\n" for v, o in VISITS)
    body_b = "".join(f"Mayor Okonkwo of Tarnby {v} the {o} again.\n" for v, o in VISITS)
    story = _story(
        "Mayor Okonkwo of Tarnby.\n" + body_a + "Tarnby and Okonkwo, said the mayor.\n",
        "Mayor Okonkwo of Tarnby.\n" + body_b + "Okonkwo, the mayor of Tarnby, said.\n",
    )
    found = _texts(story, align(story))
    assert found == {
        (f"Mayor Okonkwo of Tarnby {v} the {o}.", f"Mayor Okonkwo of Tarnby {v} the {o} again.")
        for v, o in VISITS
    }


VISITS = [("toured", "harbour"), ("opened", "museum"), ("praised", "nurses")]


def test_pruned_scoring_keeps_every_score_that_reaches_the_bar() -> None:
    flat = [s.text for a in FERRY.articles for s in a.sentences]
    corpus = build_corpus(flat)
    left, right = np.triu_indices(len(flat), k=1)
    exact = score_pairs(corpus, left, right)
    bar = float(np.median(exact))
    pruned = score_pairs(corpus, left, right, at_least=bar)
    reached = exact >= bar
    assert np.allclose(pruned[reached], exact[reached])
    assert np.all(pruned[~reached] < bar)
    assert np.all(pruned >= exact - 1e-12)


def test_one_fact_in_other_words_is_a_counterpart() -> None:
    # A toll worded apart shares the figure's kind and what it counts (people who died).
    story = _story(
        "A landslide buried the hamlet overnight, killing at least 12 people.\n"
        "The regional council met on Tuesday to discuss the budget.\n",
        "Fifteen residents lost their lives when the hillside gave way.\n"
        "Schools in the valley will reopen next week.\n",
    )
    found = _texts(story, align(story))
    assert any("killing at least 12" in a and "Fifteen residents" in b for a, b in found)
    assert not any("budget" in a or "budget" in b for a, b in found)


def test_short_lines_without_a_full_stop_are_labels() -> None:
    from newsreader.engine.align import states_something

    assert not states_something("About Northfield Pharmaceuticals")
    assert not states_something("Key points")
    assert states_something("Rates were cut.")
    assert states_something("The council voted to close the old library on Tuesday")


def test_sentences_sharing_only_names_are_not_counterparts() -> None:
    story = _story(
        "Defence lawyer Ines Varga Moreau had argued throughout that the firm was sound.\n"
        "The court fined the firm two million euros.\n",
        "Ines Varga Moreau, speaking on Friday, said her client would appeal.\n"
        "A fine of two million euros was imposed on the firm by the court.\n",
    )
    found = _texts(story, align(story))
    assert not any("Varga" in a for a, _ in found)
    assert any("fined" in a or "fined" in b for a, b in found)


def test_a_possibility_closed_and_left_open_is_kept_a_little_below_the_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clash = _story(
        "Governor Ana Ruiz said the council had not ruled out a further cut in December.\n"
        "The bank kept its main rate at 3 percent.\n",
        "Governor Ana Ruiz told reporters that another cut this year was off the table.\n"
        "Markets had expected a pause.\n",
    )
    agree = _story(
        "Governor Ana Ruiz said the council had ruled out a further cut in December.\n"
        "The bank kept its main rate at 3 percent.\n",
        "Governor Ana Ruiz told reporters that another cut this year was off the table.\n"
        "Markets had expected a pause.\n",
    )
    (pair,) = align(clash)
    (other,) = align(agree)
    # Raise the threshold just above both scores: only the clash is kept.
    above = max(pair.score, other.score) + 0.02
    assert above - align_module.RESCUE_FLOOR > 0.02
    monkeypatch.setattr(align_module, "match_threshold", lambda semantic: above)
    assert [(p.i, p.j) for p in align(clash)] == [(pair.i, pair.j)]
    assert align(agree) == []
