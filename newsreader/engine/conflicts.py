"""Conflict detection on aligned sentences: facts that cannot both be true.

Aligned sentences already state roughly the same claim, so a difference is flagged
only where both sentences speak of the same slot: numbers of the same kind counting
the same thing, the same verb asserted and denied, two opposite words about the same
context, or a different name in a slot whose neighbours line up. Features of each
sentence are computed once (cached on its text); comparing a pair is set arithmetic.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from newsreader.engine.agents import agent_conflicts, other_doers, pair_conflicts
from newsreader.engine.backdrops import other_occasions
from newsreader.engine.fact_links import (
    concept,
    era_of,
    names_fact,
    one_class,
    quantity_keys,
    synonyms,
    value_keys,
)
from newsreader.engine.identities import identities, identity_conflicts
from newsreader.engine.lexicon import (
    ALIASES,
    ANTONYM_PAIRS,
    CHANGE_DOWN,
    CHANGE_UP,
    CONVERSE_PAIRS,
    DENY_VERBS,
    IDIOMS,
    IRREGULAR,
    MODIFIERS,
    MONTHS,
    NEG_BREAK,
    NEG_SKIP,
    NEGATIVE_VERBS,
    NEGATORS,
    NICKNAMES,
    NUMBER_WORDS,
    OUTCOME_CLASSES,
    PARTS_OF_DAY,
    POLARITY_PAIRS,
    PRIVATIVES,
    REPORTING_WORDS,
    SLOT_CLASSES,
    STANCE_VERBS,
    TITLE_WORDS,
    VAGUE_PLURALS,
    WEEKDAYS,
)
from newsreader.engine.possibilities import possibility_conflicts
from newsreader.engine.quantities import Quantity, decimal_places, quantities, text_quantities
from newsreader.engine.quotes import misattributed_quotes
from newsreader.engine.roles import role_conflicts
from newsreader.engine.tallies import tally_conflicts
from newsreader.engine.terms import STOP_WORDS
from newsreader.engine.wordforms import PUNCT, Token, key, tokenize, word_key
from newsreader.model import Reason, ReasonType, Sentence

REASON_TYPES = tuple(t.value for t in ReasonType)
_DATE_KINDS = frozenset({"weekday", "date", "year", "time"})
_PLAIN_KINDS = frozenset({"percent", "points", "score"})
# A "sentence" longer than this is a table or unsegmented text, not one claim:
# only its start is compared, which keeps the pairwise checks bounded.
_MAX_TOKENS = 200
_MAX_QUANTITIES = 24
_NEGATIVE_VERBS = frozenset({key(w) for w in NEGATIVE_VERBS} | {"against"})
_DENY_VERBS = frozenset({key(w) for w in DENY_VERBS} | {"against"})
_STANCE_VERBS = frozenset(key(w) for w in STANCE_VERBS)
# Stop words that still carry a stance: "voted against the plan".
_POLAR_STOP_WORDS = frozenset({"against"})
_PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "aboard", "inside", "into", "onto"})
_NO_SUBJECT = frozenset({"no", "nobody", "none", "nothing", "neither"})
_AUXILIARIES = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "be", "being"})
_OUTCOMES = tuple(frozenset(key(w) for w in group) for group in OUTCOME_CLASSES)
_ALIAS = {name: min(group) for group in ALIASES for name in group}
_NICKNAME = {name: min(group) for group in NICKNAMES for name in group}
# A line saying when the article was posted or updated is not a claim about the event.
_PUBLISHING = frozenset(key(w) for w in ("posted", "published", "updated", "modified"))
# A plea or a denial is a party's position, not a fact: "pleaded not guilty" does not
# contradict "was found guilty", nor "denies arson" "was charged with arson".
_POSITIONS = frozenset(
    key(w)
    for w in (
        *("plead", "pleaded", "pleads", "pled", "deny", "denied", "denies", "admit"),
        *("claim", "claimed", "claims", "insist", "insisted", "insists"),
        *("acknowledge", "acknowledged", "acknowledges", "concede", "conceded", "confess"),
    )
)
# Words that make what follows a question, a possibility or an expectation, not a fact:
# "declined to say whether it had received threats", "plans that could harm species".
_UNASSERTED = frozenset(
    {"whether", "if", "could", "might", "may", "would", "should", "can", "unless"}
    | {"expected", "expects", "expect", "likely", "unlikely"}
)
# Verbs whose object receives a statement: "her rep told People" names no source.
_TOLD = frozenset({"told", "tells", "tell", "telling"})
# Words before an opposite that turn it around: "not known" and "little-known" are "unknown".
_WEAK_NEGATORS = NEGATORS | {"little", "barely", "hardly"}
_DROP = frozenset({"a", "an", "the"})
_REPORTING = frozenset(REPORTING_WORDS)
_STATES = frozenset({"known", "clear", "available", "confirmed", "identified", "certain"})
_MODALS = frozenset({"would", "could", "might", "should", "may", "must"})
_BOUNDARY = frozenset({",", ".", ";", ":", "!", "?"})
_LIST_MARKS = frozenset({",", "and", "or", "&", "/"})
_CLAUSE_BREAKS = frozenset({"and", "but", "while", "whereas", "although", "though", "who", "which"})
_WINDOW = 5
_ENDS = frozenset({".", ";", ":", "?", "!"})
# Verbs that give a figure's source: names before them are who counted, not what.
_SOURCE_VERBS = frozenset(
    {"estimated", "estimates", "counted", "counts", "reported", "reports", "put", "puts"}
)
_COUNTING_VERBS = frozenset(key(w) for w in ("confirm", "record", "register", "tally", "list"))


_PAIRS = (
    [(pair, "negation", False) for pair in POLARITY_PAIRS]
    + [(pair, "antonym", False) for pair in ANTONYM_PAIRS]
    # adverbs of adjective pairs: "publicly" / "privately", "permanently" / ...
    + [((x + "ly", y + "ly"), "antonym", False) for x, y in ANTONYM_PAIRS]
    + [(pair, "antonym", True) for pair in CONVERSE_PAIRS]
    + [
        ((up, down), "antonym", False)
        for up in CHANGE_UP
        for down in CHANGE_DOWN
        if (up, down) not in ANTONYM_PAIRS
    ]
)
_PAIR_KIND = tuple(kind for _, kind, _ in _PAIRS)
# Pairs of opposite moves: "lost nine seats" / "gained three" cannot both hold, whatever
# the amounts (unlike "two finished" / "seven did not", parts of a whole).
# Comparatives that tell which way a figure moved ("3.1% higher" / "2.4 per cent lower").
_COMPARATIVE_MOVES = frozenset({("higher", "lower"), ("stronger", "weaker"), ("up", "down")})
_MOVE_PAIRS = frozenset(
    n
    for n, ((left, right), _, _) in enumerate(_PAIRS)
    if (left in CHANGE_UP and right in CHANGE_DOWN) or (left, right) in _COMPARATIVE_MOVES
)
_MOVE_WORDS = tuple(pair for n, (pair, _, _) in enumerate(_PAIRS) if n in _MOVE_PAIRS)
_PAIR_WORDS = tuple((key(left), key(right)) for (left, right), _, _ in _PAIRS)
_PAIR_CONVERSE = tuple(converse for _, _, converse in _PAIRS)


def _build_opposites() -> dict[str, tuple[tuple[int, int], ...]]:
    """Word key -> (pair id, side) for every opposite pair it belongs to."""
    table: dict[str, list[tuple[int, int]]] = {}
    for n, (words, _, _) in enumerate(_PAIRS):
        for side, word in enumerate(words):
            table.setdefault(key(word), []).append((n, side))
    return {k: tuple(v) for k, v in table.items()}


_OPPOSITES = _build_opposites()


def _build_slot_classes() -> dict[str, frozenset[int]]:
    """Word key -> the classes of alternatives it belongs to ('gas' -> fuels)."""
    table: dict[str, frozenset[int]] = {}
    for n, group in enumerate(SLOT_CLASSES):
        for word in group:
            table[key(word)] = table.get(key(word), frozenset()) | {n}
    return table


_SLOT_OF = _build_slot_classes()


class Polar(NamedTuple):
    """A content word, whether the sentence asserts or denies it, and if it may be
    compared with its opposite (not inside a name or an idiom)."""

    key: str
    negated: bool
    index: int
    opposable: bool


@dataclass(frozen=True, slots=True)
class Features:
    """Everything the pairwise checks need from one sentence.

    Tokens are kept as plain tuples: the garbage collector stops tracking those, so a
    cache of thousands of sentences does not slow down every collection.
    """

    token_data: tuple[tuple[str, str, int, int, bool, bool, bool], ...]
    quantities: tuple[Quantity, ...]
    q_index: tuple[int, ...]
    q_negated: tuple[bool, ...]
    q_who: tuple[frozenset[str], ...]
    q_keys: tuple[frozenset[tuple[str, str]], ...]
    q_values: tuple[frozenset[tuple[str, str]], ...]
    q_period: tuple[str, ...]
    names: frozenset[str]
    clause: tuple[int, ...]
    negative_clauses: frozenset[int]
    title_case: bool
    polar: tuple[Polar, ...]
    keys: frozenset[str]
    denied: frozenset[str]
    slot_words: frozenset[str]
    words: tuple[str, ...]
    word_index: tuple[int, ...]
    word_set: frozenset[str]
    assertions: dict[int, dict[int, Polar]]
    text: str

    def token(self, index: int) -> Token:
        """The token at an index of the sentence."""
        return Token(*self.token_data[index])


def _is_content(tok: Token) -> bool:
    return tok.is_word and len(tok.low) > 2 and tok.low not in STOP_WORDS


def _negated_indices(toks: tuple[Token, ...]) -> tuple[set[int], set[int]]:
    """Indices of the words a negator denies ('did not sign' -> sign).

    Returns the words denied by a negator or a negative verb, and apart from them
    the words denied by a zero subject ('no gun has been recovered'), whose figure
    the quantity check already compares.
    """
    out: set[int] = set()
    by_zero: set[int] = set()
    n = len(toks)
    for i, tok in enumerate(toks):
        w = tok.low
        target = _negative_verb_target(toks, i) if key(w) in _NEGATIVE_VERBS else None
        if target is None and word_key(toks, i) in _DENY_VERBS and word_key(toks, i) != key(w):
            target = _phrasal_denial_target(toks, i)  # "turned down an earlier offer"
        if target is not None:
            out.add(target)
            noun = _light_verb_object(toks, target)
            if noun is not None:
                out.add(noun)  # "declined to order the confiscation": the confiscation
            continue
        compound = i + 2 < n and toks[i + 1].low in ("-", "–") and toks[i + 2].low != "one"
        if w in _NO_SUBJECT and compound:
            continue  # "no-shows", "a no-fly zone": a compound, not a zero
        if w in _NO_SUBJECT and i + 1 < n and toks[i + 1].low == "else":
            continue  # "nobody else can": a claim of being the only one, not a denial
        if w in _NO_SUBJECT:
            verb = _verb_after_no(toks, i)
            if verb is not None:
                # "no gun has been recovered": the noun and the verb are denied.
                by_zero.update(k for k in range(i + 1, verb + 1) if _is_content(toks[k]))
            else:
                # "no injuries reported", "there would be no early election"
                for k in range(i + 1, min(i + 4, n)):
                    if toks[k].low in PUNCT:
                        break
                    if _is_content(toks[k]):
                        by_zero.add(k)
            continue
        if w == "yet" and i + 2 < n and toks[i + 1].low == "to" and _is_content(toks[i + 2]):
            out.add(i + 2)  # "had yet to regain"
            continue
        if w in ("ruled", "rules", "ruling", "rule") and i + 1 < n and toks[i + 1].low == "out":
            if i in out:
                continue  # "declined to rule out a cut": the cut is not denied
            # "ruled out a snap election": the noun phrase is denied.
            k = i + 2
            while k < n and k < i + 6 and toks[k].low not in PUNCT:
                if _is_content(toks[k]):
                    out.add(k)
                k += 1
            continue
        if w == "without":
            # "said without identifying them": the gerund is denied.
            if i + 1 < n and toks[i + 1].low.endswith("ing") and _is_content(toks[i + 1]):
                out.add(i + 1)
            continue
        if w not in NEGATORS:
            continue
        j, skipped = i + 1, 0
        while j < n and toks[j].low in NEG_SKIP and skipped < 3:
            j, skipped = j + 1, skipped + 1
        if j + 1 < n and toks[j].low == "to" and w == "not":
            j += 1  # "warned residents not to drink the water"
        if 0 < i < n - 1 and toks[i - 1].low in _MODALS and toks[i + 1].low == "have":
            continue  # "would not have done": a counterfactual, not a denial
        if j < n and toks[j].is_capitalized and toks[j].low not in ("i",):
            continue  # "not Patch Tuesday": a name, not a verb
        if j + 1 < n and toks[j].low == "immediately" and _is_state(toks[j + 1].low):
            j += 1  # "not immediately known" is unknown; "not immediately respond" is not a denial
        if _until_follows(toks, j):
            continue  # "did not take the lead until the fourth quarter": it did, later
        if j < n and toks[j].low not in NEG_BREAK and _is_content(toks[j]):
            out.add(j)
            # "not intending to compete": the negation carries over to the verb after "to".
            if j + 2 < n and toks[j + 1].low == "to" and _verb_like_content(toks[j + 2]):
                out.add(j + 2)
            # "did not sign or ratify": the negation spreads over a coordinated verb.
            if j + 2 < n and toks[j + 1].low in ("or", "nor") and _is_content(toks[j + 2]):
                out.add(j + 2)
    return out, by_zero


# Keys of the words next to a day that say when in it ("Tuesday morning"), not what happened.
PARTS_OF_DAY_KEYS = frozenset(key(w) for w in PARTS_OF_DAY)
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "not", "n't"})
_INCLUDE = key("include")


def _among(f: Features, index: int) -> bool:
    """'were among': a use read as 'include' with its subject and object swapped."""
    return f.token(index).low == "among"


def _polar_key(toks: tuple[Token, ...], i: int) -> str:
    """The word's key, or the verb a phrasal verb stands for ('called off' -> cancel)."""
    if i > 1 and toks[i - 1].low in ("-", "–") and toks[i - 2].low == "non":
        return key("non" + toks[i].low)  # "non-binding" is "nonbinding"
    if toks[i].low == "among" and i > 0 and toks[i - 1].low in _BE_FORMS:
        return _INCLUDE  # "were not among the data taken": the data did not include them
    return word_key(toks, i)


def _opposable(toks: tuple[Token, ...], i: int) -> bool:
    """False for 'North Sumatra', 'opened fire', 'close to', 'the smaller boat'."""
    tok = toks[i]
    if tok.is_capitalized and i > 0:
        return False
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if (tok.low, nxt) in IDIOMS:
        return False
    comparative = tok.low.endswith("er") and len(tok.low) > 4
    return not (comparative and i > 0 and toks[i - 1].low == "the")


def _until_follows(toks: tuple[Token, ...], j: int) -> bool:
    for k in range(j + 1, min(j + 8, len(toks))):
        if toks[k].low in PUNCT or toks[k].low in _CLAUSE_BREAKS:
            return False
        if toks[k].low in ("until", "till"):
            return True
    return False


def _is_state(word: str) -> bool:
    """A participle or state adjective: 'not immediately arrested', '... known'."""
    return word in _STATES or (word.endswith("ed") and len(word) > 4)


def _verb_like_content(tok: Token) -> bool:
    """A content word that can follow 'to' as a verb (not 'to two counts')."""
    return _is_content(tok) and tok.low not in NUMBER_WORDS and not tok.is_capitalized


def _verb_after_no(toks: tuple[Token, ...], i: int) -> int | None:
    """'No gun has been recovered', 'nobody was hurt': the verb the zero subject denies."""
    n, j = len(toks), i + 1
    while j < n and j <= i + 6 and toks[j].low not in _AUXILIARIES:
        if toks[j].low in PUNCT:
            return None
        j += 1
    if j >= n or toks[j].low not in _AUXILIARIES:
        return None
    while j < n and toks[j].low in _AUXILIARIES:
        j += 1
    return j if j < n and _is_content(toks[j]) else None


_BEFORE_BASE_VERB = frozenset(
    {"to", "will", "would", "could", "may", "might", "should", "did", "not", "n't"}
    | {"i", "we", "you", "they", "who"}
)


def _stance_before(toks: tuple[Token, ...], i: int) -> bool:
    """'voted against', 'will campaign against'; not 'a sabotage campaign against'."""
    if i == 0 or key(toks[i - 1].low) not in _STANCE_VERBS:
        return False
    verb = toks[i - 1].low
    if verb.endswith(("ed", "ing")) or IRREGULAR.get(verb, verb) != verb:
        return True
    return i > 1 and toks[i - 2].low in _BEFORE_BASE_VERB


# Verbs whose object carries the meaning: "order the confiscation", "make an arrest".
_LIGHT_VERBS = frozenset(
    ("order", "make", "give", "take", "allow", "grant", "issue", "impose", "approve", "permit")
)


def _light_verb_object(toks: tuple[Token, ...], verb: int) -> int | None:
    """The content word a light verb takes as its object, within three words."""
    if toks[verb].low not in _LIGHT_VERBS:
        return None
    for j in range(verb + 1, min(verb + 4, len(toks))):
        if toks[j].low in PUNCT or toks[j].is_capitalized:
            return None
        if _is_content(toks[j]):
            return j
    return None


# After a bare "decline" or "fail", these make it a noun: "the decline in sales",
# "slowed decline by 27 per cent".
_NOUN_AFTER = frozenset({"in", "of", "on", "by", "from", "since", "over", "at"}) | _BOUNDARY


def _negative_verb_target(toks: tuple[Token, ...], i: int) -> int | None:
    """'refused to sign', 'rejected calls to resign', 'denied any wrongdoing': what is denied."""
    n = len(toks)
    if (
        toks[i].low in NEGATIVE_VERBS
        and i + 1 < n
        and toks[i + 1].low in _NOUN_AFTER
        and not (i and toks[i - 1].low in _BEFORE_BASE_VERB)
    ):
        return None
    if toks[i].low == "against" and not _stance_before(toks, i):
        return None
    for j in range(i + 1, min(i + 4, n - 1)):
        if toks[j].low in PUNCT:
            break
        if toks[j].low == "to" and _verb_like_content(toks[j + 1]):
            return j + 1
    if key(toks[i].low) not in _DENY_VERBS:
        return None  # "failed Republican candidate": only deny/reject take a noun
    if i and toks[i - 1].low in _PASSIVE:
        return None  # "had been dismissed last week": what was dismissed is the subject
    if toks[i].low == "against" and not _stance_before(toks, i):
        return None  # "charges against", "the game against": no stance taken
    for j in range(i + 1, min(i + 4, n)):
        if toks[j].low in PUNCT or toks[j].low in ("to", "by") or toks[j].is_capitalized:
            break  # "rejected by shareholders", "against Indiana": not the thing denied
        if _is_content(toks[j]) and toks[j].low not in NEG_SKIP:
            return j
    return None


def _phrasal_denial_target(toks: tuple[Token, ...], i: int) -> int | None:
    """What a phrasal verb of refusal ('turned down', 'voted down') denies: the first
    content word after its particle."""
    for j in range(i + 2, min(i + 5, len(toks))):
        if toks[j].low in PUNCT or toks[j].low in ("to", "by") or toks[j].is_capitalized:
            break
        if _is_content(toks[j]) and toks[j].low not in NEG_SKIP:
            return j
    return None


# How far after a figure the month it is of may stand: "3.6% in September".
_PERIOD_REACH = 3


def _tokens_after(toks: tuple[Token, ...], q: Quantity) -> tuple[Token, ...]:
    start = bisect_left([t.start for t in toks], q.span[1])
    return toks[start : start + _PERIOD_REACH + 1]


def _period_after(after: tuple[Token, ...], kind: str) -> str:
    if kind in _DATE_KINDS:
        return ""
    for tok in after:
        if tok.low in MONTHS and tok.is_capitalized:
            return str(MONTHS[tok.low])
        if not tok.is_word and tok.low != "%":
            return ""
    return ""


@lru_cache(maxsize=16384)
def features(text: str) -> Features:
    """Per-sentence features, computed once per distinct text."""
    toks = tokenize(text)[:_MAX_TOKENS]
    negated, by_zero = _negated_indices(toks)
    polar = tuple(
        Polar(_polar_key(toks, i), i in negated or i in by_zero, i, _opposable(toks, i))
        for i, t in enumerate(toks)
        if _is_content(t) or t.low in _POLAR_STOP_WORDS
    )
    word_index = tuple(
        i
        for i, t in enumerate(toks)
        if t.low not in _DROP and (t.low not in PUNCT or t.low in _BOUNDARY)
    )
    words = tuple(_slot_word(toks[i]) for i in word_index)
    whole = len(toks) < _MAX_TOKENS  # read once per text, shared with the other detectors
    qs = (text_quantities(text) if whole else quantities(text, toks))[:_MAX_QUANTITIES]
    starts = [t.start for t in toks]
    q_index = tuple(bisect_left(starts, q.span[0]) for q in qs)
    clause = _clauses(toks)
    q_negated = tuple(any(clause[k] == clause[i] for k in negated) for i in q_index)
    return Features(
        tuple(tuple(t) for t in toks),  # type: ignore[misc]
        qs,
        q_index,
        q_negated,
        tuple(_who(toks, clause, i) for i in q_index),
        tuple(frozenset(quantity_keys(q, toks, era_of(qs))) for q in qs),
        tuple(frozenset(value_keys(q)) for q in qs),
        tuple(_period_after(_tokens_after(toks, q), q.kind) for q in qs),
        frozenset(key(t.low) for t in toks if t.is_capitalized and _is_content(t)),
        clause,
        frozenset(
            clause[k]
            for k in range(len(toks))
            if k in negated or k in by_zero or toks[k].low in PRIVATIVES
        ),
        _title_case(toks),
        polar,
        frozenset(p.key for p in polar),
        frozenset(p.key for p in polar if p.negated),
        _slot_candidates(toks, word_index, words),
        words,
        word_index,
        frozenset(words),
        _assertions(polar, toks),
        text,
    )


def _who(toks: tuple[Token, ...], clause: tuple[int, ...], index: int) -> frozenset[str]:
    """Names just before a quantity: whose figure it is ('McDermott scored 23').

    The nearest capitalised words within a few tokens, across an apposition comma
    ('Stephen Curry, posted 29') but not past a sentence break or a reporting verb.
    """
    found: list[str] = []
    for k in range(index - 1, max(index - 7, -1), -1):
        tok = toks[k]
        if tok.low in _REPORTING or tok.low in (".", ";", ":", "(", ")"):
            break
        if tok.low in _SOURCE_VERBS or key(tok.low) in _COUNTING_VERBS:
            break  # "the ministry confirmed 61 deaths": who counted, not whose figure
        if tok.low in WEEKDAYS or tok.low in MONTHS:
            continue  # "on Sunday, killing 37": a day is not whose figure it is
        if tok.is_capitalized and _is_content(tok) and (k > 0 or found):
            found.append(key(tok.low))
        elif found:
            break
    return frozenset(found)


@lru_cache(maxsize=4096)
def _positions(words: tuple[str, ...]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for p, w in enumerate(words):
        found.setdefault(w, []).append(p)
    return found


def _slot_candidates(
    toks: tuple[Token, ...], word_index: tuple[int, ...], words: tuple[str, ...]
) -> frozenset[str]:
    """Words that could fill a substitution slot: names and members of a word class."""
    return frozenset(
        w
        for i, w in zip(word_index, words, strict=True)
        if (toks[i].is_capitalized and i > 0) or w in _SLOT_OF
    )


def _slot_word(tok: Token) -> str:
    low = tok.low
    if low in _BOUNDARY:
        return "|"
    return _ALIAS.get(low, key(low) if tok.is_word else low)


def _clause_span(f: Features, index: int) -> tuple[int, int]:
    """The first and last token of a word's clause (a relative clause may lie between)."""
    own = [k for k, c in enumerate(f.clause) if c == f.clause[index]]
    return own[0], own[-1]


def _window(f: Features, index: int, exclude: frozenset[str]) -> frozenset[str]:
    """The words within _WINDOW tokens of a word; a relative clause that interrupts its
    clause is passed over ("Grain handlers, who voted apart, rejected it": handlers is
    next to rejected)."""
    clause = f.clause
    first, last = _clause_span(f, index)
    inside = [k for k in range(first, last) if clause[k] != clause[index]]
    if not inside:
        return frozenset(
            p.key for p in f.polar if abs(p.index - index) <= _WINDOW and p.key not in exclude
        )
    found = set()
    for p in f.polar:
        low, high = sorted((p.index, index))
        if clause[p.index] != clause[index] and first < p.index < last:
            continue
        gap = high - low - sum(1 for k in inside if low < k < high)
        if gap <= _WINDOW and p.key not in exclude:
            found.add(p.key)
    return frozenset(found)


def _shared_context(x: frozenset[str], y: frozenset[str]) -> bool:
    """Enough content words in common around two words: two, or one in short contexts."""
    need = 2 if len(x) >= 3 and len(y) >= 3 else 1
    return len(x & y) >= need


def _subject(f: Features, index: int) -> str:
    """The content word right before a word in its clause (its subject, roughly), leaving
    out the words of a figure ("shares were 2.4 per cent lower": shares)."""
    own = f.clause[index]
    start = _clause_span(f, index)[0]
    for p in reversed(f.polar):
        if p.index < index and not _in_figure(f, p.index):
            if f.clause[p.index] != own and p.index > start:
                continue  # a relative clause between the subject and its verb
            return p.key if f.clause[p.index] == own else ""
    return ""


def _figure_before(f: Features, index: int) -> Quantity | None:
    """The figure that ends right before a word ("2.4 per cent lower")."""
    if index == 0:
        return None
    end = f.token_data[index - 1][3]
    return next((q for q in f.quantities if q.span[1] == end), None)


def _in_figure(f: Features, index: int) -> bool:
    start = f.token_data[index][2]
    return any(q.span[0] <= start < q.span[1] for q in f.quantities)


def _clause_head(f: Features, index: int) -> str:
    """The nearest noun-like word before a word in its clause (its subject, roughly).

    Reported speech ends the search: in 'police said the driver was wearing' the
    head of 'wearing' is 'driver'; verbs are passed over ('the club agreed to sell').
    """
    k = index - 1
    while k >= 0:
        tok = f.token(k)
        if f.clause[k] != f.clause[index] or tok.low in _REPORTING:
            break
        if _is_content(tok) and not _verb_like(tok.low):
            return key(tok.low)
        k -= 1
    if index >= 2 and f.token(index - 1).low == ",":
        # "The woman, identified by police as ...": the noun before the comma.
        for j in range(index - 2, max(index - 5, -1), -1):
            if f.token(j).low in _BOUNDARY:
                break
            if _is_content(f.token(j)) and not _verb_like(f.token(j).low):
                return key(f.token(j).low)
    return ""


def _verb_like(word: str) -> bool:
    return (
        word.endswith("ed")
        or (word in IRREGULAR and IRREGULAR[word] != word)
        or key(word) in _NEGATIVE_VERBS
        or word in _MODALS
        or word in NEG_SKIP
        or word in NEGATORS
    )


def _span(f: Features, index: int) -> tuple[int, int]:
    tok = f.token(index)
    return tok.start, tok.end


# --- numbers, dates and "no X" ---------------------------------------------------------


def _other_subjects(
    who_x: frozenset[str], fa: Features, who_y: frozenset[str], fb: Features
) -> bool:
    """True when the two figures belong to different names ('Carter scored 14'); not when
    each sentence names the other's too ("Rothby beat Kessingford 2-1" / "Rothby's 3-1 win
    over Kessingford": one score of one game)."""
    if not (who_x and who_y and who_x.isdisjoint(who_y)):
        return False
    return not (who_x <= fb.names and who_y <= fa.names)


def _opposed(x: frozenset[str], y: frozenset[str]) -> bool:
    """True when one set holds a word and the other its opposite."""
    for word in x:
        for pair, side in _OPPOSITES.get(word, ()):
            if _PAIR_WORDS[pair][1 - side] in y:
                return True
    return False


def _outcomes(q: Quantity) -> frozenset[int]:
    if q.qualifier.startswith("rate:"):
        return frozenset()  # "save 30 dorins a month": an amount per period, not a toll
    return _outcome_classes(q.near)


@lru_cache(maxsize=16384)
def _outcome_classes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(n for n, group in enumerate(_OUTCOMES) if group & words)


def _concepts(words: frozenset[str]) -> frozenset[str]:
    return frozenset(concept(w) for w in words)


def _noun(q: Quantity) -> str:
    """The noun a figure counts: 'residents of the region' -> resident."""
    return q.head.split("/", 1)[0]


def _one_class(x: Quantity, y: Quantity) -> bool:
    """Both figures count one class of thing ('1,800 patients' / '2,000 people')."""
    return bool(x.head and y.head) and one_class(_noun(x), _noun(y))


def _other_things(x: Quantity, y: Quantity) -> bool:
    """Both figures name what they count, two classes of thing, neither a toll ('61
    deaths' counts people)."""
    if not (x.head and y.head) or _one_class(x, y):
        return False
    return not any(names_fact(("count", concept(q.head))) for q in (x, y))


def _none_at_all(x: Quantity, y: Quantity) -> bool:
    """'no deaths' and 'two deaths among patients': none at all leaves none in any group."""
    for zero, some in ((x, y), (y, x)):
        if zero.zero and not zero.qualifier and some.qualifier.startswith("scope:among"):
            return True
    return False


# Counts of people below this name small groups a story holds many of ("three victims",
# "four officers"); larger ones of one class are totals ("1,800 patients" / "2,000 people").
TOTAL_FROM = 100
# Two reports of one total differ by less than this factor.
TOTAL_SPREAD = 3.0


def _one_class_total(x: Quantity, y: Quantity) -> bool:
    """Two figures counting one class of thing by different nouns that are one total: a
    share of it, or a count large enough to be the whole."""
    if x.kind == "percent":
        return _one_class(x, y)
    nouns = _noun(x), _noun(y)
    if x.kind == "count" and x.head and y.head and nouns[0] != nouns[1] and synonyms(*nouns):
        return True  # "38 vessels" / "46 ships": two words for one thing
    low, high = sorted((x.low, y.low))
    near = low >= TOTAL_FROM and high <= TOTAL_SPREAD * low  # "1,400" / "2,000", not "3" / "350"
    return x.kind == "count" and near and _one_class(x, y)


def _one_total(x: Quantity, y: Quantity) -> bool:
    """Large counts of one and the same noun, the only thing they count ("about 1,800
    people were evacuated" / "more than 2,000 people had to leave"): one total, even when
    only one side names what happened to them."""
    same = bool(x.head) and x.head == y.head and x.thing == y.thing
    return same and min(x.low, y.low) >= TOTAL_FROM


def _same_qualifier(x: Quantity, y: Quantity) -> bool:
    """One qualifier, or the attributes of one thing ("the details of 1.4 million
    customers" / "the data of three million customers")."""
    if x.qualifier == y.qualifier:
        return True
    a, _, left = x.qualifier.partition(":")
    b, _, right = y.qualifier.partition(":")
    return a == b == "attr" and synonyms(left, right)


def _related(x: Quantity, y: Quantity, single: bool = False, shared_fact: bool = False) -> bool:
    """True when two quantities of one kind speak of the same thing.

    single: each sentence holds only one quantity of this kind, so a shared context
    is enough to tie them together. shared_fact: they share a fact key (the same kind
    of figure about the same class of thing or event, see `fact_links`).
    """
    if x.kind != y.kind or (not _same_qualifier(x, y) and not _none_at_all(x, y)):
        return False
    if (
        x.kind == "score"
        and single
        and len(_concepts(x.near) & _concepts(y.near)) >= 2
        and not (x.near | y.near) & _LEADING
    ):
        return True  # "Rothby Athletic 2-1 Kessingford City" / "Rothby's 3-1 win over Kessingford"
    if shared_fact and x.kind not in _DATE_KINDS - {"time"}:
        if x.kind != "count" and x.head and y.head and concept(x.head) != concept(y.head):
            return False  # "the 11th trip" / "the third consecutive day"
        if x.kind == "count" and _other_things(x, y):
            return False  # "three houses from the scene" / "two boys": other things counted
        # The words next to the figures, not the whole clause: "guilty on eight counts
        # but acquitted on three" still speaks of the eight it was found guilty on.
        return not _opposed(x.near, y.near) and not (x.where and y.where and x.where != y.where)
    if _opposed(x.context, y.context):
        return False  # "14 voted to convict" and "6 voted to acquit" are different parts
    if x.where and y.where and x.where != y.where:
        return False  # "170,000 people in the province" and "230,000 across Asia"
    if x.kind in _DATE_KINDS:
        # A weekday or an hour belongs to the words right next to it ("said Tuesday",
        # "died Monday"); months and years are rarely the day of the report.
        context_x, context_y = _concepts(x.context), _concepts(y.context)
        if single and x.kind == "year" and x.qualifier == y.qualifier == "since":
            return True  # "their first title since 2014" / "the first since 2011"
        if x.kind == "date":
            return bool(context_x & context_y)
        # "on Tuesday morning" / "on Sunday morning": when in the day, not what happened.
        near = _concepts(x.near - PARTS_OF_DAY_KEYS) & _concepts(y.near - PARTS_OF_DAY_KEYS)
        return bool(near) and len(context_x & context_y) >= 2
    if _one_person(x, y, single):
        return True  # "The suspect, 34, was arrested" / "A 43-year-old man was arrested"
    ox, oy = _outcomes(x), _outcomes(y)
    if (ox and oy and ox.isdisjoint(oy)) or (bool(ox) != bool(oy) and not _one_total(x, y)):
        return False
    if x.thing and y.thing:
        if x.head != y.head and not _one_class_total(x, y):
            return False
        if x.kind == "ordinal":
            # "the sixth round" and "the 11th round" may be two fights: the words right
            # next to both must line up too ("the club's 11th title").
            return bool((x.near & y.near) - x.thing)
        return True
    if x.thing & y.near or y.thing & x.near:
        return True
    shared = x.context & y.context
    if x.kind == "count" and ox:
        return bool(ox & oy)
    if single and x.kind == "temperature":
        return True  # one temperature on each side of two aligned sentences
    if single and x.kind != "score":
        # One figure of this kind on each side, in contexts that mostly agree.
        return len(shared) >= 2 and len(shared) >= 0.34 * len(x.context | y.context)
    return x.kind != "count" and bool(x.near & y.near) and len(shared) >= 2


# A person named by sex or age group alone: another sentence may name the same person by
# a role ("a 43-year-old man" / "the suspect, 34").
_ANYONE = frozenset(key(w) for w in ("man", "woman", "boy", "girl", "teenager"))


def _one_person(x: Quantity, y: Quantity, single: bool) -> bool:
    """True for the one age on each side of a person named by a role on one side and by
    sex alone on the other, in contexts that share two words."""
    return (
        single
        and x.kind == "age"
        and (x.head in _ANYONE) != (y.head in _ANYONE)
        and len(x.context & y.context) >= 2
    )


def _other_doers(fa: Features, fb: Features) -> bool:
    """True when another named doer does the act on each side (see `agents.other_doers`)."""
    return other_doers(fa.text, fb.text)


def _kinds_told_apart(x: Quantity, fa: Features, y: Quantity, fb: Features) -> bool:
    """True when the two figures count differently qualified things that both sentences
    tell apart ("548 rushing yards ... 258 receiving yards" / "176 receiving yards"): each
    qualifier of one stands in the other sentence too, so each sentence knows both kinds."""
    if x.head != y.head or not x.head:
        return False
    mine, theirs = x.thing - {x.head}, y.thing - {y.head}
    return bool(mine and theirs and mine.isdisjoint(theirs) and mine & fb.keys and theirs & fa.keys)


_OF_WORDS = frozenset({"in", "of", "at", "for", "on", "from"})
# Figures a named subject holds and reports move: its shares, prices, stakes.
_HELD_KINDS = ("percent", "money")
# Capitalised openings that are not a subject's name.
_NOT_SUBJECTS = frozenset(key(w) for w in (*WEEKDAYS, *MONTHS, "the", "a", "an", "in", "on", "at"))


def opening_name(f: Features) -> str:
    """The name a sentence opens with ("Corvane shares closed ..."), else ''."""
    if not f.token_data or not f.token(0).is_capitalized:
        return ""
    subject = key(f.token(0).low)
    if subject not in f.names or subject in _NOT_SUBJECTS:
        return ""
    if len(f.token_data) > 1 and f.token(1).low in _OF_WORDS:
        return ""  # "Shares in Harlow Foods ...": a common noun, the name comes after
    return subject


def held_opening(f: Features) -> str:
    """The name a sentence opens with when it also gives a share or money figure, else ''."""
    if not any(q.kind.startswith(_HELD_KINDS) for q in f.quantities):
        return ""
    return opening_name(f)


def _opening_subject(fa: Features, fb: Features) -> str:
    """The name both sentences open with ("Corvane ..." / "Corvane ..."), else ''."""
    subject = opening_name(fa)
    return subject if subject and subject == opening_name(fb) else ""


def held_figure_clash(fa: Features, fb: Features) -> bool:
    """True when both sentences open with one name and their figures clash ("Corvane
    shares closed down 5.2 per cent" / "Corvane finished 4.8% lower"): one subject's
    figure reported twice."""
    if not fa.quantities or not fb.quantities or not _opening_subject(fa, fb):
        return False
    kinds = {q.span: q.kind for q in fa.quantities}
    return any(
        r.type == "numeric" and kinds.get(r.a_span, "").startswith(_HELD_KINDS)
        for r in _numeric(fa, fb)
    )


def _held_alone(x: Quantity, y: Quantity, single: bool, subject: str) -> bool:
    """One share or money figure on each side of two sentences that open with one name
    ("Corvane expects £210m a year in cost synergies" / "Corvane expects ... synergies
    of £180 million"): that subject's figure."""
    return bool(
        subject
        and single
        and x.kind == y.kind
        and x.kind.startswith(_HELD_KINDS)
        and _same_qualifier(x, y)
        and len((x.context & y.context) - {subject}) >= 2
    )


def _numeric(fa: Features, fb: Features) -> list[Reason]:
    reasons: list[Reason] = []
    qa, qb = fa.quantities, fb.quantities
    if not qa or not qb:
        return reasons
    kinds_a = [q.kind for q in qa]
    kinds_b = [q.kind for q in qb]
    subject = _opening_subject(fa, fb)
    agreeing = 0
    rows_a = zip(qa, fa.q_negated, fa.q_who, fa.q_keys, fa.q_period, strict=True)
    for x, neg_x, who_x, keys_x, when_x in rows_a:
        single = kinds_a.count(x.kind) == 1 and kinds_b.count(x.kind) == 1
        rows_b = zip(qb, fb.q_negated, fb.q_who, fb.q_keys, fb.q_period, strict=True)
        related = [
            y
            for y, neg_y, who_y, keys_y, when_y in rows_b
            if neg_x == neg_y
            and not (when_x and when_y and when_x != when_y)
            and not _other_subjects(who_x, fa, who_y, fb)
            and (
                _related(
                    x,
                    y,
                    single,
                    _shared_fact(keys_x, keys_y, single)
                    or (_alone_in_period(x, when_x, fa) and _alone_in_period(y, when_y, fb)),
                )
                or _part_of_a_whole(x, qa, y, qb)
                or _days_of_one_act(fa, x, fb, y, single)
                or _held_alone(x, y, single, subject)
            )
        ]
        related = [
            y
            for y in related
            if not _kinds_told_apart(x, fa, y, fb)
            and not (x.kind == "score" and (x.near | y.near) & _LEADING)
        ]
        if not related:
            continue
        if x.kind in _DATE_KINDS:
            related = _dates_of_one_act(fa, x, fb, related)
            if not related:
                continue
        if any(_agree(x, y) for y in related):
            agreeing += 1
            continue
        y = max(related, key=lambda c: len(c.thing & x.thing) + len(c.context & x.context))
        when_y = fb.q_period[qb.index(y)]
        if _restated_elsewhere(x, when_x, qb, fb.q_period) or _restated_elsewhere(
            y, when_y, qa, fa.q_period
        ):
            continue  # "$281 million in cash" / "$334 million, including $281 million in cash"
        if _far_apart(x, y) or _other_times(fa, x, fb, y) or _age_drift(x, y):
            continue
        if x.kind == "length" and _from_other_place(fa, x, fb, y):
            continue
        if _in_other_places(fa, x, fb, y):
            continue  # "600 were killed in the city of Zarand" / "26,000 ... in Bam"
        if x.kind in _DATE_KINDS and _other_acts(fa, x.span, fb, y.span):
            continue  # "presented in July" / "to submit in September": two acts
        if x.kind in _DATE_KINDS and (_dateline(fa) or _dateline(fb)):
            continue  # "Posted on March 9" / "Updated March 8": when each report went out
        if _dateline(fa) and _dateline(fb):
            continue  # "Updated 8: 52 PM" / "Updated 9: 28 AM": a clock typed apart
        if _named_apart(fa, x, fb, y):
            continue  # "the Broncos could get the #1 seed" / "the Colts clinched the five seed"
        if _sum_of_parts(qa, y) or _sum_of_parts(qb, x):
            continue  # "148 passengers and six crew" / "154 people on board"
        back = [z for z in qa if _related(y, z, single)]
        if y.kind in _DATE_KINDS:
            back = _dates_of_one_act(fb, y, fa, back)
        if any(_agree(y, z) for z in back):
            continue
        reasons.append(Reason(_numeric_type(x, y), _numeric_detail(x, y), x.span, y.span))
    if reasons and _other_doers(fa, fb):
        return []  # "the Red Sox offered $200 million" / "the Nationals offered $160 million"
    counts = [r for r in reasons if r.type == "numeric"]
    if len(counts) >= 2 and not agreeing and min(len(qa), len(qb)) >= 3:
        # Lists where every figure differs ('six rifles, 12 magazines, 300 rounds' / '14
        # rifles, 31 magazines, 923 rounds'): two occasions summed up, not one reported
        # twice. A toll of two figures ('19 killed, 40 hurt') is still compared.
        return [r for r in reasons if r.type != "numeric"]
    return reasons


def _year_of(f: Features, q: Quantity) -> float | None:
    """The year written right after a date ("September 2025", "the second half of 2026")."""
    for z in f.quantities:
        between = f.text[q.span[1] : z.span[0]]
        after = 0 <= z.span[0] - q.span[1] <= 4
        if z.kind == "year" and after and between.strip(" ,").lower() in ("", "of"):
            return z.low
    return None


def _other_years(fa: Features, x: Quantity, fb: Features, y: Quantity) -> bool:
    """Two dates each given with its year, and the years differ."""
    year_x, year_y = _year_of(fa, x), _year_of(fb, y)
    return year_x is not None and year_y is not None and year_x != year_y


def _dates_of_one_act(
    fx: Features, x: Quantity, fy: Features, dates: list[Quantity]
) -> list[Quantity]:
    """The dates of the other sentence that x may be compared with: not those of another
    year, and the one whose words are most like those of x when one is ("seek approval in
    the third quarter" / "file for approval in November and launch in the second half")."""
    dates = [y for y in dates if not _other_years(fx, x, fy, y)]
    if len(dates) < 2:
        return dates
    act = _act_of(fx, x.span)
    if act:
        # "record it in June and release it in October" / "release it in June"
        acts = [_act_of(fy, y.span) for y in dates]
        same = [
            y for y, other in zip(dates, acts, strict=True) if not other or synonyms(act, other)
        ]
        if same and len(same) < len(dates):
            dates = same
            if len(dates) < 2:
                return dates
    overlap = [len(x.context & y.context) for y in dates]
    best = max(overlap)
    return [dates[overlap.index(best)]] if overlap.count(best) == 1 else dates


# How far before its date an act's verb may stand: "would file for US approval in November".
_ACT_REACH = 12
_ACT_MARKS = _MODALS | {"to", "will"}


def _act_of(f: Features, span: tuple[int, int]) -> str:
    """The verb of the act a date belongs to, as a key ('' when none is near): the word
    after "to" or a modal, or a verb in the past, before the date in its clause."""
    at = _figure_at(f, span)
    if at is None:
        return ""
    start = f.q_index[at]
    for k in range(start - 1, max(-1, start - 1 - _ACT_REACH), -1):
        tok = f.token(k)
        if tok.low in _REPORTING or tok.low in _SAID or tok.low in PUNCT:
            return ""
        if tok.low in _CLAUSE_BREAKS and not _inside_name(f, k):
            return ""
        if _is_act(f, k):
            return key(tok.low)
    return ""


def _inside_name(f: Features, k: int) -> bool:
    """True for a word between two capitalised words ("Food and Drug Administration")."""
    return (
        0 < k < len(f.token_data) - 1
        and f.token(k - 1).is_capitalized
        and f.token(k + 1).is_capitalized
    )


def _one_act(fa: Features, a_span: tuple[int, int], fb: Features, b_span: tuple[int, int]) -> bool:
    """True when both dates follow a verb and the verbs name one act (file / submit)."""
    act_a, act_b = _act_of(fa, a_span), _act_of(fb, b_span)
    return bool(act_a and act_b) and synonyms(act_a, act_b)


def one_act_dated(
    a_text: str, a_span: tuple[int, int], b_text: str, b_span: tuple[int, int]
) -> bool:
    """True when the dates at these spans each follow the verb of one act ("notified the
    regulator on Sunday" / "notified the regulator on Monday")."""
    return _one_act(features(a_text), a_span, features(b_text), b_span)


def _days_of_one_act(fa: Features, x: Quantity, fb: Features, y: Quantity, single: bool) -> bool:
    """Two days or hours, one on each side, each following the verb of one act
    ("will appear before the committee on Thursday" / "to appear before the committee
    next Tuesday")."""
    if not single or x.kind != y.kind or x.kind not in ("weekday", "time"):
        return False
    act = _act_of(fa, x.span)
    return bool(act) and act == _act_of(fb, y.span)


def _other_acts(
    fa: Features, a_span: tuple[int, int], fb: Features, b_span: tuple[int, int]
) -> bool:
    """True when the dates follow verbs of two acts and one sentence names both acts,
    dating the other one ("presented in July" / "to submit in September and to present
    the results"): its date is of another act."""
    act_a, act_b = _act_of(fa, a_span), _act_of(fb, b_span)
    if not act_a or not act_b or synonyms(act_a, act_b):
        return False
    return act_a in _acts(fb) or act_b in _acts(fa)


# Words that start the object of a verb: "and release it", "or sell the house".
_OBJECT_STARTS = frozenset({"it", "them", "him", "her", "the", "a", "an", "its", "their", "his"})


def _is_act(f: Features, k: int) -> bool:
    tok = f.token(k)
    if not _is_content(tok):
        return False
    if (k and f.token(k - 1).low in _ACT_MARKS) or _verb_like(tok.low):
        return True
    # a verb coordinated with another: "will record the album and release it"
    return (
        0 < k < len(f.token_data) - 1
        and f.token(k - 1).low in ("and", "or")
        and f.token(k + 1).low in _OBJECT_STARTS
    )


def _acts(f: Features) -> frozenset[str]:
    """The verbs of acts a sentence names (after "to" or a modal, or in the past)."""
    return frozenset(key(f.token(k).low) for k in range(len(f.token_data)) if _is_act(f, k))


def _sum_of_parts(own: tuple[Quantity, ...], other: Quantity) -> bool:
    """True when the plain counts of one sentence add up to the other's figure."""
    parts = [q for q in own if q.kind == "count" and not q.qualifier and math.isfinite(q.high)]
    if other.kind != "count" or len(parts) < 2 or len({q.head for q in parts} - {""}) < len(parts):
        return False  # "five bombs, of which four exploded": a part, not an addend
    low, high = sum(q.low for q in parts), sum(q.high for q in parts)
    return low <= other.high and other.low <= high


def _alone_in_period(q: Quantity, when: str, f: Features) -> bool:
    """True when a headless figure is its sentence's only one of its kind set in its
    month ("3.6% in October" / "just over 3 per cent in October": one monthly figure)."""
    if not when or q.head or q.kind in _DATE_KINDS:
        return False
    rows = zip(f.quantities, f.q_period, strict=True)
    return sum(1 for z, period in rows if z.kind == q.kind and period == when) == 1


def _one_figure_each(
    fa: Features, span_a: tuple[int, int], fb: Features, span_b: tuple[int, int]
) -> bool:
    """True when the figures at these spans are each their sentence's only one of their
    kind in one and the same month ("3.6% in October" / "just over 3 per cent in
    October"), or of one named class of thing ("11.2% of patients" / "nearly 20 percent
    of participants")."""
    n, m = _figure_at(fa, span_a), _figure_at(fb, span_b)
    if n is None or m is None:
        return False
    x, when_x = fa.quantities[n], fa.q_period[n]
    y, when_y = fb.quantities[m], fb.q_period[m]
    if when_x == when_y and _alone_in_period(x, when_x, fa) and _alone_in_period(y, when_y, fb):
        return True
    # A class of thing (patients, people) or one and the same noun (dockers), not a unit.
    known = x.head and (concept(_noun(x)) != _noun(x) or x.head == y.head)
    alone = _alone_of_kind(x, fa) and _alone_of_kind(y, fb)
    return bool(known) and alone and _one_class_total(x, y)


def _zero_of_one_class(
    fa: Features, span_a: tuple[int, int], fb: Features, span_b: tuple[int, int]
) -> bool:
    """'no deaths' / 'two deaths': none against some of one named class of thing."""
    n, m = _figure_at(fa, span_a), _figure_at(fb, span_b)
    return n is not None and m is not None and _one_class(fa.quantities[n], fb.quantities[m])


def _figure_at(f: Features, span: tuple[int, int]) -> int | None:
    """The index of the sentence's figure at a span (None: no figure there)."""
    return next((n for n, q in enumerate(f.quantities) if q.span == span), None)


def _alone_of_kind(q: Quantity, f: Features) -> bool:
    return sum(1 for z in f.quantities if z.kind == q.kind) == 1


def _part_of_a_whole(
    x: Quantity, qa: tuple[Quantity, ...], y: Quantity, qb: tuple[Quantity, ...]
) -> bool:
    """'won 42 of the 120 seats' / 'took 44 seats': the part and a plain count of the same
    thing, unless the plain count is the whole ('three of the 20 hostages' / 'twenty
    hostages were held')."""
    if x.kind != "count" or y.kind != "count" or not _one_class(x, y):
        return False
    for part, own, plain in ((x, qa, y), (y, qb, x)):
        wholes = {q.low for q in own if q.qualifier == "whole" and q.head == part.head}
        if part.qualifier == "part" and not plain.qualifier and wholes and plain.low not in wholes:
            outcomes = _outcomes(part), _outcomes(plain)
            if any(outcomes) and not outcomes[0] & outcomes[1]:
                return False  # "guilty of eight of the 11" / "cleared of three"
            return not _opposed(part.near, plain.near)
    return False


def _shared_fact(
    keys_x: frozenset[tuple[str, str]], keys_y: frozenset[tuple[str, str]], single: bool
) -> bool:
    """Two figures share a fact: a key naming what they are about, or, when each
    sentence holds one figure of the kind, the kind itself, unless the words next to
    them name different things ("magnitude 6.8 earthquake" / "aftershock of magnitude
    5.4")."""
    shared = keys_x & keys_y
    if any(word for _, word in shared):
        return True
    named_x = any(word for _, word in keys_x)
    named_y = any(word for _, word in keys_y)
    return single and bool(shared) and not (named_x and named_y)


def _restated_elsewhere(
    x: Quantity, when: str, others: tuple[Quantity, ...], periods: tuple[str, ...]
) -> bool:
    """True when the other sentence states the same distinctive figure somewhere else:
    it mentions the fact, so a different figure there is another fact (unless it is of
    another month: "3.6% in September" is not the 3.6% said of October)."""
    if x.kind in _DATE_KINDS or (x.kind == "count" and x.low < 100) or math.isinf(x.high):
        return False
    return any(
        z.kind == x.kind
        and math.isfinite(z.high)
        and x.overlaps(z)
        and not (when and period and when != period)
        for z, period in zip(others, periods, strict=True)
    )


_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are"})


_PASSIVE_LINKS = frozenset({"on", "of", "to", "for", "in", "with", "by"})


def _passive_before(f: Features, k: int, end: int) -> bool:
    """True when the auxiliary at k and its participle lead straight to the figure at
    `end`, with at most a preposition between ("was convicted on nine counts")."""
    if k + 1 >= end or not f.token(k + 1).low.endswith("ed"):
        return False
    return all(f.token(m).low in _PASSIVE_LINKS for m in range(k + 2, end))


def _lead_names(f: Features, q: Quantity) -> frozenset[str]:
    """Names between the start of a figure's sentence (or its last reporting verb) and it."""
    found: set[str] = set()
    end = f.q_index[f.quantities.index(q)]
    for k in range(end):
        tok = f.token(k)
        if tok.low in _REPORTING or tok.low in _SOURCE_VERBS or tok.low in _ENDS:
            found.clear()  # "the Red Cross estimated 40 dead": a source, not a subject
        elif tok.low in _PASSIVE and _passive_before(f, k, end):
            found.clear()  # "Solvik was convicted on nine counts": the one acted on
        elif k > 0 and tok.is_capitalized and _is_content(tok):
            found.add(key(tok.low))
    return frozenset(found)


def _named_apart(fa: Features, x: Quantity, fb: Features, y: Quantity) -> bool:
    """True when each figure is led by names the other sentence never mentions."""
    names_x, names_y = _lead_names(fa, x), _lead_names(fb, y)
    return bool(names_x.isdisjoint(names_y) and names_x - fb.names and names_y - fa.names)


def _dateline(f: Features) -> bool:
    """'Posted on March 9, 2013', 'WASHINGTON, April 28': a line about the report itself."""
    lower = {
        key(t.low)
        for t in map(Token._make, f.token_data)
        if _is_content(t) and not t.is_capitalized and t.low not in WEEKDAYS
    }
    if not lower:
        return True  # "WASHINGTON, April 28, 2009": a place and a date, no claim
    return bool(f.keys & _PUBLISHING) and len(lower - _PUBLISHING) <= 2


def _years(f: Features) -> frozenset[float]:
    return frozenset(q.low for q in f.quantities if q.kind == "year")


def _other_times(fa: Features, x: Quantity, fb: Features, y: Quantity) -> bool:
    """Figures set in different years ('a 12-year sentence imposed in 1997' / 'a five-year
    sentence in 1959') or on different occasions (see `backdrops`) are two facts, not two
    reports of one."""
    if x.kind in _DATE_KINDS:
        return False
    years_a, years_b = _years(fa), _years(fb)
    if years_a and years_b and years_a.isdisjoint(years_b):
        return True
    # "In February, a woman opened fire ..., killing three" / "two people have been killed"
    return other_occasions(fa.text, fb.text)


def _age_drift(x: Quantity, y: Quantity) -> bool:
    """Ages one year apart: reports written before and after a birthday."""
    return x.kind == y.kind == "age" and abs(x.low - y.low) <= 1


def _reference(f: Features, q: Quantity) -> str:
    """The place a distance is measured from: 'about 15 miles north of Detroit' -> detroit."""
    k = bisect_left([t[2] for t in f.token_data], q.span[1])
    end = min(k + 4, len(f.token_data))
    while k < end and f.token(k).low not in ("of", "from"):
        k += 1
    k += 1
    while k < len(f.token_data) and f.token(k).low in _DROP:
        k += 1
    return key(f.token(k).low) if k < len(f.token_data) and f.token(k).is_word else ""


def _from_other_place(fa: Features, x: Quantity, fb: Features, y: Quantity) -> bool:
    """'15 miles north of Detroit' / '50 miles north of here': measured from two places."""
    ref_a, ref_b = _reference(fa, x), _reference(fb, y)
    return bool(ref_a and ref_b and ref_a != ref_b)


def _names_a_day(low: str) -> bool:
    """'sunday', "sunday's", 'may': a word of the calendar, not of a place."""
    return low.removesuffix("'s").removesuffix("’s") in WEEKDAYS or low in MONTHS


_PLACING = frozenset({"in", "at", "near"})
_PLACING_FLOWS = _PLACING | {"to", "from", "with"}


def _place_after(f: Features, q: Quantity) -> str:
    """The named place a figure's clause puts it in: '600 were killed in the city of Zarand'."""
    k = bisect_left([t[2] for t in f.token_data], q.span[1])
    end = min(k + 10, len(f.token_data))
    # "65% of traffic to India": a share of a flow is placed by where it goes or comes from
    places = _PLACING_FLOWS if k < end and f.token(k).low == "of" else _PLACING
    while k < end and f.token(k).low not in _BOUNDARY:
        if f.token(k).low in places:
            j = k + 1
            while (
                j < end
                and f.token(j).low not in _BOUNDARY
                and (not f.token(j).is_capitalized or _names_a_day(f.token(j).low))
            ):
                j += 1  # "in Sunday's final": a day, not a place
            if j < end and f.token(j).is_capitalized and j - k <= 6:
                low = f.token(j).low
                return _ALIAS.get(low, key(low))
            return ""
        k += 1
    return ""


def _in_other_places(fa: Features, x: Quantity, fb: Features, y: Quantity) -> bool:
    """True when the two figures are placed in two differently named places."""
    if x.kind in _DATE_KINDS:
        return False
    place_a, place_b = _place_after(fa, x), _place_after(fb, y)
    return bool(place_a and place_b and place_a != place_b)


# Two reported counts (see `reported`) further apart than this are of different scopes.
REPORTED_RATIO = 5.0


def _precise(value: float) -> bool:
    """A figure too exact to be a rounded bound: 37 or 19, not 300 or 2,000."""
    return value == int(value) and (value < 20 or value % 10 != 0)


def reported(q: Quantity, known: bool = False) -> Quantity:
    """A count as its source reports it: "at least 37 killed" reports 37 deaths.

    A lower bound on a precise figure is the count known so far, so "at least 37" and
    "52" (or "at least 19" and "at least 14") are two reports of one count that differ;
    a bound on a round figure ("more than 300") stays a bound, unless `known` says both
    sides give the count known so far ("at least 300" / "at least 1,200").
    """
    if q.kind != "count" or not math.isinf(q.high) or q.zero or q.text.lower() in VAGUE_PLURALS:
        return q  # "dozens", "hundreds": a bound, not a count
    low = round(q.low)
    if abs(q.low - low) > 1e-3 or not (_precise(low) or known) or low < 2:
        return q
    return q._replace(low=float(low), high=float(low))


def _known_so_far(q: Quantity) -> bool:
    """'at least 300 reports': the count known so far when it was written."""
    return q.kind == "count" and q.text.lower().startswith("at least ")


# A time of day is in minutes after midnight: one day either way is the same hour.
_DAY_TURNS = (-1440.0, 1440.0)


_CLOCK_MARKS = ("am", "pm", "a.m", "p.m", "a. m", "p. m", "gmt", "bst", "utc", "local")


def _bare_clock(q: Quantity) -> bool:
    """A clock time without am / pm before 13:00 ("6: 41 last night"): it may be either."""
    text = q.text.lower()
    return ":" in text and q.high < 780 and not any(mark in text for mark in _CLOCK_MARKS)


def _turns(x: Quantity, y: Quantity) -> tuple[float, ...]:
    """How far one time of day may be moved to meet the other: a day either way, and
    half a day either way when one is a bare clock time."""
    if _bare_clock(x) or _bare_clock(y):
        return (*_DAY_TURNS, -720.0, 720.0)
    return _DAY_TURNS


def _agree(x: Quantity, y: Quantity) -> bool:
    """True when two related figures can both be true as reported."""
    if _rounded_alike(x, y):
        return True
    if x.kind == "time" and any(
        x.overlaps(y._replace(low=y.low + turn, high=y.high + turn)) for turn in _turns(x, y)
    ):
        return True  # "shortly before midnight" / "midnight"; "6:41" / "6:41pm" / "18:41"
    if not (x.overlaps(y) or _touching(x, y)):
        return False
    known = _known_so_far(x) and _known_so_far(y)
    rx, ry = reported(x, known), reported(y, known)
    if rx.overlaps(ry) or _touching(rx, ry) or round(rx.low) == round(ry.low):
        return True  # "at least 230,000" / "more than 230,000": one figure
    # Bounds that both hold yet report counts this far apart count different things.
    low, high = sorted((rx.low, ry.low))
    return low > 0 and high / low > REPORTED_RATIO


def _rounded_alike(x: Quantity, y: Quantity) -> bool:
    """True when the more precise figure rounds to the other ("14.2%" / "14 per cent")."""
    if x.low != x.high or y.low != y.high or x.kind in _DATE_KINDS:
        return False
    dx, dy = decimal_places(x.text), decimal_places(y.text)
    if dx is None or dy is None or dx == dy:
        return False
    places = min(dx, dy)
    return round(x.low, places) == round(y.low, places)


_APPROXIMATE = tuple(" ".join(words) + " " for words, mod in MODIFIERS.items() if mod == "approx")


def _approximate(q: Quantity) -> bool:
    """'about 1,800', 'roughly 30': a figure given with a margin on either side."""
    return q.text.lower().startswith(_APPROXIMATE)


def _bound_at_point(bound: Quantity, point: Quantity) -> bool:
    """True when an open bound stops at the other figure's exact value (a measure, not a
    count: "more than 14 people" is no report of 14)."""
    if point.low != point.high or bound.low == bound.high or point.kind == "count":
        return False
    scale = max(abs(point.low), 1e-9)
    edges = (bound.low, bound.high)
    return any(math.isfinite(e) and abs(e - point.low) <= 1e-6 * scale for e in edges)


def _touching(x: Quantity, y: Quantity) -> bool:
    """'nearly $100 billion' / 'over a hundred billion': open bounds at one round figure.

    Two approximate figures whose intervals only miss each other by a hair say the
    same thing; an exact count (14 vs 15) keeps its exactness.
    """
    if _bound_at_point(x, y) or _bound_at_point(y, x):
        return True  # "weighs under 4.5 pounds" / "will weigh just 4.5 pounds"
    if x.low == x.high or y.low == y.high or _approximate(x) or _approximate(y):
        return False  # "about 1,800" reaches 1,980 by a margin, not by a stated bound
    gap = max(x.low, y.low) - min(x.high, y.high)
    scale = max(abs(x.low), abs(y.low))
    return 0 <= gap <= 0.02 * scale if scale else False


def _far_apart(x: Quantity, y: Quantity) -> bool:
    """Two exact counts an order of magnitude apart are two facts ('20 points in the game',
    '2,290 points in his career'), not two reports of one; a zero ('no one') is kept."""
    if x.kind not in ("count", "money") and not x.kind.startswith("money"):
        return False
    low, high = sorted((x.low, y.low))
    return low > 0 and high / low > 10 and math.isfinite(x.high) and math.isfinite(y.high)


def _numeric_type(x: Quantity, y: Quantity) -> str:
    if x.kind in _DATE_KINDS:
        return "date"
    if x.zero or y.zero:
        return "negation"
    return "numeric"


def _numeric_detail(x: Quantity, y: Quantity) -> str:
    noun = x.noun or y.noun
    if x.kind in _DATE_KINDS or x.kind in _PLAIN_KINDS or x.kind.startswith("money"):
        noun = ""
    return f"{x.text} vs {y.text}" + (f" {noun}" if noun else "")


# --- asserted vs denied, opposite words -------------------------------------------------


def _negation(fa: Features, fb: Features, one_subject: bool = False) -> list[Reason]:
    """Words asserted on one side and denied on the other; with `one_subject`, only those
    whose clauses have one subject, written alike on both sides."""
    reasons: list[Reason] = []
    candidates = (fa.denied & fb.keys) | (fb.denied & fa.keys)
    if not candidates:
        return reasons
    for p in fa.polar:
        if p.key not in candidates:
            continue
        same_a = _asserted_uses(fa, [q for q in fa.polar if q.key == p.key])
        same_b = _asserted_uses(fb, [q for q in fb.polar if q.key == p.key])
        if p not in same_a or len({q.negated for q in same_a}) != 1:
            continue
        if len({q.negated for q in same_b}) != 1:
            continue
        q = same_b[0]
        if q.negated == p.negated:
            continue
        if _named(fa, p.index) or _named(fb, q.index):
            continue  # "Neither Perlo nor ...": a name is not a verb or a state
        if _unasserted(fa, p.index) != _unasserted(fb, q.index):
            continue  # a fact beside a question or a possibility
        exclude = frozenset({p.key})
        around_a, around_b = _window(fa, p.index, exclude), _window(fb, q.index, exclude)
        # One word in common next to the verb is enough when both name the same actor.
        sub_a, sub_b = _clause_head(fa, p.index), _clause_head(fb, q.index)
        if one_subject and not (sub_a and sub_a == sub_b):
            continue
        if sub_a and sub_b and sub_a in fb.keys and sub_b in fa.keys:
            sub_b = sub_a  # "handlers at North Quay" / "North Quay grain handlers"
        same_subject = bool(sub_a and sub_a == sub_b)
        same_actor = bool(fa.names & fb.names) or same_subject
        shared = (around_a & around_b and same_actor) or _shared_context(around_a, around_b)
        if (
            not shared
            and not same_subject
            and not _same_object(fa, p.index, fb, q.index)
            and not (same_actor and _same_complement(fa, p.index, fb, q.index))
        ):
            continue
        if _different_amounts(fa, p.index, fb, q.index):
            continue
        if fa.clause[p.index] in fa.negative_clauses and fb.clause[q.index] in fb.negative_clauses:
            continue  # both clauses deny something: "no gun was found" / "the gun was not found"
        if _after_opposite(fa, p.index, fb) or _after_opposite(fb, q.index, fa):
            continue  # "denied the report" / "confirmed the report": reported as opposites
        swapped = (_among(fa, p.index) and sub_a in around_b) or (
            _among(fb, q.index) and sub_b in around_a
        )  # "X were not among the data" / "the data included X": X is either subject
        if (
            sub_a
            and sub_b
            and sub_a != sub_b
            and not swapped
            and not _denied_then_passive(fa, p, fb, q)
        ):
            continue  # two subjects; but "X failed to meet it" / "it was met" name one act
        if _position(fa, p.index) != _position(fb, q.index):
            continue  # "pleaded not guilty" / "found guilty": a plea, then a verdict
        if _other_objects(fa, p.index, fb, q.index):
            continue  # "not nominated for an Oscar" / "nominated for a Golden Globe"
        if _after_without(fa, p.index) or _after_without(fb, q.index):
            continue  # "served without title or salary" denies it too
        tense_a, tense_b = _tense(fa, p.index), _tense(fb, q.index)
        if tense_a and tense_b and tense_a != tense_b:
            continue  # "the old rule required it" / "the new rules do not require it"
        word = fa.token(p.index).text
        detail = f"not {word} vs {fb.token(q.index).text}"
        if q.negated:
            detail = f"{word} vs not {fb.token(q.index).text}"
        reasons.append(Reason("negation", detail, _span(fa, p.index), _span(fb, q.index)))
    return reasons


def _common_noun(f: Features, index: int) -> bool:
    """True when the word `_subject` finds before a word is a common noun, not a verb, an
    adverb or a name ("The court granted": court; "led directly": no subject)."""
    own = f.clause[index]
    for p in reversed(f.polar):
        if p.index < index and f.clause[p.index] == own and not _in_figure(f, p.index):
            word = f.token(p.index)
            low = word.low
            return not (_verb_like(low) or low.endswith("ly") or key(low) in f.names)
    return False


def opposed_by_one_subject(fa: Features, fb: Features) -> bool:
    """True when one subject does opposite things on the two sides ("The court granted a
    request to confiscate" / "The court declined to order the confiscation")."""
    return bool(_opposites(fa, fb, one_subject=True))


def denied_by_one_subject(fa: Features, fb: Features) -> bool:
    """True when one subject's act is asserted on one side and denied on the other ("The
    agreement was signed at 10:00" / "The agreement itself has not yet been signed")."""
    return bool(_negation(fa, fb, one_subject=True))


def _asserted_uses(f: Features, uses: list[Polar]) -> list[Polar]:
    """The uses of one word that a sentence asserts or denies, when it also has it under
    a modal or an expectation ("has not been signed ... expect to sign it on Friday")."""
    if len({u.negated for u in uses}) < 2:
        return uses
    asserted = [u for u in uses if not _unasserted(f, u.index)]
    return asserted or uses


_PAST = frozenset({"did", "was", "were", "had", "has", "have", "didnt", "wasnt", "werent"})
_PRESENT = frozenset({"do", "does", "is", "are", "am", "dont", "doesnt", "isnt", "arent"})


def _passive(f: Features, index: int) -> bool:
    """'the goals were met', 'was infamously photographed': the verb's subject is what it
    acts on."""
    if not _participle(f.token(index).low):
        return False
    k = index - 1
    while k >= 0 and (f.token(k).low in _ADVERBS or f.token(k).low.endswith("ly")):
        k -= 1
    return k >= 0 and f.token(k).low in _PASSIVE | {"be"}


_ADVERBS = frozenset({"not", "never", "all", "also", "already", "fully", "since", "now"})


def _participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or IRREGULAR.get(word, word) != word


def _denied_then_passive(fa: Features, p: Polar, fb: Features, q: Polar) -> bool:
    """One side denies an act ("failed to meet its goals"), the other asserts it in the
    passive ("the goals were met"): the subjects differ because one is acted on."""
    for (f, x), (g, y) in (((fa, p), (fb, q)), ((fb, q), (fa, p))):
        if x.negated and not y.negated and not _passive(f, x.index) and _passive(g, y.index):
            return True
    return False


def _tense(f: Features, index: int) -> str:
    """'past' or 'present' from the auxiliary before a verb or its ending; '' if unclear."""
    for k in range(index - 1, max(index - 4, -1), -1):
        low = f.token(k).low
        if low in _PAST:
            return "past"
        if low in _PRESENT:
            return "present"
        if low in _MODALS or low in ("will", "to", "can"):
            return ""
        if low in _BOUNDARY:
            break
    word = f.token(index).low
    if word.endswith("ed") or (word in IRREGULAR and IRREGULAR[word] != word):
        return "past"
    return ""


def _after_without(f: Features, index: int) -> bool:
    """True for a noun in the list after 'without' ('without title, salary or mention')."""
    for k in range(index - 1, max(index - 6, -1), -1):
        low = f.token(k).low
        if low == "without":
            return True
        if low in _BOUNDARY and low != ",":
            return False
    return False


def _object(f: Features, index: int) -> str:
    """The first content word after a word in its clause: what it acts on, roughly."""
    for k in range(index + 1, min(index + 5, len(f.token_data))):
        tok = f.token(k)
        if f.clause[k] != f.clause[index]:
            return ""
        if _is_content(tok):
            return key(tok.low)
    return ""


def _object_words(f: Features, index: int) -> frozenset[str]:
    """The content words after a word in its clause, up to a preposition: what it acts
    on ("opened a formal investigation": formal, investigation)."""
    found = set()
    for k in range(index + 1, min(index + 5, len(f.token_data))):
        tok = f.token(k)
        if f.clause[k] != f.clause[index] or tok.low in _NOUN_AFTER:
            break
        if _is_content(tok):
            found.add(key(tok.low))
    return frozenset(found)


_COMPLEMENT_WORDS = frozenset({"about", "over", "into", "against", "of", "on"})
# How far after a word its complement ("complaints about the referee") may start.
_COMPLEMENT_REACH = 8


def _complement(f: Features, index: int) -> str:
    """The first content word after the preposition that follows a word in its clause
    ("no complaints about the referee": referee; "lodge a complaint with the federation
    about the refereeing": refereeing)."""
    end = min(index + _COMPLEMENT_REACH, len(f.token_data))
    for k in range(index + 1, end):
        if f.clause[k] != f.clause[index]:
            return ""
        if f.token(k).low in _COMPLEMENT_WORDS:
            for j in range(k + 1, min(k + 4, len(f.token_data))):
                if f.clause[j] != f.clause[index]:
                    return ""
                if _is_content(f.token(j)):
                    return key(f.token(j).low)
            return ""
    return ""


def _same_complement(fa: Features, ia: int, fb: Features, ib: int) -> bool:
    """True when both words are about one thing (see `_complement`)."""
    topic = _complement(fa, ia)
    return bool(topic) and topic == _complement(fb, ib)


def _same_object(fa: Features, ia: int, fb: Features, ib: int) -> bool:
    """True when both words act on one thing: "opened an investigation" / "has not
    opened a formal investigation"."""
    return bool(_object_words(fa, ia) & _object_words(fb, ib))


def _other_objects(fa: Features, ia: int, fb: Features, ib: int) -> bool:
    """True when each word acts on something the other sentence does not mention."""
    obj_a, obj_b = _object(fa, ia), _object(fb, ib)
    return bool(obj_a and obj_b and obj_a not in fb.keys and obj_b not in fa.keys)


def _named(f: Features, index: int) -> bool:
    """True for a capitalised word inside the sentence: part of a name."""
    return index > 0 and f.token(index).is_capitalized and not f.title_case


def _unasserted(f: Features, index: int) -> bool:
    """True when a question or a modal governs the word ('whether', 'could harm')."""
    for k in range(index - 1, max(index - 7, -1), -1):
        if f.clause[k] != f.clause[index]:
            break
        if f.token(k).low in _UNASSERTED and not _reported_future(f, k):
            return True
    return _contrasted(f, index) and any(f.token(k).low in _UNASSERTED for k in range(index))


_SAID = frozenset({"said", "told", "announced", "promised", "confirmed", "pledged", "vowed"})


def _reported_future(f: Features, k: int) -> bool:
    """'said the city would not raise fees': the reported 'will', not a hypothetical."""
    if f.token(k).low != "would":
        return False
    return any(f.token(j).low in _SAID for j in range(max(0, k - 6), k))


def _contrasted(f: Features, index: int) -> bool:
    """True for a word denied as the other half of a contrast ('to strengthen it, not weaken
    it'): it takes its mood from the words before it."""
    if index < 2 or f.token(index - 1).low != "not":
        return False
    before = f.token(index - 2)
    return before.low == "but" or not before.is_word


def _position(f: Features, index: int) -> bool:
    """True when a plea or a denial governs the word ('pleaded not guilty', 'denies arson',
    'not guilty pleas were entered')."""
    after = index + 1
    if after < len(f.token_data) and f.token(after).low in ("plea", "pleas"):
        return True
    for k in range(index - 1, max(index - 7, -1), -1):
        low = f.token(k).low
        if low in (".", ";", ":", "but", "and", "while"):
            return False  # quotes and commas do not end it: 'claimed it "didn't happen"'
        if low == "," and f.token(k + 1).low in _AUXILIARIES:
            return False  # "X, who denied the charges, was taken": the main clause
        if key(low) in _POSITIONS:
            return True
    return False


def _title_case(toks: tuple[Token, ...]) -> bool:
    """True for headline-style text where most words are capitalised."""
    words = [t for t in toks if t.is_word and len(t.low) > 3]
    return len(words) >= 3 and sum(t.is_capitalized for t in words) >= 0.8 * len(words)


_RELATIVE = frozenset({"who", "which", "whose", "whom"})


def _clauses(toks: tuple[Token, ...]) -> tuple[int, ...]:
    """A clause number for every token (split at punctuation and conjunctions). A
    relative clause set off by commas is a clause of its own, and the clause it
    interrupts goes on after it ("Grain handlers, who voted apart, rejected it": the
    handlers rejected it)."""
    out: list[int] = []
    fresh = current = 0
    resume: int | None = None  # the clause a relative clause interrupts
    for n, t in enumerate(toks):
        if t.low == "," and resume is not None:
            current, resume = resume, None
        elif t.low in PUNCT or t.low in _CLAUSE_BREAKS:
            if t.low == "," and n + 1 < len(toks) and toks[n + 1].low in _RELATIVE:
                resume = current
            elif t.low in _ENDS or t.low in ("(", ")"):
                resume = None
            fresh += 1
            current = fresh
        out.append(current)
    return tuple(out)


def _near_quantities(f: Features, index: int) -> list[Quantity]:
    """Quantities in the same clause as a word, leaving out the whole of 'N of the M'."""
    return [
        q
        for q, i in zip(f.quantities, f.q_index, strict=True)
        if f.clause[i] == f.clause[index] and not (i > 0 and f.token(i - 1).low in ("the", "of"))
    ]


def _different_amounts(fa: Features, ia: int, fb: Features, ib: int) -> bool:
    """True when the words sit next to amounts that differ ('two finished' / 'seven did not').

    Then the sentences speak of different parts of a whole, not of one fact.
    """
    near_a, near_b = _near_quantities(fa, ia), _near_quantities(fb, ib)
    if not near_a or not near_b:
        return False
    return not any(x.kind == y.kind and x.overlaps(y) for x in near_a for y in near_b)


def _after_opposite(f: Features, index: int, other: Features) -> bool:
    """True when a word right before this one has its opposite in the other sentence."""
    for p in f.polar:
        if index - 3 <= p.index < index:
            for pair, side in _OPPOSITES.get(p.key, ()):
                if _PAIR_WORDS[pair][1 - side] in other.keys:
                    return True
    return False


def _assertions(polar: tuple[Polar, ...], toks: tuple[Token, ...]) -> dict[int, dict[int, Polar]]:
    """Opposite pair id -> asserted side -> first word asserting it."""
    found: dict[int, dict[int, Polar]] = {}
    for p in polar:
        if not p.opposable:
            continue
        negated = p.negated or _weakly_negated(toks, p.index)
        if negated != p.negated:
            p = p._replace(negated=negated)
        for pair, side in _OPPOSITES.get(p.key, ()):
            found.setdefault(pair, {}).setdefault(side ^ negated, p)
    return found


def _weakly_negated(toks: tuple[Token, ...], index: int) -> bool:
    """'not immediately known', 'little-known': a negator just before the word."""
    k = index - 1
    while k >= 0 and k >= index - 3 and toks[k].low in ("-", "immediately", "yet", "fully"):
        k -= 1
    return k >= 0 and toks[k].low in _WEAK_NEGATORS


def _mover(f: Features, index: int) -> str:
    """What moves with a word of change: the nearest noun before it in its clause, past
    verbs and figures ("shares opened 7 per cent lower": shares)."""
    for k in range(index - 1, -1, -1):
        tok = f.token(k)
        if f.clause[k] != f.clause[index] or tok.low in _REPORTING:
            return ""
        if _is_content(tok) and not _verb_like(tok.low) and not _in_figure(f, k):
            return key(tok.low)
    return ""


def _one_mover(fa: Features, a: int, fb: Features, b: int) -> bool:
    """True when opposite moves have one mover held by the name both sentences open with
    ("Nordray's shares rose 2%" / "Nordray's shares opened 7 per cent lower")."""
    held = held_opening(fa)
    mover = _mover(fa, a)
    return bool(held and mover) and held == held_opening(fb) and mover == _mover(fb, b)


def _opposites(fa: Features, fb: Features, one_subject: bool = False) -> list[Reason]:
    """Opposite words asserted on each side; with `one_subject`, only those whose subject
    is the same word on both sides."""
    reasons: list[Reason] = []
    sa, sb = fa.assertions, fb.assertions
    if not sa or not sb:
        return reasons
    for pair in sa.keys() & sb.keys():
        sides_a, sides_b = sa[pair], sb[pair]
        if len(sides_a) != 1 or len(sides_b) != 1 or sides_a.keys() == sides_b.keys():
            continue
        (pa,), (pb,) = sides_a.values(), sides_b.values()
        if pa.key == pb.key:
            continue  # the same word asserted and denied: the negation check reports it
        if _unasserted(fa, pa.index) != _unasserted(fb, pb.index):
            continue
        exclude = frozenset({pa.key, pb.key})
        subject, other = _subject(fa, pa.index), _subject(fb, pb.index)
        # "The dorin rose" / "The dorin lost half a per cent": one subject, opposite moves;
        # "Grain handlers at North Quay ... rejected" / "North Quay grain handlers ...
        # accepted": each subject's word stands in the other sentence's subject too.
        same_subject = bool(subject) and (
            subject == other or (bool(other) and subject in fb.keys and other in fa.keys)
        )
        if one_subject and not (subject and subject == other and _common_noun(fa, pa.index)):
            continue
        if pair in _MOVE_PAIRS and not same_subject:
            # "3.1% higher" / "2.4 per cent lower": the moves of two figures about one thing.
            xa, xb = _figure_before(fa, pa.index), _figure_before(fb, pb.index)
            same_subject = bool(
                xa and xb and _shared_context(xa.context - exclude, xb.context - exclude)
            ) or _one_mover(fa, pa.index, fb, pb.index)
        if not same_subject and not _shared_context(
            _window(fa, pa.index, exclude), _window(fb, pb.index, exclude)
        ):
            continue
        if _PAIR_CONVERSE[pair] and _subject(fa, pa.index) != _subject(fb, pb.index):
            continue
        if pair not in _MOVE_PAIRS and _different_amounts(fa, pa.index, fb, pb.index):
            continue
        wa, wb = fa.token(pa.index).text, fb.token(pb.index).text
        detail = f"{'not ' if pa.negated else ''}{wa} vs {'not ' if pb.negated else ''}{wb}"
        reasons.append(Reason(_PAIR_KIND[pair], detail, _span(fa, pa.index), _span(fb, pb.index)))
    return reasons


# --- a different name or key noun in the same slot --------------------------------------


def _substitutions(fa: Features, fb: Features) -> list[Reason]:
    reasons: list[Reason] = []
    wa = fa.words
    set_a, set_b = fa.word_set, fb.word_set
    if not (fa.slot_words - set_b) or not (fb.slot_words - set_a):
        return reasons
    positions = _positions(fb.words)
    i, n = 0, len(wa)
    while i < n:
        if wa[i] in set_b or wa[i] not in fa.slot_words:
            i += 1
            continue
        # Widen the differing run around a name or class word: at most three words.
        seen = i
        while i > 0 and wa[i - 1] not in set_b and seen - i < 2:
            i -= 1
        j = i
        while j < n and wa[j] not in set_b and j - i < 4:
            j += 1
        if j - i <= 3:
            found = None
            if i > 0 and j < n:
                found = _match_slot(fa, fb, i, j, positions)
            elif i == 0 and j + 1 < n:
                found = _match_start(fa, fb, j)
            elif i > 1 and j == n:
                found = _match_end(fa, fb, i)
            if found is not None:
                reasons.append(found)
        i = max(j, seen) + 1
    return reasons


def _modifier_swaps(fa: Features, fb: Features) -> list[Reason]:
    """One thing of two kinds of a class: "an oil pipeline" / "the gas pipeline" (the word
    before a shared noun, both words of one class and each missing from the other side)."""
    reasons: list[Reason] = []
    wa, wb = fa.words, fb.words
    heads_b = _positions(wb)
    for k in range(len(wa) - 1):
        mod, head = wa[k], wa[k + 1]
        classes = _SLOT_OF.get(mod)
        if not classes or mod in fb.word_set or not _noun_like(fa, k + 1):
            continue
        if fa.token(fa.word_index[k]).is_capitalized:
            continue  # "Liberation Army": a name, not a kind
        for m in heads_b.get(head, ()):
            other = wb[m - 1] if m > 0 else ""
            if other == mod or other in fa.word_set or not classes & _SLOT_OF.get(other, set()):
                continue
            ia, ib = fa.word_index[k], fb.word_index[m - 1]
            if fb.token(ib).is_capitalized:
                continue
            detail = f"{fa.token(ia).text} vs {fb.token(ib).text} {fb.token(ib + 1).text}"
            reasons.append(Reason("substitution", detail, _span(fa, ia), _span(fb, ib)))
            break
    return reasons


_CHARGE = key("charge")
_OFFENCE_ENDS = frozenset({",", ";", ".", "and", "but", "while", "against", "in", "after"})


def _offence(f: Features, q: Quantity) -> tuple[frozenset[str], tuple[int, int]] | None:
    """What a count of charges charges ("three tax evasion charges", "three counts of money
    laundering"): its words and their span, or None for a count of something else."""
    if q.kind != "count" or not q.head or not one_class(_noun(q), _CHARGE):
        return None
    first = bisect_left([t[2] for t in f.token_data], q.span[1])
    # The noun within five tokens, then "of" and at most three words: ten tokens in all.
    after = [f.token(k) for k in range(first, min(first + 10, len(f.token_data)))]
    at = next((n for n, t in enumerate(after[:5]) if key(t.low) == _noun(q)), None)
    if at is None:
        return None
    words = after[:at]  # "three tax evasion charges"
    if not words and at + 1 < len(after) and after[at + 1].low in ("of", "for"):
        for t in after[at + 2 :]:  # "three counts of money laundering"
            if t.low in _OFFENCE_ENDS or len(words) >= 3:
                break
            words.append(t)
    words = [t for t in words if _is_content(t) and t.low not in STOP_WORDS]
    if not words:
        return None
    return frozenset(key(t.low) for t in words), (words[0].start, words[-1].end)


def _offence_swaps(fa: Features, fb: Features) -> list[Reason]:
    """As many charges of two other offences: "cleared of three tax evasion charges" /
    "acquitted on three counts of money laundering"."""
    reasons: list[Reason] = []
    for x in fa.quantities:
        ox = _offence(fa, x)
        if ox is None:
            continue
        for y in fb.quantities:
            oy = _offence(fb, y)
            if oy is None or (x.low, x.high) != (y.low, y.high) or ox[0] & oy[0]:
                continue
            if not _outcomes(x) & _outcomes(y):
                continue  # "guilty of three" and "cleared of three" are two sets of charges
            span_a, span_b = ox[1], oy[1]
            detail = f"{fa.text[span_a[0] : span_a[1]]} vs {fb.text[span_b[0] : span_b[1]]}"
            reasons.append(Reason("substitution", detail, span_a, span_b))
    return reasons


def _noun_like(f: Features, k: int) -> bool:
    """A content word that can be the noun a modifier describes (not "will", "has")."""
    tok = f.token(f.word_index[k])
    low = tok.low
    return _is_content(tok) and low not in _MODALS and low not in _AUXILIARIES and low != "will"


def _match_start(fa: Features, fb: Features, j: int) -> Reason | None:
    """A differing run at the very start, followed by two words that line up."""
    wa, wb = fa.words, fb.words
    set_a = fa.word_set
    for q in range(1, min(4, len(wb) - 1)):
        if wb[q] in set_a:
            if wb[q] == wa[j] and wb[q + 1] == wa[j + 1]:
                return _classify_slot(fa, fb, (0, j), (0, q))
            return None
    return None


def _match_end(fa: Features, fb: Features, i: int) -> Reason | None:
    """A differing run at the very end, after two words that line up."""
    wa, wb = fa.words, fb.words
    set_a = fa.word_set
    if wb[-1] in set_a:
        return None
    for p in range(len(wb) - 2, max(len(wb) - 5, 0), -1):
        if wb[p] in set_a:
            if wb[p] == wa[i - 1] and wb[p - 1] == wa[i - 2]:
                return _classify_slot(fa, fb, (i, len(wa)), (p + 1, len(wb)))
            return None
    return None


def _match_slot(
    fa: Features, fb: Features, i: int, j: int, positions: dict[str, list[int]]
) -> Reason | None:
    wa, wb = fa.words, fb.words
    set_a = fa.word_set
    left, right = wa[i - 1], wa[j]
    for p in positions.get(left, ()):
        if p + 1 >= len(wb) or wb[p + 1] in set_a:
            continue
        for q in range(p + 2, min(p + 5, len(wb))):
            if wb[q] in set_a:
                two_left = j <= i + 2 and q <= p + 3 and p > 0 and i > 1 and wb[p - 1] == wa[i - 2]
                if wb[q] == right or two_left:
                    # Same word after the slot, or one word each after two that line up
                    # ("the Ministry of Health and" / "the Ministry of Defence,").
                    reason = _classify_slot(fa, fb, (i, j), (p + 1, q))
                    if reason is not None:
                        return reason
                break
    # "on a motorcycle heading toward" / "in a car heading toward": the two words
    # after the slot line up even though the preposition before it differs.
    if j + 1 >= len(wa) or wa[j + 1] == "|":
        return None
    for q in positions.get(right, ()):
        if q + 1 < len(wb) and wb[q + 1] == wa[j + 1] and q > 0 and wb[q - 1] not in set_a:
            p = q - 1
            while p > 0 and wb[p - 1] not in set_a and q - p < 3:
                p -= 1
            reason = _classify_slot(fa, fb, (i, j), (p, q))
            if reason is not None:
                return reason
    return None


def _classify_slot(
    fa: Features, fb: Features, run_a: tuple[int, int], run_b: tuple[int, int]
) -> Reason | None:
    toks_a = _trim([fa.token(fa.word_index[k]) for k in range(*run_a)])
    toks_b = _trim([fb.token(fb.word_index[k]) for k in range(*run_b)])
    if any(not t.is_word or ("'" in t.low and not _class_possessive(t)) for t in toks_a + toks_b):
        return None
    if _in_list(fa, run_a) or _in_list(fb, run_b) or not _anchored(fa, fb, run_a, run_b):
        return None
    if _told(fa, run_a) or _told(fb, run_b):
        return None  # "told People" / "told Us": two outlets heard the same statement
    lows = {t.low for t in toks_a + toks_b}
    if lows & (TITLE_WORDS | WEEKDAYS.keys() | MONTHS.keys()):
        return None
    span_a = (toks_a[0].start, toks_a[-1].end)
    span_b = (toks_b[0].start, toks_b[-1].end)
    text_a = " ".join(t.text for t in toks_a)
    text_b = " ".join(t.text for t in toks_b)
    first_a = fa.word_index[run_a[0]] == 0
    first_b = fb.word_index[run_b[0]] == 0
    proper = (
        not first_a
        and not first_b
        and not fa.title_case
        and not fb.title_case
        and not _abbreviation(toks_a, toks_b)
        and all(t.is_capitalized for t in toks_a + toks_b)
        and not any(t.low in STOP_WORDS for t in toks_a + toks_b)
    )
    if proper and (_variant_elsewhere(fb, toks_a) or _variant_elsewhere(fa, toks_b)):
        return None  # "Kathryn ... Robin" / "Katherine ... Robyn": spellings, crossed
    if proper and _other_quotes(fa, fb, run_a, run_b, toks_a + toks_b):
        return None  # "'...,' King told the paper" / "'...,' Barry told the paper"
    if proper and _distinct_names(toks_a, toks_b, text_a, text_b):
        return Reason("substitution", f"{text_a} vs {text_b}", span_a, span_b)
    if len(toks_a) == 1 and len(toks_b) == 1:
        ka, kb = key(toks_a[0].low), key(toks_b[0].low)
        same_class = _SLOT_OF.get(ka, frozenset()) & _SLOT_OF.get(kb, frozenset())
        if ka[:3] != kb[:3] and same_class:  # "theatre" / "theater" is one word
            return Reason("substitution", f"{text_a} vs {text_b}", span_a, span_b)
    return None


def _speaker_slot(f: Features, run: tuple[int, int]) -> bool:
    """True when the run names who spoke: 'King told', 'said Barry', 'according to Ng'."""
    n = len(f.token_data)
    after = f.word_index[run[1] - 1] + 1
    before = f.word_index[run[0]] - 1
    return (after < n and f.token(after).low in _REPORTING) or (
        before >= 0 and f.token(before).low in _REPORTING
    )


def _other_quotes(
    fa: Features, fb: Features, run_a: tuple[int, int], run_b: tuple[int, int], run: list[Token]
) -> bool:
    """True when two different speakers are quoted saying mostly different things."""
    if not (_speaker_slot(fa, run_a) or _speaker_slot(fb, run_b)):
        return False
    names = {key(t.low) for t in run}
    rest_a, rest_b = fa.keys - names, fb.keys - names
    union = rest_a | rest_b
    return bool(union) and len(rest_a & rest_b) < 0.4 * len(union)


def _class_possessive(tok: Token) -> bool:
    """ "the president's decision": a class word in the possessive still fills the slot."""
    return tok.low.endswith("'s") and not tok.is_capitalized and key(tok.low) in _SLOT_OF


def _variant_elsewhere(f: Features, run: list[Token]) -> bool:
    """True when the other sentence spells a name of the run a little differently."""
    for t in run:
        if not t.is_capitalized or len(t.low) < 4:
            continue
        for u in map(Token._make, f.token_data):
            close = u.is_capitalized and u.low != t.low and len(u.low) >= 4
            if close and fuzz.ratio(_plain(t.low), _plain(u.low)) >= 75:
                return True
    return False


def _distinct_names(toks_a: list[Token], toks_b: list[Token], text_a: str, text_b: str) -> bool:
    """True when two capitalised runs are different names, not variants of one name.

    Variants: aliases ('U.S.' / 'United States'), acronyms ('AFC'), spellings
    ('Centre' / 'Center', 'Vendome' / 'Vendôme').
    """
    if any(len(t.low) == 1 for t in toks_a + toks_b):
        return False  # a middle initial
    if _acronym_of(toks_a, toks_b) or _acronym_of(toks_b, toks_a):
        return False
    if abs(len(toks_a) - len(toks_b)) > 1:
        return False
    short, long_ = sorted((toks_a, toks_b), key=len)
    if len(short) < len(long_) and all(
        any(t.low == u.low or _abbreviation([t], [u]) for u in long_) for t in short
    ):
        return False  # "Smith" / "John Smith", "Mt" / "Aoraki Mount": part of one name
    la, lb = _plain(text_a), _plain(text_b)
    if la[:3] == lb[:3] and min(len(la), len(lb)) >= 3:
        return False  # "Alexis" / "Alexandros", "Dave" / "David": one name, two spellings
    if _ALIAS.get(la, la) == _ALIAS.get(lb, lb):
        return False
    if _NICKNAME.get(la, la) == _NICKNAME.get(lb, lb):
        return False  # "William" / "Bill"
    return fuzz.ratio(la, lb) < 70


def _acronym_of(short: list[Token], long_: list[Token]) -> bool:
    """'AFC' / 'American Football Conference', 'USGS' / 'U.S. Geological Survey'."""
    if len(short) != 1 or not short[0].text.replace(".", "").isupper():
        return False
    letters = short[0].text.replace(".", "")
    initials = "".join(
        t.text.replace(".", "") if "." in t.text else t.text[0] for t in long_
    ).upper()
    if len(letters) < 2:
        return False
    # "DNC" / "National Committee" when "Democratic" lines up elsewhere
    return letters.endswith(initials) or letters.startswith(initials) or len(long_) == 1


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _trim(run: list[Token]) -> list[Token]:
    """Drop a place preposition or a conjunction at the edges ('on a motorcycle' / 'in a car')."""
    if len(run) > 1 and run[0].low in _PLACE_PREPOSITIONS:
        run = run[1:]
    if len(run) > 1 and run[-1].low in ("and", "or"):
        run = run[:-1]
    return run


def _told(f: Features, run: tuple[int, int]) -> bool:
    """True when the run is the one a statement was told to."""
    before = f.word_index[run[0]] - 1
    return before >= 0 and f.token(before).low in _TOLD


def _in_list(f: Features, run: tuple[int, int]) -> bool:
    """True when the run is one item of a list ('Sicily and Tunisia', 'Egypt, India')."""
    n = len(f.token_data)
    before = f.word_index[run[0]] - 1
    after = f.word_index[run[1] - 1] + 1
    if before >= 0 and f.token(before).low in _LIST_MARKS:
        return True
    if after + 1 >= n or f.token(after).low not in _LIST_MARKS:
        return False
    nxt = f.token(after + 1)
    if nxt.is_capitalized:
        return True  # "Sicily and Tunisia", "Egypt, India"
    # "a man and a woman"; but not "Health and published" or "Nairobi, the minister".
    joined = f.token(after).low in ("and", "or")
    return joined and (nxt.is_number or nxt.low in ("a", "an", "the", "two", "three"))


def _anchored(fa: Features, fb: Features, run_a: tuple[int, int], run_b: tuple[int, int]) -> bool:
    """True when a content word next to the slot (two words either side) lines up."""
    wa, wb = fa.words, fb.words
    for d in (1, 2):
        for ia, ib in ((run_a[0] - d, run_b[0] - d), (run_a[1] - 1 + d, run_b[1] - 1 + d)):
            lined_up = 0 <= ia < len(wa) and 0 <= ib < len(wb) and wa[ia] == wb[ib]
            if lined_up and len(wa[ia]) > 2 and wa[ia] not in STOP_WORDS:
                return True
    return False


def _abbreviation(toks_a: list[Token], toks_b: list[Token]) -> bool:
    """'Mt' / 'Mount', 'Gov' / 'Governor': one name written short."""
    if len(toks_a) != 1 or len(toks_b) != 1:
        return False
    x, y = toks_a[0].low.rstrip("."), toks_b[0].low.rstrip(".")
    short, long_ = sorted((x, y), key=len)
    if short[0] != long_[0] or len(short) > 5:
        return False
    rest = iter(long_)
    return all(c in rest for c in short)  # "Blvd" / "Boulevard", "Mt" / "Mount"


# --- the public entry point -------------------------------------------------------------


def _overlaps(s: tuple[int, int], t: tuple[int, int]) -> bool:
    return s[0] < t[1] and t[0] < s[1]


@dataclass(frozen=True)
class Detector:
    """One way two sentences can disagree: what it reads and emits, and what stops it.

    `find` takes the two sentences' features and returns its reasons. `vetoes` names the
    checks (functions of this module) that can stop a candidate, each with the result
    that stops it: a benchmark counts how often each one fires.
    """

    name: str
    emits: tuple[ReasonType, ...]
    reads: str
    vetoes: tuple[tuple[str, bool], ...]
    find: Callable[[Features, Features], list[Reason]]


DETECTORS = (
    Detector(
        "figures",
        (ReasonType.NUMERIC, ReasonType.DATE, ReasonType.NEGATION),
        "quantities with what they count, their fact keys, months and who holds them",
        (
            ("_other_subjects", True),
            ("_restated_elsewhere", True),
            ("_far_apart", True),
            ("_other_times", True),
            ("_age_drift", True),
            ("_from_other_place", True),
            ("_in_other_places", True),
            ("_dateline", True),
            ("_named_apart", True),
            ("_other_doers", True),
        ),
        lambda fa, fb: _numeric(fa, fb),
    ),
    Detector(
        "opposites",
        (ReasonType.ANTONYM, ReasonType.NEGATION),
        "asserted words of opposite pairs (rise / fall, win / lose) and their contexts",
        (("_unasserted", True), ("_shared_context", False), ("_different_amounts", True)),
        lambda fa, fb: _opposites(fa, fb),
    ),
    Detector(
        "negation",
        (ReasonType.NEGATION,),
        "words asserted on one side and denied on the other, with actor, tense and object",
        (
            ("_named", True),
            ("_unasserted", True),
            ("_shared_context", False),
            ("_different_amounts", True),
            ("_after_opposite", True),
            ("_position", True),
            ("_other_objects", True),
            ("_after_without", True),
        ),
        lambda fa, fb: _negation(fa, fb),
    ),
    Detector(
        "slots",
        (ReasonType.SUBSTITUTION,),
        "a differing name or class word between words that line up",
        (("_variant_elsewhere", True), ("_distinct_names", False), ("_anchored", False)),
        lambda fa, fb: _substitutions(fa, fb),
    ),
    Detector(
        "kinds",
        (ReasonType.SUBSTITUTION,),
        "the class word before a shared noun (oil / gas pipeline)",
        (("_noun_like", False),),
        lambda fa, fb: _modifier_swaps(fa, fb),
    ),
    Detector(
        "offences",
        (ReasonType.SUBSTITUTION,),
        "what as many charges on each side charge (tax evasion / money laundering)",
        (),
        lambda fa, fb: _offence_swaps(fa, fb),
    ),
    Detector(
        "identities",
        (ReasonType.SUBSTITUTION,),
        "what fills a unique slot ('the main reason was', 'the most common side effect')",
        (),
        lambda fa, fb: identity_conflicts(fa.text, fb.text),
    ),
    Detector(
        "agents",
        (ReasonType.SUBSTITUTION,),
        "the named doer of one act on one object, two people named together (agents.py)",
        (),
        lambda fa, fb: agent_conflicts(fa.text, fb.text) or pair_conflicts(fa.text, fb.text),
    ),
    Detector(
        "tallies",
        (ReasonType.NUMERIC,),
        "the split of one vote: a score of votes, two counts of voters, a share of a body",
        (),
        lambda fa, fb: tally_conflicts(fa.text, fb.text),
    ),
    Detector(
        "possibilities",
        (ReasonType.NEGATION,),
        "a possibility closed on one side and kept open on the other, by one named actor",
        (),
        lambda fa, fb: possibility_conflicts(fa.text, fb.text),
    ),
    Detector(
        "posts",
        (ReasonType.SUBSTITUTION,),
        "the post each sentence gives one person (see newsreader.engine.roles)",
        (),
        lambda fa, fb: role_conflicts(fa.text, fb.text),
    ),
    Detector(
        "speakers",
        (ReasonType.SUBSTITUTION,),
        "one quotation and the people named outside it (see newsreader.engine.quotes)",
        (),
        lambda fa, fb: misattributed_quotes(fa.text, fb.text),
    ),
)


def conflicts_between(a: str, b: str) -> list[Reason]:
    """Reasons why two aligned sentence texts disagree (empty when they agree)."""
    fa, fb = features(a), features(b)
    found = [r for detector in DETECTORS for r in detector.find(fa, fb)]
    reasons: list[Reason] = []
    for r in found:
        if any(_overlaps(r.a_span, s.a_span) or _overlaps(r.b_span, s.b_span) for s in reasons):
            continue
        reasons.append(r)
    return reasons


def find_conflicts(a: Sentence, b: Sentence) -> list[Reason]:
    """Reasons why two aligned sentences disagree (empty when they agree)."""
    return conflicts_between(a.text, b.text)


def claim_figure_reasons(a_text: str, b_text: str, named: bool = False) -> list[Reason]:
    """Reasons from comparing figures the pair check could not tie by their words: two
    large figures near enough in value to be one figure ("more than 2,000 people" /
    "1,842 participants") that cannot both hold. `named`: only figures that name what
    they count, of one class (people / participants), for a pair not lined up by its words.
    """
    fa, fb = features(a_text), features(b_text)
    reasons = []
    for x, values_x in zip(fa.quantities, fa.q_values, strict=True):
        near_x = {k for k in values_x if k[1].startswith("~")}
        if not near_x:
            continue
        for y, values_y in zip(fb.quantities, fb.q_values, strict=True):
            same_kind = x.kind == y.kind and x.qualifier == y.qualifier
            if named and not (_one_class(x, y) if x.head and y.head else _exact_pair(x, y)):
                continue
            if not (same_kind and near_x & values_y) or _agree(x, y):
                continue
            if _stated_by(x, fb) or _stated_by(y, fa):
                continue  # "$281 million in cash" / "$334 million, including $281 million"
            reasons.append(Reason("numeric", _numeric_detail(x, y), x.span, y.span))
    return reasons


# Exact figures from this value on are too precise for two of them, this near each other,
# to be two things of one story ("The crowd of 41,236" / "The official attendance was 40,912").
EXACT_FROM = 1000


# ...and this near in value (a price or a distance of another item differs more).
EXACT_RATIO = 1.05


def _exact_pair(x: Quantity, y: Quantity) -> bool:
    """True for two exact, unrounded counts of at least EXACT_FROM within EXACT_RATIO of
    each other, at most one of which names what it counts."""
    exact = all(
        q.kind == "count" and q.low == q.high and q.low >= EXACT_FROM and _precise(q.low)
        for q in (x, y)
    )
    return (
        exact and not (x.head and y.head) and max(x.low, y.low) <= EXACT_RATIO * min(x.low, y.low)
    )


def _stated_by(q: Quantity, f: Features) -> bool:
    """True when the sentence also states a figure of q's kind, of one class of thing,
    that agrees with it."""
    return any(
        z.kind == q.kind
        and z.qualifier == q.qualifier
        and (not (z.head and q.head) or _one_class(q, z))
        and _agree(q, z)
        and not _rounds_elsewhere(q, z)
        for z in f.quantities
    )


def _rounds_elsewhere(q: Quantity, z: Quantity) -> bool:
    """True when an exact figure of at least EXACT_FROM, rounded to a round figure's
    places, is not that figure: "41,236" is no "42,000" (it is "41,000")."""
    if not (q.low == q.high and q.low >= EXACT_FROM and _precise(q.low)):
        return False
    value = (z.low + z.high) / 2
    places = len(str(int(value))) - len(str(int(value)).rstrip("0"))
    return places > 0 and round(q.low, -places) != round(value, -places)


# Kinds of figure compared between sentences linked by a fact: an event's own figures.
# Durations, ordinals, scores, lengths and ages recur inside one event ("a 12-minute
# run", "the third round", "a 20-yard pass"), so a shared fact says too little of them.
_LINKED_KINDS = frozenset({"count", "magnitude", "time", "date", "weekday", "percent", "money"})


_TALLY_CONCEPTS = frozenset({concept(key("vote"))})


def _moves_of_one_fact(
    fa: Features, a_span: tuple[int, int], fb: Features, b_span: tuple[int, int]
) -> bool:
    """True when both words of opposite moves follow a figure and the two figures share
    a fact key that names what they are about (the shares of one company)."""
    starts_a = [t[2] for t in fa.token_data]
    starts_b = [t[2] for t in fb.token_data]
    at_a, at_b = bisect_left(starts_a, a_span[0]), bisect_left(starts_b, b_span[0])
    words = frozenset({fa.token(at_a).low, fb.token(at_b).low})
    if not any(words == frozenset(pair) for pair in _MOVE_WORDS):
        return False  # "Monday afternoon" / "Monday evening": no move
    x, y = _figure_before(fa, at_a), _figure_before(fb, at_b)
    if x is None or y is None or x.kind != y.kind or x.kind in _DATE_KINDS:
        return False
    keys_x = fa.q_keys[fa.quantities.index(x)]
    keys_y = fb.q_keys[fb.quantities.index(y)]
    return any(names_fact(k) for k in keys_x & keys_y)


def _spans_one_mover(
    fa: Features, a_span: tuple[int, int], fb: Features, b_span: tuple[int, int]
) -> bool:
    """`_one_mover` for the words at two reason spans."""
    starts_a = [t[2] for t in fa.token_data]
    starts_b = [t[2] for t in fb.token_data]
    at_a, at_b = bisect_left(starts_a, a_span[0]), bisect_left(starts_b, b_span[0])
    if at_a >= len(starts_a) or at_b >= len(starts_b):
        return False
    return _one_mover(fa, at_a, fb, at_b)


# Words that make a score the state of a game under way ("leading 83-58 with 5:33 to play").
_LEADING = frozenset({"lead", "led", "trail"})


def _score_moment(f: Features, span: tuple[int, int]) -> bool:
    """True when a score is the lead at one moment of a game, not its result."""
    return any(q.span == span and q.near & _LEADING for q in f.quantities)


def same_fact_reasons(reasons: list[Reason], a_text: str, b_text: str) -> list[Reason]:
    """The reasons of a pair linked by a shared fact rather than by its words: only
    figures that share a fact key naming what they are about (see `names_fact`) are
    compared (two sentences of one claim may say other things, about which their words
    tell too little)."""
    fa, fb = features(a_text), features(b_text)
    keys_a = {q.span: k for q, k in zip(fa.quantities, fa.q_keys, strict=True)}
    keys_b = {q.span: k for q, k in zip(fb.quantities, fb.q_keys, strict=True)}
    kinds = {q.span: q.kind.split(":")[0] for q in fa.quantities}
    kept = []
    slots_a = {x.span: x.head for x in identities(a_text)}
    slots_b = {x.span: x.head for x in identities(b_text)}
    splits = tally_conflicts(a_text, b_text)
    for reason in reasons:
        if reason in splits:
            kept.append(reason)  # one vote split two ways: the vote is the fact
            continue
        if slots_a.get(reason.a_span, "") == slots_b.get(reason.b_span) is not None:
            kept.append(reason)  # two fillers of one unique slot: the slot is the fact
            continue
        if reason.type == "date" and _one_act(fa, reason.a_span, fb, reason.b_span):
            kept.append(reason)  # "file in November" / "submit in September": one act
            continue
        if reason.type == "antonym" and _moves_of_one_fact(fa, reason.a_span, fb, reason.b_span):
            kept.append(reason)  # "closed 2.1% lower" / "ended 3.2 per cent higher"
            continue
        if reason.type == "antonym" and _spans_one_mover(fa, reason.a_span, fb, reason.b_span):
            kept.append(reason)  # "Nordray's shares rose 2%" / "Nordray's shares ... lower"
            continue
        kind = kinds.get(reason.a_span)
        shared = keys_a.get(reason.a_span, frozenset()) & keys_b.get(reason.b_span, frozenset())
        if kind == "score":
            teams = {k for k in shared if k[1] in fa.names and k[1] in fb.names}
            moment = _score_moment(fa, reason.a_span) or _score_moment(fb, reason.b_span)
            if reason.type == "numeric" and len(teams) >= 2 and not moment:
                kept.append(reason)  # one game's score: both sides name both teams
                continue
            # A tally of one vote ("a four-to-three vote" / "voted 5-2"), not any score.
            shared = {k for k in shared if k[1] in _TALLY_CONCEPTS}
        elif kind not in _LINKED_KINDS:
            continue
        # A figure's reason: a number, a date, or none against some ("no" / "two deaths").
        figure = reason.type in ("numeric", "date") or (
            reason.type == "negation" and _zero_of_one_class(fa, reason.a_span, fb, reason.b_span)
        )
        named = figure and any(names_fact(k) for k in shared)
        alone = reason.type == "numeric" and _one_figure_each(fa, reason.a_span, fb, reason.b_span)
        if named or alone:
            kept.append(reason)
    return kept
