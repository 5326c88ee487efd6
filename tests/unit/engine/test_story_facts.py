"""A difference that one source states on both sides is not a clash between reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from story_factory import make_story

from newsreader.engine.analysis import analyze
from newsreader.model import RelationKind, Story

REPO = Path(__file__).resolve().parents[3]

A = "The fire at the depot was started on Friday, police said."
B = "The fire at the depot was started on Saturday, police said."
FILLER = [
    "Crews stayed at the depot through the night.",
    "The company has run the depot since 1998.",
]


def _kinds(story: Story, a: str, b: str) -> list[tuple[RelationKind, list[str]]]:
    text = {s.id: s.text for article in story.articles for s in article.sentences}
    return [
        (r.kind, [x.detail for x in r.reasons])
        for r in analyze(story).relations
        if {text[r.a], text[r.b]} == {a, b}
    ]


def test_two_reports_that_differ_on_the_day_clash() -> None:
    story = make_story([[A, *FILLER], [*FILLER[::-1], B]])
    assert _kinds(story, A, B) == [(RelationKind.CONFLICT, ["Friday vs Saturday"])]


THIRD = [
    "The fire broke out on Friday evening.",
    "A man was charged with arson on Saturday.",
]


def test_a_third_report_naming_both_days_makes_them_two_facts() -> None:
    a = "The depot fire was on Friday, police said."
    b = "The depot fire was on Saturday, police said."
    alone = make_story([[a, *FILLER], [*FILLER[::-1], b]])
    assert _kinds(alone, a, b) == [(RelationKind.CONFLICT, ["Friday vs Saturday"])]
    third = ["The fire broke out on Friday evening.", "The fire was put out on Saturday."]
    story = make_story([[a, *FILLER], [*FILLER[::-1], b], third])
    assert _kinds(story, a, b) == [(RelationKind.MATCH, [])]


def test_days_a_third_report_gives_for_other_things_leave_the_clash() -> None:
    # The third report's Wednesday and Thursday are of other things (stores, results):
    # they say nothing of when the website is back.
    a = "The chain expects its website to be back online on Thursday."
    b = "The chain says its website will be available again on Wednesday."
    third = ["All stores reopened on Wednesday.", "The chain will report its results on Thursday."]
    story = make_story([[a, *FILLER], [*FILLER[::-1], b], third])
    assert _kinds(story, a, b) == [(RelationKind.CONFLICT, ["Thursday vs Wednesday"])]


def test_two_days_of_one_act_clash_whatever_days_a_third_report_names() -> None:
    # Both sides date one act ("was started on"): the third report's days are those of
    # other acts (it broke out, a man was charged).
    story = make_story([[A, *FILLER], [*FILLER[::-1], B], THIRD])
    assert _kinds(story, A, B) == [(RelationKind.CONFLICT, ["Friday vs Saturday"])]


def test_a_clashing_report_naming_the_other_day_elsewhere_still_clashes() -> None:
    # The report that got the day wrong may name the right day for another part of
    # the event: only an independent source, or one sentence, settles a difference.
    own = [*FILLER[::-1], B, "The depot reopened on Friday."]
    story = make_story([[A, *FILLER], own])
    assert _kinds(story, A, B) == [(RelationKind.CONFLICT, ["Friday vs Saturday"])]


def test_one_sentence_naming_both_places_makes_them_compatible() -> None:
    a = "A woman from Harlow died in the crash, officials said."
    b = "A woman from Essex died in the crash, officials said."
    story_alone = make_story([[a, *FILLER], [*FILLER[::-1], b]])
    assert _kinds(story_alone, a, b)[0][0] is RelationKind.CONFLICT
    story = make_story([[a, *FILLER], [*FILLER[::-1], b, "She lived in Harlow, Essex."]])
    assert _kinds(story, a, b) == [(RelationKind.MATCH, [])]


def test_a_third_report_stating_both_figures_makes_them_two_counts() -> None:
    a = "The flood killed 170 people in the province, officials said."
    b = "The flood killed 230 people, officials said."
    third = ["The flood killed 230 people in all and 170 people in the province alone."]
    assert _kinds(make_story([[a], [b]]), a, b)[0][0] is RelationKind.CONFLICT
    assert _kinds(make_story([[a], [b], third]), a, b) == [(RelationKind.MATCH, [])]


def test_sample_script_says_when_the_data_is_missing(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "sample_conflicts.py"), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "no ECB+ data" in done.stderr
    assert "Traceback" not in done.stderr
