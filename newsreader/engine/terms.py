"""Word-level features of sentences: tokens, content words, stop words, names and numbers."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from newsreader.engine.lexicon import CHANGE_DOWN, CHANGE_UP, IRREGULAR, SYNONYM_SETS
from newsreader.engine.wordforms import Token, tokenize

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "than",
        "so",
        "as",
        "of",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "on",
        "onto",
        "to",
        "with",
        "without",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "any",
        "are",
        "aren't",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "i'm",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "off",
        "once",
        "only",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "some",
        "such",
        "that",
        "that's",
        "their",
        "theirs",
        "them",
        "themselves",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "wasn't",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "also",
        "said",
        "says",
        "say",
        "according",
        "mr",
        "mrs",
        "ms",
        "dr",
        "its",
        "it’s’s",
        "s",
    ]
)

_NUMBER_TOKEN = r"\d+(?:[.,]\d+)*(?:(?:st|nd|rd|th)\b)?"


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


def tokens(text: str) -> list[str]:
    """Lowercase word and number tokens (the engine's one tokeniser, see `wordforms`): an
    ordinal's ending stays on its figure ("11th") and a contraction on its verb ("didn't")."""
    out: list[str] = []
    previous: Token | None = None
    for tok in tokenize(text):
        if not (tok.is_word or tok.is_number):
            previous = None
            continue
        ending = (previous.is_number and tok.low in _ORDINAL_ENDINGS) if previous else False
        if previous is not None and previous.end == tok.start and (ending or tok.low == "n't"):
            out[-1] += tok.low
        else:
            out.append(tok.low)
        previous = tok
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper so that 'drones'/'drone' and 'visited'/'visit' meet."""
    for suffix in ("ingly", "edly", "ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


_FIRST_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][^\W_]*")
_NUMBER = re.compile(_NUMBER_TOKEN)


def _is_content(token: str) -> bool:
    return (token not in STOP_WORDS and len(token) > 1) or token.isdigit()


def content_words(text: str) -> list[str]:
    """Stemmed tokens that carry meaning (no stop words)."""
    return [stem(t) for t in tokens(text) if _is_content(t)]


@lru_cache(maxsize=1)
def _english_stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _root(word: str) -> str:
    return _english_stemmer().stemWord(word)


def _synonym_roots() -> dict[str, str]:
    """Stem -> the stem standing for its synonym set (every form of each word)."""
    forms: dict[str, set[str]] = {}
    for form, lemma in IRREGULAR.items():
        forms.setdefault(lemma, set()).add(form)
    canon: dict[str, str] = {}
    for group in (*SYNONYM_SETS, frozenset(CHANGE_UP), frozenset(CHANGE_DOWN)):
        words = set(group).union(*(forms.get(w, set()) for w in group))
        roots = {_root(w) for w in words}
        first = min(roots)
        for root in roots:
            canon.setdefault(root, first)
    return canon


_SYNONYM_ROOT = _synonym_roots()


@lru_cache(maxsize=65536)
def term_of(token: str) -> str:
    """The matching term of a lowercase token: its Snowball stem (one stem for a set of
    synonyms, see SYNONYM_SETS); numbers without commas."""
    if token[0].isdigit():
        return token.replace(",", "")
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    root = _root(token.replace("’", "'"))
    return _SYNONYM_ROOT.get(root, root)


def sentence_terms(text: str) -> list[str]:
    """Content words of a sentence as matching terms (see term_of)."""
    return [term_of(t) for t in tokens(text) if _is_content(t)]


def specific_terms(text: str) -> set[str]:
    """Terms that pin a sentence to particular facts: numbers and names.

    A name is a capitalised word that is not the sentence's first word and not a stop word.
    """
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    first = _FIRST_WORD.search(text)
    for word in _CAPITALISED.findall(text, first.end() if first else 0):
        lowered = word.lower()
        if len(lowered) > 1 and lowered not in STOP_WORDS:
            found.add(term_of(lowered))
    return found
