"""The coverage matrix core: cells, marks, order and filters, on hand-made and engine analyses."""

from __future__ import annotations

import itertools
from dataclasses import replace

from story_factory import handmade_analysis, handmade_analysis_with_sides, make_story

from newsreader.annotations.claim_sides import claim_status, own_conflicts
from newsreader.library.coverage import (
    Mark,
    RowFilter,
    by_story_order,
    coverage,
    differing_articles,
    filtered_rows,
)
from newsreader.model import (
    Analysis,
    Claim,
    ClaimConflict,
    ClaimStatus,
    ConflictSide,
)


def marks(analysis: Analysis) -> dict[str, dict[str, Mark]]:
    """Each claim's marked cells, by claim id and article id."""
    return {
        row.claim.id: {a: cell.mark for a, cell in row.cells.items()}
        for row in coverage(analysis).rows
    }


def test_the_source_on_the_smaller_side_differs_and_the_others_state_it() -> None:
    found = marks(handmade_analysis_with_sides())
    assert found["c-injured"] == {"a00": Mark.DIFFERS, "a01": Mark.STATES, "a02": Mark.STATES}
    assert found["c-mayor"] == dict.fromkeys(("a00", "a01", "a02"), Mark.STATES)
    assert found["c-night"] == {"a00": Mark.STATES, "a02": Mark.STATES}
    assert found["c-a02-s2"] == {"a02": Mark.STATES}


def test_cells_hold_the_sources_sentences_and_values() -> None:
    analysis = handmade_analysis_with_sides()
    row = next(r for r in coverage(analysis).rows if r.claim.id == "c-injured")
    assert row.cell("a00").value == "14" and row.cell("a01").value == "19"
    assert row.cell("a00").sentences == ("a00-s1",)
    assert all(row.cell(a).in_claim for a in ("a00", "a01", "a02"))
    night = next(r for r in coverage(analysis).rows if r.claim.id == "c-night")
    assert night.cell("a01").mark is Mark.SILENT and night.cell("a01").sentences == ()
    assert night.cell("a00").value is None


def test_a_claim_without_structured_sides_takes_them_from_its_own_clashes() -> None:
    # As the reader does: the conflict relations between the claim's sentences.
    assert (
        marks(handmade_analysis())["c-injured"]
        == marks(handmade_analysis_with_sides())["c-injured"]
    )


def test_on_a_tie_every_side_differs() -> None:
    sides = (ConflictSide("4", ("x",), ("a", "b")), ConflictSide("6", ("y",), ("c", "d")))
    assert differing_articles(ClaimConflict("numeric", "4 vs 6", sides)) == {"a", "b", "c", "d"}
    three = (*sides, ConflictSide("5", ("z",), ("e", "f", "g")))
    assert differing_articles(ClaimConflict("numeric", "", three)) == {"a", "b", "c", "d"}


def test_a_side_outside_the_claim_is_not_the_claims() -> None:
    # A clash with sentences of another claim: the reader shows this claim as stated by
    # one source, without a conflict, and so does the matrix.
    story = make_story([["Four people died."], ["Six people died."], ["Six people died today."]])
    claims = (
        Claim(
            "c-four",
            ("a00-s0",),
            ClaimStatus.CONFLICTING,
            ("a00",),
            (
                ClaimConflict(
                    "numeric",
                    "4 vs 6 people died",
                    (
                        ConflictSide("Four", ("a00-s0",), ("a00",)),
                        ConflictSide("Six", ("a01-s0", "a02-s0"), ("a01", "a02")),
                    ),
                ),
            ),
        ),
        Claim("c-six", ("a01-s0", "a02-s0"), ClaimStatus.CONFLICTING, ("a01", "a02")),
    )
    row = next(
        r for r in coverage(Analysis.build(story, (), claims)).rows if r.claim.id == "c-four"
    )
    assert row.sources == 1
    assert row.cell("a00").mark is Mark.STATES and row.cell("a00").in_claim
    assert row.cell("a01").mark is Mark.SILENT
    assert row.status is ClaimStatus.SINGLE_SOURCE and row.conflicts == ()


def test_rows_most_covered_first_then_in_story_order() -> None:
    rows = coverage(handmade_analysis_with_sides()).rows
    assert [r.sources for r in rows] == sorted((r.sources for r in rows), reverse=True)
    for earlier, later in itertools.pairwise(rows):
        if earlier.sources == later.sources:
            assert earlier.order < later.order
    # Story order: article by article, the claim of each sentence as it first appears.
    assert [r.claim.id for r in by_story_order(list(rows))][:4] == [
        "c-collapse",
        "c-injured",
        "c-mayor",
        "c-night",
    ]


def test_filters() -> None:
    matrix = coverage(handmade_analysis_with_sides())
    assert [r.claim.id for r in filtered_rows(matrix, RowFilter.CONFLICTS)] == ["c-injured"]
    single = filtered_rows(matrix, RowFilter.SINGLE_SOURCE)
    assert {r.claim.id for r in single} == {"c-a00-s4", "c-a01-s3", "c-a02-s2"}
    omitted = filtered_rows(matrix, RowFilter.OMITTED, "a01")
    assert {r.claim.id for r in omitted} == {"c-night", "c-a00-s4", "c-a02-s2"}
    assert len(filtered_rows(matrix, RowFilter.ALL)) == len(matrix.rows) == 7
    assert RowFilter.ALL.next() is RowFilter.CONFLICTS
    assert RowFilter.OMITTED.next() is RowFilter.ALL


def test_the_engines_analysis_every_sentence_and_side_is_in_its_row(demo_analysis) -> None:
    """Computed from the analysis in the test (the engine may change)."""
    article_of = {s.id: s.article_id for a in demo_analysis.story.articles for s in a.sentences}
    rows = {row.claim.id: row for row in coverage(demo_analysis).rows}
    assert set(rows) == {c.id for c in demo_analysis.claims}
    for claim in demo_analysis.claims:
        row = rows[claim.id]
        own = own_conflicts(demo_analysis, claim)
        sides = {a for x in own for side in x.sides for a in side.articles}
        assert set(row.cells) == {article_of[s] for s in claim.sentences}
        assert sides <= set(row.cells)
        for sentence_id in claim.sentences:
            assert sentence_id in row.cell(article_of[sentence_id]).sentences
        differing = {a for a, cell in row.cells.items() if cell.mark is Mark.DIFFERS}
        assert differing == set().union(*(differing_articles(x) for x in own))
        assert row.status is claim_status(demo_analysis, claim)


def test_claim_text_is_its_first_sentence_on_one_line() -> None:
    analysis = handmade_analysis()
    story = analysis.story
    first = story.articles[0]
    sentence = replace(first.sentences[0], text="The Harbor\nBridge   collapsed.")
    changed = replace(first, sentences=(sentence, *first.sentences[1:]))
    story = replace(story, articles=(changed, *story.articles[1:]))
    rebuilt = Analysis.build(story, analysis.relations, analysis.claims)
    row = next(r for r in coverage(rebuilt).rows if r.claim.id == "c-collapse")
    assert row.text == "The Harbor Bridge collapsed."
