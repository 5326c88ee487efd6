"""Tokens with character offsets, and the lemmas a word form may stand for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsreader.lexicon import IRREGULAR

_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 12,500 or 1,250.5
    r"|\d+(?:\.\d+)?"  # 19, 3.5, 2015
    r"|[^\W\d_]+(?=n['’]t\b)"  # the "did" of "didn't"
    r"|n['’]t\b"
    r"|[^\W\d_]+(?:\.[^\W\d_])+\.?"  # U.S., a.m.
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?"
    r"|[$€£¥₹%]"
    r"|[-–—]"
    r"|[.,;:!?()\"“”]",
    re.UNICODE,
)
PUNCT = frozenset('.,;:!?()"“”—–')


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, lowercase form and offsets into the sentence."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        """True for digit tokens ('19', '12,500', '3.5')."""
        return self.text[0].isdigit()

    @property
    def is_word(self) -> bool:
        """True for alphabetic tokens."""
        return self.text[0].isalpha()

    @property
    def is_capitalized(self) -> bool:
        """True when the token starts with a capital letter."""
        return self.text[0].isupper()


def tokenize(text: str) -> tuple[Token, ...]:
    """Split a sentence into tokens that keep their character offsets."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        low = raw.lower().replace("’", "'")
        if low in ("n't", "n’t"):
            low = "n't"
        out.append(Token(raw, low, m.start(), m.end()))
    return tuple(out)


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """A crude stem shared by a word's inflections ('denied', 'denies', 'deny' -> 'deni')."""
    w = word.lower().replace("’", "'")
    w = IRREGULAR.get(w, w)
    n = len(w)
    if n > 4 and (w.endswith("ied") or w.endswith("ies")):
        w = w[:-3] + "i"
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif (n > 4 and w.endswith("ed")) or (n > 4 and w.endswith("es") and w[-3] in "sxzh"):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 2 and w.endswith("y"):
        w = w[:-1] + "i"
    return w
