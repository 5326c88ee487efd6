"""The reader: articles side by side, a sentence cursor, verdicts and notes saved at once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.widgets import Footer, Header, Input

from newsreader.library.opening import read_only_title
from newsreader.model import Analysis
from store import AnnotationStore
from store.ui_state import ReaderPosition, save_position
from tui.idle_collection import IdleCollector
from tui.messages import AnnotationSaved
from tui.reading_grid import Filter, ReadingGrid
from tui.review import ReviewSession, verdict_of
from tui.screens.reviewing import ReviewingScreen, saved_text
from tui.widgets.article_view import ArticleView
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.column import ArticleColumn, fit_columns, is_compact
from tui.widgets.legend import Legend
from tui.widgets.search_bar import SearchBar
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from newsreader.library.coverage import Coverage

POSITION_SAVE_DELAY = 1.0
LEGEND_PREFERENCE = "legend"


class ColumnStrip(HorizontalScroll, can_focus=False):
    """The articles side by side. It scrolls to follow the cursor but never takes focus:
    arrows, Home and End are the reader's keys even when the columns do not all fit."""


class ReaderScreen(ReviewingScreen):
    """Columns of articles with a sentence cursor; tags claims and keeps notes."""

    # Nothing takes focus on its own: every key is the reader's until the search opens.
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding(
            "j,down",
            "move(1)",
            "Next",
            id="reader.next",
            show=False,
            tooltip="next sentence in the column",
        ),
        Binding(
            "k,up",
            "move(-1)",
            "Prev",
            id="reader.prev",
            show=False,
            tooltip="previous sentence in the column",
        ),
        Binding(
            "l,right",
            "column(1)",
            "Next col",
            id="reader.next_column",
            show=False,
            tooltip="next column (lands on the counterpart)",
        ),
        Binding(
            "h,left",
            "column(-1)",
            "Prev col",
            id="reader.prev_column",
            show=False,
            tooltip="previous column (lands on the counterpart)",
        ),
        Binding(
            "g,home",
            "edge(-1)",
            "First",
            id="reader.first",
            show=False,
            tooltip="first sentence of the column",
        ),
        Binding(
            "G,end",
            "edge(1)",
            "Last",
            id="reader.last",
            show=False,
            tooltip="last sentence of the column",
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            id="reader.page_down",
            show=False,
            tooltip="a screenful down the column",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            id="reader.page_up",
            show=False,
            tooltip="a screenful up the column",
        ),
        Binding(
            "c",
            "conflict(1)",
            "Conflict",
            id="reader.next_conflict",
            tooltip="next conflicting claim",
        ),
        Binding(
            "C",
            "conflict(-1)",
            "Prev conflict",
            id="reader.prev_conflict",
            show=False,
            tooltip="previous conflicting claim",
        ),
        Binding(
            "u",
            "unreviewed",
            "Unreviewed",
            id="reader.next_unreviewed",
            tooltip="next claim without a verdict",
        ),
        Binding(
            "v",
            "tag('verified')",
            "Verified",
            id="reader.verified",
            tooltip="tag the claim verified",
        ),
        Binding(
            "d",
            "tag('disputed')",
            "Disputed",
            id="reader.disputed",
            tooltip="tag the claim disputed",
        ),
        Binding("x", "tag('')", "Clear", id="reader.clear", tooltip="clear the verdict"),
        Binding("n", "note", "Note", id="reader.note", tooltip="write a note on the claim"),
        Binding(
            "slash",
            "search",
            "Search",
            id="reader.search",
            tooltip="search all articles (enter: next hit)",
        ),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="reader.filter",
            tooltip="show all → conflicts → unreviewed",
        ),
        Binding(
            "p", "toggle_panel", "Panel", id="reader.panel", tooltip="show or hide the claim panel"
        ),
        Binding(
            "L",
            "toggle_legend",
            "Legend",
            id="reader.legend",
            show=False,
            tooltip="show or hide the legend line (remembered)",
        ),
        Binding("tab", "claims", "Claims", id="reader.claims", tooltip="table of all claims"),
        Binding(
            "m",
            "matrix",
            "Matrix",
            id="reader.matrix",
            tooltip="coverage matrix: which source states each claim",
        ),
        Binding(
            "s",
            "scorecard",
            "Sources",
            show=False,
            id="reader.scorecard",
            tooltip="source scorecard: per outlet, its claims and your verdicts",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="reader.export",
            tooltip="export verdicts as JSON next to the database",
        ),
        Binding("question_mark", "app.help", "Help", id="reader.help", tooltip="this help"),
        Binding("q", "app.quit", "Quit", id="reader.quit", tooltip="quit (all is saved)"),
    ]

    def __init__(
        self,
        analysis: Analysis,
        store: AnnotationStore,
        start_sentence: str | None = None,
    ) -> None:
        super().__init__()
        self.analysis = analysis
        self.store = store
        self.session = ReviewSession(analysis, store, tell=self.tell_screens)
        self.grid = ReadingGrid(analysis)
        count = len(analysis.story.articles)
        self.columns = [
            ArticleColumn(article, self.grid, index, count)
            for index, article in enumerate(analysis.story.articles)
        ]
        self._widths: list[int] = []
        first = self.grid.reading_order[0] if self.grid.reading_order else None
        known = start_sentence is not None and start_sentence in self.grid.position
        self.cursor: str | None = start_sentence if known else first
        self.shown = Filter.ALL
        self.search_hits: list[str] = []
        self._search_query = ""
        self._lit_columns: set[int] = set()
        self._focused_column = -1
        self._saved_position: str | None = self.cursor
        # Kept at hand: querying the DOM on every key press costs time with many columns.
        self.row = ColumnStrip(id="columns")
        self.panel = ClaimPanel(self.grid)
        self.status = StatusLine()
        self.legend = Legend(self.columns[0].view if self.columns else None)
        self._coverage: Coverage | None = None
        self._collector = IdleCollector()

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        # Sized before the first layout, so no article is wrapped twice.
        self._fit_columns(self.app.size.width)
        with self.row:
            yield from self.columns
        yield self.panel
        yield SearchBar()
        yield self.legend
        yield self.status
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.analysis.story.title
        self.sub_title = f"{len(self.columns)} articles · {len(self.analysis.claims)} claims"
        self.panel.display = False
        self.query_one(SearchBar).display = False
        self.legend.display = self.store.ui_state.preference(LEGEND_PREFERENCE, True)
        for sid, verdict in self._sentence_verdicts().items():
            self.view_of(sid).set_verdict(sid, verdict)
        self._refresh_headers()
        status = self.status
        read_only = read_only_title(self.store)
        if read_only is not None:
            status.show_failed(f"{read_only}; changes are not saved")
        else:
            status.show_saved(f"saving to {self.store.path}")
        self._fit_columns(self.size.width)
        if self.cursor is not None:
            # Drawn in the first frame; the scrolling waits for the layout.
            self.view_of(self.cursor).set_cursor(self.cursor)
        self._update_status()
        self.call_after_refresh(self._show_cursor, None)
        # Every column is laid out once the first frame is drawn, not on the first key that
        # lines one up: laying out a column changes its size, which redoes the screen's layout.
        self.call_after_refresh(self._lay_out_columns)
        self.call_after_refresh(self._settle_garbage_collection)
        self.set_interval(POSITION_SAVE_DELAY, self._save_position_if_moved)

    def _settle_garbage_collection(self) -> None:
        """Garbage is collected between key presses from now on (undone in on_unmount)."""
        self._collector.start()
        self.set_interval(self._collector.idle_after / 2, self._collect_garbage)

    def _collect_garbage(self) -> None:
        # Over another view, whose keys the reader does not see, only when far too much
        # has piled up.
        self._collector.tick(active=self.is_current)

    def on_key(self, event: events.Key) -> None:
        """Note that a key came (garbage waits for a pause)."""
        self._collector.touch()

    def _lay_out_columns(self) -> None:
        """Lay out every column for its width now (see on_mount)."""
        for column in self.columns:
            column.view.ensure_layout()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns(event.size.width)
        self.call_after_refresh(self._show_cursor, None)

    def _fit_columns(self, available: int) -> None:
        self._widths = fit_columns(self.columns, available)
        compact = is_compact(self.app.size.height)
        for column in self.columns:
            column.header.set_compact(compact)

    def _mark_hidden_columns(self) -> None:
        """Arrows in the headers of the first and last columns in sight when others are not."""
        left = round(self.row.scroll_x)
        right = left + self.row.scrollable_content_region.width
        start, shown = 0, []
        for index, width in enumerate(self._widths):
            if start >= left and start + width <= right + 1:
                shown.append(index)
            start += width
        if not shown:
            return
        first, last = shown[0], shown[-1]
        for index, column in enumerate(self.columns):
            column.header.set_edges(
                index == first and first > 0, index == last and last < len(self.columns) - 1
            )

    # -- the cursor -----------------------------------------------------------------------

    def view_of(self, sentence_id: str) -> ArticleView:
        """The article view that draws a sentence."""
        return self.columns[self.grid.position[sentence_id][0]].view

    @property
    def column_index(self) -> int:
        """The column of the cursor."""
        return self.grid.position[self.cursor][0] if self.cursor else 0

    @property
    def row_index(self) -> int:
        """The row of the cursor within its column."""
        return self.grid.position[self.cursor][1] if self.cursor else 0

    def _visible(self, sentence_id: str) -> bool:
        return self.grid.visible(sentence_id, self.shown, self.session.reviewed)

    def go_to(self, sentence_id: str) -> None:
        """Put the cursor on a sentence and bring its counterparts beside it."""
        if sentence_id not in self.grid.position:
            return
        previous, self.cursor = self.cursor, sentence_id
        self._show_cursor(previous)

    def _show_cursor(self, previous: str | None) -> None:
        if self.cursor is None:
            self._update_status()
            return
        cursor = self.cursor
        index = self.column_index
        column = self.columns[index]
        if previous is not None and previous in self.grid.position:
            self.view_of(previous).set_cursor(None)
        column.view.set_cursor(cursor)
        if index != self._focused_column:
            # Only the headers carry the focus class: restyling a whole column is slow.
            if 0 <= self._focused_column < len(self.columns):
                self.columns[self._focused_column].header.remove_class("-focused")
            column.header.add_class("-focused")
            self._focused_column = index
        self.row.scroll_to_widget(column, animate=False, immediate=True)
        self._mark_hidden_columns()
        self._line_up_counterparts(cursor, column.view)
        self.panel.show(cursor, self.session.annotation(self.analysis.claim_of[cursor]))
        self._update_status()

    def _covered_lines(self, view: ArticleView) -> int:
        """How many of the view's bottom lines the claim panel covers."""
        if not self.panel.display:
            return 0
        bottom = view.scrollable_content_region.bottom
        return max(0, bottom - self.panel.region.y) if self.panel.region.height else 0

    def _scroll_line(self, view: ArticleView, top: int) -> None:
        """Scroll a view to put a line at the top; near its end, blank lines make room."""
        if top > view.max_scroll_y:
            view.set_reserve(min(view.reserve + top - view.max_scroll_y, view.size.height))
        view.scroll_to(y=top, animate=False, immediate=True)

    def _line_up_counterparts(self, cursor: str, view: ArticleView) -> None:
        """Highlight the other sentences of the cursor's claim and scroll each column so
        they start on the cursor's row."""
        view.ensure_layout()
        by_column: dict[int, str] = {}
        for sid in self.grid.counterparts(cursor):
            if self._visible(sid):
                by_column[self.grid.position[sid][0]] = sid
        lines: dict[int, int] = {}
        for index, sid in by_column.items():
            other = self.columns[index].view
            other.ensure_layout()
            lines[index] = other.first_line.get(sid, 0)
        first = view.first_line.get(cursor, 0)
        height = max(1, view.scrollable_content_region.height - self._covered_lines(view))
        top = round(view.scroll_offset.y)
        if first < top:
            top = max(0, first - 1)
        elif first + view.line_count.get(cursor, 1) > top + height:
            top = max(0, min(first - 1, first + view.line_count.get(cursor, 1) - height + 1))
        # A counterpart near the top of its column cannot scroll down to a low cursor row:
        # the cursor's column moves instead.
        top = max(top, first - min(lines.values(), default=first))
        self._scroll_line(view, top)
        offset = first - top
        for index in self._lit_columns - set(by_column):
            self.columns[index].view.set_counterparts(frozenset())
        for index, sid in by_column.items():
            other = self.columns[index].view
            other.set_counterparts(frozenset((sid,)))
            self._scroll_line(other, max(0, lines[index] - offset))
        self._lit_columns = set(by_column)

    def _update_status(self) -> None:
        status = self.status
        if self.cursor is None:
            status.show_position("this story has no sentences")
            return
        claim = self.analysis.claim_for(self.cursor)
        column, row = self.grid.position[self.cursor]
        reviewed = len(self.session.reviewed)
        parts = [
            f"article {column + 1}/{len(self.columns)}",
            f"sentence {row + 1}/{len(self.grid.columns[column])}",
            f"claim {self.grid.claim_rank[claim.id] + 1}/{len(self.analysis.claims)}",
            f"{reviewed} reviewed",
            f"filter: {self.shown.value}",
        ]
        if self._search_query:
            hits = self.search_hits
            if self.cursor in hits:
                found = f"hit {hits.index(self.cursor) + 1} of {len(hits)}"
            else:
                found = f"{len(hits)} hit{'s' if len(hits) != 1 else ''}"
            parts.append(f"{found} for {self._search_query!r}")
        status.show_position(" · ".join(parts))

    # -- moving ---------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Move the cursor to the next or previous sentence of the column."""
        if self.cursor is None:
            return
        column, row = self.grid.position[self.cursor]
        ids = self.grid.columns[column]
        row += step
        while 0 <= row < len(ids):
            if self._visible(ids[row]):
                self.go_to(ids[row])
                return
            row += step

    def _shown_in_column(self) -> list[str]:
        """The sentences of the cursor's column that the filter shows."""
        return [sid for sid in self.grid.columns[self.column_index] if self._visible(sid)]

    def action_edge(self, step: int) -> None:
        """Go to the first (step -1) or last (step 1) sentence of the column."""
        if self.cursor is None:
            return
        shown = self._shown_in_column()
        if shown:
            self.go_to(shown[-1] if step > 0 else shown[0])

    def action_page(self, step: int) -> None:
        """Move the cursor a screenful down (step 1) or up (step -1) the column."""
        if self.cursor is None:
            return
        view = self.view_of(self.cursor)
        view.ensure_layout()
        height = max(2, view.scrollable_content_region.height - self._covered_lines(view))
        line = view.first_line.get(self.cursor, 0) + step * (height - 1)
        target = view.sentence_at(max(0, min(line, view.line_total - 1)))
        if target is None or target == self.cursor:
            self.action_move(step)
        else:
            self.go_to(target)

    def action_column(self, step: int) -> None:
        """Move to the next or previous column, landing on the counterpart if there is one."""
        if self.cursor is None:
            return
        column, row = self.grid.position[self.cursor]
        counterparts = self.grid.counterparts(self.cursor)
        target = column + step
        while 0 <= target < len(self.columns):
            ids = [sid for sid in self.grid.columns[target] if self._visible(sid)]
            if ids:
                landing = next(
                    (s for s in counterparts if self.grid.position[s][0] == target and s in ids),
                    None,
                )
                if landing is None:
                    landing = min(ids, key=lambda s: abs(self.grid.position[s][1] - row))
                self.go_to(landing)
                return
            target += step

    def _jump_to_claim(self, step: int, accept_claim: Callable[[str], bool], missing: str) -> None:
        if self.cursor is None:
            return
        current = self.analysis.claim_of[self.cursor]
        column = self.column_index

        def accept(claim_id: str) -> bool:
            return accept_claim(claim_id) and self._visible(self.grid.landing(claim_id, column))

        claim_id = self.grid.next_claim(current, step, accept)
        if claim_id is None:
            self.notify(missing, timeout=3, markup=False)
            return
        self.go_to(self.grid.landing(claim_id, column))

    def action_conflict(self, step: int) -> None:
        """Jump to the next (or previous) conflicting claim."""
        self._jump_to_claim(
            step,
            lambda c: self.grid.is_conflict(self.analysis.claim_index[c].sentences[0]),
            "No other conflicting claim.",
        )

    def action_unreviewed(self) -> None:
        """Jump to the next claim without a verdict."""
        self._jump_to_claim(
            1, lambda c: c not in self.session.reviewed, "Every other claim is reviewed."
        )

    @on(ArticleView.Clicked)
    def _clicked(self, message: ArticleView.Clicked) -> None:
        self.go_to(message.sentence_id)

    # -- filter, panel, search ----------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        """Show all sentences, then conflicts only, then unreviewed claims only."""
        for _ in Filter:
            self.shown = self.shown.next()
            if any(self._visible(sid) for sid in self.grid.reading_order):
                break
            self.notify(f"Nothing to show for filter '{self.shown.value}'.", markup=False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        hidden = [sid for sid in self.grid.reading_order if not self._visible(sid)]
        for column in self.columns:
            column.view.set_hidden(frozenset(s for s in hidden if s in column.view.by_id))
        if self.cursor is not None and not self._visible(self.cursor):
            follow = self._nearest_visible(self.cursor)
            if follow is not None:
                self.go_to(follow)
                return
        self.call_after_refresh(self._show_cursor, None)

    def _nearest_visible(self, sentence_id: str) -> str | None:
        """The visible sentence after this one (else before it), preferring its column."""
        column, row = self.grid.position[sentence_id]
        ids = self.grid.columns[column]
        for candidate in (*ids[row + 1 :], *reversed(ids[:row])):
            if self._visible(candidate):
                return candidate
        order = self.grid.reading_order
        rank = self.grid.order_rank[sentence_id]
        return next((s for s in (*order[rank:], *order[:rank]) if self._visible(s)), None)

    def action_toggle_panel(self) -> None:
        """Show or hide the claim panel."""
        panel = self.panel
        panel.display = not panel.display
        panel.invalidate()
        if not panel.display:
            for column in self.columns:
                column.view.set_reserve(0)
        if self.cursor is not None:
            # Filled now, so showing it and filling it take one layout pass, not two.
            panel.show(self.cursor, self.session.annotation(self.analysis.claim_of[self.cursor]))
        self.call_after_refresh(self._show_cursor, None)

    def action_toggle_legend(self) -> None:
        """Show or hide the legend line; the choice is kept for the next run."""
        self.legend.display = not self.legend.display
        if not self.session.read_only:
            try:
                self.store.ui_state.save_preference(LEGEND_PREFERENCE, self.legend.display)
            except Exception as exc:  # a lost preference must never stop the reader
                self.log.warning(f"cannot save the legend choice: {exc}")
        self.call_after_refresh(self._show_cursor, None)

    def action_search(self) -> None:
        """Open the search bar."""
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._search_query = event.value
        hits = [sid for sid in self.grid.search(event.value) if self._visible(sid)]
        self._mark_hits(hits)
        if hits and self.cursor not in hits:
            target = self.grid.next_hit(hits, self.cursor or "")
            if target is not None:
                self.go_to(target)
                return
        self._update_status()

    @on(Input.Submitted, "#search")
    def _search_next(self, event: Input.Submitted) -> None:
        event.stop()
        target = self.grid.next_hit(self.search_hits, self.cursor or "")
        if target is None:
            self.notify("No match.", timeout=2, markup=False)
        else:
            self.go_to(target)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = False
        bar.value = ""
        self._search_query = ""
        self._mark_hits([])
        self.set_focus(None)
        self._update_status()

    def _mark_hits(self, hits: list[str]) -> None:
        per_column: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(dict)
        for sid in hits:
            per_column[self.grid.position[sid][0]][sid] = self.grid.match_spans(
                sid, self._search_query
            )
        for index, column in enumerate(self.columns):
            column.view.set_hits(per_column.get(index, {}))
        self.search_hits = hits

    # -- verdicts and notes -----------------------------------------------------------------

    def focused_claim(self) -> tuple[str, str] | None:
        """The cursor's claim and sentence."""
        if self.cursor is None:
            return None
        return self.analysis.claim_of[self.cursor], self.cursor

    @on(AnnotationSaved)
    def _saved(self, message: AnnotationSaved) -> None:
        for sid in self.analysis.claim_index[message.claim_id].sentences:
            self.view_of(sid).set_verdict(sid, message.verdict)
        self._refresh_headers()
        what = saved_text(message)
        self.status.show_saved(f"✓ saved: {what}")
        self.save_position()
        self.notify(f"Saved: {what}", timeout=2, markup=False)
        if self.shown is Filter.UNREVIEWED:
            self._apply_filter()
        else:
            self.panel.invalidate()
            self._show_cursor(None)

    def _sentence_verdicts(self) -> dict[str, str]:
        """The saved verdict of every sentence whose claim carries one."""
        return {
            sid: verdict
            for claim_id, annotation in self.session.annotations.items()
            if claim_id in self.analysis.claim_index and (verdict := verdict_of(annotation))
            for sid in self.analysis.claim_index[claim_id].sentences
        }

    def _refresh_headers(self) -> None:
        for column in self.columns:
            column.header.set_verdicts(Counter(column.view.verdicts.values()))

    # -- other views ----------------------------------------------------------------------

    def action_claims(self) -> None:
        """Open the table of all claims."""

        from tui.screens.claims import ClaimsScreen  # loaded on first use: start-up time

        claims = ClaimsScreen(self.analysis, self.grid, self.session, self.shown)

        def chosen(claim_id: str | None) -> None:
            if claims.next_view == "matrix":
                self.action_matrix()  # "m" in the claims view
                return
            if claims.next_view == "scorecard":
                self.action_scorecard()  # "s" in the claims view
                return
            if claim_id is None:
                return
            target = self.grid.landing(claim_id, self.column_index)
            if not self._visible(target):
                self.shown = Filter.ALL
                self._apply_filter()
            self.go_to(target)

        self.app.push_screen(claims, chosen)

    def action_matrix(self) -> None:
        """Open the coverage matrix; enter there puts the cursor on the chosen claim."""
        from tui.screens.matrix import MatrixScreen  # loaded on first use: start-up time

        self.app.push_screen(
            MatrixScreen(self.analysis, self.session, self.coverage()), self._jump_to_sentence
        )

    def action_scorecard(self) -> None:
        """Open the source scorecard of this story."""
        from tui.screens.scorecard import ScorecardScreen  # loaded on first use

        self.app.push_screen(ScorecardScreen(self.analysis, self.session, self.coverage()))

    def coverage(self) -> Coverage:
        """The story's coverage matrix (made once, on first use)."""
        if self._coverage is None:
            from newsreader.library.coverage import coverage

            self._coverage = coverage(self.analysis)
        return self._coverage

    def _jump_to_sentence(self, sentence_id: str | None) -> None:
        """Put the cursor on a sentence, showing every sentence if the filter hides it."""
        if sentence_id is None or sentence_id not in self.grid.position:
            return
        if not self._visible(sentence_id):
            self.shown = Filter.ALL
            self._apply_filter()
        self.go_to(sentence_id)

    # -- remembering the position -----------------------------------------------------------

    def _save_position_if_moved(self) -> None:
        if self.cursor != self._saved_position:
            self.save_position()

    def save_position(self) -> None:
        """Remember the story and the sentence under the cursor for the next run."""
        if self.session.read_only:
            return
        try:
            save_position(self.store, ReaderPosition(self.analysis.story.id, self.cursor))
            self._saved_position = self.cursor
        except Exception as exc:  # a lost cursor position must never stop the reader
            self.log.warning(f"cannot save the reader position: {exc}")

    def on_unmount(self) -> None:
        self._collector.stop()
        self.save_position()
