"""Possibilities closed and kept open: read in set phrases, compared for one actor."""

from __future__ import annotations

import pytest

from newsreader.engine.conflicts import conflicts_between
from newsreader.engine.possibilities import possibility_conflicts, stances


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ("The council ruled out another cut.", False),
        ("A second referendum is off the table, the premier said.", False),
        ("She said a merger was out of the question.", False),
        ("The council did not rule out another cut.", True),
        ("The premier declined to rule out a second referendum.", True),
        ("The governor has not yet ruled out a run.", True),
        ("The board left the door open to a merger.", True),
        ("A deal remains on the table.", True),
    ],
)
def test_a_stance_is_read_with_its_side(text: str, open_: bool) -> None:
    (stance,) = stances(text)
    assert stance.open is open_
    assert text[stance.span[0] : stance.span[1]]


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether a cut was off the table, she smiled.",  # a question, no stance
        "If the talks fail, a strike is not ruled out.",  # a condition
        "The table was set for dinner.",
    ],
)
def test_no_stance_where_none_is_taken(text: str) -> None:
    assert stances(text) == ()


def test_one_actor_closing_and_keeping_open_clashes_with_both_phrases_marked() -> None:
    a = "Governor Ana Ruiz told reporters another cut this year was off the table."
    b = "Ruiz declined to rule out another move in December."
    (reason,) = possibility_conflicts(a, b)
    assert reason.type == "negation"
    assert a[reason.a_span[0] : reason.a_span[1]] == "off the table"
    assert b[reason.b_span[0] : reason.b_span[1]] == "rule out"
    assert conflicts_between(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two actors
        ("The union ruled out a strike.", "Management did not rule out a lockout."),
        # the same stance twice
        ("Ruiz ruled out a cut.", "Ruiz said a cut was off the table."),
        # stances on several things, none of them the other's
        ("Ruiz ruled out a rise but did not rule out a cut.", "Ruiz ruled out new taxes."),
    ],
)
def test_no_clash_without_one_actor_taking_two_stances(a: str, b: str) -> None:
    assert possibility_conflicts(a, b) == []


def test_stances_on_several_things_are_compared_on_the_thing_in_common() -> None:
    a = "Ruiz ruled out a rise but did not rule out a cut."
    b = "Ruiz said a cut was off the table."
    (reason,) = possibility_conflicts(a, b)
    assert reason.detail == "left open vs ruled out"
    assert a[reason.a_span[0] : reason.a_span[1]] == "rule out"
    assert a.index("did not rule out") < reason.a_span[0]


def test_a_denied_rule_out_does_not_deny_what_follows() -> None:
    # "declined to rule out a cut" keeps the cut possible: it does not deny it.
    a = "The bank declined to rule out a cut in rates."
    b = "The bank said a cut in rates was possible."
    assert conflicts_between(a, b) == []
