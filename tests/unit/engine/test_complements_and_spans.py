"""A denial about one thing and a span 'for N years after' an event."""

from __future__ import annotations

from newsreader.engine.conflicts import conflicts_between


def test_a_denied_noun_about_one_thing_clashes_with_its_assertion() -> None:
    found = conflicts_between(
        "Coach Lena Vormann said she had no complaints about the referee.",
        "Vormann says she will file a complaint with the league about the refereeing.",
    )
    assert [r.type for r in found] == ["negation"]


def test_a_denial_about_another_thing_does_not_clash() -> None:
    assert not conflicts_between(
        "Coach Lena Vormann said she had no complaints about the pitch.",
        "Vormann says she will file a complaint with the league about the refereeing.",
    )


def test_spans_for_years_after_an_event_are_compared() -> None:
    found = conflicts_between(
        "The owners promised there would be no job cuts for two years.",
        "The owners pledged that there would be no job cuts for four years after the merger.",
    )
    assert [r.detail for r in found] == ["two years vs four years"]


def test_one_subject_written_two_ways_decides_two_ways() -> None:
    found = conflicts_between(
        "Bus drivers at Kell Depot, who voted separately, rejected the offer on Monday.",
        "Kell Depot bus drivers, who held their own ballot, have accepted the deal.",
    )
    assert [r.detail for r in found] == ["rejected vs accepted"]
    assert not conflicts_between(
        "Bus drivers at Kell Depot, who voted separately, rejected the offer on Monday.",
        "Tram crews, who held their own ballot, have accepted the deal.",
    )


def test_one_subjects_act_asserted_and_denied() -> None:
    from newsreader.engine.conflicts import denied_by_one_subject, features

    signed = features("The agreement was signed at 10:00 this morning by both parties.")
    assert denied_by_one_subject(
        signed, features("The agreement itself has not yet been signed, officials said.")
    )
    assert not denied_by_one_subject(
        signed, features("The lease has not yet been signed, officials said.")
    )
