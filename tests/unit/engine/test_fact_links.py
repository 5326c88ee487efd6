"""Facts worded apart: fact keys of figures, fact-linked pairs, reported counts and the
sides of a claim's conflicts."""

from __future__ import annotations

import numpy as np

from newsreader.engine.analysis import analyze
from newsreader.engine.conflicts import reported
from newsreader.engine.fact_links import fact_pairs, quantity_keys, sentence_keys
from newsreader.engine.quantities import quantities
from newsreader.engine.wordforms import tokenize
from newsreader.ingest.reader import Source, build_story


def _keys(text: str) -> list[set[tuple[str, str]]]:
    toks = tuple(tokenize(text))
    return [quantity_keys(q, toks) for q in quantities(text, toks)]


def test_a_count_belongs_to_the_event_word_nearest_it() -> None:
    killed, injured = _keys("The blast killed 14 people and injured 40 more.")
    assert killed != injured
    assert killed == _keys("Fourteen people lost their lives in the blast.")[0]
    assert injured == _keys("Some 40 people were hurt.")[0]


def test_people_counted_for_other_things_and_figures_of_another_year_share_no_fact() -> None:
    town = sentence_keys("The town has about 18,000 people.")
    assert not town & sentence_keys("Rescuers pulled 23 people from the rubble.")
    now = sentence_keys("The flood killed 40 people.")
    then = sentence_keys("A flood in 1998 killed 300 people.")
    assert now and then and not now & then


def test_agent_nouns_count_what_people_did() -> None:
    assert sentence_keys("Some 900 people invested in the scheme.") & sentence_keys(
        "The scheme had more than 900 investors."
    )


def test_fact_pairs_link_holders_across_articles_only() -> None:
    texts = [
        "The landslide killed at least 12 people.",
        "Officials met on Monday.",
        "Fifteen people died in the landslide.",
        "Eleven people were killed, a witness said.",
    ]
    owner = np.array([0, 0, 1, 0])
    left, right, toll = fact_pairs(texts, owner)
    assert set(zip(left.tolist(), right.tolist(), strict=True)) == {(0, 2), (2, 3)}
    assert toll.all()


def test_a_lower_bound_on_a_precise_count_is_that_count() -> None:
    def first(text: str):
        return quantities(text, tuple(tokenize(text)))[0]

    assert (
        reported(first("at least 37 people")).low,
        reported(first("at least 37 people")).high,
    ) == (
        37.0,
        37.0,
    )
    bound = first("more than 300 people")
    assert reported(bound) == bound


def test_a_claim_names_the_sides_of_its_conflict_and_the_later_report() -> None:
    story = build_story(
        [
            Source(
                path="a.txt",
                raw="Air defences shot down at least 19 drones over the capital overnight.\n",
                date="2025-05-07T08:00",
            ),
            Source(
                path="b.txt",
                raw="At least 14 drones were shot down over the capital overnight.\n",
                date="2025-05-07T11:30",
            ),
        ]
    )
    analysis = analyze(story)
    (claim,) = [c for c in analysis.claims if c.conflicts]
    (conflict,) = claim.conflicts
    assert conflict.type == "numeric"
    values = {side.value: side.articles for side in conflict.sides}
    first, second = (a.id for a in story.articles)
    assert values == {"at least 19": (first,), "At least 14": (second,)}
    assert conflict.sides[conflict.later].articles == (second,)


def test_whole_years_are_no_distinctive_value() -> None:
    from newsreader.engine.fact_links import value_keys
    from newsreader.engine.quantities import quantities
    from newsreader.engine.wordforms import tokenize

    def keys(text: str) -> set:
        return set().union(*(value_keys(q) for q in quantities(text, tokenize(text))))

    assert not keys("He was jailed for nine years.")
    assert keys("The study followed them for 18 months.")


def test_people_of_one_kind_share_a_key() -> None:
    staff = sentence_keys("The records of about 12,000 staff were accessed as well.")
    colleagues = sentence_keys("Personal data of 9,214 current and former colleagues was accessed.")
    people = sentence_keys("The records of about 12,000 people were accessed as well.")
    kinds = {k for k in staff & colleagues if k[1].startswith("kind")}
    assert kinds
    assert not kinds & people
