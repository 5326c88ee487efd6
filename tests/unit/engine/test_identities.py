"""Unique slots ('the main reason was ...') and the substitutions between their fillers."""

from __future__ import annotations

import pytest

from newsreader.engine.conflicts import conflicts_between
from newsreader.engine.identities import identities, identity_conflicts


def test_fillers_are_read_on_either_side_of_the_copula() -> None:
    [after] = identities("The main cause of the outage was a failed transformer.")
    [before] = identities("A failed transformer was the main cause of the outage.")
    assert after.head == before.head
    assert after.terms == before.terms


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (
            "The main reason for the delay was a shortage of parts.",
            "Officials said bad weather was the main reason for the delay.",
            True,
        ),
        (
            "The most common complaint was noise.",
            "The most frequent complaints concerned noise at night.",
            False,
        ),
        (
            "The chief cause of the fire was faulty wiring.",
            "Investigators named faulty wiring as the chief cause of the fire.",
            False,
        ),
        (
            "The chief cause of the fire was faulty wiring.",
            "Investigators named a discarded cigarette as the chief cause of the fire.",
            True,
        ),
        (
            "A main reason for the delay was a shortage of parts.",
            "Bad weather was another reason for the delay.",
            False,
        ),
    ],
)
def test_one_slot_two_fillers(a: str, b: str, clash: bool) -> None:
    assert bool(identity_conflicts(a, b)) is clash
    assert any(r.type == "substitution" for r in conflicts_between(a, b)) is clash
