"""One sentence of an article column, rendered as plain text with marked spans."""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from tui.messages import SentenceClicked

GUTTER = {
    "verified": "✓",
    "disputed": "✗",
    "conflicting": "≠",
    "corroborated": "=",
    "single-source": "·",
}


class SentenceView(Static):
    """A sentence with a gutter symbol for its state; article text is never parsed as markup."""

    def __init__(
        self,
        sentence_id: str,
        text: str,
        status: str,
        spans: list[tuple[int, int]],
        sources: int,
    ) -> None:
        super().__init__(classes=f"sentence -{status}")
        self.sentence_id = sentence_id
        self.text = text
        self.status = status
        self.spans = spans
        self.sources = sources
        self.verdict: str | None = None
        if status == "corroborated" and sources >= 3:
            self.add_class("-strong")

    def on_mount(self) -> None:
        self.refresh_content()

    def set_verdict(self, verdict: str | None) -> None:
        """Show a verdict (or none) on this sentence."""
        self.verdict = verdict
        self.set_class(verdict == "verified", "-verified")
        self.set_class(verdict == "disputed", "-disputed")
        self.refresh_content()

    def refresh_content(self) -> None:
        """Rebuild the rendered text from the sentence and its state."""
        symbol = GUTTER[self.verdict or self.status]
        body = Content(self.text)
        for start, end in self.spans:
            body = body.stylize("bold reverse", start, end)
        self.update(Content(f"{symbol} ") + body)

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(SentenceClicked(self.sentence_id))
