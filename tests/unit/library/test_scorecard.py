"""The source scorecard core: per outlet counts in a story and across stories."""

from __future__ import annotations

from dataclasses import replace

from story_factory import handmade_analysis_with_sides

from newsreader.library.coverage import Mark, coverage
from newsreader.library.scorecard import scorecard, story_scores
from newsreader.model import Analysis, Annotation, ClaimStatus, Verdict


def verdict(analysis: Analysis, claim: str, status: Verdict, **changes: object) -> Annotation:
    """An annotation on a claim of the analysis's story."""
    made = Annotation(
        id=f"ann-{claim}",
        story=analysis.story.id,
        claim=claim,
        status=status,
        note=None,
        created="2025-05-07T10:00:00+00:00",
        updated="2025-05-07T10:00:00+00:00",
    )
    return replace(made, **changes)


def expected(analysis: Analysis, annotations: list[Annotation]) -> dict[str, dict[str, int]]:
    """The counts worked out from the claims directly, by outlet name."""
    counts: dict[str, dict[str, int]] = {}
    verdicts = {a.claim: a.status for a in annotations if a.has_verdict and not a.orphaned}
    rows = {row.claim.id: row for row in coverage(analysis).rows}
    for article in analysis.story.articles:
        assert article.outlet is not None
        own = [c for c in analysis.claims if any(s.startswith(article.id) for s in c.sentences)]
        counts[article.outlet] = {
            "articles": 1,
            "stated": len(own),
            "corroborated": sum(c.status is ClaimStatus.CORROBORATED for c in own),
            "conflicting": sum(c.status is ClaimStatus.CONFLICTING for c in own),
            "single_source": sum(c.status is ClaimStatus.SINGLE_SOURCE for c in own),
            "differs": sum(
                rows[c.id].cell(article.id).mark is Mark.DIFFERS for c in analysis.claims
            ),
            "verified": sum(verdicts.get(c.id) is Verdict.VERIFIED for c in own),
            "disputed": sum(verdicts.get(c.id) is Verdict.DISPUTED for c in own),
        }
    return counts


def counts_of(scores) -> dict[str, dict[str, int]]:
    return {
        s.outlet: {k: v for k, v in s.as_dict().items() if k not in {"outlet", "stories"}}
        for s in scores
    }


def test_counts_per_outlet_of_one_story() -> None:
    analysis = handmade_analysis_with_sides()
    annotations = [
        verdict(analysis, "c-injured", Verdict.DISPUTED),
        verdict(analysis, "c-mayor", Verdict.VERIFIED),
        verdict(analysis, "c-a02-s2", Verdict.VERIFIED),
        verdict(analysis, "c-night", Verdict.UNREVIEWED, note="ask the fire service"),
        verdict(analysis, "c-collapse", Verdict.VERIFIED, orphaned=True),
    ]
    scores = scorecard([(analysis, annotations)])
    assert counts_of(scores) == expected(analysis, annotations)
    by_outlet = {s.outlet: s for s in scores}
    # Outlet 1 holds 14 where the two others say 19.
    assert by_outlet["Outlet 1"].differs == 1 and by_outlet["Outlet 2"].differs == 0
    assert by_outlet["Outlet 3"].verified == 2 and by_outlet["Outlet 3"].disputed == 1
    assert by_outlet["Outlet 1"].stated == 5 and by_outlet["Outlet 1"].single_source == 1
    assert [s.stated for s in scores] == sorted((s.stated for s in scores), reverse=True)


def test_articles_of_one_outlet_count_once_per_claim() -> None:
    analysis = handmade_analysis_with_sides()
    story = analysis.story
    same = tuple(replace(a, outlet="The Courier") if a.id != "a02" else a for a in story.articles)
    merged = Analysis.build(replace(story, articles=same), analysis.relations, analysis.claims)
    scores = {s.outlet: s for s in story_scores(merged, []).values()}
    assert set(scores) == {"The Courier", "Outlet 3"}
    courier = scores["The Courier"]
    assert courier.articles == 2
    # The mayor, collapse, injured and night claims, and the three single-source ones.
    assert courier.stated == 6
    assert courier.differs == 1


def test_across_stories_outlets_add_up_by_name_and_unnamed_articles_stay_apart() -> None:
    first = handmade_analysis_with_sides()
    story = replace(first.story, id="second-story")
    renamed = tuple(
        replace(a, outlet="outlet 1" if a.id == "a00" else None) for a in story.articles
    )
    second = Analysis.build(replace(story, articles=renamed), first.relations, first.claims)
    scores = {s.outlet: s for s in scorecard([(first, []), (second, [])])}
    assert scores["Outlet 1"].stated == 10 and scores["Outlet 1"].articles == 2
    assert scores["Outlet 1"].stories == ["handmade-bridge", "second-story"]
    # Without an outlet, an article is named by its file, within its story.
    assert scores["report-2.txt (second-story)"].stated == 4
    assert "Outlet 2" in scores and scores["Outlet 2"].stories == ["handmade-bridge"]
