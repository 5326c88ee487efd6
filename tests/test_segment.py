"""Sentence segmentation: offsets index the cleaned text exactly."""

from __future__ import annotations

from newsreader.segment import MAX_SENTENCE_CHARS, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_offsets_are_exact_and_abbreviations_hold() -> None:
    text = (
        "Mr. Xi met Dr. Smith at 9 a.m. in Washington. Trade reached $245.7 billion in 2024.\n"
        "Gov. Brown spoke later."
    )
    sentences = _sentences(text)
    assert sentences == [
        "Mr. Xi met Dr. Smith at 9 a.m. in Washington.",
        "Trade reached $245.7 billion in 2024.",
        "Gov. Brown spoke later.",
    ]


def test_lines_are_hard_breaks() -> None:
    assert _sentences("A headline without a stop\nThen a sentence.") == [
        "A headline without a stop",
        "Then a sentence.",
    ]


def test_long_unpunctuated_text_is_cut() -> None:
    text = ("word " * 5000).strip()
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text


def test_demo_story_offsets(demo_story) -> None:
    for article in demo_story.articles:
        assert article.sentences
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
