"""How an article is named to a reader: its outlet, else a readable file name, else its place."""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from newsreader.model import Article

# A run of hex digits mixing letters and digits (hashes, ids) says nothing to a reader.
_MACHINE_ID = re.compile(r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}", re.IGNORECASE)


def readable_file_name(source: str) -> str | None:
    """The file (or URL path) name of a source, unless it is a machine id or empty."""
    path = urlsplit(source).path if "://" in source else source
    name = PurePath(path).name
    stem = PurePath(name).stem
    if not stem or _MACHINE_ID.search(stem):
        return None
    return name


def article_name(article: Article, position: int) -> str:
    """The article's outlet, else its readable file name, else "article N" (1-based)."""
    return article.outlet or readable_file_name(article.source) or f"article {position}"
