"""Quantities in a sentence read as intervals, with their kind, unit and the thing counted.

"at least 19 drones" is [19, inf) drones, "about 450" is [405, 495], "a decade" is
about 3,652 days, "no firefighters" is [0, 0] firefighters, "five other leaders" is
[5, 6] leaders (the subject may or may not be counted), "the 11th visit" is an
ordinal, "in 2015" is a year and "March 3" a date: each kind is compared only with
the same kind.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from newsreader.engine.lexicon import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DURATIONS,
    FRACTION_WORDS,
    INCREMENT_AFTER,
    INCREMENT_BEFORE,
    IRREGULAR,
    MODIFIER_MAX,
    MODIFIERS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    OUTCOME_CLASSES,
    POST_GE,
    POST_LE,
    SCALES,
    TENS,
    UNITS,
    VAGUE_PLURALS,
    WEEKDAYS,
)
from newsreader.engine.terms import STOP_WORDS
from newsreader.engine.wordforms import PUNCT, Token, key, tokenize, word_key

INF = math.inf
# Keys of the verbs of an event's outcomes: killed, injured, arrested ...
_OUTCOME_WORDS = frozenset(key(w) for group in OUTCOME_CLASSES for w in group)
_EPS = 1e-9
_DURATION_FORMS = {
    **{u: u for u in DURATIONS},
    **{u + "s": u for u in DURATIONS},
    "centuries": "century",
    "hrs": "hour",
    "mins": "minute",
}
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_PRONOUN_ONE = frozenset({"the", "this", "that", "which", "any", "every", "each", "no", "someone"})
_NO_NOT_A_COUNT = frozenset({"longer", "one", "matter", "doubt", "way", "sooner", "less", "more"})
_YEAR_PREPS = {
    "in": "in",
    "during": "in",
    "of": "in",
    "since": "since",
    "from": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "by": "by",
    "before": "before",
    "after": "after",
}
_PERSON_WORDS = frozenset({key("people"), key("person"), key("persons"), key("individuals")})
_PEOPLE = key("people")
_NOT_CONTEXT = frozenset({"nobody", "none", "since", "among", "including", "p.m.", "a.m."})
_PLURAL_NOUNS = frozenset({"people", "men", "women", "children", "police", "staff", "troops"})
MEASURES = {
    **{u: ("length", 1000.0) for u in ("km", "kms", "kilometre", "kilometres", "kilometer")},
    **{u: ("length", 1000.0) for u in ("kilometers",)},
    **{u: ("length", 1.0) for u in ("metre", "metres", "meter", "meters")},
    **{u: ("length", 1609.34) for u in ("mile", "miles", "mi")},
    **{u: ("length", 0.3048) for u in ("foot", "feet", "ft")},
    **{u: ("length", 0.9144) for u in ("yard", "yards")},
    **{u: ("length", 0.0254) for u in ("inch", "inches", "in.")},
    **{u: ("length", 0.01) for u in ("cm", "centimetres", "centimeters")},
    **{u: ("weight", 1.0) for u in ("kg", "kilogram", "kilograms", "kilos")},
    **{u: ("weight", 1000.0) for u in ("tonne", "tonnes", "ton", "tons")},
    **{u: ("weight", 0.4536) for u in ("lb", "lbs")},
    **{u: ("area", 4046.86) for u in ("acre", "acres")},
    **{u: ("area", 10000.0) for u in ("hectare", "hectares", "ha")},
    **{u: ("speed", 1.0) for u in ("kph", "km/h")},
    **{u: ("speed", 1.60934) for u in ("mph",)},
    **{u: ("volume", 1.0) for u in ("litre", "litres", "liter", "liters")},
    **{u: ("volume", 158.987) for u in ("barrel", "barrels")},
    **{u: ("magnitude", 1.0) for u in ("magnitude",)},
    # Amounts of data in bytes and power in watts ("1.8 terabytes" / "1,800 gigabytes").
    **{u: ("data", 1e3) for u in ("kb", "kilobyte", "kilobytes")},
    **{u: ("data", 1e6) for u in ("mb", "megabyte", "megabytes")},
    **{u: ("data", 1e9) for u in ("gb", "gigabyte", "gigabytes")},
    **{u: ("data", 1e12) for u in ("tb", "terabyte", "terabytes")},
    **{u: ("data", 1e15) for u in ("pb", "petabyte", "petabytes")},
    **{u: ("power", 1e3) for u in ("kw", "kilowatt", "kilowatts")},
    **{u: ("power", 1e6) for u in ("mw", "megawatt", "megawatts")},
    **{u: ("power", 1e9) for u in ("gw", "gigawatt", "gigawatts")},
    # Temperatures in degrees Celsius: "41C", "38 degrees", "30 degrees Celsius".
    **{u: ("temperature", 1.0) for u in ("c", "degrees", "celsius")},
    "square": ("area", 1.0),
    "sq": ("area", 1.0),
}
_TIME_WORDS = {"noon": 720.0, "midday": 720.0, "midnight": 0.0}


_NOT_NAME_WORDS = frozenset(
    {*MONTHS, *_TIME_WORDS, *STOP_WORDS, *INCREMENT_BEFORE, *NUMBER_WORDS}
    | {word for words in MODIFIERS for word in words}
)
# Nouns before "of N" that just introduce the figure ("a total of 26", "a toll of 19").
_GENERIC_OF = frozenset(
    {"total", "number", "sum", "tally", "toll", "estimate", "figure", "count", "maximum"}
    | {"minimum", "average", "group", "crowd", "team", "series", "list", "amount", "rate"}
)
_PLACE_WORDS = frozenset({"in", "across", "throughout", "around", "outside", "inside"})
# "three days ago", "nine days before the inauguration": a point in time, not a length.
_RELATIVE = {"ago": "ago", "earlier": "ago", "before": "before", "later": "after", "after": "after"}
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_TOTAL_WORDS = frozenset(
    {"total", "thus", "cumulative", "altogether", "overall", "combined", "career"}
)
_AVERAGE_WORDS = frozenset({"average", "averaged", "averages", "averaging"})
_GAME_CLOCK = frozenset({"left", "remaining", "to", "into", "mark"})
_MONTH_PREPOSITIONS = frozenset(
    {"in", "since", "until", "by", "of", "early", "late", "last", "next", "mid", "during", "from"}
)
_MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_TRIGGERS = frozenset(
    {*WEEKDAYS, *MONTHS, *_TIME_WORDS, *VAGUE_PLURALS, *ORDINAL_WORDS, *NUMBER_WORDS}
    | {"no", "none", "nobody", "zero", "not", "a", "an", "one", "half"}
)


class Quantity(NamedTuple):
    """A quantity read as an interval [low, high] of one kind, with what it counts.

    kind: count, percent, points, money:<currency>, duration (days), age, ordinal,
    year, date (month*100+day), weekday or time (minutes after midnight).
    thing: keys of the words naming what is counted ('drones').
    context: keys of content words nearby, to tell apart two counts in one sentence.
    qualifier: '' for a plain total; 'increment', 'part' or 'scope:...' otherwise,
    and a preposition for dates ('since', 'until', ...).
    """

    low: float
    high: float
    kind: str
    thing: frozenset[str]
    context: frozenset[str]
    qualifier: str
    span: tuple[int, int]
    text: str
    noun: str = ""
    zero: bool = False
    head: str = ""
    near: frozenset[str] = frozenset()
    where: str = ""

    def overlaps(self, other: Quantity) -> bool:
        """True when both intervals can hold the same value."""
        return self.low <= other.high and other.low <= self.high


def _is_content(tok: Token) -> bool:
    w = tok.low
    return (
        tok.is_word
        and len(w) > 2
        and w not in STOP_WORDS
        and w not in _NOT_CONTEXT
        and w not in NUMBER_WORDS
        and w not in MONTHS
        and w not in WEEKDAYS
        and w not in ORDINAL_WORDS
    )


def _word_number(toks: tuple[Token, ...], i: int) -> tuple[float, int] | None:
    """A number spelled in words starting at i ('twenty-five', 'two hundred')."""
    total, current, j, seen = 0.0, 0.0, i, False
    n = len(toks)
    while j < n:
        w = toks[j].low
        if w in UNITS or w in TENS:
            if seen and current % 100 not in (0,) and not (w in UNITS and current % 10 == 0):
                break
            current += NUMBER_WORDS[w]
            seen = True
            j += 1
        elif w == "hundred" and seen:
            current = (current or 1) * 100
            j += 1
        elif w in ("thousand", "million", "billion", "trillion") and seen:
            total += (current or 1) * SCALES[w]
            current = 0.0
            j += 1
        elif w in ("-", "and") and seen and j + 1 < n and toks[j + 1].low in NUMBER_WORDS:
            j += 1
        else:
            break
    if not seen:
        return None
    return total + current, j


def _digit_value(tok: Token) -> tuple[float, int]:
    """Value and number of decimals of a digit token."""
    raw = tok.text.replace(", ", "").replace(",", "").replace(". ", ".")
    if raw[-1] in _FRACTIONS or "/" in raw:
        return _value_of(raw), 1
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return float(raw), decimals


def _value_of(text: str) -> float:
    """The value of a digit token: '12,500', '3.5', '4½', '4 1/2'."""
    raw = text.replace(", ", "").replace(",", "").replace(". ", ".")
    if raw[-1] in _FRACTIONS:
        return float(raw[:-1]) + _FRACTIONS[raw[-1]]
    if "/" in raw:
        return float(raw[:-4]) + int(raw[-3]) / int(raw[-1])
    return float(raw)


def _modifier_before(toks: tuple[Token, ...], i: int) -> tuple[str, int]:
    """The interval modifier ending right before token i and where it starts."""
    for size in range(MODIFIER_MAX, 0, -1):
        if i - size < 0:
            continue
        words = tuple(t.low for t in toks[i - size : i])
        if words in MODIFIERS:
            # "just over" / "just under": keep the narrower "near" reading of the pair.
            return MODIFIERS[words], i - size
    return "", i


def _interval(value: float, mod: str, tol: float) -> tuple[float, float]:
    if mod == "ge":
        return value, INF
    if mod == "gt":
        return value + _EPS * max(1.0, value), INF
    if mod == "le":
        return 0.0, value
    if mod == "lt":
        return 0.0, value - _EPS * max(1.0, value)
    if mod == "approx":
        t = max(0.1 * value, 1.0 if value >= 3 else 0.0, tol)
        return value - t, value + t
    if mod == "near":
        return 0.85 * value, value
    if mod == "above":
        return value + _EPS * max(1.0, value), 1.15 * value  # "just over 3 per cent"
    if mod == "exact":
        return value, value
    return value - tol, value + tol


def _round_tolerance(text: str, scaled: bool, decimals: int) -> float:
    """How far a rounded figure may be from the exact one ('500' ~ 475-525).

    A figure with a scale word may be rounded or cut at its last digit ('$245 billion'
    for 245.7), but not by a whole unit on a small figure ('4bn' is not 5bn).
    """
    if text[-1] in _FRACTIONS or "/" in text:
        return 0.0
    text = text.replace(", ", ",").replace(". ", ".")
    raw = float(text.replace(",", ""))
    if scaled:
        unit = 10.0**-decimals
        # ... and a one-digit figure is not a rounded one far from it ('1 million' is
        # not 1.4 million).
        return min(0.99 * unit, max(0.49 * unit, 0.02 * raw), max(0.1 * raw, 0.02 * unit))
    digits = text.replace(",", "").split(".")[0]
    zeros = len(digits) - len(digits.rstrip("0"))
    if raw >= 100 and zeros >= 2 and not decimals:
        return 0.05 * raw
    return 0.0


def _context(toks: tuple[Token, ...], start: int, end: int, width: int = 4) -> frozenset[str]:
    found: list[str] = []
    j, taken = start - 1, 0
    while j >= 0 and taken < width and toks[j].low not in (".", ";", "(", ")"):
        if _is_content(toks[j]):
            found.append(word_key(toks, j))
            taken += 1
        j -= 1
    j, taken = end, 0
    while j < len(toks) and taken < width and toks[j].low not in (".", ";", "(", ")"):
        if _is_content(toks[j]):
            found.append(word_key(toks, j))
            taken += 1
        j += 1
    return frozenset(found)


# Words of another figure ("3.1 per cent in October"): not what a figure is about.
_UNIT_WORDS = frozenset({"per", "cent", "percent"})


def _near(toks: tuple[Token, ...], start: int, end: int, width: int = 3) -> frozenset[str]:
    """Content words at most `width` tokens away, within the clause, and the noun a figure
    in apposition renames ("The attendance, more than 41,000, was ...")."""
    found = []
    if (
        start >= 2
        and toks[start - 1].low == ","
        and end < len(toks)
        and toks[end].low == ","
        and _is_content(toks[start - 2])
    ):
        found.append(word_key(toks, start - 2))
    for j in range(start - 1, max(start - 1 - width, -1), -1):
        if toks[j].low in PUNCT:
            break
        if _is_content(toks[j]) and toks[j].low not in _UNIT_WORDS:
            found.append(word_key(toks, j))
    for j in range(end, min(end + width, len(toks))):
        if toks[j].low in PUNCT or toks[j].low in _BASELINE:
            break  # "27% compared with placebo": the baseline is not what is measured
        if _is_content(toks[j]) and toks[j].low not in _UNIT_WORDS:
            found.append(word_key(toks, j))
    return frozenset(found)


_BASELINE = frozenset({"compared", "versus", "vs", "than", "relative", "against"})


# Words after a figure that say which way something moved.
_DIRECTIONS = frozenset(
    {"higher", "lower", "up", "down", "more", "less", "fewer", "stronger", "weaker"}
    | {"better", "worse", "above", "below", "cheaper", "dearer"}
)


def _thing(toks: tuple[Token, ...], j: int, skip_of: bool) -> tuple[frozenset[str], str, int]:
    """Keys of the words right after a number that name what it counts."""
    n = len(toks)
    if skip_of and j < n and toks[j].low == "of":
        j += 1
        while j < n and toks[j].low in _DETERMINERS | {"them", "those", "these"}:
            j += 1
        if (
            toks[j - 1].low == "those"
            and j < n
            and (toks[j].low in ("who", "on", "with", "in", "given") or toks[j].low.endswith("ing"))
        ):
            return frozenset({_PEOPLE}), "people", j  # "11 percent of those taking the drug"
        # "14 of the 20 jurors": the part counts what the whole counts.
        while j < n and (toks[j].is_number or toks[j].low in NUMBER_WORDS):
            j += 1
    words: list[Token] = []
    while j < n and len(words) < 3:
        tok = toks[j]
        if tok.low == "-" and words:
            if j + 1 < n and toks[j + 1].low.endswith("ed") and len(toks[j + 1].low) > 3:
                words.clear()  # "treatment-related deaths": the compound describes them
                j += 2
                continue
            j += 1
            continue
        if not _is_content(tok) or tok.low in NUMBER_WORDS or tok.low in MONTHS or tok.low == "per":
            break
        if not words and tok.low in _DIRECTIONS:
            break  # "3.1% higher": which way it moved, not what is counted
        if _looks_like_verb(tok.low) and (words or _verb_use(toks, j)):
            break  # "19 people died", "15,000 took part"; but "14 injured people"
        words.append(tok)
        j += 1
        if _plural(tok.low):
            break  # "14 drones overnight": the plural noun ends the phrase
    if (
        words
        and not _plural(words[-1].low)
        and j + 2 < n
        and toks[j].low in ("and", "or")
        and _is_content(toks[j + 1])
        and not _plural(toks[j + 1].low)
        and not _looks_like_verb(toks[j + 1].low)
        and _is_content(toks[j + 2])
        and _plural(toks[j + 2].low)
        and toks[j + 2].low not in NUMBER_WORDS
        and toks[j + 2].low not in VAGUE_PLURALS
    ):
        words += [toks[j + 1], toks[j + 2]]  # "9,214 current and former colleagues"
        j += 3
    thing = frozenset(key(t.low) for t in words)
    if words and j + 1 < n and toks[j].low == "and" and _joined_noun(toks[j + 1]):
        thing |= {key(toks[j + 1].low)}  # "420 passengers and crew": both are counted
    return thing, (words[-1].text if words else ""), j


def _joined_noun(tok: Token) -> bool:
    """A bare noun joined to a counted one ("passengers and crew"), not a verb or a figure."""
    word = tok.low
    return (
        _is_content(tok)
        and not tok.is_capitalized
        and word not in NUMBER_WORDS
        and word not in VAGUE_PLURALS
        and not _looks_like_verb(word)
        and not word.endswith("ing")
    )


def _plural(word: str) -> bool:
    return word in _PLURAL_NOUNS or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _verb_use(toks: tuple[Token, ...], j: int) -> bool:
    """True when a verb form right after a number is the verb, not an adjective."""
    word = toks[j].low
    if word in IRREGULAR and word != IRREGULAR[word]:
        return True
    return not (j + 1 < len(toks) and _is_content(toks[j + 1]))


def _looks_like_verb(word: str) -> bool:
    """'died', 'killed', 'fled': a past-tense verb ends the counted noun phrase."""
    return (len(word) > 4 and word.endswith("ed")) or (
        word in IRREGULAR and word != IRREGULAR[word]
    )


def _scope(toks: tuple[Token, ...], j: int) -> str:
    """A qualifier after the counted thing that narrows it ('since 2022', 'so far')."""
    for k in range(j, min(j + 8, len(toks) - 1)):
        w, nxt = toks[k].low, toks[k + 1].low
        if w in PUNCT or w in ("and", "but", "while", "whereas"):
            break
        if w in ("among", "including", "excluding") and k < j + 2:
            return f"scope:{w} {nxt}"
        if w == "since" or (w == "so" and nxt == "far"):
            return f"scope:{w} {nxt}"
        if w in ("this", "last") and nxt in ("year", "month", "week", "season", "century"):
            return f"scope:{w} {nxt}"
    return ""


def decimal_places(text: str) -> int | None:
    """Digits after the decimal point of a figure written in digits (None: in words)."""
    digits = "".join(c for c in text if c.isdigit() or c == ".").strip(".")
    if not digits or not text.lstrip()[:1].isdigit():
        return None
    return len(digits.split(".")[1]) if "." in digits else 0


@lru_cache(maxsize=32768)
def text_quantities(text: str) -> tuple[Quantity, ...]:
    """All quantities of a sentence, read once per distinct text."""
    return quantities(text, tokenize(text))


def quantities(text: str, toks: tuple[Token, ...]) -> tuple[Quantity, ...]:
    """All quantities of a sentence (given with its tokens), left to right."""
    found: list[Quantity] = []
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].is_number and toks[i].low not in _TRIGGERS:
            i += 1
            continue
        q, nxt = _parse_at(toks, i)
        if q is not None and _restated(toks, i, found):
            q = None  # "50 degrees (120 Fahrenheit)": the same figure in other units
        if q is not None and _in_fraction(text, q.span):
            q = None  # "41 / 2 months": a fraction typed apart, its parts are no figures
        if q is not None and found and _period_of_rate(found[-1], q, toks, i):
            q = None  # "30 dorins a month": the month is the rate's, not a duration
        if q is not None and i == 0 and q.kind == "count" and _match_minute(toks, nxt):
            # "84 min: GOAL for Rothby": a live page's minute of play, the "84th minute"
            q = _make(
                toks, 0, nxt + 1, "ordinal", q.low, q.high, frozenset({key("minute")}), "minute", ""
            )
        if q is not None:
            found.append(q._replace(text=text[q.span[0] : q.span[1]]))
        i = max(nxt, i + 1)
    return tuple(found)


_AUXILIARY_AFTER = frozenset({"were", "was", "have", "had", "are", "remain", "remained"})


def _match_minute(toks: tuple[Token, ...], after: int) -> bool:
    """True when "min" or "mins" and a colon follow a figure that opens a line."""
    return _peek(toks, after) in ("min", "mins") and _peek(toks, after + 1) == ":"


def _counted_by_its_verb(toks: tuple[Token, ...], i: int) -> bool:
    """True when a vague plural stands alone as the object of an event's verb ("killing
    dozens", "injuring hundreds") or as the subject of one ("hundreds were hurt")."""
    before = key(_peek(toks, i - 1))
    return before in _OUTCOME_WORDS or _peek(toks, i + 1) in _AUXILIARY_AFTER


def _period_of_rate(last: Quantity, q: Quantity, toks: tuple[Token, ...], i: int) -> bool:
    """True when q is the "a month" of the rate just before it ("30 dorins a month")."""
    if not last.qualifier.startswith("rate:") or q.kind != "duration":
        return False
    return toks[i].low in ("a", "an", "per") and last.span[1] <= q.span[0]


_SLASH_BEFORE = re.compile(r"\d\s*/\s*$")
_SLASH_AFTER = re.compile(r"^\s*/\s*\d")


def _in_fraction(text: str, span: tuple[int, int]) -> bool:
    """True for a figure on either side of a slash between digits typed with spaces."""
    before, after = text[max(0, span[0] - 4) : span[0]], text[span[1] : span[1] + 4]
    spaced = before.endswith(" ") or after.startswith(" ")
    return spaced and bool(_SLASH_BEFORE.search(before) or _SLASH_AFTER.match(after))


def _restated(toks: tuple[Token, ...], i: int, found: list[Quantity]) -> bool:
    """True for a figure in brackets right after another figure."""
    if not found or i == 0 or toks[i - 1].low != "(":
        return False
    return 0 <= toks[i - 1].start - found[-1].span[1] <= 12


def _parse_at(toks: tuple[Token, ...], i: int) -> tuple[Quantity | None, int]:
    tok = toks[i]
    w = tok.low
    if w in WEEKDAYS and tok.is_capitalized:
        return _simple(toks, i, i + 1, "weekday", WEEKDAYS[w], WEEKDAYS[w]), i + 1
    if w in MONTHS and _is_month(toks, i):
        return _month_date(toks, i)
    if w in _TIME_WORDS:
        v = _TIME_WORDS[w]
        return _simple(toks, i, i + 1, "time", v, v), i + 1
    if w in ("no", "none", "nobody", "zero") or (w == "not" and _peek(toks, i + 1) == "a"):
        return _zero(toks, i)
    if w in VAGUE_PLURALS and _peek(toks, i + 1) == "of":
        thing, noun, _ = _thing(toks, i + 1, skip_of=True)
        start = _modifier_before(toks, i)[1]
        low = VAGUE_PLURALS[w]
        return _make(toks, start, i + 1, "count", low, INF, thing, noun, ""), i + 1
    if w in VAGUE_PLURALS and w != "scores" and _counted_by_its_verb(toks, i):
        # "injuring hundreds", "dozens were hurt": people, counted by the event's verb.
        low = VAGUE_PLURALS[w]
        return _make(toks, i, i + 1, "count", low, INF, frozenset(), "", ""), i + 1
    part = _part_of_year(toks, i)
    if part is not None:
        return part, i + 2
    if w in ORDINAL_WORDS and (w != "second" or _peek(toks, i - 1) in _DETERMINERS | _PLACING):
        return _ordinal(toks, i, i + 1, float(ORDINAL_WORDS[w]))
    share = _proportion(toks, i)
    if share is not None:
        return share
    if tok.is_number:
        return _number(toks, i)
    if w in NUMBER_WORDS or (w in ("a", "an") and _peek(toks, i + 1) in ("dozen", "hundred")):
        return _number(toks, i)
    if w in ("a", "an", "one") and _peek(toks, i + 1) in _DURATION_FORMS.keys() - {"second"}:
        unit = _DURATION_FORMS[_peek(toks, i + 1)]
        prev = _peek(toks, i - 1)
        if prev in ("times", "per", "once", "twice") or (i > 0 and toks[i - 1].is_number):
            return None, i + 1
        days = DURATIONS[unit]
        end = i + 2
        if _half(toks, end):
            days, end = 1.5 * days, end + 3  # "an hour and a half"
        mod, start = _modifier_before(toks, i)
        low, high = _interval(days, mod or "approx", 0.15 * days)
        if not mod:
            low, high = 0.85 * days, 1.15 * days
        thing, noun, _ = _thing(toks, end, skip_of=False)
        return _make(toks, start, end, "duration", low, high, thing, noun, ""), end
    return None, i + 1


# After "a quarter" these make it a unit, not a share: "a quarter point", "half an hour".
_NOT_A_SHARE = frozenset({"point", "points", "percentage", "century", "cent", "mile", "an", "a"})


def _small_integer(tok: Token) -> float | None:
    """The value of a whole number from 1 to 1,000 in digits or one word, else None."""
    if tok.is_number:
        if not _integer(tok):
            return None
        value = _value_of(tok.text)
    else:
        value = UNITS.get(tok.low) or TENS.get(tok.low)
        if value is None:
            return None
    return float(value) if 1 <= value <= 1000 else None


def _proportion(toks: tuple[Token, ...], i: int) -> tuple[Quantity, int] | None:
    """A share in words, read as a percentage: "one in nine patients", "8 out of 10",
    "a third of voters", "two-thirds of", "by nearly a quarter", "half of the staff"."""
    n = len(toks)
    if toks[i].low in ("a", "an", "one"):
        numerator, j = 1.0, i + 1
    elif toks[i].low == "half":
        numerator, j = 0.5, i  # "half of the volunteers", "cut by half"
    else:
        small = _small_integer(toks[i])
        if small is None:
            return None
        numerator, j = small, i + 1
    if numerator != 0.5 and j < n and toks[j].low in ("in", "out"):
        k = j + 2 if toks[j].low == "out" and _peek(toks, j + 1) == "of" else j + 1
        whole = _small_integer(toks[k]) if k < n and toks[k].low not in ("a", "an") else None
        if whole is None or whole <= numerator or (toks[j].low == "out" and k != j + 2):
            return None
        if k + 1 < n and toks[k + 1].low in (".", ",") and k + 2 < n and toks[k + 2].is_number:
            return None  # "3 in 1,000" typed apart is not "3 in 1"
        value, end = 100.0 * numerator / whole, k + 1
        thing, noun, _ = _thing(toks, end, skip_of=True)
    else:
        if numerator != 0.5:
            if j < n and toks[j].low in ("-", "–"):
                j += 1  # "two-thirds"
            if j >= n or toks[j].low not in FRACTION_WORDS:
                return None
            denominator = FRACTION_WORDS[toks[j].low]
            plural = toks[j].low.endswith("s") and toks[j].low != "halves"
            if (numerator == 1) == plural or numerator >= denominator:
                return None  # "one thirds", "five quarters": not a share
            value, end = 100.0 * numerator / denominator, j + 1
        else:
            value, end = 50.0, i + 1
        nxt = _peek(toks, end)
        start_mod = _modifier_before(toks, i)[1]
        after_by = _peek(toks, start_mod - 1) == "by"
        if nxt in _NOT_A_SHARE or nxt in MEASURES or nxt in _DURATION_FORMS:
            return None
        if nxt == "of" and _peek(toks, end + 1) in ("a", "an"):
            return None  # "a quarter of a century", "a third of a mile"
        if not (nxt == "of" or after_by):
            return None
        thing, noun, _ = _thing(toks, end, skip_of=True) if nxt == "of" else (frozenset(), "", 0)
    mod, start = _modifier_before(toks, i)
    low, high = _interval(value, mod, max(1.0, 0.1 * value))
    return _make(toks, start, end, "percent", low, high, thing, noun, ""), end


def _half(toks: tuple[Token, ...], j: int) -> bool:
    return tuple(t.low for t in toks[j : j + 3]) == ("and", "a", "half")


def _peek(toks: tuple[Token, ...], i: int) -> str:
    return toks[i].low if 0 <= i < len(toks) else ""


def _is_month(toks: tuple[Token, ...], i: int) -> bool:
    tok = toks[i]
    if not tok.is_capitalized:
        return False
    if tok.low == "may" or tok.low in _MONTH_ABBREVIATIONS:
        # "May" the verb and "Mar"/"Dec" abbreviations need a number or a preposition.
        if i > 0 and toks[i - 1].low in _MONTH_PREPOSITIONS:
            return True
        return toks[i + 1].is_number if i + 1 < len(toks) else False
    return True


_SHORTLY = frozenset({"shortly", "just", "soon", "immediately"})


def _simple(
    toks: tuple[Token, ...], start: int, end: int, kind: str, low: float, high: float
) -> Quantity:
    before = start - 2 if _peek(toks, start - 1) == "the" else start - 1
    prep = _YEAR_PREPS.get(_peek(toks, before), "") if kind != "weekday" else ""
    if kind == "weekday" and _peek(toks, start - 1) in ("since", "until", "by", "before"):
        prep = _peek(toks, start - 1)
    if kind == "time" and prep in ("before", "after") and _peek(toks, before - 1) in _SHORTLY:
        # "shortly before midnight": a time just before it, not a bound
        low, high = (low - 30, high) if prep == "before" else (low, high + 30)
        if low < 0:
            low, high = low + 24 * 60, high + 24 * 60  # shortly before midnight: 23:30-24:00
        prep, start = "", before - 1
    text = toks[start].text if end - start == 1 else _text(toks, start, end)
    return Quantity(
        low,
        high,
        kind,
        frozenset(),
        _context(toks, start, end),
        prep,
        (toks[start].start, toks[end - 1].end),
        text,
        near=_near(toks, start, end),
    )


def _text(toks: tuple[Token, ...], start: int, end: int) -> str:
    return " ".join(t.text for t in toks[start:end])


# Parts of a year by their first and last month: "the third quarter", "the second half".
_PARTS_OF_YEAR = {
    ("first", "quarter"): (1, 3),
    ("second", "quarter"): (4, 6),
    ("third", "quarter"): (7, 9),
    ("fourth", "quarter"): (10, 12),
    ("first", "half"): (1, 6),
    ("second", "half"): (7, 12),
}
_YEAR_WORDS = frozenset({"this", "next", "last", "the"})


def _part_of_year(toks: tuple[Token, ...], i: int) -> Quantity | None:
    """'the third quarter', 'the second half of 2026' as the months they span; not 'the
    second half of the match' (a part of something else)."""
    months = _PARTS_OF_YEAR.get((toks[i].low, _peek(toks, i + 1)))
    if months is None or _peek(toks, i - 1) != "the":
        return None
    if _peek(toks, i + 2) == "of":
        after = toks[i + 3] if i + 3 < len(toks) else None
        year_next = after is not None and after.low in _YEAR_WORDS and _peek(toks, i + 4) == "year"
        if after is None or not (_year_like(after) or year_next):
            return None
    first, last = months
    return _simple(toks, i, i + 2, "date", first * 100 + 1, last * 100 + 31)


def _year_like(tok: Token) -> bool:
    return _integer(tok) and 1900 <= int(tok.text) <= 2100


def _month_date(toks: tuple[Token, ...], i: int) -> tuple[Quantity, int]:
    month = MONTHS[toks[i].low]
    j = i + 1
    if j < len(toks) and toks[j].is_number and _day_ok(toks[j]):
        day = _value_of(toks[j].text)
        end = j + 1
        if _peek(toks, end) in _ORDINAL_SUFFIX:
            end += 1
        low = high = month * 100 + day
        last = _range_end(toks, end, month)
        if last is not None:
            # "from May 7 to May 10", "May 7-10": one span of days, not two dates.
            high, end = last
            start = i - 1 if _peek(toks, i - 1) in ("from", "between") else i
            q = _simple(toks, start, end, "date", low, max(low, high))
            return q._replace(qualifier=""), end
        return _simple(toks, i, end, "date", low, high), end
    return _simple(toks, i, i + 1, "date", month * 100 + 1, month * 100 + 31), i + 1


def _range_end(toks: tuple[Token, ...], j: int, month: int) -> tuple[float, int] | None:
    """The last day of a range after a date ('to May 10', '-10', 'through June 2')."""
    if _peek(toks, j) not in ("to", "-", "–", "through", "until", "and"):
        return None
    k = j + 1
    if _peek(toks, k) in MONTHS and _is_month(toks, k):
        month, k = MONTHS[_peek(toks, k)], k + 1
    if k < len(toks) and toks[k].is_number and _day_ok(toks[k]):
        return month * 100 + _value_of(toks[k].text), k + 1
    return None


def _integer(tok: Token) -> bool:
    """True for a token of plain ASCII digits ('19', not '3.5', '12,500' or '²')."""
    return tok.is_number and tok.text.isascii() and tok.text.isdigit()


def _day_ok(tok: Token) -> bool:
    return _integer(tok) and 1 <= int(tok.text) <= 31


def _zero(toks: tuple[Token, ...], i: int) -> tuple[Quantity | None, int]:
    w = toks[i].low
    nxt = _peek(toks, i + 1)
    hyphenated = w == "no" and nxt in ("-", "–") and _peek(toks, i + 2) == "one"
    if w in ("nobody",) or (w == "no" and nxt == "one") or hyphenated:
        end = i + 1 if w == "nobody" else (i + 3 if hyphenated else i + 2)
        # Whom "nobody" counts (fans, passengers, people) is left open.
        return _make(toks, i, end, "count", 0, 0, frozenset(), "", "", zero=True), end
    if w == "no":
        if nxt in ("-", "–"):
            return None, i + 1  # "no-shows", "a no-fly zone"
        if nxt in _NO_NOT_A_COUNT or any(k[0] == "no" and k[1:2] == (nxt,) for k in MODIFIERS):
            return None, i + 1
        thing, noun, _ = _thing(toks, i + 1, skip_of=False)
        if not thing:
            return None, i + 1
        return _make(toks, i, i + 1, "count", 0, 0, thing, noun, "", zero=True), i + 1
    if w == "none":
        thing, noun, _ = _thing(toks, i + 1, skip_of=True)
        part = "part" if nxt == "of" else ""
        return _make(toks, i, i + 1, "count", 0, 0, thing, noun, part, zero=True), i + 1
    if w == "not":
        if _peek(toks, i + 2) != "single":
            return None, i + 1
        thing, noun, _ = _thing(toks, i + 3, skip_of=False)
        if not thing:
            return None, i + 1
        return _make(toks, i, i + 3, "count", 0, 0, thing, noun, "", zero=True), i + 3
    thing, noun, _ = _thing(toks, i + 1, skip_of=False)
    if not thing:
        return None, i + 1
    return _make(toks, i, i + 1, "count", 0, 0, thing, noun, "", zero=True), i + 1


def _make(
    toks: tuple[Token, ...],
    start: int,
    end: int,
    kind: str,
    low: float,
    high: float,
    thing: frozenset[str],
    noun: str,
    qualifier: str,
    zero: bool = False,
) -> Quantity:
    span = (toks[start].start, toks[end - 1].end)
    head = key(noun.lower()) if noun else ""
    if kind == "age" and thing:
        head = " ".join(sorted(thing))  # "daughter Kathryn Jenkin" is not "John Jenkin"
    return Quantity(
        float(low),
        float(high),
        kind,
        thing,
        _context(toks, start, end),
        qualifier,
        span,
        _text(toks, start, end),
        noun,
        zero,
        _PEOPLE if head in _PERSON_WORDS else head,
        _near(toks, start, end),
    )


def _second_of_tally(tok: Token) -> float:
    """The second figure of a tally written with "-to-" ("three", "365"); inf if none."""
    if _integer(tok):
        return _value_of(tok.text)
    return NUMBER_WORDS.get(tok.low, math.inf)


def _of_a_number(toks: tuple[Token, ...], start: int) -> bool:
    """True when "N of" or "N of the" stands right before the figure at `start`."""
    back = start - 1
    if _peek(toks, back) in ("the", "a", "its", "their"):
        back -= 1
    if back < 1 or _peek(toks, back) != "of":
        return False
    before = toks[back - 1]
    return before.is_number or before.low in NUMBER_WORDS


# Verbs after which an ordinal is a placing: "finished second", "came third".
_PLACING = frozenset({"finished", "came", "placed", "ended", "finishing", "coming", "ranked"})


# Rates per period, compared per year: "30 dorins a month" is 360 a year.
_PER_YEAR = {"day": 365.0, "week": 52.0, "month": 12.0, "year": 1.0}
_PERIOD_ADJECTIVES = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annual": "year",
    "yearly": "year",
    "annually": "year",
}
_ADJECTIVE_REACH = 20


def _period_adjective(toks: tuple[Token, ...], start: int) -> str:
    """'rate:month' when the clause before a figure names its period ("monthly
    repayments on a 25-year loan will fall by 45 dorins"), else ''."""
    for k in range(start - 1, max(start - 1 - _ADJECTIVE_REACH, -1), -1):
        w = toks[k].low
        if w in (".", ";", ":", "?", "!"):
            break
        if w in _PERIOD_ADJECTIVES:
            return f"rate:{_PERIOD_ADJECTIVES[w]}"
    return ""


def _per_year(low: float, high: float, qualifier: str) -> tuple[float, float, str]:
    """A rate per day, week or month as the same rate per year."""
    period = qualifier.removeprefix("rate:").rstrip("s") if qualifier.startswith("rate:") else ""
    factor = _PER_YEAR.get(period)
    if factor is None:
        return low, high, qualifier
    return low * factor, high * factor, "rate:year"


def _ordinal(toks: tuple[Token, ...], start: int, end: int, value: float) -> tuple[Quantity, int]:
    thing, noun, after = _thing(toks, end, skip_of=False)
    if not thing and _peek(toks, start - 1) in _PLACING:
        thing, noun, after = frozenset({key("place")}), "place", end  # "finished second"
    if not thing:
        return None, end  # type: ignore[return-value]
    qualifier = _scope(toks, after)
    return _make(toks, start, end, "ordinal", value, value, thing, noun, qualifier), end


def _number(toks: tuple[Token, ...], i: int) -> tuple[Quantity | None, int]:
    """A number (digits or words) with its modifier, scale, unit and counted thing."""
    n = len(toks)
    tok = toks[i]
    decimals = 0
    word_form = not tok.is_number
    if tok.is_number:
        if _inside_name(toks, i):
            return None, i + 1
        value, decimals = _digit_value(tok)
        j = i + 1
    else:
        if tok.low in ("a", "an"):
            value, j = NUMBER_WORDS[toks[i + 1].low], i + 2
        else:
            parsed = _word_number(toks, i)
            if parsed is None:
                return None, i + 1
            value, j = parsed
        if tok.low == "one" and (
            _peek(toks, i - 1) in _PRONOUN_ONE
            or j >= n
            or not (_is_content(toks[j]) or toks[j].low in ("of", "other", "more"))
        ):
            return None, j
    if _half(toks, j):
        value, j = value + 0.5, j + 3  # "two and a half years"
    mod, start = _modifier_before(toks, i)
    if tok.is_number and "magnitude" in (_peek(toks, start - 1), _peek(toks, start - 2)):
        mstart = start - 1 if _peek(toks, start - 1) == "magnitude" else start - 2
        low, high = _interval(value, mod, 0.0)
        return _make(toks, mstart, i + 1, "magnitude", low, high, frozenset(), "", ""), i + 1
    currency = ""
    if i > 0 and toks[i - 1].low in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[toks[i - 1].low]
        mod, start = _modifier_before(toks, i - 1)
        if not mod:
            start = i - 1
    high_value = value
    # Scores and tallies: "20-13", "52 to 48" (the first figure not smaller).
    if (
        tok.is_number
        and j + 1 < n
        and toks[j].low in ("-", "–", "to")
        and _integer(toks[j + 1])
        and _value_of(toks[j + 1].text) <= value
        and not mod
        and not _is_year(value, tok)
    ):
        score = value * 1e4 + _value_of(toks[j + 1].text)
        thing, noun, _ = _thing(toks, j + 2, skip_of=False)
        return _make(toks, i, j + 2, "score", score, score, thing, noun, ""), j + 2
    # Tallies in words or digits: "a four-to-three vote", "won six-to-one", "a 673-to-365 vote".
    if (
        (word_form or tok.is_number)
        and j + 3 < n
        and toks[j].low in ("-", "–")
        and toks[j + 1].low == "to"
        and toks[j + 2].low in ("-", "–")
        and _second_of_tally(toks[j + 3]) <= value
    ):
        score = value * 1e4 + _second_of_tally(toks[j + 3])
        thing, noun, _ = _thing(toks, j + 4, skip_of=False)
        return _make(toks, i, j + 4, "score", score, score, thing, noun, ""), j + 4
    # Ranges: "10-12", "10 to 12", "between 10 and 12", "10 or 12".
    joiner = _peek(toks, j)
    if (
        j + 1 < n
        and joiner in ("-", "–", "to", "and", "or")
        and toks[j + 1].is_number
        and (joiner != "and" or _peek(toks, start - 1) == "between")
    ):
        other, _ = _digit_value(toks[j + 1])
        if other > value and not (_is_year(value, tok) and joiner == "-"):
            high_value = other
            j += 2
    if _peek(toks, start - 1) == "between":
        start -= 1
    scale = 1.0
    if j < n and toks[j].low in SCALES:
        s = toks[j].low
        attached = toks[j].start == toks[j - 1].end
        if s not in ("m", "b", "k") or attached:
            scale = SCALES[s]
            value *= scale
            high_value *= scale
            j += 1
            between = "between" in (_peek(toks, start), _peek(toks, start - 1))
            upper = _scaled_range_end(toks, j, s, between=between)
            if upper is not None and high_value == value and upper[0] * scale > value:
                high_value, j = upper[0] * scale, upper[1]  # "$140 million to $160 million"
    scaled = scale != 1.0
    kind = "count"
    tol = 0.0 if word_form else _round_tolerance(tok.text, scaled, decimals) * scale
    nxt = _peek(toks, j)
    if nxt == "%" or nxt in ("percent", "pc"):
        kind, j = "percent", j + 1
    elif nxt == "per" and _peek(toks, j + 1) == "cent":
        kind, j = "percent", j + 2
    elif nxt == "percentage" and _peek(toks, j + 1) in ("point", "points"):
        kind, j = "points", j + 2
    elif nxt in CURRENCY_WORDS:
        currency, j = CURRENCY_WORDS[nxt], j + 1
    elif nxt == "pence" or (nxt == "p" and toks[j].start == toks[j - 1].end and not currency):
        # "294.6p", "185 pence": hundredths of a pound
        currency, j = "GBP", j + 1
        value, high_value, tol = value / 100, high_value / 100, tol / 100
    elif nxt in _ORDINAL_SUFFIX and toks[j].start == toks[j - 1].end:
        if _peek(toks, j + 1) == "of" and _peek(toks, j + 2) in MONTHS:
            month = MONTHS[_peek(toks, j + 2)]
            return _simple(toks, i, j + 3, "date", month * 100 + value, month * 100 + value), j + 3
        if _peek(toks, i - 1) in MONTHS:
            return None, j + 1
        return _ordinal(toks, start, j + 1, value)
    elif nxt == "s" and toks[j].start - toks[j - 1].end <= 1 and _is_year(value, tok):
        return _simple(toks, i, j + 1, "year", value, value + 9), j + 1
    elif (
        nxt in ("-", "–", "/")
        and _is_year(value, tok)
        and j + 1 < n
        and len(toks[j + 1].text) == 2
        and _integer(toks[j + 1])
    ):
        end_year = value - value % 100 + _value_of(toks[j + 1].text)  # "2008-09"
        return _simple(toks, i, j + 2, "year", value, max(value, end_year)), j + 2
    if currency:
        kind = f"money:{currency}"
    # Dates written day-first: "3 March".
    if kind == "count" and nxt in MONTHS and _day_ok(tok) and toks[j].is_capitalized:
        month = MONTHS[nxt]
        return _simple(toks, i, j + 1, "date", month * 100 + value, month * 100 + value), j + 1
    # Clock times: "3 p.m.", "10:30 am".
    if kind == "count" and tok.is_number:
        if _peek(toks, j) == ":" and _peek(toks, j + 2) in _GAME_CLOCK:
            return None, j + 2  # "with 7:42 left": a game clock, not a figure
        clock = _clock(toks, i, j, value)
        if clock is not None:
            return clock
    # Durations and ages: "48 hours", "10-day", "19-year-old".
    k = j + 1 if nxt == "-" else j
    unit = _peek(toks, k)
    if kind == "count" and unit in _DURATION_FORMS and unit != "second":
        if _peek(toks, k + 1) == "-" and _peek(toks, k + 2) == "old":
            end = k + 3
            thing, noun, _ = _thing(toks, end, skip_of=False)
            return _make(toks, start, end, "age", value, high_value, thing, noun, ""), end
        days = DURATIONS[_DURATION_FORMS[unit]]
        low, high = _interval(value * days, mod, tol * days)
        high = max(high, high_value * days) if high_value != value else high
        k, extra = _smaller_unit(toks, k, days)
        low, high = low + extra, high + extra
        if _peek(toks, start - 1) == "with" and _peek(toks, k + 1) in _GAME_CLOCK:
            return None, k + 1  # "with 4 minutes 48 seconds left": a game clock
        qualifier = _RELATIVE.get(_peek(toks, k + 1), "")
        if qualifier == "after" and _peek(toks, start - 1) == "for":
            qualifier = ""  # "for three years after completion": a span, as "for two years"
        thing, noun, _ = _thing(toks, k + 2 if qualifier else k + 1, skip_of=False)
        qualifier = qualifier or _scope(toks, k + 1)
        q = _make(toks, start, k + 1, "duration", low, high, thing, noun, qualifier)
        return q, k + 1
    if kind == "count" and unit in MEASURES:
        measure, factor = MEASURES[unit]
        end = k + 1
        if measure == "length" and _peek(toks, end) in ("h", "hr"):
            measure, factor, end = "speed", factor / 1000, end + 1
        elif measure == "length" and (_peek(toks, end), _peek(toks, end + 1)) == ("per", "hour"):
            measure, factor, end = "speed", factor / 1000, end + 2
        if unit in ("square", "sq") and _peek(toks, k + 1) in MEASURES:
            measure, factor = "area", MEASURES[_peek(toks, k + 1)][1] ** 2
            end = k + 2
        base = value * factor
        # Converted units are rounded: allow a few percent either way (temperatures are
        # all in degrees Celsius: none is converted).
        slack = tol if measure == "temperature" else max(tol * factor, 0.03 * base)
        low, high = _interval(base, mod, slack)
        high = max(high, high_value * factor) if high_value != value else high
        thing, noun, _ = _thing(toks, end, skip_of=True)
        return _make(toks, start, end, measure, low, high, thing, noun, ""), end
    if kind == "count" and not scaled and _is_year(value, tok) and _looks_like_year(toks, i, j):
        return _simple(toks, i, j, "year", value, value), j
    if kind == "count" and not mod and _is_age_apposition(toks, i, j, value):
        k = i - 2
        while (
            k > 0 and toks[k].is_capitalized and toks[k - 1].is_capitalized and toks[k - 1].is_word
        ):
            k -= 1
        name = " ".join(t.text for t in toks[k : i - 1])
        return _make(toks, i, j, "age", value, value, frozenset({name.lower()}), name, ""), j
    low, high = _interval(value, mod, tol)
    if high_value != value:
        high = max(high, high_value)
    qualifier = ""
    post = tuple(t.low for t in toks[j : j + 2])
    if post == ("-", "plus"):
        post = ("plus",)
        j += 1
    if post[:1] in POST_GE or post in POST_GE:
        high = INF
        j += 1 if post[:1] in POST_GE else 2
    elif post in POST_LE:
        low = 0.0
        j += 2
    prev = _peek(toks, start - 1)
    # "a further 2.1% lower" is the day's move, not more of a total as "a further 200
    # jobs" or "another €5 million" are.
    if (prev in INCREMENT_BEFORE or _peek(toks, j) in INCREMENT_AFTER) and kind != "percent":
        qualifier = "increment"
    compound = (
        kind == "count"
        and _peek(toks, j) in ("-", "–")
        and j + 1 < n
        and toks[j + 1].is_word
        and toks[j + 1].start == toks[j].end
    )
    if compound:
        # "a three-point play", "a five-boat attack": the figure describes the noun after.
        thing, noun, after = _thing(toks, j + 2, skip_of=False)
        thing = thing | {key(toks[j + 1].low)}
        qualifier = "attr:" + key(toks[j + 1].low)
    elif _peek(toks, j) == "other":
        high += 1
        thing, noun, after = _thing(toks, j + 1, skip_of=False)
        if any(t.is_number or t.low in NUMBER_WORDS for t in toks[:start]):
            # "seven rifles, two other rifles": the rest of a list, not a total.
            qualifier = "part"
    elif _peek(toks, j) == "of" and kind == "count":
        # "one of Egypt's largest providers" names a member, it counts nothing.
        qualifier = qualifier or ("member" if value == 1 else "part")
        thing, noun, after = _thing(toks, j, skip_of=True)
    elif kind == "count" and _of_a_number(toks, start):
        qualifier = "whole"  # the 41 of "28 of 41 passes", the 11 of "eight of the 11 charges"
        thing, noun, after = _thing(toks, j, skip_of=False)
    else:
        thing, noun, after = _thing(toks, j, skip_of=kind != "count")
    if _peek(toks, after) == "per" or (
        _peek(toks, after) in ("a", "an") and _peek(toks, after + 1) in _DURATION_FORMS
    ):
        qualifier = f"rate:{_peek(toks, after + 1)}"  # "220 pixels per inch", "3 times a day"
    if not qualifier and (kind == "count" or kind.startswith("money")):
        qualifier = _period_adjective(toks, start)  # "monthly repayments ... fall by 45"
    if kind == "count" and _peek(toks, start - 1) == "minus":
        qualifier = "attr:minus"  # "minus 20" is a signed reading, not a count
    if kind == "count" and not qualifier:
        qualifier = _scope(toks, after) or _attribute_of(toks, start) or _total(toks, start)
    if _peek(toks, after) in ("each", "apiece") or _peek(toks, start - 1) == "each":
        qualifier = "each"
    elif _peek(toks, after) in ("combined", "together", "altogether"):
        qualifier = "scope:total"
    low, high, qualifier = _per_year(low, high, qualifier)
    q = _make(toks, start, j, kind, low, high, thing, noun, qualifier)
    if kind == "count":
        q = q._replace(where=_where(toks, after))
    complement = _complement(toks, after) if kind == "count" and thing else ""
    if complement:
        q = q._replace(head=f"{q.head}/{complement}")  # "two counts of murder"
    return q, j


def _smaller_unit(toks: tuple[Token, ...], k: int, days: float) -> tuple[int, float]:
    """'4 minutes 48 seconds', '12 minutes, 31 seconds': the unit index and the days added."""
    m = k + 2 if _peek(toks, k + 1) in (",", "and") else k + 1
    unit = _peek(toks, m + 1)
    if m < len(toks) and toks[m].is_number and unit in _DURATION_FORMS:
        smaller = DURATIONS[_DURATION_FORMS[unit]]
        if smaller < days:
            return m + 1, _value_of(toks[m].text) * smaller
    return k, 0.0


def _total(toks: tuple[Token, ...], start: int) -> str:
    """'a total of 31 magazines so far', 'since Week 11, he has 498 yards': a running total;
    'averaged 22.8 points': an average."""
    k = start - 1
    while k >= 0 and k > start - 12 and toks[k].low not in (".", ";"):
        if toks[k].low in _TOTAL_WORDS:
            return "scope:total"
        if toks[k].low in _AVERAGE_WORDS:
            return "rate:average"  # "averaged 22.8 points" is not a game's figure
        if toks[k].low == "since":
            return "scope:since"
        if toks[k].low in ("now", "currently") and start - k <= 3:
            return "scope:now"  # "now has 2,129 points": a running count at one moment
        k -= 1
    return ""


def _where(toks: tuple[Token, ...], j: int) -> str:
    """The place a count is limited to ('170,000 people in the province', 'across Asia')."""
    if _peek(toks, j) not in _PLACE_WORDS:
        return ""
    k = j + 1
    while k < len(toks) and toks[k].low in _DETERMINERS:
        k += 1
    if k < len(toks) and (toks[k].is_word or toks[k].is_number) and toks[k].low not in PUNCT:
        return f"{_peek(toks, j)} {key(toks[k].low)}"
    return ""


def _attribute_of(toks: tuple[Token, ...], start: int) -> str:
    """'a mother of 12', 'a record of 2,116': the figure describes the noun before 'of'."""
    if _peek(toks, start - 1) != "of" or start < 2:
        return ""
    noun = toks[start - 2]
    if noun.low in ORDINAL_WORDS:
        return f"attr:{noun.low}"  # "the second of six children"
    if not _is_content(noun) or noun.low in _GENERIC_OF:
        return ""
    return f"attr:{key(noun.low)}"


def _complement(toks: tuple[Token, ...], j: int) -> str:
    """The noun after 'of' that says what kind of thing is counted ('counts of murder')."""
    if _peek(toks, j) != "of":
        return ""
    k = j + 1
    while k < len(toks) and toks[k].low in _DETERMINERS:
        k += 1
    return key(toks[k].low) if k < len(toks) and _is_content(toks[k]) else ""


def _inside_name(toks: tuple[Token, ...], i: int) -> bool:
    """'76ers', 'SMW4', 'AK-47', 'Internet Explorer 8': digits that are part of a name."""
    tok = toks[i]
    if i > 0 and toks[i - 1].is_word and toks[i - 1].end == tok.start:
        return True
    if i > 1 and toks[i - 1].low == "-" and toks[i - 1].end == tok.start:
        name = toks[i - 2]
        if name.is_word and name.end == toks[i - 1].start and name.is_capitalized:
            return True
    if (
        i > 0
        and toks[i - 1].is_word
        and toks[i - 1].is_capitalized
        and toks[i - 1].low not in _NOT_NAME_WORDS
        and not toks[i - 1].low.endswith(("'s", "’s"))  # "Xi's 11th trip": a possessive
        and _integer(tok)
        and len(tok.text) <= 2
        and not _plural(_peek(toks, i + 1))
        and _peek(toks, i + 1) not in ("-", "–", "to", "of", "%")
    ):
        return True  # a model or route number: "Explorer 8", "Route 52", "USB 3"
    if i > 1 and _version(toks[i - 1], tok) and _peek(toks, i + 1) not in _AFTER_FIGURE:
        return True  # a version: "USB 2.0 ports", "Bluetooth 4.1"
    if i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].start == tok.end:
        glued = toks[i + 1].low
        known = glued in SCALES or glued in _ORDINAL_SUFFIX or glued in MEASURES
        after = toks[i + 2] if i + 2 < len(toks) else None
        pence = glued == "p" and not (
            after is not None
            and after.start == toks[i + 1].end
            and (after.is_word or after.is_number)
        )  # "294.6p", not "4p4"
        return not (
            known or pence or glued in ("s", "pm", "am", "p.m.", "a.m.") or glued in _DURATION_FORMS
        )
    return False


_VERSION = re.compile(r"\d\. ?\d")
_AFTER_FIGURE = frozenset({*SCALES, *MEASURES, "%", "percent", "pc", "per", "percentage"})


def _version(name: Token, tok: Token) -> bool:
    """A one-digit decimal right after a name ('USB 2.0'), not after a sentence's first word."""
    return (
        name.is_word
        and name.is_capitalized
        and name.low not in _NOT_NAME_WORDS
        and name.low != "magnitude"
        and bool(_VERSION.fullmatch(tok.text))
    )


def _scaled_range_end(
    toks: tuple[Token, ...], j: int, scale_word: str, between: bool
) -> tuple[float, int] | None:
    """The upper figure of a range that repeats its scale word, and the index after it."""
    joiner = _peek(toks, j)
    if joiner not in ("to", "-", "–") and not (joiner == "and" and between):
        return None
    k = j + 1
    if _peek(toks, k) in CURRENCY_SYMBOLS:
        k += 1
    if k + 1 < len(toks) and toks[k].is_number and toks[k + 1].low == scale_word:
        return _digit_value(toks[k])[0], k + 2
    return None


def _is_year(value: float, tok: Token) -> bool:
    return tok.is_number and len(tok.text) == 4 and 1800 <= value <= 2100


def _looks_like_year(toks: tuple[Token, ...], i: int, j: int) -> bool:
    """'in 2015', 'a 2013 sedan', '2015 was' are years; '2000 people' is a count.

    Counts this large are usually written with a comma, so a bare four-digit figure
    is a year unless a plural noun follows it.
    """
    prev = _peek(toks, i - 1)
    if prev in _YEAR_PREPS or prev in MONTHS or prev in ("year", "early", "late", "mid", "the"):
        return True
    if prev in ("a", "an") or (j < len(toks) and toks[j].is_capitalized):
        return True
    return not _plural(_peek(toks, j))


def _is_age_apposition(toks: tuple[Token, ...], i: int, j: int, value: float) -> bool:
    """'Raj Chohan, 59, was walking': a number between commas after a name is an age."""
    return (
        1 <= value <= 120
        and _integer(toks[i])
        and _peek(toks, i - 1) == ","
        and _peek(toks, j) in (",", ".", ")", "")
        and i >= 2
        and (toks[i - 2].is_capitalized or toks[i - 2].low in _PERSON_NOUNS)
    )


# Nouns for a person that an age may follow: "the woman, 43, died".
_PERSON_NOUNS = frozenset(
    {"man", "woman", "boy", "girl", "victim", "driver", "suspect", "teenager", "pilot"}
    | {"mother", "father", "son", "daughter", "wife", "husband", "officer", "worker"}
)


def _clock(toks: tuple[Token, ...], i: int, j: int, value: float) -> tuple[Quantity, int] | None:
    minutes = 0.0
    k = j
    if _peek(toks, k) == ":" and k + 1 < len(toks) and toks[k + 1].is_number:
        minutes = _value_of(toks[k + 1].text)
        k += 2
    suffix = _peek(toks, k).replace(".", "")
    dotted = k == j and re.fullmatch(r"\d{1,2}\.\d\d", toks[i].text)
    if dotted and suffix in ("am", "pm") and value < 13:
        minutes = round((value - int(value)) * 100)  # "8.49pm" is 8:49 pm
        value = float(int(value))
    if suffix in ("am", "pm") and value <= 12:
        hour = value % 12 + (12 if suffix == "pm" else 0)
        k += 1
    elif k > j and value <= 24 and _peek(toks, k) not in _GAME_CLOCK:
        hour = value
    else:
        return None
    t = hour * 60 + minutes
    mod, start = _modifier_before(toks, i)
    low, high = (t - 30, t + 30) if mod in ("approx", "near") else (t, t)
    if _peek(toks, start - 1) in ("after", "since"):
        low, high = t, t + 90
        start -= 1
    elif _peek(toks, start - 1) in ("before", "by"):
        low, high = t - 90, t
        start -= 1
    if start < i and _peek(toks, start - 1) in _SHORTLY:
        start -= 1  # "shortly after 4 a.m.": the word is part of the time, not its context
    return _make(toks, start, k, "time", low, high, frozenset(), "", ""), k
