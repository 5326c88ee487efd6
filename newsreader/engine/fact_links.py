"""Sentences that state one fact in other words: figures of one kind about one thing.

"killing at least 37 people" and "Fifty-two people have now lost their lives" share few
words but count the same thing (people who died). Each figure of a sentence gives fact
keys: its kind (count, percent, money, time, magnitude ...) with the class of what it counts
or of the event words around it (`FACT_CONCEPTS`, `OUTCOME_CLASSES`). A key that only a few
sentences per article hold is distinctive: two sentences of different articles that share
one are proposed as counterparts, and kept when their words do not rule it out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from newsreader.engine.lexicon import FACT_CONCEPTS, OUTCOME_CLASSES
from newsreader.engine.quantities import Quantity, quantities
from newsreader.engine.wordforms import key, tokenize

# A key held by more sentences than this per article (on average) is the story's topic,
# not one fact of it.
MAX_PER_ARTICLE = 2.5
# A sentence meets at most this many holders of one key in any other article.
MAX_HOLDERS = 3
# Kinds whose figures are too common in news text to name a fact on their own.
_GENERIC_KINDS = frozenset(
    {"count", "year", "ordinal", "weekday", "date", "duration", "time", "age"}
)
_CONCEPT = {key(w): f"c{n}" for n, group in enumerate(FACT_CONCEPTS) for w in group}
_OUTCOME = {key(w): f"o{n}" for n, group in enumerate(OUTCOME_CLASSES) for w in group}
# "lost their lives", "claimed 12 lives": lives counted are deaths.
_OUTCOME[key("lives")] = _OUTCOME[key("death")]


def _concept(word: str) -> str:
    return _OUTCOME.get(word) or _CONCEPT.get(word) or word


def quantity_keys(q: Quantity) -> set[tuple[str, str]]:
    """The fact keys of one figure (see the module docstring)."""
    kind = q.kind
    words = q.near | q.context | q.thing
    outcomes = {_OUTCOME[w] for w in words if w in _OUTCOME}
    if kind == "count":
        if outcomes:
            return {(kind, o) for o in outcomes}
        return {(kind, _concept(q.head))} if q.head else set()
    keys = {(kind, _concept(w)) for w in q.near | q.thing}
    if kind not in _GENERIC_KINDS and not kind.startswith("money"):
        keys.add((kind, ""))
    return keys


def sentence_keys(text: str) -> set[tuple[str, str]]:
    """The fact keys of every figure in a sentence."""
    toks = tuple(tokenize(text))
    found: set[tuple[str, str]] = set()
    for q in quantities(text, toks):
        found |= quantity_keys(q)
    return found


def fact_pairs(texts: Sequence[str], owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of sentences of different articles that share a distinctive fact key."""
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, text in enumerate(texts):
        for k in sentence_keys(text):
            holders[k].append(n)
    articles = max(1, len(set(owner.tolist())))
    pairs: set[tuple[int, int]] = set()
    for members in holders.values():
        if len(members) < 2 or len(members) > MAX_PER_ARTICLE * articles:
            continue
        by_article: dict[int, list[int]] = defaultdict(list)
        for m in members:
            by_article[int(owner[m])].append(m)
        # An article that holds the key in many sentences repeats the story's subject.
        kept = [m for m in members if len(by_article[int(owner[m])]) <= MAX_HOLDERS]
        for i in kept:
            for j in kept:
                if i < j and owner[i] != owner[j]:
                    pairs.add((i, j))
    if not pairs:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    ordered = np.array(sorted(pairs), dtype=np.int64)
    return ordered[:, 0], ordered[:, 1]
