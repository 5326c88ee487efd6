"""Saved stories: fetching one by id, and when each was last opened.

Opening a story to read is :mod:`newsreader.library.opening`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from newsreader.errors import UserError
from newsreader.model import Story


class SavedStories(Protocol):
    """Where saved story snapshots are kept (the store implements it)."""

    def load_story(self, story_id: str) -> Story:
        """The saved snapshot of a story (KeyError when there is none)."""
        ...


def library_story(library: SavedStories, story_id: str, demo: Story | None = None) -> Story:
    """A saved story by id; the demo story (from the package) when it is not saved.

    Raises:
        UserError: no story with this id is saved and it is not the demo.
    """
    try:
        return library.load_story(story_id)
    except KeyError:
        pass
    if demo is None:
        from newsreader.library.demo import load_demo_story

        demo = load_demo_story()
    if story_id == demo.id:
        return demo
    raise UserError(f"no saved story {story_id!r} (see 'newsreader list')")


def last_opened(stories: Iterable[tuple[str, str | None]]) -> str | None:
    """The id of the story opened most recently, from ``(id, opened time)`` pairs."""
    opened = [(when, story_id) for story_id, when in stories if when]
    return max(opened)[1] if opened else None


def opened_label(stamp: str | None) -> str:
    """When a story was last opened, in local time to the minute ("never" when it was not)."""
    if not stamp:
        return "never"
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return "?"
