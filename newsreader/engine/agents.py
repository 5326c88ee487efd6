"""Who did it: one act, with the same object, done by another named person in each source.

"Prime Minister Stanko Veld declared a state of emergency" and "President Mirela Dravic,
who declared a state of emergency in the province" name two people for one act: a
substitution. The doer is a name of two or more capitalised words right before the
verb, or before ", who" or an apposition; the act is the verb (a past form, not a verb
of saying) with the first content words after it. Two different people doing the same
act to the same object are flagged only when neither sentence names the other person.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from newsreader.engine.lexicon import IRREGULAR, REPORTING_WORDS
from newsreader.engine.roles import name_runs
from newsreader.engine.terms import STOP_WORDS, term_of
from newsreader.engine.wordforms import PUNCT, Token, key, tokenize
from newsreader.model import Reason, ReasonType

_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "also", "then"})
_SAYING = frozenset(key(w) for w in (*REPORTING_WORDS, "announce", "confirm", "describe"))
_APPOSITION_REACH = 8
_OBJECT_WORDS = 4


class Act(NamedTuple):
    """A named doer, the act's verb term and the terms of its object."""

    surname: str
    verb: str
    objects: frozenset[str]
    span: tuple[int, int]


def _past_verb(tok: Token) -> bool:
    low = tok.low
    if not tok.is_word or tok.is_capitalized or key(low) in _SAYING:
        return False
    return low.endswith("ed") or (low in IRREGULAR and IRREGULAR[low] != low)


def _verb_after(toks: tuple[Token, ...], end: int) -> int | None:
    """The verb the name at toks[:end] is the subject of."""
    n = len(toks)
    k = end
    if k < n and toks[k].low == ",":
        if k + 1 < n and toks[k + 1].low == "who":
            k += 2
        else:
            # ", an external member, voted": past the apposition
            close = next(
                (j for j in range(k + 1, min(k + _APPOSITION_REACH, n)) if toks[j].low == ","),
                None,
            )
            if close is None:
                return None
            k = close + 1
    while k < n and toks[k].low in _AUXILIARIES:
        k += 1
    return k if k < n and _past_verb(toks[k]) else None


def _objects(toks: tuple[Token, ...], verb: int) -> frozenset[str]:
    found: list[str] = []
    for tok in toks[verb + 1 : verb + 1 + 2 * _OBJECT_WORDS]:
        if tok.low in PUNCT or len(found) == _OBJECT_WORDS:
            break
        if tok.is_word and tok.low not in STOP_WORDS:
            found.append(term_of(tok.low))
    return frozenset(found)


@lru_cache(maxsize=16384)
def acts(text: str) -> tuple[Act, ...]:
    """The acts of named doers in a sentence."""
    toks = tokenize(text)
    found = []
    for _, start, end in name_runs(toks):
        verb = _verb_after(toks, end)
        if verb is None:
            continue
        objects = _objects(toks, verb)
        if objects:
            span = (toks[start].start, toks[end - 1].end)
            found.append(Act(key(toks[end - 1].low), term_of(toks[verb].low), objects, span))
    return tuple(found)


@lru_cache(maxsize=16384)
def _surnames(text: str) -> frozenset[str]:
    return frozenset(key(t.low) for t in tokenize(text) if t.is_capitalized)


@lru_cache(maxsize=16384)
def pairs_of_names(text: str) -> tuple[tuple[str, str, tuple[int, int]], ...]:
    """Two people named together ("Radu Menzel and Tomas Krall"): both surnames and the
    span of the second name."""
    toks = tokenize(text)
    runs = name_runs(toks)
    found = []
    for (_, _, e1), (_, s2, e2) in pairwise(runs):
        if e1 < len(toks) and toks[e1].low == "and" and s2 - e1 <= 3:
            found.append(
                (key(toks[e1 - 1].low), key(toks[e2 - 1].low), (toks[s2].start, toks[e2 - 1].end))
            )
    return tuple(found)


def pair_conflicts(a: str, b: str) -> list[Reason]:
    """Two people named together on each side, one the same and the other not, and neither
    sentence naming the other's second person: "Menzel and Krall" / "Menzel and Dvorsk"."""
    names_a, names_b = _surnames(a), _surnames(b)
    for first_a, second_a, span_a in pairs_of_names(a):
        for first_b, second_b, span_b in pairs_of_names(b):
            people_a, people_b = {first_a, second_a}, {first_b, second_b}
            if len(people_a) != 2 or len(people_b) != 2 or len(people_a & people_b) != 1:
                continue  # "John Smith and Jane Smith": one surname for two people
            (only_a,), (only_b,) = people_a - people_b, people_b - people_a
            if only_a in names_b or only_b in names_a:
                continue
            detail = f"{a[span_a[0] : span_a[1]]} vs {b[span_b[0] : span_b[1]]}"
            return [Reason(ReasonType.SUBSTITUTION.value, detail, span_a, span_b)]
    return []


def agent_conflicts(a: str, b: str) -> list[Reason]:
    """A substitution for one act on one object done by two differently named people."""
    acts_b = acts(b)
    if not acts_b:
        return []
    names_a, names_b = _surnames(a), _surnames(b)
    reasons = []
    for x in acts(a):
        for y in acts_b:
            if x.surname == y.surname or x.verb != y.verb or len(x.objects & y.objects) < 2:
                continue
            if x.surname in names_b or y.surname in names_a:
                continue  # both people are named on one side: two of them may have acted
            detail = f"{a[x.span[0] : x.span[1]]} vs {b[y.span[0] : y.span[1]]}"
            reasons.append(Reason(ReasonType.SUBSTITUTION.value, detail, x.span, y.span))
            return reasons
    return reasons
