"""Cleaning: control characters, escape sequences and page furniture."""

from __future__ import annotations

from newsreader.cleaning import clean_article, strip_controls


def test_strip_controls_removes_escapes_and_c0_c1() -> None:
    text = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07 c\x00d\x07e\x85f\u009dg\ttab\nline"
    assert strip_controls(text) == "ared b cdefg\ttab\nline"


def test_strip_controls_normalises_newlines() -> None:
    assert strip_controls("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_furniture_lines_are_dropped() -> None:
    raw = (
        "A Big Headline About The Event\n\n"
        "Total Views : 22\nZoom In Zoom Out Read Later Print\nShare\n12 Comments\n\n"
        "The council approved the budget on Monday after a long debate.\n\n"
        "Advertisement\n\n"
        "Disclaimer: This image is taken from Reuters.\n\n"
        "LEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here\n"
    )
    cleaned = clean_article(raw)
    assert cleaned.title == "A Big Headline About The Event"
    assert cleaned.text == "The council approved the budget on Monday after a long debate."


def test_trailing_teaser_block_is_cut() -> None:
    raw = (
        "Headline of the story here\n\n"
        "The mayor opened the new bridge on Friday morning.\n\n"
        "Related articles\n\n"
        "Another Story Title\n\nSomething happened somewhere and people were...\n\n"
        "Yet Another Title\n\nA long teaser that is cut off in the middle of...\n"
    )
    assert clean_article(raw).text == "The mayor opened the new bridge on Friday morning."


def test_bullets_become_sentences() -> None:
    raw = (
        "Title line of the piece\n\nHighlights\n  • First point without a stop\n  • Second point.\n"
    )
    assert clean_article(raw).text == "First point without a stop.\nSecond point."


def test_body_first_line_is_not_taken_as_title() -> None:
    raw = "The first sentence of the body is here.\nThe second line follows at once.\n"
    cleaned = clean_article(raw)
    assert cleaned.title is None
    assert cleaned.text.startswith("The first sentence")
