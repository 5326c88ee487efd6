"""Alignment: which sentences of different articles state the same claim."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from newsreader.model import Story
from newsreader.words import content_words

MATCH_THRESHOLD = 0.42
MAX_PER_ARTICLE = 2
# Words in more than this share of sentences are too common to propose candidates.
COMMON_SHARE = 0.25


@dataclass(frozen=True)
class Pair:
    """A scored candidate pair of sentence positions in the story's flat sentence list."""

    i: int
    j: int
    score: float


def _idf(docs: list[set[str]]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for doc in docs:
        for word in doc:
            df[word] += 1
    n = len(docs)
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def align(story: Story) -> list[Pair]:
    """Score candidate sentence pairs across articles and keep the best matches."""
    sentences = [s for a in story.articles for s in a.sentences]
    owner = [s.article_id for s in sentences]
    docs = [set(content_words(s.text)) for s in sentences]
    idf = _idf(docs)
    common_cut = max(2, int(len(docs) * COMMON_SHARE))
    index: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for word in doc:
            index[word].append(i)
    candidates: set[tuple[int, int]] = set()
    for postings in index.values():
        if len(postings) > common_cut:
            continue
        for x, i in enumerate(postings):
            for j in postings[x + 1 :]:
                if owner[i] != owner[j]:
                    candidates.add((i, j))
    if not candidates:
        return []
    pairs = sorted(candidates)
    left = [sentences[i].text.lower() for i, _ in pairs]
    right = [sentences[j].text.lower() for _, j in pairs]
    fuzzy = cpdist(left, right, scorer=fuzz.token_set_ratio, workers=-1) / 100.0
    overlap = np.empty(len(pairs))
    for k, (i, j) in enumerate(pairs):
        shared = sum(idf[w] for w in docs[i] & docs[j])
        smaller = min(sum(idf[w] for w in docs[i]), sum(idf[w] for w in docs[j])) or 1.0
        overlap[k] = shared / smaller
    scores = 0.45 * fuzzy + 0.55 * overlap
    best: dict[tuple[int, str], list[Pair]] = defaultdict(list)
    for k, (i, j) in enumerate(pairs):
        if scores[k] >= MATCH_THRESHOLD:
            pair = Pair(i, j, float(scores[k]))
            best[(i, owner[j])].append(pair)
            best[(j, owner[i])].append(pair)
    kept: set[Pair] = set()
    for group in best.values():
        group.sort(key=lambda p: -p.score)
        kept.update(group[:MAX_PER_ARTICLE])
    return sorted(kept, key=lambda p: (p.i, p.j))
