"""An article column: a fixed header with the article's facts and counts, then its sentences."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from newsreader.ingest.article_names import article_name
from newsreader.model import Analysis, Article, ClaimStatus
from tui.widgets.article_view import ArticleView, SentenceItem


def conflict_spans(analysis: Analysis, sentence_id: str) -> tuple[tuple[int, int], ...]:
    """Offsets, within a sentence, of the words that differ from its counterparts."""
    spans: set[tuple[int, int]] = set()
    for relation in analysis.relations_of(sentence_id):
        for reason in relation.reasons:
            spans.add(reason.a_span if relation.a == sentence_id else reason.b_span)
    return tuple(sorted(spans))


class ColumnHeader(Static):
    """Outlet, date, counts of corroborated / conflicting / single-source sentences, title."""

    def __init__(self, article: Article, analysis: Analysis | None, position: int) -> None:
        self.article = article
        self.position = position
        self.counts = (
            Counter(analysis.claim_for(s.id).status for s in article.sentences)
            if analysis
            else None
        )
        self.verdicts: Counter[str] = Counter()
        super().__init__(self.build(), classes="column-header")

    def set_verdicts(self, verdicts: Counter[str]) -> None:
        """Show how many of the article's sentences carry each verdict."""
        if verdicts != self.verdicts:
            self.verdicts = verdicts
            self.update(self.build())

    def build(self) -> Content:
        """The header text (article metadata is untrusted: plain Content only)."""
        return Content("\n").join(
            header_lines(self.article, self.position, self.counts, self.verdicts)
        )


def header_lines(
    article: Article,
    position: int,
    counts: Counter[ClaimStatus] | None = None,
    verdicts: Counter[str] | None = None,
) -> list[Content]:
    """A column header's lines: outlet and date, sentence counts, title (plain Content)."""
    first = Content(article_name(article, position)).stylize("bold")
    if article.date:
        first = first + Content(" · " + article.date)
    if counts is None:
        tally = f"{len(article.sentences)} sentences · comparing…"
    else:
        tally = (
            f"={counts[ClaimStatus.CORROBORATED]} "
            f"≠{counts[ClaimStatus.CONFLICTING]} "
            f"·{counts[ClaimStatus.SINGLE_SOURCE]}"
        )
    if verdicts:
        tally += f"  ✓{verdicts['verified']} ✗{verdicts['disputed']}"
    return [first, Content(tally).stylize("dim"), Content(article.title).stylize("italic")]


class ArticleColumn(Vertical):
    """One article of the story: its header and its sentences."""

    def __init__(self, article: Article, analysis: Analysis | None, index: int) -> None:
        super().__init__(classes="column", id=f"column-{index}")
        self.article = article
        self.index = index
        self.header = ColumnHeader(article, analysis, index + 1)
        items = []
        for sentence in article.sentences:
            if analysis is None:
                # A preview while the story is analysed: plain sentences, no states yet.
                items.append(SentenceItem(sentence.id, sentence.text, "pending", 1))
                continue
            claim = analysis.claim_for(sentence.id)
            items.append(
                SentenceItem(
                    sentence.id,
                    sentence.text,
                    claim.status.value,
                    len(claim.articles) or 1,
                    conflict_spans(analysis, sentence.id),
                )
            )
        self.view = ArticleView(items)

    def compose(self) -> ComposeResult:
        yield self.header
        if not self.view.items:
            yield Static(Content("(no sentences)"), classes="column-empty")
        yield self.view


MIN_COLUMN_WIDTH = 36


def column_widths(count: int, available: int) -> list[int]:
    """Share the width between columns; beyond what fits, the row scrolls sideways."""
    if not count:
        return []
    # As many whole columns as fit side by side; the others are a sideways scroll away.
    shown = max(1, min(count, available // MIN_COLUMN_WIDTH))
    width = max(1, available // shown)
    spare = max(0, available - width * shown) if shown == count else 0
    return [width] * (count - 1) + [width + spare]


def fit_columns(columns: list[ArticleColumn], available: int) -> None:
    """Size the columns to share the width (see column_widths)."""
    for column, width in zip(columns, column_widths(len(columns), available), strict=True):
        column.styles.width = width
