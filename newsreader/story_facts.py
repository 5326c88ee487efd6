"""What each article of a story states, to tell a clash from two facts of one story.

Two aligned sentences may differ on a figure, a day or a name because they report two
facts, not because they disagree: a death toll in one province and across the region,
a shooting on Friday and a charge on Saturday, a city and its state, two teams that
both made an offer. When one source states both sides of such a difference, that source
treats them as two compatible facts, so the difference is not flagged as a clash.
"""

from __future__ import annotations

from newsreader.conflicts import features
from newsreader.model import Reason, Sentence, Story
from newsreader.quantities import Quantity
from newsreader.wordforms import key, tokenize

# Reason types whose two sides are values a source can state side by side.
_VALUE_TYPES = frozenset({"numeric", "date"})


class StoryFacts:
    """Per article, its quantities and the word keys it uses, computed on first need."""

    def __init__(self, story: Story) -> None:
        self._articles = [tuple(s.text for s in a.sentences) for a in story.articles]
        self._quantities: list[tuple[Quantity, ...]] | None = None
        self._keys: list[frozenset[str]] | None = None

    def _all_quantities(self) -> list[tuple[Quantity, ...]]:
        if self._quantities is None:
            self._quantities = [
                tuple(q for text in texts for q in features(text).quantities)
                for texts in self._articles
            ]
        return self._quantities

    def _all_keys(self) -> list[frozenset[str]]:
        if self._keys is None:
            self._keys = [
                frozenset(key(t.low) for text in texts for t in tokenize(text) if t.is_word)
                for texts in self._articles
            ]
        return self._keys

    def stated_together(self, reason: Reason, a: Sentence, b: Sentence) -> bool:
        """True when one article of the story states both sides of the reason."""
        if reason.type in _VALUE_TYPES:
            x, y = _quantity_at(a.text, reason.a_span), _quantity_at(b.text, reason.b_span)
            if x is None or y is None:
                return False
            return any(
                _states(found, x, y) and _states(found, y, x) for found in self._all_quantities()
            )
        if reason.type == "substitution":
            side_a = _span_keys(a.text, reason.a_span)
            side_b = _span_keys(b.text, reason.b_span)
            only_a, only_b = side_a - side_b, side_b - side_a
            if not only_a or not only_b:
                return False
            return any(only_a & keys and only_b & keys for keys in self._all_keys())
        return False

    def keep(self, reasons: list[Reason], a: Sentence, b: Sentence) -> list[Reason]:
        """The reasons no single article contradicts by stating both of their sides."""
        return [r for r in reasons if not self.stated_together(r, a, b)]


def _quantity_at(text: str, span: tuple[int, int]) -> Quantity | None:
    for q in features(text).quantities:
        if q.span == span:
            return q
    return None


def _states(found: tuple[Quantity, ...], value: Quantity, other: Quantity) -> bool:
    """True when a quantity of the same kind and counted thing holds `value`, not `other`."""
    return any(
        q.kind == value.kind
        and q.head == value.head
        and q.overlaps(value)
        and not q.overlaps(other)
        for q in found
    )


def _span_keys(text: str, span: tuple[int, int]) -> frozenset[str]:
    return frozenset(
        key(t.low) for t in tokenize(text[span[0] : span[1]]) if t.is_word and len(t.low) > 2
    )
