"""Sentences that state one fact in other words: figures of one kind about one thing.

"killing at least 37 people" and "Fifty-two people have now lost their lives" share few
words but count the same thing (people who died). Each figure of a sentence gives fact
keys: its kind (count, percent, money, time, magnitude ...) with the class of what it counts
or of the event words around it (`FACT_CONCEPTS`, `OUTCOME_CLASSES`). A key that only a few
sentences per article hold is distinctive: two sentences of different articles that share
one are proposed as counterparts, and kept when their words do not rule it out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from newsreader.engine.lexicon import (
    CHANGE_DOWN,
    CHANGE_UP,
    FACT_CONCEPTS,
    OUTCOME_CLASSES,
    SYNONYM_SETS,
)
from newsreader.engine.quantities import Quantity, quantities
from newsreader.engine.wordforms import Token, key, tokenize

# A key held by more sentences than this per article (on average) is the story's topic,
# not one fact of it.
MAX_PER_ARTICLE = 2.5
# A fact held by more sentences than this is widespread enough for the words to find it;
# pairing all its holders would grow with the square of the story.
MAX_TOTAL = 24
# A sentence meets at most this many holders of one key in any other article.
MAX_HOLDERS = 2
# The event word of a count stands at most this many characters from it, in its clause.
MAX_EVENT_GAP = 40
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–"})
# Kinds whose figures are too common in news text to name a fact on their own.
_GENERIC_KINDS = frozenset(
    {"count", "year", "ordinal", "weekday", "date", "duration", "time", "age"}
)
_CONCEPT = {key(w): f"c{n}" for n, group in enumerate(FACT_CONCEPTS) for w in group}
for _n, _group in enumerate(SYNONYM_SETS):
    # A synonym of a word already in a class joins that class.
    _known = sorted(_CONCEPT[key(w)] for w in _group if key(w) in _CONCEPT)
    for _w in _group:
        _CONCEPT.setdefault(key(_w), _known[0] if _known else f"s{_n}")
_OUTCOME = {key(w): f"o{n}" for n, group in enumerate(OUTCOME_CLASSES) for w in group}
# "lost their lives", "claimed 12 lives": lives counted are deaths (the word itself, not
# its stem: "lived" is not).
_LIVES = _OUTCOME[key("death")]
_PERSON = _CONCEPT[key("people")]
_TOLLS = frozenset(_OUTCOME.values())


def concept(word: str) -> str:
    """The class a word key belongs to (an event outcome or a synonym set), else itself."""
    return _OUTCOME.get(word) or _CONCEPT.get(word) or word


_SYNONYM = {key(w): n for n, group in enumerate(SYNONYM_SETS) for w in group}


def synonyms(a: str, b: str) -> bool:
    """True when two word keys are one word or synonyms (ship / vessel), not only of one
    wider class (patients / people)."""
    return a == b or (a in _SYNONYM and _SYNONYM.get(a) == _SYNONYM.get(b))


def one_class(a: str, b: str) -> bool:
    """True when two word keys name one class of thing (patients and people, charges and
    counts), by event outcome or by synonym set."""
    return a == b or concept(a) == concept(b) or _CONCEPT.get(a, a) == _CONCEPT.get(b, b)


def _agent_root(word: str) -> str:
    """The verb an agent noun derives from ("investor" -> "invest", "worker" -> "work")."""
    if len(word) > 5 and word.endswith(("or", "er")):
        return word[:-2]
    return word


def _nearest_outcome(q: Quantity, toks: Sequence[Token]) -> str:
    """The outcome class of the event word nearest a count ("killing 37 and injuring
    hundreds": 37 were killed), '' when the sentence names none."""
    best, distance = "", None
    for n, t in enumerate(toks):
        outcome = (_LIVES if t.low == "lives" else _OUTCOME.get(key(t.low))) if t.is_word else None
        if outcome is None:
            continue
        gap = t.start - q.span[1] if t.start >= q.span[1] else q.span[0] - t.end
        low, high = sorted((t.start, q.span[0]))
        if gap > MAX_EVENT_GAP or any(
            u.low in _CLAUSE_MARKS for u in toks[max(0, n - 12) : n + 12] if low < u.start < high
        ):
            continue  # another clause: "the dead could rise, as two hamlets ..."
        # An event word after the figure ("37 people died") reads closer than one before.
        gap = gap if t.start >= q.span[1] else gap + 2
        if distance is None or gap < distance:
            best, distance = outcome, gap
    return best


def quantity_keys(q: Quantity, toks: Sequence[Token] = (), era: str = "") -> set[tuple[str, str]]:
    """The fact keys of one figure in a sentence of these tokens (see the module docstring).

    era: the years the sentence names; a count of another year is another fact.
    """
    kind = q.kind
    if kind == "count":
        outcome = _nearest_outcome(q, toks)
        if outcome:
            return {(kind, outcome + era)}
        thing = concept(_agent_root(q.head)) if q.head else ""
        if thing and thing != _PERSON:
            return {(kind, thing + era)}
        # People counted by what they did ("3,812 people invested" / "3,800 investors");
        # "18,000 people" alone says nothing of what happened to them.
        keys = {(kind, w + era) for w in q.near if w != q.head and concept(w) != _PERSON}
        if thing == _PERSON and q.head in _SYNONYM:
            # "12,000 staff" / "9,214 colleagues": people of one kind (a synonym set)
            keys.add((kind, f"kind{_SYNONYM[q.head]}" + era))
        return keys
    # "half of the volunteers" / "11.2% of patients": a share of people is a fact of what
    # happened to them, not of the people.
    keys = {(kind, concept(w)) for w in q.near | q.thing if concept(w) != _PERSON}
    change = _change_of(q, toks)
    if change:
        keys.add((kind, change))
    if kind not in _GENERIC_KINDS and not kind.startswith("money"):
        keys.add((kind, ""))
    return keys


_DIRECTION = {key(w): "up" for w in CHANGE_UP} | {key(w): "down" for w in CHANGE_DOWN}
# How far before "by 27%" its verb may stand: "cut the rate of cognitive decline by 27%".
_CHANGE_REACH = 10


def _change_of(q: Quantity, toks: Sequence[Token]) -> str:
    """'change:down' for a figure that says by how much something moved ("slowed decline
    by 27%", "reduced it by nearly a third"), from the verb before "by"; else ''."""
    at = next((n for n, t in enumerate(toks) if t.start >= q.span[0]), None)
    if at is None:
        return ""
    k = at - 1
    while k >= 0 and k >= at - 4 and toks[k].low != "by" and toks[k].low not in _CLAUSE_MARKS:
        k -= 1  # "by nearly", "by about a third"
    if k < 0 or toks[k].low != "by":
        return ""
    for j in range(k - 1, max(k - 1 - _CHANGE_REACH, -1), -1):
        if toks[j].low in _CLAUSE_MARKS or toks[j].low == ".":
            break
        direction = _DIRECTION.get(key(toks[j].low))
        if direction:
            return "change:" + direction
    return ""


# Kinds whose values are not facts of the story's own: when, which, whose age, what score.
_VALUELESS_KINDS = frozenset({"date", "year", "weekday", "time", "score", "age"})
# Large figures within this ratio of each other may be one figure rounded or updated.
NEAR_RATIO = 1.1


def value_keys(q: Quantity) -> set[tuple[str, str]]:
    """Keys of a figure's value when the value itself is distinctive: any figure of at
    least 100 ("1,842 participants" / "nearly 1,850 patients" / "more than 2,000 people"
    meet within NEAR_RATIO), or an exact one that is not small and round ("27%", "4.5")."""
    if q.kind in _VALUELESS_KINDS or q.zero or q.low <= 0:
        return set()
    value = q.low if math.isinf(q.high) else (q.low + q.high) / 2
    years = value / 365.25
    if q.kind == "duration" and years >= 1 and abs(years - round(years)) < 0.02:
        return set()  # "nine years", "a decade": terms any story repeats, not distinctive
    kind = "value:" + q.kind.split(":")[0]
    if q.kind == "ordinal":
        # "the 11th trip" / "the 11th time": past the first few, an ordinal is rare.
        return {(kind, f"{value:g}")} if value > 3 else set()
    if value >= 100:
        step = math.floor(math.log(value) / math.log(NEAR_RATIO))
        return {(kind, f"~{step}"), (kind, f"~{step + 1}")}
    exact = q.low == q.high
    round_ = value == int(value) and (value <= 12 or value % 5 == 0)
    if exact and not round_:
        return {(kind, f"{value:g}")}
    return set()


def names_fact(fact: tuple[str, str]) -> bool:
    """A fact key that says what a figure is about: a toll (people killed, injured ...)
    for a count, since '40 games' or '80 yards' may be any of many; for other kinds,
    any word next to it."""
    kind, word = fact
    if kind == "count":
        return word.split("@")[0] in _TOLLS
    return bool(word)


def era_of(qs: Sequence[Quantity]) -> str:
    """The years a sentence's figures name, as a key suffix ('' for none)."""
    years = sorted({int(q.low) for q in qs if q.kind == "year" and q.low == q.high})
    return "".join(f"@{y}" for y in years)


def sentence_keys(text: str) -> set[tuple[str, str]]:
    """The fact keys of every figure in a sentence."""
    toks = tuple(tokenize(text))
    qs = quantities(text, toks)
    found: set[tuple[str, str]] = set()
    for q in qs:
        found |= quantity_keys(q, toks, era_of(qs))
    return found


def _strong(fact: tuple[str, str]) -> bool:
    """A fact that stands without shared words: an event's toll (people killed, injured,
    arrested ...), a change of one direction by a stated share, a unique slot ('the main
    reason')."""
    kind, word = fact
    toll = kind == "count" and word[:1] == "o" and word in _TOLLS
    return toll or word.startswith("change:") or kind == "slot"


def fact_pairs(
    texts: Sequence[str],
    owner: np.ndarray,
    keys_of: Callable[[str], Iterable[tuple[str, str]]] = sentence_keys,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) of sentences of different articles that share a distinctive fact key,
    and per pair whether that key is an event's toll (people killed, injured, arrested ...),
    a fact strong enough to stand without shared words. `keys_of` gives a sentence's
    fact keys (the engine passes one that reuses the features it caches per sentence)."""
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, text in enumerate(texts):
        for k in keys_of(text):
            holders[k].append(n)
    articles = max(1, len(set(owner.tolist())))
    pairs: dict[tuple[int, int], bool] = {}
    for fact, members in holders.items():
        toll = _strong(fact)
        if not 2 <= len(members) <= min(MAX_TOTAL, MAX_PER_ARTICLE * articles):
            continue
        by_article: dict[int, list[int]] = defaultdict(list)
        for m in members:
            by_article[int(owner[m])].append(m)
        # An article that holds the key in many sentences repeats the story's subject.
        kept = [m for m in members if len(by_article[int(owner[m])]) <= MAX_HOLDERS]
        for i in kept:
            for j in kept:
                if i < j and owner[i] != owner[j]:
                    pairs[(i, j)] = pairs.get((i, j), False) or toll
    if not pairs:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, bool)
    ordered = sorted(pairs)
    both = np.array(ordered, dtype=np.int64)
    return both[:, 0], both[:, 1], np.array([pairs[p] for p in ordered], dtype=bool)
