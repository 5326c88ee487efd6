"""An article column: a fixed header with the article's facts and counts, then its sentences."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from newsreader.ingest.article_names import article_name
from newsreader.model import Analysis, Article, ClaimStatus
from tui.widgets.article_view import ArticleView, SentenceItem

if TYPE_CHECKING:
    # The loading screen draws column headers before anything is compared.
    from tui.reading_grid import ReadingGrid


def conflict_spans(analysis: Analysis, sentence_id: str) -> tuple[tuple[int, int], ...]:
    """Offsets, within a sentence, of the words that differ from the rest of its claim.

    Only clashes with sentences of the same claim count: those are its conflict's sides.
    """
    spans: set[tuple[int, int]] = set()
    members = set(analysis.claim_for(sentence_id).sentences)
    for relation in analysis.relations_of(sentence_id):
        if relation.a not in members or relation.b not in members:
            continue
        for reason in relation.reasons:
            spans.add(reason.a_span if relation.a == sentence_id else reason.b_span)
    return tuple(sorted(spans))


# The counts a column header shows, by symbol: what each one counts.
HEADER_COUNTERS = (
    ("=", "sentences that other sources corroborate"),
    ("≠", "sentences of a claim the sources disagree on"),
    ("·", "sentences only this article states"),
    ("✓", "sentences of claims you tagged verified"),
    ("✗", "sentences of claims you tagged disputed"),
)
# Below this many terminal rows the column headers take two lines and no rule.
COMPACT_BELOW_ROWS = 32
FULL_HEADER_LINES = 4
COMPACT_HEADER_LINES = 2


def is_compact(rows: int) -> bool:
    """Whether a terminal this many rows high gets the compact column headers."""
    return rows < COMPACT_BELOW_ROWS


def _fit(text: Content, width: int) -> Content:
    """Cut a line to a width, with an ellipsis when something was cut."""
    if text.cell_length <= width:
        return text
    return text[: max(0, width - 1)] + Content("…")


def tally(
    counts: Counter[ClaimStatus] | None, verdicts: Counter[str] | None, sentences: int
) -> str:
    """The counts of a column header: =corroborated ≠conflicting ·single ✓verified ✗disputed."""
    if counts is None:
        return f"{sentences} sentences · comparing…"
    text = (
        f"={counts[ClaimStatus.CORROBORATED]} "
        f"≠{counts[ClaimStatus.CONFLICTING]} "
        f"·{counts[ClaimStatus.SINGLE_SOURCE]}"
    )
    if verdicts:
        text += f"  ✓{verdicts['verified']} ✗{verdicts['disputed']}"
    return text


def place_label(position: int, count: int, more_left: bool, more_right: bool) -> str:
    """Where a column sits among all ("3 of 5"), with arrows where columns are out of sight."""
    return f"{'◂ ' if more_left else ''}{position} of {count}{' ▸' if more_right else ''}"


def header_lines(
    article: Article,
    position: int,
    width: int,
    *,
    compact: bool = False,
    count: int = 1,
    counts: Counter[ClaimStatus] | None = None,
    verdicts: Counter[str] | None = None,
    edges: tuple[bool, bool] = (False, False),
) -> list[Content]:
    """A column header's lines, each fitted to the width (article metadata is untrusted:
    plain Content only).

    Full: outlet and place; the counts; date and author; the title (on the lines left).
    Compact: outlet and place; the counts, date and author.
    """
    place = Content(place_label(position, count, *edges)).stylize("dim")
    room = max(1, width - place.cell_length - 1)
    name = _fit(Content(article_name(article, position)).stylize("bold"), room)
    first = name + Content(" " * max(1, width - name.cell_length - place.cell_length)) + place
    byline = f"by {article.author}" if article.author else None
    about = " · ".join(part for part in (article.date, byline) if part)
    counted = Content(tally(counts, verdicts, len(article.sentences)))
    if compact:
        second = counted + (Content(" · " + about) if about else Content())
        return [_fit(first, width), _fit(second, width)]
    lines = [_fit(first, width), _fit(counted, width)]
    if about:
        lines.append(_fit(Content(about), width))
    room = FULL_HEADER_LINES - len(lines)
    titles = Content(article.title).stylize("italic").wrap(max(1, width))
    if len(titles) > room:
        titles = [*titles[: room - 1], _fit(Content(" ").join(titles[room - 1 :]), width)]
    return lines + titles


class ColumnHeader(Widget):
    """Outlet, place among the columns, date, author, counts, title (fitted to its width)."""

    def __init__(
        self,
        article: Article,
        counts: Counter[ClaimStatus] | None,
        position: int,
        count: int,
    ) -> None:
        super().__init__(classes="column-header")
        self.article = article
        self.position = position
        self.count = count
        self.counts = counts
        self.verdicts: Counter[str] = Counter()
        self.edges = (False, False)
        self.compact = False
        facts = [article_name(article, position), article.title, article.author, article.date]
        self.tooltip = Content("\n").join(Content(f) for f in facts if f)

    def set_verdicts(self, verdicts: Counter[str]) -> None:
        """Show how many of the article's sentences carry each verdict."""
        if verdicts != self.verdicts:
            self.verdicts = verdicts
            self.refresh()

    def set_edges(self, more_left: bool, more_right: bool) -> None:
        """Show arrows where columns lie out of sight beside this one."""
        if (more_left, more_right) != self.edges:
            self.edges = (more_left, more_right)
            self.refresh()

    def set_compact(self, compact: bool) -> None:
        """Two lines (small terminals) or four."""
        if compact != self.compact:
            self.compact = compact
            self.set_class(compact, "-compact")
            self.refresh()

    def render(self) -> Content:
        """The header text."""
        return Content("\n").join(self.lines())

    def lines(self) -> list[Content]:
        """The header's lines at its current width."""
        return header_lines(
            self.article,
            self.position,
            max(1, self.content_region.width or self.size.width),
            compact=self.compact,
            count=self.count,
            counts=self.counts,
            verdicts=self.verdicts,
            edges=self.edges,
        )


class ArticleColumn(Vertical):
    """One article of the story: its header and its sentences."""

    def __init__(self, article: Article, grid: ReadingGrid, index: int, count: int = 1) -> None:
        super().__init__(classes="column", id=f"column-{index}")
        self.article = article
        self.index = index
        analysis = grid.analysis
        counts = Counter(grid.status(analysis.claim_of[s.id]) for s in article.sentences)
        self.header = ColumnHeader(article, counts, index + 1, count)
        items = []
        for sentence in article.sentences:
            claim = analysis.claim_for(sentence.id)
            items.append(
                SentenceItem(
                    sentence.id,
                    sentence.text,
                    grid.status(claim.id).value,
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


def fit_columns(columns: list[ArticleColumn], available: int) -> list[int]:
    """Size the columns to share the width (see column_widths); returns the widths."""
    widths = column_widths(len(columns), available)
    for column, width in zip(columns, widths, strict=True):
        column.styles.width = width
    return widths
