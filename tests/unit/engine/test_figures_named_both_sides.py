"""Figures of one event named from either side: scores, titles since a year, crowds."""

from __future__ import annotations

import pytest

from newsreader.engine.conflicts import conflicts_between


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        (
            "Marlow Town beat Esterby Rovers 3-2 in the league final at the Corran Park on Friday.",
            "Marlow Town's 4-2 win over Esterby Rovers in Friday's league final was deserved.",
            "3-2 vs 4-2",
        ),
        (
            "It is the club's second league title and their first since 2009.",
            "The club's first league title since 2006 is the second in their history.",
            "2009 vs 2006",
        ),
        (
            "At least 8,000 Marlow supporters travelled to the final.",
            "At least 6,000 Marlow fans made the trip for the final.",
            "At least 8,000 vs At least 6,000 supporters",
        ),
    ],
)
def test_one_event_told_two_ways_clashes(a: str, b: str, detail: str) -> None:
    assert [r.detail for r in conflicts_between(a, b) if r.type in ("numeric", "date")] == [detail]


def test_figures_of_two_teams_each_named_alone_are_not_compared() -> None:
    found = conflicts_between(
        "Marlow Town scored 3 goals in the first half.",
        "Esterby Rovers scored 2 goals in the first half.",
    )
    assert not [r for r in found if r.type == "numeric"]


def test_a_figure_of_one_named_subject_reported_twice_clashes() -> None:
    from newsreader.engine.conflicts import features, held_figure_clash

    one = features("Velmont shares closed down 5.2 per cent by the end of trading.")
    assert held_figure_clash(one, features("Velmont finished 4.8% lower at 283.3p."))
    assert not held_figure_clash(one, features("Velmont finished 5.2% lower at 283.3p."))
    assert not held_figure_clash(one, features("Orrin finished 4.8% lower at 283.3p."))
    # Counts of one subject (a player's games, yards) are not held figures.
    assert not held_figure_clash(
        features("Velmont scored 12 goals in the league."),
        features("Velmont has nine goals this season."),
    )


def test_one_money_figure_of_one_subject_on_each_side_is_compared() -> None:
    found = conflicts_between(
        "Velmont expects £210m a year in cost savings, mostly from its fleet.",
        "Velmont expects to make annual cost savings of £180 million by the third year.",
    )
    assert [r.detail for r in found] == ["£210m vs £180 million"]
    # Another measure of the same subject is not its figure.
    assert not conflicts_between(
        "Velmont currently holds 8.3 per cent of the rival's shares.",
        "Velmont shares closed down 5.2 per cent on the day.",
    )


def test_a_result_line_and_a_report_of_the_game_compare_scores() -> None:
    from newsreader.engine.conflicts import same_fact_reasons

    line = "FULL TIME: Marlow Town 3-2 Esterby Rovers."
    report = "Marlow Town's 4-2 win over Esterby Rovers in the final was deserved."
    found = conflicts_between(line, report)
    assert [r.detail for r in found] == ["3-2 vs 4-2"]
    assert same_fact_reasons(found, line, report) == found  # one game: both teams named
    # A lead at one moment of the game is not its result.
    assert not conflicts_between(
        "Marlow Town were leading Esterby Rovers 3-1 with five minutes to play.", report
    )
