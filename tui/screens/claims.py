"""The claims view: the triage list of every claim, conflicts first, sortable and filterable."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Input, Static

from newsreader.ingest.article_names import article_name
from newsreader.model import Analysis, Claim, ClaimStatus
from tui.messages import AnnotationSaved
from tui.reading_grid import Filter, ReadingGrid
from tui.review import ReviewSession, verdict_of
from tui.screens.reviewing import ReviewingScreen, saved_text
from tui.widgets.status_line import StatusLine

CELL_LIMIT = 160
WIDE = 110  # from this many columns on, the table has a Note column
# Sort keys in the order `s` cycles through them; "status" puts conflicts first.
SORTS = ("status", "order", "claim", "sources", "outlets", "verdict", "note")
# Triage order: what the sources disagree on, then what only one states, then the rest.
STATUS_RANK = {
    ClaimStatus.CONFLICTING: 0,
    ClaimStatus.SINGLE_SOURCE: 1,
    ClaimStatus.CORROBORATED: 2,
}


class ClaimsTable(DataTable):
    """The rows of claims: Home and End go to the first and last row, as in the reader."""

    BINDINGS = [
        Binding("home", "screen.edge(-1)", "First", show=False),
        Binding("end", "screen.edge(1)", "Last", show=False),
    ]


class ClaimsScreen(ReviewingScreen):
    """All claims in a table, conflicts first; enter jumps to the claim in the reader
    (dismisses with its id)."""

    BINDINGS = [
        Binding("enter", "choose", "Jump", id="claims.jump", tooltip="jump to the claim"),
        Binding("tab,escape", "back", "Reader", id="claims.back", tooltip="back to the reader"),
        Binding(
            "space",
            "expand",
            "Expand",
            id="claims.expand",
            tooltip="show every sentence of the claim (again: fold)",
        ),
        Binding("j", "move(1)", "Down", id="claims.down", show=False, tooltip="next row"),
        Binding("k", "move(-1)", "Up", id="claims.up", show=False, tooltip="previous row"),
        Binding("g", "edge(-1)", "First", id="claims.first", show=False, tooltip="first row"),
        Binding("G", "edge(1)", "Last", id="claims.last", show=False, tooltip="last row"),
        Binding("m", "view('matrix')", "Matrix", id="claims.matrix", tooltip="coverage matrix"),
        Binding(
            "s", "view('scorecard')", "Scorecard", id="claims.scorecard", tooltip="source scorecard"
        ),
        Binding(
            "r",
            "cycle_sort",
            "Sort",
            id="claims.sort",
            tooltip="sort by status → order → text → sources → outlets → verdict → note",
        ),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="claims.filter",
            tooltip="show all claims → conflicts → unreviewed",
        ),
        Binding("c", "next_row('conflict')", "Conflict", id="claims.c", tooltip="next conflict"),
        Binding(
            "u", "next_row('unreviewed')", "Unreviewed", id="claims.u", tooltip="next unreviewed"
        ),
        Binding("slash", "focus_search", "Find", id="claims.find", tooltip="filter by text"),
        Binding("v", "tag('verified')", "Verified", id="claims.verified", tooltip="tag verified"),
        Binding("d", "tag('disputed')", "Disputed", id="claims.disputed", tooltip="tag disputed"),
        Binding("x", "tag('')", "Clear", id="claims.clear", tooltip="clear the verdict"),
        Binding("n", "note", "Note", id="claims.note", tooltip="write a note on the claim"),
        Binding("e", "export", "Export", id="claims.export", tooltip="export the verdicts (JSON)"),
        Binding("question_mark", "app.help", "Help", id="claims.help", tooltip="this help"),
        Binding("q", "app.quit", "Quit", id="claims.quit", tooltip="quit (all is saved)"),
    ]

    def __init__(
        self, analysis: Analysis, grid: ReadingGrid, session: ReviewSession, shown: Filter
    ) -> None:
        super().__init__()
        self.analysis = analysis
        self.grid = grid
        self.session = session
        self.shown = shown
        self.sort_key = "status"
        self.sort_reverse = False
        self.query_text = ""
        self.expanded: set[str] = set()
        self.show_notes = True
        # The view to open instead of the reader when this one closes ("m", "s").
        self.next_view = ""
        self.status = StatusLine()
        articles = analysis.story.articles
        self.outlet_names = {
            a.id: article_name(a, position) for position, a in enumerate(articles, start=1)
        }

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ filter claims by text or note", id="claims-filter")
        yield Static(id="claims-summary", markup=False)
        yield ClaimsTable(id="claims-table", cursor_type="row", zebra_stripes=True)
        yield self.status
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.analysis.story.title
        self.sub_title = "claims"
        table = self.query_one(DataTable)
        width = self.size.width
        # Fixed widths: cells hold untrusted text of any length. Narrow terminals show the
        # notes only in the reader's panel.
        self.show_notes = width >= WIDE
        note_width = max(10, width // 8) if self.show_notes else 0
        outlets_width = max(12, width // 6)
        padding = 2 * (6 if self.show_notes else 5) + 2
        claim_width = max(20, width - note_width - outlets_width - 3 - 13 - 8 - padding)
        table.add_column("Claim", key="claim", width=claim_width)
        table.add_column("Src", key="sources", width=3)
        table.add_column("Outlets", key="outlets", width=outlets_width)
        table.add_column("Status", key="status", width=13)
        table.add_column("Verdict", key="verdict", width=8)
        if self.show_notes:
            table.add_column("Note", key="note", width=note_width)
        self.refill()
        table.focus()
        self.status.show_position("space: every sentence of a claim · enter: read it in place")

    def _outlets(self, claim: Claim) -> str:
        return ", ".join(self.outlet_names[a] for a in claim.articles if a in self.outlet_names)

    def _claim_cell(self, claim: Claim) -> Content | Text:
        first = self.analysis.sentence(self.grid.first_sentence(claim.id)).text
        if claim.id not in self.expanded:
            cut = first[:CELL_LIMIT] + ("…" if len(first) > CELL_LIMIT else "")
            marker = "▸ " if len(claim.sentences) > 1 else "  "
            return Content(marker + cut)
        # Rich Text wraps in the cell; built from plain strings, it never reads markup.
        cell = Text(end="")
        for sid in sorted(claim.sentences, key=self.grid.position.__getitem__):
            sentence = self.analysis.sentence(sid)
            name = self.outlet_names.get(sentence.article_id, sentence.article_id)
            if cell:
                cell.append("\n")
            cell.append(f"▾ {name}: ", style="bold")
            cell.append(sentence.text)
        return cell

    def _row(self, claim: Claim) -> tuple[object, ...]:
        annotation = self.session.annotation(claim.id)
        cells = (
            self._claim_cell(claim),
            len(claim.articles) or 1,
            Content(self._outlets(claim)),
            Content(self.grid.status(claim.id).value),
            Content(verdict_of(annotation) or "—"),
            Content((annotation.note or "") if annotation else ""),
        )
        return cells if self.show_notes else cells[:-1]

    def _sort_value(self, claim: Claim) -> object:
        rank = self.grid.claim_rank[claim.id]
        key = self.sort_key
        if key == "status":
            sources = len(claim.articles) or 1
            return (STATUS_RANK[self.grid.status(claim.id)], -sources, rank)
        if key == "claim":
            text = self.analysis.sentence(self.grid.first_sentence(claim.id)).text
            return (" ".join(text.split()).casefold(), rank)
        if key == "sources":
            return (-(len(claim.articles) or 1), rank)
        if key == "outlets":
            return (self._outlets(claim).casefold(), rank)
        annotation = self.session.annotation(claim.id)
        if key == "verdict":
            return (verdict_of(annotation) or "~", rank)
        if key == "note":
            note = (annotation.note or "") if annotation else ""
            return (note == "", note.casefold(), rank)
        return rank

    def _matches(self, claim: Claim) -> bool:
        if self.shown is Filter.CONFLICTS and (
            self.grid.status(claim.id) is not ClaimStatus.CONFLICTING
        ):
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

    def highlighted(self) -> str | None:
        """The id of the claim on the table's cursor row, if any."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def focused_claim(self) -> tuple[str, str] | None:
        """The highlighted claim and its first sentence."""
        claim_id = self.highlighted()
        return None if claim_id is None else (claim_id, self.grid.first_sentence(claim_id))

    def shown_claims(self) -> list[Claim]:
        """The claims the filter and the text search leave, in the sort order."""
        claims = [c for c in self.analysis.claims if self._matches(c)]
        claims.sort(key=self._sort_value, reverse=self.sort_reverse)
        return claims

    def refill(self) -> None:
        """Rebuild the rows from the claims, the filter and the sort order."""
        table = self.query_one(DataTable)
        chosen = self.highlighted()
        table.clear()
        claims = self.shown_claims()
        for claim in claims:
            table.add_row(*self._row(claim), key=claim.id, height=None)
        if chosen is not None and chosen in {c.id for c in claims}:
            table.move_cursor(row=table.get_row_index(chosen))
        reviewed = len(self.session.reviewed.intersection(self.analysis.claim_index))
        order = f"{self.sort_key}{' (reversed)' if self.sort_reverse else ''}"
        self.query_one("#claims-summary", Static).update(
            Content(
                f"{len(claims)} of {len(self.analysis.claims)} claims shown · filter: "
                f"{self.shown.value} · sorted by {order} · {reviewed} reviewed"
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
        claim_id = self.highlighted()
        if claim_id is not None:
            self.dismiss(claim_id)

    def action_back(self) -> None:
        """Return to the reader without moving."""
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        """Move the row cursor down (1) or up (-1), as the reader's j and k do."""
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_edge(self, side: int) -> None:
        """Go to the first (-1) or the last (1) row."""
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=0 if side < 0 else table.row_count - 1)

    def action_view(self, name: str) -> None:
        """Close the list and open the coverage matrix or the source scorecard."""
        self.next_view = name
        self.dismiss(None)

    def action_expand(self) -> None:
        """Show every sentence of the highlighted claim, or fold it again."""
        claim_id = self.highlighted()
        if claim_id is None:
            return
        self.expanded ^= {claim_id}
        self.refill()

    def action_cycle_sort(self) -> None:
        """Sort by the next key (conflicts first, then story order, text, ...)."""
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self.sort_reverse = False
        self.refill()

    def action_cycle_filter(self) -> None:
        """Show all claims, then conflicts only, then unreviewed only."""
        self.shown = self.shown.next()
        self.refill()

    def action_next_row(self, kind: str) -> None:
        """Move down to the next conflicting (or unreviewed) claim of the table, wrapping."""
        table = self.query_one(DataTable)
        claims = self.shown_claims()
        if not claims:
            return

        def wanted(claim: Claim) -> bool:
            if kind == "conflict":
                return self.grid.status(claim.id) is ClaimStatus.CONFLICTING
            return claim.id not in self.session.reviewed

        here = table.cursor_row
        for step in range(1, len(claims) + 1):
            row = (here + step) % len(claims)
            if wanted(claims[row]):
                table.move_cursor(row=row)
                return
        self.notify(f"No other {kind} claim in the table.", timeout=3, markup=False)

    @on(AnnotationSaved)
    def _saved(self, message: AnnotationSaved) -> None:
        self.refill()
        self.status.show_saved(f"✓ saved: {saved_text(message)}")

    def action_focus_search(self) -> None:
        """Focus the text filter."""
        self.query_one("#claims-filter", Input).focus()
