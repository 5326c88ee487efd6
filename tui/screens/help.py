"""The help screen: every key of the reader and the claims view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.article_view import status_mark

LEGEND = [
    (status_mark("corroborated", 3), "corroborated by three or more sources"),
    (status_mark("corroborated", 2), "corroborated by two sources"),
    (status_mark("conflicting", 2), "conflicting: a counterpart states incompatible facts"),
    (status_mark("single-source", 1), "single-source: only this article says it"),
    ("✓ / ✗", "you tagged the claim verified / disputed"),
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
        """The help text: keys per view, mouse, palette, symbols."""
        lines: list[Content] = []
        for title, bindings in self.sections:
            lines.append(Content(title).stylize("bold underline"))
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                keys = " / ".join(
                    self.app.get_key_display(Binding(key, binding.action))
                    for key in binding.key.split(",")
                )
                text = binding.tooltip or binding.description
                lines.append(Content(f"  {keys:<16} ") + Content(text))
            lines.append(Content(""))
        lines.append(Content("Also").stylize("bold underline"))
        lines.append(Content(f"  {'click':<16} move the cursor to a sentence"))
        lines.append(Content(f"  {'ctrl+p':<16} command palette: every action by name"))
        lines.append(Content(f"  {'ctrl+q':<16} quit from anywhere"))
        lines.append(Content(""))
        lines.append(Content("Gutter symbols").stylize("bold underline"))
        for mark, meaning in LEGEND:
            lines.append(Content(f"  {mark:<16} {meaning}"))
        return Content("\n").join(lines)
