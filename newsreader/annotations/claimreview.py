"""schema.org ClaimReview (JSON-LD) export: the fact-checkers' interchange format.

Each verdict becomes a ``ClaimReview`` of the claim its first quoted sentence states,
rated Verified or Disputed, with every quoting article as an ``appearance`` of the Claim
(its ``url`` when the article's address is known, else its newsreader URN as ``identifier``),
signed by the reviewer as ``author``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsreader.annotations.sources import annotation_uri, article_url, article_urn, find_article
from newsreader.model import Annotation, Story, Verdict

RATINGS = {Verdict.VERIFIED: ("Verified", 5), Verdict.DISPUTED: ("Disputed", 1)}


def claim_review(
    annotation: Annotation, stories: Mapping[str, Story], reviewer: str | None = None
) -> dict[str, Any]:
    """One annotation as a ClaimReview."""
    name, value = RATINGS[annotation.status]
    appearances = []
    for target in annotation.targets:
        article = find_article(stories, annotation.story, target.article)
        url = article_url(article)
        work: dict[str, Any] = {"@type": "CreativeWork", "text": target.exact}
        if url:
            work["url"] = url
        else:
            work["identifier"] = article_urn(annotation.story, target.article)
        if article is not None:
            work["headline"] = article.title
            if article.outlet:
                work["publisher"] = {"@type": "Organization", "name": article.outlet}
            if article.date:
                work["datePublished"] = article.date
        appearances.append(work)
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": annotation_uri(annotation),
        "datePublished": annotation.updated[:10],
        "claimReviewed": annotation.targets[0].exact if annotation.targets else "",
        "reviewRating": {
            "@type": "Rating",
            "alternateName": name,
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
        },
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
    }
    if reviewer:
        review["author"] = {"@type": "Person", "name": reviewer}
    if annotation.note:
        review["reviewBody"] = annotation.note
    return review


def export_claimreview(
    annotations: list[Annotation], stories: Mapping[str, Story], reviewer: str | None = None
) -> dict[str, Any]:
    """Every verdict as a ClaimReview in one JSON-LD graph (a note alone rates nothing)."""
    return {
        "@context": "https://schema.org",
        "@graph": [claim_review(a, stories, reviewer) for a in annotations if a.has_verdict],
    }
