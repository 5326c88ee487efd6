"""Vote splits: read however they are written, compared only with a split of one vote."""

from __future__ import annotations

import pytest

from newsreader.engine.conflicts import conflicts_between
from newsreader.engine.tallies import tally_conflicts, tally_of


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("The board approved the merger by a six-to-three vote.", (6, 3)),
        ("The court ruled 5-4 in a ruling that split the bench.", (5, 4)),
        ("Eight senators voted for the bill, while three voted against it.", (8, 3)),
        ("Three of the nine judges dissented.", (6, 3)),
        ("The motion passed with a 12-7 majority.", (12, 7)),
    ],
)
def test_a_split_is_read_however_it_is_written(text: str, split: tuple[int, int]) -> None:
    tally = tally_of(text)
    assert tally is not None and (tally.high, tally.low) == split
    assert text[tally.span[0] : tally.span[1]]


@pytest.mark.parametrize(
    "text",
    [
        "The home side won 20-13 on Saturday.",  # a game's score
        "The ruling passed 5-4 and the appeal 6-3.",  # two votes: which is which is unknown
        "More than 200 members voted for the plan and 150 voted against.",  # a bound
        "Nine people were hurt.",
    ],
)
def test_no_split_where_none_is_stated(text: str) -> None:
    assert tally_of(text) is None


def test_two_splits_of_one_vote_clash_with_their_values() -> None:
    a = "The council backed the plan by a narrow five-to-four vote."
    b = "Six councillors voted for the plan and three voted against."
    [reason] = tally_conflicts(a, b)
    assert reason.type == "numeric" and reason.detail == "5-4 vs 6-3 vote"
    assert a[reason.a_span[0] : reason.a_span[1]] == "five-to-four"
    assert any(r.detail == "5-4 vs 6-3 vote" for r in conflicts_between(a, b))


def test_the_same_split_in_other_words_agrees() -> None:
    a = "The council backed the plan by a five-to-four vote."
    b = "Four of the nine councillors opposed the plan."
    assert tally_conflicts(a, b) == []
    assert tally_conflicts(a, "The plan passed 5-4.") == []


def test_a_share_of_another_body_says_nothing_of_the_vote() -> None:
    a = "The council backed the plan by a five-to-four vote."
    assert tally_conflicts(a, "Two of the seven members wanted to wait.") == []
    assert (
        tally_conflicts("Two of the seven members wanted to wait.", "Three of the seven said no.")
        == []
    )


def test_a_tally_in_digits_and_a_share_of_the_votes() -> None:
    tally = tally_of("The 412-to-188 vote came after a week-long ballot.")
    assert tally is not None and (tally.high, tally.low) == (412, 188)
    # 412 of 600 is 68.7%: a share of 61% does not follow from it, 68.7% does.
    [reason] = tally_conflicts(
        "The 412-to-188 vote came after a week-long ballot.",
        "The motion passed with 61% of the votes cast, on a turnout of 80%.",
    )
    assert reason.detail == "412-188 (68.7%) vs 61% of the vote"
    assert (
        tally_conflicts("The margin was 412 votes to 188.", "It passed with 68.7% of votes.") == []
    )
    # A turnout is no side's share.
    assert tally_conflicts("The margin was 412 votes to 188.", "Turnout was 61% of voters.") == []
