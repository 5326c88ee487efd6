"""Sentence segmentation: offsets index the cleaned text exactly."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from newsreader.engine.segment import MAX_SENTENCE_CHARS, sentence_spans


def _sentences(text: str) -> list[str]:
    spans = sentence_spans(text)
    for start, end in spans:
        piece = text[start:end]
        assert piece == piece.strip() and piece, (start, end)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    return [text[s:e] for s, e in spans]


def test_offsets_are_exact_and_abbreviations_hold() -> None:
    text = (
        "Mr. Xi met Dr. Smith at 9 a.m. in Washington. Trade reached $245.7 billion in 2024.\n"
        "Gov. Brown spoke later."
    )
    assert _sentences(text) == [
        "Mr. Xi met Dr. Smith at 9 a.m. in Washington.",
        "Trade reached $245.7 billion in 2024.",
        "Gov. Brown spoke later.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sen. Warren and Rep. Ocasio met Lt. Col. Vindman on Tuesday.",
        "The Rev. Jesse Moore and Msgr. Farmer led the prayers.",
        "Prof. Lee, Mrs. Hart and Ms. Gomes signed the letter.",
        "Police Lt. Gerry Scott said Cpl. Janice Leader took the call.",
        "The U.S. Geological Survey put the quake at magnitude 6.1 on Sunday.",
        "The meeting was set for Jan. 5 in the U.K. capital.",
        "He wore shirt No. 10 for the club.",
        "Shares of Acme Corp. rose 3.5% to $12.40 on the news.",
        "J. K. Rowling and J.R.R. Tolkien were both mentioned.",
        "Inflation eased to 2.4 per cent, from 3.1 per cent, the bank said.",
        "It cost $1.5 billion (about €1.4 billion) last year.",
        "The fire started at 3:30 a.m. Monday and burned until 5 p.m. local time.",
        "She lives at 12 Church St. in Brooklyn.",
        "Prices rose — sharply — on Monday, the ministry said.",
    ],
)
def test_abbreviations_numbers_and_dashes_do_not_split(sentence: str) -> None:
    assert _sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shooting happened at 4 p.m. Police arrived minutes later.",
            ["The shooting happened at 4 p.m.", "Police arrived minutes later."],
        ),
        (
            "The drones were sent by the U.S. They landed near the base.",
            ["The drones were sent by the U.S.", "They landed near the base."],
        ),
        (
            "The deal was signed by Acme Inc. The shares fell.",
            ["The deal was signed by Acme Inc.", "The shares fell."],
        ),
        (
            "Apple unveiled a new phone. iPhone sales rose.",
            ["Apple unveiled a new phone.", "iPhone sales rose."],
        ),
        (
            "Stocks closed at $24.05. Analysts expect more losses.",
            ["Stocks closed at $24.05.", "Analysts expect more losses."],
        ),
    ],
)
def test_boundaries_after_abbreviations_when_a_sentence_starts(
    text: str, expected: list[str]
) -> None:
    assert _sentences(text) == expected


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "He said: \"We will not leave.\" The crowd cheered. 'Never again.' She left."
    assert _sentences(text) == [
        'He said: "We will not leave."',
        "The crowd cheered.",
        "'Never again.'",
        "She left.",
    ]


def test_curly_quotes_and_question_in_quote() -> None:
    text = "“Who sent the drones?” the mayor asked. Nobody answered."
    assert _sentences(text) == ["“Who sent the drones?” the mayor asked.", "Nobody answered."]


def test_ellipsis_before_lower_case_continues_the_sentence() -> None:
    text = "It was too much... to me it was too hard. Then we left... Nobody stayed."
    assert _sentences(text) == [
        "It was too much... to me it was too hard.",
        "Then we left...",
        "Nobody stayed.",
    ]


def test_semicolon_does_not_end_a_sentence() -> None:
    text = "Hackers exploit a browser bug; the vendor promises a patch"
    assert _sentences(text) == [text]


def test_lines_are_hard_breaks_and_headlines_need_no_stop() -> None:
    assert _sentences("A headline without a stop\nThen a sentence.") == [
        "A headline without a stop",
        "Then a sentence.",
    ]


def test_bullet_lines_are_sentences_each() -> None:
    text = "Key points:\n• Talks start Monday\n• 29 leaders attend.\n- Trade rose 66%"
    assert _sentences(text) == [
        "Key points:",
        "• Talks start Monday",
        "• 29 leaders attend.",
        "- Trade rose 66%",
    ]


def test_numbered_list_markers_stay_with_their_item() -> None:
    text = "1. First the budget. 2. Then the vote."
    assert _sentences(text) == ["1. First the budget.", "2. Then the vote."]


def test_blank_lines_and_surrounding_space_are_skipped() -> None:
    text = "\n\n   First one.   \n\n\t\nSecond one.  \n"
    assert _sentences(text) == ["First one.", "Second one."]


def test_empty_and_blank_text() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("  \n\t\n ") == []


def test_long_unpunctuated_text_is_cut_into_readable_pieces() -> None:
    text = ("word " * 5000).strip()
    assert len(text) > 20_000
    spans = sentence_spans(text)
    assert len(spans) > 20
    assert all(0 < e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text


def test_long_sentence_is_cut_at_commas_first() -> None:
    clause = "the ministry said that the talks would continue for several more days"
    text = ", ".join([clause] * 40) + "."
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(text[s:e].endswith((",", ".")) for s, e in spans)
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)


def test_long_run_without_spaces_is_cut_hard() -> None:
    text = "x" * 2_500
    spans = sentence_spans(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)


def test_chinese_full_stops_split() -> None:
    text = "习近平抵达莫斯科。他将访问四天！这是第十一次访问？"
    assert _sentences(text) == ["习近平抵达莫斯科。", "他将访问四天！", "这是第十一次访问？"]


def test_other_languages_keep_exact_offsets() -> None:
    text = (
        "Der Präsident traf am Mittwoch in Moskau ein. Er bleibt vier Tage.\n"
        "El presidente llegó el miércoles. ¿Cuántos drones fueron derribados?\n"
        "Президент прибыл в Москву в среду. Визит продлится четыре дня.\n"
        "रूस ने कहा कि ड्रोन गिराए गए। राष्ट्रपति बुधवार को पहुंचे।"
    )
    sentences = _sentences(text)
    assert sentences == [
        "Der Präsident traf am Mittwoch in Moskau ein.",
        "Er bleibt vier Tage.",
        "El presidente llegó el miércoles.",
        "¿Cuántos drones fueron derribados?",
        "Президент прибыл в Москву в среду.",
        "Визит продлится четыре дня.",
        "रूस ने कहा कि ड्रोन गिराए गए।",
        "राष्ट्रपति बुधवार को पहुंचे।",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Präsident traf am 3. Mai in Moskau ein. Er bleibt bis zum 10. Mai.",
            ["Der Präsident traf am 3. Mai in Moskau ein.", "Er bleibt bis zum 10. Mai."],
        ),
        (
            "Im 2. Weltkrieg starben Millionen. Das ist bekannt.",
            ["Im 2. Weltkrieg starben Millionen.", "Das ist bekannt."],
        ),
        (
            "Die Firma (z. B. Siemens) wuchs um 5 Prozent. Das war viel.",
            ["Die Firma (z. B. Siemens) wuchs um 5 Prozent.", "Das war viel."],
        ),
        (
            "M. Macron est arrivé à Moscou. Il restera quatre jours.",
            ["M. Macron est arrivé à Moscou.", "Il restera quatre jours."],
        ),
        (
            "The vote is set for Oct. 5. March is next.",
            ["The vote is set for Oct. 5.", "March is next."],
        ),
    ],
)
def test_ordinals_and_abbreviations_in_other_languages(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_text_full_of_numbers() -> None:
    text = "12 14 19 500 60,000 245.7 66% 2024 1.5 3.0\n1. 2. 3. 4.\n$245.7bn 19:45 07/05/2025"
    sentences = _sentences(text)
    assert sentences[0] == "12 14 19 500 60,000 245.7 66% 2024 1.5 3.0"
    assert sentences[-1] == "$245.7bn 19:45 07/05/2025"
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_punctuation_only_lines_do_not_crash() -> None:
    text = "...\n!!!\n— —\nA real sentence."
    sentences = _sentences(text)
    assert sentences[-1] == "A real sentence."


def test_a_custom_splitter_is_repaired_too() -> None:
    def naive(line: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for i, ch in enumerate(line):
            if ch == "." and (i + 1 == len(line) or line[i + 1] == " "):
                spans.append((start, i + 1))
                start = i + 2
        if start < len(line):
            spans.append((start, len(line)))
        return spans

    text = "Mr. Xi met Gov. Brown. They talked."
    spans = sentence_spans(text, splitter=naive)
    assert [text[s:e] for s, e in spans] == ["Mr. Xi met Gov. Brown.", "They talked."]


def test_demo_story_offsets(demo_story) -> None:
    for article in demo_story.articles:
        assert article.sentences
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.N. Security Council met on Friday.", ["The U.N. Security Council met on Friday."]),
        (
            "He was born in the U.S. He moved to Canada in 1990.",
            ["He was born in the U.S.", "He moved to Canada in 1990."],
        ),
        (
            "She has a Ph.D. in economics. She teaches.",
            ["She has a Ph.D. in economics.", "She teaches."],
        ),
        (
            "The bill passed 52-48. It now goes to the House.",
            ["The bill passed 52-48.", "It now goes to the House."],
        ),
        ("Then we left… Nobody stayed.", ["Then we left…", "Nobody stayed."]),
        (
            "At 5 p.m. ET, markets closed. Traders left.",
            ["At 5 p.m. ET, markets closed.", "Traders left."],
        ),
    ],
)
def test_more_boundaries(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def _bench_module():
    path = Path(__file__).resolve().parents[3] / "scripts" / "bench_segment.py"
    spec = importlib.util.spec_from_file_location("bench_segment", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_benchmark_scores_boundaries_modulo_quotes_and_spaces() -> None:
    bench = _bench_module()
    text = 'He said "go." Then he left. Done'
    doc = bench.Doc(text=text, gold_ends=(13, 27), subtopic="t")
    # A boundary before the closing quote counts as the same boundary as after it.
    assert bench.score([doc], [[(0, 12), (14, 27), (28, 32)]]) == (1.0, 1.0, 1.0)
    precision, recall, _ = bench.score([doc], [[(0, 8), (9, 27), (28, 32)]])
    assert (precision, recall) == (0.5, 0.5)


def test_benchmark_says_when_data_is_missing(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[3] / "scripts" / "bench_segment.py"
    result = subprocess.run(
        [sys.executable, str(script), "--data", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "ECB+ data not found" in result.stderr
    assert "Traceback" not in result.stderr
