"""What the sources of a story state, to tell a clash from two facts of one story.

Two aligned sentences may differ on a figure, a day or a name because they report two
facts, not because they disagree: a death toll in one province and across the region,
a shooting on Friday and a charge on Saturday, a city and its state, two teams that
both made an offer. When an independent source (a third article) states both sides of
such a difference, or any one sentence does ('Fort Smith, Arkansas'), the two sides are
compatible facts of the story and the difference is not flagged as a clash.

The two articles that differ are not asked at article level: a report that got a day
wrong may well name the right day elsewhere, for another part of the event.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsreader.conflicts import features
from newsreader.model import Reason, Sentence, Story
from newsreader.quantities import Quantity
from newsreader.wordforms import key, tokenize

# Reason types whose two sides are values a source can state side by side.
_VALUE_TYPES = frozenset({"numeric", "date"})


class StoryFacts:
    """Per sentence of each article, its quantities and word keys, computed on first need."""

    def __init__(self, story: Story) -> None:
        self._articles = {a.id: tuple(s.text for s in a.sentences) for a in story.articles}

    def _scopes(self, a: Sentence, b: Sentence, articles: bool = True) -> Iterable[tuple[str, ...]]:
        """Groups of sentences that count as one source: third articles, and sentences."""
        for article, texts in self._articles.items():
            if not articles or article in (a.article_id, b.article_id):
                yield from ((text,) for text in texts)
            else:
                yield texts

    def stated_together(self, reason: Reason, a: Sentence, b: Sentence) -> bool:
        """True when one source of the story states both sides of the reason."""
        if reason.type in _VALUE_TYPES:
            x, y = _quantity_at(a.text, reason.a_span), _quantity_at(b.text, reason.b_span)
            if x is None or y is None:
                return False
            for texts in self._scopes(a, b):
                found = [q for text in texts for q in features(text).quantities]
                if _states(found, x, y) and _states(found, y, x):
                    return True
            return False
        if reason.type == "substitution":
            side_a = _span_keys(a.text, reason.a_span)
            side_b = _span_keys(b.text, reason.b_span)
            only_a, only_b = side_a - side_b, side_b - side_a
            if not only_a or not only_b:
                return False
            # Common nouns ('car', 'plane') meet in any long report: only names count
            # at article level, and class words only when one sentence holds both.
            names = a.text[reason.a_span[0]].isupper() and b.text[reason.b_span[0]].isupper()
            for texts in self._scopes(a, b, articles=names):
                keys = {k for text in texts for k in _keys(text)}
                if only_a & keys and only_b & keys:
                    return True
        return False

    def keep(self, reasons: list[Reason], a: Sentence, b: Sentence) -> list[Reason]:
        """The reasons no single source contradicts by stating both of their sides."""
        return [r for r in reasons if not self.stated_together(r, a, b)]


def _quantity_at(text: str, span: tuple[int, int]) -> Quantity | None:
    for q in features(text).quantities:
        if q.span == span:
            return q
    return None


def _states(found: list[Quantity], value: Quantity, other: Quantity) -> bool:
    """True when a quantity of the same kind and counted thing holds `value`, not `other`."""
    return any(
        q.kind == value.kind
        and q.head == value.head
        and q.overlaps(value)
        and not q.overlaps(other)
        for q in found
    )


def _keys(text: str) -> frozenset[str]:
    return frozenset(key(t.low) for t in tokenize(text) if t.is_word)


def _span_keys(text: str, span: tuple[int, int]) -> frozenset[str]:
    return frozenset(
        key(t.low) for t in tokenize(text[span[0] : span[1]]) if t.is_word and len(t.low) > 2
    )
