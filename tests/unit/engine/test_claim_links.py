"""Rules that link sentences into claims and compare their facts across sources."""

from __future__ import annotations

from story_factory import make_story

from newsreader.engine.align import align, states_something
from newsreader.engine.analysis import analyze
from newsreader.engine.conflicts import claim_figure_reasons, conflicts_between
from newsreader.engine.fact_links import value_keys
from newsreader.engine.quantities import quantities
from newsreader.engine.wordforms import tokenize
from newsreader.model import RelationKind


def _figures(text: str):
    return quantities(text, tokenize(text))


def test_questions_and_bare_headings_state_no_claim() -> None:
    assert not states_something("Will rates fall again?")
    assert not states_something("The verdict")
    assert states_something("The mayor resigned.")
    assert states_something("The mayor resigned on Friday, aides said.")


def test_a_question_gets_no_counterparts() -> None:
    story = make_story(
        [
            ["Were you affected by the flood in Dunmore?", "Other news follows here today."],
            ["The flood in Dunmore affected 300 homes.", "Unrelated sentence about sport."],
        ]
    )
    texts = [s.text for a in story.articles for s in a.sentences]
    assert all(texts[p.i].endswith(".") and texts[p.j].endswith(".") for p in align(story))


def test_distinctive_values_meet_and_small_round_ones_do_not() -> None:
    (a,) = _figures("The study enrolled 1,842 patients.")
    (b,) = _figures("Nearly 1,850 people took part.")
    (c,) = _figures("More than 2,500 people took part.")
    assert value_keys(a) & value_keys(b)
    assert not value_keys(a) & value_keys(c)
    (pct,) = _figures("Sales rose 27% last year.")
    (same,) = _figures("Sales were up 27 per cent.")
    assert value_keys(pct) & value_keys(same)
    (small,) = _figures("Ten people were hurt.")
    assert not value_keys(small)
    ordinal = _figures("It was her 11th visit.")
    assert ordinal and value_keys(ordinal[0])


def test_near_large_figures_of_one_claim_are_compared() -> None:
    (reason,) = claim_figure_reasons(
        "The trial enrolled more than 2,000 people.", "The trial followed 1,842 patients."
    )
    assert reason.type == "numeric"
    assert not claim_figure_reasons(
        "The trial enrolled about 1,800 people.", "The trial followed 1,842 patients."
    )


def test_a_figure_agrees_with_its_rounding() -> None:
    rose = "Shares in the firm rose 14.2% on Monday."
    assert not conflicts_between(rose, "The firm's shares jumped 14 per cent on Monday.")
    assert conflicts_between(rose, "The firm's shares jumped 12 per cent on Monday.")


def test_a_rate_keeps_its_period_out_of_the_durations() -> None:
    kinds = [q.kind for q in _figures("A family would save roughly 30 dorins a month.")]
    assert "duration" not in kinds


def test_one_thing_of_two_kinds_is_a_substitution() -> None:
    (reason,) = conflicts_between(
        "Leaders will discuss a possible oil pipeline into the region.",
        "Talks will cover the planned gas pipeline, which could carry fuel into the region.",
    )
    assert reason.type == "substitution" and reason.detail == "oil vs gas pipeline"
    assert not conflicts_between(
        "The People's Liberation Army will send a guard.", "The military will send a guard."
    )


def test_a_general_mention_of_both_kinds_does_not_settle_two_pipelines() -> None:
    a = "Leaders will discuss a possible oil pipeline into the region."
    b = "Talks will cover the planned gas pipeline into the region."
    filler = ["Unrelated sentence about sport.", "Another sentence about weather today."]
    third = ["Energy ties, including oil and gas sales, will be on the agenda."]
    story = make_story([[a, *filler], [*filler[::-1], b], third])
    kinds = {r.kind for r in analyze(story).relations if {r.a, r.b} == _ids(story, a, b)}
    assert kinds == {RelationKind.CONFLICT}


def _ids(story, a: str, b: str) -> set[str]:
    return {s.id for art in story.articles for s in art.sentences if s.text in (a, b)}


def test_a_vague_plural_counted_by_its_verb_is_a_figure() -> None:
    (_toll, vague) = _figures("The blast killed 12 people and injured hundreds, police said.")
    assert (vague.low, vague.high) == (200.0, float("inf"))
    (subject,) = _figures("Dozens were hurt in the crush.")
    assert subject.low == 24.0
    assert not _figures("Thousands marched through the city.")
