"""Whether a sentence closes a possibility or keeps it open, and where two sources differ.

"another cut this year was off the table" closes it; "declined to rule out another move"
and "left the door open to a cut" keep it open. Two sentences of one claim by one actor
that take the two stances disagree (one actor: a name in common, or a word before the
stance, "the minister"). A sentence that takes both ("ruled out a rise but
did not rule out a cut") is compared on what each stance is said of, and a stance under
"if" or "whether" is not one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from newsreader.engine.lexicon import (
    CLOSING_PHRASES,
    NEGATIVE_VERBS,
    NEGATORS,
    OPENING_PHRASES,
    REPORTING_WORDS,
)
from newsreader.engine.terms import STOP_WORDS
from newsreader.engine.wordforms import Token, key, tokenize
from newsreader.model import Reason, ReasonType

_NEGATIVE_VERBS = frozenset(key(w) for w in NEGATIVE_VERBS)
_CONDITIONS = frozenset({"if", "whether", "unless"})
# How many tokens before a phrase a negator may stand: "has not yet ruled out".
_NEGATOR_REACH = 3
# How many tokens before "to rule out" a verb of refusal may stand: "declined to".
_REFUSAL_REACH = 2
_BREAKS = frozenset({",", ";", ":", ".", "but", "and", "while", "although"})


def _by_first_word() -> dict[str, tuple[tuple[bool, tuple[str, ...]], ...]]:
    found: dict[str, list[tuple[bool, tuple[str, ...]]]] = {}
    for opening, phrases in ((True, OPENING_PHRASES), (False, CLOSING_PHRASES)):
        for phrase in phrases:
            found.setdefault(phrase[0], []).append((opening, phrase))
    return {word: tuple(entries) for word, entries in found.items()}


_BY_FIRST_WORD = _by_first_word()


class Stance(NamedTuple):
    """A possibility closed (`open` False) or kept open, the words that say so and the
    keys of the words naming what is possible."""

    open: bool
    span: tuple[int, int]
    what: frozenset[str] = frozenset()


# What a phrase is said of stands after it ("ruled out a cut", "left the door open to a
# cut") or, for the others, before it ("a cut is off the table").
_OBJECT_FIRST = frozenset({"rule", "rules", "ruled", "ruling", "left", "leave", "leaving"})
_OBJECT_FIRST |= frozenset({"kept", "keep", "keeping", "door"})
_OBJECT_REACH = 6
_REPORTING = frozenset(REPORTING_WORDS)


def _what(toks: tuple[Token, ...], first: int, last: int) -> frozenset[str]:
    """Keys of the content words of what the phrase from first to last is said of."""
    if toks[first].low in _OBJECT_FIRST:
        steps = range(last + 1, min(len(toks), last + 1 + _OBJECT_REACH))
    else:
        steps = range(first - 1, max(-1, first - 1 - _OBJECT_REACH), -1)
    found = set()
    for k in steps:
        low = toks[k].low
        if low in _BREAKS or low in _REPORTING:
            break
        if toks[k].is_word and len(low) > 2 and low not in STOP_WORDS:
            found.add(key(low))
    return frozenset(found)


def _match(toks: tuple[Token, ...], i: int, phrase: tuple[str, ...]) -> bool:
    end = i + len(phrase)
    return end <= len(toks) and all(toks[i + k].low == w for k, w in enumerate(phrase))


def _denied(toks: tuple[Token, ...], i: int) -> bool:
    """A negator or a verb of refusal before the phrase at i: 'did not rule out',
    'declined to rule out'."""
    for k in range(i - 1, max(-1, i - 1 - _NEGATOR_REACH), -1):
        low = toks[k].low
        if low in _BREAKS:
            return False
        if low in NEGATORS:
            return True
        if low == "to" and k >= 1:
            for v in range(k - 1, max(-1, k - 1 - _REFUSAL_REACH), -1):
                if key(toks[v].low) in _NEGATIVE_VERBS:
                    return True
    return False


def _conditional(toks: tuple[Token, ...], i: int) -> bool:
    for k in range(i - 1, -1, -1):
        if toks[k].low in (";", ":", "."):
            return False
        if toks[k].low in _CONDITIONS:
            return True
    return False


@lru_cache(maxsize=32768)
def stances(text: str) -> tuple[Stance, ...]:
    """The possibilities a sentence closes or keeps open, in order."""
    toks = tokenize(text)
    found = []
    for i, tok in enumerate(toks):
        for opening, phrase in _BY_FIRST_WORD.get(tok.low, ()):
            if not _match(toks, i, phrase) or _conditional(toks, i):
                continue
            last = i + len(phrase) - 1
            side = opening or _denied(toks, i)
            span = (toks[i].start, toks[last].end)
            found.append(Stance(side, span, _what(toks, i, last)))
    return tuple(found)


def _actors(text: str, stance: Stance) -> frozenset[str]:
    """Who may take the stance: the names of the sentence and the words before it."""
    return frozenset(
        key(t.low)
        for t in tokenize(text)
        if t.is_word
        and (t.is_capitalized or t.end <= stance.span[0])
        and t.low not in STOP_WORDS
        and t.low not in NEGATORS
        and key(t.low) not in _NEGATIVE_VERBS
    )


def possibility_conflicts(a: str, b: str) -> list[Reason]:
    """A possibility one sentence closes and the other keeps open: said by one actor (a
    name or a word before the stance in common) when each sentence takes one stance,
    else of one thing (a word of what each stance is said of in common)."""
    sa, sb = stances(a), stances(b)
    if not sa or not sb:
        return []
    if len({s.open for s in sa}) == 1 and len({s.open for s in sb}) == 1:
        x, y = sa[0], sb[0]
        if x.open == y.open or not _actors(a, x) & _actors(b, y):
            return []
    else:
        # Stances on several things: compare those said of one thing, when only one
        # pair of them is.
        same = [(x, y) for x in sa for y in sb if x.what & y.what]
        if len(same) != 1 or same[0][0].open == same[0][1].open:
            return []
        ((x, y),) = same
    detail = "left open vs ruled out" if x.open else "ruled out vs left open"
    return [Reason(ReasonType.NEGATION.value, detail, x.span, y.span)]
