"""Cleaning raw article text: control characters, page furniture and boilerplate."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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

_BOILERPLATE = [
    r"(total\s+)?views?\s*:?\s*\d[\d,.]*k?",
    r"\d[\d,.]*k?\s+(views?|comments?|shares?|reads?)",
    r"(share|print|email|save|tweet|read later|zoom in|zoom out|listen|copy link|follow us)"
    r"(\s*(on\s+\w+|this( article| story)?))?"
    r"(\s+(share|print|email|save|tweet|read later|zoom in|zoom out|listen|copy link))*",
    r"advertisement|sponsored( content)?|ad",
    r"leave a (reply|comment)|post a comment|comments?|\d+\s+comments?",
    r"please (enter|type) your (comment|name|email)( address)?( here)?!?",
    r"(sign up|subscribe)( (now|today|here|to our newsletter))?!?",
    r"you('|’)ve reached the end.*",
    r"(image|photo|picture)( credit)?s?:.*|disclaimer:.*\b(image|photo|picture)\b.*",
    r"(by|written by|reporting by|edited by)\s+[\w .,'’-]{2,60}",
    r"(date|published|updated|posted)( on)?\s*:?\s*.{0,40}",
    r"(home|news|world)(\s*[>/»|]\s*[\w ]+)+",
    r"[\w-]*(image|thumbnail|icon|logo)[\w-]*",
    r"(highlights|story|opinions?|summary|key points|world|news|politics|business)",
    r"(skip to (main )?content|cookie(s)? (policy|settings)|accept( all)? cookies)",
    r"(related|recommended|more|popular|latest|trending|you may also like)"
    r"(\s+(articles|stories|news|posts|from \w+))?:?",
]
_BOILERPLATE_LINE = re.compile(r"^\W*(?:" + "|".join(_BOILERPLATE) + r")\W*$", re.IGNORECASE)
_TEASER_HEADER = re.compile(
    r"^\W*(related|recommended|more|popular|latest|trending|read more|you may also like|"
    r"also read|see also|more from|more stories|more news)\b.{0,30}$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^\W*((mon|tue|wed|thu|fri|sat|sun)\w*,?\s*)?"
    r"(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.?\s+(\d{1,2},?\s+)?\d{4}"
    r"([,\s]+\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?)?(\s+\w{2,4})?\W*$"
    r"|^\W*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$"
    r"|^\W*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\W*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*([•·▪‣◦*–-]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps newline and tab)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class CleanedText:
    """The result of cleaning: a headline (if one was found) and the body text."""

    title: str | None
    text: str
    date: str | None = None


def _words(line: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’-]*", line)


def _is_furniture(line: str) -> bool:
    """Short lines without sentence structure: labels, counters, bylines, buttons."""
    stripped = line.strip()
    if not stripped:
        return False
    if _BOILERPLATE_LINE.match(stripped) or _DATE_LINE.match(stripped):
        return True
    return len(_words(stripped)) <= 2 and not _SENTENCE_END.search(stripped)


def _looks_like_headline(line: str) -> bool:
    words = _words(line)
    return 3 <= len(words) <= 30 and len(line) <= 220


def _drop_teasers(lines: list[str]) -> list[str]:
    """Cut a trailing "Related articles" block (header then teasers) from the end."""
    for i, line in enumerate(lines):
        if _TEASER_HEADER.match(line.strip()) and i > 0:
            rest = [x for x in lines[i + 1 :] if x.strip()]
            # Teasers are headline + truncated blurb pairs; real text rarely follows such a header.
            truncated = sum(1 for x in rest if x.rstrip().endswith(("...", "…")))
            if not rest or truncated >= max(1, len(rest) // 4):
                return lines[:i]
    return lines


def clean_article(raw: str) -> CleanedText:
    """Clean raw article text: strip controls, drop furniture, find the headline."""
    text = strip_controls(raw)
    lines = [line.rstrip() for line in text.split("\n")]
    lines = _drop_teasers(lines)
    date = next((ln.strip() for ln in lines if _DATE_LINE.match(ln.strip())), None)
    kept: list[str] = []
    for line in lines:
        if _is_furniture(line):
            continue
        line = re.sub(r"[ \t]+", " ", line).strip()
        if _BULLET.match(line):
            line = _BULLET.sub("", line)
            if not _SENTENCE_END.search(line):
                line += "."
        kept.append(line)
    # Collapse blank runs into paragraph breaks.
    paragraphs: list[list[str]] = [[]]
    for line in kept:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    title = None
    if paragraphs and len(paragraphs[0]) == 1 and _looks_like_headline(paragraphs[0][0]):
        first = paragraphs[0][0]
        # A lone first line is a headline if it has no sentence ending or stands apart.
        if not _SENTENCE_END.search(first) or len(paragraphs) > 1:
            title = first.rstrip(".")
            paragraphs = paragraphs[1:]
    body = "\n\n".join("\n".join(p) for p in paragraphs)
    return CleanedText(title=title, text=body, date=date)
