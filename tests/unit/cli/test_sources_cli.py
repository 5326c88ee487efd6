"""`newsreader sources`: the source scorecard from a real database, as a table and as JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from cli_run import newsreader
from story_factory import handmade_analysis_with_sides

from newsreader.annotations.anchors import targets_for_claim
from newsreader.cli.main import main
from newsreader.library.cache import remember
from newsreader.model import Analysis, Verdict
from store import AnnotationStore

HOSTILE_OUTLET = "Evil\x1b]0;pwned\x07 Gazette\x9b31m\x1b[2J"


def saved(store: AnnotationStore, analysis: Analysis, verdicts: dict[str, Verdict]) -> None:
    """Save a story, cache its analysis and tag claims, as opening and reading it would."""
    store.save_story(analysis.story)
    remember(analysis, store)
    for claim_id, verdict in verdicts.items():
        claim = analysis.claim_index[claim_id]
        store.set_verdict(analysis.story.id, claim_id, verdict, targets_for_claim(analysis, claim))


def second_story() -> Analysis:
    """The hand-made story again under another id, its first outlet renamed."""
    first = handmade_analysis_with_sides()
    articles = tuple(
        replace(a, outlet="The Courier") if a.id == "a00" else a for a in first.story.articles
    )
    story = replace(first.story, id="second-bridge", title="Bridge, again", articles=articles)
    return Analysis.build(story, first.relations, first.claims)


@pytest.fixture
def library(db_path: Path) -> Path:
    with AnnotationStore(db_path) as store:
        saved(
            store,
            handmade_analysis_with_sides(),
            {"c-injured": Verdict.DISPUTED, "c-mayor": Verdict.VERIFIED},
        )
        saved(store, second_story(), {"c-mayor": Verdict.VERIFIED})
    return db_path


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["sources", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_across_the_library(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = run_json(capsys, "--db", str(library))
    assert {s["id"] for s in document["stories"]} == {"handmade-bridge", "second-bridge"}
    assert document["skipped"] == []
    outlets = {o["outlet"]: o for o in document["outlets"]}
    assert set(outlets) == {"Outlet 1", "Outlet 2", "Outlet 3", "The Courier"}
    # Outlets 2 and 3 are in both stories; the mayor claim is verified in both.
    assert sorted(outlets["Outlet 2"]["stories"]) == ["handmade-bridge", "second-bridge"]
    assert outlets["Outlet 2"]["stated"] == 8 and outlets["Outlet 2"]["verified"] == 2
    assert outlets["Outlet 2"]["disputed"] == 1
    assert outlets["Outlet 1"]["stories"] == ["handmade-bridge"]
    assert outlets["Outlet 1"]["differs"] == 1 and outlets["The Courier"]["differs"] == 1
    assert outlets["The Courier"]["disputed"] == 0


def test_one_story_by_title_words(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = run_json(capsys, "again", "--db", str(library))
    assert [s["id"] for s in document["stories"]] == ["second-bridge"]
    outlets = {o["outlet"]: o for o in document["outlets"]}
    assert outlets["Outlet 2"]["stated"] == 4 and outlets["Outlet 2"]["verified"] == 1
    assert outlets["The Courier"]["articles"] == 1


def test_the_table(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "--db", str(library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "4 outlets in 2 stories"
    assert lines[1].split() == [
        "STORIES",
        "ARTICLES",
        "STATED",
        "CORROBORATED",
        "CONFLICTING",
        "SINGLE-SOURCE",
        "DIFFERS",
        "VERIFIED",
        "DISPUTED",
        "OUTLET",
    ]
    rows = {" ".join(line.split()[9:]): line.split()[:9] for line in lines[2:]}
    assert rows["Outlet 2"] == ["2", "2", "8", "4", "2", "2", "0", "2", "1"]


def test_a_story_without_a_cached_analysis_is_left_out_and_said(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = replace(second_story().story, id="never-opened", title="Never opened")
    with AnnotationStore(library) as store:
        store.save_story(story)
    document = run_json(capsys, "--db", str(library))
    assert document["skipped"] == ["never-opened"]
    assert main(["sources", "--db", str(library)]) == 0
    assert "1 saved story not analysed by this version yet" in capsys.readouterr().out


def test_an_unknown_story_is_one_line_and_exit_2(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sources", "no-such-story", "--db", str(library)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsreader: error: ") and err.count("\n") == 1


def test_an_empty_library(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "--db", str(db_path)]) == 0
    assert "No analysed story yet" in capsys.readouterr().out
    assert not db_path.exists()


@pytest.mark.slow
def test_control_characters_in_outlet_names_never_reach_the_terminal(db_path: Path) -> None:
    analysis = handmade_analysis_with_sides()
    articles = tuple(
        replace(a, outlet=HOSTILE_OUTLET) if a.id == "a01" else a for a in analysis.story.articles
    )
    story = replace(analysis.story, articles=articles)
    with AnnotationStore(db_path) as store:
        saved(store, Analysis.build(story, analysis.relations, analysis.claims), {})
    for args in (["sources"], ["sources", "--json"], ["sources", "handmade"]):
        result = newsreader(*args, "--db", str(db_path))
        assert result.returncode == 0, result.stderr
        assert not any(ch in result.stdout for ch in "\x1b\x07\x9b"), result.stdout
        assert "Evil" in result.stdout and "Gazette" in result.stdout
