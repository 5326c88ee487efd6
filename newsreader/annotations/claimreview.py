"""schema.org ClaimReview (JSON-LD) export: the fact-checkers' interchange format.

Each verdict becomes a ``ClaimReview`` of the claim its first quoted sentence states,
rated Verified or Disputed, with every quoting article as an ``appearance`` of the Claim.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsreader.annotations.sources import annotation_uri, find_article, source_uri
from newsreader.model import Annotation, Story, Verdict

RATINGS = {Verdict.VERIFIED: ("Verified", 5), Verdict.DISPUTED: ("Disputed", 1)}


def claim_review(annotation: Annotation, stories: Mapping[str, Story]) -> dict[str, Any]:
    """One annotation as a ClaimReview."""
    name, value = RATINGS[annotation.status]
    appearances = []
    for target in annotation.targets:
        work: dict[str, Any] = {
            "@type": "CreativeWork",
            "url": source_uri(stories, annotation, target),
            "text": target.exact,
        }
        article = find_article(stories, annotation.story, target.article)
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
    if annotation.note:
        review["reviewBody"] = annotation.note
    return review


def export_claimreview(
    annotations: list[Annotation], stories: Mapping[str, Story]
) -> dict[str, Any]:
    """Every verdict as a ClaimReview in one JSON-LD graph (a note alone rates nothing)."""
    return {
        "@context": "https://schema.org",
        "@graph": [claim_review(a, stories) for a in annotations if a.has_verdict],
    }
