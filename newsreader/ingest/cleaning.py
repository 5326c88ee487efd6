"""Cleaning raw article text: control characters, page furniture and boilerplate."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from newsreader.ingest.boilerplate import (
    HARD_TAIL_HEADER,
    TAIL_HEADER,
    ends_sentence,
    furniture_kind,
    is_headline_like,
    is_truncated,
    words,
)
from newsreader.ingest.bylines import (
    byline_author,
    byline_outlet,
    date_line,
    dateline_agency,
    is_date_label,
    is_published_line,
    lone_name,
    strip_dateline,
)

# ANSI/VT escape sequences: CSI, OSC (terminated by BEL or ST), and two-byte escapes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[P^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

_BULLET = re.compile(r"^\s*(?:[•·▪‣◦●○■□➤►*–-]|\d{1,3}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# A line that is clearly body text: long enough and ending like a sentence.
_BODY_MIN_WORDS = 8
_MAX_WRAP_WIDTH = 100
_META_SEPARATOR = re.compile(r"\s+[|•·]\s+")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps newline and tab)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class CleanedText:
    """The result of cleaning: headline, body text, and what the page furniture told us."""

    title: str | None
    text: str
    date: str | None = None
    author: str | None = None
    removed: tuple[str, ...] = ()
    outlet: str | None = None  # named by a byline ("By X, Outlet") or a dateline ("(AP)")


def _norm(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def _is_body_line(line: str) -> bool:
    return (
        len(words(line)) >= _BODY_MIN_WORDS
        and ends_sentence(line)
        and furniture_kind(line) is None
        and date_line(line) is None
    )


def _tail_start(lines: list[str], body_start: int) -> int:
    """Index where a trailing block of teasers, comments or prompts begins (len if none)."""
    for i in range(body_start + 1, len(lines)):
        line = lines[i].strip()
        if HARD_TAIL_HEADER.match(line):
            return i
        if TAIL_HEADER.match(line):
            rest = [x.strip() for x in lines[i + 1 :] if x.strip()]
            teaserish = sum(
                1 for x in rest if is_truncated(x) or is_headline_like(x) or furniture_kind(x)
            )
            if not rest or any(is_truncated(x) for x in rest) or teaserish * 2 >= len(rest):
                return i
    # A headerless run of teaser titles and cut-off blurbs at the very end.
    end = len(lines)
    start = end
    for i in range(end - 1, body_start, -1):
        line = lines[i].strip()
        if not line or is_truncated(line) or is_headline_like(line) or furniture_kind(line):
            start = i
            continue
        break
    tail = [x.strip() for x in lines[start:end] if x.strip()]
    if sum(1 for x in tail if is_truncated(x)) >= 2:
        return start
    return end


def _is_title_candidate(line: str) -> bool:
    kind = furniture_kind(line)
    return (
        (kind is None or kind == "short")
        and 3 <= len(words(line)) <= 30
        and len(line) <= 220
        and date_line(line) is None
        and byline_author(line) is None
    )


def _find_title(lines: list[str], body_start: int) -> int | None:
    """Index of the headline: the first title-sized line in the page header, if any."""
    for i in range(min(body_start + 1, len(lines))):
        line = lines[i].strip()
        if not line or not _is_title_candidate(line):
            continue
        following = [x for x in lines[i + 1 :] if x.strip()]
        if not following:
            return None
        if not ends_sentence(line):
            return i
        # A headline written as a sentence stands alone above a clearly longer paragraph;
        # otherwise it is the lead sentence and stays in the body.
        stands_alone = i + 1 < len(lines) and not lines[i + 1].strip()
        next_paragraph = _paragraph_at(lines, i + 1)
        longer = len(words(next_paragraph)) >= 2 * len(words(line))
        return i if stands_alone and longer else None
    return None


def _paragraph_at(lines: list[str], start: int) -> str:
    """The first paragraph (run of non-empty lines) at or after `start`."""
    while start < len(lines) and not lines[start]:
        start += 1
    end = start
    while end < len(lines) and lines[end]:
        end += 1
    return " ".join(lines[start:end])


def clean_article(raw: str) -> CleanedText:
    """Clean raw article text: strip controls, drop page furniture, find headline, date, author.

    When the rules would leave nothing, short lines are kept after all (an article that is a
    single headline-like line is text, not furniture).
    """
    cleaned = _clean(raw, keep_short=False)
    if cleaned.text:
        return cleaned
    lenient = _clean(raw, keep_short=True)
    if lenient.text:
        return lenient
    # Only a headline is left: it is the article's one sentence.
    return replace(cleaned, text=cleaned.title) if cleaned.title else cleaned


def _clean(raw: str, keep_short: bool) -> CleanedText:
    lines = _unwrap([_SPACES.sub(" ", line).strip() for line in strip_controls(raw).split("\n")])
    body_start = next((i for i, line in enumerate(lines) if _is_body_line(line)), len(lines))
    tail = _tail_start(lines, body_start)
    cut_tail = [line for line in lines[tail:] if line]
    lines = lines[:tail]
    title_at = _find_title(lines, body_start)
    if title_at == body_start:
        body_start = next(
            (i for i in range(title_at + 1, len(lines)) if _is_body_line(lines[i])), len(lines)
        )
    title = lines[title_at].rstrip(".") if title_at is not None else None

    dates: list[tuple[bool, str]] = []
    author: str | None = None
    outlet: str | None = None
    removed: list[str] = []
    seen: set[str] = {_norm(title)} if title else set()
    kept: list[str] = []
    first_body = True
    agency: str | None = None
    for i, line in enumerate(lines):
        if i == title_at:
            continue
        if not line:
            kept.append("")
            continue
        meta = _line_metadata(line)
        if meta and meta[0]:
            dates.append((is_published_line(line), meta[0]))
        if meta and meta[1]:
            author = author or meta[1]
            outlet = outlet or next(
                filter(None, map(byline_outlet, _META_SEPARATOR.split(line))), None
            )
        elif i < body_start and lone_name(line) and _next_to_date(lines, i):
            author = author or lone_name(line)
        junk = _is_junk(lines, i, body_start, keep_short)
        if meta or junk or is_date_label(line) or _repeats(line, seen):
            removed.append(line)
            continue
        seen.add(_norm(line))
        if first_body and len(words(line)) >= _BODY_MIN_WORDS:
            agency = dateline_agency(line)
            line = strip_dateline(line)
            first_body = False
        if _BULLET.match(line):
            line = _BULLET.sub("", line)
            if not ends_sentence(line):
                line += "."
        kept.append(line)

    paragraphs: list[list[str]] = [[]]
    for line in kept:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    body = "\n\n".join("\n".join(p) for p in paragraphs if p)
    date = next((d for published, d in dates if published), dates[0][1] if dates else None)
    return CleanedText(
        title=title,
        text=body,
        date=date,
        author=author,
        removed=(*removed, *cut_tail),
        outlet=outlet or agency,
    )


def _repeats(line: str, seen: set[str]) -> bool:
    """A line already seen: a repeated headline or pull quote (short replies like "No." stay)."""
    return _norm(line) in seen and (len(words(line)) >= 4 or not ends_sentence(line))


def _unwrap(lines: list[str]) -> list[str]:
    """Rejoin paragraphs hard-wrapped at a fixed width (e-mail, terminal or wire copy).

    Only when many lines stop near one width in mid-sentence; a line is then joined to
    the next when it is that long and does not end a sentence.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 5:
        return lines
    width = lengths[int(0.9 * (len(lengths) - 1))]
    wrapped = [
        line for line in lines if line and len(line) >= 0.8 * width and not ends_sentence(line)
    ]
    if width > _MAX_WRAP_WIDTH or len(wrapped) < 3 or len(wrapped) < 0.3 * len(lengths):
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        joining = bool(line) and len(line) >= 0.6 * width and not ends_sentence(line)
    return out


def _line_metadata(line: str) -> tuple[str | None, str | None] | None:
    """(date, author) of a metadata line such as "By Jane Doe | 3 March 2026 | 5 min read".

    None when the line is not made of metadata only.
    """
    parts = _META_SEPARATOR.split(line)
    found_date: str | None = None
    found_author: str | None = None
    for part in parts:
        part_date = date_line(part)
        part_author = None if part_date else byline_author(part)
        found_date = found_date or part_date
        found_author = found_author or part_author
        if part_date or part_author:
            continue
        if len(parts) == 1 or not (
            furniture_kind(part) or is_date_label(part) or len(words(part)) <= 3
        ):
            return None
    return (found_date, found_author) if found_date or found_author else None


def _is_junk(lines: list[str], i: int, body_start: int, keep_short: bool) -> bool:
    """Furniture, except short lines that read as subheads or list items inside the body."""
    line = lines[i]
    if TAIL_HEADER.match(line):
        return True
    kind = furniture_kind(_BULLET.sub("", line))
    if kind != "short" or keep_short:
        return kind is not None and kind != "short"
    if len(words(line)) < 2 or i <= body_start:
        return True
    if _BULLET.match(line):
        return False
    after = next((x for x in lines[i + 1 :] if x), "")
    return not _is_body_line(after)


def _next_to_date(lines: list[str], i: int) -> bool:
    """True when the nearest non-empty line before or after line i is a date line."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j]:
            j += step
        if 0 <= j < len(lines) and (date_line(lines[j]) or is_date_label(lines[j])):
            return True
    return False
