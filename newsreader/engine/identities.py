"""Claims that name the one thing filling a unique slot, and where two sources name another.

"The main reason was a sharp fall in fuel prices" and "slowing wage growth was the main
reason for the decision" each say what *the* main reason was: a superlative or "main",
"chief", "decisive" before the head noun makes the slot unique, so two sentences naming
things that share no word disagree. The same holds for "the most common side effect was
headache" / "the most common adverse events were infusion-related reactions", and for
"named X as the decisive factor". Head nouns that mean the same (reason, factor, cause)
count as one slot.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from newsreader.engine.lexicon import CHANGE_DOWN, CHANGE_UP, SLOT_HEADS, UNIQUE_MARKERS
from newsreader.engine.terms import STOP_WORDS, term_of
from newsreader.engine.wordforms import PUNCT, Token, tokenize
from newsreader.model import Reason, ReasonType

_COPULAS = frozenset({"was", "were", "is", "are", "remains", "remained"})
_NAMING_VERBS = frozenset({"named", "cited", "identified", "blamed", "singled", "listed"})
_HEAD = {word: min(group) for group in SLOT_HEADS for word in group}
# Words that end the thing named: the rest of the sentence says something else.
_VALUE_ENDS = frozenset({"while", "whereas", "although", "though", "but", "according", "said"})
_VALUE_REACH = 8
_DETERMINERS = frozenset({"the", "its", "their", "his", "her"})
_AFTER_MOST = frozenset({"common", "frequent", "important", "likely"})


class Identity(NamedTuple):
    """A unique slot ('main reason') and the content terms of what fills it."""

    head: str
    terms: frozenset[str]
    span: tuple[int, int]


def _head_at(toks: tuple[Token, ...], i: int) -> tuple[str, int] | None:
    """A marked head starting at token i: 'the' main / most common + head noun(s).
    Returns the head's class and where the head ends."""
    n = len(toks)
    if toks[i].low not in _DETERMINERS:
        return None  # "a main reason" is one of several
    j = i + 1
    if j < n and toks[j].low == "single":
        j += 1
    if j + 1 < n and toks[j].low == "most" and toks[j + 1].low in UNIQUE_MARKERS:
        j += 2
    elif j < n and toks[j].low in UNIQUE_MARKERS - _AFTER_MOST:
        j += 1
    else:
        return None
    for size in (3, 2, 1):
        words = " ".join(t.low for t in toks[j : j + size])
        if words in _HEAD:
            return _HEAD[words], j + size
    return None


def _copula_after(toks: tuple[Token, ...], end: int) -> int | None:
    """The copula right after a head or after its phrase ("of the outage", "for it")."""
    if end < len(toks) and toks[end].low in _COPULAS:
        return end
    if end < len(toks) and toks[end].low in ("of", "for", "behind"):
        for k in range(end + 1, min(end + 6, len(toks))):
            if toks[k].low in _COPULAS:
                return k
            if toks[k].low in PUNCT:
                break
    return None


def _value(toks: tuple[Token, ...], start: int, stop: int, step: int) -> list[Token]:
    """The words naming the filler, read from `start` towards `stop` (step +1 or -1)."""
    words: list[Token] = []
    k = start
    while k != stop and len(words) < _VALUE_REACH:
        tok = toks[k]
        if tok.low in PUNCT or tok.low in _VALUE_ENDS or tok.low in _COPULAS:
            break
        if step < 0 and tok.low in ("that", "said", "says", "judges", "believes"):
            break  # "The bank said slowing wage growth was ...": the filler starts after it
        words.append(tok)
        k += step
    return words if step > 0 else words[::-1]


# Verbs of change say how the filler moved, not what it is ("a fall in fuel prices" /
# "slowing wage growth" are two things).
_MOVES = frozenset(term_of(w) for w in (*CHANGE_UP, *CHANGE_DOWN))


def _terms(words: list[Token]) -> frozenset[str]:
    found = (term_of(t.low) for t in words if t.is_word and t.low not in STOP_WORDS)
    return frozenset(w for w in found if w not in _MOVES)


def _trimmed(words: list[Token]) -> list[Token]:
    while words and (words[-1].low in STOP_WORDS or not words[-1].is_word):
        words = words[:-1]
    return words


@lru_cache(maxsize=16384)
def identities(text: str) -> tuple[Identity, ...]:
    """The unique slots a sentence fills, with what fills them."""
    toks = tokenize(text)
    found: list[Identity] = []
    n = len(toks)
    for i in range(n):
        marked = _head_at(toks, i)
        if marked is None:
            continue
        head, end = marked
        before = toks[i - 1].low if i > 0 else ""
        if before == "as":
            # "named the slowdown in pay growth as the decisive factor"
            verb = next((k for k in range(i - 2, -1, -1) if toks[k].low in _NAMING_VERBS), None)
            words = _value(toks, verb + 1, i - 1, 1) if verb is not None else []
        elif _copula_after(toks, end) is not None:
            # "the main reason was X", "the main cause of the outage was X"
            words = _value(toks, _copula_after(toks, end) + 1, n, 1)
        elif before in _COPULAS:
            words = _value(toks, i - 2, -1, -1)  # "X was the main reason"
        else:
            continue
        words = _trimmed(words)
        terms = _terms(words)
        if terms:
            found.append(Identity(head, terms, (words[0].start, words[-1].end)))
    return tuple(found)


def identity_conflicts(a: str, b: str) -> list[Reason]:
    """A substitution where both sentences fill one unique slot with things sharing no word."""
    reasons = []
    for x in identities(a):
        for y in identities(b):
            if x.head == y.head and not x.terms & y.terms:
                detail = f"{a[x.span[0] : x.span[1]]} vs {b[y.span[0] : y.span[1]]}"
                reasons.append(Reason(ReasonType.SUBSTITUTION.value, detail, x.span, y.span))
                break
    return reasons
