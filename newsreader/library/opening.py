"""Opening a story to read, for the command line and the app alike.

:class:`StoryOpener` is the one place that decides what opening a story means: the
two-article rule, the snapshot and "opened" time (not in a read-only library; a library
that cannot save them, a full disk, is opened read-only instead), the cached analysis or a
fresh one made by the analyser it was given, and the annotations re-attached to that
analysis. The persistence behind it is anything with the methods of
:class:`Library` (the store implements them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from newsreader.annotations.anchors import Reanchored
from newsreader.errors import UserError
from newsreader.library.cache import (
    Analyser,
    AnalysisCache,
    analyse_cached,
    load_cached,
    remember,
    run_engine,
)
from newsreader.model import Analysis, Story


class Access(Protocol):
    """Whether a library can be written, and why not."""

    path: Path
    read_only: bool
    read_only_reason: str


def read_only_title(library: Access) -> str | None:
    """The header line a read-only library shows for the whole session (None: writable)."""
    if not library.read_only:
        return None
    return f"READ-ONLY: {library.read_only_reason or f'{library.path} is in use'}"


def read_only_notice(library: Access, *, done: bool = False) -> str | None:
    """The one-line note that verdicts will not be (``done``: were not) saved; None: writable."""
    if not library.read_only:
        return None
    will = "were not saved" if done else "will not be saved"
    return f"{library.path}: {library.read_only_reason}; opened read-only, verdicts {will}"


class Library(Access, AnalysisCache, Protocol):
    """What opening a story needs from the place stories are kept."""

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

    def stop_saving(self, error: Exception) -> None:
        """Become read-only because a save failed (``error`` says why)."""
        ...


@dataclass(frozen=True)
class OpenedStory:
    """A story ready to read: its analysis, whether it came from the cache, its annotations."""

    story: Story
    analysis: Analysis
    cached: bool
    anchored: Reanchored


def check_comparable(story: Story) -> None:
    """Raise UserError unless the story has the two articles a comparison needs."""
    if len(story.articles) < 2:
        raise UserError(
            f"story {story.id!r} has {len(story.articles)} article(s); a story needs at least "
            f"two to compare (add one: newsreader add PATH --story {story.id})"
        )


class StoryOpener:
    """Opens stories from a library, analysing them with the analyser it is given.

    Args:
        library: where stories, their cached analyses and their annotations are kept.
        analyse: makes a fresh analysis on a cache miss (default: the engine).
    """

    def __init__(self, library: Library, analyse: Analyser = run_engine) -> None:
        self.library = library
        self._analyse = analyse

    def analyse(self, story: Story) -> Analysis:
        """A fresh analysis of a story (touches nothing else: safe in a worker thread)."""
        return self._analyse(story)

    def open_cached(self, story: Story) -> OpenedStory | None:
        """Open a story from its cached analysis; without one, only note it opened (None:
        the caller analyses it, e.g. in a worker, then calls :meth:`open` with the result).

        Raises:
            UserError: the story has fewer than two articles.
        """
        cached = load_cached(story, self.library)
        # Noted after the look-up: a refreshed snapshot drops the cached analysis.
        self._note_opened(story)
        if cached is None:
            return None
        return self._attach(story, cached, cached=True)

    def open(self, story: Story, analysis: Analysis | None = None) -> OpenedStory:
        """Open a story: its snapshot saved, its analysis (``analysis`` when given, else the
        cached one, else a fresh one) cached, marked opened, its annotations re-attached.

        A read-only library saves nothing; one that cannot save becomes read-only.

        Raises:
            UserError: the story has fewer than two articles.
        """
        self._note_opened(story)
        if analysis is None:
            analysis, cached = analyse_cached(story, self.library, self._analyse)
        else:
            cached = False
            remember(analysis, self.library)
        return self._attach(story, analysis, cached=cached)

    def _attach(self, story: Story, analysis: Analysis, *, cached: bool) -> OpenedStory:
        try:
            anchored = self.library.reanchor(story.id, analysis)
        except UserError as exc:
            self._read_only_after(exc)
            anchored = self.library.reanchor(story.id, analysis)
        return OpenedStory(story, analysis, cached, anchored)

    def _note_opened(self, story: Story) -> None:
        """Save a story's snapshot and mark it opened now (nothing in a read-only library)."""
        check_comparable(story)
        if self.library.read_only:
            return
        try:
            self.library.save_story(story)
            self.library.mark_opened(story.id)
        except UserError as exc:
            self._read_only_after(exc)

    def _read_only_after(self, error: UserError) -> None:
        """Reading needs no saving: a library that cannot save (a full disk) is read from
        read-only, and says why, rather than not opened at all."""
        if self.library.read_only:
            raise error
        self.library.stop_saving(error)
