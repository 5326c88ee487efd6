"""One article's bytes to a Source, by format: plain text, Markdown or a web page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from newsreader.errors import UserError
from newsreader.ingest.cleaning import strip_controls
from newsreader.ingest.encoding import decode_text, html_meta_charset
from newsreader.ingest.front_matter import split_front_matter
from newsreader.ingest.html_extract import HtmlSupportMissing, extract_page, host_of
from newsreader.ingest.markdown_text import markdown_to_text

MAX_METADATA_CHARS = 200


class Format(StrEnum):
    """How an article file is written."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


SUFFIX_FORMATS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
}
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Source:
    """Raw text of one article and where it came from, with optional known metadata."""

    path: str
    raw: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    # The web address's host: the outlet's name of last resort (after bylines, datelines).
    host: str | None = None


def is_url(name: str) -> bool:
    """Whether a command-line input names an http(s) URL rather than a path."""
    return re.match(r"https?://", name, re.IGNORECASE) is not None


def format_of(path: Path, data: bytes) -> Format:
    """The format of an article file: by suffix, except that a page saved as text is HTML."""
    declared = SUFFIX_FORMATS.get(path.suffix.lower(), Format.TEXT)
    if declared is not Format.HTML and _HTML_START.match(data[:2048]):
        return Format.HTML
    return declared


def metadata_value(value: str | None) -> str | None:
    """Page or file metadata made safe to show: no controls, one line, bounded length."""
    if not value:
        return None
    value = re.sub(r"\s+", " ", strip_controls(value)).strip()
    return value[:MAX_METADATA_CHARS] or None


def source_from_bytes(
    data: bytes,
    name: str,
    fmt: Format,
    charset: str | None = None,
    url: str | None = None,
) -> Source:
    """Decode and convert one article; raises UserError when it holds no usable text."""
    if fmt is Format.HTML:
        html = decode_text(data, name, charset or html_meta_charset(data))
        try:
            page = extract_page(html, url)
        except HtmlSupportMissing as exc:
            raise HtmlSupportMissing(f"{name}: skipped, {exc}") from None
        if not page.text.strip():
            # Pages built by JavaScript arrive empty; the browser's saved copy has the text.
            hint = " (if it needs JavaScript, save it from the browser and open the file)"
            raise UserError(f"{name}: no article text found in the page{hint if url else ''}")
        return Source(
            path=name,
            raw=page.text,
            title=metadata_value(page.title),
            outlet=metadata_value(page.outlet),
            author=metadata_value(page.author),
            date=metadata_value(page.date),
            host=metadata_value(page.host),
        )
    text = decode_text(data, name, charset).replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text)
    title = meta.title
    if fmt is Format.MARKDOWN:
        converted = markdown_to_text(body)
        body, title = converted.text, title or converted.title
    if not strip_controls(body).strip():
        raise UserError(f"{name}: empty file")
    return Source(
        path=name,
        raw=body,
        title=metadata_value(title),
        outlet=metadata_value(meta.outlet),
        author=metadata_value(meta.author),
        date=metadata_value(meta.date),
        host=metadata_value(host_of(meta.url or url)),
    )
