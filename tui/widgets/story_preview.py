"""The articles of a story side by side, plain, while they are compared: one cheap widget.

The reader's columns are many widgets each; the preview draws every column itself and wraps
only the sentences that reach the screen, so the first frame comes quickly.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from newsreader.model import Article, Story
from tui.widgets.article_view import GUTTER_WIDTH
from tui.widgets.column import (
    COMPACT_HEADER_LINES,
    FULL_HEADER_LINES,
    column_widths,
    header_lines,
    is_compact,
)

EDGE = "▕"  # the right edge of a column ("vkey" border)
RULE = "▁"  # under a column header ("hkey" border)
# Between a column's edge and its text, as in the reader: scrollbar, cursor bar and gutter.
TEXT_INSET = 2 + GUTTER_WIDTH
INDENT = Content(" " * (1 + GUTTER_WIDTH))  # where the cursor bar and the gutter will be


class ColumnText:
    """One article's sentences wrapped to a width, wrapped only as far as asked."""

    def __init__(self, article: Article, width: int) -> None:
        self.sentences = [s.text for s in article.sentences]
        self.width = width
        self.lines: list[Content | None] = []  # None: the blank line after a sentence
        self._next = 0

    def line(self, index: int) -> Content | None:
        """The index-th line of the column's text (None: blank)."""
        while len(self.lines) <= index and self._next < len(self.sentences):
            self.lines.extend(Content(self.sentences[self._next]).wrap(self.width) or [Content()])
            self.lines.append(None)
            self._next += 1
        return self.lines[index] if index < len(self.lines) else None

    def height(self) -> int:
        """How many lines the whole article takes (wraps the rest of it)."""
        self.line(1 << 30)
        return len(self.lines)


class StoryPreview(ScrollView):
    """Every article's header and sentences, in columns as wide as the reader's."""

    COMPONENT_CLASSES = {"story-preview--header", "story-preview--edge"}

    DEFAULT_CSS = """
    StoryPreview {
        height: 1fr;
        overflow-x: auto;
        overflow-y: auto;
        scrollbar-size-vertical: 0;  /* the columns take the whole width, as in the reader */
    }
    """

    def __init__(self, story: Story, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles = list(story.articles)
        self._widths: list[int] = []
        self._header_height = FULL_HEADER_LINES + 1
        self._starts: list[int] = []
        self._texts: list[ColumnText] = []
        self._headers: list[list[Content]] = []
        self._measured = False
        self._styles: tuple[VisualStyle, VisualStyle, VisualStyle, Segment] | None = None
        # Drawn lines by (row, left, right): the first frame is drawn twice at start-up.
        self._drawn: dict[tuple[int, int, int], Strip] = {}

    def _layout(self) -> None:
        """Column widths for the current size (wrapping starts again when they change) and
        the scrollable size."""
        widths = column_widths(len(self.articles), self.size.width)
        compact = is_compact(self.app.size.height)
        # As the reader's column headers: four lines and a rule, or two lines.
        header_height = COMPACT_HEADER_LINES if compact else FULL_HEADER_LINES + 1
        if widths != self._widths or header_height != self._header_height:
            self._widths = widths
            self._header_height = header_height
            self._starts = [sum(widths[:index]) for index in range(len(widths))]
            self._texts = [
                ColumnText(article, max(4, width - 1 - TEXT_INSET))
                for article, width in zip(self.articles, widths, strict=True)
            ]
            self._headers = []
            count = len(self.articles)
            for position, (article, width) in enumerate(
                zip(self.articles, widths, strict=True), start=1
            ):
                self._headers.append(
                    header_lines(article, position, width - 3, compact=compact, count=count)
                )
            self._drawn.clear()
        height = self._full_height() if self._measured else self.size.height
        if self.virtual_size != (size := Size(sum(widths), height)):
            self.virtual_size = size

    def _full_height(self) -> int:
        return self._header_height + max((text.height() for text in self._texts), default=0)

    def measure(self) -> None:
        """Wrap every sentence, to know the full height (for scrolling): after the first frame."""
        self._measured = True
        self._layout()

    def on_resize(self) -> None:
        self._layout()

    def render_line(self, y: int) -> Strip:
        """One line of the viewport: the columns it crosses, side by side."""
        self._layout()
        left = self.scroll_offset.x
        right = left + self.scrollable_content_region.width
        row = self.scroll_offset.y + y
        key = (row, left, right)
        drawn = self._drawn.get(key)
        if drawn is not None:
            return drawn
        base = self.rich_style
        strips: list[Strip] = []
        offset = 0
        for index, (start, width) in enumerate(zip(self._starts, self._widths, strict=True)):
            if start + width <= left or start >= right:
                continue
            if not strips:
                offset = start
            strips.append(self._column_line(index, row, width, base))
        drawn = self._drawn[key] = Strip.join(strips).crop(left - offset, right - offset)
        return drawn

    def notify_style_update(self) -> None:
        """Theme or CSS changed: look the styles up again."""
        super().notify_style_update()
        self._styles = None
        self._drawn.clear()

    def _line_styles(self) -> tuple[VisualStyle, VisualStyle, VisualStyle, Segment]:
        """Header, rule, text style and the column edge (looked up once per theme)."""
        if self._styles is None:
            edge = self.get_component_rich_style("story-preview--edge")
            self._styles = (
                self.get_visual_style("story-preview--header"),
                self.get_visual_style("story-preview--header", "story-preview--edge"),
                self.get_visual_style(),
                Segment(EDGE, edge),
            )
        return self._styles

    def _column_line(self, index: int, row: int, width: int, base: RichStyle) -> Strip:
        header, rule, plain, edge = self._line_styles()
        inner = width - 1
        header_height = self._header_height
        if row < header_height:
            if row == FULL_HEADER_LINES:
                segments = Content(RULE * inner).render_segments(rule)
            else:
                lines = self._headers[index]
                text = Content(" ") + (lines[row] if row < len(lines) else Content())
                segments = text.render_segments(header)
            line = Strip(list(segments)).crop_extend(0, inner, header.rich_style)
            return Strip([*line, edge])
        text = self._texts[index].line(row - header_height)
        if text is None:
            return Strip([Segment(" " * inner, base), edge])
        line = Strip(list((INDENT + text).render_segments(plain)))
        return Strip([*line.crop_extend(0, inner, base), edge])
