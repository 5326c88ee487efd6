"""Main-text extraction from web pages (with trafilatura, a dependency of the default install)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newsreader.errors import UserError

INSTALL_HINT = "pip install 'newsreader-compare[html]'"


class HtmlSupportMissing(UserError):
    """Reading web pages needs trafilatura, which this install lacks."""


@dataclass(frozen=True)
class ExtractedPage:
    """The article found in a web page: main text and its metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    host: str | None = None  # the page's host name, when no outlet name is given


# A site name that is only a domain ("example.org") is a host, not the outlet's name.
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise HtmlSupportMissing(
            f"reading web pages needs trafilatura, which this install lacks: {INSTALL_HINT}"
        ) from None
    return trafilatura


def html_support_available() -> bool:
    """Whether the HTML extraction dependency is installed."""
    try:
        _trafilatura()
    except HtmlSupportMissing:
        return False
    return True


def host_of(url: str | None) -> str | None:
    """The host name of a URL without a leading `www.`, used as a fallback outlet name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


# Inside the article body: a paragraph that is little more than one long link and has no
# closing full stop ("READ MORE: ...", "Related: ...") or that ends in a "Read more" link is a
# teaser for another story; a heading right above an embedded player is the video's title;
# pull quotes repeat the body's own words.
_LINK = "normalize-space(string(a[1]))"
_TEXT = "normalize-space(.)"
_LOWER = "translate(normalize-space(.), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_PRUNE = [
    f"//p[a][string-length({_LINK}) >= 20]"
    f"[string-length({_TEXT}) < string-length({_LINK}) + 16]"
    f"[not(contains('.!?', substring({_TEXT}, string-length({_TEXT}))))]",
    f"//p[a[last()][starts-with({_LOWER}, 'read more') or starts-with({_LOWER}, 'continue')]]",
    "//*[self::h2 or self::h3 or self::h4]"
    "[following-sibling::*[1][self::iframe or self::video or .//iframe or .//video]]",
    "//*[contains(@class, 'pull-quote') or contains(@class, 'pullquote')]",
]
_EXTRACTION_OPTIONS = {
    "with_metadata": True,
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "prune_xpath": _PRUNE,
    # Only dates the page states; a guess from a copyright line is worse than none.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
# A paragraph repeated inside another one shorter than this is left alone (e.g. "No.").
_MIN_REPEAT_CHARS = 30
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _is_prose(paragraph: str) -> bool:
    """A paragraph of running text, as opposed to a menu entry or a teaser headline."""
    return len(paragraph.split()) >= 6 and bool(_SENTENCE_END.search(paragraph))


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _drop_repeats(paragraphs: list[str]) -> list[str]:
    """Drop paragraphs whose words reappear inside another paragraph (pull quotes, teasers)."""
    keys = [_normalised(p) for p in paragraphs]
    kept = []
    for i, (paragraph, key) in enumerate(zip(paragraphs, keys, strict=True)):
        repeated = len(key) >= _MIN_REPEAT_CHARS and any(
            j != i and key in other and (len(other) > len(key) or j < i)
            for j, other in enumerate(keys)
        )
        if not repeated:
            kept.append(paragraph)
    return kept


def _extract(html: str, url: str | None) -> Any:
    """Run trafilatura; None when it finds nothing or cannot parse the page."""
    trafilatura = _trafilatura()
    try:
        return trafilatura.bare_extraction(html, url=url, **_EXTRACTION_OPTIONS)
    except (RecursionError, ValueError, TypeError, LookupError, AttributeError):
        # Untrusted markup can trip the parser in undocumented ways: one bad page is
        # reported as a page without text, it does not end the program.
        return None


def extract_page(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the main article text and metadata from a page's HTML.

    Navigation, scripts, cookie banners, comments and link lists are left out; an empty
    `text` means the page holds no article.
    """
    document = _extract(html, url)
    if document is None:
        return ExtractedPage(text="", host=host_of(url))
    title = (document.title or "").strip() or None
    paragraphs = [line.strip() for line in (document.text or "").split("\n") if line.strip()]
    # The headline usually comes back as the first line of the body as well.
    if title and paragraphs and _normalised(paragraphs[0]) == _normalised(title):
        paragraphs = paragraphs[1:]
    paragraphs = _drop_repeats(paragraphs)
    if not any(_is_prose(p) for p in paragraphs):
        paragraphs = []
    sitename = (document.sitename or "").strip()
    named = sitename if sitename and not _DOMAIN.fullmatch(sitename) else None
    return ExtractedPage(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=named,
        host=(sitename if sitename and not named else None) or host_of(url),
        author=(document.author or "").strip() or None,
        date=(document.date or "").strip() or None,
    )
