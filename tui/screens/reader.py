"""The reader: articles side by side, a sentence cursor, verdicts saved at once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header

from newsreader.anchors import targets_for_claim
from newsreader.errors import UserError
from newsreader.model import Analysis, Verdict
from store import AnnotationStore
from tui.messages import ClaimTagged, SentenceClicked
from tui.widgets.column import ArticleColumn
from tui.widgets.sentence import SentenceView


class ReaderScreen(Screen[None]):
    """Columns of articles with a sentence cursor; tags claims as verified or disputed."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Next", id="reader.next"),
        Binding("k,up", "move(-1)", "Prev", id="reader.prev"),
        Binding("l,right", "column(1)", "Next col", id="reader.next_column"),
        Binding("h,left", "column(-1)", "Prev col", id="reader.prev_column"),
        Binding("v", "tag('verified')", "Verified", id="reader.verified"),
        Binding("d", "tag('disputed')", "Disputed", id="reader.disputed"),
        Binding("x", "tag('')", "Clear", id="reader.clear"),
        Binding("q", "app.quit", "Quit", id="reader.quit"),
    ]

    def __init__(self, analysis: Analysis, store: AnnotationStore) -> None:
        super().__init__()
        self.analysis = analysis
        self.store = store
        self.column_index = 0
        self.row_index = 0
        self._counterparts: list[SentenceView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with HorizontalScroll(id="columns"):
            for article in self.analysis.story.articles:
                yield ArticleColumn(article, self.analysis)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.analysis.story.title
        story_id = self.analysis.story.id
        verdicts = {a.claim: a.status.value for a in self.store.all(story=story_id)}
        for view in self.query(SentenceView):
            claim = self.analysis.claim_of[view.sentence_id]
            if claim in verdicts:
                view.set_verdict(verdicts[claim])
        self._show_cursor()

    @property
    def columns(self) -> list[ArticleColumn]:
        """The article columns, in story order."""
        return list(self.query(ArticleColumn))

    @property
    def current(self) -> SentenceView:
        """The sentence under the cursor."""
        return self.columns[self.column_index].sentence_views[self.row_index]

    def _show_cursor(self) -> None:
        for view in self.query(".-cursor"):
            view.remove_class("-cursor")
        for view in self._counterparts:
            view.remove_class("-counterpart")
        current = self.current
        current.add_class("-cursor")
        column = self.columns[self.column_index]
        column.scroll_to_widget(current, animate=False)
        self.query_one("#columns", HorizontalScroll).scroll_to_widget(column, animate=False)
        self._counterparts = self._find_counterparts(current.sentence_id)
        for view in self._counterparts:
            view.add_class("-counterpart")
            view.parent.scroll_to_center(view, animate=False)  # type: ignore[union-attr]

    def _find_counterparts(self, sentence_id: str) -> list[SentenceView]:
        related = set(self.analysis.claim_for(sentence_id).sentences)
        for relation in self.analysis.relations_of(sentence_id):
            related.update((relation.a, relation.b))
        related.discard(sentence_id)
        return [v for v in self.query(SentenceView) if v.sentence_id in related]

    def action_move(self, step: int) -> None:
        """Move the cursor to the next or previous sentence of the column."""
        count = len(self.columns[self.column_index].sentence_views)
        self.row_index = max(0, min(count - 1, self.row_index + step))
        self._show_cursor()

    def action_column(self, step: int) -> None:
        """Move to the next or previous column, landing on the counterpart if there is one."""
        columns = self.columns
        target = max(0, min(len(columns) - 1, self.column_index + step))
        if target == self.column_index:
            return
        views = columns[target].sentence_views
        counterpart = next((v for v in self._counterparts if v in views), None)
        if counterpart is not None:
            self.row_index = views.index(counterpart)
        else:
            self.row_index = min(self.row_index, len(views) - 1)
        self.column_index = target
        self._show_cursor()

    @on(SentenceClicked)
    def _clicked(self, message: SentenceClicked) -> None:
        for c, column in enumerate(self.columns):
            for r, view in enumerate(column.sentence_views):
                if view.sentence_id == message.sentence_id:
                    self.column_index, self.row_index = c, r
                    self._show_cursor()
                    return

    def action_tag(self, verdict: str) -> None:
        """Tag the claim under the cursor (an empty verdict clears it)."""
        claim = self.analysis.claim_for(self.current.sentence_id)
        story = self.analysis.story.id
        try:
            if verdict:
                self.store.set_verdict(
                    story, claim.id, Verdict(verdict), targets_for_claim(self.analysis, claim)
                )
            else:
                self.store.clear(story, claim.id)
        except UserError as exc:
            self.notify(f"NOT SAVED: {exc}", severity="error", timeout=10, markup=False)
            return
        members = set(claim.sentences)
        for view in self.query(SentenceView):
            if view.sentence_id in members:
                view.set_verdict(verdict or None)
        self.post_message(ClaimTagged(claim.id, verdict or None))
        label = f"{verdict}" if verdict else "cleared"
        self.notify(f"Saved: claim {label}", timeout=2, markup=False)
