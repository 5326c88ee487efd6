"""Reusing a saved analysis: a story's content fingerprint, and analyse-or-reuse.

A cached analysis is valid for exactly one content fingerprint of the story's articles and
one :data:`newsreader.analysis.ENGINE_VERSION`; any change to either means analysing afresh.
The cache itself (where the data is kept) is anything with the two methods of
:class:`AnalysisCache`; it only ever sees plain JSON-ready dicts.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any, Protocol

import orjson

from newsreader.errors import UserError
from newsreader.model import Analysis, AnalysisSummary, ClaimStatus, Story
from newsreader.report import analysis_from_dict, analysis_to_dict

# The story and its articles are kept in the story's snapshot: a cached entry leaves them out.
_STORY_KEYS = ("story", "articles")


class AnalysisCache(Protocol):
    """Where analyses are kept between runs (the store implements it)."""

    def cached_analysis(self, story_id: str, fingerprint: str, engine: str) -> Any | None:
        """The data saved for this story, fingerprint and engine version, if any."""
        ...

    def cache_analysis(
        self,
        story_id: str,
        fingerprint: str,
        engine: str,
        data: dict[str, Any],
        summary: AnalysisSummary,
    ) -> None:
        """Keep the data of a story's analysis (replacing any older entry of the story)."""
        ...


def story_fingerprint(story: Story) -> str:
    """A hash of everything the engine reads: the articles, their texts and sentences."""
    articles = [
        [
            a.id,
            a.title,
            a.source,
            a.outlet,
            a.author,
            a.date,
            a.text,
            [[s.id, s.start, s.end] for s in a.sentences],
        ]
        for a in story.articles
    ]
    return hashlib.sha256(orjson.dumps(articles)).hexdigest()


def summarise(analysis: Analysis) -> AnalysisSummary:
    """How many claims an analysis has, and how many of them are conflicting."""
    conflicts = sum(c.status is ClaimStatus.CONFLICTING for c in analysis.claims)
    return AnalysisSummary(claims=len(analysis.claims), conflicts=conflicts)


def analyse_cached(story: Story, cache: AnalysisCache) -> tuple[Analysis, bool]:
    """The analysis of a story, from the cache when it holds a valid one.

    Returns the analysis and True when it came from the cache. A fresh analysis is put in
    the cache; an entry that cannot be read back is ignored and replaced, and a cache that
    cannot be written to (a read-only or full disk) only means analysing again next time.
    """
    # The engine is slow to import: only a cache miss needs more than its version.
    from newsreader.analysis import ENGINE_VERSION, analyze

    fingerprint = story_fingerprint(story)
    data = cache.cached_analysis(story.id, fingerprint, ENGINE_VERSION)
    if isinstance(data, dict):
        try:
            return analysis_from_dict(data, story), True
        except ValueError:
            pass
    analysis = analyze(story)
    full = analysis_to_dict(analysis)
    entry = {key: value for key, value in full.items() if key not in _STORY_KEYS}
    with contextlib.suppress(UserError):
        cache.cache_analysis(story.id, fingerprint, ENGINE_VERSION, entry, summarise(analysis))
    return analysis, False
