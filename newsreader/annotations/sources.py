"""Naming the articles an annotation quotes: URIs and titles from story snapshots."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from newsreader.model import Annotation, Article, Story, Target

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def find_article(stories: Mapping[str, Story], story_id: str, article_id: str) -> Article | None:
    """The article of a saved story, if the story is known."""
    story = stories.get(story_id)
    if story is None:
        return None
    return next((a for a in story.articles if a.id == article_id), None)


def article_url(article: Article | None) -> str | None:
    """The article's address: its URL, or a file URI for a file read from an absolute path."""
    if article is None:
        return None
    if _URL.match(article.source):
        return article.source
    if article.source and Path(article.source).is_absolute():
        return Path(article.source).as_uri()
    return None


def article_urn(story_id: str, article_id: str) -> str:
    """The newsreader URN of an article: it names the article's cleaned text."""
    return f"urn:newsreader:article:{quote(story_id, safe='')}/{quote(article_id)}"


def source_uri(stories: Mapping[str, Story], annotation: Annotation, target: Target) -> str:
    """A URI for the article a target quotes: its URL or file, else a newsreader URN."""
    article = find_article(stories, annotation.story, target.article)
    return article_url(article) or article_urn(annotation.story, target.article)


def annotation_uri(annotation: Annotation) -> str:
    """A URI for an annotation: urn:uuid for UUIDs, else a newsreader URN."""
    if re.fullmatch(r"[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}", annotation.id):
        return f"urn:uuid:{annotation.id}"
    return f"urn:newsreader:annotation:{quote(annotation.id, safe='')}"


def article_label(stories: Mapping[str, Story], annotation: Annotation, target: Target) -> str:
    """A readable name for a quoted article: outlet and title when known, else its id."""
    article = find_article(stories, annotation.story, target.article)
    if article is None:
        return target.article
    return f"{article.outlet}: {article.title}" if article.outlet else article.title
