"""The coverage matrix of a story: which source states each claim, which differs on it.

One row per claim, one column per article. A cell is marked when the article states the
claim (a sentence of the article is in the claim), and marked as differing when, on one of
the claim's own conflicts (a clash between two of its sentences, as the reader shows it:
see ``newsreader.annotations.claim_sides.own_conflicts``), the article stands on a side
other than the one most articles take (on a tie between sides, every side differs). Rows
are sorted by how many sources state them, then by story order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from newsreader.annotations.claim_sides import own_conflicts, status_of
from newsreader.model import Analysis, Article, Claim, ClaimConflict, ClaimStatus


class Mark(StrEnum):
    """What a cell of the matrix says about an article and a claim."""

    STATES = "states"
    DIFFERS = "differs"
    SILENT = "silent"


@dataclass(frozen=True)
class Cell:
    """An article's part in a claim: its mark, its sentences in the row, the value it gives
    on the claim's first conflict it takes a side in (None when it takes none), and whether
    one of its sentences is in the claim itself (not only on a side of a conflict)."""

    mark: Mark
    sentences: tuple[str, ...]
    value: str | None = None
    in_claim: bool = False


SILENT = Cell(Mark.SILENT, ())
"""The cell of an article that says nothing on a claim."""


@dataclass(frozen=True)
class CoverageRow:
    """One claim of the matrix: its cells by article id (silent articles are left out)."""

    claim: Claim
    order: int
    text: str
    cells: dict[str, Cell]
    status: ClaimStatus = ClaimStatus.SINGLE_SOURCE
    conflicts: tuple[ClaimConflict, ...] = ()

    @property
    def sources(self) -> int:
        """How many articles state the claim or take a side on it."""
        return len(self.cells)

    def cell(self, article_id: str) -> Cell:
        """The cell of an article (silent when the article says nothing on the claim)."""
        return self.cells.get(article_id, SILENT)

    @property
    def differs(self) -> bool:
        """Whether some article's value on the claim disagrees with the others."""
        return any(c.mark is Mark.DIFFERS for c in self.cells.values())


@dataclass(frozen=True)
class Coverage:
    """The story's articles (the columns) and its claims as rows, most covered first."""

    articles: tuple[Article, ...]
    rows: tuple[CoverageRow, ...]


class RowFilter(StrEnum):
    """Which rows of the matrix are shown."""

    ALL = "all"
    CONFLICTS = "conflicts"
    SINGLE_SOURCE = "single-source"
    OMITTED = "omitted"

    def next(self) -> RowFilter:
        """The filter after this one (all → conflicts → single-source → omitted → all)."""
        members = list(RowFilter)
        return members[(members.index(self) + 1) % len(members)]


def story_order(analysis: Analysis) -> dict[str, int]:
    """Each claim's rank by where it first appears, article by article, top to bottom."""
    order: dict[str, int] = {}
    for article in analysis.story.articles:
        for sentence in article.sentences:
            order.setdefault(analysis.claim_of[sentence.id], len(order))
    for claim in analysis.claims:
        order.setdefault(claim.id, len(order))
    return order


def differing_articles(conflict: ClaimConflict) -> set[str]:
    """Articles on a side other than the one most articles take (all sides on a tie)."""
    sizes = [len(set(side.articles)) for side in conflict.sides]
    largest = max(sizes, default=0)
    leaders = [n for n, size in enumerate(sizes) if size == largest]
    majority = leaders[0] if len(leaders) == 1 else None
    return {
        article
        for n, side in enumerate(conflict.sides)
        if n != majority
        for article in side.articles
    }


def coverage_row(
    analysis: Analysis, claim: Claim, order: int, places: dict[str, int] | None = None
) -> CoverageRow:
    """The cells of one claim, in article order (``places``: each article's position)."""
    if places is None:
        places = article_places(analysis)
    sentences: dict[str, list[str]] = {}
    for sentence_id in claim.sentences:
        sentence = analysis.sentence_index[sentence_id]
        sentences.setdefault(sentence.article_id, []).append(sentence_id)
    members = set(sentences)
    values: dict[str, str] = {}
    differing: set[str] = set()
    conflicts = own_conflicts(analysis, claim)
    for conflict in conflicts:
        differing |= differing_articles(conflict)
        for side in conflict.sides:
            for article in side.articles:
                values.setdefault(article, side.value)
    cells = {
        article_id: Cell(
            Mark.DIFFERS if article_id in differing else Mark.STATES,
            tuple(sentences.get(article_id, ())),
            values.get(article_id),
            article_id in members,
        )
        for article_id in sorted(sentences.keys() | differing, key=places.__getitem__)
    }
    first = claim.sentences[0] if claim.sentences else None
    text = " ".join(analysis.sentence_index[first].text.split()) if first else ""
    return CoverageRow(claim, order, text, cells, status_of(claim, conflicts), conflicts)


def article_places(analysis: Analysis) -> dict[str, int]:
    """Each article's position in the story."""
    return {article.id: n for n, article in enumerate(analysis.story.articles)}


def coverage(analysis: Analysis) -> Coverage:
    """The coverage matrix of an analysis, rows sorted by sources, then story order."""
    order = story_order(analysis)
    places = article_places(analysis)
    rows = [coverage_row(analysis, c, order[c.id], places) for c in analysis.claims]
    rows.sort(key=lambda row: (-row.sources, row.order))
    return Coverage(analysis.story.articles, tuple(rows))


def row_filter(shown: RowFilter, article_id: str | None = None) -> Callable[[CoverageRow], bool]:
    """Whether a row passes a filter (``article_id``: the article whose omissions to show)."""
    if shown is RowFilter.CONFLICTS:
        return lambda row: row.differs or row.status is ClaimStatus.CONFLICTING
    if shown is RowFilter.SINGLE_SOURCE:
        return lambda row: row.sources == 1
    if shown is RowFilter.OMITTED and article_id is not None:
        return lambda row: article_id not in row.cells
    return lambda row: True


def filtered_rows(
    matrix: Coverage, shown: RowFilter, article_id: str | None = None
) -> list[CoverageRow]:
    """The rows a filter keeps, in the matrix's order."""
    keep = row_filter(shown, article_id)
    return [row for row in matrix.rows if keep(row)]


def by_story_order(rows: list[CoverageRow]) -> list[CoverageRow]:
    """Rows in story order (the claims as the articles first state them)."""
    return sorted(rows, key=lambda row: row.order)
