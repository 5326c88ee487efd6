"""Sentence segmentation with exact character offsets into the cleaned text.

A library segmenter proposes boundaries line by line (a line break always ends a sentence);
a small repair pass then removes boundaries that fall after abbreviations, initials or
before lower-case continuations, adds the ones libraries miss (after "a.m."/"U.S." when a
new sentence clearly starts, before "iPhone"-style words, after CJK full stops), keeps
closing quotes with their sentence, and cuts very long runs into readable pieces.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import nupunkt

Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]

# Runs without punctuation are cut so one "sentence" stays readable.
MAX_SENTENCE_CHARS = 600
_MIN_PIECE_CHARS = 200

# How far around a boundary the rules look (longest abbreviation plus a few words).
_CONTEXT = 40
_CLOSERS = "\"'”’»)]}"
# Titles before a name: a full stop after them never ends a sentence.
_TITLES = (
    "Mr|Mrs|Ms|Messrs|Mmes|Mme|Mlle|Dr|Drs|Prof|Gov|Sen|Sens|Rep|Reps|Gen|Lt|Col|Capt|Cpt|Sgt|"
    "Cpl|Pvt|Adm|Cmdr|Cdr|Maj|Brig|Rev|Msgr|Fr|Hon|Pres|Supt|Det|Insp|Atty|Amb|Const|Cllr|"
    "Sr|Sra|Srta|Dra|Herr|Frau"
)
# Short forms that precede a number: "No. 1", "Vol. 3", "Jan. 5", "p. 12".
_BEFORE_NUMBER = (
    "No|Nos|Nr|Vol|Vols|Art|Arts|Fig|Figs|Ch|Sec|Sect|Para|Pt|pp?|ca|approx|Ref|Tel|Ph|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Rs|est"
)
# Short forms that may end a sentence: kept inside one unless a new sentence clearly starts.
_AMBIGUOUS = (
    "Inc|Corp|Co|Cos|Ltd|Plc|Bros|Jr|Sr|St|Ste|Ave|Rd|Blvd|Mt|Ft|Pl|Sq|Dept|Univ|Assn|vs?|"
    "etc|al|cf|viz|ibid|Calif|Colo|Conn|Fla|Ill|Mass|Mich|Minn|Penn|Tenn|Tex|Wash|Wis|Ont|Que"
)
_TITLE_END = re.compile(rf"(?:^|[^\w.])(?:{_TITLES})\.$")
_NUMBER_ABBREV_END = re.compile(rf"(?:^|[^\w.])(?:{_BEFORE_NUMBER})\.$")
_AMBIGUOUS_END = re.compile(
    rf"(?:^|[^\w.])(?:(?:{_AMBIGUOUS})\.|(?:[A-Za-z]\. ?)+[A-Za-z]\.|[A-Za-z]\.)$"
)
# German-style ordinals: "am 3. Mai", "im 2. Weltkrieg"; a number before a month name.
_ORDINAL_END = re.compile(
    r"(?:^|\s)(?i:am|im|vom|zum|zur|beim|der|die|das|dem|den|des|ab|bis|seit|jeden|jedem)"
    r"\s+\d{1,3}\.$"
)
# Month names of languages that write "3. Mai" (English ones are left out: "Oct. 5. March").
_MONTH_WORD = re.compile(
    r"(?:Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril|"
    r"mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
)
_CLOCK_END = re.compile(r"(?:^|[^\w.])[ap]\. ?m\.$", re.IGNORECASE)
# Words that begin a new sentence far more often than they continue a name or a time.
_STARTERS = frozenset(
    re.findall(
        r"\w+",
        "The A An This That These Those He She It They We I You His Her Its Their Our My Your "
        "There Here But And Or So Yet Nor In On At For With From By After Before When While If As "
        "Although Though Because Since Until Meanwhile However Also Still Then Now Later Earlier "
        "Police Officials Authorities Witnesses Some Many Most Several All Both Each No None One "
        "Two Three What Who Why How Where Which Let Please",
    )
)
_CLOCK_CONTINUATIONS = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
    r"[A-Z]{2,5}\b|local|today|tonight|tomorrow|yesterday)",
)
_CAMEL_WORD = re.compile(r"[a-z]{1,3}[A-Z]")
# Boundaries libraries miss: CJK/Devanagari/Arabic sentence ends, and "iPhone"-style starts.
_FORCED_BOUNDARY = re.compile(
    r"[。！？｡।॥؟۔]+[\"'”’」』)）]*\s*(?=\S)|[.!?][\"'”’)]*\s+(?=[a-z]{1,3}[A-Z]\w)"
)
_CANDIDATE = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z])")
_LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[A-Za-z])[.)]")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([\w'’-]+)")


def _library_spans(text: str) -> Spans:
    """Sentence spans proposed by nupunkt (a maintained Punkt implementation) for one line."""
    return nupunkt.sent_spans(text)


def _boundaries(line: str, splitter: Splitter) -> list[int]:
    """Cut points inside one line, proposed by the library and by the forced patterns."""
    cuts = {_trim(line, 0, end)[1] for _, end in splitter(line)}
    cuts.update(m.end() for m in _FORCED_BOUNDARY.finditer(line))
    return sorted(c for c in cuts if 0 < c < len(line.rstrip()))


def _keep_cut(left: str, right: str) -> bool:
    """Decide whether a proposed boundary between two stripped pieces is a real one."""
    left, right = left[-_CONTEXT:].strip(), right[:_CONTEXT].strip()
    if not any(ch.isalnum() for ch in right) or not any(ch.isalnum() for ch in left):
        return False
    if left[-1] in ",;:-–—(" or right[0] in ",;:.)]}" or _LIST_MARKER.fullmatch(left):
        return False
    word_match = _NEXT_WORD.match(right)
    word = word_match.group(1) if word_match else ""
    if right[0].islower() or (word[:1].islower() and not _CAMEL_WORD.match(word)):
        return bool(_CAMEL_WORD.match(word))
    if _TITLE_END.search(left):
        return False
    if _NUMBER_ABBREV_END.search(left) and word[:1].isdigit():
        return False
    if _ORDINAL_END.search(left) or (left[-1:] == "." and _MONTH_WORD.match(word)):
        return not left[-2:-1].isdigit()
    if _CLOCK_END.search(left):
        return not (word[:1].isdigit() or _CLOCK_CONTINUATIONS.match(word))
    if _AMBIGUOUS_END.search(left):
        return word in _STARTERS
    return True


def _rule_cuts(line: str, known: set[int]) -> list[int]:
    """Boundaries after a full stop, "!" or "?" that the repair rules accept (beyond `known`)."""
    cuts = []
    for match in _CANDIDATE.finditer(line):
        cut = match.start() + 1
        if cut in known:
            continue
        left, right = line[max(0, cut - _CONTEXT) : cut], line[match.end() : match.end() + _CONTEXT]
        if _keep_cut(left, right):
            cuts.append(cut)
    return cuts


def _move_past_closers(line: str, cut: int) -> int:
    """Keep a closing quote or bracket right after a boundary with the sentence it closes."""
    while cut < len(line) and line[cut] in _CLOSERS:
        after = line[cut + 1 : cut + 2]
        if after and not after.isspace() and after not in _CLOSERS:
            break
        cut += 1
    return cut


def _line_spans(line: str, splitter: Splitter) -> Spans:
    """Sentences of one line as (start, end) offsets into the line, whitespace trimmed."""
    proposed = _boundaries(line, splitter)
    proposed += _rule_cuts(line, set(proposed))
    cuts = sorted({_move_past_closers(line, c) for c in proposed})
    pieces: Spans = []
    start = 0
    for cut in [*cuts, len(line)]:
        if cut <= start:
            continue
        left = line[start:cut].strip()
        if not left:
            continue
        if pieces and not _keep_cut(line[pieces[-1][0] : pieces[-1][1]], left):
            pieces[-1] = (pieces[-1][0], cut)
        else:
            pieces.append((start, cut))
        start = cut
    return [_trim(line, s, e) for s, e in pieces if line[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int) -> Spans:
    """Split an over-long span, preferring a comma or dash, else a space, near the limit."""
    spans: Spans = []
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start + _MIN_PIECE_CHARS : start + MAX_SENTENCE_CHARS]
        cut = -1
        for pattern in (r"[,;:]\s", r"\s[—–]\s", r"\s"):
            found = [m.end() for m in re.finditer(pattern, window)]
            if found:
                cut = start + _MIN_PIECE_CHARS + found[-1]
                break
        if cut < 0:
            cut = start + MAX_SENTENCE_CHARS
        piece_start, piece_end = _trim(text, start, cut)
        if piece_end > piece_start:
            spans.append((piece_start, piece_end))
        start = cut
    start, end = _trim(text, start, end)
    if start < end:
        spans.append((start, end))
    return spans


def sentence_spans(text: str, splitter: Splitter | None = None) -> Spans:
    """Return (start, end) offsets of the sentences of a text; lines are hard breaks.

    `splitter` replaces the library segmenter (it gets one line and returns spans into it);
    the repair pass runs on its output all the same.
    """
    split = splitter or _library_spans
    spans: Spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        base = match.start()
        for start, end in _line_spans(line, split):
            spans.extend(_cut_long(text, base + start, base + end))
    return spans
