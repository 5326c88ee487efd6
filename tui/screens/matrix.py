"""The coverage matrix screen: who reports what, where a source stands alone, what it omits."""

from __future__ import annotations

import contextlib

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Static

from newsreader.ingest.article_names import article_name
from newsreader.library.coverage import (
    Coverage,
    CoverageRow,
    Mark,
    RowFilter,
    by_story_order,
    filtered_rows,
)
from newsreader.model import Analysis, Verdict
from tui.messages import AnnotationSaved
from tui.review import ReviewSession, SaveFailed, verdict_of
from tui.screens.story_view import StoryView, leaving_bindings, verdict_bindings
from tui.widgets.coverage_grid import MARK_GLYPH, CoverageGrid

LEGEND = (
    f"{MARK_GLYPH[Mark.STATES]} states the claim  "
    f"{MARK_GLYPH[Mark.DIFFERS]} differs from the others  "
    "blank: silent  ✓ ✗ your verdict  #: sources"
)
QUOTE_LIMIT = 200


class MatrixScreen(StoryView[str | None]):
    """Claims by sources; enter jumps to the claim in the reader (dismisses with the id of
    the sentence to put the cursor on)."""

    BINDINGS = [
        Binding(
            "enter",
            "choose",
            "Jump",
            id="matrix.jump",
            tooltip="jump to the claim in the reader (this source's sentence)",
        ),
        Binding("escape,m", "back", "Reader", id="matrix.back", tooltip="back to the reader"),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="matrix.filter",
            tooltip="show all claims → conflicts → single-source → omitted by the source",
        ),
        Binding(
            "w",
            "omitted",
            "Omits",
            id="matrix.omitted",
            tooltip="claims the source under the cursor omits (again: all claims)",
        ),
        Binding(
            "r",
            "toggle_sort",
            "Sort",
            id="matrix.sort",
            tooltip="sort by number of sources ↔ story order",
        ),
        Binding(
            "z",
            "toggle_compact",
            "Narrow",
            id="matrix.compact",
            tooltip="narrow numbered source columns ↔ named ones",
        ),
        *verdict_bindings("matrix"),
        *leaving_bindings("matrix"),
    ]

    def __init__(
        self, analysis: Analysis, session: ReviewSession, matrix: Coverage | None = None
    ) -> None:
        super().__init__(analysis, session, matrix)
        self.names = [
            article_name(article, n) for n, article in enumerate(self.matrix.articles, start=1)
        ]
        self.article_ids = [article.id for article in self.matrix.articles]
        self.shown = RowFilter.ALL
        self.omitting: int | None = None
        self.story_order = False
        self.grid = CoverageGrid(self.names, id="matrix-grid")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(LEGEND), id="matrix-legend")
        yield Static(id="matrix-summary")
        yield self.grid
        yield Static(id="matrix-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.analysis.story.title
        self.sub_title = "coverage matrix"
        self.grid.set_verdicts(self._verdicts())
        self.refill()
        self.grid.focus()

    def _verdicts(self) -> dict[str, str]:
        return {
            claim: verdict
            for claim, annotation in self.session.annotations.items()
            if (verdict := verdict_of(annotation))
        }

    # -- rows -------------------------------------------------------------------------------

    @property
    def omitting_id(self) -> str | None:
        """The article whose omissions the filter shows (None unless that filter is on)."""
        if self.shown is not RowFilter.OMITTED or self.omitting is None:
            return None
        return self.article_ids[self.omitting]

    def shown_rows(self) -> list[CoverageRow]:
        """The rows the filter keeps, in the chosen order."""
        rows = filtered_rows(self.matrix, self.shown, self.omitting_id)
        return by_story_order(rows) if self.story_order else rows

    def refill(self) -> None:
        """Show the rows of the current filter and order."""
        self.grid.set_rows(self.shown_rows(), self.article_ids)

    def _filter_label(self) -> str:
        if self.shown is RowFilter.OMITTED and self.omitting is not None:
            return f"omitted by {self.names[self.omitting]}"
        return self.shown.value

    @on(CoverageGrid.Moved)
    def _moved(self) -> None:
        first, last = self.grid.visible_columns()
        count = len(self.article_ids)
        more = last < count - 1 or self.grid.cut_at_right()  # a column cut at the edge too
        edges = ("◂ " if first > 0 else "") + ("▸" if more else "")
        summary = (
            f"{len(self.grid.rows)} of {len(self.matrix.rows)} claims · filter: "
            f"{self._filter_label()} · sorted by "
            f"{'story order' if self.story_order else 'sources'} · "
            f"sources {first + 1}–{last + 1} of {count} {edges}"
        )
        self.query_one("#matrix-summary", Static).update(Content(summary.rstrip()))
        self.query_one("#matrix-detail", Static).update(self._detail())

    def _detail(self) -> Content:
        """What the cursor cell says: the source, its mark, its value and sentence."""
        row = self.grid.current_row
        if row is None or not self.article_ids:
            return Content("No claim to show for this filter (f: next filter).")
        column = self.grid.cursor.column
        name = self.names[column]
        cell = row.cell(self.article_ids[column])
        head = Content(name).stylize("bold") + Content(f" ({column + 1}/{len(self.names)}) ")
        if cell.mark is Mark.SILENT:
            return head + Content("silent on the claim\n") + self._quote(row.text)
        what = "differs" if cell.mark is Mark.DIFFERS else "states it"
        if cell.value is not None:
            what += f": {cell.value}"
        sides = self._sides(row)
        text = self.analysis.sentence(cell.sentences[0]).text if cell.sentences else row.text
        line = head + Content(f"{MARK_GLYPH[cell.mark]} {what}")
        if sides:
            line += Content(f" · {sides}")
        return line + Content("\n") + self._quote(text)

    def _quote(self, text: str) -> Content:
        text = " ".join(text.split())
        cut = text[:QUOTE_LIMIT] + ("…" if len(text) > QUOTE_LIMIT else "")
        return Content(f"“{cut}”").stylize("italic")

    def _sides(self, row: CoverageRow) -> str:
        """Who holds which value on the claim's conflicts ("14: Outlet 1 | 19: Outlet 2")."""
        index = {article_id: n for n, article_id in enumerate(self.article_ids)}
        parts = []
        for conflict in row.conflicts:
            sides = " | ".join(
                f"{side.value}: "
                + ", ".join(self.names[index[a]] for a in side.articles if a in index)
                for side in conflict.sides
            )
            parts.append(f"{conflict.detail} — {sides}" if conflict.detail else sides)
        return " · ".join(parts)

    # -- actions ----------------------------------------------------------------------------

    def action_choose(self) -> None:
        """Jump to the claim under the cursor, on the cursor source's sentence if it has one."""
        self.grid.action_choose()

    @on(CoverageGrid.Chosen)
    def _chosen(self, message: CoverageGrid.Chosen) -> None:
        claim = message.row.claim
        article_id = self.article_ids[message.column]
        own = [
            sid
            for sid in claim.sentences
            if self.analysis.sentence_index[sid].article_id == article_id
        ]
        self.dismiss(own[0] if own else self._first_sentence(claim.sentences))

    def _first_sentence(self, sentence_ids: tuple[str, ...]) -> str | None:
        """The sentence that comes first, article by article (the reader's order)."""
        place = {a.id: n for n, a in enumerate(self.analysis.story.articles)}
        sentences = [self.analysis.sentence_index[sid] for sid in sentence_ids]
        first = min(sentences, key=lambda s: (place[s.article_id], s.index), default=None)
        return first.id if first else None

    def action_back(self) -> None:
        """Return to the reader without moving."""
        self.dismiss(None)

    def action_cycle_filter(self) -> None:
        """Show all claims, conflicts, single-source claims, then what the cursor's source
        omits."""
        self.shown = self.shown.next()
        if self.shown is RowFilter.OMITTED:
            self.omitting = self.grid.cursor.column if self.article_ids else None
        self.refill()

    def action_omitted(self) -> None:
        """Show the claims the source under the cursor omits (pressed again: all claims)."""
        if not self.article_ids:
            return
        column = self.grid.cursor.column
        if self.shown is RowFilter.OMITTED and self.omitting == column:
            self.shown = RowFilter.ALL
        else:
            self.shown, self.omitting = RowFilter.OMITTED, column
        self.refill()

    def action_toggle_sort(self) -> None:
        """Sort by the number of sources, or in story order."""
        self.story_order = not self.story_order
        self.refill()

    def action_toggle_compact(self) -> None:
        """Switch between narrow numbered source columns and named ones."""
        self.grid.set_compact(not self.grid.compact)

    def action_tag(self, verdict: str) -> None:
        """Tag the claim under the cursor (an empty verdict clears it); saved at once."""
        row = self.grid.current_row
        if row is None:
            return
        # The session tells every screen what came of it (the reader shows failures).
        with contextlib.suppress(SaveFailed):
            self.session.tag(row.claim.id, Verdict(verdict) if verdict else None)

    @on(AnnotationSaved)
    def _saved(self, message: AnnotationSaved) -> None:
        self.grid.set_verdicts(self._verdicts())
