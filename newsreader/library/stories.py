"""The library of saved stories: fetching one by id and getting it ready to read.

The persistence behind it is anything that has the methods of :class:`Library` (the store
implements them); this module decides what happens when a story is opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from newsreader.annotations.anchors import Reanchored
from newsreader.errors import UserError
from newsreader.library.cache import AnalysisCache, analyse_cached, remember
from newsreader.model import Analysis, Story


class Library(AnalysisCache, Protocol):
    """What opening a story needs from the place stories are kept."""

    read_only: bool

    def load_story(self, story_id: str) -> Story:
        """The saved snapshot of a story (KeyError when there is none)."""
        ...

    def save_story(self, story: Story) -> bool:
        """Save or refresh a story's snapshot."""
        ...

    def mark_opened(self, story_id: str) -> bool:
        """Record that a saved story was opened now."""
        ...

    def reanchor(self, story_id: str, analysis: Analysis) -> Reanchored:
        """Re-attach a story's annotations to a new analysis of it."""
        ...


@dataclass(frozen=True)
class OpenedStory:
    """A story ready to read: its analysis, whether it came from the cache, its annotations."""

    story: Story
    analysis: Analysis
    cached: bool
    anchored: Reanchored


def library_story(library: Library, story_id: str, demo: Story | None = None) -> Story:
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


def open_story(
    library: Library,
    story: Story,
    analysis: Analysis | None = None,
    *,
    from_cache: bool = False,
) -> OpenedStory:
    """Save a story's snapshot, analyse it (or reuse the cached analysis), mark it opened and
    re-attach its annotations; a read-only library saves nothing.

    Args:
        library: where the story, its analysis and its annotations are kept.
        story: the story to open.
        analysis: an analysis of ``story`` made elsewhere (in a worker thread): it is
            cached instead of looking in the cache or analysing again.
        from_cache: ``analysis`` was just read from the cache (it is not written again).

    Raises:
        UserError: the story has fewer than two articles, or saving failed.
    """
    note_opened(library, story)
    if analysis is None:
        analysis, cached = analyse_cached(story, library)
    elif from_cache:
        cached = True
    else:
        cached = False
        remember(analysis, library)
    anchored = library.reanchor(story.id, analysis)
    return OpenedStory(story, analysis, cached, anchored)


def open_if_cached(library: Library, story: Story) -> OpenedStory | None:
    """Open a story from its cached analysis; without one, only note it opened (None: the
    caller analyses it, then calls open_story with the result).

    Raises:
        UserError: the story has fewer than two articles, or saving failed.
    """
    from newsreader.library.cache import load_cached

    cached = load_cached(story, library)
    if cached is None:
        note_opened(library, story)
        return None
    return open_story(library, story, cached, from_cache=True)


def note_opened(library: Library, story: Story) -> None:
    """Save a story's snapshot and mark it opened now (nothing in a read-only library).

    Raises:
        UserError: the story has fewer than two articles, or saving failed.
    """
    if len(story.articles) < 2:
        raise UserError(
            f"story {story.id!r} has {len(story.articles)} article(s); a story needs at least "
            f"two to compare (add one: newsreader add PATH --story {story.id})"
        )
    if not library.read_only:
        library.save_story(story)
        library.mark_opened(story.id)


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
