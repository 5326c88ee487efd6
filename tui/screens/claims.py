"""The claims view: a sortable, filterable table of every claim of the story."""

from __future__ import annotations

import contextlib

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from newsreader.model import Analysis, Claim, ClaimStatus, Verdict
from tui.messages import AnnotationSaved
from tui.reading_grid import Filter, ReadingGrid
from tui.review import ReviewSession, SaveFailed, verdict_of

CELL_LIMIT = 160
COLUMNS = ("claim", "sources", "status", "verdict", "note")


class ClaimsScreen(Screen[str | None]):
    """All claims in a table; enter jumps to the claim in the reader (dismisses with its id)."""

    BINDINGS = [
        Binding("enter", "choose", "Jump", id="claims.jump", tooltip="jump to the claim"),
        Binding("tab,escape", "back", "Reader", id="claims.back", tooltip="back to the reader"),
        Binding("s", "cycle_sort", "Sort", id="claims.sort", tooltip="sort by the next column"),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="claims.filter",
            tooltip="show all claims → conflicts → unreviewed",
        ),
        Binding("slash", "focus_search", "Find", id="claims.find", tooltip="filter by text"),
        Binding("v", "tag('verified')", "Verified", id="claims.verified", tooltip="tag verified"),
        Binding("d", "tag('disputed')", "Disputed", id="claims.disputed", tooltip="tag disputed"),
        Binding("x", "tag('')", "Clear", id="claims.clear", tooltip="clear the verdict"),
        Binding("question_mark", "app.help", "Help", id="claims.help", tooltip="this help"),
    ]

    def __init__(
        self, analysis: Analysis, grid: ReadingGrid, session: ReviewSession, shown: Filter
    ) -> None:
        super().__init__()
        self.analysis = analysis
        self.grid = grid
        self.session = session
        self.shown = shown
        self.sort_key = "order"
        self.sort_reverse = False
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ filter claims by text or note", id="claims-filter")
        yield Static(id="claims-summary", markup=False)
        yield DataTable(id="claims-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.analysis.story.title
        self.sub_title = "claims"
        table = self.query_one(DataTable)
        note_width = max(12, self.size.width // 5)
        # Fixed widths: cells hold untrusted text of any length.
        width = max(20, self.size.width - note_width - 7 - 13 - 8 - 12)
        table.add_column("Claim", key="claim", width=width)
        table.add_column("Sources", key="sources", width=7)
        table.add_column("Status", key="status", width=13)
        table.add_column("Verdict", key="verdict", width=8)
        table.add_column("Note", key="note", width=note_width)
        self.refill()
        table.focus()

    def _row(self, claim: Claim) -> tuple[object, ...]:
        annotation = self.session.annotation(claim.id)
        first = self.analysis.sentence(self.grid.first_sentence(claim.id)).text
        return (
            Content(first[:CELL_LIMIT] + ("…" if len(first) > CELL_LIMIT else "")),
            len(claim.articles) or 1,
            Content(claim.status.value),
            Content(verdict_of(annotation) or "—"),
            Content((annotation.note or "") if annotation else ""),
        )

    def _sort_value(self, claim: Claim) -> object:
        if self.sort_key == "order":
            return self.grid.claim_rank[claim.id]
        if self.sort_key == "sources":
            return (-(len(claim.articles) or 1), self.grid.claim_rank[claim.id])
        annotation = self.session.annotation(claim.id)
        if self.sort_key == "status":
            return (list(ClaimStatus).index(claim.status), self.grid.claim_rank[claim.id])
        if self.sort_key == "verdict":
            return (verdict_of(annotation) or "~", self.grid.claim_rank[claim.id])
        if self.sort_key == "note":
            note = (annotation.note or "") if annotation else ""
            return (note == "", note.casefold())
        return self.grid.claim_rank[claim.id]

    def _matches(self, claim: Claim) -> bool:
        if self.shown is Filter.CONFLICTS and claim.status is not ClaimStatus.CONFLICTING:
            return False
        annotation = self.session.annotation(claim.id)
        if self.shown is Filter.UNREVIEWED and verdict_of(annotation):
            return False
        needle = self.query_text.casefold()
        if not needle:
            return True
        if annotation and annotation.note and needle in annotation.note.casefold():
            return True
        return any(needle in self.grid.text(sid) for sid in claim.sentences)

    def refill(self) -> None:
        """Rebuild the rows from the claims, the filter and the sort order."""
        table = self.query_one(DataTable)
        chosen = (
            table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if (table.row_count)
            else None
        )
        table.clear()
        claims = [c for c in self.analysis.claims if self._matches(c)]
        claims.sort(key=self._sort_value, reverse=self.sort_reverse)
        for claim in claims:
            table.add_row(*self._row(claim), key=claim.id)
        if chosen is not None and chosen in {c.id for c in claims}:
            table.move_cursor(row=table.get_row_index(chosen))
        reviewed = len(self.session.reviewed.intersection(self.analysis.claim_index))
        self.query_one("#claims-summary", Static).update(
            Content(
                f"{len(claims)} of {len(self.analysis.claims)} claims shown · filter: "
                f"{self.shown.value} · sorted by {self.sort_key} · "
                f"{reviewed} reviewed · s sort · f filter · / find · enter jump"
            )
        )

    @on(Input.Changed, "#claims-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.refill()

    @on(Input.Submitted, "#claims-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key, self.sort_reverse = key, False
        self.refill()

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(str(event.row_key.value))

    def action_choose(self) -> None:
        """Jump to the highlighted claim in the reader."""
        table = self.query_one(DataTable)
        if table.row_count:
            self.dismiss(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def action_back(self) -> None:
        """Return to the reader without moving."""
        self.dismiss(None)

    def action_cycle_sort(self) -> None:
        """Sort by the next column (story order first)."""
        keys = ("order", *COLUMNS)
        self.sort_key = keys[(keys.index(self.sort_key) + 1) % len(keys)]
        self.sort_reverse = False
        self.refill()

    def action_cycle_filter(self) -> None:
        """Show all claims, then conflicts only, then unreviewed only."""
        self.shown = self.shown.next()
        self.refill()

    def action_tag(self, verdict: str) -> None:
        """Tag the highlighted claim (an empty verdict clears it); saved at once."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        claim_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        # The session tells every screen what came of it: the reader (under this screen)
        # says so, and this table is refilled from the message.
        with contextlib.suppress(SaveFailed):
            self.session.tag(claim_id, Verdict(verdict) if verdict else None)

    @on(AnnotationSaved)
    def _saved(self, message: AnnotationSaved) -> None:
        self.refill()

    def action_focus_search(self) -> None:
        """Focus the text filter."""
        self.query_one("#claims-filter", Input).focus()
