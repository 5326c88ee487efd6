"""Tokens with character offsets, and the lemmas a word form may stand for."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newsreader.engine.lexicon import IRREGULAR, PHRASAL_VERBS

_TOKEN = re.compile(
    r"(?=[0-9])(?:"  # figures first, behind one cheap test
    r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"  # 12,500 or 1,250.5
    r"|(?<![0-9], )(?<![0-9.])[0-9]{1,3}(?:, [0-9]{3})+(?![0-9]|,? [0-9])"  # "170, 000"
    r"|[0-9]{1,2}[ -][1-7]/[2-8]\b|[0-9]+[½¼¾⅓⅔]"  # 4 1/2, 4-1/2, 4½
    r"|[0-9]+\ufffd[0-9]*"  # a figure with a character lost in decoding: no figure
    # "6. 1-magnitude", "USB 3. 0": a decimal typed apart (no sentence ends inside one)
    r"|(?<![0-9.,])[0-9]{1,2}\. [0-9]{1,2}(?![0-9]|,[0-9]|, [0-9]| ?[A-Z])"
    r"|[0-9]+(?:\.[0-9]+)?"  # 19, 3.5, 2015 (ASCII digits only: "²" is not a number)
    r")"
    r"|[^\W\d_]+(?=n['’]t\b)"  # the "did" of "didn't"
    r"|n['’]t\b"
    r"|[^\W\d_]+(?:\.[^\W\d_])+\.?"  # U.S., a.m.
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?"
    r"|[$€£¥₹%]"
    r"|[-–—]"
    r"|[.,;:!?()\"“”]",
    re.UNICODE,
)
_DIGITS = frozenset("0123456789")
PUNCT = frozenset('.,;:!?()"“”—–')


class Token(NamedTuple):
    """One token: its text, lowercase form, offsets into the sentence and its shape."""

    text: str
    low: str
    start: int
    end: int
    is_word: bool
    is_number: bool
    is_capitalized: bool


@lru_cache(maxsize=32768)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split a sentence into tokens that keep their character offsets (cached: each
    detector reads the tokens of the sentences it is given)."""
    new = tuple.__new__
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        low = raw if raw.islower() or not raw[0].isalpha() else raw.lower()
        if "’" in low:
            low = low.replace("’", "'")
        first = raw[0]
        start, end = m.span()
        out.append(
            new(
                Token,
                (
                    raw,
                    low,
                    start,
                    end,
                    first.isalpha(),
                    first in _DIGITS and "\ufffd" not in raw,
                    first.isupper(),
                ),
            )
        )
    return tuple(out)


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """A crude stem shared by a word's inflections ('denied', 'denies', 'deny' -> 'deni')."""
    w = word.lower().replace("’", "'")
    # The possessive names the same thing: "Russia's" and "Russia" share a key.
    if w.endswith("'s") and len(w) > 3:
        w = w[:-2]
    w = w.rstrip("'") or w
    w = IRREGULAR.get(w, w)
    n = len(w)
    if n > 8 and w.endswith("ation"):
        w, n = w[:-3], n - 3  # the act of a verb: "confiscation" / "confiscate"
    if n > 4 and (w.endswith("ied") or w.endswith("ies")):
        w = w[:-3] + "i"
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif (n > 4 and w.endswith("ed")) or (n > 4 and w.endswith("es") and w[-3] in "sxzh"):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "sz":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 2 and w.endswith("y"):
        w = w[:-1] + "i"
    return w


_PHRASAL = {(key(verb), particle): key(meaning) for verb, particle, meaning in PHRASAL_VERBS}


def word_key(toks: tuple[Token, ...], i: int) -> str:
    """A word's key, or the verb a phrasal verb stands for ('called off' -> cancel,
    'broke out' -> start)."""
    k = key(toks[i].low)
    if i + 1 < len(toks):
        return _PHRASAL.get((k, toks[i + 1].low), k)
    return k
