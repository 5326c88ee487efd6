"""The source scorecard screen: per outlet of the story, how its claims fare."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from newsreader.library.coverage import Coverage
from newsreader.library.scorecard import COLUMNS, OutletScore, story_scores
from newsreader.model import Analysis
from tui.messages import AnnotationSaved
from tui.review import ReviewSession
from tui.screens.story_view import StoryView, leaving_bindings

NAME_LIMIT = 40
EXPLAINED = (
    "Per outlet: claims it states, of which corroborated, conflicting, single-source; "
    "differs: its value stands apart; ✓ verified / ✗ disputed by you."
)
# Headings for a narrow screen, where the full ones would not fit side by side.
WIDE = 120
SHORT_LABELS = {
    "articles": "Art.",
    "corroborated": "Corr.",
    "conflicting": "Confl.",
    "single_source": "Single",
    "verified": "✓",
    "disputed": "✗",
}


class ScorecardScreen(StoryView[None]):
    """One row per outlet of the story, from the analysis and the user's verdicts."""

    BINDINGS = [
        Binding("escape", "back", "Reader", id="scorecard.back", tooltip="back to the reader"),
        Binding("r", "cycle_sort", "Sort", id="scorecard.sort", tooltip="sort by the next column"),
        *leaving_bindings("scorecard"),
    ]

    def __init__(
        self, analysis: Analysis, session: ReviewSession, matrix: Coverage | None = None
    ) -> None:
        super().__init__(analysis, session, matrix)
        self.sort_key = "stated"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(EXPLAINED), id="scorecard-legend")
        yield DataTable(id="scorecard-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="scorecard-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.analysis.story.title
        self.sub_title = "sources"
        table = self.query_one(DataTable)
        labels = dict(COLUMNS) if self.size.width >= WIDE else dict(COLUMNS) | SHORT_LABELS
        longest = max((len(s.outlet) for s in self.scores()), default=6)
        for key, label in labels.items():
            width = min(NAME_LIMIT + 1, max(6, longest)) if key == "outlet" else len(label)
            table.add_column(label, key=key, width=width)
        self.refill()
        table.focus()

    def scores(self) -> list[OutletScore]:
        """The outlets' counts, in the chosen order."""
        scores = list(
            story_scores(self.analysis, self.session.annotations.values(), self.matrix).values()
        )
        if self.sort_key == "outlet":
            return sorted(scores, key=lambda s: s.outlet.casefold())
        return sorted(scores, key=lambda s: (-getattr(s, self.sort_key), s.outlet.casefold()))

    def refill(self) -> None:
        """Rebuild the rows from the analysis and the verdicts."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        scores = self.scores()
        for score in scores:
            name = score.outlet[:NAME_LIMIT] + ("…" if len(score.outlet) > NAME_LIMIT else "")
            cells = [Text(str(getattr(score, key)), justify="right") for key, _ in COLUMNS[1:]]
            table.add_row(Content(name), *cells)
        if scores:
            table.move_cursor(row=min(row, len(scores) - 1))
        label = dict(COLUMNS)[self.sort_key].casefold()
        reviewed = len(self.session.reviewed.intersection(self.analysis.claim_index))
        self.query_one("#scorecard-summary", Static).update(
            Content(
                f"{len(scores)} outlets · {len(self.analysis.claims)} claims · {reviewed} "
                f"reviewed · sorted by {label} · s sort · escape back"
            )
        )

    def action_cycle_sort(self) -> None:
        """Sort by the next column."""
        keys = [key for key, _ in COLUMNS]
        self.sort_key = keys[(keys.index(self.sort_key) + 1) % len(keys)]
        self.refill()

    def action_back(self) -> None:
        """Return to the reader."""
        self.dismiss(None)

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self.sort_key = str(event.column_key.value)
        self.refill()

    @on(AnnotationSaved)
    def _saved(self, message: AnnotationSaved) -> None:
        self.refill()
