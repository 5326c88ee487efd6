"""The command palette: every action of the active screen, by name."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Provider


class ScreenActions(Provider):
    """Lists the key bindings of the screen the palette was opened on."""

    def _actions(self) -> Iterator[tuple[str, str, str]]:
        screen = self.screen
        for binding in getattr(screen, "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = binding.key.replace(",", " / ")
            title = binding.tooltip or binding.description
            yield title[:1].upper() + title[1:], binding.action, f"key: {keys}"

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        """Every action, when the palette opens."""
        for title, action, help_text in self._actions():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        """Actions whose name matches what was typed."""
        matcher = self.matcher(query)
        for title, action, help_text in self._actions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.screen.run_action, action),
                    help=help_text,
                )
