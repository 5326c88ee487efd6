"""One act on one object, done by another named person in each source."""

from __future__ import annotations

import pytest

from newsreader.engine.agents import acts, agent_conflicts


def test_the_doer_is_found_past_an_apposition_and_who() -> None:
    [plain] = acts("Governor Ana Ruiz signed the water bill on Friday.")
    [who] = acts("Ana Ruiz, who signed the water bill on Friday, left for Madrid.")
    [apposition] = acts("Ana Ruiz, the state's governor, signed the water bill on Friday.")
    assert plain.surname == who.surname == apposition.surname
    assert plain.verb == who.verb == apposition.verb
    assert plain.objects == who.objects == apposition.objects


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (
            "Governor Ana Ruiz signed the water bill on Friday.",
            "Mayor Tomas Brenn signed the water bill on Friday.",
            True,
        ),
        (
            "Governor Ana Ruiz signed the water bill on Friday.",
            "Mayor Tomas Brenn signed a trade deal on Friday.",
            False,
        ),
        (
            "Governor Ana Ruiz signed the water bill as Tomas Brenn watched.",
            "Mayor Tomas Brenn signed the water bill on Friday.",
            False,
        ),
        (
            "Governor Ana Ruiz said the water bill would pass.",
            "Mayor Tomas Brenn said the water bill would pass.",
            False,
        ),
    ],
)
def test_two_people_one_act(a: str, b: str, clash: bool) -> None:
    assert bool(agent_conflicts(a, b)) is clash


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (
            "Judge Ana Ruiz and Judge Tomas Brenn dissented from the ruling.",
            "The dissenting judges were Ana Ruiz and Carla Mendes.",
            True,
        ),
        (
            "Judge Ana Ruiz and Judge Tomas Brenn dissented from the ruling.",
            "Ana Ruiz and Tomas Brenn wrote the dissent.",
            False,
        ),
        (
            "Judge Ana Ruiz and Judge Tomas Brenn dissented, as did Carla Mendes.",
            "The dissenting judges were Ana Ruiz and Carla Mendes.",
            False,
        ),
        (
            "John Smith and Jane Smith opened the shop in 1990.",
            "John Smith and Peter Hale opened the shop in 1990.",
            False,
        ),
    ],
)
def test_two_people_named_together(a: str, b: str, clash: bool) -> None:
    from newsreader.engine.agents import pair_conflicts

    assert bool(pair_conflicts(a, b)) is clash


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (
            "The truce was negotiated over two nights by the envoy, Lena Marsh.",
            "Negotiated on Friday by Foreign Minister Paul Okoro, the truce took effect at noon.",
            True,
        ),
        (
            "The truce was negotiated by the envoy, Lena Marsh.",
            "Foreign Minister Paul Okoro negotiated the truce with both sides.",
            True,
        ),
        (
            "The truce was negotiated by the envoy, Lena Marsh.",
            "The truce was negotiated by Lena Marsh and announced by Paul Okoro.",
            False,
        ),
        (
            "The truce was negotiated by the envoy, Lena Marsh.",
            "The prisoner swap was negotiated by Paul Okoro.",
            False,
        ),
    ],
)
def test_the_doer_of_a_passive_is_compared_with_the_other_doer(a: str, b: str, clash: bool) -> None:
    reasons = agent_conflicts(a, b)
    assert bool(reasons) is clash
    if clash:
        assert "Lena Marsh" in a[reasons[0].a_span[0] : reasons[0].a_span[1]]


def test_a_group_named_by_itself_is_a_doer() -> None:
    a = "A hacking crew calling itself Blue Heron claimed responsibility for the outage."
    b = "A criminal gang calling itself Marlin has claimed responsibility for the outage."
    (reason,) = agent_conflicts(a, b)
    assert reason.detail == "Blue Heron vs Marlin"
    # a capital word without the naming words is no doer
    assert agent_conflicts(a, "Yesterday claimed responsibility for the outage.") == []
