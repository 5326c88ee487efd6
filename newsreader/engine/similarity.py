"""Sentence similarity: one scoring function for story alignment and for isolated pairs.

A pair's score (0-1) blends, with fixed generic weights:

* two rapidfuzz ratios of the lowercased sentences: plain ratio (the same wording) and
  token sort ratio (the same words in another order), with the terms the story repeats
  everywhere left out;
* content-word overlap weighted by rarity within the corpus (the story): each shared
  term counts its inverse sentence frequency, so words every report repeats say little,
  and numbers and names count extra; as Dice over both sentences and as containment of
  the shorter one.

A short sentence wholly contained in a longer one (which carries several claims) scores
at least CONTAIN_ROUTE times its containment. With the optional embeddings the cosine of
the two sentence vectors is blended in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from newsreader.engine.embeddings import semantic_available, semantic_requested, sentence_vectors
from newsreader.engine.term_matrix import TermMatrix
from newsreader.engine.terms import sentence_terms, specific_terms, term_of, tokens

# Generic blend weights (documented in the README), summing to 1: two rapidfuzz views of
# the lowercased sentences (the same words in any order: token sort ratio; the same
# wording: plain ratio) and two rarity-weighted word overlaps (Dice and containment, the
# latter so that a short claim inside a long sentence still meets its counterpart).
W_SORTED = 0.30
W_RATIO = 0.40
W_DICE = 0.15
W_CONTAIN = 0.15
# A term the story repeats at least this many times per article on average is common.
COMMON_PER_ARTICLE = 3.0
# A short sentence contained in a longer one (a sentence carrying several claims) scores
# at least this share of its rarity-weighted containment.
CONTAIN_ROUTE = 0.7
# Numbers and names pin a claim to its facts: they weigh more than ordinary words.
SPECIFIC_BOOST = 1.5
# With word embeddings on, the cosine of the sentence vectors takes this share of the score.
W_SEMANTIC = 0.3
# A pair states the same claim from this score on (see scripts/bench_engine.py).
MATCH_THRESHOLD = 0.42
SEMANTIC_MATCH_THRESHOLD = 0.44
# Pairs are scored in chunks so memory stays bounded on large stories: SCORE_CHUNK at a
# time, their fuzzy ratios CHUNK at a time.
SCORE_CHUNK = 200_000
CHUNK = 50_000
# A bound is compared with this margin: rounding (rapidfuzz scores in float32) never
# prunes a pair that reaches.
BOUND_SLACK = 1e-6


@dataclass(frozen=True)
class Corpus:
    """Sentences prepared for scoring: weighted term matrix and fuzzy-match strings."""

    texts: tuple[str, ...]
    sorted_texts: tuple[str, ...]
    matrix: TermMatrix
    totals: np.ndarray
    vocabulary: dict[str, int]
    idf: np.ndarray
    common: np.ndarray
    void: np.ndarray
    embeddings: np.ndarray | None = None
    # Per sentence, its terms that are no name or figure (indices into the vocabulary).
    plain: tuple[frozenset[int], ...] = ()


def _frequencies(term_sets: Sequence[set[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for terms in term_sets:
        for term in terms:
            df[term] = df.get(term, 0) + 1
    return df


def inverse_frequencies(texts: Sequence[str]) -> dict[str, float]:
    """Inverse sentence frequency of every term, log(1 + n / df): rare terms weigh more."""
    df = _frequencies([set(sentence_terms(t)) for t in texts])
    return {term: math.log1p(len(texts) / count) for term, count in df.items()}


def match_threshold(semantic: bool = False) -> float:
    """The score from which two sentences count as stating the same claim."""
    return SEMANTIC_MATCH_THRESHOLD if semantic else MATCH_THRESHOLD


def _without_terms(text: str, drop: set[str]) -> str:
    """The text without the whitespace-separated tokens whose term is in `drop`."""
    kept = []
    for token in text.split():
        words = tokens(token)
        if not words or any(term_of(w) not in drop for w in words):
            kept.append(token)
    return " ".join(kept)


def build_corpus(
    texts: Sequence[str],
    idf: Mapping[str, float] | None = None,
    semantic: bool = False,
    articles: Sequence[int] | None = None,
) -> Corpus:
    """Prepare sentences for scoring; idf defaults to the rarity within these sentences.

    With `articles` (the article of each sentence) the terms in at least COMMON_PER_ARTICLE
    sentences per article on average (and at least three) are marked common: they
    propose no candidates and are left out of the fuzzy comparison.
    """
    term_lists = [set(sentence_terms(t)) for t in texts]
    df = _frequencies(term_lists)
    if idf is None:
        idf = {term: math.log1p(len(texts) / count) for term, count in df.items()}
    common_from = (
        max(3.0, COMMON_PER_ARTICLE * len(set(articles))) if articles is not None else math.inf
    )
    common_terms = {term for term, count in df.items() if count >= common_from}
    unseen = max(idf.values(), default=1.0)
    vocabulary: dict[str, int] = {}
    rows = [[vocabulary.setdefault(t, len(vocabulary)) for t in terms] for terms in term_lists]
    own_specific = [specific_terms(t) for t in texts]
    specific: set[str] = set().union(*own_specific)
    term_idf = np.empty(len(vocabulary))
    common = np.zeros(len(vocabulary), dtype=bool)
    for term, col in vocabulary.items():
        base = idf.get(term, unseen)
        term_idf[col] = base * SPECIFIC_BOOST if term in specific else base
        common[col] = term in common_terms
    matrix = TermMatrix.from_rows(rows, term_idf)
    plain = tuple(
        frozenset(vocabulary[t] for t in terms if t not in names)
        for terms, names in zip(term_lists, own_specific, strict=True)
    )
    lowered = [t.lower() for t in texts]
    # A sentence made only of common terms has nothing left to compare letter by letter.
    void = np.array([bool(terms) and terms <= common_terms for terms in term_lists], dtype=bool)
    if common_terms:
        lowered = [
            _without_terms(text, common_terms) if terms & common_terms else text
            for text, terms in zip(lowered, term_lists, strict=True)
        ]
    return Corpus(
        texts=tuple(lowered),
        sorted_texts=tuple(" ".join(sorted(t.split())) for t in lowered),
        matrix=matrix,
        totals=matrix.totals(),
        vocabulary=vocabulary,
        idf=term_idf,
        common=common,
        void=void,
        embeddings=sentence_vectors(texts) if semantic else None,
        plain=plain,
    )


def shared_weight(corpus: Corpus, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Summed weight of the terms each pair of sentences has in common."""
    return corpus.matrix.shared_weight(np.asarray(left, np.int64), np.asarray(right, np.int64))


def combine(
    fuzzy: np.ndarray,
    shared: np.ndarray,
    left_total: np.ndarray,
    right_total: np.ndarray,
    void: np.ndarray | None = None,
) -> np.ndarray:
    """Blend the weighted fuzzy part (see fuzzy_ratios) and shared term weight into the score.

    `void` marks pairs with a sentence made only of common terms: no fuzzy part and no
    containment route for them, as such a sentence is contained in almost any other.
    """
    both = left_total + right_total
    dice = np.divide(2 * shared, both, out=np.zeros_like(shared), where=both > 0)
    smaller = np.minimum(left_total, right_total)
    contain = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
    contain = np.minimum(contain, 1.0)
    route = CONTAIN_ROUTE * contain
    if void is not None:
        fuzzy = np.where(void, 0.0, fuzzy)
        route = np.where(void, 0.0, route)
    return np.maximum(fuzzy + W_DICE * dice + W_CONTAIN * contain, route)


def _view_ratios(
    texts: tuple[str, ...], weight: float, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """`weight` times rapidfuzz's ratio (0-1) of the texts of each pair, in bulk."""
    out = np.zeros(len(left))
    for start in range(0, len(left), CHUNK):
        sl = slice(start, start + CHUNK)
        out[sl] += (weight / 100.0) * cpdist(
            [texts[i] for i in left[sl].tolist()],
            [texts[j] for j in right[sl].tolist()],
            scorer=fuzz.ratio,
            workers=-1,
        )
    return out


def fuzzy_ratios(corpus: Corpus, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The weighted rapidfuzz part of the score of each pair, in bulk.

    Token sort ratio is the plain ratio of the sentences' sorted tokens, sorted once per
    sentence here instead of once per pair.
    """
    plain = _view_ratios(corpus.texts, W_RATIO, left, right)
    return plain + _view_ratios(corpus.sorted_texts, W_SORTED, left, right)


def _length_bound(texts: tuple[str, ...], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Upper bound of rapidfuzz's ratio (0-1) from the two lengths alone."""
    lengths = np.fromiter(map(len, texts), dtype=np.float64, count=len(texts))
    a, b = lengths[left], lengths[right]
    both = a + b
    return np.divide(2 * np.minimum(a, b), both, out=np.ones_like(both), where=both > 0)


def score_pairs(
    corpus: Corpus, left: np.ndarray, right: np.ndarray, at_least: float | None = None
) -> np.ndarray:
    """Similarity in [0, 1] of each pair (left[k], right[k]) of corpus sentences.

    With `at_least`, pairs whose upper bound (from their lengths and shared terms, then
    from the exact plain ratio) is below it skip the rest of the fuzzy comparison and get
    that bound as their score, which is still below `at_least`; every other score is
    exact.
    """
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    scores = np.empty(len(left))
    for start in range(0, len(left), SCORE_CHUNK):
        sl = slice(start, start + SCORE_CHUNK)
        scores[sl] = _scored(corpus, left[sl], right[sl], at_least)
    return scores


def _scored(
    corpus: Corpus, left: np.ndarray, right: np.ndarray, at_least: float | None
) -> np.ndarray:
    """score_pairs of one chunk of pairs."""
    shared = shared_weight(corpus, left, right)
    void = corpus.void[left] | corpus.void[right]
    totals = corpus.totals[left], corpus.totals[right]
    if at_least is None:
        fuzzy = fuzzy_ratios(corpus, left, right)
    else:
        # Bounds first, exact ratios only where the bound still reaches `at_least`: the
        # lengths bound both ratios, then the exact plain ratio and the sorted one's bound.
        sorted_bound = W_SORTED * _length_bound(corpus.sorted_texts, left, right)
        fuzzy = W_RATIO * _length_bound(corpus.texts, left, right) + sorted_bound

        def reaching(among: np.ndarray) -> np.ndarray:
            upper = combine(fuzzy[among], shared[among], *(t[among] for t in totals), void[among])
            if corpus.embeddings is not None:
                upper = with_semantic(upper, corpus, left[among], right[among])
            return upper >= at_least - BOUND_SLACK

        todo = np.flatnonzero(reaching(np.arange(len(left))))
        plain = _view_ratios(corpus.texts, W_RATIO, left[todo], right[todo])
        fuzzy[todo] = plain + sorted_bound[todo]
        still = reaching(todo)
        exact = todo[still]
        fuzzy[exact] = plain[still] + _view_ratios(
            corpus.sorted_texts, W_SORTED, left[exact], right[exact]
        )
    scores = combine(fuzzy, shared, *totals, void)
    if corpus.embeddings is not None:
        scores = with_semantic(scores, corpus, left, right)
    return scores


def with_semantic(
    scores: np.ndarray, corpus: Corpus, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Blend lexical scores with the cosine of the sentence vectors."""
    assert corpus.embeddings is not None
    cosine = np.empty(len(left))
    for start in range(0, len(left), CHUNK):
        sl = slice(start, start + CHUNK)
        a, b = corpus.embeddings[left[sl]], corpus.embeddings[right[sl]]
        cosine[sl] = np.einsum("ij,ij->i", a, b)
    return (1 - W_SEMANTIC) * scores + W_SEMANTIC * np.clip(cosine, 0.0, 1.0)


def pair_score(
    a_text: str, b_text: str, idf: Mapping[str, float] | None = None, semantic: bool = False
) -> float:
    """The engine's similarity of two isolated sentences (idf from a wider corpus if given)."""
    corpus = build_corpus([a_text, b_text], idf, semantic)
    return float(score_pairs(corpus, np.array([0]), np.array([1]))[0])


__all__ = [
    "Corpus",
    "build_corpus",
    "combine",
    "inverse_frequencies",
    "match_threshold",
    "pair_score",
    "score_pairs",
    "semantic_available",
    "semantic_requested",
    "with_semantic",
]
