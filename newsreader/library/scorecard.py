"""The source scorecard: per outlet, how its claims fare with the other sources and with the
user's own verdicts.

For each outlet of a story (its articles grouped by name): the claims it states (a sentence
of the outlet is in the claim), how many of them are corroborated, conflicting or
single-source (the claim's status from its own conflicts, as the reader shows it), on how
many its value differs from the other sources (the coverage matrix's differing mark), and
how many the user tagged verified or disputed.
Across stories, outlets with the same name (letter case aside) are added up; an article
without an outlet counts on its own in its story, under its file name or place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsreader.ingest.article_names import article_name
from newsreader.library.coverage import Coverage, Mark, coverage
from newsreader.model import Analysis, Annotation, Article, ClaimStatus, Verdict

COLUMNS = (
    ("outlet", "Outlet"),
    ("articles", "Articles"),
    ("stated", "Stated"),
    ("corroborated", "Corroborated"),
    ("conflicting", "Conflicting"),
    ("single_source", "Single-source"),
    ("differs", "Differs"),
    ("verified", "Verified"),
    ("disputed", "Disputed"),
)
"""The scorecard's columns, (field, heading), as the app and the command line show them."""


@dataclass
class OutletScore:
    """One outlet's counts (over one story or several)."""

    outlet: str
    stories: list[str] = field(default_factory=list)
    articles: int = 0
    stated: int = 0
    corroborated: int = 0
    conflicting: int = 0
    single_source: int = 0
    differs: int = 0
    verified: int = 0
    disputed: int = 0

    COUNTS = (
        "articles",
        "stated",
        "corroborated",
        "conflicting",
        "single_source",
        "differs",
        "verified",
        "disputed",
    )

    def add(self, other: OutletScore) -> None:
        """Add another story's counts for the same outlet."""
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.stories.extend(s for s in other.stories if s not in self.stories)

    def as_dict(self) -> dict[str, object]:
        """The counts as JSON-ready data."""
        return {
            "outlet": self.outlet,
            "stories": list(self.stories),
            **{name: getattr(self, name) for name in self.COUNTS},
        }


def outlet_key(article: Article, position: int, story_id: str) -> tuple[str, ...]:
    """What groups articles into one outlet: the outlet's name; for an article without an
    outlet, its name within its story."""
    name = " ".join(article_name(article, position).split())
    if article.outlet:
        return ("outlet", name.casefold())
    return ("article", story_id, name.casefold())


def story_scores(
    analysis: Analysis, annotations: Iterable[Annotation], matrix: Coverage | None = None
) -> dict[tuple[str, ...], OutletScore]:
    """Every outlet's counts in one story, by :func:`outlet_key` (``matrix``: the story's
    coverage, when already made)."""
    story_id = analysis.story.id
    matrix = matrix or coverage(analysis)
    verdicts = {
        a.claim: a.status
        for a in annotations
        if a.story == story_id and a.has_verdict and not a.orphaned
    }
    scores: dict[tuple[str, ...], OutletScore] = {}
    outlet_of: dict[str, tuple[str, ...]] = {}
    for position, article in enumerate(analysis.story.articles, start=1):
        key = outlet_key(article, position, story_id)
        outlet_of[article.id] = key
        score = scores.setdefault(
            key, OutletScore(" ".join(article_name(article, position).split()))
        )
        score.articles += 1
        if story_id not in score.stories:
            score.stories.append(story_id)
    for row in matrix.rows:
        stating: set[tuple[str, ...]] = set()
        differing: set[tuple[str, ...]] = set()
        for article_id, cell in row.cells.items():
            if cell.in_claim:
                stating.add(outlet_of[article_id])
            if cell.mark is Mark.DIFFERS:
                differing.add(outlet_of[article_id])
        verdict = verdicts.get(row.claim.id)
        for key in stating:
            score = scores[key]
            score.stated += 1
            score.corroborated += row.status is ClaimStatus.CORROBORATED
            score.conflicting += row.status is ClaimStatus.CONFLICTING
            score.single_source += row.status is ClaimStatus.SINGLE_SOURCE
            score.verified += verdict is Verdict.VERIFIED
            score.disputed += verdict is Verdict.DISPUTED
        for key in differing:
            scores[key].differs += 1
    return scores


def scorecard(stories: Iterable[tuple[Analysis, Iterable[Annotation]]]) -> list[OutletScore]:
    """The outlets of one or more stories (each with its annotations), most claims first."""
    totals: dict[tuple[str, ...], OutletScore] = {}
    story_ids = set()
    for analysis, verdicts in stories:
        story_ids.add(analysis.story.id)
        for key, score in story_scores(analysis, verdicts).items():
            if key in totals:
                totals[key].add(score)
            else:
                totals[key] = score
    if len(story_ids) > 1:
        # An article without an outlet is named within its story: say which story.
        for key, score in totals.items():
            if key[0] == "article":
                score.outlet = f"{score.outlet} ({key[1]})"
    return sorted(totals.values(), key=lambda s: (-s.stated, s.outlet.casefold(), s.outlet))
