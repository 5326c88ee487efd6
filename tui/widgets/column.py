"""An article column: a header and the article's sentences."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from newsreader.model import Analysis, Article, ClaimStatus
from tui.widgets.sentence import SentenceView


def conflict_spans(analysis: Analysis, sentence_id: str) -> list[tuple[int, int]]:
    """Offsets, within a sentence, of the words that differ from its counterparts."""
    spans: list[tuple[int, int]] = []
    for relation in analysis.relations_of(sentence_id):
        for reason in relation.reasons:
            spans.append(reason.a_span if relation.a == sentence_id else reason.b_span)
    return sorted(set(spans))


class ArticleColumn(VerticalScroll, can_focus=False):
    """One article of the story, sentence by sentence."""

    def __init__(self, article: Article, analysis: Analysis) -> None:
        super().__init__(classes="column")
        self.article = article
        self.analysis = analysis

    def compose(self) -> ComposeResult:
        counts = {status: 0 for status in ClaimStatus}
        for sentence in self.article.sentences:
            counts[self.analysis.claim_for(sentence.id).status] += 1
        meta = " · ".join(x for x in (self.article.outlet, self.article.date) if x)
        header = Content(self.article.title)
        if meta:
            header = header + Content("\n" + meta)
        header = header + Content(
            f"\n={counts[ClaimStatus.CORROBORATED]} "
            f"≠{counts[ClaimStatus.CONFLICTING]} "
            f"·{counts[ClaimStatus.SINGLE_SOURCE]}"
        )
        yield Static(header, classes="column-header")
        for sentence in self.article.sentences:
            claim = self.analysis.claim_for(sentence.id)
            yield SentenceView(
                sentence.id,
                sentence.text,
                claim.status.value,
                conflict_spans(self.analysis, sentence.id),
                len(claim.articles),
            )

    @property
    def sentence_views(self) -> list[SentenceView]:
        """The sentence widgets, in order."""
        return list(self.query(SentenceView))
