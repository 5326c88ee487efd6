"""Sentences set at an earlier time than the story's own event: its backdrop.

"In February, a woman opened fire at the university, killing three" or "Bush missed four
games earlier this season" recall another occasion: their figures are facts of that
occasion, not reports of the story's event. A backdrop is read from the time phrases
that place a sentence in the past at a distance a report of the day would not use of its
own event: a season, month or year named with "last" or "earlier this", a span "ago",
a month or year that opens the sentence ("In May, thieves stole ...") and a month named
without a day ("hit the town in February"); so does another instance of the kind ("In a
separate incident", "on another school", "four prior arrests"). Weekdays,
"last week" and "earlier" alone are left out: reports of one event use them of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from newsreader.engine.lexicon import MONTHS, NUMBER_WORDS
from newsreader.engine.wordforms import Token, tokenize

# Spans far enough back to be another occasion ("last year", "earlier this season").
_FAR_UNITS = frozenset(
    {"year", "month", "season", "spring", "summer", "autumn", "fall", "winter", "decade"}
)
_AGO_UNITS = frozenset({"year", "years", "month", "months", "decade", "decades"})
_PART_OF_MONTH = frozenset({"early", "late", "mid"})
# What may stand between "In" and the comma that closes an opening time phrase.
_OPENING_REACH = 4


_SETTING_PREPOSITIONS = frozenset({"in", "on", "at"})
_EARLIER_ONES = frozenset({"prior", "previous", "earlier"})
_OTHER_ONES = _EARLIER_ONES | {"separate"}


def _other_instance(toks: Sequence[Token], n: int) -> bool:
    """'a separate incident', 'an earlier airstrike', 'another school': another thing of
    the kind at `n`, named by a word (not "another 12 people", which adds to a count)."""
    if n + 1 >= len(toks):
        return False
    if toks[n].low == "another":
        return toks[n + 1].is_word
    return toks[n].low in ("a", "an") and toks[n + 1].low in _OTHER_ONES


def _earlier_ones(toks: Sequence[Token], n: int) -> bool:
    """A figure at `n` of things from before ("four prior arrests")."""
    tok = toks[n]
    return (
        (tok.is_number or tok.low in NUMBER_WORDS)
        and n + 2 < len(toks)
        and toks[n + 1].low in _EARLIER_ONES
        and toks[n + 2].is_word
    )


def _is_year(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1900 <= int(tok.text) <= 2100


def _is_month(tok: Token) -> bool:
    return tok.is_capitalized and tok.low in MONTHS and (len(tok.low) > 3 or tok.low == "may")


def _opening(toks: Sequence[Token]) -> str:
    """'In February, ...' / 'In May 2019, ...' / 'In 2003, ...': the time that opens it."""
    if len(toks) < 3 or toks[0].low != "in":
        return ""
    comma = next((n for n, t in enumerate(toks[1 : 2 + _OPENING_REACH], 1) if t.low == ","), 0)
    phrase = toks[1:comma]
    named = [t for t in phrase if _is_month(t) or _is_year(t)]
    if not named or not all(_is_month(t) or _is_year(t) or t.is_number for t in phrase):
        return ""
    # "In May 2019," is set in 2019: the year is the mark when one is named.
    years = [t for t in named if _is_year(t)]
    return "in " + (years[-1] if years else phrase[0]).low


def _bare_months(toks: Sequence[Token]) -> set[str]:
    """'hit the town in February', 'in late September': a month without a day, which a
    report of the day does not use of its own event."""
    marks = set()
    for n, tok in enumerate(toks):
        if not _is_month(tok) or n == 0:
            continue
        before = toks[n - 1].low
        if before in _PART_OF_MONTH and n > 1:
            before = toks[n - 2].low
        if before != "in":
            continue
        after = toks[n + 1] if n + 1 < len(toks) else None
        if after is not None and after.is_number:
            continue  # "in March 2019" is read by its year; "in March 14" has a day
        marks.add("in " + tok.low)
    return marks


def backdrop_of(toks: Sequence[Token]) -> frozenset[str]:
    """The phrases that set a sentence of these tokens on an earlier occasion (empty for
    one about the story's own event, as far as its words tell)."""
    marks: set[str] = set()
    opening = _opening(toks)
    if opening:
        marks.add(opening)
    for n, tok in enumerate(toks[:-1]):
        after = toks[n + 1]
        if tok.low == "last" and (after.low in _FAR_UNITS or _is_month(after)):
            marks.add("last " + after.low)  # "last year", "last June"
        elif tok.low == "earlier" and n + 2 < len(toks):
            unit = toks[n + 2].low
            if after.low in ("this", "in") and (unit in _FAR_UNITS or unit == "the"):
                far = toks[n + 3].low if unit == "the" and n + 3 < len(toks) else unit
                if far in _FAR_UNITS:
                    marks.add("earlier " + far)  # "earlier this year", "earlier in the season"
        elif after.low == "ago" and tok.low in _AGO_UNITS:
            marks.add("ago")  # "two years ago", "a decade ago"
        elif tok.low in _SETTING_PREPOSITIONS and _other_instance(toks, n + 1):
            marks.add("another")  # "In a separate incident, ...", "a strike on another school"
        elif _earlier_ones(toks, n):
            marks.add("prior")  # "four prior arrests", "two previous convictions"
    marks.update(_bare_months(toks))
    return frozenset(marks)


@lru_cache(maxsize=16384)
def backdrop(text: str) -> frozenset[str]:
    """The phrases that set a sentence on an earlier occasion (see `backdrop_of`)."""
    return backdrop_of(tokenize(text))


@lru_cache(maxsize=16384)
def _times_named(text: str) -> frozenset[str]:
    """Every month and year a sentence names, in the form of an opening's mark."""
    return frozenset("in " + t.low for t in tokenize(text) if _is_month(t) or _is_year(t))


def other_occasions(a_text: str, b_text: str) -> bool:
    """True when the two sentences are set on different occasions: one has a backdrop
    the other does not share ("Bush missed four games earlier this season" / "will miss
    the final two games"); an opening time the other names anywhere is shared ("In 2004,
    a tsunami killed ..." / "... killed 230,000 people in 2004")."""
    mine, theirs = backdrop(a_text), backdrop(b_text)
    if not mine and not theirs:
        return False
    return not (mine & theirs or mine & _times_named(b_text) or theirs & _times_named(a_text))
