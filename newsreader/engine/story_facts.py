"""What the sources of a story state, to tell a clash from two facts of one story.

Two aligned sentences may differ on a figure, a day or a name because they report two
facts, not because they disagree: a death toll in one province and across the region,
a shooting on Friday and a charge on Saturday, a city and its state, two teams that
both made an offer. When an independent source (a third article) states both sides of
such a difference, or any one sentence does ('Fort Smith, Arkansas'), the two sides are
compatible facts of the story and the difference is not flagged as a clash.

The two articles that differ are not asked at article level: a report that got a day
wrong may well name the right day elsewhere, for another part of the event.

The story is indexed once, on the first reason to check: figures by kind and counted
thing, words by key, each with the articles and sentences that state them, so a check
costs what the matching entries cost, not a pass over the story.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from newsreader.engine.conflicts import PARTS_OF_DAY_KEYS, features, one_act_dated
from newsreader.engine.quantities import Quantity
from newsreader.engine.wordforms import key, tokenize
from newsreader.model import Reason, Sentence, Story

# Reason types whose two sides are values a source can state side by side.
_VALUE_TYPES = frozenset({"numeric", "date"})
# A side of a substitution longer than this many words describes, it does not name.
_NAME_WORDS = 3


@dataclass
class _Index:
    """Figures and word keys of a story, each with where it is stated."""

    figures: dict[tuple[str, str], list[tuple[Quantity, str, str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    words: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    tables: dict[tuple[str, str], _FigureTable] = field(default_factory=dict)

    def table(self, kind: str, head: str) -> _FigureTable:
        """The figures of one kind and thing as arrays (built on first use)."""
        found = self.tables.get((kind, head))
        if found is None:
            found = _FigureTable.of(self.figures.get((kind, head), []))
            self.tables[(kind, head)] = found
        return found


@dataclass(frozen=True)
class _FigureTable:
    """Figures of one kind and thing: their intervals, periods and where each is stated."""

    low: np.ndarray
    high: np.ndarray
    periods: np.ndarray
    places: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, figures: list[tuple[Quantity, str, str, str]]) -> _FigureTable:
        """Arrays of a list of (figure, period, article, sentence)."""
        return cls(
            np.array([q.low for q, _, _, _ in figures], dtype=np.float64),
            np.array([q.high for q, _, _, _ in figures], dtype=np.float64),
            np.array([when for _, when, _, _ in figures], dtype=object),
            tuple((article, sentence) for _, _, article, sentence in figures),
        )


class StoryFacts:
    """Answers 'does one source state both sides of this difference?' for one story."""

    def __init__(self, story: Story) -> None:
        """The index is built on the first question (from the features cached per sentence)."""
        self._story = story
        self._index: _Index | None = None

    def _built(self) -> _Index:
        if self._index is None:
            index = _Index()
            for article in self._story.articles:
                for sentence in article.sentences:
                    f = features(sentence.text)
                    for q, period in zip(f.quantities, f.q_period, strict=True):
                        index.figures[(q.kind, q.head)].append((q, period, article.id, sentence.id))
                    for k in {key(t[1]) for t in f.token_data if t[4]}:
                        index.words[k].append((article.id, sentence.id))
            self._index = index
        return self._index

    def stated_together(self, reason: Reason, a: Sentence, b: Sentence) -> bool:
        """True when one source of the story states both sides of the reason."""
        own = {a.article_id, b.article_id}
        if reason.type in _VALUE_TYPES:
            x, y = _quantity_at(a.text, reason.a_span), _quantity_at(b.text, reason.b_span)
            if x is None or y is None:
                return False
            index = self._built()
            holds_x = _figure_sources(index, x[0], y[0], x[1])
            holds_y = _figure_sources(index, y[0], x[0], y[1])
            if reason.type == "date" and x[0].kind == "weekday":
                # A day a third report gives for another fact ("stores reopen on
                # Wednesday") says nothing of this one: only its sentences that use a
                # word next to either day ("back online", "available again") count.
                near = (x[0].near | y[0].near) - PARTS_OF_DAY_KEYS
                about = {s for k in near for s in index.words.get(k, ())}
                holds_x, holds_y = holds_x & about, holds_y & about
            return _together(
                holds_x,
                holds_y,
                own,
                # Two days of one act ("notified ... on Sunday" / "on Monday"): a third
                # report naming both days, for its other facts, says nothing of it.
                articles=not (
                    reason.type == "date"
                    and one_act_dated(a.text, reason.a_span, b.text, reason.b_span)
                ),
            )
        if reason.type == "substitution":
            side_a = _span_keys(a.text, reason.a_span)
            side_b = _span_keys(b.text, reason.b_span)
            only_a, only_b = side_a - side_b, side_b - side_a
            if not only_a or not only_b or max(len(side_a), len(side_b)) > _NAME_WORDS:
                return False  # a description ("a sharp fall in fuel prices"), not a name
            index = self._built()
            found_a = {s for k in only_a for s in index.words.get(k, ())}
            found_b = {s for k in only_b for s in index.words.get(k, ())}
            names = a.text[reason.a_span[0]].isupper() and b.text[reason.b_span[0]].isupper()
            head = _shared_next_word(a.text, reason.a_span, b.text, reason.b_span)
            if head and not names:
                # "oil vs gas pipeline": a sentence on "oil and gas" in general is no
                # pipeline of each kind; it must name the pipeline too.
                with_head = set(index.words.get(head, ()))
                found_a, found_b = found_a & with_head, found_b & with_head
            # Common nouns ('car', 'plane') meet in any long report: only names count
            # at article level, and class words only when one sentence holds both.
            return _together(found_a, found_b, own, articles=names)
        return False

    def keep(self, reasons: list[Reason], a: Sentence, b: Sentence) -> list[Reason]:
        """The reasons no single source contradicts by stating both of their sides."""
        return [r for r in reasons if not self.stated_together(r, a, b)]


def _figure_sources(
    index: _Index, value: Quantity, other: Quantity, period: str
) -> set[tuple[str, str]]:
    """(article, sentence) of every figure of the same kind and thing that holds `value`
    and not `other`, of the same period when both name one ("3.6% in September" is not
    the October figure)."""
    table = index.table(value.kind, value.head)
    held = (table.low <= value.high) & (value.low <= table.high)
    held &= ~((table.low <= other.high) & (other.low <= table.high))
    if period:
        held &= (table.periods == "") | (table.periods == period)
    return {table.places[k] for k in np.flatnonzero(held).tolist()}


def _together(
    x: set[tuple[str, str]], y: set[tuple[str, str]], own: set[str], articles: bool = True
) -> bool:
    """True when one sentence, or one third article, holds both sides."""
    if x & y:
        return True
    if not articles:
        return False
    return bool(({art for art, _ in x} & {art for art, _ in y}) - own)


def _quantity_at(text: str, span: tuple[int, int]) -> tuple[Quantity, str] | None:
    """The figure at a span of a sentence and the month it is stated for."""
    f = features(text)
    for q, period in zip(f.quantities, f.q_period, strict=True):
        if q.span == span:
            return q, period
    return None


def _span_keys(text: str, span: tuple[int, int]) -> frozenset[str]:
    return frozenset(
        key(t.low) for t in tokenize(text[span[0] : span[1]]) if t.is_word and len(t.low) > 2
    )


def _shared_next_word(a: str, span_a: tuple[int, int], b: str, span_b: tuple[int, int]) -> str:
    """The key of the word right after both spans when it is the same ("pipeline")."""
    after_a = [t for t in tokenize(a[span_a[1] :])[:1] if t.is_word]
    after_b = [t for t in tokenize(b[span_b[1] :])[:1] if t.is_word]
    if after_a and after_b and key(after_a[0].low) == key(after_b[0].low):
        return key(after_a[0].low)
    return ""
