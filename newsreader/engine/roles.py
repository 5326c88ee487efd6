"""The posts people hold, as the sentences name them, and where two sources disagree.

"Clara Moberg, the firm's former chief operating officer" and "the firm's former finance
director, Clara Moberg" give one person two posts: a substitution a fact-checker wants
flagged. A post is read from an apposition after the name (", the ... officer,"), before
it ("the ... director, Clara Moberg") or as a title in front of it ("council member Hana
Dvorsk", "Deputy Governor Radu Menzel"); the person is known by the last word of the name.
"""

from __future__ import annotations

from functools import lru_cache

from newsreader.engine.lexicon import (
    POST_INITIALS,
    ROLE_NOISE,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    TITLE_WORDS,
)
from newsreader.engine.terms import STOP_WORDS
from newsreader.engine.wordforms import PUNCT, Token, key, tokenize
from newsreader.model import Reason

_ROLE_KEYS = frozenset(key(r) for r in ROLE_NOUNS)
_ONE_POST = {key(word): min(map(key, group)) for group in ROLE_SYNONYMS for word in group}
_TITLE_KEYS = frozenset(key(t) for t in TITLE_WORDS)
# Words of rank every senior post may hold: "chief executive" and "chief operating
# officer" share them and still are two posts.
_RANKS = frozenset(_ONE_POST.get(key(w), key(w)) for w in ("chief", "officer"))
# How many words a post may take: "former chief operating officer of the group".
_REACH = 5


@lru_cache(maxsize=16384)
def roles(text: str) -> dict[str, tuple[frozenset[str], tuple[int, int]]]:
    """Surname key -> (the words of the post the sentence gives that person, its span)."""
    toks = tokenize(text)
    found: dict[str, tuple[frozenset[str], tuple[int, int]]] = {}
    for title, start, end in name_runs(toks):
        post = _post(list(toks[title:start])) or _after(toks, end) or _before(toks, start)
        if post is None:
            continue
        surname = key(toks[end - 1].low)
        words = frozenset(
            _ONE_POST.get(key(w), key(w))
            for t in post
            if t.low not in ROLE_NOISE
            for w in POST_INITIALS.get(t.low, (t.low,))
        )
        if surname in found and found[surname][0] != words:
            found[surname] = (frozenset(), (0, 0))  # two posts in one sentence: ambiguous
            continue
        found[surname] = (words, (post[0].start, post[-1].end))
    return {k: v for k, v in found.items() if v[0]}


def role_conflicts(a: str, b: str) -> list[Reason]:
    """A substitution for each person the two sentences give posts, or employers, that
    share no word."""
    reasons = []
    for read in (roles, affiliations):
        ra, rb = read(a), read(b)
        for surname in sorted(ra.keys() & rb.keys()):
            (words_a, span_a), (words_b, span_b) = ra[surname], rb[surname]
            if words_a & words_b and (
                read is affiliations or not (words_a - _RANKS) or not (words_b - _RANKS)
            ):
                continue  # "finance director" / "finance chief": one post in two words
            if (words_a - _RANKS) & (words_b - _RANKS):
                continue  # "CEO" / "president and chief executive"
            detail = f"{a[span_a[0] : span_a[1]]} vs {b[span_b[0] : span_b[1]]}"
            reasons.append(Reason("substitution", detail, span_a, span_b))
    return reasons


# Words that tie a person to where they work: "a neurologist at Ravensworth University".
_AT = frozenset({"at", "with", "from"})
# How many lower-case words the description before the employer may take.
_DESCRIPTION = 3


@lru_cache(maxsize=16384)
def affiliations(text: str) -> dict[str, tuple[frozenset[str], tuple[int, int]]]:
    """Surname key -> (the words naming the place the sentence says the person works at,
    their span): "Tomas Everly, a neurologist at the Kellmoor Institute" or "Ravensworth
    University neurologist Tomas Everly"."""
    toks = tokenize(text)
    runs = name_runs(toks)
    found: dict[str, tuple[frozenset[str], tuple[int, int]]] = {}
    for n, (_title, start, end) in enumerate(runs):
        place = _place_after(toks, end) or _place_before(toks, start, runs[:n])
        if place is None:
            continue
        surname = key(toks[end - 1].low)
        words = frozenset(key(t.low) for t in place if t.low not in STOP_WORDS)
        if surname in found and found[surname][0] != words:
            found[surname] = (frozenset(), (0, 0))  # two places in one sentence: ambiguous
            continue
        found[surname] = (words, (place[0].start, place[-1].end))
    return {k: v for k, v in found.items() if v[0]}


def _description(toks: tuple[Token, ...], start: int, end: int) -> bool:
    """Lower-case words describing a person ("neurologist", "senior economist"), no verb."""
    words = toks[start:end]
    return 0 < len(words) <= _DESCRIPTION and all(
        t.is_word and not t.is_capitalized and t.low not in STOP_WORDS and not t.low.endswith("ed")
        for t in words
    )


def _place_after(toks: tuple[Token, ...], end: int) -> list[Token] | None:
    """ ", a neurologist at the Kellmoor Institute" right after the name."""
    k = end + 1
    if end >= len(toks) or toks[end].low != "," or k >= len(toks):
        return None
    if toks[k].low in ("a", "an", "the"):
        k += 1
    at = next(
        (m for m in range(k, min(k + _DESCRIPTION + 1, len(toks))) if toks[m].low in _AT), None
    )
    if at is None or not _description(toks, k, at):
        return None
    m = at + 1
    if m < len(toks) and toks[m].low == "the":
        m += 1
    place = []
    while m < len(toks) and toks[m].is_capitalized and toks[m].is_word:
        place.append(toks[m])
        m += 1
    return place or None


def _place_before(
    toks: tuple[Token, ...], start: int, earlier: list[tuple[int, int, int]]
) -> list[Token] | None:
    """ "Ravensworth University neurologist Tomas Everly": a name run, a description, the
    person."""
    if not earlier:
        return None
    title, _, end = earlier[-1]
    if not _description(toks, end, start):
        return None
    return list(toks[title:end])


def _is_name_word(tok: Token) -> bool:
    return tok.is_capitalized and tok.is_word and tok.low not in STOP_WORDS


def name_runs(toks: tuple[Token, ...]) -> list[tuple[int, int, int]]:
    """Runs of two or more capitalised words (a first name and a surname), each with where
    a title in front of it starts ("Deputy Governor Radu Menzel": the title is two words)."""
    runs, i, n = [], 0, len(toks)
    while i < n:
        if not _is_name_word(toks[i]):
            i += 1
            continue
        j = i
        while j < n and _is_name_word(toks[j]):
            j += 1
        start = i
        while j - start > 2 and key(toks[start].low) in _ROLE_KEYS | _TITLE_KEYS:
            start += 1
        if j - start >= 2:
            runs.append((i, start, j))
        i = j
    return runs


def _post(words: list[Token]) -> list[Token] | None:
    """The words of a post when the last is a role noun and all are plain words."""
    words = [t for t in words if t.low not in ("a", "an", "the")]
    if not words or key(words[-1].low) not in _ROLE_KEYS:
        return None
    if any(not t.is_word or t.low in PUNCT for t in words):
        return None
    return words


def _after(toks: tuple[Token, ...], end: int) -> list[Token] | None:
    """ ", the company's former chief operating officer," right after the name."""
    if end >= len(toks) or toks[end].low != ",":
        return None
    words: list[Token] = []
    for tok in toks[end + 1 : end + 2 + _REACH]:
        if tok.low in PUNCT or tok.low in ("who", "which", "of", "at", "for", "to", "said", "says"):
            break
        if tok.low.endswith("'s") or (
            tok.is_capitalized and not words and key(tok.low) not in _ROLE_KEYS
        ):
            continue  # the employer: "Sunfold's", "Acme" (not "Group Chief Executive")
        if tok.is_capitalized and words and key(tok.low) not in _ROLE_KEYS:
            break  # the next name of a list: ", COO Larry Lucchino and ..."
        words.append(tok)
    return _post(words)


def _before(toks: tuple[Token, ...], start: int) -> list[Token] | None:
    """ "the firm's former finance director, Clara Moberg" or "council member Hana Dvorsk"."""
    stop = start - 1 if start > 0 and toks[start - 1].low == "," else start
    words: list[Token] = []
    for tok in reversed(toks[max(0, stop - _REACH) : stop]):
        if tok.low in PUNCT or tok.low.endswith("'s") or tok.low in STOP_WORDS - ROLE_NOISE:
            break
        if tok.is_capitalized and key(tok.low) not in _ROLE_KEYS:
            break
        words.insert(0, tok)
    return _post(words)
