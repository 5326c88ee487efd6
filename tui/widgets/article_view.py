"""The sentences of one article, drawn line by line (one widget per article, not per sentence)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

# Gutter symbols tell the states apart without colour (monochrome terminals, NO_COLOR).
VERDICT_MARK = {"verified": "✓", "disputed": "✗"}
STATUS_MARK = {"conflicting": "≠", "single-source": "·"}
GUTTER_WIDTH = 3
CURSOR_BAR = "▌"
COUNTERPART_BAR = "│"


def status_mark(status: str, sources: int) -> str:
    """The gutter symbol of a claim status: ≡ for three or more agreeing sources."""
    if status == "corroborated":
        return "≡" if sources >= 3 else "="
    return STATUS_MARK.get(status, " ")


@dataclass(frozen=True)
class SentenceItem:
    """What the view needs to draw a sentence."""

    id: str
    text: str
    status: str
    sources: int
    diff_spans: tuple[tuple[int, int], ...] = ()


class ArticleView(ScrollView, can_focus=False):
    """An article's sentences with a gutter, a cursor bar and highlighted counterparts.

    Article text is untrusted: it only ever becomes `Content(text)`, styled by spans.
    """

    COMPONENT_CLASSES = {
        "article-view--corroborated",
        "article-view--strong",
        "article-view--conflicting",
        "article-view--single-source",
        "article-view--pending",
        "article-view--verified",
        "article-view--disputed",
        "article-view--counterpart",
        "article-view--counterpart-conflicting",
        "article-view--cursor",
        "article-view--cursor-conflicting",
        "article-view--diff",
        "article-view--hit",
        "article-view--bar",
    }

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        overflow-y: scroll;  /* a fixed width: appearing scrollbars would re-wrap it all */
    }
    """

    class Clicked(Message):
        """A sentence was clicked with the mouse."""

        def __init__(self, sentence_id: str) -> None:
            super().__init__()
            self.sentence_id = sentence_id

    def __init__(self, items: list[SentenceItem], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="article-view")
        self.items = items
        self.by_id = {item.id: item for item in items}
        self.cursor: str | None = None
        self.counterparts: frozenset[str] = frozenset()
        self.hidden: frozenset[str] = frozenset()
        self.verdicts: dict[str, str] = {}
        self.hits: dict[str, list[tuple[int, int]]] = {}
        self._lines: list[tuple[str, int] | None] = []
        self.first_line: dict[str, int] = {}
        self.line_count: dict[str, int] = {}
        self._layout_width = -1
        self._drawn_width = -1
        # Drawn lines: of every sentence as it stands unlit, and of the few under the cursor
        # or highlighted now (dropped when that changes: kept, each state of each sentence
        # would pile up, and every drawn line holds the lines Textual derives from it).
        self._strips: dict[tuple, list[Strip]] = {}
        self._lit_strips: dict[tuple, list[Strip]] = {}
        self._wrapped: dict[tuple, list[Content]] = {}
        self._base_style: RichStyle | None = None
        # Blank lines below the text, so its end can scroll above something drawn over it.
        self.reserve = 0

    # -- state ------------------------------------------------------------------------------

    def _refresh_sentences(self, sentence_ids: object) -> None:
        """Repaint only the lines of these sentences (cheap: no layout, no full repaint)."""
        for sentence_id in sentence_ids:  # type: ignore[attr-defined]
            first = self.first_line.get(sentence_id)
            if first is not None:
                self.refresh_lines(first, self.line_count[sentence_id])

    def set_cursor(self, sentence_id: str | None) -> None:
        """Draw the cursor on a sentence of this article (None: nowhere)."""
        if sentence_id != self.cursor:
            self._refresh_sentences([self.cursor, sentence_id])
            self.cursor = sentence_id
            self._lit_strips.clear()

    def set_counterparts(self, sentence_ids: frozenset[str]) -> None:
        """Highlight the counterparts of the cursor sentence in this article."""
        if sentence_ids != self.counterparts:
            self._refresh_sentences(sentence_ids ^ self.counterparts)
            self.counterparts = sentence_ids
            self._lit_strips.clear()

    def set_verdict(self, sentence_id: str, verdict: str | None) -> None:
        """Show a verdict (or none) on a sentence."""
        if self.verdicts.get(sentence_id) == verdict:
            return
        if verdict is None:
            self.verdicts.pop(sentence_id, None)
        else:
            self.verdicts[sentence_id] = verdict
        self._refresh_sentences([sentence_id])

    def set_hits(self, hits: dict[str, list[tuple[int, int]]]) -> None:
        """Mark search matches (sentence id to spans)."""
        if hits != self.hits:
            self._refresh_sentences(set(hits) | set(self.hits))
            self.hits = hits

    def set_hidden(self, sentence_ids: frozenset[str]) -> None:
        """Hide the sentences the filter leaves out."""
        if sentence_ids != self.hidden:
            self.hidden = sentence_ids
            self._layout_width = -1
            self._relayout()

    def visible(self, sentence_id: str) -> bool:
        """Whether a sentence is shown (not filtered out)."""
        return sentence_id not in self.hidden

    def marks(self, sentence_id: str) -> str:
        """The two gutter symbols of a sentence: verdict, then claim status."""
        item = self.by_id[sentence_id]
        verdict = VERDICT_MARK.get(self.verdicts.get(sentence_id, ""), " ")
        return verdict + status_mark(item.status, item.sources)

    def content_of(self, sentence_id: str) -> Content:
        """The sentence as drawn: gutter symbols, then the text with marked spans."""
        return Content(self.marks(sentence_id) + " ") + self.body_of(sentence_id)

    def body_of(self, sentence_id: str) -> Content:
        """The sentence text with differing words and search hits marked."""
        item = self.by_id[sentence_id]
        body = Content(item.text)
        if item.diff_spans:
            diff = self.get_visual_style("article-view--diff")  # its own background: a solid mark
            for start, end in item.diff_spans:
                body = body.stylize(diff, start, end)
        hits = self.hits.get(sentence_id)
        if hits:
            hit = self.get_visual_style("article-view--hit", partial=True)
            for start, end in hits:
                body = body.stylize(hit, start, end)
        return body

    # -- layout -----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """Theme or CSS changed: drop cached lines."""
        super().notify_style_update()
        self._strips.clear()
        self._lit_strips.clear()
        self._wrapped.clear()
        self._base_style = None

    def _text_width(self) -> int:
        # The width of scrollable_content_region, from the size kept at the last layout:
        # asking the screen where the view is costs a map of every widget while it is stale.
        inner = self.outer_size.width - self.styles.gutter.width - self.scrollbar_gutter.width
        return max(4, inner - 1)

    def _relayout(self) -> None:
        """Work out which line of the view belongs to which sentence."""
        width = self._text_width()
        if width == self._layout_width and self._lines:
            return
        if width != self._drawn_width:
            # Drawn lines depend on the width, not on where they sit (a filter moves them).
            self._strips.clear()
            self._lit_strips.clear()
            self._drawn_width = width
        self._layout_width = width
        lines: list[tuple[str, int] | None] = []
        self.first_line.clear()
        self.line_count.clear()
        for item in self.items:
            if item.id in self.hidden:
                continue
            count = len(self._wrap(item.id, width)) or 1
            self.first_line[item.id] = len(lines)
            self.line_count[item.id] = count
            lines.extend((item.id, k) for k in range(count))
            lines.append(None)
        self._lines = lines
        self._set_virtual_size(Size(width + 1, len(lines) + self.reserve))
        self.refresh()

    def set_reserve(self, lines: int) -> None:
        """Leave this many blank lines below the text (0: none)."""
        if lines != self.reserve:
            self.reserve = lines
            if self._lines:
                self._set_virtual_size(Size(self._layout_width + 1, len(self._lines) + lines))

    def _set_virtual_size(self, size: Size) -> None:
        """Change how many lines there are to scroll through, without a screen layout.

        The view's own size never depends on its lines (a fixed width, a share of the
        column's height), so only the scrollbar and the scroll limits need to follow; the
        layout the reactive would ask for redraws every column on screen.
        """
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)

    def ensure_layout(self) -> None:
        """Lay the sentences out for the current width, if not done yet."""
        if self._layout_width != self._text_width() or not self._lines:
            self._relayout()

    @property
    def line_total(self) -> int:
        """How many lines the shown sentences take (with the blank line after each)."""
        return len(self._lines)

    def sentence_at(self, line: int) -> str | None:
        """The sentence drawn on a line of the whole view (not the viewport)."""
        if 0 <= line < len(self._lines):
            entry = self._lines[line] or (self._lines[line - 1] if line else None)
            return entry[0] if entry else None
        return None

    # -- drawing ----------------------------------------------------------------------------

    def _state_classes(self, sentence_id: str) -> tuple[str, ...]:
        item = self.by_id[sentence_id]
        names = [f"article-view--{item.status}"]
        if item.status == "corroborated" and item.sources >= 3:
            names.append("article-view--strong")
        verdict = self.verdicts.get(sentence_id)
        if verdict:
            names.append(f"article-view--{verdict}")
        # A conflicting sentence keeps a conflict colour under the cursor and the highlight.
        if sentence_id in self.counterparts:
            names.append("article-view--counterpart")
            if item.status == "conflicting":
                names.append("article-view--counterpart-conflicting")
        if sentence_id == self.cursor:
            names.append("article-view--cursor")
            if item.status == "conflicting":
                names.append("article-view--cursor-conflicting")
        return tuple(names)

    def _wrap(self, sentence_id: str, width: int) -> list[Content]:
        """The sentence's marked text wrapped to the width (wrapping is the slow part)."""
        key = (sentence_id, width, tuple(self.hits.get(sentence_id, ())))
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrapped[key] = self.body_of(sentence_id).wrap(width - GUTTER_WIDTH)
        return lines

    def _sentence_strips(self, sentence_id: str) -> list[Strip]:
        classes = self._state_classes(sentence_id)
        width = self._layout_width
        key = (
            sentence_id,
            classes,
            width,
            tuple(self.hits.get(sentence_id, ())),
        )
        lit = sentence_id == self.cursor or sentence_id in self.counterparts
        cache = self._lit_strips if lit else self._strips
        strips = cache.get(key)
        if strips is not None:
            return strips
        style = self.get_visual_style(*classes)
        gutter = Content(self.marks(sentence_id) + " ")
        lines = self._wrap(sentence_id, width) or [Content("")]
        bar_style = self.get_visual_style(*classes, "article-view--bar").rich_style
        bar = (
            CURSOR_BAR
            if sentence_id == self.cursor
            else COUNTERPART_BAR
            if sentence_id in self.counterparts
            else " "
        )
        indent = Content(" " * GUTTER_WIDTH)
        strips = []
        for index, line in enumerate(lines):
            segments = ((gutter if index == 0 else indent) + line).render_segments(style)
            strip = Strip([Segment(bar, bar_style), *segments])
            strips.append(strip.crop_extend(0, width + 1, style.rich_style))
        cache[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        """One line of the viewport."""
        if self._layout_width != self._text_width():
            self._relayout()
        line = self.scroll_offset.y + y
        entry = self._lines[line] if 0 <= line < len(self._lines) else None
        if entry is None:
            if self._base_style is None:
                self._base_style = self.rich_style
            return Strip.blank(self._layout_width + 1, self._base_style)
        strips = self._sentence_strips(entry[0])
        if entry[1] >= len(strips):
            return Strip.blank(len(strips[0]))
        # A copy: what Textual derives from a line (crops, styles, the compositor's cuts) is
        # cached on it, and would live as long as the kept line, for every state it was in.
        strip = strips[entry[1]]
        return Strip(list(strip), strip.cell_length)

    def on_click(self, event: Click) -> None:
        """Move the cursor to the clicked sentence."""
        sentence_id = self.sentence_at(self.scroll_offset.y + event.y)
        if sentence_id is not None:
            event.stop()
            self.post_message(self.Clicked(sentence_id))
