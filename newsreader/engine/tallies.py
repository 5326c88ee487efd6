"""The split of one vote, however it is written, and where two sources give another.

"backed the cut by a narrow four-to-three vote", "leaving a 5-2 majority", "five members
voted in favour, while two voted against" and "two of the seven members wanted to keep
rates" all state how a body split. Each sentence's tally is read as the larger side and
the smaller one; two tallies of one vote that differ disagree ("4-3" / "5-2"). A share of
a whole ("two of the seven members") is compared only with a tally of as many voters.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from newsreader.engine.lexicon import TALLY_WORDS
from newsreader.engine.quantities import Quantity, decimal_places, text_quantities
from newsreader.engine.wordforms import key
from newsreader.model import Reason, ReasonType

_TALLY_KEYS = frozenset(key(w) for w in TALLY_WORDS)
# A score holds its two figures as first * SCORE_BASE + second (see quantities).
SCORE_BASE = 10_000


class Tally(NamedTuple):
    """How one vote split: the larger side, the smaller one, and where it is stated.

    `whole`: read from a share of a whole ("two of the seven"), so only the size of the
    body is known for sure, not that everyone voted.
    """

    high: int
    low: int
    span: tuple[int, int]
    text: str
    whole: bool = False


def _is_vote(q: Quantity) -> bool:
    return bool((q.thing | q.near) & _TALLY_KEYS)


def _from_score(q: Quantity) -> Tally | None:
    if q.kind != "score" or not _is_vote(q):
        return None  # "a 20-13 win" is a game's score, not a vote
    high, low = divmod(round(q.low), SCORE_BASE)
    return Tally(high, low, q.span, q.text)


def _from_counts(found: tuple[Quantity, ...]) -> Tally | None:
    """Two counts of one kind of voter, each next to a vote word: "five voted in favour,
    while two voted to keep rates"."""
    counts = [q for q in found if q.kind == "count" and not q.qualifier and _is_vote(q)]
    if len(counts) != 2 or counts[0].low == counts[1].low:
        return None
    heads = {q.head for q in counts} - {""}
    if len(heads) > 1:
        return None  # "eight senators ... three governors": two bodies
    if counts[0].low != counts[0].high or counts[1].low != counts[1].high:
        return None  # "more than 200 voted against": no split to compare
    big, small = sorted(counts, key=lambda q: q.low, reverse=True)
    span = (min(big.span[0], small.span[0]), max(big.span[1], small.span[1]))
    return Tally(round(big.low), round(small.low), span, f"{big.text}-{small.text}")


def _from_share(found: tuple[Quantity, ...]) -> Tally | None:
    """'two of the seven members': a side and the whole it belongs to."""
    parts = [q for q in found if q.kind == "count" and q.qualifier == "part"]
    wholes = [q for q in found if q.kind == "count" and q.qualifier == "whole"]
    if len(parts) != 1 or len(wholes) != 1 or parts[0].low != parts[0].high:
        return None
    part, whole = round(parts[0].low), round(wholes[0].low)
    if not 0 < part < whole:
        return None
    span = (parts[0].span[0], wholes[0].span[1])
    return Tally(max(part, whole - part), min(part, whole - part), span, parts[0].text, True)


@lru_cache(maxsize=32768)
def tally_of(text: str) -> Tally | None:
    """The one vote split a sentence states, if it states exactly one."""
    found = text_quantities(text)
    scores = [q for q in found if q.kind == "score"]
    if len(scores) > 1:
        return None  # two scores in one sentence: which is the vote is unknown
    if scores:
        return _from_score(scores[0])
    return _from_counts(found) or _from_share(found)


class Share(NamedTuple):
    """The share of the votes one side won ("passed with 61.4% of votes cast")."""

    percent: float
    tolerance: float
    span: tuple[int, int]
    text: str


# Words next to a share of votes that make it something else than a side's share.
_NOT_A_SIDE = frozenset(key(w) for w in ("turnout", "participation", "counted", "reporting"))


@lru_cache(maxsize=32768)
def share_of(text: str) -> Share | None:
    """The one share of the votes a sentence gives a side, if it gives exactly one."""
    found = [
        q
        for q in text_quantities(text)
        if q.kind == "percent" and q.low == q.high and key("vote") in q.thing | q.near
    ]
    if len(found) != 1 or found[0].near & _NOT_A_SIDE:
        return None
    q = found[0]
    decimals = decimal_places(q.text) or 0
    return Share(q.low, 0.5 * 10.0**-decimals + 0.05, q.span, q.text)


def _share_conflicts(tally: Tally, share: Share, tally_first: bool) -> list[Reason]:
    side = tally.high if share.percent >= 50 else tally.low
    stated = 100.0 * side / (tally.high + tally.low)
    if tally.whole or abs(stated - share.percent) <= share.tolerance:
        return []
    detail = f"{tally.high}-{tally.low} ({stated:.1f}%) vs {share.text} of the vote"
    if tally_first:
        return [Reason(ReasonType.NUMERIC, detail, tally.span, share.span)]
    return [Reason(ReasonType.NUMERIC, detail, share.span, tally.span)]


def tally_conflicts(a_text: str, b_text: str) -> list[Reason]:
    """A numeric reason when two sentences give one vote two different splits, or a split
    and a share of the votes that does not follow from it."""
    x, y = tally_of(a_text), tally_of(b_text)
    if x is not None and y is None and (share := share_of(b_text)) is not None:
        return _share_conflicts(x, share, tally_first=True)
    if y is not None and x is None and (share := share_of(a_text)) is not None:
        return _share_conflicts(y, share, tally_first=False)
    if x is None or y is None or (x.whole and y.whole) or (x.high, x.low) == (y.high, y.low):
        return []
    if (x.whole or y.whole) and x.high + x.low != y.high + y.low:
        return []  # "two of the seven" says nothing of a vote of nine
    detail = f"{x.high}-{x.low} vs {y.high}-{y.low} vote"
    return [Reason(ReasonType.NUMERIC, detail, x.span, y.span)]
