"""Dates stated relative to the day of the report, compared with dates stated outright.

"The council meets again in five weeks" in a report of 13 November means about
18 December; a report that says "will meet again on December 11" disagrees with it.
"Lower rates from next month" in a November report means December, not "from
1 January". A relative date is read against its article's date; an article without one
takes the day every dated article of the story shares, if they share one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from newsreader.engine.conflicts import features
from newsreader.engine.lexicon import NUMBER_WORDS
from newsreader.engine.quantities import Quantity
from newsreader.engine.wordforms import Token, tokenize
from newsreader.model import Article, Reason, ReasonType

# Words before a date that say it starts or ends something, as quantities name them.
_STARTS = {"from": "since", "since": "since", "starting": "since"}
_ENDS = {"until": "until", "till": "until", "by": "by", "before": "before"}
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "month": 0, "months": 0}
_ONE_DAY = dt.timedelta(days=1)


class RelativeDate(NamedTuple):
    """A date read from words like "next month" or "in five weeks": the days it may be."""

    first: dt.date
    last: dt.date
    qualifier: str
    span: tuple[int, int]
    text: str


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def reference_days(articles: Iterable[Article]) -> dict[str, dt.date | None]:
    """The day each article was published; an undated article gets the day all the dated
    ones share (None when they do not share one)."""
    days = {a.id: _parse_day(a.date) for a in articles}
    known = {d for d in days.values() if d is not None}
    shared = next(iter(known)) if len(known) == 1 else None
    return {aid: day or shared for aid, day in days.items()}


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - _ONE_DAY


def _qualifier(toks: Sequence[Token], start: int) -> str:
    before = toks[start - 1].low if start > 0 else ""
    return _STARTS.get(before) or _ENDS.get(before) or ""


def _count(tok: Token) -> int | None:
    if tok.is_number and tok.low.isdigit():
        return int(tok.low)
    value = NUMBER_WORDS.get(tok.low)
    return int(value) if value is not None and value <= 60 else None


def relative_dates(text: str, toks: Sequence[Token], day: dt.date) -> list[RelativeDate]:
    """The relative dates of a sentence read against the day of its report."""
    found: list[RelativeDate] = []
    n = len(toks)
    for i, tok in enumerate(toks):
        w = tok.low
        nxt = toks[i + 1].low if i + 1 < n else ""
        end = i + 2
        if w in ("next", "last", "this") and nxt in ("month", "week"):
            step = {"next": 1, "last": -1, "this": 0}[w]
            if nxt == "month":
                first, last = _month_range(day.year, day.month + step)
            else:
                monday = day - dt.timedelta(days=day.weekday())
                first = monday + dt.timedelta(days=7 * step)
                last = first + dt.timedelta(days=6)
            start = i
        elif w in ("tomorrow", "yesterday"):
            first = last = day + (_ONE_DAY if w == "tomorrow" else -_ONE_DAY)
            start, end = i, i + 1
        elif w == "in" and i + 2 < n and _count(toks[i + 1]) and toks[i + 2].low in _UNITS:
            amount = _count(toks[i + 1]) or 0
            unit = _UNITS[toks[i + 2].low]
            if unit == 0:
                first, last = _month_range(day.year, day.month + amount)
            else:
                # "in five weeks" is rounded: a few days either way.
                middle = day + dt.timedelta(days=amount * unit)
                slack = dt.timedelta(days=max(1, unit * amount // 10, 3 if unit >= 7 else 1))
                first, last = middle - slack, middle + slack
            start, end = i, i + 3
        else:
            continue
        span = (toks[start].start, toks[end - 1].end)
        found.append(
            RelativeDate(first, last, _qualifier(toks, start), span, text[span[0] : span[1]])
        )
    return found


def _days_of(q: Quantity, day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a date figure (month * 100 + day) may be, in the year nearest the report."""
    low_month, low_day = divmod(int(q.low), 100)
    high_month, high_day = divmod(int(q.high), 100)
    best = None
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            first = dt.date(year, low_month, max(1, low_day))
            last = dt.date(year, high_month, 1) + dt.timedelta(days=max(1, high_day) - 1)
        except ValueError:
            return None
        distance = abs((first - day).days)
        if best is None or distance < best[0]:
            best = (distance, first, last)
    return (best[1], best[2]) if best else None


def _plain(qualifier: str) -> str:
    return qualifier if qualifier in ("since", "until", "by", "before") else ""


def _one_side(
    rel_text: str, rel_day: dt.date, other_text: str, other_day: dt.date
) -> tuple[RelativeDate, Quantity] | None:
    """The relative date of one sentence and the date figure of the other, when each
    states just that one date and the two cannot be the same days."""
    fr, fo = features(rel_text), features(other_text)
    if any(q.kind in ("date", "weekday") for q in fr.quantities):
        return None
    relative = _relative_in(rel_text, rel_day)
    dates = [q for q in fo.quantities if q.kind == "date"]
    if len(relative) != 1 or len(dates) != 1 or _relative_in(other_text, other_day):
        return None
    rel, q = relative[0], dates[0]
    if _plain(rel.qualifier) != _plain(q.qualifier):
        return None
    days = _days_of(q, other_day)
    if days is None or (days[0] <= rel.last and rel.first <= days[1]):
        return None
    return rel, q


@lru_cache(maxsize=16384)
def _relative_in(text: str, day: dt.date) -> tuple[RelativeDate, ...]:
    """The relative dates of a sentence, read once per sentence and day."""
    return tuple(relative_dates(text, tokenize(text), day))


def _shown(first: dt.date, last: dt.date) -> str:
    if first == last:
        return f"{first:%-d %b}"
    if first.day == 1 and (last + _ONE_DAY).day == 1 and first.month == last.month:
        return f"{first:%B}"
    return f"{first:%-d %b}-{last:%-d %b}"


def relative_date_reasons(
    a_text: str, a_day: dt.date | None, b_text: str, b_day: dt.date | None
) -> list[Reason]:
    """A date clash between a relative date on one side and a date on the other."""
    if a_day is None or b_day is None:
        return []
    found = _one_side(a_text, a_day, b_text, b_day)
    if found is not None:
        rel, q = found
        detail = f"{rel.text} ({_shown(rel.first, rel.last)}) vs {q.text}"
        return [Reason(ReasonType.DATE.value, detail, rel.span, q.span)]
    found = _one_side(b_text, b_day, a_text, a_day)
    if found is not None:
        rel, q = found
        detail = f"{q.text} vs {rel.text} ({_shown(rel.first, rel.last)})"
        return [Reason(ReasonType.DATE.value, detail, q.span, rel.span)]
    return []
