"""Reusing a saved analysis: a story's content fingerprint, and analyse-or-reuse.

A cached analysis is valid for exactly one content fingerprint of the story's articles and
one engine configuration (:func:`engine_key`: :data:`newsreader.engine.version.ENGINE_VERSION` and
whether the optional word embeddings are used); any change means analysing afresh.
The cache itself (where the data is kept) is anything with the two methods of
:class:`AnalysisCache`; it only ever sees plain JSON-ready dicts.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from typing import Any, Protocol

import orjson

from newsreader.errors import UserError
from newsreader.library.analysis_json import analysis_from_dict, analysis_to_dict
from newsreader.library.story_data import article_rows
from newsreader.model import Analysis, CachedAnalysis, ClaimStatus, Story

# The story and its articles are kept in the story's snapshot: a cached entry leaves them out.
_STORY_KEYS = ("story", "articles")
# How an entry is packed (see pack_analysis); an entry packed otherwise is a cache miss.
PACKING = 2
# Fields holding sentence ("s") or article ("a") ids, stored as positions in the story.
_ID_FIELDS = {"relations": {"a": "s", "b": "s"}, "claims": {"sentences": "s", "articles": "a"}}


Analyser = Callable[[Story], Analysis]
"""Makes the analysis of a story (the engine; tests hand in their own)."""


def run_engine(story: Story) -> Analysis:
    """Analyse a story with the engine (imported on first use: it is slow to import)."""
    from newsreader.engine.analysis import analyze

    return analyze(story)


class AnalysisCache(Protocol):
    """Where analyses are kept between runs (the store implements it)."""

    def cached_analysis(self, story_id: str, fingerprint: str, engine: str) -> Any | None:
        """The data saved for this story, fingerprint and engine version, if any."""
        ...

    def cache_analysis(self, entry: CachedAnalysis) -> None:
        """Keep a story's analysis (replacing any older entry of the story)."""
        ...


def story_fingerprint(story: Story) -> str:
    """A hash of everything the engine reads: the articles, their texts and sentences."""
    return hashlib.sha256(orjson.dumps(article_rows(story))).hexdigest()


def _story_ids(story: Story) -> dict[str, list[str]]:
    """The story's sentence ids ("s") and article ids ("a"), in order."""
    return {
        "s": [s.id for a in story.articles for s in a.sentences],
        "a": [a.id for a in story.articles],
    }


def pack_analysis(data: dict[str, Any], story: Story) -> dict[str, Any]:
    """A compact form of an ``analyze --json`` dict for the cache.

    The story and its articles are left out (the snapshot has them); relations and claims
    become a row of values per item under a list of field names (fields added to the
    contract later are kept), and sentence and article ids become positions in the story.
    """
    positions = {
        kind: {item: n for n, item in enumerate(ids)} for kind, ids in _story_ids(story).items()
    }
    packed: dict[str, Any] = {"packing": PACKING}
    for key, value in data.items():
        if key in _STORY_KEYS:
            continue
        if key not in _ID_FIELDS:
            packed[key] = value
            continue
        fields = list(dict.fromkeys(f for item in value for f in item))
        kinds = _ID_FIELDS[key]
        packed[key] = {
            "fields": fields,
            "rows": [
                [
                    _to_positions(item[f], positions[kinds[f]]) if f in kinds else item.get(f)
                    for f in fields
                ]
                for item in value
            ],
        }
    return packed


def unpack_analysis(packed: dict[str, Any], story: Story) -> dict[str, Any]:
    """The ``analyze --json`` dict of a packed cache entry (see :func:`pack_analysis`).

    Raises:
        ValueError: the entry is packed another way or does not fit the story.
    """
    if packed.get("packing") != PACKING:
        raise ValueError("packed another way")
    ids = _story_ids(story)
    data: dict[str, Any] = {}
    try:
        for key, value in packed.items():
            if key == "packing":
                continue
            if key not in _ID_FIELDS:
                data[key] = value
                continue
            fields, kinds = value["fields"], _ID_FIELDS[key]
            data[key] = [
                {
                    f: _to_ids(v, ids[kinds[f]]) if f in kinds else v
                    for f, v in zip(fields, row, strict=True)
                }
                for row in value["rows"]
            ]
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"not a packed analysis ({type(exc).__name__})") from None
    return data


def _to_positions(value: Any, position: dict[str, int]) -> Any:
    return [position[v] for v in value] if isinstance(value, list) else position[value]


def _to_ids(value: Any, ids: list[str]) -> Any:
    if isinstance(value, list):
        return [_id_at(v, ids) for v in value]
    return _id_at(value, ids)


def _id_at(position: Any, ids: list[str]) -> str:
    if not isinstance(position, int) or position < 0:
        raise IndexError(position)
    return ids[position]


def engine_key() -> str:
    """The engine version and configuration an analysis made now would be cached under."""
    from newsreader.engine.version import ENGINE_VERSION, SEMANTIC_SWITCH

    if not os.environ.get(SEMANTIC_SWITCH):
        return ENGINE_VERSION
    from newsreader.engine.embeddings import semantic_requested

    return f"{ENGINE_VERSION}+semantic" if semantic_requested() else ENGINE_VERSION


def load_cached(story: Story, cache: AnalysisCache) -> Analysis | None:
    """The cached analysis of a story, or None when the cache holds no valid one (an entry
    for other content or another engine version, or one that cannot be read back)."""
    data = cache.cached_analysis(story.id, story_fingerprint(story), engine_key())
    if not isinstance(data, dict):
        return None
    try:
        return analysis_from_dict(unpack_analysis(data, story), story)
    except ValueError:
        return None


def remember(analysis: Analysis, cache: AnalysisCache) -> None:
    """Put an analysis in the cache, for its story's content and this engine version.

    A cache that cannot be written to (read-only, a full disk) only means analysing again
    next time.
    """
    story = analysis.story
    entry = CachedAnalysis(
        story=story.id,
        fingerprint=story_fingerprint(story),
        engine=engine_key(),
        data=pack_analysis(analysis_to_dict(analysis), story),
        claims=len(analysis.claims),
        conflicts=sum(c.status is ClaimStatus.CONFLICTING for c in analysis.claims),
    )
    with contextlib.suppress(UserError):
        cache.cache_analysis(entry)


def analyse_cached(
    story: Story, cache: AnalysisCache, analyse: Analyser = run_engine
) -> tuple[Analysis, bool]:
    """The analysis of a story, from the cache when it holds a valid one, else made by
    ``analyse`` (and then cached); True when it came from the cache."""
    cached = load_cached(story, cache)
    if cached is not None:
        return cached, True
    analysis = analyse(story)
    remember(analysis, cache)
    return analysis, False
