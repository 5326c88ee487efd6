"""The reader's one-line legend: what the bars, gutter symbols and colours mean."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.widgets.article_view import COUNTERPART_BAR, CURSOR_BAR, ArticleView, status_mark

# (symbol, long meaning, short meaning, the sentence states whose colours it shows)
ENTRIES = (
    (CURSOR_BAR, "cursor", "cursor", ("article-view--cursor",)),
    (COUNTERPART_BAR, "same claim", "same claim", ("article-view--counterpart",)),
    (
        status_mark("corroborated", 3),
        "3+ sources agree",
        "3+ agree",
        ("article-view--corroborated", "article-view--strong"),
    ),
    (status_mark("corroborated", 2), "2 agree", "2 agree", ("article-view--corroborated",)),
    (status_mark("conflicting", 2), "conflict", "conflict", ("article-view--conflicting",)),
    (status_mark("single-source", 1), "one source", "1 source", ("article-view--single-source",)),
    ("✓", "verified", "verified", ("article-view--verified",)),
    ("✗", "disputed", "disputed", ("article-view--disputed",)),
)
TAIL = "? help · L hides this"


class Legend(Widget):
    """One line naming every mark, each drawn in the colours it has in the columns."""

    DEFAULT_CSS = """
    Legend {
        height: 1;
        padding: 0 1;
    }
    """

    def __init__(self, colours: ArticleView | None) -> None:
        super().__init__(id="legend")
        # The colours are those of an article view, so the legend follows the theme.
        self.colours = colours

    def entries(self, short: bool, space: str = " ") -> list[Content]:
        """Each mark with its meaning, in the style it has in the columns."""
        found = []
        for symbol, meaning, brief, classes in ENTRIES:
            text = Content(f"{symbol}{space}{brief if short else meaning}")
            if self.colours is not None:
                text = text.stylize(self.colours.get_visual_style(*classes))
            found.append(text)
        return found

    def render(self) -> Content:
        """The legend, shortened to fit the width."""
        width = self.content_region.width or self.size.width
        # From the roomiest form to the tightest (80 columns).
        forms = ((False, " ", "  ", TAIL), (True, " ", " ", TAIL), (True, "", " ", ""))
        for short, space, gap, tail in forms:
            line = Content(gap).join(self.entries(short, space))
            if tail:
                line = line + Content(gap) + Content(tail).stylize("dim")
            if line.cell_length <= width:
                return line
        return line
