"""Publication dates, authors and wire datelines found in the furniture of a news page."""

from __future__ import annotations

import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = [
    rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b",
    rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b",
    r"\b(?P<year>(?:19|20)\d\d)\s?[-/.]\s?(?P<nmonth>[01]?\d)\s?[-/.]\s?(?P<day>[0-3]?\d)\b",
    r"\b(?P<a>[0-3]?\d)\s?[/.]\s?(?P<b>[0-3]?\d)\s?[/.]\s?(?P<year>(?:19|20)?\d\d)\b",
    # No year: "Jul. 7", "12 March". Recognised as a date line, returned as written.
    rf"\b{_MONTH}\s+{_DAY}\b",
    rf"\b{_DAY}\s+{_MONTH}(?!\w)",
]
_DIGIT = re.compile(r"\d")
_DATES = [re.compile(form, re.IGNORECASE) for form in _DATE_FORMS]
_TIME = re.compile(
    r"\b[0-2]?\d\s?[:.h]\s?[0-5]\d(?:\s?[:.]\s?[0-5]\d)?\s*(?:[ap]\.?\s?m\.?)?|"
    r"\b[01]?\d\s*[ap]\.?\s?m\b\.?",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b(?P<hour>[0-2]?\d)(?:\s?[:.h]\s?(?P<minute>[0-5]\d))?\s*"
    r"(?P<meridiem>[ap]\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.IGNORECASE
)
# Words that may sit beside a date on a date line: labels, time zones, "at", "hrs".
_DATE_LABEL = re.compile(
    r"\b(?:(?i:published|updated|posted|last|first|date|created|modified|on|at|hrs?|local|time)|"
    r"[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*)\b",
)
_PUBLISHED = re.compile(r"\b(?:published|posted|first published|created)\b", re.IGNORECASE)

_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von|der|da|bin|al|la|le)){{1,4}}"
_BYLINE = re.compile(
    rf"^\W*(?i:by|written by|words by|story by|reporting by|report by|posted by|authors?\s*:)"
    rf"\s+(?P<names>{_NAME}(?:(?:\s*,\s*{_NAME})*\s*(?:and|&)\s*{_NAME})?)"
    r"(?:\s*(?P<sep>,|;|\||–|—|-|\bfor\b|\bin\b)\s*(?P<tail>[^.!?]{0,60}))?\s*$"
)
# What follows a byline's names when it is a job, not an outlet ("By Jane Doe, Staff Writer").
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|bureau|chief|"
    r"senior|special|associate|analyst|producer|photographer|intern|updated|published)\b",
    re.IGNORECASE,
)
_OUTLET_NAME = re.compile(r"^(?:[Tt]he\s+)?[A-Z0-9][\w'’&.-]*(?:\s+[\w'’&.-]+){0,5}$")
_LONE_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")
# Wire datelines opening the first paragraph: "MOSCOW, May 7 (Reuters) — ", "KYIV, Ukraine (AP) - ".
DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\((?P<agency>[A-Z][\w .&-]{1,30})\))?\s*[—–-]{1,2}\s+(?=[A-Z\"“‘'])"
)


def _match_date(line: str) -> re.Match[str] | None:
    for pattern in _DATES:
        match = pattern.search(line)
        if match:
            return match
    return None


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if not groups.get("year"):
        return None
    year = int(groups["year"])
    year += 2000 if year < 100 else 0
    if groups.get("month"):
        month = _MONTHS[groups["month"][:3].lower()]
        day = int(groups["day"])
    elif groups.get("nmonth"):
        month, day = int(groups["nmonth"]), int(groups["day"])
    else:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            return None  # 07/05/2025: day and month cannot be told apart.
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2099):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_line(line: str) -> str | None:
    """If a line holds only dates (with labels, weekday, time, one place or agency name),
    return the first as YYYY-MM-DD, or as written when it cannot be read unambiguously."""
    if len(line) > 160 or not _DIGIT.search(line):
        return None
    first = _match_date(line)
    if not first:
        return None
    rest = line
    for pattern in _DATES:
        rest = pattern.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _DATE_LABEL.sub(" ", rest)
    leftover = re.findall(r"[^\W\d_]{2,}", rest)
    if len(leftover) > 1:
        return None
    if leftover and line.rstrip().endswith((".", "!", "?")):
        return None  # "Arrived May 7." is a sentence, not a date line.
    iso = _iso(first)
    if iso is None:
        return first.group().strip()
    clock = _clock(line[first.end() :]) or _clock(line[: first.start()])
    return f"{iso}T{clock}" if clock else iso


def _clock(text: str) -> str | None:
    """The time of day a date line gives, as HH:MM (24-hour), or None."""
    match = _CLOCK.search(text)
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    meridiem = (match["meridiem"] or "").lower()[:1]
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if not match["minute"] and not meridiem:
        return None
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def is_date_label(line: str) -> bool:
    """An empty date field such as "Date:" or "Published:"."""
    return bool(re.fullmatch(r"\W*(?:date|published|updated|posted)(?: on)?\s*:?\W*", line, re.I))


def is_published_line(line: str) -> bool:
    """A date line labelled as the publication date (not an update)."""
    return bool(_PUBLISHED.search(line))


def byline_author(line: str) -> str | None:
    """The author named by a byline ("By Jane Doe, Reuters"), or None."""
    stripped = line.strip()
    if len(stripped) > 120:
        return None
    match = _BYLINE.match(stripped)
    if not match:
        return None
    return re.sub(r"\s+", " ", match.group("names")).strip(" ,.&")


def byline_outlet(line: str) -> str | None:
    """The outlet a byline names after its author ("By Jane Hollis, The Harbour Courier",
    "By Jane Doe for Reuters"), or None (no outlet, or a job title or place instead)."""
    stripped = line.strip()
    match = _BYLINE.match(stripped) if len(stripped) <= 120 else None
    if not match or not match.group("tail") or match.group("sep") == "in":
        return None
    tail = re.sub(r"\s+", " ", match.group("tail")).strip(" ,;|-–—")
    if _ROLE.search(tail) or date_line(tail) or not _OUTLET_NAME.match(tail):
        return None
    return tail


def dateline_agency(line: str) -> str | None:
    """The agency a wire dateline credits ("MOSCOW, May 7 (Reuters) — " gives Reuters)."""
    match = DATELINE_PREFIX.match(line)
    agency = match.group("agency") if match else None
    return agency.strip() if agency else None


def lone_name(line: str) -> str | None:
    """A line that is only a person's name (two or three capitalised words)."""
    stripped = line.strip()
    return stripped if _LONE_NAME.match(stripped) else None


def strip_dateline(line: str) -> str:
    """Remove a wire dateline ("WASHINGTON (AP) — ") from the start of a paragraph."""
    return DATELINE_PREFIX.sub("", line, count=1)
