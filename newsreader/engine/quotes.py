"""Who said it: one quotation put in the mouths of two different people.

"'Shareholders deserve the chance to decide,' said chairman Nigel Pembury" and the same
words followed by "said Declan Fairbairn, the chief executive" attribute one quotation to
two people: a substitution. A quotation is the words between quotation marks; it is one
quotation when nearly all of its words are the same on both sides. The speaker is a name
of two or more capitalised words outside the quotation; two speakers clash only when
neither sentence names the other one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from newsreader.engine.lexicon import MONTHS, WEEKDAYS
from newsreader.engine.roles import name_runs
from newsreader.engine.wordforms import Token, key, tokenize
from newsreader.model import Reason, ReasonType

_OPENING = frozenset({'"', "“", "«", "„"})
_CLOSING = frozenset({'"', "”", "»", "“"})
_SPEECH = frozenset({"said", "says", "told", "tells", "added", "adds"})
# Words that stand capitalised before a verb of speech without naming anyone.
_TOLD = frozenset({"told", "tells"})
_NOT_SPEAKERS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "police", "officials"}
    | {w.lower() for w in (*WEEKDAYS, *MONTHS)}
)
# A quotation of fewer words is a phrase anyone may use ("a race to the bottom").
MIN_QUOTE_WORDS = 6
# Share of the shorter quotation's words the other one holds for it to be the same one.
SAME_QUOTE = 0.85


class Quote(NamedTuple):
    """A quotation's words and the surnames of the people named outside it."""

    words: frozenset[str]
    size: int
    speakers: tuple[tuple[str, tuple[int, int]], ...]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text between pairs of quotation marks."""
    spans, start = [], None
    for n, ch in enumerate(text):
        if start is None and ch in _OPENING:
            start = n + 1
        elif start is not None and ch in _CLOSING:
            spans.append((start, n))
            start = None
    return spans


def _surname_speaking(toks: tuple[Token, ...], k: int) -> bool:
    """True for one capitalised word right before or after a verb of speech ("Renner
    tells the room", "said Okafor"): a person named by surname alone."""
    tok = toks[k]
    if not (tok.is_word and tok.is_capitalized) or tok.low in _NOT_SPEAKERS:
        return False
    before = toks[k - 1].low if k > 0 else ""
    after = toks[k + 1].low if k + 1 < len(toks) else ""
    # "told Reuters": the word after "told" is who heard it.
    return after in _SPEECH or before in _SPEECH - _TOLD


@lru_cache(maxsize=16384)
def quotation(text: str) -> Quote | None:
    """The longest quotation of a sentence with the people named outside it, or None."""
    spans = _quoted_spans(text)
    if not spans:
        return None
    start, end = max(spans, key=lambda s: s[1] - s[0])
    toks = tokenize(text)
    inside = [t for t in toks if start <= t.start < end and t.is_word]
    if len(inside) < MIN_QUOTE_WORDS or 2 * sum(t.is_capitalized for t in inside) > len(inside):
        return None  # a phrase, or a title ("Take Me Out to the Ball Game")
    runs = [(first, stop) for _, first, stop in name_runs(toks)]
    in_runs = {k for first, stop in runs for k in range(first, stop)}
    runs += [
        (k, k + 1) for k in range(len(toks)) if k not in in_runs and _surname_speaking(toks, k)
    ]
    speakers = tuple(
        (key(toks[stop - 1].low), (toks[first].start, toks[stop - 1].end))
        for first, stop in sorted(runs)
        if not start <= toks[first].start < end
    )
    words = frozenset(key(t.low) for t in inside)
    return Quote(words, len(words), speakers)


def misattributed_quotes(a: str, b: str) -> list[Reason]:
    """One quotation said by a different named person on each side (see the module)."""
    qa, qb = quotation(a), quotation(b)
    if qa is None or qb is None or not qa.speakers or not qb.speakers:
        return []
    if len(qa.words & qb.words) < SAME_QUOTE * min(qa.size, qb.size):
        return []
    words_a = {key(t.low) for t in tokenize(a)}
    words_b = {key(t.low) for t in tokenize(b)}
    # A person named on one side only; one named on both sides (a company, the speaker
    # with another title) is no clash.
    only_a = [(name, span) for name, span in qa.speakers if name not in words_b]
    only_b = [(name, span) for name, span in qb.speakers if name not in words_a]
    if not only_a or not only_b:
        return []
    (_, span_a), (_, span_b) = only_a[0], only_b[0]
    detail = f"{a[span_a[0] : span_a[1]]} vs {b[span_b[0] : span_b[1]]}"
    return [Reason(ReasonType.SUBSTITUTION.value, detail, span_a, span_b)]
