"""The coverage matrix, drawn line by line: claims down, sources across, a cell cursor.

Only the lines and columns on screen are drawn, so a story of hundreds of articles and
thousands of claims opens as fast as a small one. The claim text stays on the left while
the source columns scroll sideways under a header naming each source.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from newsreader.library.coverage import CoverageRow, Mark

# Marks tell the cells apart without colour (monochrome terminals, NO_COLOR).
MARK_GLYPH = {Mark.STATES: "●", Mark.DIFFERS: "≠", Mark.SILENT: " "}
VERDICT_GLYPH = {"verified": "✓", "disputed": "✗"}
LABEL_LIMIT = 12
COMPACT_WIDTH = 4
MIN_TEXT_WIDTH = 24
# Left of the claim text: the number of sources (3), a space, the verdict mark, a space.
LEAD_WIDTH = 6


def column_label(name: str, compact: bool, position: int) -> str:
    """A source's header: its name cut to fit (compact: its column number)."""
    if compact:
        return str(position)
    name = " ".join(name.split())
    return name if len(name) <= LABEL_LIMIT else name[: LABEL_LIMIT - 1] + "…"


@dataclass(frozen=True)
class GridCursor:
    """Where the cursor is: a row of the shown rows and a source column."""

    row: int
    column: int


class CoverageGrid(ScrollView, can_focus=True):
    """Claims as rows, sources as columns; ● states, ≠ differs, blank silent.

    Source names and claim texts are untrusted: they only ever become `Content(text)`.
    """

    COMPONENT_CLASSES = {
        "coverage-grid--header",
        "coverage-grid--header-cursor",
        "coverage-grid--states",
        "coverage-grid--differs",
        "coverage-grid--cursor",
        "coverage-grid--cursor-row",
        "coverage-grid--verified",
        "coverage-grid--disputed",
    }

    DEFAULT_CSS = """
    CoverageGrid {
        height: 1fr;
        overflow-x: auto;
        overflow-y: auto;
    }
    """

    BINDINGS = [
        Binding("j,down", "move(1, 0)", "Down", show=False, id="matrix.down", tooltip="next claim"),
        Binding("k,up", "move(-1, 0)", "Up", show=False, id="matrix.up", tooltip="previous claim"),
        Binding(
            "l,right", "move(0, 1)", "Right", show=False, id="matrix.right", tooltip="next source"
        ),
        Binding(
            "h,left", "move(0, -1)", "Left", show=False, id="matrix.left", tooltip="previous source"
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="matrix.page_down",
            tooltip="a page down",
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="matrix.page_up", tooltip="a page up"
        ),
        Binding(
            "home,g", "edge(-1)", "First", show=False, id="matrix.first", tooltip="first claim"
        ),
        Binding("end,G", "edge(1)", "Last", show=False, id="matrix.last", tooltip="last claim"),
    ]

    class Moved(Message):
        """The cursor moved (or the rows changed under it)."""

    class Chosen(Message):
        """Enter (or a click on the cursor cell): jump to the row's claim in this source."""

        def __init__(self, row: CoverageRow, column: int) -> None:
            super().__init__()
            self.row = row
            self.column = column

    def __init__(self, names: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.names = names
        self.rows: list[CoverageRow] = []
        self.article_ids: list[str] = []
        self.verdicts: dict[str, str] = {}
        self.cursor = GridCursor(0, 0)
        self.compact = False
        self._widths: list[int] = []
        self._longest = 0
        self._offsets: list[int] = []
        self._labels: list[str] = []
        self.set_compact(False)

    # -- state ------------------------------------------------------------------------------

    def set_rows(self, rows: list[CoverageRow], article_ids: list[str]) -> None:
        """Show these rows; the cursor stays on its claim when it is still shown."""
        claim = self.current_row.claim.id if self.current_row else None
        self.rows = rows
        self.article_ids = article_ids
        self._longest = max((len(row.text) for row in rows), default=0)
        index = next((n for n, r in enumerate(rows) if r.claim.id == claim), 0)
        self.cursor = GridCursor(index, min(self.cursor.column, max(0, len(article_ids) - 1)))
        self._resize()
        self.refresh()
        self.call_after_refresh(self._cursor_shown)
        self.post_message(self.Moved())

    def set_verdicts(self, verdicts: dict[str, str]) -> None:
        """The user's verdict by claim id ("verified" / "disputed")."""
        self.verdicts = verdicts
        self.refresh()

    def set_compact(self, compact: bool) -> None:
        """Narrow source columns headed by their numbers (True) or by their names."""
        self.compact = compact
        self._labels = [
            column_label(name, compact, n) for n, name in enumerate(self.names, start=1)
        ]
        self._widths = [
            COMPACT_WIDTH if compact else max(3, len(label)) + 1 for label in self._labels
        ]
        self._offsets = [0, *accumulate(self._widths)]
        self._resize()
        self.refresh()
        self.call_after_refresh(self._cursor_shown)

    @property
    def current_row(self) -> CoverageRow | None:
        """The row under the cursor (None when no row is shown)."""
        return self.rows[self.cursor.row] if 0 <= self.cursor.row < len(self.rows) else None

    def visible_columns(self) -> tuple[int, int]:
        """The first and last source column (0-based) on screen, at least in part."""
        if not self._widths:
            return (0, -1)
        left = round(self.scroll_offset.x)
        window = max(1, self._window_width())
        first = max(0, bisect_right(self._offsets, left) - 1)
        last = max(first, bisect_right(self._offsets, left + window - 1) - 1)
        return first, min(last, len(self._widths) - 1)

    def cut_at_right(self) -> bool:
        """Whether some source column, or part of one, lies past the right edge."""
        if not self._widths:
            return False
        return self._columns_width() > round(self.scroll_offset.x) + max(1, self._window_width())

    def column_box(self, column: int) -> tuple[int, int]:
        """Where a source column is drawn now: its first and past-last x in the viewport
        (outside the viewport's range when it is scrolled off)."""
        start = self.fixed_width() + self._offsets[column] - round(self.scroll_offset.x)
        return start, start + self._widths[column]

    # -- geometry ---------------------------------------------------------------------------

    def _columns_width(self) -> int:
        return self._offsets[-1]

    def fixed_width(self) -> int:
        """Width of the part that does not scroll sideways: counts, verdict, claim text.

        As wide as the longest claim needs, narrower when the sources would not fit beside
        it, but never under 45% of the width (the sources scroll then).
        """
        width = self.scrollable_content_region.width or self.size.width
        natural = LEAD_WIDTH + self._longest + 1
        fixed = min(natural, max(width - self._columns_width(), int(width * 0.45)))
        return max(LEAD_WIDTH + MIN_TEXT_WIDTH, fixed)

    def _window_width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(0, width - self.fixed_width())

    def _resize(self) -> None:
        self.virtual_size = Size(
            self.fixed_width() + self._columns_width(), max(1, len(self.rows) + 1)
        )

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Moved())

    def on_resize(self, event: events.Resize) -> None:
        self._resize()
        self.call_after_refresh(self._cursor_shown)

    def _cursor_shown(self) -> None:
        """Once laid out anew: scroll to the cursor and tell what is on screen now."""
        self.show_cursor()
        self.post_message(self.Moved())

    def _visual(self, *names: str) -> VisualStyle:
        """The widget's style with these component classes (Textual caches it)."""
        return self.get_visual_style(*(f"coverage-grid--{n}" for n in names))

    def _style(self, *names: str) -> RichStyle:
        return self._visual(*names).rich_style

    # -- the cursor -------------------------------------------------------------------------

    def _move_to(self, row: int, column: int) -> None:
        row = max(0, min(row, len(self.rows) - 1))
        column = max(0, min(column, len(self.article_ids) - 1))
        cursor = GridCursor(row, column)
        if cursor == self.cursor:
            return
        previous, self.cursor = self.cursor, cursor
        self.refresh_lines(previous.row + 1)
        self.refresh_lines(cursor.row + 1)
        self.refresh(Region(0, 0, self.size.width, 1))
        self.show_cursor()
        self.post_message(self.Moved())

    def show_cursor(self) -> None:
        """Scroll so the cursor cell is on screen."""
        if not self.rows:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        y = self.scroll_offset.y
        if self.cursor.row < y:
            y = self.cursor.row
        elif self.cursor.row >= y + height:
            y = self.cursor.row - height + 1
        x = round(self.scroll_offset.x)
        window = self._window_width()
        start = self._offsets[self.cursor.column] if self._widths else 0
        end = start + (self._widths[self.cursor.column] if self._widths else 0)
        if start < x:
            x = start
        elif end > x + window:
            x = max(0, end - window)
        if (x, y) != (round(self.scroll_offset.x), self.scroll_offset.y):
            self.scroll_to(x=x, y=y, animate=False, immediate=True)

    def action_move(self, rows: int, columns: int) -> None:
        """Move the cursor by rows and source columns."""
        self._move_to(self.cursor.row + rows, self.cursor.column + columns)

    def action_page(self, step: int) -> None:
        """Move the cursor a screen up or down."""
        height = max(1, self.scrollable_content_region.height - 2)
        self._move_to(self.cursor.row + step * height, self.cursor.column)

    def action_edge(self, step: int) -> None:
        """Move the cursor to the first or the last row."""
        self._move_to(0 if step < 0 else len(self.rows) - 1, self.cursor.column)

    def action_choose(self) -> None:
        """Ask to jump to the claim under the cursor."""
        row = self.current_row
        if row is not None and self.article_ids:
            self.post_message(self.Chosen(row, self.cursor.column))

    def on_click(self, event: events.Click) -> None:
        """Move the cursor to the clicked cell (a second click on it jumps there)."""
        event.stop()
        fixed = self.fixed_width()
        row = self.cursor.row if event.y == 0 else self.scroll_offset.y + event.y - 1
        if event.x >= fixed:
            column = bisect_right(self._offsets, round(self.scroll_offset.x) + event.x - fixed) - 1
        else:
            column = self.cursor.column
        if not (0 <= row < len(self.rows) and 0 <= column < len(self.article_ids)):
            return
        if GridCursor(row, column) == self.cursor and event.y > 0:
            self.action_choose()
        else:
            self._move_to(row, column)

    # -- drawing ----------------------------------------------------------------------------

    def _fixed_part(self, row: CoverageRow | None, width: int, on_cursor: bool) -> Strip:
        if row is None:
            text = Content(f"{'#':>3}   claim")
            style = self._visual("header")
        else:
            verdict = self.verdicts.get(row.claim.id, "")
            glyph = Content(VERDICT_GLYPH.get(verdict, " "))
            if verdict:
                glyph = glyph.stylize(
                    self.get_visual_style(f"coverage-grid--{verdict}", partial=True)
                )
            text = Content(f"{row.sources:>3} ") + glyph + Content(" ") + Content(row.text)
            style = self._visual("cursor-row") if on_cursor else self._visual()
        line = text.truncate(max(1, width - 1), ellipsis=True, pad=True)
        return Strip(line.render_segments(style)).crop_extend(0, width, style.rich_style)

    def _cells(self, row: CoverageRow | None, first: int, last: int, on_cursor: bool) -> Strip:
        segments = []
        for column in range(first, last + 1):
            width = self._widths[column]
            if row is None:
                label = self._labels[column]
                cell = label.ljust(width)
                name = "header-cursor" if column == self.cursor.column else "header"
                segments.append(Segment(cell, self._style(name)))
                continue
            mark = row.cell(self.article_ids[column]).mark
            cell = MARK_GLYPH[mark].center(width - 1) + " "
            names = ["cursor-row"] if on_cursor else []
            if mark is not Mark.SILENT:
                names.append(mark.value)
            if on_cursor and column == self.cursor.column:
                names.append("cursor")
            segments.append(Segment(cell, self._style(*names)))
        return Strip(segments)

    def render_line(self, y: int) -> Strip:
        """One line of the viewport: the header on top, then one row per line."""
        width = self.scrollable_content_region.width or self.size.width
        fixed = min(width, self.fixed_width())
        if y == 0:
            row, index = None, -1
        else:
            index = self.scroll_offset.y + y - 1
            if not 0 <= index < len(self.rows):
                return Strip.blank(width, self._style())
            row = self.rows[index]
        on_cursor = index == self.cursor.row
        left = self._fixed_part(row, fixed, on_cursor)
        if not self._widths or fixed >= width:
            return left.crop_extend(0, width, self._style())
        x = round(self.scroll_offset.x)
        first, last = self.visible_columns()
        cells = self._cells(row, first, last, on_cursor)
        start = x - self._offsets[first]
        right = cells.crop(start, start + width - fixed)
        return Strip.join([left, right]).crop_extend(0, width, self._style())
