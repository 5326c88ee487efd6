"""Re-anchoring: after articles are edited and re-analysed, annotations follow their sentences;
those whose sentences are gone are kept as orphans and listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.annotations.anchors import locate, reattach, target_for, targets_for_claim
from newsreader.cli.main import main
from newsreader.engine.analysis import analyze
from newsreader.ingest.reader import Source, build_story
from newsreader.model import Analysis, Annotation, Verdict
from store import AnnotationStore

COUNCIL = [
    "The council approved the new budget on Tuesday evening after a long debate.",
    "Spending on schools will rise by four percent next year, officials said.",
    "The mayor said the plan protects essential services for older residents.",
    "Critics argued that road repairs were ignored again in this year's plan.",
    "A final vote on the transport levy is expected in March.",
]
GAZETTE = [
    "Councillors passed the city budget on Tuesday evening after hours of debate.",
    "School spending is set to rise by four percent next year.",
    "Opposition members said road maintenance had been neglected once more.",
]


def _analysis(council: list[str]) -> Analysis:
    story = build_story(
        [
            Source(path="council.txt", raw=" ".join(council) + "\n", title="Budget passed"),
            Source(path="gazette.txt", raw=" ".join(GAZETTE) + "\n", title="City budget"),
        ],
        title="Budget",
        story_id="budget",
    )
    return analyze(story)


def _sentence(analysis: Analysis, text_start: str) -> str:
    return next(
        s.id for a in analysis.story.articles for s in a.sentences if s.text.startswith(text_start)
    )


def _tag(store: AnnotationStore, analysis: Analysis, text_start: str, verdict: Verdict) -> str:
    claim = analysis.claim_for(_sentence(analysis, text_start))
    store.set_verdict(
        "budget", claim.id, verdict, targets_for_claim(analysis, claim), note=text_start
    )
    return claim.id


EDITED = [
    "Residents packed the public gallery for the debate.",
    COUNCIL[0],
    "Spending on schools will increase by four percent next year, officials confirmed.",
    COUNCIL[3],
    "A new paragraph about parking fees was added by the editors.",
    COUNCIL[4],
]


def test_annotations_follow_edited_sentences(db_path: Path) -> None:
    before = _analysis(COUNCIL)
    with AnnotationStore(db_path) as store:
        for start in ("Spending on schools", "The mayor said", "Critics argued", "A final vote"):
            _tag(store, before, start, Verdict.VERIFIED)
    after = _analysis(EDITED)
    with AnnotationStore(db_path) as store:
        result = store.reanchor("budget", after)
        by_note = {a.note: a for a in store.all("budget")}
    assert {a.note for a in result.orphaned} == {"The mayor said"}
    assert by_note["The mayor said"].orphaned
    assert by_note["The mayor said"].targets[0].exact == COUNCIL[2], "orphans keep their quotes"
    council = next(a for a in after.story.articles if a.id.startswith("budget"))
    for note, new_text in (
        ("Spending on schools", EDITED[2]),
        ("Critics argued", COUNCIL[3]),
        ("A final vote", COUNCIL[4]),
    ):
        annotation = by_note[note]
        assert not annotation.orphaned
        claim = after.claim_index[annotation.claim]
        texts = [after.sentence(s).text for s in claim.sentences]
        assert new_text in texts
        [target] = [t for t in annotation.targets if t.article == council.id]
        assert council.text[target.start : target.end] == new_text == target.exact
    assert by_note["Spending on schools"].updated == by_note["Spending on schools"].created


def test_unchanged_story_rewrites_nothing(db_path: Path) -> None:
    analysis = _analysis(COUNCIL)
    with AnnotationStore(db_path) as store:
        _tag(store, analysis, "Critics argued", Verdict.DISPUTED)
        saved = db_path.read_bytes()
        result = store.reanchor("budget", _analysis(COUNCIL))
    assert result.changed == () and len(result.attached) == 1
    assert db_path.read_bytes() == saved


def test_locate_methods() -> None:
    analysis = _analysis(COUNCIL)
    council = analysis.story.articles[0]
    target = target_for(council, council.sentences[4])
    assert locate(target, council).method == "position"
    edited = _analysis(EDITED).story.articles[0]
    assert locate(target, edited).method == "exact"
    changed = target_for(council, council.sentences[1])
    placement = locate(changed, edited)
    assert placement.method == "fuzzy" and 70 <= placement.score < 100
    assert edited.text.find(EDITED[2]) >= 0
    found = next(s for s in edited.sentences if s.id == placement.sentence_id)
    assert found.text == EDITED[2]
    gone = target_for(council, council.sentences[2])
    assert locate(gone, edited) is None


def test_two_annotations_on_one_claim_newest_keeps_it() -> None:
    analysis = _analysis(COUNCIL)
    council = analysis.story.articles[0]
    quote = (target_for(council, council.sentences[3]),)
    older = Annotation(
        "a1",
        "budget",
        "old-1",
        Verdict.VERIFIED,
        None,
        "2026-01-01T00:00:00+00:00",
        "2026-01-01T00:00:00+00:00",
        quote,
    )
    newer = Annotation(
        "a2",
        "budget",
        "old-2",
        Verdict.DISPUTED,
        None,
        "2026-01-01T00:00:00+00:00",
        "2026-01-02T00:00:00+00:00",
        quote,
    )
    result = reattach([older, newer], analysis)
    assert [a.id for a in result.attached] == ["a2"]
    assert [a.id for a in result.orphaned] == ["a1"]


def test_orphans_are_listed_by_export_and_doctor(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with AnnotationStore(db_path) as store:
        _tag(store, _analysis(COUNCIL), "The mayor said", Verdict.DISPUTED)
        store.reanchor("budget", _analysis(EDITED))
        [orphan] = store.orphans()
        assert store.attached() == []
    assert main(["export", "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert '"orphaned": true' in captured.out
    assert "1 orphaned annotation" in captured.err and "The mayor said" in captured.err
    assert main(["doctor", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert f"orphaned: budget / {orphan.claim} (disputed)" in out and "The mayor said" in out
