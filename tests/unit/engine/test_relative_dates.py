"""Relative dates ('in five weeks', 'next month') read against the day of the report."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.engine.analysis import analyze
from newsreader.engine.relative_dates import reference_days, relative_date_reasons, relative_dates
from newsreader.engine.wordforms import tokenize
from newsreader.model import Article, Sentence, Story

DAY = dt.date(2025, 11, 13)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Rates fall from next month.", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
        ("Prices rose last month.", dt.date(2025, 10, 1), dt.date(2025, 10, 31)),
        ("They meet again in five weeks.", dt.date(2025, 12, 15), dt.date(2025, 12, 21)),
        ("The vote is tomorrow.", dt.date(2025, 11, 14), dt.date(2025, 11, 14)),
        ("A ruling is due in two months.", dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
    ],
)
def test_relative_dates_become_days(text: str, first: dt.date, last: dt.date) -> None:
    [found] = relative_dates(text, tokenize(text), DAY)
    assert (found.first, found.last) == (first, last)
    assert text[found.span[0] : found.span[1]] == found.text


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        ("The council meets again in five weeks.", "The council meets again on December 11.", True),
        (
            "The council meets again in five weeks.",
            "The council meets again on December 18.",
            False,
        ),
        ("Lower rates apply from next month.", "Lower rates apply from 1 January.", True),
        ("Lower rates apply from next month.", "Lower rates apply from 1 December.", False),
        ("Lower rates apply from next month.", "Lower rates apply from December.", False),
        ("The plant closes next month.", "The plant has been open since 1 January.", False),
    ],
)
def test_relative_against_stated_dates(a: str, b: str, clash: bool) -> None:
    assert bool(relative_date_reasons(a, DAY, b, DAY)) is clash
    assert bool(relative_date_reasons(b, DAY, a, DAY)) is clash


def test_no_reference_day_no_clash() -> None:
    assert relative_date_reasons("They meet in five weeks.", None, "They meet on May 1.", DAY) == []


def _article(aid: str, text: str, date: str | None) -> Article:
    return Article(
        aid, aid, aid, text, (Sentence(f"{aid}-1", aid, 0, text, 0, len(text)),), date=date
    )


def test_undated_articles_take_the_day_the_dated_ones_share() -> None:
    articles = [
        _article("a", "x", "2025-11-13T14:00"),
        _article("b", "y", None),
        _article("c", "z", "2025-11-13"),
    ]
    assert reference_days(articles) == {"a": DAY, "b": DAY, "c": DAY}
    articles.append(_article("d", "w", "2025-11-14"))
    assert reference_days(articles)["b"] is None


def test_the_story_flags_a_relative_date_against_a_stated_one() -> None:
    story = Story(
        "s",
        "s",
        (
            _article("a", "The rate-setting council meets again in five weeks.", "2025-11-13"),
            _article("b", "The rate-setting council meets again on December 11.", "2025-11-13"),
        ),
    )
    [relation] = analyze(story).relations
    assert [r.type for r in relation.reasons] == ["date"]
    assert "in five weeks" in relation.reasons[0].detail
