"""Anchoring annotations to text, and re-attaching them after the text or the analysis changed.

A target quotes a sentence with the W3C TextQuoteSelector (exact, prefix, suffix) and
TextPositionSelector (start, end) pair. To find it again in a new version of the article:

1. position check: the quote is still at its old offsets;
2. exact search: every occurrence of the quote, the best by context and distance;
3. fuzzy search: rapidfuzz ``partial_ratio_alignment`` of the quote around every sentence,
   scored on the quote, the prefix, the suffix and the distance from the old position.

The place found is snapped to the sentence it overlaps most, whose claim the annotation then
follows. Annotations that cannot be placed are kept as orphans, never dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from newsreader.model import Analysis, Annotation, Article, Claim, Sentence, Target

CONTEXT_CHARS = 32
# Weights of the fuzzy score: the quote dominates, context and distance break ties.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, DISTANCE_WEIGHT = 0.7, 0.1, 0.1, 0.1
MIN_QUOTE_SCORE = 72.0
MIN_TOTAL_SCORE = 68.0


def target_for(article: Article, sentence: Sentence) -> Target:
    """Quote a sentence with its surrounding context (W3C TextQuote + TextPosition)."""
    return Target(
        article=article.id,
        exact=sentence.text,
        prefix=article.text[max(0, sentence.start - CONTEXT_CHARS) : sentence.start],
        suffix=article.text[sentence.end : sentence.end + CONTEXT_CHARS],
        start=sentence.start,
        end=sentence.end,
    )


def targets_for_claim(analysis: Analysis, claim: Claim) -> tuple[Target, ...]:
    """Targets quoting every sentence of a claim."""
    articles = {a.id: a for a in analysis.story.articles}
    targets = []
    for sentence_id in claim.sentences:
        sentence = analysis.sentence(sentence_id)
        targets.append(target_for(articles[sentence.article_id], sentence))
    return tuple(targets)


@dataclass(frozen=True)
class Placement:
    """Where a target was found: the sentence, how it was found and how sure we are (0-100)."""

    sentence_id: str
    method: str
    score: float


def _context_score(target: Target, text: str, start: int, end: int) -> float:
    # Imported here: opening the store (which re-anchors) must not load it at start-up.
    from rapidfuzz import fuzz

    prefix = text[max(0, start - CONTEXT_CHARS) : start]
    suffix = text[end : end + CONTEXT_CHARS]
    prefix_score = fuzz.ratio(target.prefix, prefix) if target.prefix or prefix else 100.0
    suffix_score = fuzz.ratio(target.suffix, suffix) if target.suffix or suffix else 100.0
    distance = abs(start - target.start) / max(len(text), 1)
    return (
        PREFIX_WEIGHT * prefix_score
        + SUFFIX_WEIGHT * suffix_score
        + DISTANCE_WEIGHT * 100.0 * (1.0 - min(1.0, distance))
    )


def _sentence_at(article: Article, start: int, end: int) -> Sentence | None:
    """The sentence overlapping a span the most (None when nothing overlaps)."""
    best, best_overlap = None, 0
    for sentence in article.sentences:
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return best


def _exact_spans(text: str, exact: str) -> list[int]:
    spans, at = [], text.find(exact)
    while at != -1:
        spans.append(at)
        at = text.find(exact, at + 1)
    return spans


def locate(target: Target, article: Article) -> Placement | None:
    """Find a target's sentence in (a possibly edited version of) its article."""
    text, exact = article.text, target.exact
    if not exact:
        return None
    if text[target.start : target.end] == exact:
        sentence = _sentence_at(article, target.start, target.end)
        if sentence is not None:
            return Placement(sentence.id, "position", 100.0)
    starts = _exact_spans(text, exact)
    if starts:
        best = max(starts, key=lambda s: _context_score(target, text, s, s + len(exact)))
        sentence = _sentence_at(article, best, best + len(exact))
        if sentence is not None:
            return Placement(sentence.id, "exact", 100.0)
    return _fuzzy_locate(target, article)


def _fuzzy_locate(target: Target, article: Article) -> Placement | None:
    from rapidfuzz import fuzz

    text, exact = article.text, target.exact
    pad = max(8, len(exact) // 4)
    best: Placement | None = None
    for sentence in article.sentences:
        lo = max(0, sentence.start - pad)
        window = text[lo : sentence.end + pad]
        # The quote against the sentence alone keeps a long neighbour from matching a fragment.
        alignment = fuzz.partial_ratio_alignment(exact, window)
        quote = min(alignment.score, fuzz.ratio(exact, sentence.text) + 15.0)
        if quote < MIN_QUOTE_SCORE:
            continue
        start = lo + (alignment.dest_start if len(exact) <= len(window) else 0)
        end = lo + (alignment.dest_end if len(exact) <= len(window) else len(window))
        if _sentence_at(article, start, end) is not sentence:
            continue
        total = QUOTE_WEIGHT * quote + _context_score(target, text, start, end)
        if total >= MIN_TOTAL_SCORE and (best is None or total > best.score):
            best = Placement(sentence.id, "fuzzy", round(total, 1))
    return best


@dataclass(frozen=True)
class Reanchored:
    """The outcome of re-attaching a story's annotations to a new analysis."""

    attached: tuple[Annotation, ...]
    orphaned: tuple[Annotation, ...]
    changed: tuple[Annotation, ...]


def _place(annotation: Annotation, analysis: Analysis) -> Claim | None:
    """The claim of the new analysis an annotation belongs to, by a vote of its targets."""
    articles = {a.id: a for a in analysis.story.articles}
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for n, target in enumerate(annotation.targets):
        candidates = [articles[target.article]] if target.article in articles else []
        for article in candidates or articles.values():
            placement = locate(target, article)
            if placement is not None:
                claim_id = analysis.claim_of[placement.sentence_id]
                votes[claim_id] += 1
                first.setdefault(claim_id, n)
                break
    if not votes:
        return None
    claim_id = max(votes, key=lambda c: (votes[c], -first[c]))
    return analysis.claim_index[claim_id]


def reattach(annotations: list[Annotation], analysis: Analysis) -> Reanchored:
    """Re-attach a story's annotations to a new analysis of it.

    Each annotation follows the sentences it quotes to their claim in ``analysis`` (its claim
    id and targets are updated; ``updated`` is left alone, as no verdict changed). When two
    annotations land on one claim the more recently updated keeps it. Annotations that
    cannot be placed keep their old quotes and are marked orphaned.
    """
    placed: dict[str, Annotation] = {}
    orphaned: list[Annotation] = []
    for annotation in sorted(annotations, key=lambda a: a.updated, reverse=True):
        claim = _place(annotation, analysis)
        if claim is None or claim.id in placed:
            orphaned.append(replace(annotation, orphaned=True))
            continue
        placed[claim.id] = replace(
            annotation,
            claim=claim.id,
            targets=targets_for_claim(analysis, claim),
            orphaned=False,
        )
    attached = tuple(sorted(placed.values(), key=lambda a: (a.created, a.id)))
    orphans = tuple(sorted(orphaned, key=lambda a: (a.created, a.id)))
    before = {a.id: a for a in annotations}
    changed = tuple(a for a in (*attached, *orphans) if before[a.id] != a)
    return Reanchored(attached=attached, orphaned=orphans, changed=changed)
