"""Anchoring annotations to text: quote selectors for the sentences of a claim."""

from __future__ import annotations

from newsreader.model import Analysis, Article, Claim, Sentence, Target

CONTEXT_CHARS = 32


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
