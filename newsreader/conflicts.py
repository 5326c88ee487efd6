"""Conflict detection on aligned sentences: facts that cannot both be true."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.model import Reason, Sentence
from newsreader.words import STOP_WORDS, stem

_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|percent|per cent))?"
    r"(?:\s+(?:[a-z]+-)?([A-Za-z]+))?"
)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence with the word it counts."""

    value: float
    unit: str
    span: tuple[int, int]
    text: str


def quantities(text: str) -> list[Quantity]:
    """Numbers with the noun right after them ('19 drones', '66%')."""
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        if _YEAR.match(raw) and not m.group(2):
            continue
        if m.group(2):
            unit = "%"
        else:
            word = (m.group(3) or "").lower()
            if not word or word in STOP_WORDS:
                continue
            unit = stem(word)
        found.append(Quantity(float(raw.replace(",", "")), unit, m.span(1), raw))
    return found


def find_conflicts(a: Sentence, b: Sentence) -> list[Reason]:
    """Reasons why two aligned sentences disagree (empty when they agree)."""
    reasons: list[Reason] = []
    qa, qb = quantities(a.text), quantities(b.text)
    for x in qa:
        same_unit = [y for y in qb if y.unit == x.unit]
        if same_unit and all(y.value != x.value for y in same_unit):
            y = same_unit[0]
            reasons.append(
                Reason(
                    type="numeric",
                    detail=f"{x.text} vs {y.text} {x.unit if x.unit != '%' else 'percent'}",
                    a_span=x.span,
                    b_span=y.span,
                )
            )
    return reasons
