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
# How many words of a post may stand between "by" and the doer's name ("by the state
# mediator, Ilse Ferrand"), and of an adverbial between the verb and "by".
_ROLE_WORDS = 6
# Words that give a group its name: "a gang calling itself Nightjar".
_SELF_NAMING = frozenset({("calling", "itself"), ("calls", "itself"), ("known", "as")})
_ADVERBIAL_WORDS = 4


class Act(NamedTuple):
    """A named doer, the act's verb term and the terms of its object."""

    surname: str
    verb: str
    objects: frozenset[str]
    span: tuple[int, int]
    passive: bool = False


def _past_verb(tok: Token, first: bool = False) -> bool:
    """A past form, not a verb of saying (`first`: the sentence's first word may be
    capitalised)."""
    low = tok.low
    if not tok.is_word or (tok.is_capitalized and not first) or key(low) in _SAYING:
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


def _verb_before_by(toks: tuple[Token, ...], lead: int) -> int | None:
    """The past verb of a passive whose doer, named from toks[lead], follows "by"
    ("was brokered over the weekend by the state mediator, Ilse Ferrand")."""
    k = lead - 1
    while k >= 0 and lead - k <= _ROLE_WORDS and toks[k].low != "by":
        if toks[k].low in PUNCT and toks[k].low != ",":
            return None
        k -= 1
    if k < 1 or toks[k].low != "by":
        return None
    for v in range(k - 1, max(-1, k - 1 - _ADVERBIAL_WORDS), -1):
        if toks[v].low in PUNCT:
            return None
        if _past_verb(toks[v], first=v == 0):
            return v
    return None


def _passive_objects(toks: tuple[Token, ...], verb: int, end: int) -> frozenset[str]:
    """What a passive verb was done to: its subject before it ("The agreement was
    brokered") or, for a fronted participle, the subject after the doer ("Brokered by
    X, the agreement was put to members")."""
    if verb == 0 or (verb == 1 and toks[0].low in PUNCT):
        words = toks[end + 1 : end + 1 + 2 * _OBJECT_WORDS] if end < len(toks) else ()
    else:
        words = toks[max(0, verb - 2 * _OBJECT_WORDS) : verb]
    found = {
        term_of(t.low)
        for t in words
        if t.is_word
        and not t.is_capitalized
        and t.low not in STOP_WORDS
        and t.low not in _AUXILIARIES
    }
    return frozenset(found)


@lru_cache(maxsize=16384)
def acts(text: str) -> tuple[Act, ...]:
    """The acts of named doers in a sentence, active ("Ferrand brokered the deal") or
    passive ("the deal was brokered by Ferrand")."""
    toks = tokenize(text)
    found = []
    runs = name_runs(toks)
    in_runs = {k for _, start, end in runs for k in range(start, end)}
    for k in range(2, len(toks)):
        # "a gang calling itself Nightjar claimed": a one-word name the sentence gives
        if k in in_runs or not toks[k].is_capitalized or not toks[k].is_word:
            continue
        if (toks[k - 2].low, toks[k - 1].low) not in _SELF_NAMING:
            continue
        verb = _verb_after(toks, k + 1)
        objects = _objects(toks, verb) if verb is not None else frozenset()
        if verb is not None and objects:
            span = (toks[k].start, toks[k].end)
            found.append(Act(key(toks[k].low), term_of(toks[verb].low), objects, span))
    for lead, start, end in runs:
        span = (toks[start].start, toks[end - 1].end)
        verb = _verb_after(toks, end)
        if verb is not None:
            objects = _objects(toks, verb)
            if objects:
                found.append(Act(key(toks[end - 1].low), term_of(toks[verb].low), objects, span))
            continue
        verb = _verb_before_by(toks, lead)
        if verb is not None:
            objects = _passive_objects(toks, verb, end)
            if objects:
                found.append(
                    Act(key(toks[end - 1].low), term_of(toks[verb].low), objects, span, True)
                )
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


def other_doers(a: str, b: str) -> bool:
    """True when one act on one object is done by a different named doer on each side and
    neither sentence names the other's ("the Red Sox made Teixeira a $200 million offer" /
    "the Nationals made Teixeira a $160 million offer"): two acts, whose figures differ."""
    acts_b = acts(b)
    if not acts_b:
        return False
    names_a, names_b = _surnames(a), _surnames(b)
    return any(
        x.surname != y.surname
        and x.verb == y.verb
        and x.objects & y.objects
        and x.surname not in names_b
        and y.surname not in names_a
        for x in acts(a)
        for y in acts_b
    )


def agent_conflicts(a: str, b: str) -> list[Reason]:
    """A substitution for one act on one object done by two differently named people."""
    acts_b = acts(b)
    if not acts_b:
        return []
    names_a, names_b = _surnames(a), _surnames(b)
    reasons = []
    for x in acts(a):
        for y in acts_b:
            # A passive's object is its subject: one word of it ("the agreement") is enough.
            shared = 1 if x.passive or y.passive else 2
            if x.surname == y.surname or x.verb != y.verb or len(x.objects & y.objects) < shared:
                continue
            if x.surname in names_b or y.surname in names_a:
                continue  # both people are named on one side: two of them may have acted
            detail = f"{a[x.span[0] : x.span[1]]} vs {b[y.span[0] : y.span[1]]}"
            reasons.append(Reason(ReasonType.SUBSTITUTION.value, detail, x.span, y.span))
            return reasons
    return reasons
