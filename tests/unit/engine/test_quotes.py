"""One quotation attributed to two different people is a substitution."""

from __future__ import annotations

from newsreader.engine.conflicts import conflicts_between
from newsreader.engine.quotes import misattributed_quotes, quotation

QUOTE = '"We will rebuild the bridge before the winter and nobody will pay a toll,"'


def test_one_quotation_in_two_mouths_clashes() -> None:
    a = f"{QUOTE} said mayor Helga Brandt."
    b = f"{QUOTE} said Olaf Reiter, the transport minister."
    (reason,) = misattributed_quotes(a, b)
    assert reason.type == "substitution"
    assert reason.detail == "Helga Brandt vs Olaf Reiter"
    assert any(r.type == "substitution" for r in conflicts_between(a, b))


def test_the_same_speaker_or_other_words_do_not_clash() -> None:
    a = f"{QUOTE} said mayor Helga Brandt."
    assert not misattributed_quotes(a, f"{QUOTE} Brandt told reporters on Monday.")
    other = '"The bridge will cost more than anyone was told last year," said Olaf Reiter.'
    assert not misattributed_quotes(a, other)
    # Both people named on one side: either may have said it.
    both = f"{QUOTE} said Olaf Reiter, standing beside Helga Brandt."
    assert not misattributed_quotes(a, both)


def test_titles_and_short_phrases_are_not_quotations() -> None:
    assert quotation('She starred in "Take Me Out to the Ball Game" with Gene Kelly.') is None
    assert quotation('He called it "a race to the bottom", said Anna Berg.') is None
    assert quotation(f"{QUOTE} said mayor Helga Brandt.") is not None


def test_a_speaker_named_by_surname_alone_next_to_a_verb_of_speech() -> None:
    a = f"{QUOTE} said mayor Helga Brandt."
    (reason,) = misattributed_quotes(a, f"{QUOTE} Reiter tells the council.")
    assert reason.detail == "Helga Brandt vs Reiter"
    assert misattributed_quotes(a, f"{QUOTE} said Reiter.")
    # who heard it, or when it was said, is no speaker
    assert not misattributed_quotes(a, f"{QUOTE} the mayor told Reuters.")
    assert not misattributed_quotes(a, f"{QUOTE} the mayor said Monday.")
    assert not misattributed_quotes(a, f"{QUOTE} Brandt said.")
