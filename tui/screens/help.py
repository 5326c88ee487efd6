"""The help screen: every key of the reader and the claims view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader.library.coverage import Mark
from tui.widgets.article_view import COUNTERPART_BAR, CURSOR_BAR, status_mark
from tui.widgets.column import HEADER_COUNTERS
from tui.widgets.coverage_grid import MARK_GLYPH

LEGEND = [
    (CURSOR_BAR, "the cursor: the sentence your keys act on (v, d, n tag its claim)"),
    (COUNTERPART_BAR, "the same claim in another article: exactly the sentences the panel lists"),
    (status_mark("corroborated", 3), "corroborated by three or more sources"),
    (status_mark("corroborated", 2), "corroborated by two sources"),
    (status_mark("conflicting", 2), "conflicting: the claim's sources state different facts"),
    (status_mark("single-source", 1), "single-source: only this article says it"),
    ("✓ / ✗", "you tagged the claim verified / disputed"),
]
COLOURS = [
    ("green tint", "corroborated (stronger: three or more sources)"),
    ("red tint", "conflicting, also under the cursor and the highlight"),
    ("dim text", "single-source"),
    ("highlight", "the same claim in another column (with │)"),
    ("cursor", "the sentence under the cursor (with ▌)"),
    ("reversed", "the words that differ between the sides"),
    ("underlined", "a search hit"),
    ("green / red text", "your verdict: verified / disputed"),
]
HEADER: list[tuple[str, str]] = [
    ("Outlet  2 of 5 ▸", "the outlet (else file name), the column's place; ◂ ▸: more out of sight"),
    *((f"{symbol}N", meaning) for symbol, meaning in HEADER_COUNTERS),
]


MATRIX_LEGEND = [
    (MARK_GLYPH[Mark.STATES], "the source states the claim"),
    (
        MARK_GLYPH[Mark.DIFFERS],
        "its value differs from the other sources (a side most do not take)",
    ),
    ("(blank)", "the source is silent on the claim"),
    ("#", "how many sources state the claim"),
]


class HelpScreen(ModalScreen[None]):
    """Lists the keys of each view and the meaning of the gutter symbols."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape closes"
            yield Static(self.build(), id="help-body")

    def build(self) -> Content:
        """The help text: what the marks, colours and headers mean, then the keys."""
        lines: list[Content] = []

        def section(title: str, rows: list[tuple[str, str]]) -> None:
            lines.append(Content(title).stylize("bold underline"))
            lines.extend(Content(f"  {first:<16} ") + Content(second) for first, second in rows)
            lines.append(Content(""))

        section("Marks beside the sentences", LEGEND)
        section("Colours (the marks say the same without colour)", COLOURS)
        section("Column headers (then date, author and title, when known)", HEADER)
        section("Coverage matrix marks", MATRIX_LEGEND)
        for title, bindings in self.sections:
            rows = [
                (
                    " / ".join(
                        self.app.get_key_display(Binding(key, binding.action))
                        for key in binding.key.split(",")
                    ),
                    binding.tooltip or binding.description,
                )
                for binding in bindings
                if isinstance(binding, Binding)
            ]
            section(f"Keys: {title}", rows)
        section(
            "Also",
            [
                ("click", "move the cursor to a sentence"),
                ("ctrl+p", "command palette: every action by name"),
                ("ctrl+q", "quit from anywhere"),
            ],
        )
        return Content("\n").join(lines[:-1])
