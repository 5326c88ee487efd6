"""Front matter: the `---` block of key/value metadata that web clippers put on saved articles."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY = re.compile(r"^([A-Za-z_][\w -]*?)\s*:\s*(.*)$")
_ITEM = re.compile(r"^\s+-\s+(.*)$")

# Which front matter keys mean which article field (first present wins).
_FIELDS = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "by", "byline"),
    "date": ("published", "date", "pubdate", "published_at", "datepublished"),
    "outlet": ("outlet", "site", "site_name", "sitename", "publisher", "publication"),
    "url": ("url", "source", "link", "canonical"),
}


@dataclass(frozen=True)
class FrontMatter:
    """Article metadata found in a front matter block."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


def _clean_value(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
        value = value[1:-1]
    value = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", value)  # [[Page|Name]] -> Name
    return ", ".join(part.strip().strip("\"'") for part in value.split(",") if part.strip())


def _parse(block: str) -> dict[str, str]:
    values: dict[str, str] = {}
    key: str | None = None
    for line in block.splitlines():
        item = _ITEM.match(line)
        if item and key:
            entry = _clean_value(item.group(1))
            values[key] = f"{values[key]}, {entry}" if values.get(key) else entry
            continue
        match = _KEY.match(line)
        if match:
            key = match.group(1).strip().lower().replace(" ", "_")
            values[key] = _clean_value(match.group(2))
    return values


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """Split a leading front matter block from a text; returns its metadata and the rest."""
    match = _BLOCK.match(text)
    if not match:
        return FrontMatter(), text
    values = _parse(match.group(1))
    if not values:
        return FrontMatter(), text
    found = {
        name: next((values[k] for k in keys if values.get(k)), None)
        for name, keys in _FIELDS.items()
    }
    url = found["url"]
    if url and not re.match(r"https?://", url):
        found["url"] = None
    return FrontMatter(**found), text[match.end() :]
