"""Alignment: which sentences of different articles state the same claim.

Like a search engine, not a brute-force loop: candidate pairs come from a sparse product
of the sentence-term matrix restricted to terms that are rare within the story, and only
candidates are scored (in bulk, see `newsreader.engine.similarity`). Each sentence then keeps
its best counterparts in each other article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from newsreader.engine.agents import acts, agent_conflicts
from newsreader.engine.conflicts import (
    denied_by_one_subject,
    features,
    held_figure_clash,
    held_opening,
    opposed_by_one_subject,
)
from newsreader.engine.fact_links import fact_pairs
from newsreader.engine.identities import identities
from newsreader.engine.possibilities import possibility_conflicts, stances
from newsreader.engine.similarity import (
    Corpus,
    build_corpus,
    match_threshold,
    score_pairs,
    semantic_requested,
)
from newsreader.engine.tallies import share_of, tally_of
from newsreader.model import Story

# At most this many counterparts per sentence in any one other article...
MAX_PER_ARTICLE = 2
# ...and a second one only when it scores close to the best one.
RELATIVE_CUT = 0.75
# A candidate's shared rare-term weight is at least this share of the geometric mean of the
# two sentences' weights (a cosine-like floor: long sentences do not pull in everything).
CANDIDATE_FLOOR = 0.12
# A pair that shares a distinctive fact is kept from this score on (its words need only
# not rule it out); one that shares a toll (people killed, injured ...) from the lower one.
FACT_FLOOR = 0.3
TOLL_FLOOR = 0.1
# A pair whose sentences clash on a stance or a doer is kept from this score on (`_rescue`).
RESCUE_FLOOR = 0.34
# A pair whose figures of one named subject clash is kept from this score on.
FIGURE_RESCUE_FLOOR = 0.28
# Two sentences that each state the claim of a third one state it too from this score on
# (below the match threshold: the third sentence vouches for them)...
TWO_HOP_FLOOR = 0.38
# ...when that third sentence has at most this many counterparts (not a catch-all).
TWO_HOP_DEGREE = 6
# ...and only for sentences with fewer counterparts than this so far (it fills gaps; it
# does not thicken what is already linked).
SPARSE_BELOW = 3


@dataclass(frozen=True)
class Pair:
    """A scored candidate pair of sentence positions in the story's flat sentence list."""

    i: int
    j: int
    score: float
    worded: bool = True  # aligned on its words; False: linked by a shared fact or a claim


# A line of at most this many words is a heading or a label ("The verdict"), not a claim.
HEADING_WORDS = 2
# A line of at most this many words without a full stop is a heading or a label too.
LABEL_WORDS = 5
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def states_something(text: str) -> bool:
    """False for a sentence that asserts nothing: a question put to the reader or a
    heading of a word or two."""
    if text.rstrip(" \"'”’)»").endswith("?"):
        return False
    words = len(_WORD.findall(text))
    if words <= LABEL_WORDS and not text.rstrip(" \"'”’)»").endswith((".", "!", ":")):
        return False  # "About Velquist Pharmaceuticals": a section heading
    return words > HEADING_WORDS


def _fact_keys(text: str) -> frozenset[tuple[str, str]]:
    """A sentence's fact keys: what its figures are about, and their distinctive values."""
    f = features(text)
    slots = {("slot", x.head) for x in identities(text)}
    tally = tally_of(text)
    if (tally is not None and not tally.whole) or share_of(text) is not None:
        slots.add(("slot", "vote"))  # how one vote split: "a 673-to-365 vote", "61.4% of votes"
    return frozenset().union(*f.q_keys, *f.q_values, slots)


def _query_mask(corpus: Corpus) -> np.ndarray:
    """Per stored entry of the term matrix: does its term propose candidates for its sentence?

    Terms the story does not repeat do; a sentence made only of common terms proposes
    its least frequent one, so that it can still find its counterparts.
    """
    matrix = corpus.matrix
    cols = matrix.terms
    query = ~corpus.common[cols]
    rows = matrix.entry_rows()
    has_rare = np.bincount(rows[query], minlength=matrix.n_rows) > 0
    lonely = ~has_rare[rows]
    if lonely.any():
        df = matrix.frequencies()
        idx = np.flatnonzero(lonely)
        order = idx[np.lexsort((df[cols[idx]], rows[idx]))]
        first = np.r_[True, rows[order][1:] != rows[order][:-1]]
        query[order[first]] = True
    return query


def candidate_pairs(corpus: Corpus, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of sentences of different articles that share enough rare terms."""
    n = corpus.matrix.n_rows
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    # Each shared proposing term of i adds its weight once.
    i, j = corpus.matrix.pairs_sharing(_query_mask(corpus), CANDIDATE_FLOOR)
    keep = owner[i] != owner[j]
    left, right = np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])
    codes = left * n + right
    # Sort and keep first occurrences: what np.unique does, without its extra passes.
    codes.sort(kind="stable")
    if len(codes):
        codes = codes[np.r_[True, codes[1:] != codes[:-1]]]
    return codes // n, codes % n


def _ranked_keep(key: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Mask of entries among the best MAX_PER_ARTICLE of their key group, near the best."""
    order = np.lexsort((-scores, key))
    sorted_key = key[order]
    starts = np.r_[True, sorted_key[1:] != sorted_key[:-1]]
    group_start = np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))
    rank = np.arange(len(order)) - group_start
    best = scores[order][group_start]
    ok = (rank < MAX_PER_ARTICLE) & (scores[order] >= RELATIVE_CUT * best)
    mask = np.zeros(len(order), dtype=bool)
    mask[order] = ok
    return mask


def select_pairs(
    left: np.ndarray, right: np.ndarray, scores: np.ndarray, owner: np.ndarray, threshold: float
) -> np.ndarray:
    """Mask of scored pairs kept: above threshold and among the best of both sentences."""
    above = scores >= threshold
    mask = np.zeros(len(scores), dtype=bool)
    if not above.any():
        return mask
    idx = np.flatnonzero(above)
    li, ri, sc = left[idx], right[idx], scores[idx]
    groups = int(owner.max()) + 1
    from_left = _ranked_keep(li * groups + owner[ri], sc)
    from_right = _ranked_keep(ri * groups + owner[li], sc)
    mask[idx[from_left & from_right]] = True
    return mask


def align(story: Story, semantic: bool | None = None) -> list[Pair]:
    """Score candidate sentence pairs across articles and keep the best matches.

    `semantic` adds word embeddings when the optional wordllama package is installed;
    None means: only when the NEWSREADER_SEMANTIC environment variable asks for it.
    """
    use_semantic = semantic_requested(semantic)
    sentences = [s for a in story.articles for s in a.sentences]
    if len(story.articles) < 2 or len(sentences) < 2:
        return []
    article_number = {a.id: n for n, a in enumerate(story.articles)}
    owner = np.array([article_number[s.article_id] for s in sentences], dtype=np.int64)
    corpus = build_corpus([s.text for s in sentences], semantic=use_semantic, articles=owner)
    left, right = candidate_pairs(corpus, owner)
    asserting = np.array([states_something(s.text) for s in sentences], dtype=bool)
    kept = asserting[left] & asserting[right]
    left, right = left[kept], right[kept]
    threshold = match_threshold(use_semantic)
    scores = score_pairs(corpus, left, right, at_least=threshold)
    keep = select_pairs(left, right, scores, owner, threshold)
    found = {
        # Sharing only names and figures ("lawyer Tomas Berglund" in two claims) is not enough.
        (int(i), int(j)): (float(s), True)
        for i, j, s in zip(left[keep], right[keep], scores[keep], strict=True)
        if corpus.plain[int(i)] & corpus.plain[int(j)]
    }
    texts = [s.text for s in sentences]
    _rescue(corpus, texts, left, right, scores, threshold, found)
    _figure_rescue(corpus, texts, (left, right, scores), threshold, found)
    fact_left, fact_right, toll = fact_pairs(texts, owner, _fact_keys)
    kept = asserting[fact_left] & asserting[fact_right]
    fact_left, fact_right, toll = fact_left[kept], fact_right[kept], toll[kept]
    fact_scores = score_pairs(corpus, fact_left, fact_right)
    floors = np.where(toll, TOLL_FLOOR, FACT_FLOOR)
    for i, j, s, floor in zip(
        fact_left.tolist(), fact_right.tolist(), fact_scores.tolist(), floors, strict=True
    ):
        if s >= floor and (i, j) not in found:
            found[(i, j)] = (max(s, threshold), False)
    left, right = _two_hop(found, owner)
    vouched = score_pairs(corpus, left, right)
    degree = np.bincount(
        np.array([n for pair in found for n in pair], dtype=np.int64), minlength=len(sentences)
    )
    added = (vouched >= TWO_HOP_FLOOR) & (np.minimum(degree[left], degree[right]) < SPARSE_BELOW)
    left, right, vouched = left[added], right[added], vouched[added]
    for i, j, s in zip(left.tolist(), right.tolist(), vouched.tolist(), strict=True):
        found[(i, j)] = (s, True)
    return [Pair(i, j, s, worded) for (i, j), (s, worded) in sorted(found.items())]


def _rescue(
    corpus: Corpus,
    texts: list[str],
    left: np.ndarray,
    right: np.ndarray,
    bounds: np.ndarray,
    threshold: float,
    found: dict[tuple[int, int], tuple[float, bool]],
) -> None:
    """Add the pairs scored a little below the threshold that share a content word and
    where one actor closes a possibility the other sentence keeps open ("had not ruled
    out a cut" / "a cut was off the table"), or two people are named for one act on one
    object ("brokered by the mediator, Ilse Ferrand" / "brokered by Minister Tomas
    Quill"), or one subject's act is asserted on one side and denied on the other ("The
    agreement was signed" / "The agreement has not yet been signed"): saying the
    opposite or naming another doer changes the words, so the clash
    lowers the score of a pair that states one claim. (Other clashes were tried here: on
    real news they pull in more unrelated pairs than they find.)"""
    near = np.flatnonzero((bounds >= RESCUE_FLOOR) & (bounds < threshold))
    if len(near) == 0:
        return
    # Only pairs where both sentences take a stance, or both name a doer, or one denies
    # something, can clash so (read only for the sentences of these pairs).
    li, ri = left[near], right[near]
    ends = np.unique(np.r_[li, ri]).tolist()
    stance = dict(zip(ends, (bool(stances(texts[n])) for n in ends), strict=True))
    doer = dict(zip(ends, (bool(acts(texts[n])) for n in ends), strict=True))
    denies = dict(zip(ends, (bool(features(texts[n]).denied) for n in ends), strict=True))
    moves = dict(zip(ends, (bool(features(texts[n]).assertions) for n in ends), strict=True))
    near = near[
        [
            (stance[i] and stance[j])
            or (doer[i] and doer[j])
            or (denies[i] or denies[j])
            or (moves[i] and moves[j])
            for i, j in zip(li.tolist(), ri.tolist(), strict=True)
        ]
    ]
    if len(near) == 0:
        return
    exact = score_pairs(corpus, left[near], right[near])
    for k, s in zip(near.tolist(), exact.tolist(), strict=True):
        i, j = int(left[k]), int(right[k])
        if s < RESCUE_FLOOR or (i, j) in found or not corpus.plain[i] & corpus.plain[j]:
            continue
        if (
            possibility_conflicts(texts[i], texts[j])
            or agent_conflicts(texts[i], texts[j])
            or denied_by_one_subject(features(texts[i]), features(texts[j]))
            or opposed_by_one_subject(features(texts[i]), features(texts[j]))
        ):
            found[(i, j)] = (s, True)


def _figure_rescue(
    corpus: Corpus,
    texts: list[str],
    scored: tuple[np.ndarray, np.ndarray, np.ndarray],
    threshold: float,
    found: dict[tuple[int, int], tuple[float, bool]],
) -> None:
    """Add the pairs (left, right, score bound) scored below the threshold whose figures of
    one kind, held by one named subject, differ ("Corvane shares closed down 5.2 per cent"
    / "Corvane finished 4.8% lower"): two reports of one figure of one subject."""
    left, right, bounds = scored
    # Only sentences that open with a name and give such a figure can clash so: each gets
    # the number of its opening name (0: none), and a pair must share a number.
    names: dict[str, int] = {"": 0}
    opening = np.array(
        [names.setdefault(held_opening(f), len(names)) for f in map(features, texts)],
        dtype=np.int64,
    )
    near = np.flatnonzero(
        (bounds >= FIGURE_RESCUE_FLOOR)
        & (bounds < threshold)
        & (opening[left] > 0)
        & (opening[left] == opening[right])
    )
    if len(near) == 0:
        return
    exact = score_pairs(corpus, left[near], right[near])
    for k, s in zip(near.tolist(), exact.tolist(), strict=True):
        i, j = int(left[k]), int(right[k])
        if s < FIGURE_RESCUE_FLOOR or (i, j) in found:
            continue
        if held_figure_clash(features(texts[i]), features(texts[j])):
            found[(i, j)] = (s, True)


def _two_hop(
    found: dict[tuple[int, int], tuple[float, bool]], owner: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of sentences of different articles, not yet paired, that share a
    counterpart of at most TWO_HOP_DEGREE counterparts."""
    if not found:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    n = len(owner)
    ends = np.array(list(found), dtype=np.int64)
    # Each sentence's counterparts, ascending, in one array ordered by sentence.
    hub = np.r_[ends[:, 0], ends[:, 1]]
    other = np.r_[ends[:, 1], ends[:, 0]]
    order = np.lexsort((other, hub))
    hub, other = hub[order], other[order]
    degree = np.bincount(hub, minlength=n)
    first = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degree, out=first[1:])
    lefts: list[np.ndarray] = []
    rights: list[np.ndarray] = []
    for d in range(2, TWO_HOP_DEGREE + 1):
        hubs = np.flatnonzero(degree == d)
        if len(hubs) == 0:
            continue
        around = other[first[hubs][:, None] + np.arange(d)]
        x, y = np.triu_indices(d, k=1)
        lefts.append(around[:, x].ravel())
        rights.append(around[:, y].ravel())
    if not lefts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    left, right = np.concatenate(lefts), np.concatenate(rights)
    codes = left * n + right
    codes = codes[owner[left] != owner[right]]
    known = np.sort(ends[:, 0] * n + ends[:, 1])
    codes = np.unique(codes)
    at = np.minimum(np.searchsorted(known, codes), len(known) - 1)
    codes = codes[known[at] != codes]
    return codes // n, codes % n
