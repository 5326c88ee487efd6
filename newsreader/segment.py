"""Sentence segmentation with exact character offsets into the cleaned text."""

from __future__ import annotations

import re

from syntok import segmenter

# Very long runs without punctuation are cut at whitespace so one "sentence" stays readable.
MAX_SENTENCE_CHARS = 1200
_SPLIT_INSIDE = re.compile(r"\s+")


def _spans_of_paragraph(text: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if not sentence:
                continue
            start = sentence[0].offset
            end = sentence[-1].offset + len(sentence[-1].value)
            spans.append((base + start, base + end))
    return spans


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long span at whitespace near the size limit."""
    spans: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of a text; lines are hard breaks."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        for start, end in _spans_of_paragraph(line, match.start()):
            spans.extend(_cut_long(text, start, end))
    return _merge_fragments(text, spans)


# Titles and short forms that end with a full stop but never end a sentence.
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Maj|Rev|"
    r"Hon|Pres|Supt|Det|Insp|St|Mt|Ft|Jr|Sr|No|Nos|Vol|Fig|vs|v|etc|approx|est|Inc|Corp|Ltd|Co|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Repair the segmenter: rejoin splits after abbreviations and letterless fragments."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        same_line = merged and "\n" not in text[merged[-1][1] : start]
        previous = text[merged[-1][0] : merged[-1][1]] if merged else ""
        after_abbreviation = bool(_ABBREVIATION_END.search(previous)) and piece[:1].isalnum()
        if merged and same_line and (after_abbreviation or not re.search(r"\w", piece)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
